import Foundation
import KarpenterAPI
import KubernetesAPI
import PropertyBased
import Scheduling
import Testing

/// Properties of `Scheduler.solve` over random workloads (see `Workload.swift`), for both
/// packings. Each workload comes from a fixed seed so that CI is deterministic; set
/// `SCHEDULING_PROPERTY_RUNS` (how many seeds) and `SCHEDULING_PROPERTY_FIRST_SEED` to explore
/// further. A failure names the seed, the packing and prints the whole workload.
enum PropertyRuns {
  static let count = ProcessInfo.processInfo.environment["SCHEDULING_PROPERTY_RUNS"].flatMap(Int.init) ?? 200
  static let firstSeed =
    ProcessInfo.processInfo.environment["SCHEDULING_PROPERTY_FIRST_SEED"].flatMap(Int.init) ?? 0
  static var seeds: Range<Int> { firstSeed..<(firstSeed + count) }
  /// At most this many failing seeds are reported per test, to keep the log readable.
  static let reportLimit = 5
}

/// Where the scheduler put one pod.
enum Placement: Equatable {
  case claim(Int)
  case node(String)
  case unschedulable
}

/// Every invariant of one scheduling result that does not compare packings; returns the
/// violations found, each a sentence.
func invariantViolations(_ w: Workload, _ result: SchedulingResult) -> [String] {
  var problems: [String] = []
  let groupOf = w.podGroups
  let podCount = groupOf.count
  func name(_ i: Int) -> String { "pod \(i) (\(w.groups[groupOf[i]].name))" }

  // 1. Every pod is in exactly one place.
  var places: [[Placement]] = Array(repeating: [], count: podCount)
  for (c, claim) in result.newNodeClaims.enumerated() {
    for i in claim.pods {
      guard i >= 0 && i < podCount else {
        problems.append("NodeClaim \(c) names pod index \(i), which is not an input pod")
        continue
      }
      places[i].append(.claim(c))
    }
  }
  for (i, node) in result.existingPlacements {
    guard i >= 0 && i < podCount else {
      problems.append("existing placement names pod index \(i), which is not an input pod")
      continue
    }
    places[i].append(.node(node))
  }
  for i in result.unschedulable.keys {
    guard i >= 0 && i < podCount else {
      problems.append("unschedulable names pod index \(i), which is not an input pod")
      continue
    }
    places[i].append(.unschedulable)
  }
  for i in 0..<podCount where places[i].count != 1 {
    problems.append("\(name(i)) is in \(places[i].count) places: \(places[i])")
  }
  let placement = places.map { $0.first ?? .unschedulable }

  // 2. NodeClaims: the pool's requirements and taints admit each pod, every instance type
  //    is one the pool may launch, matches each pod's selectors and holds all the pods.
  var launchedCPU: [String: Int64] = [:]
  for (c, claim) in result.newNodeClaims.enumerated() {
    let where_ = "NodeClaim \(c) of \(claim.nodePool) with pods \(claim.pods)"
    guard let pool = w.pool(named: claim.nodePool) else {
      problems.append("\(where_): unknown NodePool")
      continue
    }
    if claim.pods.isEmpty { problems.append("\(where_): no pods") }
    if claim.instanceTypes.isEmpty {
      problems.append("\(where_): no instance types")
      continue
    }
    let pods = claim.pods.filter { $0 >= 0 && $0 < podCount }
    let requests = pods.reduce(Resources()) { $0 + w.groups[groupOf[$1]].requests }
    for i in pods {
      let group = w.groups[groupOf[i]]
      if pool.taint != nil && !group.toleratesTaints {
        problems.append("\(where_): \(name(i)) does not tolerate the pool's taint \(pool.taint!.key)")
      }
      if let avoid = group.avoidZone, claim.requirements[WellKnown.zoneLabel]?.has(avoid) ?? true {
        problems.append(
          "\(where_): requirements \(claim.requirements) allow zone \(avoid), which \(name(i))'s node affinity excludes"
        )
      }
      for (key, value) in group.nodeSelector {
        guard let r = claim.requirements[key], r.has(value) else {
          problems.append(
            "\(where_): requirements \(claim.requirements) do not allow \(name(i))'s nodeSelector \(key)=\(value)"
          )
          continue
        }
        if let label = claim.labels[key], label != value {
          problems.append(
            "\(where_): label \(key)=\(label) contradicts \(name(i))'s nodeSelector \(key)=\(value)")
        }
        if key == teamLabel && pool.team != value {
          problems.append(
            "\(where_): \(name(i)) selects \(key)=\(value) but the pool's nodes are labelled \(pool.team ?? "nothing")"
          )
        }
      }
    }
    var largestCPU: Int64 = 0
    for type in claim.instanceTypes {
      guard let spec = w.type(named: type.name) else {
        problems.append("\(where_): unknown instance type \(type.name)")
        continue
      }
      largestCPU = max(largestCPU, spec.cpu)
      if !pool.allows(spec) {
        problems.append(
          "\(where_): instance type \(spec.name) (\(spec.arch), \(spec.category)) is not allowed by the pool")
      }
      for i in pods {
        for (key, value) in w.groups[groupOf[i]].nodeSelector {
          let typeValue: String? =
            switch key {
            case WellKnown.archLabel: spec.arch
            case categoryLabel: spec.category
            default: nil
            }
          if let typeValue, typeValue != value {
            problems.append(
              "\(where_): instance type \(spec.name) has \(key)=\(typeValue) but \(name(i)) selects \(value)")
          }
        }
      }
      let need = requests + w.overhead(pool: pool, type: spec)
      if !need.fits(in: spec.allocatable) {
        problems.append(
          "\(where_): instance type \(spec.name) (allocatable \(spec.allocatable.cpuMilli)m/\(spec.allocatable.memory / mib)Mi/\(spec.allocatable.pods) pods) cannot hold the pods' requests plus DaemonSet overhead \(need.cpuMilli)m/\(need.memory / mib)Mi/\(need.pods) pods"
        )
      }
    }
    launchedCPU[pool.name, default: 0] += largestCPU
    // The NodeClaim's requests are its pods' plus the DaemonSet overhead of one of its types.
    let overheads = claim.instanceTypes.compactMap { w.type(named: $0.name) }.map {
      requests + w.overhead(pool: pool, type: $0)
    }
    if !overheads.contains(claim.requests) {
      problems.append(
        "\(where_): requests \(claim.requests.cpuMilli)m/\(claim.requests.memory / mib)Mi/\(claim.requests.pods) are not its pods' \(requests.cpuMilli)m/\(requests.memory / mib)Mi/\(requests.pods) plus DaemonSet overhead"
      )
    }
    // What would be launched must be an offering the pool and every pod allow.
    if let launch = claim.cheapestLaunch() {
      if !pool.allows(launch.offering) {
        problems.append(
          "\(where_): launches \(launch.type.name) in \(launch.offering.zone)/\(launch.offering.capacityType), which the pool does not allow"
        )
      }
      for i in pods {
        let selector = w.groups[groupOf[i]].nodeSelector
        if let z = selector[WellKnown.zoneLabel], z != launch.offering.zone {
          problems.append("\(where_): launches in \(launch.offering.zone) but \(name(i)) selects zone \(z)")
        }
        if let avoid = w.groups[groupOf[i]].avoidZone, avoid == launch.offering.zone {
          problems.append("\(where_): launches in \(avoid), which \(name(i))'s node affinity excludes")
        }
        if let ct = selector[WellKnown.capacityTypeLabel], ct != launch.offering.capacityType {
          problems.append("\(where_): launches \(launch.offering.capacityType) but \(name(i)) selects \(ct)")
        }
      }
    } else {
      problems.append(
        "\(where_): no available offering of its instance types is allowed by \(claim.requirements)")
    }
  }

  // 3. Limits: the largest type of each NodeClaim, summed per pool, stays within limits.cpu.
  for pool in w.pools {
    if let limit = pool.cpuLimit, let launched = launchedCPU[pool.name], launched > limit * 1000 {
      problems.append(
        "NodePool \(pool.name): NodeClaims may launch \(launched)m of cpu, above its limit of \(limit) cpu")
    }
  }

  // 4. Existing nodes: taints, selectors, room.
  for node in w.nodes {
    let pods = (0..<podCount).filter { placement[$0] == .node(node.name) }
    var used = node.requested
    for i in pods {
      let group = w.groups[groupOf[i]]
      used += group.requests
      if node.taint != nil && !group.toleratesTaints {
        problems.append("existing node \(node.name): \(name(i)) does not tolerate its taint")
      }
      if let avoid = group.avoidZone, node.zone == avoid {
        problems.append("existing node \(node.name): \(name(i))'s node affinity excludes its zone \(avoid)")
      }
      for (key, value) in group.nodeSelector where node.labels[key] != value {
        problems.append(
          "existing node \(node.name): \(name(i)) selects \(key)=\(value), the node has \(node.labels[key] ?? "no such label")"
        )
      }
    }
    if !used.fits(in: node.allocatable) {
      problems.append(
        "existing node \(node.name): pods \(pods) overfill it (\(used.cpuMilli)m/\(used.memory / mib)Mi/\(used.pods) of \(node.allocatable.cpuMilli)m/\(node.allocatable.memory / mib)Mi/\(node.allocatable.pods))"
      )
    }
  }
  for (i, node) in result.existingPlacements where !w.nodes.contains(where: { $0.name == node }) {
    problems.append("\(name(i)) is placed on \(node), which is not an input node")
  }

  // 5. Hostname topology: anti-affinity keeps matching pods apart, a hostname spread of
  //    maxSkew s puts at most s matching pods on one node.
  var hosts: [String: [Int]] = [:]
  for i in 0..<podCount {
    switch placement[i] {
    case .claim(let c): hosts["claim-\(c)", default: []].append(i)
    case .node(let n): hosts["node-\(n)", default: []].append(i)
    case .unschedulable: break
    }
  }
  for (host, pods) in hosts.sorted(by: { $0.key < $1.key }) {
    for i in pods where w.groups[groupOf[i]].topology == .antiAffinity {
      let app = w.groups[groupOf[i]].app
      let matching = pods.filter { $0 != i && w.groups[groupOf[$0]].app == app }
      if !matching.isEmpty {
        problems.append(
          "\(host): \(name(i)) has hostname anti-affinity against app=\(app) but shares the host with \(matching.map(name))"
        )
      }
    }
    var perGroup: [Int: [Int]] = [:]
    for i in pods { perGroup[groupOf[i], default: []].append(i) }
    for (g, members) in perGroup.sorted(by: { $0.key < $1.key }) {
      let group = w.groups[g]
      switch group.topology {
      case .hostnameSpread where members.count > group.maxSkew:
        problems.append(
          "\(host): \(members.count) pods \(members) of \(group.name) share a host under a hostname spread with maxSkew \(group.maxSkew)"
        )
      default: break
      }
    }
  }

  // 6. Zone spread: a NodeClaim holding a zone-spread pod is pinned to one zone, and when a
  //    group is placed in full, its per-zone counts differ by at most maxSkew over the zones
  //    the run can launch in.
  var universe = Set(w.nodes.map(\.zone))
  for pool in w.pools {
    if let zones = pool.zones {
      universe.formUnion(zones)
      continue
    }
    for type in w.types
    where pool.allows(type) && type.offerings.contains(where: { $0.available && pool.allows($0) }) {
      universe.formUnion(type.offerings.map(\.zone))
    }
  }
  for (g, group) in w.groups.enumerated() where group.topology == .zoneSpread {
    let members = (0..<podCount).filter { groupOf[$0] == g }
    var counts: [String: Int] = [:]
    var decided = true
    for i in members {
      switch placement[i] {
      case .claim(let c):
        let r = result.newNodeClaims[c].requirements[WellKnown.zoneLabel]
        if let r, !r.complement, r.values.count == 1 {
          counts[r.values[0], default: 0] += 1
        } else {
          problems.append(
            "NodeClaim \(c) holds zone-spread \(name(i)) but its zone is not decided: \(r?.description ?? "no zone requirement")"
          )
          decided = false
        }
      case .node(let n): counts[w.nodes.first { $0.name == n }!.zone, default: 0] += 1
      case .unschedulable: decided = false
      }
    }
    guard decided else { continue }
    let eligible = universe.filter { $0 != group.avoidZone }.sorted()
    let perZone = eligible.map { counts[$0] ?? 0 }
    if let high = perZone.max(), let low = perZone.min(), high - low > group.maxSkew {
      problems.append(
        "\(group.name): zone spread with maxSkew \(group.maxSkew) placed \(eligible.map { "\($0)=\(counts[$0] ?? 0)" }.joined(separator: " "))"
      )
    }
  }
  return problems
}

