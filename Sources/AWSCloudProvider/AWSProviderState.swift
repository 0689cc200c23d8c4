import AWSClient
import AWSProvider
import Controllers
import Foundation
import KarpenterAPI
import Synchronization

/// What the AWS provider learns and keeps between calls, shared by the provider's copies (the
/// executor's and the interruption watcher's): the catalog, each EC2NodeClass as resolved, which
/// class each NodePool uses, the unavailable offerings, and the launch templates known to exist.
final class AWSProviderState: Sendable {
  struct ResolvedNodeClass: Sendable {
    var nodeClass: EC2NodeClass
    var resolution: NodeClassResolution
    /// The class as the launch templates see it: its spec with the resolved status.
    var resolved: EC2NodeClass
    var resolvedAt: Date
    var ready: Bool
  }

  struct Contents: Sendable {
    var catalog = AWSCatalog.embedded
    var nodeClasses: [String: ResolvedNodeClass] = [:]
    /// NodePool → its EC2NodeClass's name.
    var nodeClassOfPool: [String: String] = [:]
    var unavailable = UnavailableOfferings()
    var unavailableCapacityTypes: [String: Double] = [:]
    /// Launch template names that exist in EC2 (created or seen), with when a launch last used them.
    var launchTemplates: [String: Date] = [:]
    /// When this provider started (templates unused since then age from it).
    var startedAt = Date()
    var accountID: String?
    var kubernetesVersion: String?
    var lastProfileCollection = Date.distantPast
    /// The cluster's instances by NodeClaim name, as the last `list()` found them, and when.
    var listedInstances: [String: EC2Instance] = [:]
    var listedAt = Date.distantPast
    /// EC2NodeClass → the reservations behind its `reserved` offerings.
    var reservations: [String: [ReservedCapacity]] = [:]
    /// The instance types last built for the NodePools (to name an instance's type and offering).
    var instanceTypes = InstanceTypes()
  }

  private let contents = Mutex(Contents())

  func with<T>(_ body: (inout Contents) throws -> T) rethrows -> T {
    try contents.withLock { try body(&$0) }
  }
}
