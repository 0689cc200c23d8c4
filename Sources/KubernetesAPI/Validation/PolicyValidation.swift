import ManifestCoding

extension PodDisruptionBudget {
  static let unhealthyPodEvictionPolicies = ["AlwaysAllow", "IfHealthyBudget"]

  /// Every problem the API server would report for this PodDisruptionBudget; empty when
  /// valid. The autoscaler reads budgets to decide which nodes it may drain, so a budget with
  /// both bounds, or a percentage above 100%, must not be silently interpreted. A budget with
  /// neither bound is accepted, as the API server accepts it.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    guard let spec else { return errors.all }
    let path = FieldPath(dotted: "spec")
    if let min = spec.minAvailable, let max = spec.maxUnavailable {
      errors.append(
        .invalid(
          path, "minAvailable: \(min), maxUnavailable: \(max)",
          "minAvailable and maxUnavailable cannot be both set"))
    }
    if let min = spec.minAvailable {
      ValueRules.intOrPercent(min, at: path.child("minAvailable"), errors: &errors)
    }
    if let max = spec.maxUnavailable {
      ValueRules.intOrPercent(max, at: path.child("maxUnavailable"), errors: &errors)
    }
    if let selector = spec.selector {
      MetadataRules.validateSelector(selector, at: path.child("selector"), errors: &errors)
    }
    ValueRules.oneOf(
      spec.unhealthyPodEvictionPolicy, Self.unhealthyPodEvictionPolicies,
      at: path.child("unhealthyPodEvictionPolicy"), errors: &errors)
    return errors.all
  }
}

extension PriorityClass {
  /// `HighestUserDefinablePriority`: values above it are reserved for the system classes.
  public static let highestUserDefinablePriority: Int32 = 1_000_000_000
  /// The classes the API server creates itself; the only `system-` names allowed.
  static let systemClasses: [String: Int32] = [
    "system-cluster-critical": 2_000_000_000, "system-node-critical": 2_000_001_000,
  ]
  static let preemptionPolicies = ["Never", "PreemptLowerPriority"]

  /// Every problem the API server would report for this PriorityClass; empty when valid.
  /// Priorities order the autoscaler's pending pods and decide preemption, so the reserved
  /// range is enforced as the API server enforces it.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    let name = metadata.name ?? ""
    if name.hasPrefix("system-") {
      if Self.systemClasses[name] != value || globalDefault == true {
        errors.append(
          .forbidden(
            FieldPath(dotted: "metadata.name"),
            "priority class names with 'system-' prefix are reserved for system use only"))
      }
    } else if value > Self.highestUserDefinablePriority {
      errors.append(
        .forbidden(
          FieldPath(dotted: "value"),
          "maximum allowed value of a user defined priority is \(Self.highestUserDefinablePriority)"))
    }
    ValueRules.oneOf(
      preemptionPolicy, Self.preemptionPolicies, at: FieldPath(dotted: "preemptionPolicy"), errors: &errors)
    return errors.all
  }
}
