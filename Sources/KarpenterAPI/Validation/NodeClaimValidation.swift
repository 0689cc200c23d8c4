import KubernetesAPI
import ManifestCoding

extension NodeClaim {
  /// Every problem the API server and Karpenter would report for this NodeClaim.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    ObjectRules.validateName(metadata, errors: &errors)
    guard let spec else {
      errors.append(.required(FieldPath(dotted: "spec")))
      return errors.all
    }
    NodeClaimRules.validate(spec, at: FieldPath(dotted: "spec"), isNodePool: false, errors: &errors)
    if let requests = spec.resources?.requests {
      RequirementRules.validateNonNegative(
        requests, at: FieldPath(dotted: "spec.resources.requests"), errors: &errors)
    }
    return errors.all
  }
}

/// The rules on a NodeClaim spec, also applied to a NodePool's template spec.
enum NodeClaimRules {
  static func validate(
    _ spec: NodeClaimSpec, at path: FieldPath, isNodePool: Bool, errors: inout FieldErrors
  ) {
    if let requirements = spec.requirements {
      RequirementRules.validate(
        requirements, at: path.child("requirements"), isNodePool: isNodePool, errors: &errors)
    } else {
      errors.append(.required(path.child("requirements")))
    }
    var seenTaints = Set<String>()
    RequirementRules.validateTaints(
      spec.taints ?? [], at: path.child("taints"), seen: &seenTaints, errors: &errors)
    RequirementRules.validateTaints(
      spec.startupTaints ?? [], at: path.child("startupTaints"), seen: &seenTaints,
      errors: &errors)
    let refPath = path.child("nodeClassRef")
    if let ref = spec.nodeClassRef {
      for (field, value) in [("group", ref.group), ("kind", ref.kind), ("name", ref.name)] {
        guard let value else {
          errors.append(.required(refPath.child(field)))
          continue
        }
        if value.isEmpty {
          errors.append(.invalid(refPath.child(field), value, "\(field) may not be empty"))
        }
        if field == "group" && value.contains("/") {
          errors.append(.invalid(refPath.child(field), value, "must not contain '/' (pattern ^[^/]*$)"))
        }
      }
    } else {
      errors.append(.required(refPath))
    }
    if let expireAfter = spec.expireAfter, !Syntax.isHMSDuration(expireAfter, allowNever: true) {
      errors.append(
        .invalid(
          path.child("expireAfter"), expireAfter,
          "must be a duration such as 720h or 1h30m, or Never (pattern ^(([0-9]+(s|m|h))+|Never)$)"))
    }
    if let grace = spec.terminationGracePeriod, !Syntax.isHMSDuration(grace, allowNever: false) {
      errors.append(
        .invalid(
          path.child("terminationGracePeriod"), grace,
          "must be a duration such as 30s, 10m or 24h (pattern ^([0-9]+(s|m|h))+$)"))
    }
  }
}

/// Rules every cluster-scoped Karpenter object shares.
enum ObjectRules {
  static func validateName(_ metadata: ObjectMeta, errors: inout FieldErrors) {
    let path = FieldPath(dotted: "metadata.name")
    guard let name = metadata.name, !name.isEmpty else {
      if metadata.generateName == nil {
        errors.append(.required(path, "name or generateName is required"))
      }
      return
    }
    if let problem = Syntax.dnsSubdomainProblem(Substring(name)) {
      errors.append(.invalid(path, name, problem))
    }
  }
}
