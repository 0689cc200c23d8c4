import Foundation

/// The region: `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`; IMDS on request.
public enum RegionResolver {
  /// Nil when none of the environment and shared-file sources names a region.
  public static func resolve(environment env: [String: String], home: String?) -> String? {
    for key in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
      if let region = env[key], !region.isEmpty { return region }
    }
    let files = SharedConfigFiles.load(environment: env, home: home)
    return files.profiles[SharedConfigFiles.profileName(environment: env)]?["region"]
      .flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The instance's region from IMDSv2 (`/latest/meta-data/placement/region`), nil when IMDS is
  /// disabled or does not answer within the timeout.
  public static func resolveFromIMDS(
    environment: [String: String], transport: any AWSHTTPTransport, timeout: Duration = .seconds(1)
  ) async -> String? {
    guard !IMDSCredentialProvider.isDisabled(environment: environment) else { return nil }
    let endpoint = IMDSCredentialProvider(environment: environment, transport: transport).endpoint
    do {
      let token = try await transport.send(
        AWSHTTPRequest(
          method: "PUT", url: endpoint + "/latest/api/token",
          headers: [("X-aws-ec2-metadata-token-ttl-seconds", "60")]),
        timeout: timeout)
      guard token.status == 200 else { return nil }
      let answer = try await transport.send(
        AWSHTTPRequest(
          method: "GET", url: endpoint + "/latest/meta-data/placement/region",
          headers: [("X-aws-ec2-metadata-token", String(decoding: token.body, as: UTF8.self))]),
        timeout: timeout)
      guard answer.status == 200 else { return nil }
      let region = String(decoding: answer.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      return region.isEmpty ? nil : region
    } catch {
      return nil
    }
  }
}
