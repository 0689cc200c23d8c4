import KarpenterAPI
import KubernetesAPI

/// One reconcile: the store as the controllers see it, the time, and the effects so far.
struct Reconcile {
  var now: Double
  var store: ClusterStore
  var settings: KarpenterSettings
  var effects: [Effect] = []
  /// Karpenter's explanations, lent to the reconcile while it runs.
  var explanations = Explanations()

  init(now: Double, store: ClusterStore, settings: KarpenterSettings = KarpenterSettings()) {
    self.now = now
    self.store = store
    self.settings = settings
  }

  mutating func log(_ controller: String, _ message: String, _ fields: [String: String], level: String = "INFO") {
    effects.append(.log(LogRecord(time: now, level: level, controller: controller, message: message, fields: fields)))
  }

  /// A Kubernetes Event about a Node or NodeClaim.
  mutating func post(_ type: String, _ reason: String, kind: String, name: String, message: String) {
    effects.append(
      .post(
        KubernetesEventRecord(
          time: now, type: type, reason: reason, involvedObject: .init(kind: kind, name: name), message: message)))
  }

  mutating func record(
    _ type: SimulationEventType, node: String?, pod: String? = nil, reason: String? = nil, message: String? = nil,
    derived: Bool = true
  ) {
    record(
      SimulationEvent(time: now, type: type, node: node, pod: pod, reason: reason, message: message),
      derived: derived)
  }

  /// Reports the event with, unless `derived` is false (the caller writes its own), the log
  /// line and Kubernetes Event Karpenter writes for it.
  mutating func record(_ event: SimulationEvent, derived: Bool = true) {
    effects.append(.record(event))
    guard derived else { return }
    let node = event.node ?? ""
    switch event.type {
    case .nodeClaimCreated:
      log("provisioner", "created nodeclaim", ["NodeClaim": node, "reason": event.reason ?? ""])
    case .launchFailed:
      // A NodeClaim the API server refused to create has no name to report it on.
      var fields = ["error": event.reason ?? ""]
      if !node.isEmpty { fields["NodeClaim"] = node }
      log("nodeclaim.lifecycle", "failed launching nodeclaim", fields, level: "ERROR")
      if !node.isEmpty {
        post("Warning", "LaunchFailed", kind: "NodeClaim", name: node, message: event.reason ?? "launch failed")
      }
    case .disruptionDecided:
      // Logged once per decision by the caller (a decision can cover several nodes).
      post(
        "Normal", "DisruptionTerminating", kind: "Node", name: node,
        message: "Disrupting Node: \(event.reason ?? "")" + (event.message.map { ": \($0)" } ?? ""))
    case .podEvicted:
      kubernetesEvent("Normal", "Evicted", kind: "Pod", name: event.pod ?? "", message: "Evicted pod: \(event.reason ?? "")")
    case .nodeTerminated, .nodeReady, .podBound:
      break
    }
  }

  /// The log line of a disruption decision: once per decision, with every node it covers.
  mutating func logDecision(_ reason: NodeRemovalReason, nodes: [String], message: String) {
    log(
      reason == .interrupted ? "interruption" : "disruption", "disrupting node(s)",
      ["reason": reason.rawValue, "nodes": nodes.joined(separator: ","), "decision": message])
  }

  mutating func wake(at time: Double, _ wake: Wake) { effects.append(.wake(at: time, wake)) }

  /// A Kubernetes Event; `name` is `namespace/name` for a Pod.
  mutating func kubernetesEvent(_ type: String, _ reason: String, kind: String, name: String, message: String) {
    var namespace: String?
    var objectName = name
    if kind == "Pod", let slash = name.firstIndex(of: "/") {
      namespace = String(name[..<slash])
      objectName = String(name[name.index(after: slash)...])
    }
    effects.append(
      .post(
        KubernetesEventRecord(
          time: now, type: type, reason: reason,
          involvedObject: .init(kind: kind, name: objectName, namespace: namespace), message: message)))
  }

  /// Posts a "why not" once while it holds (see `Explanations`).
  mutating func explainOnce(
    _ reason: String, name: String, message: String, type: String = "Normal", kind: String = "Node",
    slot: String? = nil
  ) {
    let x = Explanation(reason, kind: kind, name: name, message: message, type: type, slot: slot)
    if let event = explanations.post(x, at: now) { effects.append(.post(event)) }
  }

  mutating func clearExplanation(_ slot: String, name: String, kind: String = "Node") {
    explanations.clear(slot, name: name, kind: kind)
  }

  /// The node's instance is terminated and its Node and NodeClaim go (what was explained about
  /// it is forgotten when the world answers `.nodeRemoved`).
  mutating func removeNode(_ name: String) {
    effects.append(.removeNode(name))
  }
}
