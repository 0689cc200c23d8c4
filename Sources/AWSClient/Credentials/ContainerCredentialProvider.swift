import Foundation

/// The container credentials endpoint: ECS task roles and EKS Pod Identity.
///
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` is appended to `http://169.254.170.2`;
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI` is used as is. The `Authorization` header is the content
/// of `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (Pod Identity mounts one), else
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
public struct ContainerCredentialProvider: AWSCredentialProvider {
  public let url: String
  let token: String?
  let tokenFile: String?
  let transport: any AWSHTTPTransport
  public var name: String { "container credentials endpoint \(url)" }

  /// Nil when neither URI variable is set.
  public init?(environment: [String: String], transport: any AWSHTTPTransport) {
    if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !relative.isEmpty {
      url = "http://169.254.170.2" + (relative.hasPrefix("/") ? relative : "/" + relative)
    } else if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty {
      url = full
    } else {
      return nil
    }
    token = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    tokenFile = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    self.transport = transport
  }

  /// Whether the SDKs would call this URL: any `https` URL, or `http` only to a loopback address or
  /// the ECS/EKS link-local addresses (so a wrong variable cannot send the token elsewhere).
  public static func isAllowed(_ url: String) -> Bool {
    let lower = url.lowercased()
    if lower.hasPrefix("https://") { return true }
    guard lower.hasPrefix("http://") else { return false }
    let rest = lower.dropFirst("http://".count)
    let authority = rest.prefix { $0 != "/" && $0 != "?" }
    var host = String(authority)
    if host.hasPrefix("[") {
      host = String(host.dropFirst().prefix { $0 != "]" })
    } else if let colon = host.lastIndex(of: ":") {
      host = String(host[..<colon])
    }
    return host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "169.254.170.2"
      || host == "169.254.170.23" || host == "fd00:ec2::23"
  }

  public func credentials() async throws -> AWSCredentials {
    guard Self.isAllowed(url) else {
      throw AWSCredentialsError(
        source: name, message: "plain http is only allowed to loopback and the ECS/EKS link-local addresses.")
    }
    var headers: [(String, String)] = []
    if let tokenFile {
      guard let data = FileManager.default.contents(atPath: tokenFile) else {
        throw AWSCredentialsError(
          source: name, message: "the authorization token file \(tokenFile) cannot be read.")
      }
      headers.append(
        (
          "Authorization",
          String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        ))
    } else if let token {
      headers.append(("Authorization", token))
    }
    let response: AWSHTTPResponse
    do {
      response = try await transport.send(
        AWSHTTPRequest(method: "GET", url: url, headers: headers), timeout: .seconds(5))
    } catch {
      throw AWSCredentialsError(source: name, message: "the endpoint cannot be reached: \(error)")
    }
    guard response.status == 200 else {
      throw AWSCredentialsError(source: name, message: "the endpoint answered HTTP \(response.status).")
    }
    return try IMDSCredentialProvider.parseCredentialsJSON(response.body, source: name)
  }
}
