import Foundation

/// What Karpenter needs to know about its cluster.
public struct EKSCluster: Sendable, Hashable {
  public var name: String
  public var arn: String?
  /// The API server URL.
  public var endpoint: String?
  /// Base64 PEM of the cluster CA (`certificateAuthority.data`).
  public var certificateAuthorityData: String?
  /// `kubernetesNetworkConfig.serviceIpv4Cidr`.
  public var serviceIPv4CIDR: String?
  /// `ipv4` or `ipv6`.
  public var ipFamily: String?
  /// Kubernetes version: `1.31`.
  public var version: String?
  /// `CREATING`, `ACTIVE`, …
  public var status: String?

  public init(
    name: String, arn: String? = nil, endpoint: String? = nil, certificateAuthorityData: String? = nil,
    serviceIPv4CIDR: String? = nil, ipFamily: String? = nil, version: String? = nil, status: String? = nil
  ) {
    self.name = name
    self.arn = arn
    self.endpoint = endpoint
    self.certificateAuthorityData = certificateAuthorityData
    self.serviceIPv4CIDR = serviceIPv4CIDR
    self.ipFamily = ipFamily
    self.version = version
    self.status = status
  }
}

/// EKS over REST-JSON.
public struct EKSClient: Sendable {
  public let rest: RESTJSONProtocol

  public init(requester: AWSRequester) {
    self.rest = RESTJSONProtocol(requester: requester)
  }

  /// GET `/clusters/{name}`; throws `ResourceNotFoundException` for an unknown cluster.
  public func describeCluster(name: String) async throws -> EKSCluster {
    let answer = try await rest.call("DescribeCluster", method: "GET", path: "/clusters/\(name)")
    guard let cluster = answer.object("cluster") else {
      throw AWSError(
        kind: .malformedResponse, service: "EKS", operation: "DescribeCluster",
        message: "the answer has no cluster")
    }
    return Self.parse(cluster)
  }

  /// POST `/clusters` (tests use it against moto).
  @discardableResult
  public func createCluster(name: String, roleARN: String, subnetIDs: [String], version: String? = nil)
    async throws -> EKSCluster
  {
    var body: [String: any Sendable] = [
      "name": name, "roleArn": roleARN, "resourcesVpcConfig": ["subnetIds": subnetIDs],
    ]
    if let version { body["version"] = version }
    let answer = try await rest.call("CreateCluster", method: "POST", path: "/clusters", body: body)
    return Self.parse(answer.object("cluster") ?? JSONObject([:]))
  }

  static func parse(_ c: JSONObject) -> EKSCluster {
    EKSCluster(
      name: c.string("name") ?? "", arn: c.string("arn"), endpoint: c.string("endpoint"),
      certificateAuthorityData: c.object("certificateAuthority")?.string("data"),
      serviceIPv4CIDR: c.object("kubernetesNetworkConfig")?.string("serviceIpv4Cidr"),
      ipFamily: c.object("kubernetesNetworkConfig")?.string("ipFamily"), version: c.string("version"),
      status: c.string("status"))
  }
}
