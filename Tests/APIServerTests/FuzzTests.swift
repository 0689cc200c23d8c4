import Foundation
import Testing

@testable import APIServer

/// Seeded mutations of valid inputs: each must parse or fail with an error, never trap or hang.
@Suite struct FuzzTests {
  static let document = Array(
    #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"i","env":[{"name":"X","value":"\u00e9\n"}]}],"n":-1.5e3,"t":true,"z":null}}"#
      .utf8)

  @Test func mutatedDocumentsParseOrFailCleanly() {
    var random = SeededGenerator(seed: 42)
    var parsed = 0
    for _ in 0..<5_000 {
      var bytes = Self.document
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        let i = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: bytes[i] = UInt8.random(in: 0...255, using: &random)
        case 1: bytes.remove(at: i)
        default: bytes.insert(bytes[Int.random(in: 0..<bytes.count, using: &random)], at: i)
        }
      }
      if let value = try? JSON(parsing: bytes) {
        parsed += 1
        // Whatever parses serializes to bytes that parse and serialize to the same bytes (an
        // integral double comes back as an integer, so the values themselves may differ in kind).
        let once = value.serialized()
        #expect((try? JSON(parsing: once))?.serialized() == once, "\(String(decoding: bytes, as: UTF8.self))")
      }
    }
    #expect(parsed > 0)
  }

  @Test func mutatedSelectorsParseOrFailCleanly() {
    var random = SeededGenerator(seed: 7)
    let alphabet = Array("ab=!,() innotin.-_/x\\")
    for _ in 0..<5_000 {
      let text = String(
        (0..<Int.random(in: 0...20, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
      _ = try? LabelSelector(parsing: text)
      _ = try? FieldSelector(parsing: text, for: pods)
    }
  }

  @Test func mutatedPatchesApplyOrFailCleanly() throws {
    var random = SeededGenerator(seed: 9)
    var store = APIStore(now: t0)
    _ = try store.create(pods, namespace: "default", pod("p", labels: ["a": "b"]), now: t0)
    let patches = [
      #"{"metadata":{"labels":{"x":"y"}},"spec":{"containers":[{"name":"app","image":"n:2"}]}}"#,
      #"[{"op":"replace","path":"/metadata/labels/a","value":"c"},{"op":"add","path":"/metadata/annotations","value":{}}]"#,
    ]
    for _ in 0..<2_000 {
      let base = Int.random(in: 0..<2, using: &random)
      var bytes = Array(patches[base].utf8)
      let i = Int.random(in: 0..<bytes.count, using: &random)
      bytes[i] = UInt8.random(in: 32...126, using: &random)
      let type: PatchType =
        base == 1 ? .json : [PatchType.merge, .strategic, .apply][Int.random(in: 0..<3, using: &random)]
      _ = try? store.patch(
        pods, namespace: "default", name: "p", bytes, as: type, fieldManager: "fuzz", now: t0)
    }
    #expect(store.lookup(pods, namespace: "default", name: "p") != nil || store.count(pods) == 0)
  }
}
