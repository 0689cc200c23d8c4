import KubernetesAPI

/// The kube-scheduler stand-in: binds pending pods to nodes, filtering as the default
/// scheduler's plugins do (NodeUnschedulable, TaintToleration, NodeAffinity, NodePorts,
/// NodeResourcesFit, in that order, the first failure naming the reason) and scoring the
/// survivors as its default plugins weigh them (least allocated CPU and memory, preferred node
/// affinity, PreferNoSchedule taints), ties going to the node whose name sorts first.
///
/// A pod that fits nowhere is reported with the real scheduler's message
/// (`0/3 nodes are available: 3 Insufficient cpu.`): Karpenter provisions for exactly the pods
/// whose `PodScheduled` condition is `False` with reason `Unschedulable`.
///
/// Required pod affinity and anti-affinity and `DoNotSchedule` topology spread constraints are
/// checked by ``PodTopologyFilters`` when a pod has them or a placed pod has anti-affinity.
/// Not modelled: preferred pod affinity and `ScheduleAnyway` spreads in scoring, balanced
/// allocation and image locality, volume topology and limits, and preemption.
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
  /// Where the next search starts, so that successive pods spread their searches.
  private var nextStartNode = 0
  /// Resources as vector slots (milli-units): `cpu`, `memory` and `pods` first, then any
  /// other a pending pod asks for. Each node's allocatable and free room per slot.
  private var slots: [String: Int] = [:]
  private var slotNames: [String] = []
  private var allocatable: [[Int64]] = []
  private var free: [[Int64]] = []

  /// - Parameter placed: the pods on each node by node name, needed only when inter-pod
  ///   constraints are in play.
  init(nodes: [NodeUsage], placed: [String: [PlacedPod]]? = nil) {
    self.nodes = nodes.sorted { $0.name < $1.name }
    for (i, n) in self.nodes.enumerated() { positions[n.name] = i }
    if let placed {
      self.placed = self.nodes.map { placed[$0.name] ?? [] }
      placedAntiAffinity = placed.values.contains { $0.contains { !$0.antiAffinity.isEmpty } }
    }
    allocatable = Array(repeating: [], count: self.nodes.count)
    free = Array(repeating: [], count: self.nodes.count)
    for name in [ResourceName.cpu, ResourceName.memory, ResourceName.pods] { _ = slot(name) }
  }

  /// The slot of a resource, added (with every node's allocatable and free room) on first use.
  private mutating func slot(_ name: String) -> Int {
    if let i = slots[name] { return i }
    let i = slotNames.count
    slots[name] = i
    slotNames.append(name)
    for (n, node) in nodes.enumerated() {
      let total = node.allocatable[name]?.milliValue ?? 0
      allocatable[n].append(total)
      free[n].append(total - (node.requested[name]?.milliValue ?? 0))
    }
    return i
  }

  /// A pending pod as the filters read it, derived once per pod rather than once per node.
  struct Request {
    var spec: PodSpec
    /// (slot, milli-units) for every resource the pod asks a positive amount of.
    var demand: [(slot: Int, amount: Int64)]
    var ports: [HostPort]
    var toleratesUnschedulable: Bool
  }

  private mutating func request(for pod: Pod, spec: PodSpec) -> Request {
    var demand: [(slot: Int, amount: Int64)] = []
    for (name, quantity) in PodDemand.requests(pod).sorted(by: { $0.key < $1.key }) where quantity > .zero {
      demand.append((slot(name), quantity.milliValue))
    }
    let unschedulable = Taint(key: "node.kubernetes.io/unschedulable", effect: "NoSchedule")
    return Request(
      spec: spec, demand: demand, ports: pod.hostPorts,
      toleratesUnschedulable: (spec.tolerations ?? []).tolerates(unschedulable))
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
        nodes[i].hostPorts += pod.hostPorts
        for (name, quantity) in PodDemand.requests(pod) {
          if let slot = slots[name] { free[i][slot] -= quantity.milliValue }
        }
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
  ///
  /// As the real scheduler, a large cluster is not searched whole: the search starts where
  /// the previous one stopped and ends once ``feasibleNodesToFind(of:)`` nodes fit; the best
  /// of those wins. Among equal scores the name that sorts first wins.
  mutating func place(_ pod: Pod) -> Decision {
    guard let spec = pod.spec else { return .unschedulable(message: "the pod has no spec") }
    let request = request(for: pod, spec: spec)
    var reasons: [String: Int] = [:]
    var candidates: [NodeScores] = []
    var topology: PodTopologyFilters?
    if let placed, placedAntiAffinity || PodTopologyFilters.constrains(pod) {
      topology = PodTopologyFilters(pod: pod, nodes: nodes, placed: placed)
    }
    let wanted = Self.feasibleNodesToFind(of: nodes.count)
    var feasible = 0
    var processed = 0
    while processed < nodes.count && feasible < wanted {
      let i = (nextStartNode + processed) % nodes.count
      processed += 1
      var rejections = filter(request, node: i)
      if rejections.isEmpty, let r = topology?.rejection(of: nodes[i]) { rejections = [r] }
      if !rejections.isEmpty {
        for r in rejections { reasons[r, default: 0] += 1 }
        continue
      }
      feasible += 1
      candidates.append(
        NodeScores(
          index: i, leastAllocated: leastAllocatedScore(request, node: i),
          preferredAffinity: Self.preferredAffinityWeight(request.spec, nodes[i]),
          intolerablePreferNoSchedule: Self.intolerablePreferNoSchedule(request.spec, nodes[i])))
    }
    if !nodes.isEmpty { nextStartNode = (nextStartNode + processed) % nodes.count }
    if let best = Self.best(candidates, nodes: nodes) { return .bind(node: nodes[best].name) }
    return .unschedulable(message: Self.fitErrorMessage(nodeCount: nodes.count, reasons: reasons))
  }

  /// How many fitting nodes the search stops at: every node up to 100, then upstream's
  /// adaptive `percentageOfNodesToScore` (50% less one point per 125 nodes, at least 5%),
  /// never fewer than 100.
  static func feasibleNodesToFind(of count: Int) -> Int {
    guard count > 100 else { return count }
    let percentage = max(5, 50 - count / 125)
    return max(100, count * percentage / 100)
  }

  /// The reasons node `n` cannot take the pod, empty when it can: the first failing filter's,
  /// which for resources lists every resource short.
  func filter(_ request: Request, node n: Int) -> [String] {
    let node = nodes[n]
    if node.unschedulable && !request.toleratesUnschedulable {
      return ["node(s) were unschedulable"]
    }
    if !node.ready {
      // The node lifecycle controller taints a node that is not Ready; the stand-in binds only
      // to Ready nodes and says so in the real scheduler's words.
      return ["node(s) had untolerated taint {node.kubernetes.io/not-ready: }"]
    }
    if let taint = request.spec.firstUntoleratedTaint(node.taints) {
      return ["node(s) had untolerated taint {\(taint.key): \(taint.value ?? "")}"]
    }
    if !request.spec.selectsNode(labels: node.labels, nodeName: node.name) {
      return ["node(s) didn't match Pod's node affinity/selector"]
    }
    if !request.ports.isEmpty,
      request.ports.contains(where: { p in node.hostPorts.contains { $0.conflicts(with: p) } })
    {
      return ["node(s) didn't have free ports for the requested pod ports"]
    }
    var short: [String] = []
    for (slot, amount) in request.demand where amount > free[n][slot] {
      let name = slotNames[slot]
      short.append(name == ResourceName.pods ? "Too many pods" : "Insufficient \(name)")
    }
    return short
  }

  /// A fitting node's raw scores, before they are normalized over all fitting nodes.
  struct NodeScores {
    var index: Int
    var leastAllocated: Int64
    var preferredAffinity: Int64
    var intolerablePreferNoSchedule: Int64
  }

  /// The winner among fitting nodes, with the default plugins' weights: NodeResourcesFit
  /// (LeastAllocated) 1, NodeAffinity (preferred terms, normalized to the best node) 2,
  /// TaintToleration (PreferNoSchedule taints not tolerated, normalized and reversed) 3.
  /// Equal totals go to the name that sorts first.
  static func best(_ candidates: [NodeScores], nodes: [NodeUsage]) -> Int? {
    let maxAffinity = candidates.map(\.preferredAffinity).max() ?? 0
    let maxTaints = candidates.map(\.intolerablePreferNoSchedule).max() ?? 0
    var best: (total: Int64, index: Int)?
    for c in candidates {
      let affinity = maxAffinity > 0 ? c.preferredAffinity * 100 / maxAffinity : 0
      let taints = maxTaints > 0 ? 100 - c.intolerablePreferNoSchedule * 100 / maxTaints : 100
      let total = c.leastAllocated + 2 * affinity + 3 * taints
      if let b = best, total < b.total || (total == b.total && nodes[b.index].name < nodes[c.index].name) {
        continue
      }
      best = (total, c.index)
    }
    return best?.index
  }

  /// The sum of the weights of the pod's preferred node-affinity terms the node matches.
  static func preferredAffinityWeight(_ spec: PodSpec, _ node: NodeUsage) -> Int64 {
    (spec.affinity?.nodeAffinity?.preferred ?? []).reduce(0) { sum, term in
      term.preference.matches(labels: node.labels, nodeName: node.name) ? sum + Int64(term.weight) : sum
    }
  }

  /// How many of the node's PreferNoSchedule taints the pod does not tolerate.
  static func intolerablePreferNoSchedule(_ spec: PodSpec, _ node: NodeUsage) -> Int64 {
    let tolerations = (spec.tolerations ?? []).filter {
      ($0.effect ?? "").isEmpty || $0.effect == "PreferNoSchedule"
    }
    return Int64(node.taints.filter { $0.effect == "PreferNoSchedule" && !tolerations.tolerates($0) }.count)
  }

  /// Kubernetes' LeastAllocated score (0-100) over CPU and memory, equally weighted, after
  /// placing the pod on node `n`: the emptier the node, the higher. A pod that requests no
  /// CPU or memory is scored as if it asked the real scheduler's defaults.
  func leastAllocatedScore(_ request: Request, node n: Int) -> Int64 {
    func fraction(_ slot: Int, default fallback: Int64) -> Int64 {
      let capacity = allocatable[n][slot]
      guard capacity > 0 else { return 0 }
      let own = request.demand.first { $0.slot == slot }?.amount ?? fallback
      let requested = capacity - free[n][slot] + own
      guard requested <= capacity else { return 0 }
      return (capacity - requested) * 100 / capacity
    }
    let cpu = fraction(0, default: Self.defaultMilliCPU)
    let memory = fraction(1, default: Self.defaultMemory * 1000)
    return (cpu + memory) / 2
  }

  /// The real scheduler's `FitError` message: the counts of each reason, sorted as strings.
  static func fitErrorMessage(nodeCount: Int, reasons: [String: Int]) -> String {
    if nodeCount == 0 { return "no nodes available to schedule pods" }
    let histogram = reasons.map { "\($0.value) \($0.key)" }.sorted()
    return "0/\(nodeCount) nodes are available: \(histogram.joined(separator: ", "))."
  }
}