/// A pod without topology constraints left unschedulable while some NodePool could launch a
/// node for it alone (checked only for pools without limits).
func completenessViolations(_ w: Workload, _ result: SchedulingResult) -> [String] {
  let groupOf = w.podGroups
  var problems: [String] = []
  for (i, reason) in result.unschedulable.sorted(by: { $0.key < $1.key }) where i < groupOf.count {
    let group = w.groups[groupOf[i]]
    guard group.topology == .none else { continue }
    for pool in w.pools where pool.cpuLimit == nil {
      if pool.taint != nil && !group.toleratesTaints { continue }
      if let team = group.nodeSelector[teamLabel], pool.team != team { continue }
      for type in w.types where pool.allows(type) {
        if let arch = group.nodeSelector[WellKnown.archLabel], arch != type.arch { continue }
        if let category = group.nodeSelector[categoryLabel], category != type.category { continue }
        let offered = type.offerings.contains { o in
          o.available && pool.allows(o) && o.zone != group.avoidZone
            && (group.nodeSelector[WellKnown.zoneLabel] ?? o.zone) == o.zone
            && (group.nodeSelector[WellKnown.capacityTypeLabel] ?? o.capacityType) == o.capacityType
        }
        guard offered else { continue }
        if (group.requests + w.overhead(pool: pool, type: type)).fits(in: type.allocatable) {
          problems.append(
            "pod \(i) (\(group.name)) is unschedulable (\(reason)) but NodePool \(pool.name) could launch \(type.name) for it"
          )
          break
        }
      }
    }
  }
  return problems
}

