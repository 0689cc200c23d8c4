import ManifestCoding
import Testing

/// Optional fields of every primitive type go through the containers' own `decodeIfPresent`:
/// a wrong value is reported and decoding goes on (the standard library's defaults would
/// throw at the first and lose the rest).
@Suite struct RecordingDecodeIfPresentTests {
  struct Optionals: Decodable, Equatable {
    var int: Int?
    var bool: Bool?
    var string: String?
    var double: Double?
    var uint8: UInt8?
  }

  @Test func everyWrongOptionalIsReportedAndTheRestDecodes() throws {
    let (value, errors) = try ManifestDecoder().decode(
      Optionals.self, yaml: "int: x\nbool: 3\nstring: [1]\ndouble: y\nuint8: 300\n")
    #expect(value == Optionals())
    #expect(errors.map(\.path.description) == ["int", "bool", "string", "double", "uint8"])
  }

  @Test func rightOptionalsDecodeOnBothWays() throws {
    let yaml = "int: 3\nbool: true\nstring: s\ndouble: 1.5\nuint8: 7\n"
    let expected = Optionals(int: 3, bool: true, string: "s", double: 1.5, uint8: 7)
    #expect(try ManifestDecoder().decode(Optionals.self, yaml: yaml).value == expected)
    var text = yaml
    let fast = text.withUTF8 { bytes in
      BlockYAML.parse(bytes, 0..<bytes.count, line: 1).flatMap {
        BlockDecoder.decode(Optionals.self, from: $0, bytes: bytes, memo: nil)
      }
    }
    #expect(fast == expected)
  }
}
