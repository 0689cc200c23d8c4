/// Finds, before Yams parses a text, a mapping key that is an alias or a collection, in a text
/// that uses aliases.
///
/// Yams checks a mapping's keys for duplicates by hashing them while it parses, and hashing an
/// alias walks everything the alias stands for: a ten-line "billion laughs" with one alias as
/// a key keeps it busy for minutes, before ``AliasExpansion`` can see the tree. Kubernetes only
/// has string keys (sigs.k8s.io/yaml rejects a collection as a key), so such a key is refused
/// up front. The scan reads the text once, skipping comments and quoted scalars; it is
/// conservative (a `[x]:` inside a block scalar of a text with aliases is also refused), and
/// refuses nothing in a text without aliases.
enum AliasKeyScan {
  struct Finding: Equatable {
    /// 1-based, counted as the loader counts documents.
    var document: Int
    var line: Int
    var what: String
  }

  static func isAnchorCharacter(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D
      || b == 0x5F
  }

  static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

  /// What one pass over a text found.
  struct Result: Equatable {
    /// Whether the text has anything that may be an alias (`*name` anywhere): never false
    /// when it has one.
    var hasAliases: Bool
    /// The first alias or collection used as a mapping key, when the text has aliases.
    var aliasKey: Finding?
  }

  static func scan(_ text: String) -> Result {
    // Most manifests have no `*` at all: nothing to look for.
    let hasStar =
      text.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "*")) }
      ?? text.utf8.contains(UInt8(ascii: "*"))
    guard hasStar else { return Result(hasAliases: false, aliasKey: nil) }
    return fullScan(text)
  }

  /// The first alias or collection used as a mapping key, when the text has aliases at all.
  static func firstAliasKey(in text: String) -> Finding? { scan(text).aliasKey }

  private static func fullScan(_ text: String) -> Result {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    bytes.append(contentsOf: text.utf8)
    let n = bytes.count
    // Whether the text may hold an alias: any `*` followed by an anchor character, wherever
    // it is (in quotes and comments too), so that no real alias is ever missed.
    var hasAlias = false
    for j in 0..<(n > 0 ? n - 1 : 0) where bytes[j] == UInt8(ascii: "*") && isAnchorCharacter(bytes[j + 1]) {
      hasAlias = true
      break
    }
    guard hasAlias else { return Result(hasAliases: false, aliasKey: nil) }
    var first: Finding?
    var line = 1
    var document = 1
    var documentHasContent = false
    var i = 0
    var atLineStart = true
    // The previous byte that matters for "does a token start here": a blank, a line start, or
    // a flow indicator.
    var tokenMayStart = true
    func next(_ j: Int) -> UInt8? { j < n ? bytes[j] : nil }
    func followedByColon(_ j: Int) -> Bool {
      var k = j
      while k < n, isBlank(bytes[k]) { k += 1 }
      guard k < n, bytes[k] == UInt8(ascii: ":") else { return false }
      guard let after = next(k + 1) else { return true }
      return isBlank(after) || after == 0x0A || after == 0x0D || after == UInt8(ascii: ",")
        || after == UInt8(ascii: "]") || after == UInt8(ascii: "}")
    }
    // Whether position `j` can start a key: only blanks and `- ` before it on its line, or a
    // flow indicator (`what? yes` in a plain scalar is text).
    func startsANode(_ j: Int) -> Bool {
      var k = j - 1
      while k >= 0, isBlank(bytes[k]) { k -= 1 }
      guard k >= 0, bytes[k] != 0x0A else { return true }
      let c = bytes[k]
      if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") || c == UInt8(ascii: ",") { return true }
      if c == UInt8(ascii: "-") { return k == 0 || isBlank(bytes[k - 1]) || bytes[k - 1] == 0x0A ? startsANode(k) : false }
      return false
    }
    while i < n {
      let b = bytes[i]
      if atLineStart {
        atLineStart = false
        // `---` at the start of a line starts a document wherever it is.
        if b == UInt8(ascii: "-"), next(i + 1) == UInt8(ascii: "-"), next(i + 2) == UInt8(ascii: "-"),
          next(i + 3).map({ isBlank($0) || $0 == 0x0A || $0 == 0x0D }) ?? true
        {
          if documentHasContent { document += 1 }
          documentHasContent = false
          i += 3
          continue
        }
      }
      switch b {
      case 0x0A:
        line += 1
        atLineStart = true
        tokenMayStart = true
        i += 1
        continue
      case UInt8(ascii: "#") where tokenMayStart:
        while i < n, bytes[i] != 0x0A { i += 1 }
        continue
      case UInt8(ascii: "'") where tokenMayStart, UInt8(ascii: "\"") where tokenMayStart:
        documentHasContent = true
        // Skipped to its closing quote or the end of the line, whichever comes first: a
        // quote in a block scalar (`echo "`) must not hide the lines after it. A quoted
        // scalar that goes on is then read as if it were not quoted, which can only find
        // more, never less.
        let quote = b
        i += 1
        while i < n {
          let c = bytes[i]
          if c == 0x0A { break }
          if quote == UInt8(ascii: "\""), c == UInt8(ascii: "\\") {
            i += 2
            continue
          }
          if c == quote {
            if quote == UInt8(ascii: "'"), next(i + 1) == quote {
              i += 2
              continue
            }
            break
          }
          i += 1
        }
        if i < n, bytes[i] == 0x0A { continue }  // the loop counts the newline
        i += 1
        tokenMayStart = false
        continue
      case UInt8(ascii: "*") where tokenMayStart && next(i + 1).map(isAnchorCharacter) == true:
        documentHasContent = true
        var j = i + 1
        while j < n, isAnchorCharacter(bytes[j]) { j += 1 }
        if first == nil, followedByColon(j) {
          first = Finding(document: document, line: line, what: "an alias is used as a mapping key")
        }
        i = j
        tokenMayStart = false
        continue
      case UInt8(ascii: "?")
      where tokenMayStart && (next(i + 1).map { isBlank($0) || $0 == 0x0A } ?? true) && startsANode(i):
        documentHasContent = true
        if first == nil { first = Finding(document: document, line: line, what: "an explicit key (`? `) is used") }
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        documentHasContent = true
        if first == nil, followedByColon(i + 1) {
          first = Finding(document: document, line: line, what: "a list or an object is used as a mapping key")
        }
        i += 1
        tokenMayStart = true
        continue
      default:
        if !isBlank(b) && b != 0x0D { documentHasContent = true }
      }
      // `:` too: `{"a":*b}` is an alias after a JSON-style key.
      tokenMayStart =
        isBlank(b) || b == 0x0D || b == UInt8(ascii: "[") || b == UInt8(ascii: "{") || b == UInt8(ascii: ",")
        || b == UInt8(ascii: ":")
      i += 1
    }
    return Result(hasAliases: true, aliasKey: first)
  }
}
