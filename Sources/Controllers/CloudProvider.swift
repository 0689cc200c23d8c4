import Foundation
import KarpenterAPI
import Scheduling

/// What Karpenter's controllers ask of a cloud, in the shape of upstream's cloud-provider
/// interface (`pkg/cloudprovider/types.go`): create an instance for a NodeClaim, delete it, get
/// one, list them all, the instance types a NodePool may launch, and whether an instance has
/// drifted from what the provider would launch now. Failures are ``CloudProviderError``s.
///
/// The methods are async and throwing because a real cloud answers over the network. They are
/// `mutating` where the provider's state changes, so that a value type (the simulated cloud)
/// conforms as well as an actor or a class would. Where an answer depends on time (the
/// unavailable-offerings cache the provider owns counts three minutes), the caller passes the
/// controllers' time: a provider reads no clock of its own, so a virtual day and a test see
/// the same answers as a live run does on the wall clock.
///
/// NodeClaims are named by their name, which in this project is also the instance's provider
/// id and its Node's name.
public protocol CloudProvider: Sendable {
  /// The provider's name (upstream's `Name`): "aws", "kwok", "simulated".
  var name: String { get }

  /// Launches an instance for the NodeClaim `name` on the cheapest available offering of the
  /// claim's instance types. On insufficient capacity the provider marks the offering
  /// unavailable before it throws, so that the next scheduling pass avoids it.
  mutating func create(_ claim: PlannedNodeClaim, name: String, at time: Double) async throws -> CloudInstance

  /// Terminates the NodeClaim's instance; throws `nodeClaimNotFound` when it has none (already
  /// gone), which the termination controller takes as done, as upstream's does.
  mutating func delete(_ name: String) async throws

  /// The NodeClaim's instance; throws `nodeClaimNotFound` when it has none.
  func get(_ name: String) async throws -> CloudInstance

  /// Every instance that runs, in name order: garbage collection deletes the NodeClaims
  /// whose instance is not among them.
  func list() async throws -> [CloudInstance]

  /// Every instance type the NodePool's NodeClaims may launch, with each offering marked
  /// available or not as the provider believes at `time` (upstream's `GetInstanceTypes`
  /// returns unavailable offerings too, so that consolidation still knows their prices).
  func instanceTypes(for nodePool: NodePool, at time: Double) async throws -> [InstanceType]

  /// Why the NodeClaim's instance no longer matches what the provider would launch for it
  /// now, given the EC2NodeClass its NodePool refers to (nil when the class is gone); nil when
  /// it has not drifted. NodePool drift is Karpenter's own business, not the provider's.
  func isDrifted(_ node: StateNode, nodeClass: EC2NodeClass?) async throws -> DriftReason?
}

/// An instance the cloud runs for a NodeClaim: what upstream's `Create`, `Get` and `List`
/// hydrate a NodeClaim with.
public struct CloudInstance: Sendable {
  /// The NodeClaim's name (the instance's provider id here).
  public var name: String
  /// The instance type it runs as and the offering it runs on. An instance the provider
  /// created has both. One it adopted (a Node from before Karpenter started) has them only
  /// when its labels name an offering the provider sells, as upstream leaves a NodeClaim's
  /// capacity out when it cannot resolve the instance's type.
  public var instanceType: InstanceType?
  public var offering: Offering?
  /// The cloud's id for the instance as the Node's `spec.providerID` carries it
  /// (`aws:///us-east-1a/i-0123456789abcdef0`); nil where the provider names instances after
  /// their NodeClaims (kwok's `kwok://NAME` is derived from the name).
  public var providerID: String?
  /// When the cloud launched it, where the cloud says (garbage collection spares young
  /// instances whose NodeClaim may not have been seen yet).
  public var launchedAt: Date?

  public init(
    name: String, instanceType: InstanceType?, offering: Offering?, providerID: String? = nil, launchedAt: Date? = nil
  ) {
    self.name = name
    self.instanceType = instanceType
    self.offering = offering
    self.providerID = providerID
    self.launchedAt = launchedAt
  }
}

/// Why an instance drifted from its provider settings (upstream's `cloudprovider.DriftReason`);
/// each provider has its own reasons, so this is an open set of names.
public struct DriftReason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public var rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }

  /// The EC2NodeClass's settings changed since the instance was launched (upstream AWS
  /// provider's `NodeClassDrift`, judged by the class's hash).
  public static let nodeClassDrift = DriftReason(rawValue: "NodeClassDrift")

  public var description: String { rawValue }
}
