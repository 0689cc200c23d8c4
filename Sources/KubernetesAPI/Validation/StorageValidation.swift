import ManifestCoding

/// The API server's rules for volumes, claims and storage classes, as far as the autoscaler
/// depends on them: it reads a claim's class and a volume's node affinity to know in which
/// zone a pod's storage lives, and a class's binding mode to know whether that zone is fixed
/// before the pod is scheduled.
enum StorageRules {
  static let accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]
  static let volumeModes = ["Block", "Filesystem"]
  static let persistentVolumeReclaimPolicies = ["Delete", "Recycle", "Retain"]
  /// A StorageClass may not ask for `Recycle`, which only pre-provisioned volumes support.
  static let storageClassReclaimPolicies = ["Delete", "Retain"]
  static let volumeBindingModes = ["Immediate", "WaitForFirstConsumer"]

  /// `ValidatePersistentVolumeClaimSpec`, for claims, StatefulSet claim templates and
  /// ephemeral volumes. The storage request is reported at `resources[storage]`, the path the
  /// API server uses. It is checked only when `resources` is given.
  static func validateClaimSpec(
    _ spec: PersistentVolumeClaimSpec, at path: FieldPath, errors: inout FieldErrors
  ) {
    validateAccessModes(spec.accessModes, at: path.child("accessModes"), errors: &errors)
    if let resources = spec.resources {
      let storagePath = path.child("resources").key("storage")
      if let storage = resources.requests?["storage"] {
        if storage.sign <= 0 {
          errors.append(.invalid(storagePath, storage.description, "must be greater than zero"))
        }
      } else {
        errors.append(.required(storagePath))
      }
      ValueRules.nonNegative(resources.limits, at: path.child("resources").child("limits"), errors: &errors)
    }
    validateClassName(spec.storageClassName, at: path.child("storageClassName"), errors: &errors)
    ValueRules.oneOf(spec.volumeMode, volumeModes, at: path.child("volumeMode"), errors: &errors)
    if let selector = spec.selector {
      MetadataRules.validateSelector(selector, at: path.child("selector"), errors: &errors)
    }
  }

  static func validateAccessModes(_ modes: [String]?, at path: FieldPath, errors: inout FieldErrors) {
    for (i, mode) in (modes ?? []).enumerated() where !accessModes.contains(mode) {
      errors.append(.unsupported(path.index(i), mode, supported: accessModes))
    }
  }

  /// `ValidateClassName`: an empty name means "no class"; any other is a DNS subdomain.
  static func validateClassName(_ name: String?, at path: FieldPath, errors: inout FieldErrors) {
    if let name, !name.isEmpty, let problem = Syntax.dnsSubdomainProblem(Substring(name)) {
      errors.append(.invalid(path, name, problem))
    }
  }
}

extension PersistentVolumeClaim {
  /// Every problem the API server would report for this claim; empty when valid.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    if let spec {
      StorageRules.validateClaimSpec(spec, at: FieldPath(dotted: "spec"), errors: &errors)
    }
    return errors.all
  }
}

extension PersistentVolume {
  /// Every problem the API server would report for this volume; empty when valid. Its node
  /// affinity is what pins a pod using it to a zone, so it gets the full node-selector rules.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    guard let spec else { return errors.all }
    let path = FieldPath(dotted: "spec")
    if let capacity = spec.capacity {
      for name in capacity.keys.sorted() where name != "storage" {
        errors.append(.unsupported(path.child("capacity"), name, supported: ["storage"]))
      }
      ValueRules.nonNegative(capacity, at: path.child("capacity"), errors: &errors)
    }
    StorageRules.validateAccessModes(spec.accessModes, at: path.child("accessModes"), errors: &errors)
    ValueRules.oneOf(
      spec.persistentVolumeReclaimPolicy, StorageRules.persistentVolumeReclaimPolicies,
      at: path.child("persistentVolumeReclaimPolicy"), errors: &errors)
    ValueRules.oneOf(spec.volumeMode, StorageRules.volumeModes, at: path.child("volumeMode"), errors: &errors)
    StorageRules.validateClassName(spec.storageClassName, at: path.child("storageClassName"), errors: &errors)
    if let affinity = spec.nodeAffinity {
      let requiredPath = path.child("nodeAffinity").child("required")
      if let required = affinity.required {
        SchedulingRules.validateNodeSelector(required, at: requiredPath, errors: &errors)
      } else {
        errors.append(.required(requiredPath, "must specify required node constraints"))
      }
    }
    return errors.all
  }
}

extension StorageClass {
  /// Every problem the API server would report for this StorageClass; empty when valid.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    if provisioner.isEmpty {
      errors.append(.required(FieldPath(dotted: "provisioner")))
    } else if let problem = Syntax.qualifiedNameProblem(provisioner.lowercased()) {
      errors.append(.invalid(FieldPath(dotted: "provisioner"), provisioner, problem))
    }
    ValueRules.oneOf(
      reclaimPolicy, StorageRules.storageClassReclaimPolicies, at: FieldPath(dotted: "reclaimPolicy"),
      errors: &errors)
    ValueRules.oneOf(
      volumeBindingMode, StorageRules.volumeBindingModes, at: FieldPath(dotted: "volumeBindingMode"),
      errors: &errors)
    for (i, term) in (allowedTopologies ?? []).enumerated() {
      let termPath = FieldPath(dotted: "allowedTopologies").index(i).child("matchLabelExpressions")
      let expressions = term.matchLabelExpressions ?? []
      if expressions.isEmpty {
        errors.append(.required(termPath, "must contain at least one key/value pair"))
      }
      for (j, expression) in expressions.enumerated() {
        let itemPath = termPath.index(j)
        if let problem = Syntax.qualifiedNameProblem(expression.key) {
          errors.append(.invalid(itemPath.child("key"), expression.key, problem))
        }
        if expression.values.isEmpty {
          errors.append(.required(itemPath.child("values"), "must specify as least one value"))
        }
        for (k, value) in expression.values.enumerated() {
          if let problem = Syntax.labelValueProblem(value) {
            errors.append(.invalid(itemPath.child("values").index(k), value, problem))
          }
        }
      }
    }
    return errors.all
  }
}
