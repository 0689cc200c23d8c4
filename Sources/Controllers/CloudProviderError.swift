/// Why the cloud provider could not do what a controller asked: upstream's typed
/// cloud-provider errors (`InsufficientCapacityError`, `NodeClaimNotFoundError`) and the case of
/// a NodeClaim with nothing to launch on, as one error in the manner of swift-nio's
/// `FileSystemError`: a kind to switch on, a message for people, and the error underneath when
/// there is one.
///
/// The kinds are the ones the controllers act on differently: insufficient capacity sends the
/// pods back to the provisioner, which plans around the offering now marked unavailable; no
/// offering leaves them pending; a NodeClaim not found means its instance is already gone,
/// which termination takes as done and garbage collection as the reason to clean up.
/// (Upstream's `NodeClassNotReadyError` has no counterpart: an EC2NodeClass here is always
/// resolved.)
public struct CloudProviderError: Error, CustomStringConvertible {
  public enum Kind: Hashable, Sendable, CustomStringConvertible {
    /// The cloud had no capacity for the offering the launch chose (EC2's
    /// InsufficientInstanceCapacity). The provider has marked the offering unavailable.
    case insufficientCapacity(OfferingKey)
    /// None of the NodeClaim's instance types has an offering the provider believes
    /// available, out of this many types.
    case noOfferingAvailable(instanceTypes: Int)
    /// The NodeClaim of this name has no instance: it was never launched or is gone.
    case nodeClaimNotFound(String)
    /// The cloud or the API server failed in some other way (an error upstream's lifecycle
    /// controller requeues): the pods go back to the provisioner.
    case failed

    public var description: String {
      switch self {
      case .insufficientCapacity: "Insufficient capacity"
      case .noOfferingAvailable: "No offering available"
      case .nodeClaimNotFound: "NodeClaim not found"
      case .failed: "Launch failed"
      }
    }
  }

  public var kind: Kind
  /// What went wrong, with the names involved.
  public var message: String
  /// The error underneath (the cloud's own answer), when there is one.
  public var cause: (any Error)?

  public init(_ kind: Kind, message: String, cause: (any Error)? = nil) {
    self.kind = kind
    self.message = message
    self.cause = cause
  }

  /// The NodeClaim's launch on `offering` found no capacity.
  public static func insufficientCapacity(
    _ offering: OfferingKey, nodeClaim: String, cause: (any Error)? = nil
  ) -> CloudProviderError {
    CloudProviderError(
      .insufficientCapacity(offering),
      message:
        "NodeClaim \(nodeClaim) could not launch on \(offering.instanceType) \(offering.capacityType) in \(offering.zone), which is unavailable for \(Int(UnavailableOfferings.ttl / 60))m",
      cause: cause)
  }

  /// None of the NodeClaim's `instanceTypes` types has an available offering.
  public static func noOfferingAvailable(instanceTypes: Int, nodeClaim: String) -> CloudProviderError {
    CloudProviderError(
      .noOfferingAvailable(instanceTypes: instanceTypes),
      message: "NodeClaim \(nodeClaim) has no available offering among \(instanceTypes) instance types")
  }

  /// The NodeClaim has no instance.
  public static func nodeClaimNotFound(_ nodeClaim: String) -> CloudProviderError {
    CloudProviderError(
      .nodeClaimNotFound(nodeClaim), message: "NodeClaim \(nodeClaim) has no instance in the cloud")
  }

  /// The NodeClaim's launch failed for a reason other than capacity.
  public static func failed(nodeClaim: String, cause: any Error) -> CloudProviderError {
    CloudProviderError(.failed, message: "NodeClaim \(nodeClaim) could not be launched", cause: cause)
  }

  /// "Insufficient capacity: NodeClaim default-1 could not launch on ... (cause)".
  public var description: String {
    guard let cause else { return "\(kind): \(message)" }
    return "\(kind): \(message) (\(cause))"
  }
}
