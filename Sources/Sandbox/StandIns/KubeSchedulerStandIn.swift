import KubernetesAPI

/// The kube-scheduler stand-in: binds pending pods to nodes, filtering as the default
/// scheduler's plugins do (NodeUnschedulable, TaintToleration, NodeAffinity, NodePorts,
/// NodeResourcesFit, in that order, the first failure naming the reason) and scoring the
/// survivors by least allocated CPU and memory, ties going to the node whose name sorts first.
///
/// A pod that fits nowhere is reported with the real scheduler's message
/// (`0/3 nodes are available: 3 Insufficient cpu.`): Karpenter provisions for exactly the pods
/// whose `PodScheduled` condition is `False` with reason `Unschedulable`.
///
/// Required pod affinity and anti-affinity and `DoNotSchedule` topology spread constraints are
/// checked by ``PodTopologyFilters`` when a pod has them or a placed pod has anti-affinity.
/// Not modelled: preferences in scoring (preferred affinities, `ScheduleAnyway` spreads,
/// PreferNoSchedule taints), volume topology and limits, and preemption.
struct KubeSchedulerStandIn {
  /// What the scheduler decided for one pending pod.
  enum Decision: Equatable {
    case bind(node: String)
    case unschedulable(message: String)
  }

  /// The real scheduler's defaults for a pod that requests no CPU or memory, used in scoring
  /// only, so that such pods still spread over nodes.
  static let defaultMilliCPU: Int64 = 100
  static let defaultMemory: Int64 = 200 * 1024 * 1024

  /// The nodes by name, in name order, with what their pods take.
  private(set) var nodes: [NodeUsage]
  private var positions: [String: Int] = [:]
  /// The pods on each node (same positions as `nodes`), when inter-pod constraints are in
  /// play; nil when no pending pod has them and no placed pod has anti-affinity.
  private var placed: [[PlacedPod]]?
  private var placedAntiAffinity = false

  /// - Parameter placed: the pods on each node by node name, needed only when inter-pod
  ///   constraints are in play.
  init(nodes: [NodeUsage], placed: [String: [PlacedPod]]? = nil) {
    self.nodes = nodes.sorted { $0.name < $1.name }
    for (i, n) in self.nodes.enumerated() { positions[n.name] = i }
    if let placed {
      self.placed = self.nodes.map { placed[$0.name] ?? [] }
      placedAntiAffinity = placed.values.contains { $0.contains { !$0.antiAffinity.isEmpty } }
    }
  }

  /// What makes two pending pods interchangeable for the filters: a pod like one that found
  /// no node in this pass finds none either, since room, ports and anti-affinity only shrink
  /// as pods are placed. Pods with pod affinity or spread constraints are not deduplicated:
  /// placements can satisfy those.
  private struct Likeness: Hashable {
    var namespace: String
    var labels: [String: String]
    var spec: PodSpec
  }

  /// True when the scheduler should place the pod: no node yet, the default scheduler named,
  /// not being deleted, not finished, and no scheduling gates left.
  static func isPending(_ pod: Pod) -> Bool {
    guard let spec = pod.spec, (spec.nodeName ?? "").isEmpty, !pod.isTerminating, !pod.isTerminal else {
      return false
    }
    let scheduler = spec.schedulerName ?? ""
    return (scheduler.isEmpty || scheduler == "default-scheduler") && (spec.schedulingGates ?? []).isEmpty
  }

  /// The order the scheduling queue hands pods out: higher priority first, then older, then by
  /// namespace and name.
  static func queueOrder(_ a: Pod, _ b: Pod) -> Bool {
    let (pa, pb) = (a.spec?.priority ?? 0, b.spec?.priority ?? 0)
    if pa != pb { return pa > pb }
    let (ca, cb) = (a.metadata.creationTimestamp ?? "", b.metadata.creationTimestamp ?? "")
    if ca != cb { return ca < cb }
    if a.namespace != b.namespace { return a.namespace < b.namespace }
    return a.name < b.name
  }

  /// Decides every pending pod in queue order, charging each binding to its node before the
  /// next pod is placed. Pods with the same spec that failed once in this pass fail again
  /// without filtering (room only shrinks within a pass), so a Deployment of a thousand pods
  /// that fits nowhere costs one pass over the nodes, not a thousand.
  mutating func schedule(_ pending: [Pod]) -> [(pod: Pod, decision: Decision)] {
    var failed: [Likeness: String] = [:]
    var out: [(pod: Pod, decision: Decision)] = []
    for pod in pending.sorted(by: Self.queueOrder) {
      guard let spec = pod.spec else { continue }
      let affinity = spec.affinity?.podAffinity?.required ?? []
      let monotone = affinity.isEmpty && !(spec.topologySpreadConstraints ?? []).contains(where: \.isRequired)
      let likeness = monotone ? Likeness(namespace: pod.namespace, labels: pod.labels, spec: spec) : nil
      if let likeness, let message = failed[likeness] {
        out.append((pod, .unschedulable(message: message)))
        continue
      }
      switch place(pod) {
      case .bind(let node):
        let i = positions[node]!
        nodes[i].add(pod)
        if placed != nil {
          let p = PlacedPod(pod)
          placed![i].append(p)
          if !p.antiAffinity.isEmpty { placedAntiAffinity = true }
        }
        out.append((pod, .bind(node: node)))
      case .unschedulable(let message):
        if let likeness { failed[likeness] = message }
        out.append((pod, .unschedulable(message: message)))
      }
    }
    return out
  }

