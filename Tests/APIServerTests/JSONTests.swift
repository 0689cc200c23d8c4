import Foundation
import Testing

@testable import APIServer

@Suite struct JSONParsingTests {
  @Test(arguments: [
    ("null", JSON.null),
    ("true", JSON.bool(true)),
    (" false ", JSON.bool(false)),
    ("42", JSON.int(42)),
    ("-7", JSON.int(-7)),
    ("1.5", JSON.double(1.5)),
    ("1e3", JSON.double(1000)),
    ("\"a\\\"b\\\\c\\n\\u00e9\"", JSON.string("a\"b\\c\né")),
    ("\"\\ud83d\\ude00\"", JSON.string("😀")),
    ("[1,[2],{}]", JSON.array([1, [2], [:]])),
    ("{\"a\":{\"b\":[]}}", JSON.object(["a": ["b": []]])),
  ])
  func parsesValues(text: String, expected: JSON) throws {
    #expect(try JSON(parsing: text) == expected)
  }

  @Test func integerBeyondInt64BecomesDouble() throws {
    #expect(try JSON(parsing: "123456789012345678901234") == .double(123456789012345678901234.0))
  }

  @Test func loneSurrogateBecomesReplacementCharacter() throws {
    #expect(try JSON(parsing: "\"\\ud800x\"") == .string("\u{FFFD}x"))
  }

  @Test(arguments: [
    ("", 0, "a value"),
    ("{\"a\":1", 6, "',' or '}'"),
    ("[1,2", 4, "',' or ']'"),
    ("\"abc", 4, "'\"' closing the string"),
    ("tru", 3, "'true'"),
    ("01", 1, "the end of the input"),
    ("1.", 2, "a digit after '.'"),
    ("-", 1, "a digit"),
    ("{\"a\" 1}", 5, "':'"),
    ("[1,]", 3, "a value"),
    ("\"\\x\"", 2, "a valid escape character"),
    ("\"a\u{01}\"", 2, "no control characters in a string"),
    ("1e400", 0, "a number within the range of a double"),
    ("{} x", 3, "the end of the input"),
  ])
  func rejectsMalformedInputWithOffset(text: String, offset: Int, expected: String) {
    #expect(throws: JSONError(offset: offset, expected: expected)) { try JSON(parsing: text) }
  }

  @Test func rejectsInvalidUTF8() {
    let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
    #expect(throws: JSONError(offset: 1, expected: "valid UTF-8 in a string")) { try JSON(parsing: bytes) }
    let escaped: [UInt8] = Array("\"\\n".utf8) + [0xFF, 0x22]
    #expect(throws: JSONError.self) { try JSON(parsing: escaped) }
  }

  @Test func refusesDeepNestingWithoutCrashing() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONError(offset: 512, expected: "nesting no deeper than 512")) { try JSON(parsing: deep) }
    let objects = String(repeating: "{\"a\":", count: 10_000)
    #expect(throws: JSONError.self) { try JSON(parsing: objects) }
  }

  @Test func acceptsNestingUpToTheLimit() throws {
    let deep = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    _ = try JSON(parsing: deep)
  }

  @Test func everyTruncationOfADocumentFailsCleanly() throws {
    let text = #"{"a":[1,2.5,"x\u00e9",true,null,{"b":-3e2}],"c":"d"}"#
    let bytes = Array(text.utf8)
    _ = try JSON(parsing: bytes)
    for length in 0..<bytes.count {
      #expect(throws: JSONError.self) { try JSON(parsing: bytes[0..<length]) }
    }
  }
}

@Suite struct JSONSerializationTests {
  @Test func sortsKeysAndIsCompact() {
    let value: JSON = ["b": 1, "a": [true, nil], "c": ["z": "y", "x": 2.5]]
    #expect(value.description == #"{"a":[true,null],"b":1,"c":{"x":2.5,"z":"y"}}"#)
  }

  @Test func escapesStrings() {
    let value = JSON.string("q\"b\\n\n\t\u{01}é")
    #expect(value.description == #""q\"b\\n\n\t\u0001é""#)
  }

  @Test(arguments: [(3.0, "3"), (-0.5, "-0.5"), (1e20, "1e+20"), (Double.nan, "null")])
  func printsDoubles(value: Double, expected: String) {
    #expect(JSON.double(value).description == expected)
  }

  @Test func roundTripsThroughTheParser() throws {
    let value: JSON = ["metadata": ["name": "web", "labels": ["app": "web"]], "spec": ["replicas": 3, "ratio": 0.25, "list": ["a", "b"]]]
    #expect(try JSON(parsing: value.serialized()) == value)
  }
}

@Suite struct JSONAccessTests {
  @Test func readsAndWritesNestedPaths() {
    var value: JSON = ["metadata": ["name": "a"]]
    #expect(value[path: ["metadata", "name"]]?.string == "a")
    value[path: ["metadata", "labels", "app"]] = "web"
    #expect(value[path: ["metadata", "labels"]] == ["app": "web"])
    value[path: ["metadata", "labels", "app"]] = nil
    #expect(value[path: ["metadata", "labels"]] == [:])
    value[path: ["status", "phase"]] = nil
    #expect(value["status"] == nil)
  }

  struct Sample: Codable, Equatable {
    var name: String
    var replicas: Int
  }

  @Test func bridgesCodable() throws {
    let json = try JSON(encoding: Sample(name: "x", replicas: 2))
    #expect(json == ["name": "x", "replicas": 2])
    #expect(try json.decode(Sample.self) == Sample(name: "x", replicas: 2))
    let wrong: JSON = ["name": 1]
    #expect(throws: JSONCodingError.self) { try wrong.decode(Sample.self) }
  }
}
