import Foundation

/// An access key pair, with a session token and an expiry when temporary.
///
/// `description` and `debugDescription` show only the access key id and the expiry: the secret
/// and the token must never reach a log, an error or a test failure message.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
  public var accessKeyID: String
  public var secretAccessKey: String
  public var sessionToken: String?
  /// When temporary credentials stop working; nil for long-term keys.
  public var expiration: Date?

  public init(
    accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil
  ) {
    self.accessKeyID = accessKeyID
    self.secretAccessKey = secretAccessKey
    self.sessionToken = sessionToken
    self.expiration = expiration
  }

  public var description: String {
    var text = "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>"
    if sessionToken != nil { text += ", sessionToken: <redacted>" }
    if let expiration { text += ", expiration: \(expiration)" }
    return text + ")"
  }

  public var debugDescription: String { description }

  /// Whether these credentials expire within `margin` of `now`.
  public func expires(within margin: TimeInterval, of now: Date) -> Bool {
    guard let expiration else { return false }
    return expiration.timeIntervalSince(now) <= margin
  }
}

/// Something that hands out credentials: a fixed pair, a file, an endpoint, or a chain of these.
public protocol AWSCredentialProvider: Sendable {
  /// A short name for messages (`environment`, `web identity`, `profile default`, `IMDS`).
  var name: String { get }
  func credentials() async throws -> AWSCredentials
  /// AWS said the credentials expired (or the clock skewed past them): the next call fetches
  /// fresh ones. Providers without a cache have nothing to forget.
  func invalidate() async
}

extension AWSCredentialProvider {
  public func invalidate() async {}
}

/// Always the same credentials (from the environment, a profile, or a test).
public struct StaticCredentialProvider: AWSCredentialProvider {
  public let name: String
  private let value: AWSCredentials

  public init(_ credentials: AWSCredentials, name: String = "static") {
    self.value = credentials
    self.name = name
  }

  public func credentials() async throws -> AWSCredentials { value }
}

/// Why credentials could not be had; the message names the source and never holds a secret.
public struct AWSCredentialsError: Error, Sendable, CustomStringConvertible {
  public var source: String
  public var message: String

  public init(source: String, message: String) {
    self.source = source
    self.message = message
  }

  public var description: String { "Could not get AWS credentials from \(source): \(message)" }
}

/// Dates as the credential endpoints write them (`2026-11-30T07:00:00Z`, with or without fractions).
enum ISO8601 {
  static func parse(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }

  static func format(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }
}
