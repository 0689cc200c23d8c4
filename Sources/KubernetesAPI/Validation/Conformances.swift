import ManifestCoding

// The Kubernetes kinds the loader reads validate themselves; `KindRegistry` runs `validate()`
// for every `SelfValidating` type, so conforming here is all the registration they need.
extension Pod: SelfValidating {}
extension Node: SelfValidating {}
extension Deployment: SelfValidating {}
extension ReplicaSet: SelfValidating {}
extension StatefulSet: SelfValidating {}
extension Job: SelfValidating {}
extension DaemonSet: SelfValidating {}
extension PodDisruptionBudget: SelfValidating {}
extension PriorityClass: SelfValidating {}
extension PersistentVolume: SelfValidating {}
extension PersistentVolumeClaim: SelfValidating {}
extension StorageClass: SelfValidating {}
extension Lease: SelfValidating {}
extension Event: SelfValidating {}

extension Lease {
  /// Leases are checked for their metadata only: the autoscaler reads their holder and
  /// renew time, which the API server does not constrain beyond a non-negative duration.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    if let seconds = spec?.leaseDurationSeconds, seconds <= 0 {
      errors.append(
        .invalid(FieldPath(dotted: "spec.leaseDurationSeconds"), String(seconds), "must be greater than 0"))
    }
    ValueRules.nonNegative(
      spec?.leaseTransitions, at: FieldPath(dotted: "spec.leaseTransitions"), errors: &errors)
    return errors.all
  }
}

extension Event {
  /// Events are checked for their metadata and type only; the autoscaler writes them, and
  /// reads them back in tests.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    ValueRules.oneOf(type, [Event.normal, Event.warning], at: FieldPath(dotted: "type"), errors: &errors)
    return errors.all
  }
}
