import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling
import Testing

@testable import AWSProvider

@Suite struct LaunchTemplateTests {
  static let spec = LaunchTemplateSpec(
    imageID: "ami-1", userData: "dXNlcmRhdGE=",
    blockDeviceMappings: AMIFamily.al2023.defaultBlockDeviceMappings,
    securityGroupIDs: ["sg-1", "sg-2"], instanceProfile: "profile", tags: ["a": "1", "b": "2"])

  @Test func metadataDefaults() {
    let m = Self.spec.metadataOptions
    #expect(
      m
        == MetadataOptions(
          httpEndpoint: "enabled", httpProtocolIPv6: "disabled", httpPutResponseHopLimit: 1,
          httpTokens: "required"))
    let partial = LaunchTemplateSpec.withDefaults(MetadataOptions(httpPutResponseHopLimit: 2))
    #expect(partial.httpPutResponseHopLimit == 2)
    #expect(partial.httpTokens == "required")
  }

  @Test func hashIsStableAndOrderIndependent() {
    var reordered = Self.spec
    reordered.securityGroupIDs = ["sg-2", "sg-1"]
    #expect(reordered.contentHash == Self.spec.contentHash)
    #expect(Self.spec.contentHash.count == 64)
    #expect(Self.spec.name == "karpenter.k8s.aws/" + Self.spec.contentHash)
    var changed = Self.spec
    changed.imageID = "ami-2"
    #expect(changed.contentHash != Self.spec.contentHash)
    var tagged = Self.spec
    tagged.tags["c"] = "3"
    #expect(tagged.contentHash != Self.spec.contentHash)
    var monitored = Self.spec
    monitored.detailedMonitoring = true
    #expect(monitored.contentHash != Self.spec.contentHash)
  }

  @Test func planCreatesReusesAndDeletes() {
    var other = Self.spec
    other.imageID = "ami-2"
    let plan = LaunchTemplatePlan(
      existing: [Self.spec.name, "karpenter.k8s.aws/stale", "someone-elses"],
      needed: [Self.spec, other, Self.spec])
    #expect(plan.create == [other])
    #expect(plan.reuse == [Self.spec.name])
    #expect(plan.delete == ["karpenter.k8s.aws/stale"])
  }
}

@Suite struct LaunchTemplateResolverTests {
  static func nodeClass(_ spec: EC2NodeClassSpec) -> EC2NodeClass {
    var nc = EC2NodeClass(metadata: ObjectMeta(name: "default"), spec: spec)
    nc.status = EC2NodeClassStatus(
      securityGroups: [SecurityGroupStatus(id: "sg-2"), SecurityGroupStatus(id: "sg-1")],
      instanceProfile: "c_1")
    return nc
  }

  static let amis = AMIResolver.resolve(
    [
      Image(id: "ami-x86", name: "x", architecture: "x86_64", creationDate: "2024-01-01T00:00:00Z"),
      Image(id: "ami-arm", name: "a", architecture: "arm64", creationDate: "2024-01-01T00:00:00Z"),
    ], now: .init(timeIntervalSince1970: 0))

  static func type(_ name: String, _ arch: String, pods: Int64) -> InstanceType {
    InstanceType(
      name: name, labels: [WellKnown.archLabel: arch], offerings: [], capacity: Resources(pods: pods),
      overhead: Resources())
  }

  static let bootstrap = NodeBootstrap(
    clusterName: "c", clusterEndpoint: "https://c", caBundle: "Y2E=", clusterDNSIP: "10.0.0.10",
    clusterCIDR: "10.100.0.0/16")

