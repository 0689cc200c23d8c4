/// The services this module calls, with their endpoint prefix, signing name and wire protocol.
public struct AWSServiceID: Sendable, Hashable, CustomStringConvertible {
  /// For messages: `EC2`, `SSM`.
  public var displayName: String
  /// The SigV4 signing name: `ec2`, `ssm`, `pricing`.
  public var signingName: String
  /// The host prefix: `ec2` in `ec2.us-east-1.amazonaws.com`.
  public var endpointPrefix: String
  /// The suffix of the per-service endpoint variable: `EC2` in `AWS_ENDPOINT_URL_EC2`.
  public var environmentSuffix: String

  public var description: String { displayName }

  public static let ec2 = AWSServiceID(
    displayName: "EC2", signingName: "ec2", endpointPrefix: "ec2", environmentSuffix: "EC2")
  public static let ssm = AWSServiceID(
    displayName: "SSM", signingName: "ssm", endpointPrefix: "ssm", environmentSuffix: "SSM")
  public static let iam = AWSServiceID(
    displayName: "IAM", signingName: "iam", endpointPrefix: "iam", environmentSuffix: "IAM")
  public static let sqs = AWSServiceID(
    displayName: "SQS", signingName: "sqs", endpointPrefix: "sqs", environmentSuffix: "SQS")
  public static let sts = AWSServiceID(
    displayName: "STS", signingName: "sts", endpointPrefix: "sts", environmentSuffix: "STS")
  public static let pricing = AWSServiceID(
    displayName: "Pricing", signingName: "pricing", endpointPrefix: "api.pricing",
    environmentSuffix: "PRICING")
  public static let eks = AWSServiceID(
    displayName: "EKS", signingName: "eks", endpointPrefix: "eks", environmentSuffix: "EKS")
}

/// Where to send a service's requests and which region to sign them for.
public struct AWSEndpoint: Sendable, Hashable {
  /// Scheme, host and optional port and base path, without a trailing slash.
  public var url: String
  public var signingRegion: String

  public init(url: String, signingRegion: String) {
    self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
    self.signingRegion = signingRegion
  }

  /// The endpoint for `service` in `region`.
  ///
  /// `AWS_ENDPOINT_URL_<SERVICE>` wins, then `AWS_ENDPOINT_URL`, then the public endpoint:
  /// `https://{prefix}.{region}.amazonaws.com`; IAM is global (`https://iam.amazonaws.com`, signed
  /// for us-east-1) and Pricing lives in us-east-1 (`https://api.pricing.us-east-1.amazonaws.com`).
  public static func resolve(_ service: AWSServiceID, region: String, environment: [String: String])
    -> AWSEndpoint
  {
    let signingRegion: String
    var publicRegion = region
    switch service {
    case .iam:
      signingRegion =
        region.hasPrefix("cn-") ? "cn-north-1" : region.hasPrefix("us-gov-") ? "us-gov-west-1" : "us-east-1"
    case .pricing:
      signingRegion = region.hasPrefix("ap-") || region.hasPrefix("cn-") ? "ap-south-1" : "us-east-1"
      publicRegion = signingRegion
    default:
      signingRegion = region
    }
    for key in ["AWS_ENDPOINT_URL_\(service.environmentSuffix)", "AWS_ENDPOINT_URL"] {
      if let url = environment[key]?.trimmingCharacters(in: .whitespaces), !url.isEmpty {
        return AWSEndpoint(url: url, signingRegion: signingRegion)
      }
    }
    let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
    if service == .iam {
      if region.hasPrefix("cn-") {
        return AWSEndpoint(url: "https://iam.cn-north-1.amazonaws.com.cn", signingRegion: signingRegion)
      }
      if region.hasPrefix("us-gov-") {
        return AWSEndpoint(url: "https://iam.us-gov.amazonaws.com", signingRegion: signingRegion)
      }
      return AWSEndpoint(url: "https://iam.amazonaws.com", signingRegion: signingRegion)
    }
    return AWSEndpoint(
      url: "https://\(service.endpointPrefix).\(publicRegion).\(suffix)", signingRegion: signingRegion)
  }
}
