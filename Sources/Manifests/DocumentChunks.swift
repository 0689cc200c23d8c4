/// Cuts a large multi-document YAML text into pieces at document starts, so that the pieces
/// can be parsed and decoded on several cores and still read as the whole text reads.
///
/// A piece starts at a `---` line (at column 0, followed by a blank or the end of the line).
/// libyaml ends whatever it is reading at such a line in every context (a block scalar ends
/// there; a quoted or flow scalar is an error there either way), so a piece parses to the same
/// documents as that stretch of the whole text. Each piece but the first is preceded by as many
/// empty lines as come before it in the text, so every line libyaml reports is the line of the
/// whole text.
///
/// A text is not cut when it has a directive (`%YAML`, `%TAG`: they apply across documents) or
/// a line break that is not `\n` or `\r\n` (libyaml also breaks lines at a lone `\r`, NEL, LS
/// and PS, which would shift the counting).
enum DocumentChunks {
  /// The pieces of `text`, at most `count`, each at least about `minimumBytes` long; the whole
  /// text alone when it is smaller or cannot be cut.
  static func split(_ text: String, into count: Int, minimumBytes: Int) -> [String] {
    let utf8 = text.utf8
    guard count > 1, utf8.count >= 2 * minimumBytes else { return [text] }
    let cuts: [(offset: Int, line: Int)]? =
      utf8.withContiguousStorageIfAvailable { bytes in
        guard canCut(bytes) else { return nil }
        let pieces = min(count, bytes.count / max(minimumBytes, 1))
        var cuts: [(offset: Int, line: Int)] = []
        var offset = 0
        var lines = 0
        for k in 1..<pieces {
          let target = bytes.count * k / pieces
          guard target > offset, let cut = documentStart(in: bytes, from: target) else { break }
          lines += newlines(in: bytes, from: offset, to: cut)
          cuts.append((cut, lines))
          offset = cut
        }
        return cuts
      } ?? nil
    guard let cuts, !cuts.isEmpty else { return [text] }
    let offsets = [0] + cuts.map(\.offset) + [utf8.count]
    let lines = [0] + cuts.map(\.line)
    return lines.indices.map { k in
      let begin = utf8.index(utf8.startIndex, offsetBy: offsets[k])
      let end = utf8.index(utf8.startIndex, offsetBy: offsets[k + 1])
      return String(repeating: "\n", count: lines[k]) + text[begin..<end]
    }
  }

  /// True when the text has no directive and breaks lines only with `\n` (or `\r\n`).
  private static func canCut(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if hasDirective(bytes) { return false }
    for i in bytes.indices {
      switch bytes[i] {
      case UInt8(ascii: "\r"):
        if i + 1 >= bytes.count || bytes[i + 1] != UInt8(ascii: "\n") { return false }
      case 0xC2:  // NEL is C2 85
        if i + 1 < bytes.count && bytes[i + 1] == 0x85 { return false }
      case 0xE2:  // LS and PS are E2 80 A8 and E2 80 A9
        if i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
          return false
        }
      default: break
      }
    }
    return true
  }

  /// Whether a line starts with `%` (a directive, `%YAML` or `%TAG`, which applies to the
  /// documents after it).
  static func hasDirective(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes.first == UInt8(ascii: "%") { return true }
    for i in bytes.indices.dropLast()
    where bytes[i] == UInt8(ascii: "\n") && bytes[i + 1] == UInt8(ascii: "%") {
      return true
    }
    return false
  }

  /// Whether a `---` line starts at `i`: at column 0, followed by a blank or the line's end.
  static func isDocumentStart(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    guard i + 3 <= bytes.count, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: "-"),
      bytes[i + 2] == UInt8(ascii: "-")
    else { return false }
    guard i + 3 < bytes.count else { return true }
    let after = bytes[i + 3]
    return after == UInt8(ascii: "\n") || after == UInt8(ascii: "\r") || after == UInt8(ascii: " ")
      || after == UInt8(ascii: "\t")
  }

  /// The offset of the first `---` line after the line `from` is on; nil when there is none.
  static func documentStart(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    var i = from
    while i < bytes.count {
      while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
      i += 1
      if i < bytes.count && isDocumentStart(bytes, at: i) { return i }
    }
    return nil
  }

  private static func newlines(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
    var n = 0
    for i in from..<end where bytes[i] == UInt8(ascii: "\n") { n += 1 }
    return n
  }
}
