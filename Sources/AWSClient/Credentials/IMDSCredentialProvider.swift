import Foundation

/// The EC2 instance metadata service, version 2: a PUT for a session token, then the role name
/// and the role's credentials, each with a short timeout (an instance answers in milliseconds;
/// elsewhere the address is a black hole).
///
/// `AWS_EC2_METADATA_SERVICE_ENDPOINT` overrides `http://169.254.169.254`.
public struct IMDSCredentialProvider: AWSCredentialProvider {
  public let endpoint: String
  let transport: any AWSHTTPTransport
  let timeout: Duration
  public var name: String { "instance metadata service \(endpoint)" }

  public init(environment: [String: String], transport: any AWSHTTPTransport, timeout: Duration = .seconds(1))
  {
    let configured = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
    var endpoint = configured ?? "http://169.254.169.254"
    while endpoint.hasSuffix("/") { endpoint.removeLast() }
    self.endpoint = endpoint
    self.transport = transport
    self.timeout = timeout
  }

  /// Whether `AWS_EC2_METADATA_DISABLED` turns the service off.
  public static func isDisabled(environment: [String: String]) -> Bool {
    environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true"
  }

  public func credentials() async throws -> AWSCredentials {
    let token = try await fetch(
      "PUT", "/latest/api/token", headers: [("X-aws-ec2-metadata-token-ttl-seconds", "21600")])
    let auth = [("X-aws-ec2-metadata-token", String(decoding: token, as: UTF8.self))]
    let roles = try await fetch("GET", "/latest/meta-data/iam/security-credentials/", headers: auth)
    guard let role = String(decoding: roles, as: UTF8.self).split(whereSeparator: \.isNewline).first else {
      throw AWSCredentialsError(source: name, message: "the instance has no IAM role.")
    }
    let body = try await fetch("GET", "/latest/meta-data/iam/security-credentials/\(role)", headers: auth)
    return try Self.parseCredentialsJSON(body, source: name)
  }

  private func fetch(_ method: String, _ path: String, headers: [(String, String)]) async throws -> Data {
    let response: AWSHTTPResponse
    do {
      response = try await transport.send(
        AWSHTTPRequest(method: method, url: endpoint + path, headers: headers), timeout: timeout)
    } catch {
      throw AWSCredentialsError(source: name, message: "\(method) \(path) failed: \(error)")
    }
    guard response.status == 200 else {
      throw AWSCredentialsError(source: name, message: "\(method) \(path) answered HTTP \(response.status).")
    }
    return response.body
  }

  /// `{"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}` as IMDS and the container
  /// endpoint write it.
  static func parseCredentialsJSON(_ data: Data, source: String) throws -> AWSCredentials {
    guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
      let id = object["AccessKeyId"] as? String, let secret = object["SecretAccessKey"] as? String
    else {
      throw AWSCredentialsError(
        source: source, message: "the answer is not JSON with AccessKeyId and SecretAccessKey.")
    }
    return AWSCredentials(
      accessKeyID: id, secretAccessKey: secret, sessionToken: object["Token"] as? String,
      expiration: (object["Expiration"] as? String).flatMap(ISO8601.parse))
  }
}
