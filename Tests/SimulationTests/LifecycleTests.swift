import Foundation
import KarpenterCLI
import Testing

/// The NodeClaim lifecycle beyond the happy path: Launched / Registered / Initialized in the
/// output, nodes that never register (15-minute registration timeout), instances that vanish
/// (garbage collection), replacements that never initialize (the disruption is undone), and
/// rebalance recommendations (reported only).
@Suite struct LifecycleTests {
  /// Two instance types: `cheap` (on-demand 0.1) and `dear` (on-demand 0.3), 4 CPUs each.
  static func scenario(duration: String = "1h", timeline: String = "[]", extra: String = "") -> String {
    """
    apiVersion: simulation.karpenter.sh/v1alpha1
    kind: Scenario
    metadata: {name: lifecycle}
    spec:
      cloud:
        instanceTypes:
          list:
          - name: cheap
            capacity: {cpu: "4", memory: 8Gi}
            offerings: [{zone: zone-a, capacityType: on-demand, price: 0.1}, {zone: zone-a, capacityType: spot, price: 0.05}]
          - name: dear
            capacity: {cpu: "4", memory: 8Gi}
            offerings: [{zone: zone-a, capacityType: on-demand, price: 0.3}]
      duration: \(duration)
      timeline: \(timeline)
    ---
    apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata: {name: default}
    spec:
      template:
        spec:
          requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}]
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
    \(extra)
    """
  }

  /// Runs `yaml` and returns the JSON result (and the log file's lines).
  static func run(_ yaml: String) throws -> (json: [String: Any], log: [[String: Any]]) {
    let logURL = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lifecycle-\(UUID().uuidString).log")
    let json = try simulateJSON(yaml, log: logURL)
    let lines = try String(contentsOf: logURL, encoding: .utf8).split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
    return (json, lines)
  }

  static func events(_ json: [String: Any], _ type: String) -> [[String: Any]] {
    (json["events"] as! [[String: Any]]).filter { $0["type"] as? String == type }
  }

  static func kubernetesEvents(_ json: [String: Any], _ reason: String) -> [[String: Any]] {
    (json["kubernetesEvents"] as! [[String: Any]]).filter { $0["reason"] as? String == reason }
  }

  @Test func launchedRegisteredAndInitializedAreReportedPerNodeClaim() throws {
    let (json, log) = try Self.run(Self.scenario())
    let node = try #require((json["nodes"] as! [[String: Any]]).first)
    let claim = try #require(node["nodeClaim"] as? [String: Any])
    #expect(claim["launchedAt"] as? Double == 1)
    #expect(claim["registeredAt"] as? Double == 31)
    #expect(claim["initializedAt"] as? Double == 31)
    let messages = log.compactMap { $0["message"] as? String }
    for message in [
      "created nodeclaim", "launched nodeclaim", "registered nodeclaim", "initialized nodeclaim",
    ] {
      #expect(messages.contains(message), "\(message) missing from the log")
    }
    #expect(log.allSatisfy { ($0["time"] as? String)?.hasPrefix("2024-01-01T00:00:") ?? false })
  }

