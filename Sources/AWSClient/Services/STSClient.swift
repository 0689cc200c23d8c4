/// Who the credentials belong to.
public struct STSCallerIdentity: Sendable, Hashable {
  public var account: String
  public var arn: String
  public var userID: String

  public init(
    account: String, arn: String, userID: String
  ) {
    self.account = account
    self.arn = arn
    self.userID = userID
  }
}

/// STS over the Query protocol (API version 2011-06-15), on the regional endpoint.
public struct STSClient: Sendable {
  public let query: QueryProtocol

  public init(requester: AWSRequester) {
    self.query = QueryProtocol(requester: requester, version: "2011-06-15")
  }

  public func getCallerIdentity() async throws -> STSCallerIdentity {
    let result = try await query.callForResult("GetCallerIdentity")
    return STSCallerIdentity(
      account: try query.require(result.string("Account"), "Account", operation: "GetCallerIdentity"),
      arn: result.string("Arn") ?? "", userID: result.string("UserId") ?? "")
  }

  /// Exchanges an OIDC token for role credentials; the call is not signed.
  public func assumeRoleWithWebIdentity(
    roleARN: String, sessionName: String, webIdentityToken: String, durationSeconds: Int? = nil
  ) async throws -> AWSCredentials {
    var p = QueryParameters()
    p.set("RoleArn", roleARN)
    p.set("RoleSessionName", sessionName)
    p.set("WebIdentityToken", webIdentityToken)
    p.set("DurationSeconds", durationSeconds)
    let result = try await query.callForResult("AssumeRoleWithWebIdentity", p, signed: false)
    do {
      return try WebIdentityCredentialProvider.credentials(from: result["Credentials"], source: "STS")
    } catch {
      throw AWSError(
        kind: .malformedResponse, service: "STS", operation: "AssumeRoleWithWebIdentity",
        message: "the answer has no Credentials")
    }
  }
}
