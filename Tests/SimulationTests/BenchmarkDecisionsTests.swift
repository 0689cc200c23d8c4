import Foundation
import KarpenterCLI
import Testing

/// The decisions `simulate` takes on upstream's scheduling benchmark workload (written by
/// ../shared/tools/gen_bench.py and kept gzipped in `Tests/Golden/bench/`) at a few sizes and
/// with both packings: the fleet (nodes by instance type, capacity type and zone), its cost, the
/// pods left pending and the events by type. Speed work (issue 13) must leave them as they are
/// or make the fleet cheaper; a deliberate change is recorded with
/// `GOLDEN_UPDATE=1 swift test --filter BenchmarkDecisionsTests`.
@Suite(.serialized) struct BenchmarkDecisionsTests {
  static let directory = GoldenOutputTests.root.appendingPathComponent("Tests/Golden/bench")
  static let expectedFile = directory.appendingPathComponent("decisions.json")

  static let cases: [(workload: String, packing: String)] = [
    ("bench500", "cost-aware"), ("bench500", "first-fit"),
    ("bench2000", "cost-aware"), ("bench2000", "first-fit"),
    ("bench1000-aws", "cost-aware"),
  ]

  /// What a run decided, in a form that reads in a diff.
  struct Decisions: Codable, Equatable {
    var nodes: Int
    var fleet: [String: Int]
    var costPerHour: Double
    var pendingPods: Int
    var events: [String: Int]
  }

  static func decisions(_ json: String) throws -> Decisions {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let nodes = object["nodes"] as? [[String: Any]] ?? []
    var fleet: [String: Int] = [:]
    for node in nodes {
      let key = "\(node["instanceType"] ?? "?") \(node["capacityType"] ?? "?") \(node["zone"] ?? "?")"
      fleet[key, default: 0] += 1
    }
    var events: [String: Int] = [:]
    for event in object["events"] as? [[String: Any]] ?? [] {
      events["\(event["type"] ?? "?")", default: 0] += 1
    }
    let cost = (object["cost"] as? [String: Any])?["perHour"] as? Double ?? -1
    return Decisions(
      nodes: nodes.count, fleet: fleet, costPerHour: cost,
      pendingPods: (object["pendingPods"] as? [Any])?.count ?? -1, events: events)
  }

  /// The workload, unzipped into a temporary file.
  static func workload(_ name: String) throws -> URL {
    let target = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).yaml")
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
    gzip.arguments = ["-dc", directory.appendingPathComponent("\(name).yaml.gz").path]
    FileManager.default.createFile(atPath: target.path, contents: nil)
    gzip.standardOutput = try FileHandle(forWritingTo: target)
    try gzip.run()
    gzip.waitUntilExit()
    try #require(gzip.terminationStatus == 0, "gzip -dc \(name).yaml.gz")
    return target
  }

  @Test func theBenchmarkWorkloadsAreDecidedAsBefore() throws {
    var found: [String: Decisions] = [:]
    for c in Self.cases {
      let input = try Self.workload(c.workload)
      defer { try? FileManager.default.removeItem(at: input) }
      let run = SimulateRun.run(paths: [input.path], output: .json, packing: c.packing == "first-fit" ? .firstFit : .costAware)
      try #require(run.exitCode == 0, "\(c.workload) \(c.packing): \(run.stderr)")
      found["\(c.workload) \(c.packing)"] = try Self.decisions(run.stdout)
    }
    if ProcessInfo.processInfo.environment["GOLDEN_UPDATE"] == "1" {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try encoder.encode(found).write(to: Self.expectedFile)
      return
    }
    let expected = try JSONDecoder().decode(
      [String: Decisions].self, from: Data(contentsOf: Self.expectedFile))
    #expect(Set(found.keys) == Set(expected.keys))
    for (name, decided) in found.sorted(by: { $0.key < $1.key }) {
      guard let before = expected[name] else { continue }
      // The same decisions, or a cheaper fleet that leaves no more pods pending.
      if decided != before {
        #expect(
          decided.costPerHour < before.costPerHour - 1e-9 && decided.pendingPods <= before.pendingPods,
          "\(name): the decisions changed and the fleet is not cheaper: \(decided) against \(before)")
      }
    }
  }
}
