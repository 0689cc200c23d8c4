import Controllers
import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// What the controllers do, counted as upstream counts it: the executor hands each effect over
/// before carrying it out (with the store as it is then) and each input after the controllers
/// handled it, and every few seconds has the gauges read off the store (`StateMetrics`) and the
/// objects' conditions (`ConditionMetrics`).
public struct ControllerMetrics: Sendable {
  public let registry: MetricsRegistry
  /// The cloud provider's name, for `karpenter_cloudprovider_*` (`aws`, `kwok`).
  public let provider: String
  /// Disruption decisions already counted, by id.
  private var decisionsCounted: Set<Int> = []
  /// The interruption message kind that is deleting a node, for its disrupted reason.
  private var interruptions: [String: Interruption] = [:]
  /// The gauges read off the store, and what they remember between readings.
  public let state: StateRecorder

  public init(registry: MetricsRegistry, provider: String) {
    self.registry = registry
    self.provider = provider
    self.state = StateRecorder(registry: registry)
    for controller in Self.controllers {
      registry.set("controller_runtime_max_concurrent_reconciles", ["controller": controller], to: 1)
      registry.set("controller_runtime_active_workers", ["controller": controller], to: 0)
    }
  }

  /// The controllers, as controller-runtime's metrics name them: each input is one reconcile
  /// of one of them, one at a time.
  static let controllers = [
    "provisioner", "disruption", "nodeclaim.lifecycle", "node.termination", "nodeclaim.expiration",
    "nodeclaim.garbagecollection", "interruption", "static.provisioning", "state",
  ]

  /// The controller an input is a reconcile of.
  static func controller(of input: ControllerInput) -> String {
    switch input {
    case .wake(.provision), .provisioningRequested: "provisioner"
    case .wake(.disruption), .wake(.validate), .wake(.replacementTimeout): "disruption"
    case .launched, .nodeClaimCreated, .nodeRegistered, .nodeInitialized, .wake(.registrationTimeout):
      "nodeclaim.lifecycle"
    case .wake(.drain), .delete, .evicted, .nodeRemoved: "node.termination"
    case .wake(.expire): "nodeclaim.expiration"
    case .wake(.garbageCollect), .instancesListed, .instanceLost: "nodeclaim.garbagecollection"
    case .interruption: "interruption"
    case .wake(.staticCapacity), .staticCapacityRequested: "static.provisioning"
    case .started, .restarted: "state"
    }
  }

  /// Before the executor carries out `effect`.
  public mutating func willExecute(_ effect: Effect, store: ClusterStore, karpenter: Karpenter, now: Double) {
    switch effect {
    case .launch(let request):
      registry.increment(
        "karpenter_nodeclaims_created_total",
        ["reason": createdReason(request, karpenter), "nodepool": request.claim.nodePool, "min_values_relaxed": "false"])
    case .markDisrupted(let name, let reason, _):
      guard let decision = karpenter.disruptionDecisions.first(where: { $0.nodes.contains(name) }),
        decision.reason == reason, decisionsCounted.insert(decision.id).inserted
      else { return }
      countDecision(decision, store: store)
    case .markTerminating(let name, let reason, _):
      guard reason != .deleted, let node = store[node: name], node.terminatingSince == nil else { return }
      let why = interruptions.removeValue(forKey: name).map(Self.messageType) ?? Self.snakeCase(reason.rawValue)
      registry.increment(
        "karpenter_nodeclaims_disrupted_total",
        ["reason": why, "nodepool": node.nodePool ?? "", "capacity_type": node.capacityType ?? ""])
    case .removeNode(let name):
      interruptions[name] = nil
      guard let node = store[node: name] else { return }
      let pool = node.nodePool ?? ""
      registry.increment("karpenter_nodes_terminated_total", ["nodepool": pool, "zone": node.zone ?? ""])
      registry.increment(
        "karpenter_nodeclaims_terminated_total",
        ["nodepool": pool, "capacity_type": node.capacityType ?? "", "zone": node.zone ?? ""])
      registry.observe("karpenter_nodes_lifetime_duration_seconds", ["nodepool": pool], max(0, now - node.createdAt))
      if let since = node.terminatingSince {
        registry.increment("karpenter_nodes_drained_total", ["nodepool": pool])
        registry.observe("karpenter_nodes_termination_duration_seconds", ["nodepool": pool], max(0, now - since))
        registry.observe("karpenter_nodeclaims_termination_duration_seconds", ["nodepool": pool], max(0, now - since))
      }
    default:
      break
    }
  }

  /// After the controllers handled `input`, which took them `seconds` (wall clock).
  public mutating func delivered(_ input: ControllerInput, store: ClusterStore, seconds: Double) {
    let controller = Self.controller(of: input)
    registry.increment("controller_runtime_reconcile_total", ["controller": controller, "result": "success"])
    registry.observe("controller_runtime_reconcile_time_seconds", ["controller": controller], seconds)
    switch input {
    case .wake(.provision):
      registry.observe("karpenter_scheduler_scheduling_duration_seconds", ["controller": "provisioner"], seconds)
      let unschedulable = store.pods.values.count {
        if case .unschedulable = $0.pendingReason { return $0.node == nil }
        return false
      }
      registry.set("karpenter_scheduler_unschedulable_pods_count", ["controller": "provisioner"], to: Double(unschedulable))
    case .wake(.disruption):
      registry.observe(
        "karpenter_voluntary_disruption_decision_evaluation_duration_seconds",
        ["reason": "all", "consolidation_type": ""], seconds)
    case .launched(_, .failed(_, let error)):
      var labels = ["zone": "", "zone_id": "", "capacity_type": "", "reason": Self.errorName(error)]
      if case .insufficientCapacity(let offering) = error.kind {
        labels["zone"] = offering.zone
        labels["capacity_type"] = offering.capacityType
        labels["reason"] = "InsufficientInstanceCapacity"
      }
      registry.increment("karpenter_cloudprovider_instance_launch_failures_total", labels)
    case .nodeRegistered(let name):
      guard let node = store[node: name] else { return }
      registry.increment("karpenter_nodes_created_total", ["nodepool": node.nodePool ?? "", "zone": node.zone ?? ""])
    case .evicted(_, _, let result):
      let code = switch result {
      case .evicted: "200"
      case .refusedByBudget: "429"
      case .gone: "404"
      }
      registry.increment("karpenter_pods_eviction_requests_total", ["code": code])
    default:
      break
    }
  }

