import Foundation
import Logging

/// The AWS SDKs' default credential chain, over an injected environment and home directory.
///
/// Order (the first source that is configured wins; later ones are not tried):
/// 1. environment: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`;
/// 2. web identity: `AWS_ROLE_ARN` + `AWS_WEB_IDENTITY_TOKEN_FILE` (+ `AWS_ROLE_SESSION_NAME`);
/// 3. shared files: the `AWS_PROFILE` (or `default`) profile's keys or `credential_process`;
/// 4. container endpoint: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` / `_FULL_URI` (EKS Pod Identity);
/// 5. IMDSv2, unless `AWS_EC2_METADATA_DISABLED=true`.
public enum CredentialChain {
  /// The provider the chain picks, wrapped in a ``CachingCredentialProvider``.
  ///
  /// - Parameter region: used for the STS endpoint of web identity.
  public static func resolve(
    environment: [String: String], home: String?, region: String, transport: any AWSHTTPTransport,
    logger: Logger = Logger(label: "aws.credentials")
  ) throws -> CachingCredentialProvider {
    let base = try select(
      environment: environment, home: home, region: region, transport: transport, logger: logger)
    logger.debug("AWS credentials source", metadata: ["aws.credentials.source": "\(base.name)"])
    return CachingCredentialProvider(base)
  }

  /// The first configured source, not cached.
  public static func select(
    environment env: [String: String], home: String?, region: String, transport: any AWSHTTPTransport,
    logger: Logger = Logger(label: "aws.credentials")
  ) throws -> any AWSCredentialProvider {
    func value(_ key: String) -> String? { env[key].flatMap { $0.isEmpty ? nil : $0 } }
    if let id = value("AWS_ACCESS_KEY_ID") {
      guard let secret = value("AWS_SECRET_ACCESS_KEY") else {
        throw AWSCredentialsError(
          source: "environment", message: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not.")
      }
      return StaticCredentialProvider(
        AWSCredentials(accessKeyID: id, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN")),
        name: "environment")
    }
    if let role = value("AWS_ROLE_ARN"), let tokenFile = value("AWS_WEB_IDENTITY_TOKEN_FILE") {
      return WebIdentityCredentialProvider(
        roleARN: role, tokenFile: tokenFile, sessionName: value("AWS_ROLE_SESSION_NAME"),
        stsEndpoint: AWSEndpoint.resolve(.sts, region: region, environment: env), transport: transport,
        logger: logger)
    }
    let files = SharedConfigFiles.load(environment: env, home: home)
    let profile = SharedConfigFiles.profileName(environment: env)
    if let provider = ProfileCredentials.provider(profile: profile, files: files) {
      return provider
    }
    if value("AWS_PROFILE") != nil {
      throw AWSCredentialsError(
        source: "profile \(profile)",
        message: "AWS_PROFILE names a profile without keys or credential_process.")
    }
    if let container = ContainerCredentialProvider(environment: env, transport: transport) {
      return container
    }
    if !IMDSCredentialProvider.isDisabled(environment: env) {
      return IMDSCredentialProvider(environment: env, transport: transport)
    }
    throw AWSCredentialsError(
      source: "the default chain",
      message:
        "no source is configured (environment, web identity, shared files, container endpoint; IMDS is disabled)."
    )
  }
}
