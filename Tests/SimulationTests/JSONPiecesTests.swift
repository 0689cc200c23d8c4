import Controllers
import Foundation
import KarpenterCLI
import KubernetesAPI
import Testing

@testable import Simulation

/// `json()` writes the long lists with `ResultJSON` on their own cores and sets them into the
/// rest; the bytes must be those of encoding the whole document at once with Foundation's
/// encoder.
@Suite struct JSONPiecesTests {
  /// The result of a generated scenario (FailureInvariantTests' generator).
  static func run(seed: UInt64) throws -> SimulationResult {
    let path = try scenarioFile(
      FailureInvariantTests.generate(seed: seed).documents.joined(separator: "\n---\n"))
    guard case .ready(var simulation, _) = InMemoryWorld.load(paths: [path], options: SimulationOptions())
    else { throw SimulationFailed(description: "the generated scenario did not load") }
    return simulation.run()
  }

  @Test(arguments: [UInt64(3), 7, 19])
  func piecesMakeTheSameDocument(seed: UInt64) throws {
    let result = try Self.run(seed: seed)
    #expect(!result.nodes.isEmpty && !result.events.isEmpty)
    #expect(try result.json() == result.jsonAtOnce())
    var empty = result
    empty.nodes = []
    empty.events = []
    #expect(try empty.json() == empty.jsonAtOnce())
  }

  /// Values the generated scenarios do not hold: empty maps and lists, absent and present
  /// optionals, keys that sort differently by case or digits, strings with quotes,
  /// backslashes, slashes, control characters and non-ASCII text, and numbers in every form
  /// Swift prints.
  @Test func unusualValuesAreWrittenAsTheEncoderWritesThem() throws {
    var result = try Self.run(seed: 3)
    let strings = [
      "plain", "quote \" and \\ back", "a/b", "tab\there", "line\nbreak", "nul\u{0}", "é ü 日本", "😀", "",
    ]
    let numbers = [0, 3, -0.0, 0.1, 1e-07, 1e21, 123456789.125, 5e-324, 1.7976931348623157e308, 2.5e-5, 100]
    var template = result.nodes[0]
    result.nodes = []
    for (i, number) in numbers.enumerated() {
      template.name = strings[i % strings.count]
      template.zone = i % 3 == 0 ? nil : strings[(i + 1) % strings.count]
      template.nodePool = i % 2 == 0 ? nil : "pool"
      template.capacityType = i % 4 == 0 ? nil : "spot"
      template.instanceType = i % 5 == 0 ? nil : strings[(i + 2) % strings.count]
      template.pricePerHour = number
      template.createdAt = numbers[(i + 3) % numbers.count]
      template.labels =
        i % 3 == 0
        ? [:]
        : ["B": "1", "a": strings[i % strings.count], "a10": "x", "a9": "y", "Z-1": "z", "_u": "", "é": "e"]
      template.allocatable = i % 4 == 1 ? [:] : ["cpu": "1", "memory": "2Gi"]
      template.pods = i % 2 == 0 ? [] : strings
      template.taints =
        i % 3 == 1
        ? []
        : [
          Taint(key: "k", effect: "NoSchedule"),
          Taint(key: "v", value: strings[i % strings.count], effect: "NoExecute"),
        ]
      template.nodeClaim =
        i % 3 == 2
        ? nil
        : SimulationResult.NodeClaimReport(
          launchedAt: number, registeredAt: nil, initializedAt: i % 2 == 0 ? 7 : nil)
      result.nodes.append(template)
    }
    result.events = numbers.enumerated().map { i, number in
      SimulationEvent(
        time: number, type: SimulationEventType.allCases[i % SimulationEventType.allCases.count],
        node: i % 2 == 0 ? nil : strings[i % strings.count],
        pod: i % 3 == 0 ? nil : strings[(i + 1) % strings.count],
        reason: i % 4 == 0 ? nil : strings[(i + 2) % strings.count],
        message: i % 5 == 0 ? strings[(i + 3) % strings.count] : nil)
    }
    #expect(try result.json() == result.jsonAtOnce())
  }

  @Test func aNumberThatIsNotFiniteFailsAsTheEncoderFails() throws {
    var result = try Self.run(seed: 3)
    result.nodes[0].pricePerHour = .infinity
    #expect(throws: (any Error).self) { try result.json() }
  }
}
