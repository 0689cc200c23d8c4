import Foundation
import KubernetesAPI
import ManifestCoding
import Yams

/// Reads multi-document YAML or JSON files into typed objects, collecting every problem with
/// the file, the document and the field path, and never stopping at the first.
public struct ManifestLoader: Sendable {
  public var registry: KindRegistry

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
    let text: String
    do {
      if path == "-" {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let s = String(data: data, encoding: .utf8) else {
          return failure(path, "standard input is not UTF-8 text")
        }
        text = s
      } else {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let s = String(data: data, encoding: .utf8) else {
          return failure(path, "the file is not UTF-8 text")
        }
        text = s
      }
    } catch {
      return failure(path, "cannot read the file: \((error as NSError).localizedDescription)")
    }
    return load(text: text, file: path == "-" ? "<stdin>" : path)
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
    let parser: Parser
    do {
      parser = try Parser(yaml: text, resolver: .basic)
    } catch {
      set.diagnostics.append(syntaxError(error, file: file, document: 1))
      return set
    }
    var index = 0
    while true {
      let node: Yams.Node?
      do {
        node = try parser.nextRoot()
      } catch {
        set.diagnostics.append(syntaxError(error, file: file, document: index + 1))
        return set
      }
      guard let node else { break }
      index += 1
      let location = DocumentLocation(file: file, document: index, line: node.mark?.line)
      load(node: node, at: location, into: &set)
    }
    return set
  }

  private func syntaxError(_ error: Error, file: String, document: Int) -> Diagnostic {
    let text: String
    if let yamlError = error as? YamlError {
      text = "the YAML is malformed: \(yamlError.shortDescription); documents from here on were not read"
    } else {
      text = "the YAML is malformed: \(error); documents from here on were not read"
    }
    return Diagnostic(.error, at: DocumentLocation(file: file, document: document), message: text)
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
      for (field, value) in [("apiVersion", apiVersion), ("kind", kind)] where (value ?? "").isEmpty {
        set.diagnostics.append(
          Diagnostic(
            .error, at: location,
            field: FieldError(.required, FieldPath(dotted: field), "every manifest needs apiVersion and kind")
          ))
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
    let (object, problems) = entry.decode(node)
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
  /// The problem and its line, without libyaml's echo of the source.
  var shortDescription: String {
    switch self {
    case .scanner(let context, let problem, let mark, _):
      return "\(problem)\(context.map { " \($0.text)" } ?? "") at line \(mark.line), column \(mark.column)"
    case .parser(let context, let problem, let mark, _):
      return "\(problem)\(context.map { " \($0.text)" } ?? "") at line \(mark.line), column \(mark.column)"
    case .composer(let context, let problem, let mark, _):
      return "\(problem)\(context.map { " \($0.text)" } ?? "") at line \(mark.line), column \(mark.column)"
    default:
      return "\(self)"
    }
  }
}