/// What the cloud would charge per hour for the NodeClaims.
func totalPrice(_ result: SchedulingResult) -> Double {
  result.newNodeClaims.reduce(0) { $0 + ($1.cheapestLaunch()?.offering.price ?? 0) }
}

/// A comparable summary of a result, for determinism.
func fingerprint(_ result: SchedulingResult) -> [String] {
  var out = result.newNodeClaims.map {
    "\($0.nodePool) pods=\($0.pods) types=\($0.instanceTypes.map(\.name)) req=\($0.requirements) labels=\($0.labels.sorted { $0.key < $1.key })"
  }
  out += result.existingPlacements.sorted { $0.key < $1.key }.map { "existing \($0.key)->\($0.value)" }
  out += result.unschedulable.sorted { $0.key < $1.key }.map { "unschedulable \($0.key): \($0.value)" }
  return out
}

@Suite struct SchedulerPropertyTests {
  /// Runs `body` on the workload of every seed; records at most a few failures, each with the
  /// seed and the workload.
  func forEachWorkload(_ body: (Workload) -> [String]) {
    var failures = 0
    for seed in PropertyRuns.seeds {
      let workload = Workload.seeded(seed)
      let problems = body(workload)
      guard !problems.isEmpty else { continue }
      failures += 1
      if failures <= PropertyRuns.reportLimit {
        Issue.record(
          "seed \(seed): \(problems.count) violations:\n  \(problems.prefix(8).joined(separator: "\n  "))\nworkload:\n\(workload)"
        )
      }
    }
    if failures > PropertyRuns.reportLimit {
      Issue.record(
        "\(failures) of \(PropertyRuns.count) seeds failed; only the first \(PropertyRuns.reportLimit) are shown"
      )
    }
  }

