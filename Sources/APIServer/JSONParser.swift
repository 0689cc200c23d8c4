/// Why a request body is not JSON: the byte offset and what was expected there.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The offset of the offending byte from the start of the input.
  public var offset: Int
  /// What the parser expected at that offset, e.g. "a value" or "',' or '}'".
  public var expected: String

  public init(offset: Int, expected: String) {
    self.offset = offset
    self.expected = expected
  }

  public var description: String { "invalid JSON at byte \(offset): expected \(expected)" }
}

extension JSON {
  /// The deepest nesting of arrays and objects accepted; deeper input is refused rather than
  /// risking the stack.
  public static let maximumDepth = 512

  /// Parses a JSON document (RFC 8259), refusing trailing garbage, invalid UTF-8 and numbers
  /// that do not fit a double.
  public init(parsing bytes: some Collection<UInt8>) throws(JSONError) {
    let array = Array(bytes)
    var parser = JSONParser(bytes: array)
    self = try parser.parseDocument()
  }

  /// Parses a JSON document held in a string.
  public init(parsing text: String) throws(JSONError) {
    try self.init(parsing: Array(text.utf8))
  }
}

/// A recursive-descent parser over a byte array.
private struct JSONParser {
  let bytes: [UInt8]
  var index = 0
  var depth = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  func fail(_ expected: String) -> JSONError { JSONError(offset: index, expected: expected) }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  mutating func parseDocument() throws(JSONError) -> JSON {
    skipWhitespace()
    let value = try parseValue()
    skipWhitespace()
    guard index == bytes.count else { throw fail("the end of the input") }
    return value
  }

  mutating func parseValue() throws(JSONError) -> JSON {
    guard index < bytes.count else { throw fail("a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw fail("a value")
    }
  }

  mutating func literal(_ word: StaticString) throws(JSONError) {
    let count = word.utf8CodeUnitCount
    let start = word.utf8Start
    for i in 0..<count {
      guard index < bytes.count, bytes[index] == start[i] else { throw fail("'\(word)'") }
      index += 1
    }
  }

  mutating func enter() throws(JSONError) {
    depth += 1
    if depth > JSON.maximumDepth { throw fail("nesting no deeper than \(JSON.maximumDepth)") }
  }

  mutating func parseObject() throws(JSONError) -> JSON {
    try enter()
    index += 1
    var members: [String: JSON] = [:]
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("a string key") }
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("':'") }
      index += 1
      skipWhitespace()
      members[key] = try parseValue()
      skipWhitespace()
      guard index < bytes.count else { throw fail("',' or '}'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        depth -= 1
        return .object(members)
      }
      throw fail("',' or '}'")
    }
  }

  mutating func parseArray() throws(JSONError) -> JSON {
    try enter()
    index += 1
    var elements: [JSON] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue())
      skipWhitespace()
      guard index < bytes.count else { throw fail("',' or ']'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        depth -= 1
        return .array(elements)
      }
      throw fail("',' or ']'")
    }
  }

  mutating func parseNumber() throws(JSONError) -> JSON {
    let start = index
    var isInteger = true
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a digit") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a digit after '.'") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a digit in the exponent") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if isInteger, index - start <= 18 {
      // Up to 18 digits always fit an Int64: no string round trip.
      var value: Int64 = 0
      var i = start
      let negative = bytes[i] == UInt8(ascii: "-")
      if negative { i += 1 }
      while i < index {
        value = value * 10 + Int64(bytes[i] - UInt8(ascii: "0"))
        i += 1
      }
      return .int(negative ? -value : value)
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let i = Int64(text) { return .int(i) }
    guard let d = Double(text), d.isFinite else {
      index = start
      throw fail("a number within the range of a double")
    }
    return .double(d)
  }

  func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

  mutating func parseString() throws(JSONError) -> String {
    index += 1  // opening quote
    let start = index
    // Fast path: no escapes.
    while index < bytes.count {
      let b = bytes[index]
      if b == UInt8(ascii: "\"") {
        let slice = bytes[start..<index]
        if slice.allSatisfy({ $0 < 0x80 }) {
          index += 1
          return String(decoding: slice, as: UTF8.self)
        }
        guard let s = String(validating: slice, as: UTF8.self) else {
          index = start
          throw fail("valid UTF-8 in a string")
        }
        index += 1
        return s
      }
      if b == UInt8(ascii: "\\") { break }
      if b < 0x20 { throw fail("no control characters in a string") }
      index += 1
    }
    var scalars: [UInt8] = Array(bytes[start..<index])
    while true {
      guard index < bytes.count else { throw fail("'\"' closing the string") }
      let b = bytes[index]
      if b == UInt8(ascii: "\"") {
        index += 1
        guard let s = String(validating: scalars, as: UTF8.self) else {
          throw JSONError(offset: start, expected: "valid UTF-8 in a string")
        }
        return s
      }
      if b < 0x20 { throw fail("no control characters in a string") }
      if b != UInt8(ascii: "\\") {
        scalars.append(b)
        index += 1
        continue
      }
      index += 1
      guard index < bytes.count else { throw fail("an escape sequence") }
      let e = bytes[index]
      index += 1
      switch e {
      case UInt8(ascii: "\""): scalars.append(0x22)
      case UInt8(ascii: "\\"): scalars.append(0x5C)
      case UInt8(ascii: "/"): scalars.append(0x2F)
      case UInt8(ascii: "b"): scalars.append(0x08)
      case UInt8(ascii: "f"): scalars.append(0x0C)
      case UInt8(ascii: "n"): scalars.append(0x0A)
      case UInt8(ascii: "r"): scalars.append(0x0D)
      case UInt8(ascii: "t"): scalars.append(0x09)
      case UInt8(ascii: "u"):
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code) {
          // A high surrogate must be followed by a low one; a lone one becomes U+FFFD, as Go does.
          if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            let save = index
            index += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else {
              index = save
              code = 0xFFFD
            }
          } else {
            code = 0xFFFD
          }
        } else if (0xDC00..<0xE000).contains(code) {
          code = 0xFFFD
        }
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
      default:
        index -= 1
        throw fail("a valid escape character")
      }
    }
  }

  mutating func hex4() throws(JSONError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count else { throw fail("four hex digits") }
      let b = bytes[index]
      let digit: UInt32
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
      default: throw fail("four hex digits")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }
}
