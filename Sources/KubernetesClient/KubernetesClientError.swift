import Foundation

/// A request the API server refused or that could not be made, with everything needed to say
/// which: the verb, the resource, the server and kubeconfig context, the HTTP status and the
/// server's `Status` when it sent one, and the underlying error. It never holds a credential.
public struct KubernetesClientError: Error, CustomStringConvertible {
  /// What went wrong, so callers can branch without reading text.
  public enum Kind: Sendable, Equatable {
    /// The server answered with a non-success HTTP status.
    case status
    /// The server could not be reached or the connection failed mid-request.
    case transport
    /// The server's answer was not what the client expected (not JSON, too large, no object).
    case invalidResponse
    /// The object to send could not be encoded.
    case encoding
    /// The client could not be set up (TLS material, credentials).
    case configuration
    /// The request took longer than its timeout.
    case timeout
  }

  public var kind: Kind
  public var verb: Verb
  public var resource: ResourcePath?
  /// The API server's URL, as the configuration names it.
  public var server: String
  /// The kubeconfig context the client was made from, when there was one.
  public var context: String?
  /// The HTTP status code, for `.status`.
  public var statusCode: Int?
  /// The `Status` object the server sent with a failure, when it sent one.
  public var status: APIStatus?
  /// What the client could tell about the failure in words (the transport error, what was wrong
  /// with the answer); never a credential.
  public var detail: String?
  /// For a 401: which credential the server rejected, such as `the bearer token` or `the exec
  /// plugin "aws"` (never its value).
  public var credential: String?
  /// The error beneath, when there was one.
  public var underlying: (any Error)?

  public init(
    kind: Kind, verb: Verb, resource: ResourcePath?, server: String, context: String?, statusCode: Int? = nil,
    status: APIStatus? = nil, detail: String? = nil, credential: String? = nil, underlying: (any Error)? = nil
  ) {
    self.kind = kind
    self.verb = verb
    self.resource = resource
    self.server = server
    self.context = context
    self.statusCode = statusCode
    self.status = status
    self.detail = detail
    self.credential = credential
    self.underlying = underlying
  }

  /// The verbs of the API, for saying what could not be done.
  public enum Verb: String, Sendable {
    case get, list, watch, create, update, patch, delete, evict
    case updateStatus = "update the status of"
  }

  /// `Status.reason`, or the reason the HTTP status implies when the server sent no Status.
  public var reason: String? {
    if let reason = status?.reason, !reason.isEmpty { return reason }
    switch statusCode {
    case 400: return "BadRequest"
    case 401: return "Unauthorized"
    case 403: return "Forbidden"
    case 404: return "NotFound"
    case 405: return "MethodNotAllowed"
    case 409: return "Conflict"
    case 410: return "Expired"
    case 415: return "UnsupportedMediaType"
    case 422: return "Invalid"
    case 429: return "TooManyRequests"
    case 500: return "InternalError"
    case 503: return "ServiceUnavailable"
    case 504: return "Timeout"
    default: return nil
    }
  }

  public var isNotFound: Bool { kind == .status && (reason == "NotFound" || statusCode == 404) }
  /// A write lost a race: the object changed since it was read (409 Conflict).
  public var isConflict: Bool { kind == .status && statusCode == 409 && reason != "AlreadyExists" }
  public var isAlreadyExists: Bool { kind == .status && reason == "AlreadyExists" }
  /// The resource version asked for is no longer held (410 Gone / `Expired`): list again.
  public var isGone: Bool {
    kind == .status && (statusCode == 410 || reason == "Expired" || reason == "Gone")
  }
  public var isTooManyRequests: Bool { kind == .status && statusCode == 429 }
  public var isUnauthorized: Bool { kind == .status && statusCode == 401 }
  public var isForbidden: Bool { kind == .status && statusCode == 403 }
  public var isInvalid: Bool { kind == .status && statusCode == 422 }

  /// `cannot list pods in namespace "default" on https://1.2.3.4:6443 (context "prod"):
  /// Forbidden (403): pods is forbidden: ...`
  public var description: String {
    let action = "cannot \(verb.rawValue) \(resource.map { String(describing: $0) } ?? "the API")"
    let location = server + (context.map { " (context \"\($0)\")" } ?? "")
    switch kind {
    case .status:
      var text = "\(action) on \(location): "
      if statusCode == 401, let credential {
        text += "the server rejected \(credential) (Unauthorized, 401); expired or revoked?"
      } else if statusCode == 401 {
        text += "the server requires credentials and the context has none (Unauthorized, 401)"
      } else {
        text += "\(reason ?? "HTTP") (\(statusCode.map(String.init) ?? "?"))"
      }
      if let message = status?.message, !message.isEmpty {
        text += ": \(message)"
      } else if let detail {
        text += ": \(detail)"
      }
      let causes = (status?.details?.causes ?? []).compactMap { cause -> String? in
        guard let message = cause.message else { return nil }
        return cause.field.map { "\($0): \(message)" } ?? message
      }
      // The message usually repeats the causes; add those it does not mention.
      let missing = causes.filter { !(status?.message ?? "").contains($0) }
      if !missing.isEmpty { text += " (" + missing.joined(separator: "; ") + ")" }
      return text
    case .transport:
      return "\(action): cannot reach \(location): \(detail ?? "the connection failed")"
    case .timeout:
      return "\(action) on \(location): \(detail ?? "no answer in time")"
    case .invalidResponse:
      return "\(action) on \(location): the server's answer \(detail ?? "was not understood")"
    case .encoding:
      return "\(action) on \(location): cannot encode the object: \(detail ?? "unknown error")"
    case .configuration:
      return "cannot set up a client for \(location): \(detail ?? "unknown error")"
    }
  }
}

extension Error {
  /// Whether this is a `KubernetesClientError` answering 404.
  public var isKubernetesNotFound: Bool { (self as? KubernetesClientError)?.isNotFound ?? false }
}
