import KubernetesAPI
import ManifestCoding

// The rules the legacy kinds had before conversion, which the v1 rules of the converted object
// cannot see: the v1alpha5 Provisioner webhook and the v1beta1 NodePool CRD's CEL rules.

extension Provisioner {
  /// The v1alpha5 validation webhook's rules on what a Provisioner is written with (its
  /// knative field errors, in the API server's words): negative TTLs, the "exactly one of"
  /// pairs, and the kubelet settings, which conversion moves out of the NodePool.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    guard let spec else { return [] }
    let path = FieldPath(dotted: "spec")
    if let ttl = spec.ttlSecondsUntilExpired, ttl < 0 {
      errors.append(.invalid(path.child("ttlSecondsUntilExpired"), String(ttl), "cannot be negative"))
    }
    if let ttl = spec.ttlSecondsAfterEmpty, ttl < 0 {
      errors.append(.invalid(path.child("ttlSecondsAfterEmpty"), String(ttl), "cannot be negative"))
    }
    if spec.consolidation?.enabled == true && spec.ttlSecondsAfterEmpty != nil {
      errors.append(
        .invalid(
          path.child("ttlSecondsAfterEmpty"), "",
          "expected exactly one, got both: spec.consolidation.enabled, spec.ttlSecondsAfterEmpty"))
    }
    if spec.provider != nil && spec.providerRef != nil {
      errors.append(
        .invalid(path.child("providerRef"), "", "expected exactly one, got both: spec.provider, spec.providerRef"))
    }
    if let kubelet = spec.kubeletConfiguration {
      KubeletRules.validate(
        LegacyConversion.kubeletV1Beta1(from: kubelet), at: path.child("kubeletConfiguration"),
        errors: &errors)
    }
    return errors.all
  }
}

extension NodePoolV1Beta1 {
  /// The v1beta1 CRD's rules that the v1 NodePool no longer has: consolidateAfter per
  /// consolidation policy (the policy defaults to WhenUnderutilized) and the kubelet settings,
  /// which conversion moves out of the NodePool.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    guard let spec else { return [] }
    let path = FieldPath(dotted: "spec")
    if let disruption = spec.disruption {
      let policy = disruption.consolidationPolicy ?? "WhenUnderutilized"
      if let after = disruption.consolidateAfter, policy == "WhenUnderutilized", after != "Never" {
        errors.append(
          .invalid(
            path.child("disruption"), "",
            "consolidateAfter cannot be combined with consolidationPolicy=WhenUnderutilized"))
      }
      if policy == "WhenEmpty" && disruption.consolidateAfter == nil {
        errors.append(
          .invalid(
            path.child("disruption"), "", "consolidateAfter must be specified with consolidationPolicy=WhenEmpty"))
      }
    }
    if let kubelet = spec.template?.spec?.kubelet {
      KubeletRules.validate(kubelet, at: path.child("template").child("spec").child("kubelet"), errors: &errors)
    }
    return errors.all
  }
}