  @Test func aNodeIsInitializedWhenItsStartupTaintsGo() throws {
    // Startup taints are removed 20 s after the node is Ready: pods that do not tolerate them
    // bind then, and the NodeClaim is Initialized then.
    let yaml = Self.scenario()
      .replacingOccurrences(
        of: "\n  duration: 1h", with: "\n    startupTaintsRemovedAfter: 20s\n  duration: 1h"
      )
      .replacingOccurrences(
        of: "      requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}]",
        with:
          "      requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}]\n      startupTaints: [{key: example.com/agent-not-ready, effect: NoSchedule}]"
      )
    let (json, log) = try Self.run(yaml)
    let node = try #require((json["nodes"] as! [[String: Any]]).first)
    let claim = try #require(node["nodeClaim"] as? [String: Any])
    #expect(claim["registeredAt"] as? Double == 31)
    #expect(claim["initializedAt"] as? Double == 51)
    let bound = Self.events(json, "PodBound").filter {
      ($0["pod"] as? String)?.hasPrefix("default/web-") == true
    }
    #expect(bound.count == 2)
    #expect(bound.allSatisfy { $0["time"] as? Double == 51 })
    #expect(
      log.contains {
        $0["message"] as? String == "initialized nodeclaim"
          && ($0["time"] as? String)?.hasSuffix("00:00:51.000Z") == true
      })
    #expect((node["taints"] as! [[String: Any]]).isEmpty)
  }

  @Test func aRunWithoutDurationWaitsForSlowStartupTaints() throws {
    // Startup taints take 20 minutes to go, longer than the 15-minute quiet rule: the run
    // must not end before the node is initialized and the pods are bound.
    let yaml = Self.scenario()
      .replacingOccurrences(of: "\n  duration: 1h", with: "\n    startupTaintsRemovedAfter: 20m")
      .replacingOccurrences(
        of: "      requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}]",
        with:
          "      requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}]\n      startupTaints: [{key: example.com/agent-not-ready, effect: NoSchedule}]"
      )
    let (json, _) = try Self.run(yaml)
    #expect((json["pendingPods"] as! [Any]).isEmpty)
    let claim = try #require((json["nodes"] as! [[String: Any]]).first?["nodeClaim"] as? [String: Any])
    let initializedAt = claim["initializedAt"] as? Double
    #expect(initializedAt == 1231, "Ready at 31 s, startup taints gone 20 minutes later")
    #expect((json["endTime"] as! Double) >= 1231 + 900)
  }

  @Test func aNodeNotYetRegisteredCarriesTheUnregisteredTaint() throws {
    let (json, _) = try Self.run(Self.scenario(duration: "20s"))
    let node = try #require((json["nodes"] as! [[String: Any]]).first)
    let taints = node["taints"] as! [[String: Any]]
    #expect(
      taints.contains {
        $0["key"] as? String == "karpenter.sh/unregistered" && $0["effect"] as? String == "NoExecute"
      })
    let claim = try #require(node["nodeClaim"] as? [String: Any])
    #expect(claim["registeredAt"] is NSNull)
    #expect(claim["initializedAt"] is NSNull)
  }

  @Test func aNodeThatNeverRegistersIsDeletedAfterFifteenMinutesAndItsPodsGoElsewhere() throws {
    // Instances of `cheap` launch but never join during the first 10 minutes.
    let (json, log) = try Self.run(
      Self.scenario(
        timeline: "[{at: 0s, unavailable: [{instanceType: cheap, failure: registration, for: 10m}]}]"))
    let failed = Self.events(json, "LaunchFailed")
    #expect(failed.count == 1)
    #expect(failed.first?["time"] as? Double == 901)
    #expect((failed.first?["reason"] as? String)?.contains("did not register within 15m") == true)
    let terminated = Self.events(json, "NodeTerminated")
    #expect(terminated.first?["reason"] as? String == "RegistrationTimeout")
    #expect(terminated.first?["node"] as? String == failed.first?["node"] as? String)
    #expect(log.contains { $0["message"] as? String == "terminating due to registration ttl" })
    // The pods got a new NodeClaim after the timeout, which registered.
    #expect((json["pendingPods"] as! [Any]).isEmpty)
    let nodes = json["nodes"] as! [[String: Any]]
    #expect(nodes.count == 1)
    #expect((nodes.first?["nodeClaim"] as? [String: Any])?["registeredAt"] as? Double ?? 0 > 901)
    // The instance that never registered was paid for its 15 minutes.
    let cost = json["cost"] as! [String: Any]
    #expect((cost["total"] as! Double) > 0.1 * 900 / 3600)
  }

  @Test func garbageCollectionRemovesANodeWhoseInstanceVanished() throws {
    let (json, log) = try Self.run(
      Self.scenario(timeline: "[{at: 10m, interrupt: [{node: \"*\", kind: terminated}]}]"))
    let terminated = Self.events(json, "NodeTerminated")
    #expect(terminated.count == 1)
    // Garbage collection runs on two-minute ticks: the next one after 600 s is 720 s.
    #expect(terminated.first?["time"] as? Double == 720)
    #expect(terminated.first?["reason"] as? String == "GarbageCollected")
    #expect(Self.events(json, "DisruptionDecided").isEmpty, "garbage collection is not a disruption")
    #expect(Self.events(json, "PodEvicted").count == 2)
    #expect(log.contains { ($0["message"] as? String)?.contains("garbage collecting nodeclaim") == true })
    #expect((json["pendingPods"] as! [Any]).isEmpty)
    // The vanished instance costs nothing after it vanished: 1 s to 600 s, then the new node.
    let cost = json["cost"] as! [String: Any]
    let replacement = try #require((json["nodes"] as! [[String: Any]]).first)
    let created = replacement["createdAt"] as! Double
    let expected = 0.1 * (600 - 1) / 3600 + 0.1 * (3600 - created) / 3600
    #expect(abs((cost["total"] as! Double) - expected) < 1e-5)
  }

  @Test func anInstanceThatVanishesBeforeItsNodeIsReadyNeverBecomesReady() throws {
    // Launched at 1 s, Ready would be at 31 s; the instance vanishes at 10 s.
    let (json, _) = try Self.run(
      Self.scenario(timeline: "[{at: 10s, interrupt: [{node: \"*\", kind: terminated}]}]"))
    let first = try #require(Self.events(json, "NodeClaimCreated").first?["node"] as? String)
    #expect(!Self.events(json, "NodeReady").contains { $0["node"] as? String == first })
    let gone = Self.events(json, "NodeTerminated").first { $0["node"] as? String == first }
    #expect(gone?["time"] as? Double == 120)
    #expect(gone?["reason"] as? String == "GarbageCollected")
    // The pods nominated to it got a new NodeClaim and run.
    #expect((json["pendingPods"] as! [Any]).isEmpty)
    #expect(Self.events(json, "NodeClaimCreated").count == 2)
  }

  @Test func aSecondInterruptionNoticeChangesNothing() throws {
    let spot = Self.scenario(
      timeline:
        "[{at: 10m, interrupt: [{node: \"*\"}]}, {at: 601s, interrupt: [{node: \"*\", kind: maintenance}]}]"
    ).replacingOccurrences(of: "values: [on-demand]", with: "values: [spot]")
    let (json, _) = try Self.run(spot)
    let decided = Self.events(json, "DisruptionDecided")
    let interrupted = try #require(decided.first { $0["time"] as? Double == 600 }?["node"] as? String)
    // The maintenance notice at 601 s reaches every node; the one already interrupted ignores it.
    #expect(decided.filter { $0["node"] as? String == interrupted }.count == 1)
    #expect(Self.events(json, "NodeTerminated").filter { $0["node"] as? String == interrupted }.count == 1)
  }

  @Test func aRebalanceRecommendationIsReportedAndChangesNothing() throws {
    let spot = Self.scenario(timeline: "[{at: 10m, interrupt: [{node: \"*\", kind: rebalance}]}]")
      .replacingOccurrences(of: "values: [on-demand]", with: "values: [spot]")
    let (json, log) = try Self.run(spot)
    let recommended = Self.kubernetesEvents(json, "SpotRebalanceRecommendation")
    #expect(recommended.count == 1)
    #expect(recommended.first?["time"] as? Double == 600)
    #expect((recommended.first?["involvedObject"] as? [String: Any])?["kind"] as? String == "Node")
    #expect(Self.events(json, "DisruptionDecided").isEmpty)
    #expect(Self.events(json, "PodEvicted").isEmpty)
    #expect(Self.events(json, "NodeTerminated").isEmpty)
    #expect(
      log.contains {
        $0["reason"] as? String == "SpotRebalanceRecommendation" && $0["logger"] as? String == "events"
      })
  }

  /// Two pods sit on a `dear` node (the only type at first); from 5 m `cheap` may launch but
  /// never registers, so consolidation's replacement cannot initialize.
  static func neverInitializingReplacement(duration: String) -> String {
    scenario(
      duration: duration,
      timeline: """
        [{at: 0s, unavailable: [{instanceType: cheap, for: 5m}]},
         {at: 5m, unavailable: [{instanceType: cheap, failure: registration}]}]
        """)
  }

  @Test func aReplacementThatNeverInitializesUndoesTheDisruption() throws {
    // At 190 s (the failed launch's offering left the 3-minute cache) consolidation tries `cheap`
    // again, whose launch fails again until 300 s; the decision after the cache's next expiry
    // executes at 405 s, and the orchestration queue gives up 10 minutes later.
    let (json, log) = try Self.run(Self.neverInitializingReplacement(duration: "1010s"))
    let decided = Self.events(json, "DisruptionDecided")
    #expect(decided.count == 1)
    #expect(decided.first?["reason"] as? String == "Underutilized")
    #expect(decided.first?["time"] as? Double == 405)
    let original = decided.first?["node"] as? String
    // The dear node was never drained: it is still there, without the disrupted taint.
    let nodes = json["nodes"] as! [[String: Any]]
    let kept = try #require(nodes.first { $0["name"] as? String == original })
    #expect(
      (kept["taints"] as! [[String: Any]]).allSatisfy { $0["key"] as? String != "karpenter.sh/disrupted" })
    #expect((kept["pods"] as! [String]).count == 2)
    #expect(Self.events(json, "PodEvicted").isEmpty)
    #expect(Self.kubernetesEvents(json, "DisruptionWaitingReadiness").count == 1)
    let undone = Self.kubernetesEvents(json, "DisruptionBlocked")
    #expect(undone.count == 1)
    #expect(undone.first?["time"] as? Double == 1005)
    #expect((undone.first?["message"] as? String)?.contains("did not initialize within 10m") == true)
    #expect(
      log.contains { $0["message"] as? String == "failed to disrupt nodes, replacements did not initialize" })
  }

  @Test func consolidationNeverMovesPodsOntoANodeThatHasNotInitialized() throws {
    // After the undo, the replacement is still launching; it must not count as room for the pods.
    let (json, _) = try Self.run(Self.neverInitializingReplacement(duration: "2h"))
    #expect(Self.events(json, "PodEvicted").isEmpty)
    #expect((json["pendingPods"] as! [Any]).isEmpty)
    // Each replacement that never registered was deleted by the registration timeout.
    let timeouts = Self.events(json, "NodeTerminated").filter {
      $0["reason"] as? String == "RegistrationTimeout"
    }
    let firstTimeout = timeouts.first?["time"] as? Double
    #expect(firstTimeout == 1305, "launched at 405 s, deleted 15 minutes later")
  }

  @Test func badFailureKindIsAnInputErrorWithItsPath() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lifecycle-\(UUID().uuidString).yaml")
    try Self.scenario(timeline: "[{at: 0s, unavailable: [{instanceType: cheap, failure: boot, for: soon}]}]")
      .write(to: url, atomically: true, encoding: .utf8)
    let out = SimulateRun.run(paths: [url.path], output: .json)
    #expect(out.exitCode == 1)
    #expect(out.stdout.isEmpty)
    #expect(out.stderr.contains("spec.timeline[0].unavailable[0].failure"))
    #expect(out.stderr.contains("spec.timeline[0].unavailable[0].for"))
  }
}
