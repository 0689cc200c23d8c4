import Controllers
import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling
import Synchronization

/// What `simulate` reports, in the shape the simulation contract fixes.
public struct SimulationResult: Encodable, Sendable {
  public var apiVersion = "simulation.karpenter.sh/v1alpha1"
  public var kind = "SimulationResult"
  public var endTime: Double
  public var nodes: [NodeReport]
  public var pendingPods: [PendingPodReport]
  public var cost: CostReport
  public var events: [SimulationEvent]
  /// What Karpenter posted as Kubernetes Events (disruption, interruption, lifecycle, drain).
  public var kubernetesEvents: [KubernetesEventRecord] = []
  /// The fleet over time, for `--report`; not part of the JSON output.
  public var samples: [SimulationSample] = []
  /// Karpenter's log lines, for `--log`; not part of the JSON output.
  public var logs: [LogRecord] = []
  /// The Unix time of second 0, for stamping the log lines; not part of the JSON output.
  public var epoch: Int64 = SimulationOptions.virtualEpoch
  /// Why each node alive at the end (and each NodePool) is not being disrupted, as far as
  /// Karpenter explained it: the explanations that still held at the end, latest first per
  /// object. For the text and HTML reports; not part of the JSON output.
  public var whyNodesStay: [(object: String, event: KubernetesEventRecord)] = []

  enum CodingKeys: String, CodingKey {
    case apiVersion, kind, endTime, nodes, pendingPods, cost, events, kubernetesEvents
  }

  public struct NodeReport: Encodable, Sendable {
    public var name: String
    public var nodePool: String?
    public var instanceType: String?
    public var zone: String?
    public var capacityType: String?
    public var pricePerHour: Double
    public var labels: [String: String]
    public var taints: [Taint]
    public var allocatable: [String: String]
    public var pods: [String]
    public var createdAt: Double
    /// The NodeClaim's lifecycle: when the instance launched, the node registered and it was
    /// initialized (null while not yet; absent for nodes no NodePool manages).
    public var nodeClaim: NodeClaimReport?

    enum CodingKeys: String, CodingKey {
      case name, nodePool, instanceType, zone, capacityType, pricePerHour, labels, taints, allocatable, pods,
        createdAt, nodeClaim
    }

    /// Absent values are written as null, as the contract shows `"nodePool": null`.
    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(name, forKey: .name)
      try c.encode(nodePool, forKey: .nodePool)
      try c.encode(instanceType, forKey: .instanceType)
      try c.encode(zone, forKey: .zone)
      try c.encode(capacityType, forKey: .capacityType)
      try c.encode(pricePerHour, forKey: .pricePerHour)
      try c.encode(labels, forKey: .labels)
      try c.encode(taints, forKey: .taints)
      try c.encode(allocatable, forKey: .allocatable)
      try c.encode(pods, forKey: .pods)
      try c.encode(createdAt, forKey: .createdAt)
      try c.encodeIfPresent(nodeClaim, forKey: .nodeClaim)
    }
  }

  public struct NodeClaimReport: Encodable, Sendable {
    public var launchedAt: Double?
    public var registeredAt: Double?
    public var initializedAt: Double?

    enum CodingKeys: String, CodingKey { case launchedAt, registeredAt, initializedAt }

    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(launchedAt, forKey: .launchedAt)
      try c.encode(registeredAt, forKey: .registeredAt)
      try c.encode(initializedAt, forKey: .initializedAt)
    }
  }

  public struct PendingPodReport: Encodable, Sendable {
    public var pod: String
    public var reason: String
  }

  public struct CostReport: Encodable, Sendable {
    public var perHour: Double
    public var total: Double
  }

  /// The JSON document, keys sorted so that the same input prints the same bytes.
  public func json() throws -> String {
    // The two long lists are written by `ResultJSON` on their own cores, then set into the
    // rest, which the encoder writes: the same bytes as encoding the whole at once
    // (`jsonAtOnce`), in a fraction of the time.
    var withoutLists = self
    withoutLists.events = []
    withoutLists.nodes = []
    let skeleton = withoutLists
    let rest = Mutex<Result<Data, any Error>?>(nil)
    let lists = Mutex<[ResultJSON?]>([nil, nil])
    DispatchQueue.concurrentPerform(iterations: 3) { k in
      switch k {
      case 0:
        let encoded = Result { try Self.encoder.encode(skeleton) }
        rest.withLock { $0 = encoded }
      case 1:
        var json = ResultJSON(capacity: events.count * 160)
        json.events(events, level: 1)
        lists.withLock { $0[0] = json }
      default:
        var json = ResultJSON(capacity: nodes.count * 1024)
        json.nodes(nodes, level: 1)
        lists.withLock { $0[1] = json }
      }
    }
    let restJSON = try rest.withLock { $0 }!.get()
    let written = lists.withLock { $0 }.map { $0! }
    if written.contains(where: \.failed) { return try jsonAtOnce() }
    var out: [UInt8] = []
    out.reserveCapacity(restJSON.count + written.reduce(0) { $0 + $1.bytes.count } + 1)
    var cursor = restJSON.startIndex
    for (key, list) in zip(["events", "nodes"], written) {
      // At the top level a key starts a line with two spaces; no string holds a line break.
      let header = Data("\n  \"\(key)\" : ".utf8)
      guard let empty = restJSON.range(of: header + Data("[\n\n  ]".utf8), in: cursor..<restJSON.endIndex)
      else {
        return try jsonAtOnce()
      }
      out.append(contentsOf: restJSON[cursor..<empty.lowerBound])
      out.append(contentsOf: header)
      out.append(contentsOf: list.bytes)
      cursor = empty.upperBound
    }
    out.append(contentsOf: restJSON[cursor...])
    out.append(UInt8(ascii: "\n"))
    return String(decoding: out, as: UTF8.self)
  }

  static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return encoder
  }

  /// The document encoded in one piece.
  func jsonAtOnce() throws -> String {
    String(decoding: try Self.encoder.encode(self), as: UTF8.self) + "\n"
  }
}

