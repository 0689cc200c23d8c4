/// The API server's `metav1.Status`: what it answers instead of an object when a request fails
/// (and on some deletes), with a machine-readable reason and the fields at fault.
public struct APIStatus: Codable, Sendable, Equatable {
  public var kind: String?
  public var apiVersion: String?
  /// `Success` or `Failure`.
  public var status: String?
  public var message: String?
  /// The machine-readable reason: `NotFound`, `AlreadyExists`, `Conflict`, `Expired`, ...
  public var reason: String?
  public var details: Details?
  public var code: Int?

  public init(
    status: String? = "Failure", message: String? = nil, reason: String? = nil, details: Details? = nil,
    code: Int? = nil
  ) {
    self.kind = "Status"
    self.apiVersion = "v1"
    self.status = status
    self.message = message
    self.reason = reason
    self.details = details
    self.code = code
  }

  /// The object the status is about and the causes, field by field.
  public struct Details: Codable, Sendable, Equatable {
    public var name: String?
    public var group: String?
    public var kind: String?
    public var uid: String?
    public var causes: [Cause]?
    public var retryAfterSeconds: Int?

    public init(
      name: String? = nil, group: String? = nil, kind: String? = nil, causes: [Cause]? = nil,
      retryAfterSeconds: Int? = nil
    ) {
      self.name = name
      self.group = group
      self.kind = kind
      self.causes = causes
      self.retryAfterSeconds = retryAfterSeconds
    }
  }

  /// One reason a request failed, with the field it concerns.
  public struct Cause: Codable, Sendable, Equatable {
    public var reason: String?
    public var message: String?
    public var field: String?

    public init(reason: String? = nil, message: String? = nil, field: String? = nil) {
      self.reason = reason
      self.message = message
      self.field = field
    }
  }
}
