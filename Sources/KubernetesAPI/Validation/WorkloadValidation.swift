import ManifestCoding

/// The API server's rules for the workloads whose pods the autoscaler provisions for:
/// replica counts, a selector that selects the template's own pods, a restart policy the
/// controller supports, and the template's pod spec under `spec.template.spec`.
enum WorkloadRules {
  static let specPath = FieldPath(dotted: "spec")
  static let templatePath = specPath.child("template")

  /// An update strategy's type and its rolling update's int-or-percent fields.
  static func validateStrategy(
    type: String?, types: [String], maxUnavailable: IntOrString?, maxSurge: IntOrString?,
    at strategyPath: FieldPath, errors: inout FieldErrors
  ) {
    ValueRules.oneOf(type, types, at: strategyPath.child("type"), errors: &errors)
    let rollingPath = strategyPath.child("rollingUpdate")
    if let v = maxUnavailable {
      ValueRules.intOrPercent(v, at: rollingPath.child("maxUnavailable"), errors: &errors)
    }
    if let v = maxSurge { ValueRules.intOrPercent(v, at: rollingPath.child("maxSurge"), errors: &errors) }
  }

  /// `ValidatePodTemplateSpecForReplicaSet` and its siblings: a non-empty selector that
  /// matches the template labels, the template itself, and (for controllers that keep pods
  /// running) restart policy `Always`. `kind` names the workload in the empty-selector message.
  static func validate(
    selector: LabelSelector, template: PodTemplateSpec?, kind: String,
    restartPolicies: [String]? = ["Always"], errors: inout FieldErrors
  ) {
    let selectorPath = specPath.child("selector")
    if MetadataRules.isEmpty(selector) {
      errors.append(.invalid(selectorPath, "{}", "empty selector is invalid for \(kind)"))
    } else {
      MetadataRules.validateSelector(selector, at: selectorPath, errors: &errors)
    }
    guard let template else { return }
    let labels = template.metadata?.labels ?? [:]
    if !MetadataRules.isEmpty(selector) && !selector.matches(labels) {
      errors.append(
        .invalid(
          templatePath.child("metadata").child("labels"), describe(labels),
          "`selector` does not match template `labels`"))
    }
    PodSpecRules.validateTemplate(template, at: templatePath, errors: &errors)
    if let restartPolicies, let spec = template.spec {
      let policy = spec.restartPolicy ?? "Always"
      if !restartPolicies.contains(policy) {
        errors.append(
          .unsupported(templatePath.child("spec").child("restartPolicy"), policy, supported: restartPolicies))
      }
    }
  }

  /// Labels as `app=web,tier=front`, sorted, for messages.
  static func describe(_ labels: [String: String]) -> String {
    labels.keys.sorted().map { "\($0)=\(labels[$0]!)" }.joined(separator: ",")
  }
}

extension Deployment {
  /// Every problem the API server would report for this Deployment; empty when valid.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    guard let spec else { return errors.all }
    let path = WorkloadRules.specPath
    ValueRules.nonNegative(spec.replicas, at: path.child("replicas"), errors: &errors)
    ValueRules.nonNegative(spec.minReadySeconds, at: path.child("minReadySeconds"), errors: &errors)
    ValueRules.nonNegative(spec.revisionHistoryLimit, at: path.child("revisionHistoryLimit"), errors: &errors)
    if let strategy = spec.strategy {
      WorkloadRules.validateStrategy(
        type: strategy.type, types: ["Recreate", "RollingUpdate"],
        maxUnavailable: strategy.rollingUpdate?.maxUnavailable, maxSurge: strategy.rollingUpdate?.maxSurge,
        at: path.child("strategy"), errors: &errors)
    }
    WorkloadRules.validate(
      selector: spec.selector, template: spec.template, kind: "deployment", errors: &errors)
    return errors.all
  }
}

extension ReplicaSet {
  /// Every problem the API server would report for this ReplicaSet; empty when valid.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    guard let spec else { return errors.all }
    let path = WorkloadRules.specPath
    ValueRules.nonNegative(spec.replicas, at: path.child("replicas"), errors: &errors)
    ValueRules.nonNegative(spec.minReadySeconds, at: path.child("minReadySeconds"), errors: &errors)
    WorkloadRules.validate(
      selector: spec.selector, template: spec.template, kind: "replicaset", errors: &errors)
    return errors.all
  }
}

extension StatefulSet {
  static let podManagementPolicies = ["OrderedReady", "Parallel"]

