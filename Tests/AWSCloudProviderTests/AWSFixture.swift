import StoreAPITestSupport
import AWSClient
import AWSCloudProvider
import AWSProvider
import AWSTestSupport
import APIServer
import AsyncHTTPClient
import Controllers
import Foundation
import KarpenterAPI
import Logging
import Scheduling
import Testing

/// One cluster's worth of AWS in the shared moto: a VPC with a subnet per zone and a security
/// group tagged `karpenter.sh/discovery: <cluster>`, a node role, an EKS cluster (Kubernetes
/// 1.31) and an API store holding a NodePool and its EC2NodeClass.
struct AWSWorld {
  static let zones = ["us-east-1a", "us-east-1b"]
  static let kubernetesVersion = "1.31"
  /// On-demand prices posted to the launcher's Pricing table (the embedded catalog's differ).
  static let prices: [String: Double] = [
    "m5.large": 0.0917, "m5.xlarge": 0.1834, "c5.large": 0.0811, "c5.xlarge": 0.1622,
    "c5a.large": 0.0871, "c6i.large": 0.0813, "c6a.large": 0.0873, "r5.large": 0.1213, "r5.xlarge": 0.2426,
  ]

  let moto: MotoServer
  let aws: AWSClients
  let cluster: String
  /// Zone → subnet id.
  let subnets: [String: String]
  let securityGroup: String
  let role: String
  let imageID: String
  let api = StoreAPI()

  /// Builds the cluster's resources; the first call of the process also posts the Pricing
  /// products and the AL2023 alias's SSM parameter.
  static func make(_ prefix: String) async throws -> AWSWorld {
    let (moto, aws) = try await clients()
    let imageID = try await shared.value
    let cluster = "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    let discovery = [AWSTag(key: "karpenter.sh/discovery", value: cluster)]
    var p = QueryParameters()
    p.set("CidrBlock", "10.0.0.0/16")
    p.set(tagSpecifications: [EC2TagSpecification(resourceType: "vpc", tags: discovery)])
    let vpc = try #require(try await aws.ec2.query.call("CreateVpc", p).string("vpc", "vpcId"))
    var subnets: [String: String] = [:]
    for (i, zone) in zones.enumerated() {
      var p = QueryParameters()
      p.set("VpcId", vpc)
      p.set("CidrBlock", "10.0.\(i + 1).0/24")
      p.set("AvailabilityZone", zone)
      p.set(tagSpecifications: [EC2TagSpecification(resourceType: "subnet", tags: discovery)])
      subnets[zone] = try #require(try await aws.ec2.query.call("CreateSubnet", p).string("subnet", "subnetId"))
    }
    let group = try await aws.ec2.createSecurityGroup(
      name: "\(cluster)-nodes", description: "nodes", vpcID: vpc, tags: discovery)
    let role = "\(cluster)-node-role"
    try await aws.iam.createRole(
      name: role,
      assumeRolePolicyDocument:
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
    )
    try await aws.eks.createCluster(
      name: cluster, roleARN: "arn:aws:iam::123456789012:role/eks", subnetIDs: subnets.values.sorted(),
      version: kubernetesVersion)
    return AWSWorld(
      moto: moto, aws: aws, cluster: cluster, subnets: subnets, securityGroup: group, role: role, imageID: imageID)
  }

  /// Clients for the signature-checking moto with quick retries; `environment` overrides.
  static func clients(
    _ environment: [String: String] = [:], maxAttempts: Int = 3, timeout: Duration = .seconds(60)
  ) async throws -> (MotoServer, AWSClients) {
    let moto = try await MotoServer.shared()
    let aws = try AWSClients(
      environment: moto.environment.merging(environment) { _, new in new }, httpClient: HTTPClient.shared,
      home: "/nonexistent",
      retryPolicy: AWSRetryPolicy(maxAttempts: maxAttempts, baseDelay: .milliseconds(10), timeout: timeout))
    return (moto, aws)
  }

  /// The process-wide part: Pricing products and the alias's image (a moto x86_64 image).
  static let shared = Task<String, any Error> {
    let (moto, aws) = try await clients()
    let products = prices.map { type, price in
      #"{"product":{"attributes":{"instanceType":"\#(type)","regionCode":"us-east-1","operatingSystem":"Linux","tenancy":"Shared","preInstalledSw":"NA","capacitystatus":"Used"}},"serviceCode":"AmazonEC2","terms":{"OnDemand":{"t":{"priceDimensions":{"d":{"pricePerUnit":{"USD":"\#(price)"}}}}}}}"#
    }
    try await moto.addPricingProducts(products)
    let images = try await aws.ec2.describeImages(
      owners: ["amazon"], filters: [EC2Filter(name: "architecture", values: ["x86_64"])])
    let image = try #require(images.filter { $0.state == "available" }.map(\.imageID).sorted().first)
    try await moto.setSSMParameters([
      "/aws/service/eks/optimized-ami/\(kubernetesVersion)/amazon-linux-2023/x86_64/standard/recommended/image_id": image
    ])
    return image
  }

