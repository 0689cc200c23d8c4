import Foundation
import KarpenterCLI
import Testing

/// Disruption budgets: node counts, percentages rounded up, cron windows in UTC from virtual
/// time 0 = Monday 2024-01-01T00:00:00Z, and reasons.
@Suite struct BudgetTests {
  static let std = instanceType("std", cpu: "4", memory: "16Gi", offerings: ["zone-a:on-demand:0.4"])
  static let big = instanceType("big", cpu: "8", memory: "32Gi", offerings: ["zone-a:on-demand:0.8"])
  static let small = instanceType("small", cpu: "2", memory: "8Gi", offerings: ["zone-a:on-demand:0.2"])

  static func emptyNodes(_ count: Int) -> [String] {
    (1...count).map { managedNode("n\($0)", type: "std", cpu: "4") }
  }

  /// The DisruptionDecided events grouped by time, in order.
  static func decisionBatches(_ r: SimResult) -> [(time: Double, nodes: [String])] {
    var out: [(time: Double, nodes: [String])] = []
    for e in r.events("DisruptionDecided") {
      if let last = out.last, last.time == e.time {
        out[out.count - 1].nodes.append(e.node ?? "")
      } else {
        out.append((e.time, [e.node ?? ""]))
      }
    }
    return out
  }

  @Test func budgetOfZeroNodesBlocksEverything() throws {
    let r = try simulate(
      [scenario(types: [Self.std], duration: "1h"), nodePool(disruption: "{budgets: [{nodes: \"0\"}]}")]
        + Self.emptyNodes(3))
    #expect(r.events("DisruptionDecided").isEmpty)
    #expect(r.nodes.map(\.name) == ["n1", "n2", "n3"])
  }

  @Test func budgetOfOneNodeDisruptsOneAtATime() throws {
    let r = try simulate(
      [scenario(types: [Self.std], duration: "1h"), nodePool(disruption: "{budgets: [{nodes: \"1\"}]}")]
        + Self.emptyNodes(3))
    let batches = Self.decisionBatches(r)
    #expect(batches.count == 3, "\(batches)")
    #expect(batches.allSatisfy { $0.nodes.count == 1 })
    #expect(r.nodes.isEmpty)
    // Each decision comes after the previous node is gone.
    for (previous, next) in zip(batches, batches.dropFirst()) {
      let gone = try #require(r.firstTime("NodeTerminated", node: previous.nodes[0]))
      #expect(next.time >= gone)
    }
  }

