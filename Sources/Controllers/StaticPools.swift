import KarpenterAPI
import KubernetesAPI
import Scheduling

/// How a static NodePool's NodeClaims stand, as upstream's NodePoolState counts them: active
/// (launching or running, not marked), pending disruption (a drift command's nodes waiting for
/// their replacement) and deleting (terminating).
public struct StaticPoolCount: Equatable, Sendable {
  public var active = 0
  public var pendingDisruption = 0
  public var deleting = 0

  /// Every NodeClaim of the pool: what `limits.nodes` caps.
  public var total: Int { active + pendingDisruption + deleting }
}

/// What static NodePools have, as the static controllers and drift count it.
extension ClusterStore {
  /// The pool's NodeClaims; `marked` are the nodes of disruption commands being carried out.
  public func staticCount(_ pool: String, marked: Set<String>) -> StaticPoolCount {
    var count = StaticPoolCount()
    for node in nodes.values where node.nodePool == pool {
      if marked.contains(node.name) {
        count.pendingDisruption += 1
      } else if node.disruption != nil {
        count.deleting += 1
      } else {
        count.active += 1
      }
    }
    return count
  }

  /// `limits.nodes` of the pool, nil when it has none.
  public static func nodeLimit(_ pool: NodePool) -> Int? {
    (pool.spec?.limits?["nodes"]).map { Int(clamping: $0.value) }
  }

  /// How many more NodeClaims the pool's `limits.nodes` lets it have now (Int.max without one).
  public func staticRoom(_ pool: NodePool, marked: Set<String>) -> Int {
    guard let limit = Self.nodeLimit(pool) else { return Int.max }
    return max(0, limit - staticCount(pool.name, marked: marked).total)
  }

  /// A NodeClaim from the pool's template, with the instance types and offerings as Karpenter
  /// knows them now.
  public func staticNodeClaim(_ pool: NodePool) -> PlannedNodeClaim? {
    guard let templateSpec = pool.spec?.template?.spec else { return nil }
    let template = NodePoolTemplate(
      name: pool.name, requirements: Requirements(nodePoolRequirements: templateSpec.requirements ?? []),
      labels: pool.spec?.template?.metadata?.labels ?? [:], taints: templateSpec.taints ?? [],
      startupTaints: templateSpec.startupTaints ?? [],
      instanceTypeIndices: instanceTypes.indicesByNodePool[pool.name])
    return PlannedNodeClaim(staticFrom: template, instanceTypes: instanceTypes.all)
  }

}
