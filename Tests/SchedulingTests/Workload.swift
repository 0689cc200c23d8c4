import KarpenterAPI
import KubernetesAPI
import PropertyBased
import Scheduling

/// Random scheduling workloads for the property tests: NodePools, instance types with
/// offerings, DaemonSets, existing nodes and groups of pods with selectors, tolerations and
/// topology constraints, kept as plain descriptions so that a failure can print its input
/// and the checks can model what each constraint allows without asking the scheduler.

let testZones = ["zone-a", "zone-b", "zone-c"]
let testCapacityTypes = [WellKnown.capacityTypeSpot, WellKnown.capacityTypeOnDemand]
let testArchs = ["amd64", "arm64"]
let testCategories = ["c", "m", "r"]
let categoryLabel = "karpenter.k8s.aws/instance-category"
let teamLabel = "example.com/team"
let gib: Int64 = 1 << 30
let mib: Int64 = 1 << 20
/// What "no limit" is for a resource slot of a pool's remaining resources.
let unlimited = Int64.max / 4

enum TopologyKind: String, CaseIterable {
  case none, antiAffinity, hostnameSpread, zoneSpread
}

struct PoolSpec {
  var name: String
  var weight: Int
  var archs: [String]?
  var capacityTypes: [String]?
  var zones: [String]?
  var excludedTypes: [String]
  var categories: [String]?
  var team: String?
  var taint: Taint?
  /// Cores.
  var cpuLimit: Int64?

  var template: NodePoolTemplate {
    var requirements: [Requirement] = []
    if let archs { requirements.append(Requirement(key: WellKnown.archLabel, operator: "In", values: archs)) }
    if let capacityTypes {
      requirements.append(
        Requirement(key: WellKnown.capacityTypeLabel, operator: "In", values: capacityTypes))
    }
    if let zones { requirements.append(Requirement(key: WellKnown.zoneLabel, operator: "In", values: zones)) }
    if !excludedTypes.isEmpty {
      requirements.append(
        Requirement(key: WellKnown.instanceTypeLabel, operator: "NotIn", values: excludedTypes))
    }
    if let categories {
      requirements.append(Requirement(key: categoryLabel, operator: "In", values: categories))
    }
    var remaining: Resources?
    if let cpuLimit {
      var r = Resources(SIMD16(repeating: unlimited))
      r[0] = cpuLimit * 1000
      remaining = r
    }
    return NodePoolTemplate(
      name: name, weight: weight, requirements: Requirements(requirements),
      labels: team.map { [teamLabel: $0] } ?? [:], taints: taint.map { [$0] } ?? [],
      remainingResources: remaining)
  }

  /// True when the pool's requirements let it launch `type` (ignoring offerings).
  func allows(_ type: TypeSpec) -> Bool {
    (archs?.contains(type.arch) ?? true) && (categories?.contains(type.category) ?? true)
      && !excludedTypes.contains(type.name)
  }

  func allows(_ offering: Offering) -> Bool {
    (zones?.contains(offering.zone) ?? true) && (capacityTypes?.contains(offering.capacityType) ?? true)
  }
}

struct TypeSpec {
  var name: String
  var arch: String
  var category: String
  var cpu: Int64
  var memory: Int64
  var pods: Int64
  var overheadCPU: Int64
  var overheadMemory: Int64
  var offerings: [Offering]

  var instanceType: InstanceType {
    InstanceType(
      name: name, labels: [WellKnown.archLabel: arch, WellKnown.osLabel: "linux", categoryLabel: category],
      offerings: offerings, capacity: Resources(cpuMilli: cpu, memory: memory, pods: pods),
      overhead: Resources(cpuMilli: overheadCPU, memory: overheadMemory))
  }

  var allocatable: Resources {
    Resources(cpuMilli: cpu - overheadCPU, memory: memory - overheadMemory, pods: pods)
  }
}

