#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One YAML document of the plain block subset, parsed into a flat list of nodes, without
/// libyaml or a tree of Yams nodes: the way a 20,000-Pod file is read several times faster.
///
/// The subset is what generated and `kubectl get -o yaml` manifests hold: block mappings and
/// sequences (sequences also at their key's column), plain keys and single-line plain, single-
/// quoted or double-quoted (without escapes) scalars, comments, and empty `[]` and `{}`, in
/// printable ASCII. The parser gives up (nil) on everything else: anchors, aliases, tags, flow
/// collections with content, block and multi-line scalars, escapes, tabs, duplicate keys, and
/// anything libyaml would refuse. A document it gives up on is read by Yams, which reports any
/// problem, so the subset never decides what an error says.
public struct BlockYAML {
  public enum Kind: UInt8 { case plain, singleQuoted, doubleQuoted, mapping, sequence }

  /// A scalar's text is `start..<end`; a collection's source is `start..<end` from `column`
  /// (what the decoding memo keys on). `next` is the index after the node's subtree; a
  /// mapping's children are key, value, key, value, ...
  public struct Node {
    public var kind: Kind
    public var start: Int32
    public var end: Int32
    public var column: Int32
    public var line: Int32
    public var count: Int32 = 0
    public var next: Int32 = 0
  }

  public private(set) var nodes: [Node] = []

  /// Parses `bytes[range]`, the text of one document after its `---` line (or the whole
  /// document when it has none); `line` is the line number `range` starts at. Nil when the
  /// document is not in the subset or is not a mapping.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int) -> BlockYAML?
  {
    var parser = Parser(b: bytes, end: range.upperBound, pos: range.lowerBound, line: line)
    guard parser.document() else { return nil }
    return BlockYAML(nodes: parser.nodes)
  }

  /// The text of the scalar at `path` (keys from the root mapping down); `.missing` when a key
  /// is absent, `.notScalar` when a value on the way is not what the path needs.
  public func scalar(at path: [String], in bytes: UnsafeBufferPointer<UInt8>) -> Lookup {
    var index = 0
    for key in path {
      guard nodes[index].kind == .mapping else { return .notScalar }
      guard let value = BlockDecoding.value(of: key, in: index, nodes: nodes, bytes: bytes) else {
        return .missing
      }
      index = value
    }
    guard nodes[index].kind.rawValue <= Kind.doubleQuoted.rawValue else { return .notScalar }
    return .scalar(BlockDecoding.string(index, nodes: nodes, bytes: bytes))
  }

  public enum Lookup: Equatable {
    case missing, notScalar
    case scalar(String)
  }

  /// The line of the root mapping's first key (where libyaml marks the document's node).
  public var line: Int { Int(nodes[0].line) }

  /// Whether the subset can hold the document at all: printable ASCII and line feeds only (no
  /// tab, carriage return, or other character libyaml treats specially).
  public static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    for i in range {
      let c = bytes[i]
      if c < 0x20 && c != 0x0A || c > 0x7E { return false }
    }
    return true
  }
}

private let space = UInt8(ascii: " ")
private let newline = UInt8(ascii: "\n")
private let hash = UInt8(ascii: "#")
private let colon = UInt8(ascii: ":")
private let dash = UInt8(ascii: "-")
private let singleQuote = UInt8(ascii: "'")
private let doubleQuote = UInt8(ascii: "\"")

private struct Parser {
  let b: UnsafeBufferPointer<UInt8>
  let end: Int
  /// At the start of a line between nodes.
  var pos: Int
  var line: Int
  var nodes: [BlockYAML.Node] = []
  /// Collections open around the current one; deeper nesting is left to libyaml.
  var depth = 0

  init(b: UnsafeBufferPointer<UInt8>, end: Int, pos: Int, line: Int) {
    self.b = b
    self.end = end
    self.pos = pos
    self.line = line
    nodes.reserveCapacity(32)
  }

  func at(_ i: Int) -> UInt8 { i < end ? b[i] : newline }

  /// The end of the line that `i` is on.
  func lineEnd(_ i: Int) -> Int {
    var j = i
    while j < end && b[j] != newline { j += 1 }
    return j
  }

  /// What comes after blank and comment lines.
  enum Next: Equatable {
    case end
    case line(indent: Int)
    /// A `...` line (document end), which the subset leaves to libyaml.
    case unsupported
  }

