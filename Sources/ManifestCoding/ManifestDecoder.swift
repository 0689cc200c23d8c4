import Foundation
import Yams

/// Decodes `Decodable` values from a YAML (or JSON) node tree the way the Kubernetes API server
/// reads a manifest, but without stopping at the first problem.
///
/// A field that fails to decode is recorded as a ``FieldError`` with its path and line, and an
/// optional field is then left `nil`, so decoding goes on and every problem of a document is
/// reported at once. Unknown fields are ignored unless `reportsUnknownFields` is set; then each
/// is returned among the errors as a ``FieldError`` of kind `.unknownField`, which callers
/// report as a warning, as `kubectl apply` does with strict field validation.
public struct ManifestDecoder {
  /// Also return the fields of each object that its type did not read.
  public var reportsUnknownFields: Bool
  /// Where values of `MemoizedDecodable` types are remembered across documents (nil: not).
  public var memo: DecodingMemo?

  public init(reportsUnknownFields: Bool = false, memo: DecodingMemo? = nil) {
    self.reportsUnknownFields = reportsUnknownFields
    self.memo = memo
  }

  /// Decodes `type` from `node`, returning the value (nil when a required part failed) and every
  /// error met on the way, in document order.
  public func decode<T: Decodable>(_ type: T.Type, from node: Yams.Node) -> (
    value: T?, errors: [FieldError]
  ) {
    let sink = ErrorSink()
    sink.memo = memo
    if reportsUnknownFields { sink.usage = FieldUsage() }
    let decoder = NodeDecoder(node: node, path: [], sink: sink)
    sink.usage?.declare(T.self, at: [])
    do {
      let value = try T(from: decoder)
      return (value, sink.errors + sink.unknownFields())
    } catch let error {
      sink.record(error, at: [], node: node)
      return (nil, sink.errors)
    }
  }

  /// Decodes `type` from YAML or JSON text holding a single document.
  public func decode<T: Decodable>(_ type: T.Type, yaml: String) throws -> (
    value: T?, errors: [FieldError]
  ) {
    guard let node = try Parser(yaml: yaml, resolver: .basic).singleRoot() else {
      return (nil, [FieldError.required(.root, "the document is empty")])
    }
    return decode(type, from: node)
  }
}

/// Marks an error that was already recorded, so that ancestors do not record it again.
struct AlreadyRecorded: Error {}

final class ErrorSink {
  var errors: [FieldError] = []
  /// Set when unknown fields are reported.
  var usage: FieldUsage?
  /// Set when memoized types are remembered.
  var memo: DecodingMemo?
  /// The objects whose decoding threw: their unread fields are not reported.
  var failed: Set<String> = []

  func markFailed(_ path: [CodingKey]) {
    if usage != nil { failed.insert(FieldUsage.identity(path)) }
  }

  func unknownFields() -> [FieldError] {
    usage?.unknownFields(failed: failed) ?? []
  }

  func record(_ error: Error, at codingPath: [CodingKey], node: Yams.Node?) {
    if error is AlreadyRecorded { return }
    if let fieldError = error as? FieldError {
      var e = fieldError
      if e.line == nil { e.line = node?.mark?.line }
      errors.append(e)
      return
    }
    if let decodingError = error as? DecodingError {
      errors.append(Self.fieldError(from: decodingError, node: node))
      return
    }
    errors.append(
      FieldError(
        .invalid, FieldPath(codingPath: codingPath), "\(error)", line: node?.mark?.line))
  }

  static func fieldError(from error: DecodingError, node: Yams.Node?) -> FieldError {
    switch error {
    case .keyNotFound(let key, let context):
      return FieldError(
        .required, FieldPath(codingPath: context.codingPath + [key]), "",
        line: node?.mark?.line)
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .dataCorrupted(let context):
      let path = FieldPath(codingPath: context.codingPath)
      return FieldError(.invalid, path, context.debugDescription, line: node?.mark?.line)
    @unknown default:
      return FieldError(.invalid, .root, "\(error)", line: node?.mark?.line)
    }
  }
}

/// A coding key that knows whether it names a struct field or a map entry, so that paths print
/// as `labels[app]` rather than `labels.app`.
struct PathKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  var isMapKey: Bool

  init(stringValue: String) {
    self.stringValue = stringValue
    self.isMapKey = false
  }

  init(intValue: Int) {
    self.stringValue = String(intValue)
    self.intValue = intValue
    self.isMapKey = false
  }

  init(mapKey: String) {
    self.stringValue = mapKey
    self.isMapKey = true
  }
}

extension FieldPath {
  public init(codingPath: [CodingKey]) {
    self.init(
      codingPath.map { key in
        if let pathKey = key as? PathKey, pathKey.isMapKey { return .key(pathKey.stringValue) }
        if let i = key.intValue { return .index(i) }
        return .field(key.stringValue)
      })
  }
}

extension Yams.Node {
  /// What the node is, for messages: "a string", "a list", ...
  var kindDescription: String {
    switch self {
    case .mapping: return "an object"
    case .sequence: return "a list"
    case .alias: return "an alias"
    case .scalar(let scalar):
      switch scalar.resolvedKind {
      case .null: return "null"
      case .bool: return "a boolean"
      case .int: return "an integer"
      case .float: return "a number"
      case .string: return "a string"
      }
    }
  }
}

enum ScalarKind { case null, bool, int, float, string }

extension Yams.Node.Scalar {
  /// The JSON type this scalar has after Kubernetes' YAML-to-JSON step: quoted scalars are
  /// strings, plain ones are resolved as YAML 1.1 does (`true`, `yes`, `12`, `1.5`, `~`).
  var resolvedKind: ScalarKind {
    if style != .plain && style != .any { return .string }
    let explicit = tag.description
    if explicit != Tag.Name.implicit.rawValue && explicit != Tag.Name.nonSpecific.rawValue
      && explicit != Tag.Name.str.rawValue
    {
      switch explicit {
      case Tag.Name.null.rawValue: return .null
      case Tag.Name.bool.rawValue: return .bool
      case Tag.Name.int.rawValue: return .int
      case Tag.Name.float.rawValue: return .float
      default: break
      }
    }
    return ScalarResolution.kind(ofPlain: string)
  }
}