struct DaemonSpec {
  var cpu: Int64
  var memory: Int64
  var toleratesEverything: Bool
  var arch: String?

  var requests: Resources { Resources(cpuMilli: cpu, memory: memory, pods: 1) }

  func daemonSetPod(_ i: Int) -> DaemonSetPod {
    let pod = Pod(
      metadata: ObjectMeta(name: "daemon-\(i)", namespace: "kube-system", labels: ["daemon": "\(i)"]),
      spec: PodSpec(
        containers: [Container(name: "d")], nodeSelector: arch.map { [WellKnown.archLabel: $0] },
        tolerations: toleratesEverything ? [Toleration(operator: "Exists")] : nil))
    return DaemonSetPod(pod: pod, requests: requests)
  }

  /// Whether the DaemonSet runs on a node of `pool` and `type` (upstream's overhead rule).
  func runs(on pool: PoolSpec, type: TypeSpec) -> Bool {
    if pool.taint != nil && !toleratesEverything { return false }
    if let arch { return (pool.archs?.contains(arch) ?? true) && type.arch == arch }
    return true
  }
}

struct NodeSpec {
  var name: String
  var zone: String
  var arch: String
  var capacityType: String
  var typeName: String
  var team: String?
  var taint: Taint?
  var allocatable: Resources
  var requested: Resources

  var labels: [String: String] {
    var l = [
      WellKnown.zoneLabel: zone, WellKnown.archLabel: arch, WellKnown.capacityTypeLabel: capacityType,
      WellKnown.instanceTypeLabel: typeName, WellKnown.hostnameLabel: name, WellKnown.osLabel: "linux",
    ]
    if let team { l[teamLabel] = team }
    return l
  }

  var existingNode: ExistingNode {
    ExistingNode(
      name: name, labels: labels, taints: taint.map { [$0] } ?? [], allocatable: allocatable,
      requested: requested)
  }
}

/// Pods of one workload: the same requests, selectors, tolerations and topology rule.
struct GroupSpec {
  var name: String
  var count: Int
  var cpu: Int64
  var memory: Int64
  var nodeSelector: [String: String]
  var toleratesTaints: Bool
  var topology: TopologyKind
  var maxSkew: Int
  /// Required node affinity `zone NotIn [avoidZone]`.
  var avoidZone: String?
  /// The `app` label; groups without topology sometimes share it with an anti-affinity group,
  /// whose pods must then keep away from theirs too.
  var app: String

  var requests: Resources { Resources(cpuMilli: cpu, memory: memory, pods: 1) }
  var labels: [String: String] { ["app": app] }

  func pod(_ i: Int) -> Pod {
    let selector = LabelSelector(matchLabels: labels)
    var affinity: Affinity?
    if let avoidZone {
      affinity = Affinity(
        nodeAffinity: NodeAffinity(
          required: NodeSelector(nodeSelectorTerms: [
            NodeSelectorTerm(matchExpressions: [
              NodeSelectorRequirement(key: WellKnown.zoneLabel, operator: "NotIn", values: [avoidZone])
            ])
          ])))
    }
    var spreads: [TopologySpreadConstraint]?
    switch topology {
    case .none: break
    case .antiAffinity:
      if affinity == nil { affinity = Affinity() }
      affinity!.podAntiAffinity = PodAntiAffinity(required: [
        PodAffinityTerm(labelSelector: selector, topologyKey: WellKnown.hostnameLabel)
      ])
    case .hostnameSpread:
      spreads = [
        TopologySpreadConstraint(
          maxSkew: Int32(maxSkew), topologyKey: WellKnown.hostnameLabel, whenUnsatisfiable: "DoNotSchedule",
          labelSelector: selector)
      ]
    case .zoneSpread:
      spreads = [
        TopologySpreadConstraint(
          maxSkew: Int32(maxSkew), topologyKey: WellKnown.zoneLabel, whenUnsatisfiable: "DoNotSchedule",
          labelSelector: selector)
      ]
    }
    return Pod(
      metadata: ObjectMeta(name: "\(name)-\(i)", namespace: "default", labels: labels),
      spec: PodSpec(
        containers: [
          Container(
            name: "app",
            resources: ResourceRequirements(requests: [
              "cpu": Quantity(milli: cpu), "memory": Quantity(memory, format: .binarySI),
            ]))
        ],
        nodeSelector: nodeSelector.isEmpty ? nil : nodeSelector, affinity: affinity,
        tolerations: toleratesTaints
          ? [Toleration(key: "dedicated", operator: "Exists", effect: "NoSchedule")] : nil,
        topologySpreadConstraints: spreads))
  }
}

