/// A token of a CEL expression, with the offset (in unicode scalars) where it starts, for messages.
struct CELToken: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    case int(Int64)
    /// An integer literal too large for `int` unless negated (`9223372036854775808`).
    case intMagnitude(UInt64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes(String)
    case identifier(String)
    /// An operator or punctuation: `(`, `)`, `[`, `]`, `{`, `}`, `.`, `,`, `:`, `?`, `!`, `-`,
    /// `+`, `*`, `/`, `%`, `<`, `<=`, `>`, `>=`, `==`, `!=`, `&&`, `||`.
    case symbol(String)
    case end
  }

  var kind: Kind
  var offset: Int
}

/// A rule the CEL compiler refuses, worded as cel-go words it (`Syntax error: ...`).
public struct CELCompileError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  /// The offset (in unicode scalars) in the expression, when known.
  public var offset: Int?

  public init(_ message: String, offset: Int? = nil) {
    self.message = message
    self.offset = offset
  }

  public var description: String {
    if let offset { return "Syntax error: \(message) (at \(offset))" }
    return "Syntax error: \(message)"
  }
}

/// Splits a CEL expression into tokens: numbers (decimal, hex, `u` suffix, exponents),
/// strings (single, double and triple quotes, raw `r'...'`, escapes), identifiers, operators.
struct CELLexer {
  /// The longest expression accepted, as cel-go's default code point limit.
  static let maxCodePoints = 100_000

  private let scalars: [Unicode.Scalar]
  private var position = 0

  init(_ source: String) {
    scalars = Array(source.unicodeScalars)
  }

  static func tokens(_ source: String) throws(CELCompileError) -> [CELToken] {
    var lexer = CELLexer(source)
    if lexer.scalars.count > maxCodePoints {
      throw CELCompileError(
        "expression code point size exceeds limit: size: \(lexer.scalars.count), limit \(maxCodePoints)")
    }
    var out: [CELToken] = []
    while true {
      let token = try lexer.next()
      out.append(token)
      if token.kind == .end { return out }
    }
  }

