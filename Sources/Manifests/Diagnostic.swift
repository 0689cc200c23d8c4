import ManifestCoding

/// Where a document came from: the file, its position among the file's documents, and the
/// line it starts on.
public struct DocumentLocation: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  /// 1-based index of the document in its file; 0 for the file as a whole.
  public var document: Int
  public var line: Int?

  public init(file: String, document: Int, line: Int? = nil) {
    self.file = file
    self.document = document
    self.line = line
  }

  public var description: String { "\(file): document \(document)" }
}

/// One message about the input: an error that makes it invalid, or a warning that does not.
///
/// Its description reads as `kubectl apply` reports a rejected object, prefixed with where
/// the object is: `nodepool.yaml: document 2 (NodePool "default"), line 14:
/// spec.weight: Invalid value: "0": must be between 1 and 100`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable { case error, warning }

  public var severity: Severity
  public var location: DocumentLocation
  /// `NodePool "default"`, when the document got that far.
  public var object: String?
  /// The field the message is about, when there is one.
  public var field: FieldError?
  /// The message when no field is concerned.
  public var message: String?

  public init(
    _ severity: Severity, at location: DocumentLocation, object: String? = nil,
    field: FieldError? = nil, message: String? = nil
  ) {
    self.severity = severity
    self.location = location
    self.object = object
    self.field = field
    self.message = message
  }

  public var line: Int? { field?.line ?? location.line }

  public var description: String {
    // Document 0 is the file as a whole (it could not be read).
    var out = location.document > 0 ? "\(location.file): document \(location.document)" : location.file
    if let object { out += " (\(Self.truncated(object)))" }
    if let line { out += ", line \(line)" }
    out += ": "
    if severity == .warning { out += "warning: " }
    if let field { out += field.description } else { out += Self.truncated(message ?? "", to: 4096) }
    return out
  }
}

extension Diagnostic {
  /// `text`, cut to `limit` characters with "...(truncated)" when longer, so that a 10 MB value
  /// is not echoed whole.
  public static func truncated(_ text: String, to limit: Int = FieldError.maxEchoedValueLength) -> String {
    FieldError.truncated(text, to: limit)
  }
}