struct Workload: CustomStringConvertible {
  var pools: [PoolSpec]
  var types: [TypeSpec]
  var daemons: [DaemonSpec]
  var nodes: [NodeSpec]
  var groups: [GroupSpec]

  /// Pod index -> its group.
  var podGroups: [Int] { groups.indices.flatMap { g in Array(repeating: g, count: groups[g].count) } }

  var hasTopology: Bool { groups.contains { $0.topology != .none } }
  var hasLimits: Bool { pools.contains { $0.cpuLimit != nil } }

  func input(_ packing: PackingStrategy) -> SchedulingInput {
    var pods: [SchedulingPod] = []
    for group in groups {
      for i in 0..<group.count {
        pods.append(SchedulingPod(index: pods.count, pod: group.pod(i), requests: group.requests))
      }
    }
    return SchedulingInput(
      nodePools: pools.map(\.template), instanceTypes: types.map(\.instanceType),
      existingNodes: nodes.map(\.existingNode), pods: pods,
      daemonSets: daemons.enumerated().map { $1.daemonSetPod($0) }, packing: packing)
  }

  func pool(named name: String) -> PoolSpec? { pools.first { $0.name == name } }
  func type(named name: String) -> TypeSpec? { types.first { $0.name == name } }

  /// DaemonSet overhead on a node of `pool` and `type`.
  func overhead(pool: PoolSpec, type: TypeSpec) -> Resources {
    daemons.filter { $0.runs(on: pool, type: type) }.reduce(Resources()) { $0 + $1.requests }
  }

  var description: String {
    var lines: [String] = []
    for p in pools {
      var parts = ["NodePool \(p.name) weight=\(p.weight)"]
      if let a = p.archs { parts.append("arch In \(a)") }
      if let c = p.capacityTypes { parts.append("capacity-type In \(c)") }
      if let z = p.zones { parts.append("zone In \(z)") }
      if !p.excludedTypes.isEmpty { parts.append("instance-type NotIn \(p.excludedTypes)") }
      if let c = p.categories { parts.append("category In \(c)") }
      if let t = p.team { parts.append("label team=\(t)") }
      if let t = p.taint { parts.append("taint \(t.key)=\(t.value ?? ""):\(t.effect)") }
      if let l = p.cpuLimit { parts.append("limits.cpu=\(l)") }
      lines.append(parts.joined(separator: ", "))
    }
    for t in types {
      let offerings = t.offerings.map {
        "\($0.zone)/\($0.capacityType)=\($0.price)\($0.available ? "" : "(unavailable)")"
      }
      lines.append(
        "type \(t.name) \(t.arch) \(t.category) cpu=\(t.cpu)m mem=\(t.memory / mib)Mi pods=\(t.pods) overhead=\(t.overheadCPU)m/\(t.overheadMemory / mib)Mi offerings \(offerings.joined(separator: " "))"
      )
    }
    for d in daemons {
      lines.append(
        "daemon cpu=\(d.cpu)m mem=\(d.memory / mib)Mi toleratesAll=\(d.toleratesEverything) arch=\(d.arch ?? "-")"
      )
    }
    for n in nodes {
      lines.append(
        "node \(n.name) \(n.zone) \(n.arch) \(n.capacityType) \(n.typeName) team=\(n.team ?? "-") taint=\(n.taint?.key ?? "-") alloc=\(n.allocatable.cpuMilli)m/\(n.allocatable.memory / mib)Mi/\(n.allocatable.pods) requested=\(n.requested.cpuMilli)m/\(n.requested.memory / mib)Mi/\(n.requested.pods)"
      )
    }
    var first = 0
    for g in groups {
      lines.append(
        "pods \(first)..<\(first + g.count) \(g.name) x\(g.count) cpu=\(g.cpu)m mem=\(g.memory / mib)Mi app=\(g.app) selector=\(g.nodeSelector) avoidZone=\(g.avoidZone ?? "-") tolerates=\(g.toleratesTaints) topology=\(g.topology.rawValue) maxSkew=\(g.maxSkew)"
      )
      first += g.count
    }
    return lines.joined(separator: "\n")
  }
}