  @Test func oneTemplatePerImageAndMaxPods() throws {
    var spec = EC2NodeClassSpec(amiSelectorTerms: [AMISelectorTerm(alias: "al2023@latest")], role: "R")
    spec.detailedMonitoring = true
    let templates = try LaunchTemplateResolver.resolve(
      nodeClass: Self.nodeClass(spec),
      instanceTypes: [
        Self.type("m5.large", "amd64", pods: 29), Self.type("m6g.large", "arm64", pods: 29),
        Self.type("m5.xlarge", "amd64", pods: 58), Self.type("c5.large", "amd64", pods: 29),
      ],
      amis: Self.amis, bootstrap: Self.bootstrap, tags: ["k": "v"])
    #expect(templates.map(\.imageID) == ["ami-arm", "ami-x86", "ami-x86"])
    #expect(templates.map(\.instanceTypes) == [["m6g.large"], ["m5.large", "c5.large"], ["m5.xlarge"]])
    let t = try #require(templates.last?.spec)
    #expect(t.securityGroupIDs == ["sg-1", "sg-2"])
    #expect(t.instanceProfile == "c_1")
    #expect(t.detailedMonitoring)
    #expect(t.blockDeviceMappings == AMIFamily.al2023.defaultBlockDeviceMappings)
    #expect(t.tags == ["k": "v"])
    let userData = String(decoding: try #require(Data(base64Encoded: t.userData)), as: UTF8.self)
    #expect(userData.contains("      maxPods: 58\n"))
    #expect(userData.contains("      - effect: NoExecute\n        key: karpenter.sh/unregistered\n"))
    #expect(userData.contains("--node-labels=\"karpenter.sh/do-not-sync-taints=true\""))
  }

  @Test func kubeletMaxPodsMakesOneTemplate() throws {
    var spec = EC2NodeClassSpec(amiSelectorTerms: [AMISelectorTerm(alias: "windows2022@latest")], role: "R")
    spec.kubelet = KubeletConfiguration(maxPods: 42)
    let templates = try LaunchTemplateResolver.resolve(
      nodeClass: Self.nodeClass(spec),
      instanceTypes: [Self.type("m5.large", "amd64", pods: 110), Self.type("m5.xlarge", "amd64", pods: 58)],
      amis: Self.amis, bootstrap: Self.bootstrap, tags: [:])
    #expect(templates.map(\.instanceTypes) == [["m5.large", "m5.xlarge"]])
    let userData = String(
      decoding: try #require(Data(base64Encoded: templates[0].spec.userData)), as: UTF8.self)
    #expect(userData.contains("--max-pods=42"))
  }

  @Test func needsTheStatus() {
    var nc = Self.nodeClass(EC2NodeClassSpec(role: "R"))
    nc.status?.instanceProfile = nil
    #expect(throws: LaunchTemplateResolver.ResolutionError.self) {
      try LaunchTemplateResolver.resolve(
        nodeClass: nc, instanceTypes: [], amis: [], bootstrap: Self.bootstrap, tags: [:])
    }
  }

  @Test func unsupportedAliases() {
    #expect(
      AMIAlias(family: .al2, version: "latest").unsupportedReason(kubernetesVersion: "1.33")?.hasPrefix(
        "AL2 aliases are no longer supported") == true)
    #expect(AMIAlias(family: .al2, version: "latest").unsupportedReason(kubernetesVersion: "1.32") == nil)
    #expect(
      AMIAlias(family: .windows2025, version: "latest").unsupportedReason(kubernetesVersion: "1.34")
        == "Windows Server 2025 requires EKS version 1.35 or higher, current version: 1.34")
  }
}

@Suite struct ResolvedTemplatesInFleetTests {
  @Test func eachTypeLaunchesWithItsOwnTemplate() throws {
    let spec = EC2NodeClassSpec(amiSelectorTerms: [AMISelectorTerm(alias: "al2023@latest")], role: "R")
    func type(_ name: String, pods: Int64, price: Double) -> InstanceType {
      InstanceType(
        name: name, labels: [WellKnown.archLabel: "amd64"],
        offerings: [Offering(zone: "us-east-1a", capacityType: "on-demand", price: price)],
        capacity: Resources(pods: pods),
        overhead: Resources())
    }
    let types = [type("m5.large", pods: 29, price: 0.1), type("m5.xlarge", pods: 58, price: 0.2)]
    let templates = try LaunchTemplateResolver.resolve(
      nodeClass: LaunchTemplateResolverTests.nodeClass(spec), instanceTypes: types,
      amis: LaunchTemplateResolverTests.amis,
      bootstrap: LaunchTemplateResolverTests.bootstrap, tags: [:])
    let context = FleetPlanner.Context(
      clusterName: "c", nodeClassName: "default", nodeClassSpec: spec, launchTemplates: templates,
      zonalSubnets: [
        "us-east-1a": Subnet(id: "subnet-a", zone: "us-east-1a", zoneID: "z", availableIPAddressCount: 9)
      ])
    var claim = PlannedNodeClaim(
      staticFrom: NodePoolTemplate(name: "default", requirements: Requirements()), instanceTypes: [])
    claim.instanceTypes = types
    let plan = try FleetPlanner.plan(claim, nodeClaimName: "n", context: context, at: 0)
    #expect(plan.launchTemplateConfigs.count == 2)
    let byType = Dictionary(
      uniqueKeysWithValues: plan.launchTemplateConfigs.flatMap { c in
        c.overrides.map { ($0.instanceType, c.launchTemplateName) }
      })
    #expect(byType["m5.large"] == templates.first { $0.instanceTypes == ["m5.large"] }?.spec.name)
    #expect(byType["m5.xlarge"] == templates.first { $0.instanceTypes == ["m5.xlarge"] }?.spec.name)
    #expect(plan.launchTemplateConfigs.flatMap(\.overrides).allSatisfy { $0.imageID == "ami-x86" })
  }
}
