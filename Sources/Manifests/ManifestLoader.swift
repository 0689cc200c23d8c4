import Foundation
import KubernetesAPI
import ManifestCoding
import Synchronization
import Yams

/// Reads multi-document YAML or JSON files into typed objects, collecting every problem with
/// the file, the document and the field path, and never stopping at the first.
public struct ManifestLoader: Sendable {
  public var registry: KindRegistry
  /// Values decoded once for every document of this loader's loads that repeats the same
  /// subtree (a Deployment's 20,000 Pods share a few specs).
  let memo = DecodingMemo()
  /// The same for documents read by ``BlockYAML``.
  let blockMemo = BlockMemo()

  /// A text of at least twice this many bytes is read in pieces on several cores
  /// (``DocumentChunks``); the result is the same as reading it whole.
  public var parallelMinimumBytes = 1 << 20
  /// Whether documents of the plain block subset are read by ``BlockYAML`` (false: every
  /// document by libyaml and Yams, which tests compare against).
  public var readsBlockYAML = true
  /// How many pieces at most: one per core.
  public var parallelPieces = ProcessInfo.processInfo.activeProcessorCount

  public init(registry: KindRegistry = .standard) {
    self.registry = registry
  }

  /// Loads every file; `-` reads standard input.
  public func load(paths: [String]) -> ManifestSet {
    var set = ManifestSet()
    for path in paths {
      set.merge(load(path: path))
    }
    return set
  }

  public func load(path: String) -> ManifestSet {
    let file = path == "-" ? "<stdin>" : path
    switch ManifestReader.read(path: path) {
    case .success(let text): return load(text: text, file: file)
    case .failure(let failure): return self.failure(file, failure.description)
    }
  }

  private func failure(_ file: String, _ message: String) -> ManifestSet {
    var set = ManifestSet()
    set.diagnostics.append(
      Diagnostic(.error, at: DocumentLocation(file: file, document: 0), message: message))
    return set
  }

  /// Loads the documents of one YAML or JSON text.
  public func load(text: String, file: String) -> ManifestSet {
    var set = ManifestSet()
    let scan = AliasKeyScan.scan(text)
    if let key = scan.aliasKey {
      set.diagnostics.append(
        Diagnostic(
          .error, at: DocumentLocation(file: file, document: key.document, line: key.line),
          message:
            "\(key.what) in a text that uses aliases: Kubernetes keys are strings, and such a key can stand for an unbounded expansion; nothing of this file was read"
        ))
      return set
    }
    let pieces = DocumentChunks.split(text, into: parallelPieces, minimumBytes: parallelMinimumBytes)
    if pieces.count == 1 { return loadDocuments(text, file: file, hasAliases: scan.hasAliases).set }
    // Each piece on its own core, with its own loader and memo (one shared memo would have
    // the threads wait on its lock).
    let results = Mutex([Piece?](repeating: nil, count: pieces.count))
    DispatchQueue.concurrentPerform(iterations: pieces.count) { k in
      var loader = ManifestLoader(registry: registry)
      loader.readsBlockYAML = readsBlockYAML
      let piece = loader.loadDocuments(pieces[k], file: file, hasAliases: scan.hasAliases)
      results.withLock { $0[k] = piece }
    }
    // Numbered as one text: each piece's documents follow the ones before it, and a syntax
    // error stops the reading there as it would in the whole text.
    var whole = Piece()
    for piece in results.withLock({ $0 }) {
      guard let piece else { break }
      whole.append(piece)
      if piece.stopped { break }
    }
    return whole.set
  }

  /// What one text, or one piece of it, held: what was read, how many documents it has, and
  /// whether a syntax error stopped the reading.
  struct Piece: Sendable {
    var set = ManifestSet()
    var documents = 0
    var stopped = false

    /// Adds what the text after this one held, its documents numbered after these.
    mutating func append(_ later: Piece) {
      for var document in later.set.documents {
        document.location.document += documents
        set.documents.append(document)
      }
      for var diagnostic in later.set.diagnostics {
        diagnostic.location.document += documents
        set.diagnostics.append(diagnostic)
      }
      documents += later.documents
      stopped = stopped || later.stopped
    }
  }