  /// Every problem the API server would report for this StatefulSet; empty when valid. The
  /// volume claim templates get the PersistentVolumeClaim spec rules, since the autoscaler
  /// reads their storage class to place the pods.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    guard let spec else { return errors.all }
    let path = WorkloadRules.specPath
    ValueRules.nonNegative(spec.replicas, at: path.child("replicas"), errors: &errors)
    ValueRules.nonNegative(spec.minReadySeconds, at: path.child("minReadySeconds"), errors: &errors)
    if let policy = spec.podManagementPolicy, !Self.podManagementPolicies.contains(policy) {
      errors.append(
        .invalid(path.child("podManagementPolicy"), policy, "must be 'OrderedReady' or 'Parallel'"))
    }
    if let strategy = spec.updateStrategy {
      let strategyPath = path.child("updateStrategy")
      ValueRules.oneOf(
        strategy.type, ["OnDelete", "RollingUpdate"], at: strategyPath.child("type"), errors: &errors)
      ValueRules.nonNegative(
        strategy.rollingUpdate?.partition, at: strategyPath.child("rollingUpdate").child("partition"),
        errors: &errors)
    }
    for (i, claim) in (spec.volumeClaimTemplates ?? []).enumerated() {
      let claimPath = path.child("volumeClaimTemplates").index(i)
      MetadataRules.validateLabelsAndAnnotations(
        claim.metadata, at: claimPath.child("metadata"), errors: &errors)
      if let claimSpec = claim.spec {
        StorageRules.validateClaimSpec(claimSpec, at: claimPath.child("spec"), errors: &errors)
      }
    }
    WorkloadRules.validate(
      selector: spec.selector, template: spec.template, kind: "statefulset", errors: &errors)
    return errors.all
  }
}

extension DaemonSet {
  /// Every problem the API server would report for this DaemonSet; empty when valid.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    guard let spec else { return errors.all }
    let path = WorkloadRules.specPath
    ValueRules.nonNegative(spec.minReadySeconds, at: path.child("minReadySeconds"), errors: &errors)
    if let strategy = spec.updateStrategy {
      WorkloadRules.validateStrategy(
        type: strategy.type, types: ["OnDelete", "RollingUpdate"],
        maxUnavailable: strategy.rollingUpdate?.maxUnavailable, maxSurge: nil,
        at: path.child("updateStrategy"), errors: &errors)
    }
    WorkloadRules.validate(
      selector: spec.selector, template: spec.template, kind: "daemonset", errors: &errors)
    return errors.all
  }
}

extension Job {
  static let completionModes = ["NonIndexed", "Indexed"]

  /// Every problem the API server would report for this Job; empty when valid. A Job's pods
  /// must end, so its template's restart policy is `OnFailure` or `Never`, and has no default.
  /// The selector is generated by the API server unless `manualSelector` is set.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    guard let spec else { return errors.all }
    let path = WorkloadRules.specPath
    ValueRules.nonNegative(spec.parallelism, at: path.child("parallelism"), errors: &errors)
    ValueRules.nonNegative(spec.completions, at: path.child("completions"), errors: &errors)
    ValueRules.nonNegative(spec.backoffLimit, at: path.child("backoffLimit"), errors: &errors)
    ValueRules.nonNegative(
      spec.ttlSecondsAfterFinished, at: path.child("ttlSecondsAfterFinished"), errors: &errors)
    if let deadline = spec.activeDeadlineSeconds, deadline <= 0 {
      errors.append(
        .invalid(path.child("activeDeadlineSeconds"), String(deadline), "must be greater than zero"))
    }
    ValueRules.oneOf(
      spec.completionMode, Self.completionModes, at: path.child("completionMode"), errors: &errors)
    if spec.completionMode == "Indexed" && spec.completions == nil {
      errors.append(.required(path.child("completions"), "when completion mode is Indexed"))
    }
    if spec.manualSelector == true, let selector = spec.selector {
      WorkloadRules.validate(
        selector: selector, template: spec.template, kind: "job", restartPolicies: nil, errors: &errors)
    } else {
      PodSpecRules.validateTemplate(spec.template, at: WorkloadRules.templatePath, errors: &errors)
    }
    if let templateSpec = spec.template.spec {
      let policyPath = WorkloadRules.templatePath.child("spec").child("restartPolicy")
      let allowed = ["OnFailure", "Never"]
      switch templateSpec.restartPolicy {
      case nil, "":
        errors.append(.required(policyPath, "valid values: \"OnFailure\", \"Never\""))
      case let policy? where !allowed.contains(policy):
        errors.append(.unsupported(policyPath, policy, supported: allowed))
      default:
        break
      }
    }
    return errors.all
  }
}
