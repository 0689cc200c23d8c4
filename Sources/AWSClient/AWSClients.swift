import AsyncHTTPClient
import Foundation
import Logging

/// The service clients for one region and one set of credentials, over one shared `HTTPClient`.
///
/// ```swift
/// let aws = try AWSClients(environment: ProcessInfo.processInfo.environment, httpClient: .shared)
/// let zones = try await aws.ec2.describeAvailabilityZones()
/// ```
/// The owner of the `HTTPClient` shuts it down; these clients hold no other resources.
public struct AWSClients: Sendable {
  public let region: String
  public let credentials: any AWSCredentialProvider
  public let ec2: EC2Client
  public let ssm: SSMClient
  public let iam: IAMClient
  public let sqs: SQSClient
  public let sts: STSClient
  public let pricing: PricingClient
  public let eks: EKSClient

  /// Resolves the region and the credential chain from `environment` (and `home`'s `.aws` files)
  /// and the endpoints from the `AWS_ENDPOINT_URL*` variables.
  ///
  /// - Parameters:
  ///   - region: overrides the resolved region.
  ///   - credentials: overrides the credential chain.
  ///   - home: where `.aws/` lives; defaults to `environment["HOME"]`.
  public init(
    environment: [String: String], httpClient: HTTPClient, region: String? = nil,
    credentials: (any AWSCredentialProvider)? = nil, home: String? = nil,
    retryPolicy: AWSRetryPolicy = .default,
    logger: Logger = Logger(label: "aws")
  ) throws {
    try self.init(
      environment: environment, transport: AsyncHTTPClientTransport(client: httpClient), region: region,
      credentials: credentials, home: home, retryPolicy: retryPolicy, logger: logger)
  }

  /// The same over any transport (tests pass stated doubles).
  public init(
    environment: [String: String], transport: any AWSHTTPTransport, region: String? = nil,
    credentials: (any AWSCredentialProvider)? = nil, home: String? = nil,
    retryPolicy: AWSRetryPolicy = .default,
    logger: Logger = Logger(label: "aws")
  ) throws {
    let home = home ?? environment["HOME"]
    guard let region = region ?? RegionResolver.resolve(environment: environment, home: home) else {
      throw AWSCredentialsError(
        source: "region resolution",
        message: "no region: set AWS_REGION, AWS_DEFAULT_REGION or the profile's region.")
    }
    let provider =
      try credentials
      ?? CredentialChain.resolve(
        environment: environment, home: home, region: region, transport: transport, logger: logger)
    func requester(_ service: AWSServiceID, _ format: AWSErrorFormat) -> AWSRequester {
      AWSRequester(
        service: service, endpoint: AWSEndpoint.resolve(service, region: region, environment: environment),
        credentials: provider, transport: transport, retryPolicy: retryPolicy, logger: logger,
        errorFormat: format)
    }
    self.region = region
    self.credentials = provider
    ec2 = EC2Client(requester: requester(.ec2, .xml))
    ssm = SSMClient(requester: requester(.ssm, .json))
    iam = IAMClient(requester: requester(.iam, .xml))
    sqs = SQSClient(requester: requester(.sqs, .json))
    sts = STSClient(requester: requester(.sts, .xml))
    pricing = PricingClient(requester: requester(.pricing, .json))
    eks = EKSClient(requester: requester(.eks, .json))
  }
}

extension AWSClients {
  /// The `HTTPClient` configuration AWS calls want: a refused or silent connection fails within
  /// `connectTimeout` instead of being retried by the connection pool until the request's
  /// deadline (the requester's own retry policy retries it, with backoff), and idle connections
  /// are kept for reuse.
  public static func httpConfiguration(connectTimeout: TimeInterval = 5) -> HTTPClient.Configuration {
    var configuration = HTTPClient.Configuration()
    configuration.timeout.connect = .milliseconds(Int64(connectTimeout * 1000))
    configuration.connectionPool.retryConnectionEstablishment = false
    return configuration
  }
}
