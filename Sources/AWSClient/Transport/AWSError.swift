/// A failed AWS call: the service's own error, an unreadable answer, or a transport failure.
///
/// `description` is a sentence for people, for example
/// `EC2 DescribeInstances failed: AuthFailure: AWS was not able to validate the provided access
/// credentials (HTTP 401, request 1234)`. No field ever holds a secret or a session token.
public struct AWSError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is.
  public enum Kind: Sendable, Hashable {
    /// The service answered with an error code.
    case service
    /// The answer could not be read (HTML instead of XML, malformed XML or JSON, missing fields).
    case malformedResponse
    /// No answer: connection refused, reset, timed out.
    case transport
    /// No credentials could be had.
    case credentials
  }

  public var kind: Kind
  /// `EC2`, `SSM`, `IAM`, `SQS`, `STS`, `Pricing`, `EKS`.
  public var service: String
  public var operation: String
  /// The HTTP status, nil when there was no answer.
  public var statusCode: Int?
  /// AWS's error code (`AuthFailure`, `InvalidInstanceID.NotFound`, `ThrottlingException`).
  public var code: String?
  public var message: String
  public var requestID: String?
  /// How many attempts were made before giving up.
  public var attempts: Int

  public init(
    kind: Kind, service: String, operation: String, statusCode: Int? = nil, code: String? = nil,
    message: String, requestID: String? = nil, attempts: Int = 1
  ) {
    self.kind = kind
    self.service = service
    self.operation = operation
    self.statusCode = statusCode
    self.code = code
    self.message = message
    self.requestID = requestID
    self.attempts = attempts
  }

  /// Whether the service said the caller is going too fast.
  public var isThrottling: Bool { code.map(AWSRetryPolicy.throttlingCodes.contains) ?? false }

  public var description: String {
    var text = "\(service) \(operation) failed: "
    if let code { text += "\(code): " }
    text += message
    var details: [String] = []
    if let statusCode { details.append("HTTP \(statusCode)") }
    if let requestID, !requestID.isEmpty { details.append("request \(requestID)") }
    if attempts > 1 { details.append("after \(attempts) attempts") }
    if !details.isEmpty { text += " (\(details.joined(separator: ", ")))" }
    return text
  }
}