  /// Reads the documents of `text` (or of a piece of it, whose line numbers it keeps) with
  /// libyaml into Yams trees, and decodes them.
  func loadDocumentsWithYams(_ text: String, file: String, hasAliases: Bool) -> Piece {
    var piece = Piece()
    let parser: Parser
    do {
      parser = try Parser(yaml: text, resolver: .basic)
    } catch {
      piece.set.diagnostics.append(syntaxError(error, file: file, document: 1))
      piece.stopped = true
      return piece
    }
    while true {
      let node: Yams.Node?
      do {
        node = try parser.nextRoot()
      } catch {
        piece.set.diagnostics.append(syntaxError(error, file: file, document: piece.documents + 1))
        piece.stopped = true
        return piece
      }
      guard let node else { break }
      piece.documents += 1
      let location = DocumentLocation(file: file, document: piece.documents, line: node.mark?.line)
      // Without an alias in the text, nothing expands: the walk is skipped.
      do {
        if hasAliases { try AliasExpansion.check(node) }
      } catch {
        var at = location
        at.line = error.line ?? location.line
        piece.set.diagnostics.append(Diagnostic(.error, at: at, message: error.description))
        continue
      }
      load(node: node, at: location, into: &piece.set)
    }
    return piece
  }

  private func syntaxError(_ error: Error, file: String, document: Int) -> Diagnostic {
    var line: Int?
    let text: String
    if let yamlError = error as? YamlError {
      line = yamlError.line
      text = "the YAML is malformed: \(yamlError.shortDescription); documents from here on were not read"
    } else {
      text = "the YAML is malformed: \(error); documents from here on were not read"
    }
    return Diagnostic(.error, at: DocumentLocation(file: file, document: document, line: line), message: text)
  }

  func load(node: Yams.Node, at location: DocumentLocation, into set: inout ManifestSet) {
    if node.isNullNode { return }  // an empty document between two `---`
    guard case .mapping = node else {
      set.diagnostics.append(
        Diagnostic(
          .error, at: location,
          message: "a manifest must be an object with apiVersion and kind, not \(node.kindName)"))
      return
    }
    let apiVersion = node["apiVersion"]?.scalar?.string
    let kind = node["kind"]?.scalar?.string
    let name = node["metadata"]?["name"]?.scalar?.string ?? ""
    guard let apiVersion, !apiVersion.isEmpty, let kind, !kind.isEmpty else {
      for field in ["apiVersion", "kind"] {
        let value = node[field]
        let error: FieldError
        if let value, value.scalar == nil {
          // `kind: [NodePool]` is there, but not a string.
          error = FieldError(
            .typeMismatch, FieldPath(dotted: field), "must be a string, not \(value.kindName)",
            line: value.mark?.line)
        } else if (value?.scalar?.string ?? "").isEmpty {
          error = FieldError(
            .required, FieldPath(dotted: field), "every manifest needs apiVersion and kind",
            line: value?.mark?.line)
        } else {
          continue
        }
        set.diagnostics.append(Diagnostic(.error, at: location, field: error))
      }
      return
    }
    if kind == "List", let items = node["items"], case .sequence(let sequence) = items {
      for item in sequence {
        var itemLocation = location
        itemLocation.line = item.mark?.line ?? location.line
        load(node: item, at: itemLocation, into: &set)
      }
      return
    }
    guard let entry = registry.entry(apiVersion: apiVersion, kind: kind) else {
      set.diagnostics.append(
        Diagnostic(
          .warning, at: location, object: LoadedDocument.displayName(kind: kind, name: name, namespace: nil),
          message: "skipped: \(apiVersion) \(kind) is not a kind this tool reads"))
      return
    }
    let namespace = entry.namespaced ? (node["metadata"]?["namespace"]?.scalar?.string ?? "default") : nil
    let display = LoadedDocument.displayName(kind: kind, name: name, namespace: namespace)
    let (object, problems) = entry.decode(node, memo)
    let errors = problems.filter { $0.kind != .unknownField }
    let lineIndex = errors.contains { $0.line == nil } ? LineIndex(node) : nil
    for error in errors {
      var located = error
      if located.line == nil { located.line = lineIndex?.line(of: error.path) }
      set.diagnostics.append(Diagnostic(.error, at: location, object: display, field: located))
    }
    for unknown in problems where unknown.kind == .unknownField {
      // kubectl's strict field validation: `Warning: unknown field "spec.replica"`.
      var at = location
      at.line = unknown.line ?? location.line
      set.diagnostics.append(
        Diagnostic(.warning, at: at, object: display, message: "unknown field \"\(unknown.path)\""))
    }
    if let object, errors.isEmpty {
      set.documents.append(
        LoadedDocument(
          location: location, apiVersion: apiVersion, kind: kind, name: name,
          namespace: namespace, object: object))
    }
  }
}

