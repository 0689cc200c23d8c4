import Controllers
import Scheduling

/// The world's side of the simulated cloud: EC2 as the Scenario's timeline makes it behave. It
/// runs instances, refuses launches on an offering during a capacity window
/// (InsufficientInstanceCapacity), boots instances whose node never joins during a
/// never-joining window, and loses instances terminated from outside Karpenter.
///
/// Karpenter reaches it only through `SimulatedCloudProvider`, as the AWS provider reaches
/// EC2; the timeline and the kubelet stand-in reach it directly, being the world themselves.
struct SimulatedEC2: Sendable {
  /// A running instance, as EC2 would describe it.
  struct Instance: Sendable {
    /// What it was launched as; nil for an adopted instance its Node's labels do not
    /// resolve (see `adopt`).
    var instanceType: InstanceType?
    var offering: Offering?
    /// Whether its node joins the cluster: false when it was launched during a
    /// never-joining window of its offering.
    var joins: Bool
  }

  /// How an offering fails during a timeline window.
  enum OfferingFailure: String {
    /// Launches fail with insufficient capacity.
    case launch
    /// Instances launch but their node never joins the cluster.
    case registration
  }

  /// EC2's answer to a launch it has no capacity for.
  struct InsufficientInstanceCapacity: Error, CustomStringConvertible {
    var offering: OfferingKey
    var description: String { "InsufficientInstanceCapacity: no capacity for \(offering) now" }
  }

  /// The running instances by NodeClaim name.
  private(set) var instances: [String: Instance] = [:]
  /// Offerings without capacity, until a time.
  private var withoutCapacity: [OfferingKey: Double] = [:]
  /// Offerings whose instances boot but never join the cluster, until a time.
  private var neverJoining: [OfferingKey: Double] = [:]

  /// Runs an instance named `name` of `type` on `offering`, unless a capacity window of the
  /// offering is open at `time`.
  mutating func runInstance(
    _ name: String, type: InstanceType, offering: Offering, at time: Double
  ) throws(InsufficientInstanceCapacity) {
    let key = OfferingKey(type, offering)
    if let until = withoutCapacity[key], until > time { throw InsufficientInstanceCapacity(offering: key) }
    let joins = !(neverJoining[key].map { $0 > time } ?? false)
    instances[name] = Instance(instanceType: type, offering: offering, joins: joins)
  }

  /// Terminates the instance; returns it, or nil when there was none of that name.
  @discardableResult
  mutating func terminateInstance(_ name: String) -> Instance? {
    instances.removeValue(forKey: name)
  }

  /// An instance that runs before the run starts (an input Node managed by a NodePool), with
  /// the type and offering its labels name when the catalog sells them.
  mutating func adopt(_ name: String, type: InstanceType?, offering: Offering?) {
    instances[name] = Instance(instanceType: type, offering: offering, joins: true)
  }

  /// Whether the instance's node will join the cluster.
  func joins(_ name: String) -> Bool { instances[name]?.joins ?? true }

  /// The instance disappears without Karpenter (terminated from outside, no notice).
  mutating func lose(_ name: String) { instances.removeValue(forKey: name) }

  /// The offerings fail as `failure` says until `until`.
  mutating func disturb(_ offerings: [OfferingKey], failure: OfferingFailure, until: Double) {
    for key in offerings {
      switch failure {
      case .launch: withoutCapacity[key] = until
      case .registration: neverJoining[key] = until
      }
    }
  }

  /// Forgets windows that are over at `time`.
  mutating func expire(at time: Double) {
    withoutCapacity = withoutCapacity.filter { $0.value > time }
    neverJoining = neverJoining.filter { $0.value > time }
  }
}