  /// Skips blank and comment lines; the indentation of the next content line.
  mutating func peek() -> Next {
    while pos < end {
      var i = pos
      while i < end && b[i] == space { i += 1 }
      let c = at(i)
      if c == newline || c == hash {
        pos = min(lineEnd(i) + 1, end)
        line += 1
        continue
      }
      if i == pos && c == UInt8(ascii: ".") && at(i + 1) == c && at(i + 2) == c { return .unsupported }
      return .line(indent: i - pos)
    }
    return .end
  }

  mutating func nextLine(from i: Int) {
    pos = min(lineEnd(i) + 1, end)
    line += 1
  }

  func isDash(_ i: Int) -> Bool { at(i) == dash && (at(i + 1) == space || at(i + 1) == newline) }

  mutating func append(_ kind: BlockYAML.Kind, _ start: Int, _ end: Int, column: Int) -> Int {
    nodes.append(
      BlockYAML.Node(
        kind: kind, start: Int32(start), end: Int32(end), column: Int32(column), line: Int32(line)))
    return nodes.count - 1
  }

  mutating func close(_ index: Int, count: Int) {
    nodes[index].count = Int32(count)
    nodes[index].next = Int32(nodes.count)
    nodes[index].end = Int32(pos)
  }

  mutating func document() -> Bool {
    guard case .line(let indent) = peek(), keyEnd(pos + indent) != nil else { return false }
    guard mapping(column: indent, first: pos + indent) else { return false }
    return peek() == .end
  }

  /// Where the key starting at `i` ends (the offset of its colon) when the line holds a
  /// mapping key there.
  func keyEnd(_ i: Int) -> Int? {
    let c = at(i)
    if c == singleQuote || c == doubleQuote {
      var j = i + 1
      while j < end && b[j] != c && b[j] != newline {
        if b[j] == UInt8(ascii: "\\") { return nil }
        j += 1
      }
      guard at(j) == c, at(j + 1) == colon, at(j + 2) == space || at(j + 2) == newline else { return nil }
      return j + 1
    }
    guard startsPlain(i) else { return nil }
    var j = i
    while j < end && b[j] != newline {
      if b[j] == colon && (at(j + 1) == space || at(j + 1) == newline) { return j }
      if b[j] == hash && b[j - 1] == space { return nil }
      j += 1
    }
    return nil
  }

