/// One problem with one field of an object, in the vocabulary of the Kubernetes API server's
/// field errors (`Required value`, `Invalid value`, `Unsupported value`, ...), so that a user
/// who knows `kubectl apply` reads it at a glance.
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Kind: String, Hashable, Sendable {
    case required = "Required value"
    case invalid = "Invalid value"
    case unsupported = "Unsupported value"
    case forbidden = "Forbidden"
    case tooLong = "Too long"
    case tooMany = "Too many"
    case duplicate = "Duplicate value"
    case typeMismatch = "Invalid type"
    /// A field the type does not have: a warning, as with `kubectl apply`'s strict field
    /// validation, never an error.
    case unknownField = "unknown field"
  }

  public var kind: Kind
  public var path: FieldPath
  /// The offending value as the user wrote it, when there is one.
  public var value: String?
  /// What was expected, as a sentence fragment: `must be one of "In", "NotIn"`.
  public var detail: String
  /// The 1-based line in the source document, when known.
  public var line: Int?

  public init(_ kind: Kind, _ path: FieldPath, value: String? = nil, _ detail: String, line: Int? = nil) {
    self.kind = kind
    self.path = path
    self.value = value
    self.detail = detail
    self.line = line
  }

  public static func required(_ path: FieldPath, _ detail: String = "") -> FieldError {
    FieldError(.required, path, detail)
  }

  public static func invalid(_ path: FieldPath, _ value: String, _ detail: String) -> FieldError {
    FieldError(.invalid, path, value: value, detail)
  }

  public static func unsupported(_ path: FieldPath, _ value: String, supported: [String])
    -> FieldError
  {
    FieldError(
      .unsupported, path, value: value,
      "supported values: " + supported.map { "\"\($0)\"" }.joined(separator: ", "))
  }

  public static func forbidden(_ path: FieldPath, _ detail: String) -> FieldError {
    FieldError(.forbidden, path, detail)
  }

  public static func tooMany(_ path: FieldPath, actual: Int, max: Int) -> FieldError {
    FieldError(.tooMany, path, value: String(actual), "must have at most \(max) items")
  }

  public static func tooLong(_ path: FieldPath, max: Int) -> FieldError {
    FieldError(.tooLong, path, "may not be longer than \(max)")
  }

  /// The longest value a message echoes whole; longer ones are cut (a 10 MB label value would
  /// otherwise be printed in full).
  public static let maxEchoedValueLength = 256

  /// `text`, cut to `limit` characters and marked "...(truncated)" when longer.
  public static func truncated(_ text: String, to limit: Int = maxEchoedValueLength) -> String {
    var count = 0
    var end = text.startIndex
    while end < text.endIndex {
      if count == limit { return String(text[..<end]) + "...(truncated)" }
      end = text.index(after: end)
      count += 1
    }
    return text
  }

  /// `spec.weight: Invalid value: "0": must be between 1 and 100`.
  public var description: String {
    var out = "\(Self.truncated(path.description, to: 2 * Self.maxEchoedValueLength)): \(kind.rawValue)"
    if let value { out += ": \"\(Self.truncated(value))\"" }
    if !detail.isEmpty { out += ": \(Self.truncated(detail, to: 4 * Self.maxEchoedValueLength))" }
    return out
  }
}

/// Collects field errors while walking one object; validators append, callers read.
public struct FieldErrors: Sendable {
  public private(set) var all: [FieldError] = []

  public init() {}

  public var isEmpty: Bool { all.isEmpty }

  public mutating func append(_ error: FieldError) {
    all.append(error)
  }

  public mutating func append(contentsOf errors: [FieldError]) {
    all.append(contentsOf: errors)
  }
}
