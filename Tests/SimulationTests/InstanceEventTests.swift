import Foundation
import KarpenterCLI
import Testing

/// Scheduled maintenance and instance state changes drain the node at once, like a spot
/// interruption but without the two-minute deadline, and on any capacity type.
@Suite struct InstanceEventTests {
  static let scenario = """
    apiVersion: simulation.karpenter.sh/v1alpha1
    kind: Scenario
    metadata: {name: m}
    spec:
      cloud:
        instanceTypes:
          list:
          - name: std
            capacity: {cpu: "4", memory: 8Gi}
            offerings: [{zone: zone-a, capacityType: on-demand, price: 0.1}]
      duration: 1h
      timeline:
      - at: 10m
        interrupt: [{node: "*", kind: KIND}]
    ---
    apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata: {name: default}
    spec:
      template:
        spec:
          requirements: []
          nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 2
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec: {containers: [{name: web, image: nginx, resources: {requests: {cpu: "1"}}}]}
    """

  func run(kind: String) throws -> (Int32, [[String: Any]], String) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "instance-event-\(UUID().uuidString).yaml")
    try Self.scenario.replacingOccurrences(of: "KIND", with: kind).write(
      to: url, atomically: true, encoding: .utf8)
    let out = SimulateRun.run(paths: [url.path], output: .json)
    guard out.exitCode == 0 else { return (out.exitCode, [], out.stderr) }
    let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
    return (out.exitCode, json["events"] as! [[String: Any]], out.stderr)
  }

  @Test(arguments: ["maintenance", "stateChange"])
  func onDemandNodeIsDrainedAtOnceAndReplaced(kind: String) throws {
    let (code, events, _) = try run(kind: kind)
    #expect(code == 0)
    let decided = events.filter { $0["type"] as? String == "DisruptionDecided" }
    #expect(decided.count == 1)
    #expect(decided.first?["reason"] as? String == "Interrupted")
    #expect(decided.first?["time"] as? Double == 600)
    let evicted = events.filter { $0["type"] as? String == "PodEvicted" }
    #expect(evicted.count == 2)
    #expect(evicted.allSatisfy { $0["time"] as? Double == 600 })
    let created = events.filter { $0["type"] as? String == "NodeClaimCreated" }
    #expect(created.count == 2, "the replacement capacity for the drained pods")
  }

  @Test func unknownKindIsAnInputError() throws {
    let (code, _, stderr) = try run(kind: "meteor")
    #expect(code == 1)
    #expect(stderr.contains("spec.timeline[0].interrupt[0].kind"))
  }

  @Test func aSpotNoticeAfterAMaintenanceEventStillLosesTheInstanceTwoMinutesLater() throws {
    // Spot capacity; a PodDisruptionBudget holds the drain that maintenance starts at 10m. The
    // spot notice at 11m changes nothing for Karpenter (the node is already interrupted), but
    // the cloud reclaims the instance at 13m all the same.
    let yaml = Self.scenario
      .replacingOccurrences(of: "capacityType: on-demand, price: 0.1", with: "capacityType: spot, price: 0.1")
      .replacingOccurrences(
        of: "    interrupt: [{node: \"*\", kind: KIND}]",
        with: "    interrupt: [{node: \"*\", kind: maintenance}]\n  - at: 11m\n    interrupt: [{node: \"*\", kind: spot}]")
      + """

      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: web}
      spec:
        minAvailable: 2
        selector: {matchLabels: {app: web}}
      """
    #expect(yaml.contains("kind: spot}]") && yaml.contains("capacityType: spot"))
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("spot-after-\(UUID().uuidString).yaml")
    try yaml.write(to: url, atomically: true, encoding: .utf8)
    let out = SimulateRun.run(paths: [url.path], output: .json)
    #expect(out.exitCode == 0, "\(out.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
    let events = json["events"] as! [[String: Any]]
    let terminated = events.filter { $0["type"] as? String == "NodeTerminated" }
    #expect(terminated.first?["time"] as? Double == 780, "\(terminated)")
    #expect(terminated.first?["reason"] as? String == "Interrupted")
  }
}
