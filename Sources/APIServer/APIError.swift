/// The `reason` of a failed request, as the real API server names it in its Status bodies;
/// clients (kubectl, client-go, the Python client) branch on it.
public enum StatusReason: String, Sendable, Hashable {
  case notFound = "NotFound"
  case alreadyExists = "AlreadyExists"
  case conflict = "Conflict"
  case invalid = "Invalid"
  case badRequest = "BadRequest"
  /// 410: a resource version or continue token older than the history kept.
  case expired = "Expired"
  case gone = "Gone"
  case methodNotAllowed = "MethodNotAllowed"
  case tooManyRequests = "TooManyRequests"
  case forbidden = "Forbidden"
  case internalError = "InternalError"
  case unsupportedMediaType = "UnsupportedMediaType"
  case notAcceptable = "NotAcceptable"
}

/// One reason a request failed, tied to a field when there is one (a `StatusCause`).
public struct FieldCause: Sendable, Hashable {
  /// The machine-readable reason, e.g. "FieldValueRequired", "FieldValueInvalid", "DisruptionBudget".
  public var reason: String
  public var message: String
  /// The field path, e.g. "spec.template.spec.containers[0].name"; empty when none.
  public var field: String

  public init(reason: String = "FieldValueInvalid", message: String, field: String = "") {
    self.reason = reason
    self.message = message
    self.field = field
  }
}

/// A request the API server refuses: the HTTP code, the reason and the message the real
/// server sends, so that clients print and branch exactly as they would against a cluster.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
  public var code: Int
  public var reason: StatusReason
  public var message: String
  /// The object's name, when the failure is about one object.
  public var name: String?
  public var group: String?
  /// The resource (e.g. "pods") or kind (e.g. "Pod" for Invalid) the failure is about.
  public var kind: String?
  public var causes: [FieldCause]
  /// Seconds a client should wait before retrying (429s).
  public var retryAfterSeconds: Int?

  public init(
    code: Int, reason: StatusReason, message: String, name: String? = nil, group: String? = nil,
    kind: String? = nil, causes: [FieldCause] = [], retryAfterSeconds: Int? = nil
  ) {
    self.code = code
    self.reason = reason
    self.message = message
    self.name = name
    self.group = group
    self.kind = kind
    self.causes = causes
    self.retryAfterSeconds = retryAfterSeconds
  }

  public var description: String { "the API server refused the request (\(code) \(reason.rawValue)): \(message)" }

  /// The `v1 Status` body the real server sends with this error.
  public func status() -> JSON {
    var body: JSON = [
      "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
      "message": .string(message), "reason": .string(reason.rawValue), "code": .int(Int64(code)),
    ]
    var details: [String: JSON] = [:]
    if let name { details["name"] = .string(name) }
    if let group, !group.isEmpty { details["group"] = .string(group) }
    if let kind { details["kind"] = .string(kind) }
    if !causes.isEmpty {
      details["causes"] = .array(
        causes.map { cause in
          var c: [String: JSON] = ["reason": .string(cause.reason), "message": .string(cause.message)]
          if !cause.field.isEmpty { c["field"] = .string(cause.field) }
          return .object(c)
        })
    }
    if let retryAfterSeconds { details["retryAfterSeconds"] = .int(Int64(retryAfterSeconds)) }
    if !details.isEmpty { body["details"] = .object(details) }
    return body
  }
}

extension APIError {
  /// `pods "x" not found`.
  public static func notFound(_ type: ResourceType, name: String) -> APIError {
    APIError(
      code: 404, reason: .notFound, message: "\(type.groupResource) \"\(name)\" not found", name: name,
      group: type.group, kind: type.plural)
  }

  /// `pods "x" already exists`.
  public static func alreadyExists(_ type: ResourceType, name: String) -> APIError {
    APIError(
      code: 409, reason: .alreadyExists, message: "\(type.groupResource) \"\(name)\" already exists", name: name,
      group: type.group, kind: type.plural)
  }

  /// The optimistic-concurrency conflict on a stale resourceVersion.
  public static func conflict(_ type: ResourceType, name: String, detail: String? = nil) -> APIError {
    let why = detail ?? "the object has been modified; please apply your changes to the latest version and try again"
    return APIError(
      code: 409, reason: .conflict, message: "Operation cannot be fulfilled on \(type.groupResource) \"\(name)\": \(why)",
      name: name, group: type.group, kind: type.plural)
  }

  /// `Pod "x" is invalid: spec.containers: Required value`, with one cause per field.
  public static func invalid(_ type: ResourceType, name: String, causes: [FieldCause]) -> APIError {
    let summary: String
    let parts = causes.map { $0.field.isEmpty ? $0.message : "\($0.field): \($0.message)" }
    if parts.count == 1 {
      summary = parts[0]
    } else {
      summary = "[" + parts.joined(separator: ", ") + "]"
    }
    return APIError(
      code: 422, reason: .invalid, message: "\(type.kind) \"\(name)\" is invalid: \(summary)", name: name,
      group: type.group, kind: type.kind, causes: causes)
  }

  public static func badRequest(_ message: String) -> APIError {
    APIError(code: 400, reason: .badRequest, message: message)
  }

  /// 410 for a watch or list from a resource version the history no longer reaches.
  public static func expired(_ message: String) -> APIError {
    APIError(code: 410, reason: .expired, message: message)
  }

  public static func methodNotAllowed(_ message: String) -> APIError {
    APIError(code: 405, reason: .methodNotAllowed, message: message)
  }

  public static func internalError(_ message: String) -> APIError {
    APIError(code: 500, reason: .internalError, message: "Internal error occurred: \(message)")
  }

  public static func unsupportedMediaType(_ message: String) -> APIError {
    APIError(code: 415, reason: .unsupportedMediaType, message: message)
  }
}
