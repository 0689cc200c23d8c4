import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling
import Testing

@testable import AWSProvider

@Suite struct ResolutionTests {
  static let subnets = [
    Subnet(
      id: "subnet-a1", zone: "us-east-1a", zoneID: "use1-az1", availableIPAddressCount: 100,
      tags: ["team": "x", "tier": "private"]),
    Subnet(
      id: "subnet-a2", zone: "us-east-1a", zoneID: "use1-az1", availableIPAddressCount: 500,
      tags: ["team": "x"]),
    Subnet(
      id: "subnet-b1", zone: "us-east-1b", zoneID: "use1-az2", availableIPAddressCount: 300,
      tags: ["team": "y"]),
  ]

  @Test func subnetTermsAreOredAndTagsAnded() {
    let byTags = SelectorTerms.subnets(
      Self.subnets, matching: [SubnetSelectorTerm(tags: ["team": "x", "tier": "*"])])
    #expect(byTags.map(\.id) == ["subnet-a1"])
    let ored = SelectorTerms.subnets(
      Self.subnets, matching: [SubnetSelectorTerm(tags: ["team": "y"]), SubnetSelectorTerm(id: "subnet-a2")])
    #expect(ored.map(\.id) == ["subnet-a2", "subnet-b1"])
    // An id term ignores its tags, as upstream.
    let idOnly = SelectorTerms.subnets(
      Self.subnets, matching: [SubnetSelectorTerm(tags: ["team": "nope"], id: "subnet-b1")])
    #expect(idOnly.map(\.id) == ["subnet-b1"])
  }

