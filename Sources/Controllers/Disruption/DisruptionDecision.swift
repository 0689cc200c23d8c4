/// A voluntary disruption decision under way, as metrics and dry-runs report it (upstream's
/// `karpenter_voluntary_disruption_decisions_total` labels: decision, reason, consolidation type).
public struct DisruptionDecision: Sendable, Hashable {
  public enum Kind: String, Sendable {
    /// The nodes go and the rest of the cluster takes their pods.
    case delete
    /// New nodes are launched for the pods first.
    case replace
  }

  public var id: Int
  public var reason: NodeRemovalReason
  public var nodes: [String]
  public var kind: Kind

  /// Upstream's consolidation type: `empty`, `single` or `multi` for consolidation, empty for
  /// drift and the other reasons.
  public var consolidationType: String {
    switch reason {
    case .empty: "empty"
    case .underutilized: nodes.count > 1 ? "multi" : "single"
    default: ""
    }
  }
}

extension Karpenter {
  /// The disruption decisions under way (replacements launching, or nodes being drained).
  public var disruptionDecisions: [DisruptionDecision] {
    disruption.commands.values.sorted { $0.id < $1.id }.map {
      DisruptionDecision(
        id: $0.id, reason: $0.reason, nodes: $0.nodes, kind: $0.replacements.isEmpty ? .delete : .replace)
    }
  }
}

extension Karpenter {
  /// How many more nodes of each NodePool may be disrupted now, for each voluntary reason
  /// (upstream's `karpenter_nodepools_allowed_disruptions`): the budgets in force less the nodes
  /// already being disrupted. Static NodePools are not disrupted voluntarily and are left out.
  public func allowedDisruptions(now: Double, store: ClusterStore) -> [(nodePool: String, reason: NodeRemovalReason, allowed: Int)] {
    var controller = disruption
    var r = Reconcile(now: now, store: store, settings: settings)
    controller.lend(&r)
    var out: [(String, NodeRemovalReason, Int)] = []
    for pool in store.nodePools where !pool.isStatic {
      for reason in [NodeRemovalReason.empty, .drifted, .underutilized] {
        out.append((pool.name, reason, controller.allowedDisruptions(pool: pool, reason: reason)))
      }
    }
    return out
  }
}