extension Yams.Node {
  var isNullNode: Bool {
    if case .scalar(let s) = self { return s.isNull }
    return false
  }

  var kindName: String {
    switch self {
    case .mapping: return "an object"
    case .sequence: return "a list"
    case .scalar: return "a scalar value"
    case .alias: return "an alias"
    }
  }
}

extension YamlError {
  /// The line where block-mapping key `key`, first written at `first`, is written again in
  /// the same mapping (same column, nothing less indented in between); nil when it cannot be
  /// told from the text (flow style, quoting).
  static func repetition(of key: String, after first: Mark, in text: String) -> Int? {
    let indent = first.column - 1
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      if lineNumber <= first.line { continue }
      let content = line.drop { $0 == " " }
      if content.isEmpty || content.hasPrefix("#") { continue }
      let column = line.count - content.count
      if column < indent { return nil }
      if column == indent && (content.hasPrefix(key + ":") || content.hasPrefix("\"\(key)\":")) {
        return lineNumber
      }
    }
    return nil
  }

  /// The line the problem is on, when libyaml said.
  var line: Int? {
    switch self {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    case .duplicatedKeysInMapping(_, let context):
      return context.mark.line
    default:
      return nil
    }
  }

  /// The problem and its line, without libyaml's echo of the source.
  var shortDescription: String {
    switch self {
    case .duplicatedKeysInMapping(let duplicates, let context):
      // Yams' own description prints the whole document.
      if duplicates.count == 1,
        let again = Self.repetition(of: duplicates[0], after: context.mark, in: context.text)
      {
        return
          "key \"\(Diagnostic.truncated(duplicates[0], to: 100))\" appears twice in one mapping, at lines \(context.mark.line) and \(again); a key may appear once"
      }
      let keys = duplicates.map { "\"\(Diagnostic.truncated($0, to: 100))\"" }.joined(separator: ", ")
      return
        "\(duplicates.count == 1 ? "key" : "keys") \(keys) \(duplicates.count == 1 ? "is" : "are") repeated in one mapping (the first at line \(context.mark.line), column \(context.mark.column)); a key may appear once"
    case .scanner(let context, let problem, let mark, _):
      return "\(problem)\(context.map { " \($0.text)" } ?? "") at line \(mark.line), column \(mark.column)"
    case .parser(_, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level reached"):
      return "the YAML nests deeper than 1,000 levels at line \(mark.line), column \(mark.column)"
    case .reader(let problem, let offset, let value, _):
      let byte = value >= 0 ? " (0x\(String(value, radix: 16, uppercase: true)))" : ""
      return "\(problem)\(byte)\(offset.map { " at byte \($0)" } ?? "")"
    case .parser(let context, let problem, let mark, _):
      return "\(problem)\(context.map { " \($0.text)" } ?? "") at line \(mark.line), column \(mark.column)"
    case .composer(let context, let problem, let mark, _):
      return "\(problem)\(context.map { " \($0.text)" } ?? "") at line \(mark.line), column \(mark.column)"
    default:
      return "\(self)"
    }
  }
}