  @Test(arguments: PackingStrategy.allCases)
  func invariantsHold(packing: PackingStrategy) {
    forEachWorkload { w in
      invariantViolations(w, Scheduler.solve(w.input(packing))).map { "[\(packing.rawValue)] \($0)" }
    }
  }

  @Test(arguments: PackingStrategy.allCases)
  func noPodIsLeftOutThatAFreshNodeCouldHost(packing: PackingStrategy) {
    forEachWorkload { w in
      completenessViolations(w, Scheduler.solve(w.input(packing))).map { "[\(packing.rawValue)] \($0)" }
    }
  }

  @Test(arguments: PackingStrategy.allCases)
  func sameInputSameOutput(packing: PackingStrategy) {
    forEachWorkload { w in
      let first = fingerprint(Scheduler.solve(w.input(packing)))
      let second = fingerprint(Scheduler.solve(w.input(packing)))
      guard first != second else { return [] }
      let diff =
        zip(first, second).first { $0 != $1 }.map { "first run: \($0.0)\nsecond run: \($0.1)" }
        ?? "\(first.count) vs \(second.count) lines"
      return ["[\(packing.rawValue)] two runs differ: \(diff)"]
    }
  }

  /// Cost-aware packing never pays more than first-fit when no topology constraint is involved.
  @Test func costAwareIsNeverDearerThanFirstFit() {
    forEachWorkload { w in
      guard !w.hasTopology else { return [] }
      let firstFit = Scheduler.solve(w.input(.firstFit))
      let costAware = Scheduler.solve(w.input(.costAware))
      let (ff, ca) = (totalPrice(firstFit), totalPrice(costAware))
      guard ca > ff + 1e-9 else { return [] }
      return [
        "cost-aware pays \(ca)/h, first-fit \(ff)/h; placed \(costAware.newNodeClaims.map(\.pods).joined().count) vs \(firstFit.newNodeClaims.map(\.pods).joined().count) pods on new nodes, unschedulable \(costAware.unschedulable.keys.sorted()) vs \(firstFit.unschedulable.keys.sorted())\n  cost-aware: \(summary(costAware))\n  first-fit: \(summary(firstFit))"
      ]
    }
  }
}