  /// Terminating the node's instance failed (its node is still in `store`).
  public func terminationFailed(_ name: String, store: ClusterStore) {
    registry.increment(
      "karpenter_cloudprovider_instance_termination_failures_total", ["zone": store[node: name]?.zone ?? "", "zone_id": ""])
  }

  /// A pod evicted or deleted for a node's drain.
  public func podDrained(reason: NodeRemovalReason?) {
    registry.increment("karpenter_pods_drained_total", ["reason": reason.map { Self.snakeCase($0.rawValue) } ?? ""])
  }

  /// A call to the cloud provider returned after `seconds`, with `error` when it failed.
  public func cloudCall(controller: String, method: String, seconds: Double, error: String? = nil) {
    let labels = ["controller": controller, "method": method, "provider": provider]
    registry.observe("karpenter_cloudprovider_duration_seconds", labels, seconds)
    if let error {
      registry.increment("karpenter_cloudprovider_errors_total", labels.merging(["error": error]) { a, _ in a })
    }
  }

  /// An interruption queue message arrived (about `node`, when Karpenter manages its instance).
  public mutating func interruptionReceived(_ kind: Interruption, node: String?) {
    registry.increment("karpenter_interruption_received_messages_total", ["message_type": Self.messageType(kind)])
    if let node, kind != .rebalanceRecommendation { interruptions[node] = kind }
  }

  /// An interruption queue message was deleted after `secondsInQueue`.
  public func interruptionDeleted(secondsInQueue: Double?) {
    registry.increment("karpenter_interruption_deleted_messages_total")
    if let secondsInQueue {
      registry.observe("karpenter_interruption_message_queue_duration_seconds", [:], secondsInQueue)
    }
  }

  /// Replaces every state gauge with its value for `store` now (on the caller's task; the live
  /// controller hands `state` a snapshot to record on a task of its own).
  public func refresh(store: ClusterStore, karpenter: Karpenter, now: Double, synced: Bool) {
    state.record(.init(store: store, karpenter: karpenter, now: now, synced: synced))
  }

  /// Replaces the instance-type gauges.
  public func refresh(instanceTypes: InstanceTypes) {
    for (name, samples) in StateMetrics.instanceTypeGauges(instanceTypes) {
      registry.replaceGauge(name, with: samples)
    }
  }

  /// Seconds since 1970 of an RFC 3339 timestamp.
  static func time(_ text: String?) -> Double? {
    text.flatMap(Timestamps.parse)?.timeIntervalSince1970
  }

  // MARK: Labels

  private func countDecision(_ decision: DisruptionDecision, store: ClusterStore) {
    let reason = decision.reason.rawValue.lowercased()
    let labels = [
      "decision": decision.kind.rawValue, "reason": reason, "consolidation_type": decision.consolidationType,
    ]
    registry.increment("karpenter_voluntary_disruption_decisions_total", labels)
    let pools = Set(decision.nodes.compactMap { store[node: $0]?.nodePool })
    for pool in pools.sorted() {
      registry.increment(
        "karpenter_voluntary_disruption_decisions_by_nodepool_total", labels.merging(["nodepool": pool]) { a, _ in a })
    }
  }

  /// Upstream's creation reason: `provisioned` for pending pods and static NodePools, the
  /// disruption reason in lower case for a replacement.
  private func createdReason(_ request: LaunchRequest, _ karpenter: Karpenter) -> String {
    switch request.origin {
    case .provisioner, .staticPool: return "provisioned"
    case .disruption(let id):
      return karpenter.disruptionDecisions.first { $0.id == id }?.reason.rawValue.lowercased() ?? "disruption"
    }
  }

  /// Upstream's interruption message kinds, as `message_type` and the disrupted reason.
  static func messageType(_ kind: Interruption) -> String {
    switch kind {
    case .spotInterruption: "spot_interrupted"
    case .rebalanceRecommendation: "rebalance_recommendation"
    case .scheduledChange: "scheduled_change"
    case .stateChange: "state_change"
    }
  }

  /// Upstream's name for a cloud provider error (the `error` label of
  /// `karpenter_cloudprovider_errors_total`).
  public static func errorName(_ error: any Error) -> String {
    guard let error = error as? CloudProviderError else { return "UnknownError" }
    return switch error.kind {
    case .insufficientCapacity: "InsufficientCapacityError"
    case .noOfferingAvailable: "NoOfferingAvailableError"
    case .nodeClaimNotFound: "NodeClaimNotFoundError"
    case .failed: "CloudProviderError"
    }
  }

  /// `RegistrationTimeout` → `registration_timeout`, as upstream's `pretty.ToSnakeCase`.
  static func snakeCase(_ text: String) -> String {
    var out = ""
    for (i, c) in text.enumerated() {
      if c.isUppercase, i > 0 { out += "_" }
      out += c.lowercased()
    }
    return out
  }
}
