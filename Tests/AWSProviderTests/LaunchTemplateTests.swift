import KarpenterAPI
import Testing

@testable import AWSProvider

@Suite struct LaunchTemplateTests {
  static let spec = LaunchTemplateSpec(
    imageID: "ami-1", userData: "dXNlcmRhdGE=", blockDeviceMappings: AMIFamily.al2023.defaultBlockDeviceMappings,
    securityGroupIDs: ["sg-1", "sg-2"], instanceProfile: "profile", tags: ["a": "1", "b": "2"])

  @Test func metadataDefaults() {
    let m = Self.spec.metadataOptions
    #expect(m == MetadataOptions(httpEndpoint: "enabled", httpProtocolIPv6: "disabled", httpPutResponseHopLimit: 1, httpTokens: "required"))
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
      existing: [Self.spec.name, "karpenter.k8s.aws/stale", "someone-elses"], needed: [Self.spec, other, Self.spec])
    #expect(plan.create == [other])
    #expect(plan.reuse == [Self.spec.name])
    #expect(plan.delete == ["karpenter.k8s.aws/stale"])
  }
}