  /// Whether a plain scalar may start at `i`: not at an indicator.
  func startsPlain(_ i: Int) -> Bool {
    switch at(i) {
    case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
      let n = at(i + 1)
      return n != space && n != newline
    case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
      hash, UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"),
      singleQuote, doubleQuote, UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), space, newline:
      return false
    default:
      return true
    }
  }

  /// A block mapping whose keys are at `column`; its first key starts at `first`, on the
  /// current line.
  mutating func mapping(column: Int, first: Int) -> Bool {
    depth += 1
    defer { depth -= 1 }
    guard depth <= 64 else { return false }
    let me = append(.mapping, first, first, column: column)
    var keys: [Int] = []
    var seen: Set<String> = []
    var keyStart = first
    while true {
      guard let colonAt = keyEnd(keyStart) else { return false }
      let quoted = at(keyStart) == singleQuote || at(keyStart) == doubleQuote
      var keyEndAt = quoted ? colonAt - 1 : colonAt
      if !quoted { while keyEndAt > keyStart && b[keyEndAt - 1] == space { keyEndAt -= 1 } }
      let textStart = quoted ? keyStart + 1 : keyStart
      guard keyEndAt - keyStart <= 1024, keyEndAt > textStart else { return false }
      let kind: BlockYAML.Kind =
        !quoted ? .plain : at(keyStart) == singleQuote ? .singleQuoted : .doubleQuoted
      let key = append(kind, textStart, keyEndAt, column: keyStart - pos)
      // Duplicates are libyaml's to report. A long mapping is checked through a set, so that
      // 100,000 keys do not take 5 billion comparisons.
      if keys.count < 16 {
        for other in keys where sameText(other, key) { return false }
        if keys.count == 15 { seen = Set(keys.map(text)) }
      }
      if keys.count >= 15 && !seen.insert(text(key)).inserted { return false }
      keys.append(key)
      guard value(after: colonAt + 1, column: column, compactSequence: true) else { return false }
      switch peek() {
      case .unsupported: return false
      case .end: break
      case .line(let indent) where indent < column: break
      case .line(let indent):
        guard indent == column, !isDash(pos + indent) else { return false }
        keyStart = pos + indent
        continue
      }
      break
    }
    close(me, count: keys.count)
    return true
  }

  /// A block sequence whose dashes are at `column`, the first on the current line.
  mutating func sequence(column: Int) -> Bool {
    depth += 1
    defer { depth -= 1 }
    guard depth <= 64 else { return false }
    let me = append(.sequence, pos + column, pos + column, column: column)
    var count = 0
    while true {
      count += 1
      var i = pos + column + 1
      while at(i) == space { i += 1 }
      if isDash(i) { return false }
      if at(i) != newline && at(i) != hash && keyEnd(i) != nil {
        guard mapping(column: i - pos, first: i) else { return false }
      } else {
        guard value(after: pos + column + 1, column: column, compactSequence: false) else { return false }
      }
      switch peek() {
      case .unsupported: return false
      case .end: break
      case .line(let indent) where indent < column: break
      case .line(let indent):
        guard indent == column else { return false }
        if isDash(pos + indent) { continue }
      }
      break
    }
    close(me, count: count)
    return true
  }

  /// The value after a key's colon or a dash at `i`, of a mapping or sequence at `column`; a
  /// block value on the lines below is more indented, or (`compactSequence`) a sequence at the
  /// key's column.
  mutating func value(after i: Int, column: Int, compactSequence: Bool) -> Bool {
    var j = i
    while at(j) == space { j += 1 }
    if at(j) == newline || at(j) == hash {
      let emptyAt = j
      nextLine(from: j)
      let next = peek()
      if next == .unsupported { return false }
      if case .line(let indent) = next, indent > column {
        if isDash(pos + indent) { return sequence(column: indent) }
        guard keyEnd(pos + indent) != nil else { return false }
        return mapping(column: indent, first: pos + indent)
      }
      if compactSequence, case .line(let indent) = next, indent == column, isDash(pos + indent) {
        return sequence(column: indent)
      }
      // Nothing: a null.
      nodes.append(
        BlockYAML.Node(kind: .plain, start: Int32(emptyAt), end: Int32(emptyAt), column: 0, line: 0))
      nodes[nodes.count - 1].next = Int32(nodes.count)
      return true
    }
    guard inlineScalar(j) else { return false }
    // A more indented line after a scalar continues it (or is an error): not in the subset.
    switch peek() {
    case .unsupported: return false
    case .end: return true
    case .line(let indent): return indent <= column
    }
  }

  /// A scalar, `[]` or `{}` that fills the rest of the line from `i`.
  mutating func inlineScalar(_ i: Int) -> Bool {
    let c = at(i)
    var after: Int
    let node: Int
    if c == singleQuote || c == doubleQuote {
      var j = i + 1
      while true {
        guard j < end, b[j] != newline else { return false }
        if c == doubleQuote && b[j] == UInt8(ascii: "\\") { return false }
        if b[j] == c {
          if c == singleQuote && at(j + 1) == singleQuote {
            j += 2
            continue
          }
          break
        }
        j += 1
      }
      node = append(c == singleQuote ? .singleQuoted : .doubleQuoted, i + 1, j, column: i - pos)
      after = j + 1
    } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
      var j = i + 1
      while at(j) == space { j += 1 }
      guard at(j) == (c == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")) else { return false }
      node = append(c == UInt8(ascii: "[") ? .sequence : .mapping, i, j + 1, column: i - pos)
      after = j + 1
    } else {
      guard startsPlain(i) else { return false }
      var j = i
      var last = i
      while j < end && b[j] != newline {
        if b[j] == colon && (at(j + 1) == space || at(j + 1) == newline) { return false }
        if b[j] == hash && b[j - 1] == space { break }
        if b[j] != space { last = j + 1 }
        j += 1
      }
      node = append(.plain, i, last, column: i - pos)
      after = j
    }
    nodes[node].next = Int32(nodes.count)
    while at(after) == space { after += 1 }
    guard at(after) == newline || (at(after) == hash && b[after - 1] == space) else { return false }
    nextLine(from: after)
    return true
  }

  func text(_ index: Int) -> String {
    String(
      decoding: UnsafeBufferPointer(rebasing: b[Int(nodes[index].start)..<Int(nodes[index].end)]),
      as: UTF8.self)
  }

  func sameText(_ x: Int, _ y: Int) -> Bool {
    let p = nodes[x]
    let q = nodes[y]
    guard p.end - p.start == q.end - q.start else { return false }
    return memcmp(b.baseAddress! + Int(p.start), b.baseAddress! + Int(q.start), Int(p.end - p.start)) == 0
  }
}
