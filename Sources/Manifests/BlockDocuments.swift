import ManifestCoding

/// The fast way through a text: each document that ``BlockYAML`` can parse and whose kind
/// decodes it cleanly is read without libyaml or Yams trees; every other document (one with
/// a problem to report, or outside the subset) is read by ``ManifestLoader/loadDocumentsWithYams``,
/// so what is reported, and where, does not depend on which way a document went.
extension ManifestLoader {
  /// After this many documents of one text have gone the Yams way, the rest of the text goes
  /// that way at once: each such document is copied with its line offset, which a text of
  /// many of them would pay for again and again.
  static let yamsDocumentsBeforeGivingUp = 16

  func loadDocuments(_ text: String, file: String, hasAliases: Bool) -> Piece {
    var contiguous = text
    return contiguous.withUTF8 { bytes in
      // A directive (`%YAML`, `%TAG`) applies to the documents after it: the text is read whole.
      if !readsBlockYAML || DocumentChunks.hasDirective(bytes) {
        return loadDocumentsWithYams(text, file: file, hasAliases: hasAliases)
      }
      var piece = Piece()
      var yamsDocuments = 0
      var start = 0
      var line = 1
      while start < bytes.count {
        let end = DocumentChunks.documentStart(in: bytes, from: start) ?? bytes.count
        if yamsDocuments < Self.yamsDocumentsBeforeGivingUp,
          let outcome = loadBlock(bytes, start..<end, line: line, file: file)
        {
          if case .document(var document) = outcome {
            piece.documents += 1
            document.location.document = piece.documents
            piece.set.documents.append(document)
          }
        } else {
          yamsDocuments += 1
          let rest = yamsDocuments > Self.yamsDocumentsBeforeGivingUp ? bytes.count : end
          // Ended by the next `---` line as in the whole text (a quoted scalar still open
          // there is the same error), which adds an empty document to take away.
          let marker = rest < bytes.count
          let padded =
            String(repeating: "\n", count: line - 1)
            + String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<rest]), as: UTF8.self)
            + (marker ? "---\n" : "")
          var read = loadDocumentsWithYams(padded, file: file, hasAliases: hasAliases)
          if marker && !read.stopped { read.documents -= 1 }
          piece.append(read)
          if read.stopped || rest == bytes.count { return piece }
        }
        for i in start..<end where bytes[i] == UInt8(ascii: "\n") { line += 1 }
        start = end
      }
      return piece
    }
  }

  enum BlockOutcome {
    /// Comments and blank lines before the first `---`: no document, as libyaml reads them.
    case nothing
    case document(LoadedDocument)
  }

  /// The document in `range` (from its `---` line, if any, to the next one), or nil when it
  /// must be read by Yams.
  func loadBlock(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int, file: String)
    -> BlockOutcome?
  {
    guard BlockYAML.isPlainASCII(bytes, range) else { return nil }
    var body = range.lowerBound
    var bodyLine = line
    let marked = DocumentChunks.isDocumentStart(bytes, at: body)
    if marked {
      // Only blanks or a comment may follow `---` on its line.
      var i = body + 3
      while i < range.upperBound && bytes[i] == UInt8(ascii: " ") { i += 1 }
      if i < range.upperBound && bytes[i] != UInt8(ascii: "\n") {
        guard bytes[i] == UInt8(ascii: "#"), bytes[i - 1] == UInt8(ascii: " ") else { return nil }
      }
      while i < range.upperBound && bytes[i] != UInt8(ascii: "\n") { i += 1 }
      body = min(i + 1, range.upperBound)
      bodyLine += 1
    }
    guard let document = BlockYAML.parse(bytes, body..<range.upperBound, line: bodyLine) else {
      // An empty document after `---` is a null one, which Yams counts.
      if !marked && !Self.hasContent(bytes, range) { return .nothing }
      return nil
    }
    guard case .scalar(let apiVersion) = document.scalar(at: ["apiVersion"], in: bytes), !apiVersion.isEmpty,
      case .scalar(let kind) = document.scalar(at: ["kind"], in: bytes), !kind.isEmpty, kind != "List",
      let entry = registry.entry(apiVersion: apiVersion, kind: kind), let decodeBlock = entry.decodeBlock
    else { return nil }
    let name: String
    switch document.scalar(at: ["metadata", "name"], in: bytes) {
    case .scalar(let text): name = text
    case .missing where document.scalar(at: ["metadata"], in: bytes) != .notScalar: name = ""
    default: return nil
    }
    var namespace: String?
    if entry.namespaced {
      switch document.scalar(at: ["metadata", "namespace"], in: bytes) {
      case .scalar(let text): namespace = text
      case .missing: namespace = "default"
      case .notScalar: return nil
      }
    }
    guard let object = decodeBlock(document, bytes, blockMemo) else { return nil }
    return .document(
      LoadedDocument(
        location: DocumentLocation(file: file, document: 0, line: document.line), apiVersion: apiVersion,
        kind: kind, name: name, namespace: namespace, object: object))
  }

  /// Whether some line holds more than blanks and a comment.
  static func hasContent(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var i = range.lowerBound
    while i < range.upperBound {
      while i < range.upperBound && bytes[i] == UInt8(ascii: " ") { i += 1 }
      if i < range.upperBound && bytes[i] != UInt8(ascii: "\n") && bytes[i] != UInt8(ascii: "#") {
        return true
      }
      while i < range.upperBound && bytes[i] != UInt8(ascii: "\n") { i += 1 }
      i += 1
    }
    return false
  }
}