  @Test func securityGroupsByIdNameOrTags() {
    let groups = [
      SecurityGroup(id: "sg-1", name: "nodes", tags: ["k": "v"]), SecurityGroup(id: "sg-2", name: "other"),
    ]
    #expect(
      SelectorTerms.securityGroups(groups, matching: [SecurityGroupSelectorTerm(name: "other")]).map(\.id)
        == ["sg-2"])
    #expect(
      SelectorTerms.securityGroups(groups, matching: [SecurityGroupSelectorTerm(tags: ["k": "*"])]).map(\.id)
        == ["sg-1"])
    #expect(SelectorTerms.securityGroups(groups, matching: [SecurityGroupSelectorTerm()]).isEmpty)
  }

  @Test func zonalSubnetsPickTheMostFreeAddresses() {
    let chosen = ZonalSubnets.forLaunch(Self.subnets)
    #expect(chosen.mapValues(\.id) == ["us-east-1a": "subnet-a2", "us-east-1b": "subnet-b1"])
    let withoutFull = ZonalSubnets.forLaunch(Self.subnets, excluding: ["subnet-a2"])
    #expect(withoutFull["us-east-1a"]?.id == "subnet-a1")
  }

  static let images = [
    Image(
      id: "ami-old", name: "my-ami-1", ownerID: "111", architecture: "x86_64",
      creationDate: "2024-01-01T00:00:00.000Z", tags: ["env": "prod"]),
    Image(
      id: "ami-new", name: "my-ami-2", ownerID: "111", architecture: "x86_64",
      creationDate: "2024-06-01T00:00:00.000Z", tags: ["env": "prod"]),
    Image(
      id: "ami-newest-deprecated", name: "my-ami-3", ownerID: "111", architecture: "x86_64",
      creationDate: "2024-07-01T00:00:00Z", deprecationTime: "2024-08-01T00:00:00Z", tags: ["env": "prod"]),
    Image(
      id: "ami-arm", name: "my-ami-arm", ownerID: "111", architecture: "arm64",
      creationDate: "2024-02-01T00:00:00Z", tags: ["env": "prod"]),
    Image(
      id: "ami-amazon", name: "amazon-thing", ownerID: "137", ownerAlias: "amazon", architecture: "x86_64",
      creationDate: "2024-02-01T00:00:00Z"),
  ]
  static let now = Date(timeIntervalSince1970: 1_725_000_000)  // 2024-08-30

  @Test func imageTermsMatchNameOwnerAndTags() {
    let byName = SelectorTerms.images(
      Self.images, matching: [AMISelectorTerm(name: "my-ami-?")], accountID: "111")
    #expect(byName.map(\.id) == ["ami-old", "ami-new", "ami-newest-deprecated"])
    let amazon = SelectorTerms.images(
      Self.images, matching: [AMISelectorTerm(name: "amazon-*", owner: "amazon")], accountID: "111")
    #expect(amazon.map(\.id) == ["ami-amazon"])
    let notSelf = SelectorTerms.images(
      Self.images, matching: [AMISelectorTerm(name: "my-*")], accountID: "999")
    #expect(notSelf.isEmpty)
    let ssm = SelectorTerms.images(
      Self.images, matching: [AMISelectorTerm(ssmParameter: "/my/param")], accountID: "111",
      ssmImageIDs: ["/my/param": "ami-arm"])
    #expect(ssm.map(\.id) == ["ami-arm"])
  }

  @Test func newestNonDeprecatedImagePerArchitecture() {
    let spec = EC2NodeClassSpec(amiSelectorTerms: [AMISelectorTerm(tags: ["env": "prod"])])
    let amis = AMIResolver.resolve(spec, images: Self.images, accountID: "111", now: Self.now)
    #expect(amis.map(\.id) == ["ami-new", "ami-arm"])
    #expect(amis.map(\.deprecated) == [false, false])
    // Only deprecated images left: the newest deprecated one still serves.
    let onlyDeprecated = AMIResolver.resolve([Self.images[2]], now: Self.now)
    #expect(onlyDeprecated.map(\.deprecated) == [true])
  }

  @Test func aliasImagesCarryTheirVariants() throws {
    let spec = EC2NodeClassSpec(amiSelectorTerms: [AMISelectorTerm(alias: "al2@latest")])
    let params = AMIFamily.al2.ssmParameters(kubernetesVersion: "1.29", amiVersion: "latest")
    let images = [
      Image(id: "ami-std", name: "std", architecture: "x86_64", creationDate: "2024-01-01T00:00:00Z"),
      Image(id: "ami-gpu", name: "gpu", architecture: "x86_64", creationDate: "2024-01-02T00:00:00Z"),
    ]
    let amis = AMIResolver.resolve(
      spec, images: images, accountID: "", aliasImages: ["ami-std": params[0], "ami-gpu": params[2]],
      now: Self.now)
    #expect(amis.map(\.id) == ["ami-gpu", "ami-gpu", "ami-std"])
    var schema = ResourceSchema()
    let gpuType = InstanceType(
      name: "p3.2xlarge", labels: [WellKnown.archLabel: "amd64", AMIVariant.gpuCountLabel: "1"],
      offerings: [], capacity: try schema.vector(baseUnits: [:]), overhead: Resources())
    let plainType = InstanceType(
      name: "m5.large", labels: [WellKnown.archLabel: "amd64"], offerings: [], capacity: Resources(),
      overhead: Resources())
    let armType = InstanceType(
      name: "m6g.large", labels: [WellKnown.archLabel: "arm64"], offerings: [], capacity: Resources(),
      overhead: Resources())
    let mapped = AMIResolver.instanceTypesByImage([gpuType, plainType, armType], amis: amis)
    #expect(mapped.mapValues { $0.map(\.name) } == ["ami-gpu": ["p3.2xlarge"], "ami-std": ["m5.large"]])
    let status = amis.last?.nodeSelectorRequirements.map(\.key)
    #expect(status == [WellKnown.archLabel, AMIVariant.gpuCountLabel, AMIVariant.acceleratorCountLabel])
  }

  @Test func statusWhenEverythingResolves() {
    let spec = EC2NodeClassSpec(
      securityGroupSelectorTerms: [SecurityGroupSelectorTerm(id: "sg-1")], role: "NodeRole")
    let amis = AMIResolver.resolve(Array(Self.images.prefix(2)), now: Self.now)
    let status = NodeClassStatusBuilder.status(
      spec,
      resolution: NodeClassResolution(
        subnets: Self.subnets, securityGroups: [SecurityGroup(id: "sg-1", name: "nodes")], amis: amis,
        instanceProfile: "cluster_123"),
      previous: nil, now: "2024-08-30T00:00:00Z")
    #expect(status.subnets?.map(\.id) == ["subnet-a2", "subnet-b1", "subnet-a1"])
    #expect(status.subnets?.first == SubnetStatus(id: "subnet-a2", zone: "us-east-1a", zoneID: "use1-az1"))
    #expect(status.securityGroups == [SecurityGroupStatus(id: "sg-1", name: "nodes")])
    #expect(status.amis?.map(\.id) == ["ami-new"])
    #expect(status.instanceProfile == "cluster_123")
    #expect(
      status.conditions?.map(\.type) == [
        "AMIsReady", "SubnetsReady", "SecurityGroupsReady", "InstanceProfileReady", "ValidationSucceeded",
        "Ready",
      ])
    #expect(status.conditions?.allSatisfy { $0.status == "True" } == true)
    #expect(NodeClassStatusBuilder.isReady(status))
  }

  @Test func statusWhenSubnetsAreMissing() throws {
    let spec = EC2NodeClassSpec(securityGroupSelectorTerms: [SecurityGroupSelectorTerm(id: "sg-1")])
    let previous = EC2NodeClassStatus(conditions: [
      Condition(
        type: "AMIsReady", status: "True", reason: "AMIsReady", message: "", lastTransitionTime: "earlier")
    ])
    let status = NodeClassStatusBuilder.status(
      spec,
      resolution: NodeClassResolution(
        subnets: [], securityGroups: [], amis: AMIResolver.resolve([Self.images[0]], now: Self.now),
        instanceProfile: "p"),
      previous: previous, now: "now")
    let conditions = Dictionary(uniqueKeysWithValues: (status.conditions ?? []).map { ($0.type, $0) })
    let subnets = try #require(conditions["SubnetsReady"])
    #expect(subnets.status == "False")
    #expect(subnets.reason == "SubnetsNotFound")
    #expect(subnets.message == "SubnetSelector did not match any Subnets")
    #expect(conditions["SecurityGroupsReady"]?.reason == "SecurityGroupsNotFound")
    #expect(
      conditions["SecurityGroupsReady"]?.message == "SecurityGroupSelector did not match any SecurityGroups")
    #expect(conditions["ValidationSucceeded"]?.reason == "DependenciesNotReady")
    #expect(conditions["Ready"]?.status == "False")
    #expect(
      conditions["Ready"]?.message
        == "SubnetsReady=False, SecurityGroupsReady=False, ValidationSucceeded=False")
    #expect(conditions["AMIsReady"]?.lastTransitionTime == "earlier")
    #expect(subnets.lastTransitionTime == "now")
    #expect(status.subnets == nil)
  }

  @Test func amisNotFound() {
    let status = NodeClassStatusBuilder.status(
      EC2NodeClassSpec(),
      resolution: NodeClassResolution(
        subnets: Self.subnets, securityGroups: [], amis: [], instanceProfile: "p"),
      previous: nil, now: "t")
    let amis = status.conditions?.first { $0.type == "AMIsReady" }
    #expect(amis?.reason == "AMINotFound")
    #expect(amis?.message == "AMISelector did not match any AMIs")
  }

  @Test func instanceProfileNaming() {
    // hashstructure FNV-1 of "us-east-1default" (upstream's legacy name for an empty suffix).
    #expect(InstanceProfileNaming.fnv1Hash64("") == 0xcbf2_9ce4_8422_2325)
    #expect(InstanceProfileNaming.fnv1Hash64("a") == 0xaf63_bd4c_8601_b7be)
    let name = InstanceProfileNaming.name(
      clusterName: "c", region: "us-east-1", nodeClassName: "default", uniqueSuffix: "u")
    #expect(name == "c_\(InstanceProfileNaming.fnv1Hash64("us-east-1defaultu"))")
    let tags = InstanceProfileNaming.tags(
      clusterName: "c", region: "us-east-1", nodeClassName: "default",
      specTags: ["x": "y", "eks:eks-cluster-name": "spoof"])
    #expect(
      tags == [
        "x": "y", "eks:eks-cluster-name": "c", "kubernetes.io/cluster/c": "owned",
        "karpenter.k8s.aws/ec2nodeclass": "default", "topology.kubernetes.io/region": "us-east-1",
      ])
    #expect(
      InstanceProfileNaming.path(region: "us-east-1", clusterName: "c", nodeClassUID: "uid")
        == "/karpenter/us-east-1/c/uid/")
  }
}