// MARK: Generation

extension Workload {
  /// The workload generator, for `propertyCheck` or for a seeded run.
  static let generator = Generator<Workload, Shrink.None<Workload>> { rng in Workload.random(using: &rng) }

  /// The workload of a fixed seed, the same on every run and every machine.
  static func seeded(_ seed: Int) -> Workload {
    var rng = Xoshiro(
      seed: (
        UInt64(seed) &+ 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 0x2545_F491_4F6C_DD1D, UInt64(seed) | 1
      ))
    return generator.run(using: &rng)
  }

  static func random<R: RandomNumberGenerator>(using rng: inout R) -> Workload {
    func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    func pick<T>(_ values: [T]) -> T { values.randomElement(using: &rng)! }
    func subset(_ values: [String]) -> [String] {
      var out = values.filter { _ in chance(0.6) }
      if out.isEmpty { out = [pick(values)] }
      return out
    }

    // Instance types.
    let typeCount = Int.random(in: 5...40, using: &rng)
    var types: [TypeSpec] = []
    for i in 0..<typeCount {
      let cores = pick([1, 2, 4, 8, 16, 32] as [Int64])
      let memoryPerCore = pick([1, 2, 4, 8] as [Int64])
      var offerings: [Offering] = []
      let base =
        Double(cores) * Double.random(in: 0.02...0.06, using: &rng) * Double(memoryPerCore).squareRoot()
      for zone in testZones {
        for capacityType in testCapacityTypes where chance(0.7) {
          let factor =
            capacityType == WellKnown.capacityTypeSpot
            ? Double.random(in: 0.3...1.1, using: &rng) : Double.random(in: 0.9...1.2, using: &rng)
          let price = (base * factor * 10_000).rounded() / 10_000
          offerings.append(
            Offering(zone: zone, capacityType: capacityType, price: price, available: chance(0.92)))
        }
      }
      types.append(
        TypeSpec(
          name: "it-\(i < 10 ? "0" : "")\(i)", arch: chance(0.7) ? "amd64" : "arm64",
          category: pick(testCategories),
          cpu: cores * 1000, memory: cores * memoryPerCore * gib,
          pods: pick([8, 16, 29, 58, 110] as [Int64]),
          overheadCPU: Int64.random(in: 0...200, using: &rng),
          overheadMemory: Int64.random(in: 0...512, using: &rng) * mib,
          offerings: offerings))
    }

    // NodePools.
    let poolCount = Int.random(in: 1...3, using: &rng)
    var pools: [PoolSpec] = []
    for i in 0..<poolCount {
      var excluded: [String] = []
      if chance(0.4) {
        for _ in 0..<Int.random(in: 1...4, using: &rng) { excluded.append(pick(types).name) }
      }
      pools.append(
        PoolSpec(
          name: "pool-\(i)", weight: Int.random(in: 0...100, using: &rng),
          archs: chance(0.5) ? subset(testArchs) : nil,
          capacityTypes: chance(0.5) ? subset(testCapacityTypes) : nil,
          zones: chance(0.4) ? subset(testZones) : nil,
          excludedTypes: Array(Set(excluded)).sorted(),
          categories: chance(0.3) ? subset(testCategories) : nil,
          team: chance(0.3) ? "team-\(i)" : nil,
          taint: chance(0.3) ? Taint(key: "dedicated", value: "pool-\(i)", effect: "NoSchedule") : nil,
          cpuLimit: chance(0.3) ? Int64.random(in: 4...64, using: &rng) : nil))
    }

    // DaemonSets.
    var daemons: [DaemonSpec] = []
    for _ in 0..<pick([0, 0, 1, 2]) {
      daemons.append(
        DaemonSpec(
          cpu: Int64.random(in: 50...300, using: &rng), memory: Int64.random(in: 64...256, using: &rng) * mib,
          toleratesEverything: chance(0.5), arch: chance(0.3) ? pick(testArchs) : nil))
    }

    // Existing nodes.
    var nodes: [NodeSpec] = []
    for i in 0..<pick([0, 0, 0, 1, 2]) {
      let type = pick(types)
      let allocatable = type.allocatable
      nodes.append(
        NodeSpec(
          name: "existing-\(i)", zone: pick(testZones), arch: type.arch,
          capacityType: pick(testCapacityTypes),
          typeName: type.name, team: chance(0.3) ? "team-\(Int.random(in: 0..<poolCount, using: &rng))" : nil,
          taint: chance(0.3) ? Taint(key: "dedicated", value: "existing", effect: "NoSchedule") : nil,
          allocatable: allocatable,
          requested: Resources(
            cpuMilli: Int64.random(in: 0...(allocatable.cpuMilli / 2), using: &rng),
            memory: Int64.random(in: 0...(allocatable.memory / 2), using: &rng), pods: 1)))
    }

    // Pods, in groups.
    let podTarget = Int.random(in: 1...60, using: &rng)
    var groups: [GroupSpec] = []
    var total = 0
    while total < podTarget {
      let count = min(podTarget - total, Int.random(in: 1...15, using: &rng))
      var selector: [String: String] = [:]
      let topology: TopologyKind = chance(0.5) ? .none : pick([.antiAffinity, .hostnameSpread, .zoneSpread])
      if chance(0.25) { selector[WellKnown.archLabel] = pick(testArchs) }
      if chance(0.15) { selector[WellKnown.capacityTypeLabel] = pick(testCapacityTypes) }
      if topology != .zoneSpread && chance(0.15) { selector[WellKnown.zoneLabel] = pick(testZones) }
      if chance(0.1) { selector[categoryLabel] = pick(testCategories) }
      if chance(0.15) { selector[teamLabel] = "team-\(Int.random(in: 0..<poolCount, using: &rng))" }
      let avoidZone = chance(0.15) ? pick(testZones) : nil
      var app = "g\(groups.count)"
      let antiAffinityApps = groups.filter { $0.topology == .antiAffinity }.map(\.app)
      if topology == .none, !antiAffinityApps.isEmpty, chance(0.4) { app = pick(antiAffinityApps) }
      groups.append(
        GroupSpec(
          name: "g\(groups.count)", count: count,
          cpu: pick([100, 250, 500, 750, 1000, 1500, 2000, 3500, 4000] as [Int64]),
          memory: pick([128, 256, 512, 1024, 2048, 4096, 8192] as [Int64]) * mib, nodeSelector: selector,
          toleratesTaints: chance(0.4), topology: topology,
          maxSkew: topology == .zoneSpread || topology == .hostnameSpread ? pick([1, 1, 2]) : 1,
          avoidZone: avoidZone, app: app))
      total += count
    }
    return Workload(pools: pools, types: types, daemons: daemons, nodes: nodes, groups: groups)
  }
}