  /// The node for one pod, or why there is none.
  func place(_ pod: Pod) -> Decision {
    let requests = PodDemand.requests(pod)
    let demand = requests.filter { $0.value > .zero }.sorted { $0.key < $1.key }.map { (name: $0.key, quantity: $0.value) }
    let ports = pod.hostPorts
    var reasons: [String: Int] = [:]
    var best: (score: Int64, index: Int)?
    var topology: PodTopologyFilters?
    if let placed, placedAntiAffinity || PodTopologyFilters.constrains(pod) {
      topology = PodTopologyFilters(pod: pod, nodes: nodes, placed: placed)
    }
    for (i, node) in nodes.enumerated() {
      var rejections = Self.filter(pod, demand: demand, ports: ports, on: node)
      if rejections.isEmpty, let r = topology?.rejection(of: node) { rejections = [r] }
      if !rejections.isEmpty {
        for r in rejections { reasons[r, default: 0] += 1 }
        continue
      }
      let score = Self.leastAllocatedScore(pod, demand: requests, on: node)
      if best == nil || score > best!.score { best = (score, i) }
    }
    if let best { return .bind(node: nodes[best.index].name) }
    return .unschedulable(message: Self.fitErrorMessage(nodeCount: nodes.count, reasons: reasons))
  }

  /// The reasons the node cannot take the pod, empty when it can: the first failing filter's,
  /// which for resources lists every resource short.
  static func filter(
    _ pod: Pod, demand: [(name: String, quantity: Quantity)], ports: [HostPort], on node: NodeUsage
  ) -> [String] {
    guard let spec = pod.spec else { return ["pod has no spec"] }
    if node.unschedulable
      && !(spec.tolerations ?? []).tolerates(Taint(key: "node.kubernetes.io/unschedulable", effect: "NoSchedule"))
    {
      return ["node(s) were unschedulable"]
    }
    if !node.ready {
      // The node lifecycle controller taints a node that is not Ready; the stand-in binds only
      // to Ready nodes and says so in the real scheduler's words.
      return ["node(s) had untolerated taint {node.kubernetes.io/not-ready: }"]
    }
    if let taint = spec.firstUntoleratedTaint(node.taints) {
      return ["node(s) had untolerated taint {\(taint.key): \(taint.value ?? "")}"]
    }
    if !spec.selectsNode(labels: node.labels, nodeName: node.name) {
      return ["node(s) didn't match Pod's node affinity/selector"]
    }
    if ports.contains(where: { p in node.hostPorts.contains { $0.conflicts(with: p) } }) {
      return ["node(s) didn't have free ports for the requested pod ports"]
    }
    var short: [String] = []
    for (resource, quantity) in demand {
      let free = (node.allocatable[resource] ?? .zero) - (node.requested[resource] ?? .zero)
      if quantity > free {
        short.append(resource == ResourceName.pods ? "Too many pods" : "Insufficient \(resource)")
      }
    }
    return short
  }

  /// Kubernetes' LeastAllocated score (0-100) over CPU and memory, equally weighted, after
  /// placing the pod: the emptier the node, the higher.
  static func leastAllocatedScore(_ pod: Pod, demand: ResourceList, on node: NodeUsage) -> Int64 {
    func fraction(_ resource: String, default fallback: Int64, milli: Bool) -> Int64 {
      let allocatable = node.allocatable[resource] ?? .zero
      let capacity = milli ? allocatable.milliValue : allocatable.value
      guard capacity > 0 else { return 0 }
      let own = demand[resource].map { milli ? $0.milliValue : $0.value } ?? 0
      let used = node.requested[resource].map { milli ? $0.milliValue : $0.value } ?? 0
      let requested = used + (own > 0 ? own : fallback)
      guard requested <= capacity else { return 0 }
      return (capacity - requested) * 100 / capacity
    }
    let cpu = fraction(ResourceName.cpu, default: defaultMilliCPU, milli: true)
    let memory = fraction(ResourceName.memory, default: defaultMemory, milli: false)
    return (cpu + memory) / 2
  }

  /// The real scheduler's `FitError` message: the counts of each reason, sorted as strings.
  static func fitErrorMessage(nodeCount: Int, reasons: [String: Int]) -> String {
    if nodeCount == 0 { return "no nodes available to schedule pods" }
    let histogram = reasons.map { "\($0.value) \($0.key)" }.sorted()
    return "0/\(nodeCount) nodes are available: \(histogram.joined(separator: ", "))."
  }
}
