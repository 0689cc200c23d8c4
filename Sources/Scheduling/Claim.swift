import KarpenterAPI
import KubernetesAPI

/// A NodeClaim being planned: its pool, requirements so far, the instance types that can
/// still host all its pods, and the pods.
struct Claim {
  let id: Int
  let pool: Int
  var requirements: Requirements
  /// Positions in the pool's type list.
  var types: Bitset
  /// The pods' summed requests (DaemonSet overhead is already taken off each type's
  /// allocatable).
  var requests = Resources()
  var pods: [Int] = []
  var hostPorts: [HostPort] = []
  /// Compatibility classes whose requirements are already part of `requirements`.
  var applied: Set<Int> = []
  /// The most any remaining type has free in each resource: a pod needing more cannot fit.
  var maxFree = Resources()
  /// Capacity taken from the pool's limits when the claim was opened.
  var reserved = Resources()
  /// Set on NodeClaims the cost-aware regrouping built; splitting them again finds nothing.
  var regrouped = false

  /// Its placeholder for the hostname label, made once: a pod is judged against the claim
  /// thousands of times.
  let hostname: String

  init(id: Int, pool: Int, requirements: Requirements, types: Bitset) {
    self.id = id
    self.pool = pool
    self.requirements = requirements
    self.types = types
    hostname = "hostname-placeholder-\(id)"
  }

  mutating func refreshMaxFree(_ pool: PoolState) {
    maxFree = pool.largestAllocatable.largest(in: types, floor: .min) - requests
  }
}

/// An existing node as a place for pods.
struct NodeSlot {
  let node: ExistingNode
  let requirements: Requirements
  var requested: Resources
  var hostPorts: [HostPort]
}
