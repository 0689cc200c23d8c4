import KarpenterAPI
import KubernetesAPI
import Scheduling

/// Upstream's disruption controller and its orchestration queue: every 10 s it looks for one
/// disruption (drift, emptiness, multi-node then single-node consolidation) within the
/// NodePools' budgets, holds the decision for 15 s, re-checks it, launches the replacements,
/// taints the nodes, and deletes them once the replacements have initialized (undoing the
/// decision if they do not within 10 minutes).
///
/// What it keeps in memory: the commands under way, the generation of the store it last judged
/// (a pass over an unchanged store decides nothing new), the PodDisruptionBudgets and pool
/// totals of the pass, and the template hashes. The reconcile in progress is lent to it for the
/// length of one input (`lend` and `giveBack`), so the passes read `store` and `now` and write
/// effects as plainly as if they owned the world.
struct DisruptionController: Sendable {
  static let disruptionPeriod = 10.0
  static let validationDelay = 15.0
  /// How long the orchestration queue waits for a command's replacements to initialize.
  static let replacementTTL = 10.0 * 60

  /// Commands waiting for validation or replacements.
  var commands: [Int: DisruptionCommand] = [:]
  var nextCommandID = 0
  /// The store generation of the last pass, and when a timer (consolidateAfter, a budget
  /// window, a do-not-disrupt duration) next changes the answer.
  var evaluatedVersion = -1
  var nextTimedCheck = 0.0
  var disruptionScheduled = false
  /// Whether the first pass since the controller started has released stale marks.
  var staleMarksReleased = false
  /// PodDisruptionBudgets' state at the current pass.
  var disruptionBudgets = PDBStatus()
  /// Each NodePool's totals at the current pass, for Balanced.
  var poolTotals: [String: PoolTotals] = [:]
  /// Each node's pods as the current pass weighs them.
  var nodePodsSnapshot = NodePodsSnapshot()
  var hashes = NodePoolHashes()

  /// The reconcile in progress.
  var reconcile = Reconcile(now: 0, store: ClusterStore())

  init() {}

  mutating func lend(_ r: inout Reconcile) { swap(&reconcile, &r) }
  mutating func giveBack(_ r: inout Reconcile) { swap(&reconcile, &r) }

  var store: ClusterStore { reconcile.store }
  var now: Double { reconcile.now }
  var options: KarpenterSettings { reconcile.settings }
  var epoch: Int64 { reconcile.settings.epoch }

  /// The nodes of commands being carried out (tainted, waiting for their replacements).
  var executingNodes: Set<String> { Set(commands.values.filter(\.executing).flatMap(\.nodes)) }

  mutating func record(_ event: SimulationEvent, derived: Bool = true) {
    reconcile.record(event, derived: derived)
  }

  mutating func log(_ controller: String, _ message: String, _ fields: [String: String], level: String = "INFO") {
    reconcile.log(controller, message, fields, level: level)
  }

  mutating func logDecision(_ reason: NodeRemovalReason, nodes: [String], message: String) {
    reconcile.logDecision(reason, nodes: nodes, message: message)
  }

  mutating func kubernetesEvent(_ type: String, _ reason: String, kind: String, name: String, message: String) {
    reconcile.kubernetesEvent(type, reason, kind: kind, name: name, message: message)
  }

  mutating func explainOnce(
    _ reason: String, name: String, message: String, type: String = "Normal", kind: String = "Node",
    slot: String? = nil
  ) {
    reconcile.explainOnce(reason, name: name, message: message, type: type, kind: kind, slot: slot)
  }

  mutating func clearExplanation(_ slot: String, name: String, kind: String = "Node") {
    reconcile.clearExplanation(slot, name: name, kind: kind)
  }

  mutating func emit(_ effect: Effect) { reconcile.effects.append(effect) }
}
