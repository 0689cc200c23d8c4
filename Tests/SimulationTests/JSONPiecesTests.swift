import Foundation
import KarpenterCLI
@testable import Simulation
import Testing

/// `json()` encodes the long lists on their own cores and sets them into the rest; the bytes
/// must be those of encoding the whole document at once.
@Suite struct JSONPiecesTests {
  @Test(arguments: [UInt64(3), 7, 19])
  func piecesMakeTheSameDocument(seed: UInt64) throws {
    let path = try scenarioFile(
      FailureInvariantTests.generate(seed: seed).documents.joined(separator: "\n---\n"))
    guard case .ready(var simulation, _) = InMemoryWorld.load(paths: [path], options: SimulationOptions()) else {
      Issue.record("the generated scenario did not load")
      return
    }
    let result = simulation.run()
    #expect(!result.nodes.isEmpty && !result.events.isEmpty)
    #expect(try result.json() == result.jsonAtOnce())
    var empty = result
    empty.nodes = []
    empty.events = []
    #expect(try empty.json() == empty.jsonAtOnce())
  }

  @Test func indentingSkipsEmptyLines() {
    let json = Data("[\n  {\n    \"a\" : [\n\n    ]\n  }\n]".utf8)
    var out: [UInt8] = []
    SimulationResult.appendIndented(json, to: &out)
    #expect(String(decoding: out, as: UTF8.self) == "[\n    {\n      \"a\" : [\n\n      ]\n    }\n  ]")
  }
}