  func settings(interruptionQueue: String? = nil) -> AWSProviderSettings {
    var settings = AWSProviderSettings(clusterName: cluster)
    settings.interruptionQueue = interruptionQueue
    return settings
  }

  func start(interruptionQueue: String? = nil) async throws -> AWSCloudProvider {
    try await AWSCloudProvider.start(
      aws: aws, settings: settings(interruptionQueue: interruptionQueue), api: api,
      logger: Logger(label: "aws-test"))
  }

  /// Stores a NodePool on an EC2NodeClass (on-demand only) and the class, and returns both as
  /// stored. `subnetTag` is the discovery value the class's subnet selector asks for.
  func nodePool(_ name: String, nodeClass: String, subnetTag: String? = nil) throws -> (NodePool, EC2NodeClass) {
    let pool = try api.create(
      #"{"apiVersion":"karpenter.sh/v1","kind":"NodePool","metadata":{"name":"\#(name)"},"spec":{"template":{"spec":{"nodeClassRef":{"group":"karpenter.k8s.aws","kind":"EC2NodeClass","name":"\#(nodeClass)"},"requirements":[{"key":"karpenter.sh/capacity-type","operator":"In","values":["on-demand"]}]}}}}"#
    )
    let nodeClassJSON = try api.create(
      #"{"apiVersion":"karpenter.k8s.aws/v1","kind":"EC2NodeClass","metadata":{"name":"\#(nodeClass)"},"spec":{"amiSelectorTerms":[{"alias":"al2023@latest"}],"role":"\#(role)","subnetSelectorTerms":[{"tags":{"karpenter.sh/discovery":"\#(subnetTag ?? cluster)"}}],"securityGroupSelectorTerms":[{"tags":{"karpenter.sh/discovery":"\#(cluster)"}}]}}"#
    )
    return (try pool.decode(NodePool.self), try nodeClassJSON.decode(EC2NodeClass.self))
  }

  /// The class as the store holds it now (with the status the provider wrote).
  func storedNodeClass(_ name: String) throws -> EC2NodeClass {
    try #require(api.get(group: "karpenter.k8s.aws", plural: "ec2nodeclasses", name: name)).decode(EC2NodeClass.self)
  }

  /// The cluster's instances in these states.
  func instances(states: [String] = ["pending", "running"]) async throws -> [EC2Instance] {
    try await aws.ec2.describeInstances(filters: [
      EC2Filter(name: "tag-key", values: ["kubernetes.io/cluster/\(cluster)"]),
      EC2Filter(name: "instance-state-name", values: states),
    ])
  }

  /// The launch templates tagged for this cluster's class.
  func launchTemplates(nodeClass: String) async throws -> [EC2LaunchTemplate] {
    try await aws.ec2.describeLaunchTemplates(filters: [
      EC2Filter(name: "tag:kubernetes.io/cluster/\(cluster)", values: ["owned"]),
      EC2Filter(name: "tag:karpenter.k8s.aws/ec2nodeclass", values: [nodeClass]),
    ])
  }

  /// An on-demand claim of the pool over these of its instance types.
  static func claim(pool: String, types: [InstanceType]) -> PlannedNodeClaim {
    var claim = PlannedNodeClaim(staticFrom: NodePoolTemplate(name: pool, requirements: Requirements()), instanceTypes: [])
    var requirements = Requirements()
    requirements.add(Requirement(key: WellKnown.capacityTypeLabel, operator: "In", values: ["on-demand"]))
    claim.requirements = requirements
    claim.instanceTypes = types
    return claim
  }
}

extension InstanceTypes {
  /// The pool's types by name.
  func named(_ names: [String], pool: String) -> [InstanceType] {
    let mine = (indicesByNodePool[pool] ?? []).map { all[$0] }
    return names.compactMap { name in mine.first { $0.name == name } }
  }
}

/// `body`, or an error once `seconds` have passed.
func within<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
  try await withThrowingTaskGroup(of: T.self) { group in
    group.addTask { try await body() }
    group.addTask {
      try await Task.sleep(for: .seconds(seconds))
      throw FixtureError("timed out after \(seconds) s")
    }
    defer { group.cancelAll() }
    return try await group.next()!
  }
}

struct FixtureError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