func summary(_ result: SchedulingResult) -> String {
  result.newNodeClaims.map { claim in
    let launch = claim.cheapestLaunch()
    return
      "\(claim.nodePool)\(claim.pods) -> \(launch.map { "\($0.type.name)@\($0.offering.zone)/\($0.offering.capacityType)=\($0.offering.price)" } ?? "nothing")"
  }.joined(separator: "; ")
}

/// The checks themselves: results broken on purpose must be reported, so that a passing
/// property means something.
@Suite struct PropertyCheckerTests {
  /// The first seeded workload (and its cost-aware result) satisfying `condition`.
  func find(_ condition: (Workload, SchedulingResult) -> Bool) -> (Workload, SchedulingResult)? {
    for seed in 0..<2000 {
      let w = Workload.seeded(seed)
      let r = Scheduler.solve(w.input(.costAware))
      if condition(w, r) { return (w, r) }
    }
    return nil
  }

  @Test func aPodInTwoPlacesIsReported() throws {
    var (w, r) = try #require(find { _, r in !r.newNodeClaims.isEmpty })
    let pod = r.newNodeClaims[0].pods[0]
    r.unschedulable[pod] = "tampered"
    #expect(invariantViolations(w, r).contains { $0.contains("pod \(pod) ") && $0.contains("2 places") })
  }

  @Test func aLostPodIsReported() throws {
    var (w, r) = try #require(find { _, r in !r.newNodeClaims.isEmpty })
    let pod = r.newNodeClaims[0].pods.removeFirst()
    #expect(invariantViolations(w, r).contains { $0.contains("pod \(pod) ") && $0.contains("0 places") })
  }