extension Simulation {
  func result(endTime: Double) -> SimulationResult {
    var reports: [SimulationResult.NodeReport] = []
    var perHour = 0.0
    var total = finishedCost
    for name in store.nodeNames {
      let node = store[node: name]!
      perHour += node.pricePerHourNow
      if node.nodePool != nil { total += node.cost(until: endTime) }
      // Until its node registers, a NodeClaim's node carries the unregistered taint.
      let unregistered =
        node.registeredAt == nil ? [Taint(key: WellKnown.unregisteredTaintKey, effect: "NoExecute")] : []
      reports.append(
        SimulationResult.NodeReport(
          name: name, nodePool: node.nodePool, instanceType: node.instanceType, zone: node.zone,
          capacityType: node.capacityType, pricePerHour: node.pricePerHourNow, labels: node.labels,
          taints: node.taints + node.startupTaints + unregistered,
          allocatable: store.schema.list(node.allocatable).mapValues(\.description),
          pods: node.pods.sorted(), createdAt: node.createdAt,
          nodeClaim: node.nodePool == nil
            ? nil
            : SimulationResult.NodeClaimReport(
              launchedAt: node.launchedAt, registeredAt: node.registeredAt, initializedAt: node.initializedAt)
        ))
    }
    // Sorted by the dictionary's keys (the pods' `namespace/name`), not by copies of the pods.
    let pending = store.pods.keys.sorted().compactMap { key -> SimulationResult.PendingPodReport? in
      guard let p = store[pod: key], p.node == nil else { return nil }
      return SimulationResult.PendingPodReport(
        pod: key,
        reason: p.pendingReason?.description
          ?? (p.nominated.map { "waiting for node \($0) to become ready" } ?? "not yet considered"))
    }
    var series = samples
    if let last = series.last, last.time < endTime {
      var closing = last
      closing.time = endTime
      series.append(closing)
    }
    return SimulationResult(
      endTime: endTime, nodes: reports, pendingPods: pending,
      cost: SimulationResult.CostReport(
        perHour: (perHour * 1e6).rounded() / 1e6, total: (total * 1e6).rounded() / 1e6),
      events: events, kubernetesEvents: kubernetesEvents, samples: series, logs: logs, epoch: epoch,
      whyNodesStay: currentExplanations())
  }

  /// For each node alive now and each NodePool, the latest explanation that still holds.
  func currentExplanations() -> [(object: String, event: KubernetesEventRecord)] {
    let explanations = karpenter.explanations.current
    return explanations.keys.sorted().compactMap { object in
      let latest = explanations[object]!.values.max { ($0.time, $0.reason) < ($1.time, $1.reason) }
      guard let latest else { return nil }
      let name = object.hasPrefix("Node/") ? String(object.dropFirst(5)) : object
      if object.hasPrefix("Node/") && store[node: name] == nil { return nil }
      if object.hasPrefix("NodePool/")
        && !store.nodePools.contains(where: { "NodePool/\($0.name)" == object })
      {
        return nil
      }
      return (name, latest)
    }
  }

  /// Records the fleet now (one sample per moment: a later record at the same time replaces it).
  /// Pods not bound to a node. Counted again only when the cluster changed (a bind, a removal,
  /// a new pod), and without copying the pods: a sample is taken at every step.
  func pendingPodCount() -> Int { store.unboundPods.count }

  mutating func recordSample() {
    guard options.keepsHistory else { return }
    if !samples.isEmpty && store.generation == sampledGeneration { return }
    sampledGeneration = store.generation
    var sample = SimulationSample(time: now)
    // Sorted, so the floating-point sum is the same in every process.
    let fleet = store.fleet()
    (sample.spotNodes, sample.onDemandNodes, sample.otherNodes) = (fleet.spot, fleet.onDemand, fleet.other)
    sample.costPerHour = fleet.costPerHour
    sample.pendingPods = pendingPodCount()
    if let last = samples.last, last.time == now {
      samples[samples.count - 1] = sample
    } else if let last = samples.last, last.sameFleet(as: sample) {
      return
    } else {
      samples.append(sample)
    }
  }
}

/// The fleet at one moment.
public struct SimulationSample: Sendable, Hashable {
  public var time: Double
  public var onDemandNodes = 0
  public var spotNodes = 0
  /// Nodes of no known capacity type (input nodes without the label).
  public var otherNodes = 0
  public var pendingPods = 0
  public var costPerHour = 0.0

  public init(time: Double) { self.time = time }

  func sameFleet(as other: SimulationSample) -> Bool {
    onDemandNodes == other.onDemandNodes && spotNodes == other.spotNodes && otherNodes == other.otherNodes
      && pendingPods == other.pendingPods && abs(costPerHour - other.costPerHour) < 1e-9
  }
}
