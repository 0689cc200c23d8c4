import AWSClient
import AWSCloudProvider
import Controllers
import Foundation
import KarpenterAPI
import Scheduling
import Testing

/// The AWS provider against one moto per test process (see AWSFixture.swift). Serialized:
/// moto's capacity-error and throttle rules are process-wide.
@Suite(.serialized) struct AWSCloudProviderTests {
  @Test func nodeClassIsResolvedIntoStatusAndInstanceTypesComeFromTheCloud() async throws {
    let world = try await AWSWorld.make("nc")
    var provider = try await world.start()
    let (pool, nodeClass) = try world.nodePool("default", nodeClass: "default")
    var schema = ResourceSchema()
    let types = await provider.instanceTypes(
      nodePools: [pool], nodeClasses: ["default": nodeClass], schema: &schema, at: 0)

    // The status the provider wrote through the API.
    let stored = try world.storedNodeClass("default")
    let status = try #require(stored.status)
    #expect(status.subnets?.map(\.id).sorted() == world.subnets.values.sorted())
    #expect(Set(status.subnets?.map(\.zone) ?? []) == Set(AWSWorld.zones))
    #expect(status.securityGroups?.map(\.id) == [world.securityGroup])
    #expect(status.amis?.map(\.id) == [world.imageID])
    let amiRequirements = status.amis?.first?.requirements?.map { "\($0.key) \($0.operator) \($0.values ?? [])" }
    #expect(amiRequirements?.contains("kubernetes.io/arch In [\"amd64\"]") == true)
    let conditions = Dictionary(uniqueKeysWithValues: (status.conditions ?? []).map { ($0.type, $0.status) })
    #expect(
      conditions == [
        "AMIsReady": "True", "SubnetsReady": "True", "SecurityGroupsReady": "True",
        "InstanceProfileReady": "True", "ValidationSucceeded": "True", "Ready": "True",
      ])
    #expect(world.api.sent.withLock { $0 } == ["PATCH /apis/karpenter.k8s.aws/v1/ec2nodeclasses/default/status"])

    // The instance profile exists in IAM, made for this class, holding the role.
    let profileName = try #require(status.instanceProfile)
    #expect(profileName.hasPrefix("\(world.cluster)_"))
    let profile = try await world.aws.iam.getInstanceProfile(name: profileName)
    #expect(profile.roles == [world.role])
    #expect(profile.path == "/karpenter/us-east-1/\(world.cluster)/\(try #require(nodeClass.metadata.uid))/")

    // Types from DescribeInstanceTypes, offered only in the subnets' zones, priced by Pricing.
    let mine = (types.indicesByNodePool["default"] ?? []).map { types.all[$0] }
    #expect(mine.count > 100)
    #expect(types.all.count == mine.count)
    let zones = Set(mine.flatMap { $0.offerings.map(\.zone) })
    #expect(zones == Set(AWSWorld.zones))
    for (name, price) in AWSWorld.prices {
      let type = try #require(mine.first { $0.name == name }, "\(name) is missing")
      let onDemand = type.offerings.filter { $0.capacityType == "on-demand" }
      #expect(onDemand.map(\.zone).sorted() == AWSWorld.zones, "\(name)")
      #expect(onDemand.allSatisfy { $0.price == price && $0.available }, "\(name): \(onDemand)")
    }
    let m5 = try #require(mine.first { $0.name == "m5.large" })
    #expect(m5.capacity[ResourceSchema.cpu] == 2000)
    #expect(try await provider.instanceTypes(for: pool, at: 0).count == mine.count)

    // A second pass within the period changes nothing, so it writes nothing.
    _ = await provider.instanceTypes(nodePools: [pool], nodeClasses: ["default": stored], schema: &schema, at: 1)
    #expect(world.api.sent.withLock { $0.count } == 1)
  }

  @Test func nodeClassWhoseSubnetSelectorMatchesNothingIsNotReadyAndItsPoolGetsNoTypes() async throws {
    let world = try await AWSWorld.make("nosubnet")
    var provider = try await world.start()
    let (good, goodClass) = try world.nodePool("good", nodeClass: "good")
    let (bad, badClass) = try world.nodePool("bad", nodeClass: "bad", subnetTag: "\(world.cluster)-none")
    var schema = ResourceSchema()
    let types = await provider.instanceTypes(
      nodePools: [good, bad], nodeClasses: ["good": goodClass, "bad": badClass], schema: &schema, at: 0)
    #expect(types.indicesByNodePool["bad"] == [])
    #expect((types.indicesByNodePool["good"] ?? []).count > 100)

    let status = try #require(try world.storedNodeClass("bad").status)
    #expect(status.subnets == nil)
    let conditions = Dictionary(uniqueKeysWithValues: (status.conditions ?? []).map { ($0.type, $0) })
    #expect(conditions["SubnetsReady"]?.status == "False")
    #expect(conditions["SubnetsReady"]?.reason == "SubnetsNotFound")
    #expect(conditions["SubnetsReady"]?.message == "SubnetSelector did not match any Subnets")
    #expect(conditions["ValidationSucceeded"]?.reason == "DependenciesNotReady")
    #expect(conditions["Ready"]?.status == "False")
    #expect(conditions["Ready"]?.reason == "UnhealthyDependents")
    #expect(conditions["Ready"]?.message == "SubnetsReady=False, ValidationSucceeded=False")
    #expect(conditions["AMIsReady"]?.status == "True")

    // Launching from it fails without touching EC2.
    let claim = AWSWorld.claim(pool: "bad", types: types.named(["m5.large"], pool: "good"))
    let error = try await #require(throws: CloudProviderError.self) {
      try await provider.create(claim, name: "bad-abcde", at: 0)
    }
    #expect(error.kind == .failed)
    #expect("\(error)".contains("EC2NodeClass bad of NodePool bad is not ready"))
    #expect(try await world.instances().isEmpty)
  }

  @Test func instanceProfileCollectionDeletesOnlyThisClustersLeftovers() async throws {
    let kept = try await AWSWorld.make("keep")
    var keeper = try await kept.start()
    let (pool, nodeClass) = try kept.nodePool("default", nodeClass: "default")
    var schema = ResourceSchema()
    _ = await keeper.instanceTypes(nodePools: [pool], nodeClasses: ["default": nodeClass], schema: &schema, at: 0)
    let keptProfile = try #require(try kept.storedNodeClass("default").status?.instanceProfile)

    // Another cluster with a profile left by an EC2NodeClass that is gone.
    let other = try await AWSWorld.make("collect")
    let leftover = "\(other.cluster)_leftover"
    try await other.aws.iam.createInstanceProfile(
      name: leftover, path: "/karpenter/us-east-1/\(other.cluster)/0d3c1e5a-gone/")
    try await other.aws.iam.addRoleToInstanceProfile(profileName: leftover, roleName: other.role)
    var collector = try await other.start()
    _ = await collector.instanceTypes(nodePools: [], nodeClasses: [:], schema: &schema, at: 0)

    let gone = try await #require(throws: AWSError.self) { try await other.aws.iam.getInstanceProfile(name: leftover) }
    #expect(gone.code == "NoSuchEntity")
    // The first cluster's profile is not the second's to collect (moto ignores PathPrefix).
    #expect(try await kept.aws.iam.getInstanceProfile(name: keptProfile).roles == [kept.role])
  }
}
