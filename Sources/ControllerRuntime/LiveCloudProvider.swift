import Controllers
import KarpenterAPI
import Scheduling

/// A cloud provider `karpenter controller` runs against a live cluster: besides upstream's
/// cloud-provider interface, it builds the instance types each NodePool may launch from what the
/// cluster holds (the NodePools, their EC2NodeClasses), and may run loops of its own beside the
/// informers (the AWS interruption queue), reporting what the cloud says as ``CloudEvent``s.
public protocol LiveCloudProvider: CloudProvider {
  /// Whether the provider reads EC2NodeClasses (the informers then watch them, and the
  /// controllers wait for their first list).
  var readsNodeClasses: Bool { get }

  /// How often, in seconds, instances are listed for garbage collection (nil: only when the
  /// controllers ask, after an instance was lost).
  var garbageCollectionPeriod: Double? { get }

  /// How often, in seconds, the instance types are rebuilt besides after a NodePool or
  /// EC2NodeClass changes (nil: only after changes).
  var refreshPeriod: Double? { get }

  /// The instance types the NodePools may launch now, with their offerings marked available or
  /// not, built into `schema` (which may gain extended resources).
  mutating func instanceTypes(
    nodePools: [NodePool], nodeClasses: [String: EC2NodeClass], schema: inout ResourceSchema, at time: Double
  ) async -> InstanceTypes

  /// A spot instance of this offering got an interruption warning: upstream's AWS provider marks
  /// the offering unavailable, so that the replacement goes elsewhere.
  func spotInterrupted(_ offering: OfferingKey, at time: Double)

  /// Runs until the task is cancelled, reporting what the cloud says to `report`.
  func watchCloud(report: @escaping @Sendable (CloudEvent) -> Void) async
}

/// What a cloud tells the controller beside the API server's objects.
public enum CloudEvent: Sendable {
  /// A message about an instance, named by the last part of its provider id (`i-0123...` of
  /// `aws:///us-east-1a/i-0123...`): spot interruption warning, scheduled change, state change,
  /// rebalance recommendation. `handled` runs once the controllers have acted on it (the AWS
  /// provider deletes the queue message then).
  case interruption(instanceID: String, Interruption, handled: @Sendable () async -> Void)
  /// A message that needs no action (about an instance Karpenter does not manage, or one that
  /// could not be read); `handled` deletes it.
  case ignored(reason: String, handled: @Sendable () async -> Void)
}

extension KwokCloudProvider: LiveCloudProvider {
  public var readsNodeClasses: Bool { false }
  /// A kwok Node that goes is seen by the informers; nothing else can leak.
  public var garbageCollectionPeriod: Double? { nil }
  public var refreshPeriod: Double? { nil }

  /// Kwok's 144 types, the same for every NodePool.
  public mutating func instanceTypes(
    nodePools: [NodePool], nodeClasses: [String: EC2NodeClass], schema: inout ResourceSchema, at time: Double
  ) async -> InstanceTypes {
    InstanceTypes(all: instanceTypes)
  }

  /// Kwok's offerings are never interrupted.
  public func spotInterrupted(_ offering: OfferingKey, at time: Double) {}

  /// Kwok has no cloud to watch.
  public func watchCloud(report: @escaping @Sendable (CloudEvent) -> Void) async {}
}