@Suite struct SubnetIPTrackerTests {
  static let subnets = [
    Subnet(id: "subnet-1", zone: "us-east-1a", zoneID: "use1-az1", availableIPAddressCount: 100),
    Subnet(id: "subnet-2", zone: "us-east-1a", zoneID: "use1-az1", availableIPAddressCount: 90),
  ]

  @Test func concurrentLaunchesSpreadAndUnusedSubnetsGetAddressesBack() {
    var tracker = SubnetIPTracker()
    let first = tracker.forLaunch(Self.subnets) { _ in 29 }
    #expect(first["us-east-1a"]?.id == "subnet-1")
    #expect(tracker.inflight == ["subnet-1": 71])
    let second = tracker.forLaunch(Self.subnets) { _ in 29 }
    #expect(second["us-east-1a"]?.id == "subnet-2")
    #expect(tracker.inflight == ["subnet-1": 71, "subnet-2": 61])
    tracker.settle(chosen: second, launchedSubnetID: nil) { _ in 29 }
    #expect(tracker.inflight["subnet-2"] == 90)
    tracker.subnetFull("subnet-1")
    #expect(tracker.inflight["subnet-1"] == nil)
    tracker.reset()
    #expect(tracker.inflight.isEmpty)
  }

  @Test func minPodsAmongAvailableOfferings() {
    func type(_ pods: Int64, available: Bool) -> InstanceType {
      InstanceType(
        name: "t\(pods)", labels: [:],
        offerings: [Offering(zone: "us-east-1a", capacityType: "spot", price: 1, available: available)],
        capacity: Resources(pods: pods), overhead: Resources())
    }
    let types = [type(58, available: true), type(8, available: false), type(29, available: true)]
    #expect(SubnetIPTracker.minPods(types, zone: "us-east-1a", capacityType: "spot") == 29)
    #expect(SubnetIPTracker.minPods(types, zone: "us-east-1b", capacityType: "spot") == 0)
  }
}