  private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
    position + ahead < scalars.count ? scalars[position + ahead] : nil
  }

  private mutating func next() throws(CELCompileError) -> CELToken {
    skipSpaceAndComments()
    let start = position
    guard let c = peek() else { return CELToken(kind: .end, offset: start) }
    if c == "_" || c.properties.isAlphabetic && c.isASCII {
      // String prefixes: r"..", b"..", rb"..", br"..".
      let lowered = String(c).lowercased()
      if lowered == "r" || lowered == "b" {
        var raw = lowered == "r"
        var bytes = lowered == "b"
        var quoteAt = 1
        if let second = peek(1), "rRbB".unicodeScalars.contains(second),
          String(second).lowercased() != lowered, peek(2) == "\"" || peek(2) == "'"
        {
          raw = raw || String(second).lowercased() == "r"
          bytes = bytes || String(second).lowercased() == "b"
          quoteAt = 2
        }
        if peek(quoteAt) == "\"" || peek(quoteAt) == "'" {
          position += quoteAt
          let text = try string(raw: raw)
          return CELToken(kind: bytes ? .bytes(text) : .string(text), offset: start)
        }
      }
      var name = ""
      while let d = peek(), d == "_" || (d.isASCII && (d.properties.isAlphabetic || ("0"..."9").contains(d)))
      {
        name.unicodeScalars.append(d)
        position += 1
      }
      return CELToken(kind: .identifier(name), offset: start)
    }
    if ("0"..."9").contains(c) || (c == "." && peek(1).map { ("0"..."9").contains($0) } == true) {
      return try number(start: start)
    }
    if c == "\"" || c == "'" {
      return CELToken(kind: .string(try string(raw: false)), offset: start)
    }
    let two = peek(1).map { String(c) + String($0) } ?? ""
    if ["<=", ">=", "==", "!=", "&&", "||"].contains(two) {
      position += 2
      return CELToken(kind: .symbol(two), offset: start)
    }
    if "()[]{}.,:?!-+*/%<>".unicodeScalars.contains(c) {
      position += 1
      return CELToken(kind: .symbol(String(c)), offset: start)
    }
    throw CELCompileError("token recognition error at: '\(c)'", offset: start)
  }

  private mutating func skipSpaceAndComments() {
    while let c = peek() {
      if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
        position += 1
      } else if c == "/", peek(1) == "/" {
        while let d = peek(), d != "\n" { position += 1 }
      } else {
        return
      }
    }
  }

  private mutating func number(start: Int) throws(CELCompileError) -> CELToken {
    var text = ""
    if peek() == "0", peek(1) == "x" || peek(1) == "X" {
      position += 2
      while let d = peek(), d.properties.isASCIIHexDigit {
        text.unicodeScalars.append(d)
        position += 1
      }
      if peek() == "u" || peek() == "U" {
        position += 1
        guard let value = UInt64(text, radix: 16) else {
          throw CELCompileError("invalid uint literal", offset: start)
        }
        return CELToken(kind: .uint(value), offset: start)
      }
      guard let magnitude = UInt64(text, radix: 16) else {
        throw CELCompileError("invalid int literal", offset: start)
      }
      return integer(magnitude, start: start)
    }
    var isDouble = false
    func digits(_ lexer: inout CELLexer, _ text: inout String) {
      while let d = lexer.peek(), ("0"..."9").contains(d) {
        text.unicodeScalars.append(d)
        lexer.position += 1
      }
    }
    digits(&self, &text)
    if peek() == ".", let after = peek(1), ("0"..."9").contains(after) {
      isDouble = true
      text += "."
      position += 1
      digits(&self, &text)
    }
    if peek() == "e" || peek() == "E" {
      let sign = peek(1) == "+" || peek(1) == "-" ? 1 : 0
      if let d = peek(1 + sign), ("0"..."9").contains(d) {
        isDouble = true
        text += "e"
        if sign == 1 { text.unicodeScalars.append(peek(1)!) }
        position += 1 + sign
        digits(&self, &text)
      }
    }
    if isDouble {
      guard let value = Double(text.hasPrefix(".") ? "0" + text : text) else {
        throw CELCompileError("invalid double literal", offset: start)
      }
      return CELToken(kind: .double(value), offset: start)
    }
    if peek() == "u" || peek() == "U" {
      position += 1
      guard let value = UInt64(text) else { throw CELCompileError("invalid uint literal", offset: start) }
      return CELToken(kind: .uint(value), offset: start)
    }
    guard let magnitude = UInt64(text) else { throw CELCompileError("invalid int literal", offset: start) }
    return integer(magnitude, start: start)
  }

  private func integer(_ magnitude: UInt64, start: Int) -> CELToken {
    if magnitude <= UInt64(Int64.max) { return CELToken(kind: .int(Int64(magnitude)), offset: start) }
    return CELToken(kind: .intMagnitude(magnitude), offset: start)
  }

  /// A quoted string starting at the current quote; triple quotes may span lines.
  private mutating func string(raw: Bool) throws(CELCompileError) -> String {
    let start = position
    let quote = peek()!
    let triple = peek(1) == quote && peek(2) == quote
    position += triple ? 3 : 1
    var out = ""
    while true {
      guard let c = peek() else { throw CELCompileError("unterminated string literal", offset: start) }
      if c == quote {
        if !triple {
          position += 1
          return out
        }
        if peek(1) == quote, peek(2) == quote {
          position += 3
          return out
        }
      }
      if !triple, c == "\n" || c == "\r" {
        throw CELCompileError("unterminated string literal", offset: start)
      }
      if c == "\\", !raw {
        try escape(into: &out)
        continue
      }
      if c == "\\", raw, peek(1) == quote {
        // A raw string still cannot contain its own quote unescaped; keep both characters.
        out.unicodeScalars.append(c)
        out.unicodeScalars.append(quote)
        position += 2
        continue
      }
      out.unicodeScalars.append(c)
      position += 1
    }
  }

  private mutating func escape(into out: inout String) throws(CELCompileError) {
    let start = position
    position += 1
    guard let e = peek() else { throw CELCompileError("unterminated escape sequence", offset: start) }
    position += 1
    switch e {
    case "n": out += "\n"
    case "t": out += "\t"
    case "r": out += "\r"
    case "a": out += "\u{07}"
    case "b": out += "\u{08}"
    case "f": out += "\u{0C}"
    case "v": out += "\u{0B}"
    case "\\", "'", "\"", "`", "?": out.unicodeScalars.append(e)
    case "x", "X", "u", "U":
      let count = e == "u" ? 4 : e == "U" ? 8 : 2
      var hex = ""
      for _ in 0..<count {
        guard let d = peek(), d.properties.isASCIIHexDigit else {
          throw CELCompileError("invalid escape sequence", offset: start)
        }
        hex.unicodeScalars.append(d)
        position += 1
      }
      guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
        throw CELCompileError("invalid unicode code point", offset: start)
      }
      out.unicodeScalars.append(scalar)
    case "0"..."3":
      var octal = String(e)
      for _ in 0..<2 {
        guard let d = peek(), ("0"..."7").contains(d) else {
          throw CELCompileError("invalid octal escape", offset: start)
        }
        octal.unicodeScalars.append(d)
        position += 1
      }
      out.unicodeScalars.append(Unicode.Scalar(UInt8(octal, radix: 8)!))
    default:
      throw CELCompileError("invalid escape sequence \\\(e)", offset: start)
    }
  }
}
