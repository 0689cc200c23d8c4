import ManifestCoding

extension Node {
  /// Every problem the API server would report for this Node; empty when valid. Nodes in
  /// manifests are test fixtures and snapshots for the autoscaler's simulation, so their
  /// taints and resources are held to the API server's rules: a negative allocatable would
  /// make every fit check meaningless.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    if let taints = spec?.taints {
      Self.validateTaints(taints, at: FieldPath(dotted: "spec.taints"), errors: &errors)
    }
    if let status {
      let statusPath = FieldPath(dotted: "status")
      Self.validateResources(status.capacity, at: statusPath.child("capacity"), errors: &errors)
      Self.validateResources(status.allocatable, at: statusPath.child("allocatable"), errors: &errors)
    }
    return errors.all
  }

  /// `validateNodeTaints`: a qualified-name key, a label value, a known effect (required
  /// here, unlike a toleration's) and one taint per key and effect.
  static func validateTaints(_ taints: [Taint], at path: FieldPath, errors: inout FieldErrors) {
    var seen = Set<String>()
    for (i, taint) in taints.enumerated() {
      let itemPath = path.index(i)
      if let problem = Syntax.qualifiedNameProblem(taint.key) {
        errors.append(.invalid(itemPath.child("key"), taint.key, problem))
      }
      if let value = taint.value, let problem = Syntax.labelValueProblem(value) {
        errors.append(.invalid(itemPath.child("value"), value, problem))
      }
      if taint.effect.isEmpty {
        errors.append(.required(itemPath.child("effect")))
      } else if !Taint.effects.contains(taint.effect) {
        errors.append(.unsupported(itemPath.child("effect"), taint.effect, supported: Taint.effects))
      }
      if !seen.insert(taint.key + ":" + taint.effect).inserted {
        errors.append(
          FieldError(
            .duplicate, itemPath, value: "\(taint.key):\(taint.effect)",
            "taints must be unique by key and effect pair"))
      }
    }
  }

  /// `validateNodeResources`: qualified resource names, no negative quantity.
  static func validateResources(_ list: ResourceList?, at path: FieldPath, errors: inout FieldErrors) {
    guard let list else { return }
    for name in list.keys.sorted() {
      if let problem = Syntax.qualifiedNameProblem(name) {
        errors.append(.invalid(path.key(name), name, problem))
      }
    }
    ValueRules.nonNegative(list, at: path, errors: &errors)
  }
}
