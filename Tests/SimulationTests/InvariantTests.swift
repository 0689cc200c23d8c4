import Foundation
import Testing

/// Invariants over generated day/night scenarios (fixed seeds): replay the events and check
/// that no eviction breaks a PodDisruptionBudget, no replaced node goes before its replacement
/// is Ready, no pool has more nodes disrupting than its budget allows, and nothing that fits
/// is left pending.
@Suite struct InvariantTests {
  /// A small deterministic generator (SplitMix64).
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
      range.lowerBound + Int(next() % UInt64(range.count))
    }
  }

  struct Workload {
    var name: String
    var cpuMilli: Int
    var minAvailable: Int
    var day: Int
    var night: Int
  }

  struct Generated {
    var documents: [String]
    var workloads: [Workload]
    /// Scale entries: (time, deployment, replicas).
    var scales: [(Double, String, Int)]
    var budgetNodes: Int
  }

  static let types = [
    instanceType(
      "c-small", cpu: "2", memory: "8Gi",
      offerings: ["zone-a:on-demand:0.1", "zone-b:on-demand:0.11", "zone-a:spot:0.04"]),
    instanceType(
      "c-medium", cpu: "4", memory: "16Gi",
      offerings: ["zone-a:on-demand:0.2", "zone-b:on-demand:0.21", "zone-b:spot:0.07"]),
    instanceType(
      "c-large", cpu: "8", memory: "32Gi",
      offerings: ["zone-a:on-demand:0.4", "zone-b:on-demand:0.39", "zone-a:spot:0.15"]),
    instanceType(
      "c-xlarge", cpu: "16", memory: "64Gi", offerings: ["zone-a:on-demand:0.8", "zone-b:on-demand:0.8"]),
  ]

  /// Half a day of traffic, compressed: workloads scale up ("day") and down ("night") every
  /// 90 minutes; at 6h the NodePool's template changes (drift).
  static func generate(seed: UInt64) -> Generated {
    var g = Generator(state: seed)
    let budgetNodes = g.int(1...2)
    let capacityTypes = g.int(0...1) == 0 ? "[on-demand]" : "[spot, on-demand]"
    let requirements = "[{key: karpenter.sh/capacity-type, operator: In, values: \(capacityTypes)}]"
    let disruption =
      "{consolidationPolicy: WhenEmptyOrUnderutilized, consolidateAfter: \(g.int(0...2) * 5)m, budgets: [{nodes: \"\(budgetNodes)\"}]}"
    var workloads: [Workload] = []
    for i in 0..<g.int(3...5) {
      let night = g.int(1...3)
      workloads.append(
        Workload(
          name: "app\(i)", cpuMilli: [250, 500, 750, 1000, 1500][g.int(0...4)],
          minAvailable: g.int(0...1) + (night > 1 ? 1 : 0),
          day: night + g.int(2...8), night: night))
    }
    var docs = [nodePool(requirements: requirements, disruption: disruption)]
    for w in workloads {
      docs.append(deployment(w.name, replicas: w.night, cpu: "\(w.cpuMilli)m", memory: "512Mi"))
      if w.minAvailable > 0 {
        docs.append(podDisruptionBudget(w.name, app: w.name, minAvailable: "\(w.minAvailable)"))
      }
    }
    var steps: [String] = []
    var scales: [(Double, String, Int)] = []
    for k in 1...8 {
      let minutes = 90 * k
      let isDay = k % 2 == 1
      let entries = workloads.filter { _ in g.int(0...3) > 0 }.map { w -> (String, Int) in
        (w.name, isDay ? max(w.night, w.day - g.int(0...2)) : w.night)
      }
      for (name, n) in entries { scales.append((Double(minutes * 60), name, n)) }
      var apply: [String] = []
      if minutes == 360 {
        apply = [nodePool(requirements: requirements, labels: "{generation: two}", disruption: disruption)]
      }
      steps.append(step("\(minutes)m", apply: apply, scale: entries.map { scaleTo($0.0, $0.1) }))
    }
    docs.insert(scenario(types: types, zones: ["zone-a", "zone-b"], timeline: steps), at: 0)
    return Generated(documents: docs, workloads: workloads, scales: scales, budgetNodes: budgetNodes)
  }

  static let seeds: [UInt64] = [1, 5, 7, 42]

  @Test(arguments: seeds) func invariantsHold(seed: UInt64) throws {
    let generated = Self.generate(seed: seed)
    let r = try simulate(generated.documents)
    #expect(r.events.map(\.time) == r.events.map(\.time).sorted())
    checkPodDisruptionBudgets(r, generated)
    checkReplacementsBeforeDeletion(r)
    checkBudgets(r, generated)
    // Capacity is unlimited and every pod fits some type: nothing left pending.
    #expect(r.pendingPods.isEmpty, "seed \(seed): \(r.pendingPods.map { "\($0.pod): \($0.reason)" })")
    // Some disruption really happened (night scale-downs and the 6h drift).
    #expect(r.events.contains { $0.type == "DisruptionDecided" }, "seed \(seed)")
    #expect(r.events.contains { $0.type == "PodEvicted" }, "seed \(seed): the PDB replay checked something")
    #expect(
      r.events.contains { $0.type == "NodeClaimCreated" && ($0.reason ?? "").contains("replacement") },
      "seed \(seed)")
    #expect(r.events.contains { $0.type == "DisruptionDecided" && $0.reason == "Drifted" }, "seed \(seed)")
    #expect(
      r.nodes.allSatisfy { $0.labels["generation"] == "two" },
      "seed \(seed): every node replaced after the drift")
  }

  /// Replays bindings, evictions, node readiness and terminations, and the timeline's scalings:
  /// at every PodEvicted of a pod a PDB selects, the healthy pods matching it (bound to a Ready
  /// node) must exceed minAvailable.
  func checkPodDisruptionBudgets(_ r: SimResult, _ g: Generated) {
    var ready = Set<String>()
    var boundTo: [String: String] = [:]  // pod -> node
    var scales = g.scales[...]
    let minAvailable = Dictionary(uniqueKeysWithValues: g.workloads.map { ($0.name, $0.minAvailable) })
    func app(of pod: String) -> String? {
      let name = pod.split(separator: "/").last.map(String.init) ?? pod
      guard let dash = name.lastIndex(of: "-") else { return nil }
      return String(name[..<dash])
    }
    for e in r.events {
      while let s = scales.first, s.0 <= e.time {
        scales = scales.dropFirst()
        // Pods past the new replica count are deleted (not evicted) by the scale-down.
        for pod in boundTo.keys where app(of: pod) == s.1 {
          if let index = pod.split(separator: "-").last.flatMap({ Int($0) }), index >= s.2 {
            boundTo.removeValue(forKey: pod)
          }
        }
      }
      switch e.type {
      case "NodeReady": if let n = e.node { ready.insert(n) }
      case "NodeTerminated":
        if let n = e.node {
          ready.remove(n)
          for (pod, node) in boundTo where node == n { boundTo.removeValue(forKey: pod) }
        }
      case "PodBound": if let p = e.pod, let n = e.node { boundTo[p] = n }
      case "PodEvicted":
        guard let p = e.pod, let a = app(of: p), let min = minAvailable[a], min > 0 else {
          if let p = e.pod { boundTo.removeValue(forKey: p) }
          continue
        }
        let healthy = boundTo.filter { app(of: $0.key) == a && ready.contains($0.value) }.count
        #expect(healthy - 1 >= min, "evicting \(p) at \(e.time): \(healthy) healthy, minAvailable \(min)")
        boundTo.removeValue(forKey: p)
      default: break
      }
    }
  }

  /// A node disrupted with a replacement (a NodeClaimCreated at the decision's time naming the
  /// node in its reason) is terminated only after that replacement's NodeReady.
  func checkReplacementsBeforeDeletion(_ r: SimResult) {
    for decision in r.events
    where decision.type == "DisruptionDecided"
      && ["Underutilized", "Drifted"].contains(decision.reason ?? "")
    {
      guard let node = decision.node else { continue }
      let replacements = r.events.filter {
        $0.type == "NodeClaimCreated" && $0.time == decision.time && ($0.reason ?? "").contains(node)
      }
      guard let gone = r.events.first(where: { $0.type == "NodeTerminated" && $0.node == node })?.time else {
        continue
      }
      for replacement in replacements {
        let readyAt = r.events.first { $0.type == "NodeReady" && $0.node == replacement.node }?.time
        #expect(
          readyAt != nil && readyAt! <= gone,
          "\(node) terminated at \(gone) before its replacement \(replacement.node ?? "") was Ready (\(readyAt.map { "\($0)" } ?? "never"))"
        )
      }
    }
  }

  /// At every voluntary decision, the nodes of the pool being disrupted (decided and not yet
  /// terminated) do not exceed the budget.
  func checkBudgets(_ r: SimResult, _ g: Generated) {
    var disrupting = Set<String>()
    for e in r.events {
      switch e.type {
      case "DisruptionDecided":
        guard let n = e.node else { continue }
        disrupting.insert(n)
        if ["Empty", "Underutilized", "Drifted"].contains(e.reason ?? "") {
          #expect(
            disrupting.count <= g.budgetNodes,
            "at \(e.time): \(disrupting.sorted()) disrupting, budget \(g.budgetNodes)")
        }
      case "NodeTerminated": if let n = e.node { disrupting.remove(n) }
      default: break
      }
    }
  }

  @Test func generatorIsDeterministic() {
    #expect(Self.generate(seed: 42).documents == Self.generate(seed: 42).documents)
    #expect(Self.generate(seed: 42).documents != Self.generate(seed: 7).documents)
  }

  @Test func sameGeneratedScenarioGivesTheSameEvents() throws {
    let g = Self.generate(seed: 7)
    let a = try simulate(g.documents)
    let b = try simulate(g.documents)
    #expect(a.events.count == b.events.count)
    #expect(a.endTime == b.endTime)
    #expect(a.cost.total == b.cost.total)
  }
}
