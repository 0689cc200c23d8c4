import Foundation
import KarpenterCLI
import Simulation
import Testing

/// The generated day/night scenarios of InvariantTests, with the cloud misbehaving on top:
/// spot interruptions, maintenance events, instances vanishing without notice, rebalance
/// recommendations, offerings whose launches fail and offerings whose nodes never register.
/// The run must still end, lose no pod that fits, break no PodDisruptionBudget on a voluntary
/// or interruption eviction, and give every NodeClaim an end.
@Suite struct FailureInvariantTests {
  static func generate(seed: UInt64) -> InvariantTests.Generated {
    var generated = InvariantTests.generate(seed: seed)
    var g = InvariantTests.Generator(state: seed &* 31)
    var steps: [String] = []
    for k in 0..<6 {
      let minutes = 40 + 75 * k + g.int(0...30)
      switch g.int(0...4) {
      case 0: steps.append(step("\(minutes)m", interrupt: ["{node: \"*\"}"]))
      case 1:
        steps.append(
          step(
            "\(minutes)m", interrupt: ["{node: \"*\", kind: \(["maintenance", "rebalance"][g.int(0...1)])}"]))
      case 2: steps.append(step("\(minutes)m", interrupt: ["{node: \"*\", kind: terminated}"]))
      case 3:
        let type = ["c-small", "c-medium", "c-large"][g.int(0...2)]
        steps.append(step("\(minutes)m", unavailable: ["{instanceType: \(type), for: \(g.int(5...40))m}"]))
      default:
        let type = ["c-small", "c-medium", "c-large", "c-xlarge"][g.int(0...3)]
        steps.append(
          step(
            "\(minutes)m",
            unavailable: ["{instanceType: \(type), failure: registration, for: \(g.int(10...40))m}"]))
      }
    }
    // Append the failure steps to the Scenario's timeline (the first document).
    generated.documents[0] += "\n" + steps.map { indent($0, 2) }.joined(separator: "\n")
    return generated
  }

  static let seeds: [UInt64] = [3, 11, 42]

  @Test(arguments: seeds) func theFleetRecoversFromEveryFailure(seed: UInt64) throws {
    let generated = Self.generate(seed: seed)
    let r = try simulate(generated.documents)
    #expect(r.events.map(\.time) == r.events.map(\.time).sorted())
    #expect(r.pendingPods.isEmpty, "seed \(seed): \(r.pendingPods.map { "\($0.pod): \($0.reason)" })")
    #expect(r.cost.total.isFinite && r.cost.total > 0)
    // Every NodeClaim either registered, was deleted, or is still there at the end.
    let alive = Set(r.nodes.map(\.name))
    for created in r.events where created.type == "NodeClaimCreated" {
      let name = try #require(created.node)
      let ended = r.events.contains {
        ($0.type == "NodeReady" || $0.type == "NodeTerminated") && $0.node == name
      }
      #expect(ended || alive.contains(name), "seed \(seed): \(name) neither registered nor deleted")
    }
    // Some failures really happened.
    let failures = r.events.filter {
      $0.type == "LaunchFailed" || ($0.type == "DisruptionDecided" && $0.reason == "Interrupted")
        || ($0.type == "NodeTerminated" && $0.reason == "GarbageCollected")
    }
    #expect(!failures.isEmpty, "seed \(seed)")
    checkPodDisruptionBudgets(r, generated)
  }

  /// As InvariantTests' replay, for evictions that honour PodDisruptionBudgets (voluntary
  /// disruption and interruption drains): garbage collection removes pods of a node that is
  /// already gone, which no budget can protect.
  func checkPodDisruptionBudgets(_ r: SimResult, _ g: InvariantTests.Generated) {
    var filtered = r
    filtered.events = r.events.filter { !($0.type == "PodEvicted" && $0.reason == "GarbageCollected") }
    InvariantTests().checkPodDisruptionBudgets(filtered, g)
  }

  @Test func failureScenariosAreDeterministic() throws {
    let a = try simulate(Self.generate(seed: 11).documents)
    let b = try simulate(Self.generate(seed: 11).documents)
    #expect(a.events.count == b.events.count)
    #expect(a.cost.total == b.cost.total)
  }
}

/// The same generated scenarios on the wall clock (sped up so that nothing waits long) take
/// exactly the steps they take on the virtual clock: the controllers do not depend on the clock.
@Suite struct ClockInvarianceTests {
  @Test(arguments: [UInt64(5), 11])
  func wallClockRunEqualsVirtualRun(seed: UInt64) async throws {
    let path = try scenarioFile(
      FailureInvariantTests.generate(seed: seed).documents.joined(separator: "\n---\n"))
    guard case .ready(var virtual, _) = InMemoryWorld.load(paths: [path], options: SimulationOptions()),
      case .ready(var live, _) = InMemoryWorld.load(paths: [path], options: SimulationOptions())
    else {
      Issue.record("the generated scenario did not load")
      return
    }
    let expected = virtual.run()
    let result = await live.run(on: WallClock(speed: 1e9))
    #expect(try result.json() == expected.json())
    #expect(result.logLines() == expected.logLines())
  }
}
