import Foundation
import KarpenterCLI
import Testing

/// Termination drains in upstream's order: pods that are not critical, then DaemonSet pods
/// that are not critical, then critical pods; a group waits while the one before is held back.
@Suite struct DrainOrderTests {
  static let scenario = """
    apiVersion: simulation.karpenter.sh/v1alpha1
    kind: Scenario
    metadata: {name: drain}
    spec:
      cloud:
        instanceTypes:
          list:
          - name: std
            capacity: {cpu: "8", memory: 16Gi}
            offerings: [{zone: zone-a, capacityType: on-demand, price: 0.1}]
      duration: 30m
      timeline:
      - at: 10m
        interrupt: [{node: "*", kind: maintenance}]
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
    kind: DaemonSet
    metadata: {name: agent}
    spec:
      selector: {matchLabels: {app: agent}}
      template:
        metadata: {labels: {app: agent}}
        spec: {containers: [{name: a, image: a, resources: {requests: {cpu: 100m}}}]}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: dns}
    spec:
      replicas: 1
      selector: {matchLabels: {app: dns}}
      template:
        metadata: {labels: {app: dns}}
        spec: {priorityClassName: system-cluster-critical, containers: [{name: d, image: d, resources: {requests: {cpu: 100m}}}]}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 1
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec: {containers: [{name: w, image: w, resources: {requests: {cpu: "1"}}}]}
    """

  static let webBudget = """

    ---
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: web}
    spec:
      minAvailable: 1
      selector: {matchLabels: {app: web}}
    """

  func run(_ yaml: String) throws -> [String: Any] { try simulateJSON(yaml) }

  @Test func nonCriticalPodsGoFirstThenDaemonSetPodsThenCriticalPods() throws {
    let json = try run(Self.scenario)
    let evicted = (json["events"] as! [[String: Any]]).filter { $0["type"] as? String == "PodEvicted" }
    let pods = evicted.compactMap { $0["pod"] as? String }
    #expect(pods.count == 3)
    #expect(pods.first == "default/web-0")
    #expect(pods.dropFirst().first?.hasPrefix("default/agent-") == true)
    #expect(pods.last == "default/dns-0")
  }

  @Test func aHeldBackGroupKeepsTheLaterGroupsOnTheNode() throws {
    let json = try run(Self.scenario + Self.webBudget)
    let events = json["events"] as! [[String: Any]]
    #expect(!events.contains { $0["type"] as? String == "PodEvicted" })
    #expect(!events.contains { $0["type"] as? String == "NodeTerminated" })
    let node = try #require(
      (json["nodes"] as! [[String: Any]]).first { ($0["pods"] as! [String]).contains("default/web-0") })
    let pods = node["pods"] as! [String]
    #expect(pods.contains("default/dns-0"))
    #expect(pods.contains { $0.hasPrefix("default/agent-") })
    // Posted once, not every 10-second retry.
    let failed = (json["kubernetesEvents"] as! [[String: Any]]).filter {
      $0["reason"] as? String == "FailedDraining"
    }
    #expect(failed.count == 1)
    #expect(failed.first?["type"] as? String == "Warning")
  }
}