  @Test func budgetOfOneNodeSerialisesDriftReplacements() throws {
    // Each node is full (3 of 4 CPU), so every drifted node needs its own replacement.
    let changed = nodePool(labels: "{team: blue}", disruption: "{budgets: [{nodes: \"1\"}]}")
    let s = scenario(types: [Self.std], duration: "2h", timeline: [step("10m", apply: [changed])])
    let r = try simulate(
      [s, nodePool(disruption: "{budgets: [{nodes: \"1\"}]}")] + Self.emptyNodes(3)
        + (1...3).map { ownedPod("p\($0)", node: "n\($0)", app: "app\($0)", cpu: "3") })
    let drifted = r.events("DisruptionDecided").filter { $0.reason == "Drifted" }
    #expect(Set(drifted.compactMap(\.node)) == ["n1", "n2", "n3"])
    // Never two old nodes disrupted at once: each decision after the previous node is gone.
    for (previous, next) in zip(drifted, drifted.dropFirst()) {
      let gone = try #require(r.firstTime("NodeTerminated", node: previous.node))
      #expect(
        next.time >= gone,
        "\(next.node ?? "") decided at \(next.time), \(previous.node ?? "") gone at \(gone)")
    }
    #expect(r.nodes.count == 3)
    #expect(r.nodes.allSatisfy { $0.labels["team"] == "blue" })
    #expect(r.pendingPods.isEmpty)
  }

  @Test func percentageBudgetRoundsUp() throws {
    // 50% of 3 nodes is 1.5: two nodes may go at once.
    let r = try simulate(
      [scenario(types: [Self.std], duration: "1h"), nodePool(disruption: "{budgets: [{nodes: \"50%\"}]}")]
        + Self.emptyNodes(3))
    let batches = Self.decisionBatches(r)
    #expect(batches.first?.nodes.count == 2, "\(batches)")
    #expect(r.nodes.isEmpty)
  }

  @Test func defaultTenPercentBudgetStillAllowsOneNodeOfASmallPool() throws {
    // 10% of 3 is 0.3, rounded up to 1 (rounding down would block the pool forever).
    let r = try simulate([scenario(types: [Self.std], duration: "1h"), nodePool()] + Self.emptyNodes(3))
    let batches = Self.decisionBatches(r)
    #expect(batches.count == 3, "\(batches)")
    #expect(batches.allSatisfy { $0.nodes.count == 1 })
    #expect(r.nodes.isEmpty)
  }

  @Test func scheduledBudgetBlocksInsideItsWindowAndAllowsAfter() throws {
    // Budget "0" every day at 00:00 UTC for 2h: virtual time 0 is midnight, so nothing may go
    // before 2h; then no budget is active and the empty nodes go.
    let budgets = "{budgets: [{nodes: \"0\", schedule: \"0 0 * * *\", duration: 2h}]}"
    let r = try simulate(
      [scenario(types: [Self.std], duration: "3h"), nodePool(disruption: budgets)] + Self.emptyNodes(2))
    let first = try #require(r.firstTime("DisruptionDecided"))
    #expect(first >= 7200 && first <= 7200 + 60 + 15, "\(first)")
    #expect(r.nodes.isEmpty)
  }

  @Test func scheduledBudgetOutsideItsWindowDoesNotApply() throws {
    // The window opens at 12:00 UTC: at the start of the run it is closed, so the nodes go.
    let budgets = "{budgets: [{nodes: \"0\", schedule: \"0 12 * * *\", duration: 2h}]}"
    let r = try simulate(
      [scenario(types: [Self.std], duration: "1h"), nodePool(disruption: budgets)] + Self.emptyNodes(2))
    let first = try #require(r.firstTime("DisruptionDecided"))
    #expect(first <= 30)
    #expect(r.nodes.isEmpty)
  }

  @Test func scheduledBudgetUsesMondayAsDayZero() throws {
    // Weekends only (Saturday, Sunday): Monday the budget is not active.
    let blocked = "{budgets: [{nodes: \"0\", schedule: \"0 0 * * 1\", duration: 24h}]}"
    let r = try simulate(
      [scenario(types: [Self.std], duration: "1h"), nodePool(disruption: blocked)] + Self.emptyNodes(1))
    #expect(r.events("DisruptionDecided").isEmpty, "Monday 00:00 window covers the first hour")
    let weekend = "{budgets: [{nodes: \"0\", schedule: \"0 0 * * 6\", duration: 48h}]}"
    let r2 = try simulate(
      [scenario(types: [Self.std], duration: "1h"), nodePool(disruption: weekend)] + Self.emptyNodes(1))
    #expect(r2.nodes.isEmpty)
  }

  @Test func theScenarioStartMovesTheClockBudgetSchedulesReadFrom() throws {
    // The window opens at 12:00 UTC for 2h. Starting at 11:00+00:00 (written as 13:00+02:00),
    // it opens after 1h and the nodes can only go once it has closed, at 3h.
    let budgets = "{budgets: [{nodes: \"0\", schedule: \"0 12 * * *\", duration: 2h}]}"
    let start = scenario(types: [Self.std], duration: "4h") + "  start: \"2024-06-03T13:00:00+02:00\"\n"
    let r = try simulate(
      [start, nodePool(disruption: "{consolidateAfter: 2h, \(budgets.dropFirst())")] + Self.emptyNodes(2))
    let first = try #require(r.firstTime("DisruptionDecided"))
    #expect(first >= 3 * 3600 && first <= 3 * 3600 + 60 + 15, "\(first)")
  }

  @Test func aStartThatIsNoRFC3339TimeIsRejected() throws {
    let bad = scenario(types: [Self.std]) + "  start: \"2024-02-30T00:00:00Z\"\n"
    let path = try scenarioFile(bad)
    let out = SimulateRun.run(paths: [path], output: .json)
    #expect(out.exitCode == 1)
    #expect(out.stderr.contains("spec.start: Invalid value: \"2024-02-30T00:00:00Z\": must be an RFC 3339 time"), "\(out.stderr)")
  }

  @Test func budgetReasonsOnlyLimitTheirReasons() throws {
    // No Underutilized disruption allowed; Empty is not limited.
    let r = try simulate(
      scenario(types: [Self.big, Self.small], duration: "1h"),
      nodePool(disruption: "{budgets: [{nodes: \"0\", reasons: [Underutilized]}]}"),
      managedNode("n1", type: "big", cpu: "8", memory: "32Gi"), ownedPod("a", node: "n1"),
      managedNode("n2", type: "big", cpu: "8", memory: "32Gi"))
    #expect(r.events("DisruptionDecided").map(\.node) == ["n2"])
    #expect(r.events("DisruptionDecided").map(\.reason) == ["Empty"])
    #expect(r.node(of: "a")?.name == "n1")
  }

  @Test func budgetReasonsDriftedBlocksDriftButNotConsolidation() throws {
    let changed = nodePool(
      labels: "{team: blue}", disruption: "{budgets: [{nodes: \"0\", reasons: [Drifted]}]}")
    let s = scenario(
      types: [Self.big, Self.small], duration: "1h", timeline: [step("10m", apply: [changed])])
    let r = try simulate(
      s, nodePool(disruption: "{budgets: [{nodes: \"0\", reasons: [Drifted]}], consolidateAfter: 20m}"),
      managedNode("n1", type: "big", cpu: "8", memory: "32Gi"), ownedPod("a", node: "n1"))
    #expect(!r.events("DisruptionDecided").contains { $0.reason == "Drifted" })
    // Consolidation (no longer delayed: the applied pool has consolidateAfter 0s) still runs.
    #expect(r.events("DisruptionDecided").map(\.reason) == ["Underutilized"])
    #expect(r.node(of: "a")?.instanceType == "small")
  }
}
