import Foundation
import Logging

/// IRSA: exchanges the token in `AWS_WEB_IDENTITY_TOKEN_FILE` for role credentials with STS
/// AssumeRoleWithWebIdentity (an unsigned call). The file is read again on every refresh because
/// the kubelet rotates it.
public struct WebIdentityCredentialProvider: AWSCredentialProvider {
  public let roleARN: String
  public let tokenFile: String
  public let sessionName: String
  let sts: QueryProtocol
  public var name: String { "web identity (role \(roleARN))" }

  /// - Parameter stsEndpoint: the regional STS endpoint (see ``AWSEndpoint/resolve(_:region:environment:)``).
  public init(
    roleARN: String, tokenFile: String, sessionName: String?, stsEndpoint: AWSEndpoint,
    transport: any AWSHTTPTransport, logger: Logger
  ) {
    self.roleARN = roleARN
    self.tokenFile = tokenFile
    self.sessionName =
      sessionName.flatMap { $0.isEmpty ? nil : $0 } ?? "karpenter-\(Int(Date().timeIntervalSince1970))"
    let requester = AWSRequester(
      service: .sts, endpoint: stsEndpoint,
      credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "", secretAccessKey: "")),
      transport: transport, logger: logger, errorFormat: .xml)
    self.sts = QueryProtocol(requester: requester, version: "2011-06-15")
  }

  public func credentials() async throws -> AWSCredentials {
    guard let data = FileManager.default.contents(atPath: tokenFile), !data.isEmpty else {
      throw AWSCredentialsError(
        source: name, message: "the token file \(tokenFile) cannot be read or is empty.")
    }
    let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    var parameters = QueryParameters()
    parameters.set("RoleArn", roleARN)
    parameters.set("RoleSessionName", sessionName)
    parameters.set("WebIdentityToken", token)
    let result: XMLNode
    do {
      result = try await sts.callForResult("AssumeRoleWithWebIdentity", parameters, signed: false)
    } catch {
      throw AWSCredentialsError(source: name, message: "\(error)")
    }
    return try Self.credentials(from: result["Credentials"], source: name)
  }

  /// Reads the `<Credentials>` element of STS's AssumeRole* answers.
  static func credentials(from node: XMLNode?, source: String) throws -> AWSCredentials {
    guard let node, let id = node.string("AccessKeyId"), let secret = node.string("SecretAccessKey") else {
      throw AWSCredentialsError(source: source, message: "STS answered without Credentials.")
    }
    return AWSCredentials(
      accessKeyID: id, secretAccessKey: secret, sessionToken: node.string("SessionToken"),
      expiration: node.string("Expiration").flatMap(ISO8601.parse))
  }
}