  @Test func anOverfullInstanceTypeIsReported() throws {
    var (w, r) = try #require(
      find { w, r in
        r.newNodeClaims.contains { claim in
          let need = claim.pods.reduce(Resources()) { $0 + w.groups[w.podGroups[$1]].requests }
          return w.types.contains { !need.fits(in: $0.allocatable) }
        }
      })
    let c = r.newNodeClaims.firstIndex { claim in
      let need = claim.pods.reduce(Resources()) { $0 + w.groups[w.podGroups[$1]].requests }
      return w.types.contains { !need.fits(in: $0.allocatable) }
    }!
    let need = r.newNodeClaims[c].pods.reduce(Resources()) { $0 + w.groups[w.podGroups[$1]].requests }
    let small = w.types.first { !need.fits(in: $0.allocatable) }!
    r.newNodeClaims[c].instanceTypes.append(small.instanceType)
    #expect(
      invariantViolations(w, r).contains {
        $0.contains("instance type \(small.name)") && $0.contains("cannot hold")
      })
  }

  @Test func sharedHostUnderAntiAffinityIsReported() throws {
    var (w, r) = try #require(
      find { w, r in
        r.newNodeClaims.count >= 2
          && r.newNodeClaims.contains {
            $0.pods.contains { w.groups[w.podGroups[$0]].topology == .antiAffinity }
          }
      })
    let groupOf = w.podGroups
    let c = r.newNodeClaims.firstIndex {
      $0.pods.contains { w.groups[groupOf[$0]].topology == .antiAffinity }
    }!
    let carrier = r.newNodeClaims[c].pods.first { w.groups[groupOf[$0]].topology == .antiAffinity }!
    // Put every other pod of the same app on the carrier's NodeClaim.
    let app = w.groups[groupOf[carrier]].app
    var moved = 0
    for d in r.newNodeClaims.indices where d != c {
      let same = r.newNodeClaims[d].pods.filter { w.groups[groupOf[$0]].app == app }
      r.newNodeClaims[d].pods.removeAll { same.contains($0) }
      r.newNodeClaims[c].pods += same
      moved += same.count
    }
    let unplaced = r.unschedulable.keys.filter { w.groups[groupOf[$0]].app == app && $0 != carrier }
    if moved == 0, let extra = unplaced.first {
      r.unschedulable[extra] = nil
      r.newNodeClaims[c].pods.append(extra)
      moved = 1
    }
    try #require(moved > 0, "the workload has a second pod of app \(app)")
    #expect(invariantViolations(w, r).contains { $0.contains("anti-affinity against app=\(app)") })
  }

  @Test func exceededLimitIsReported() throws {
    var (w, r) = try #require(
      find { w, r in
        r.newNodeClaims.contains { claim in w.pool(named: claim.nodePool)?.cpuLimit != nil }
      })
    let claim = r.newNodeClaims.first { w.pool(named: $0.nodePool)?.cpuLimit != nil }!
    for _ in 0..<70 { r.newNodeClaims.append(claim) }
    #expect(
      invariantViolations(w, r).contains {
        $0.contains("NodePool \(claim.nodePool)") && $0.contains("above its limit")
      })
  }

  @Test func untoleratedTaintIsReported() throws {
    var (w, r) = try #require(
      find { w, r in
        r.newNodeClaims.contains { w.pool(named: $0.nodePool)?.taint != nil }
          && w.groups.contains { !$0.toleratesTaints }
      })
    let c = r.newNodeClaims.firstIndex { w.pool(named: $0.nodePool)?.taint != nil }!
    let pod = w.podGroups.firstIndex { !w.groups[$0].toleratesTaints }!
    for d in r.newNodeClaims.indices { r.newNodeClaims[d].pods.removeAll { $0 == pod } }
    r.unschedulable[pod] = nil
    r.existingPlacements[pod] = nil
    r.newNodeClaims[c].pods.append(pod)
    #expect(
      invariantViolations(w, r).contains { $0.contains("pod \(pod) ") && $0.contains("does not tolerate") })
  }

  @Test func unbalancedZonesAreReported() throws {
    var (w, r) = try #require(
      find { w, r in
        let groupOf = w.podGroups
        return w.groups.indices.contains { g in
          w.groups[g].topology == .zoneSpread && w.groups[g].count >= 4
            && !r.unschedulable.keys.contains { groupOf[$0] == g } && r.existingPlacements.isEmpty
        }
      })
    let groupOf = w.podGroups
    let g = w.groups.indices.first { g in
      w.groups[g].topology == .zoneSpread && w.groups[g].count >= 4
        && !r.unschedulable.keys.contains { groupOf[$0] == g }
    }!
    // Pin every NodeClaim holding the group to one zone.
    for c in r.newNodeClaims.indices where r.newNodeClaims[c].pods.contains(where: { groupOf[$0] == g }) {
      var requirements = Requirements()
      for req in r.newNodeClaims[c].requirements.all where req.key != WellKnown.zoneLabel {
        requirements.add(req)
      }
      requirements.add(Requirement(key: WellKnown.zoneLabel, operator: "In", values: ["zone-b"]))
      r.newNodeClaims[c].requirements = requirements
    }
    #expect(invariantViolations(w, r).contains { $0.contains("\(w.groups[g].name): zone spread") })
  }

  @Test func leftOutPodIsReported() throws {
    var (w, r) = try #require(
      find { w, r in
        !w.hasLimits
          && r.newNodeClaims.contains { $0.pods.contains { w.groups[w.podGroups[$0]].topology == .none } }
      })
    let c = r.newNodeClaims.firstIndex { $0.pods.contains { w.groups[w.podGroups[$0]].topology == .none } }!
    let pod = r.newNodeClaims[c].pods.first { w.groups[w.podGroups[$0]].topology == .none }!
    r.newNodeClaims[c].pods.removeAll { $0 == pod }
    r.unschedulable[pod] = "tampered"
    #expect(completenessViolations(w, r).contains { $0.contains("pod \(pod) ") })
  }
}
