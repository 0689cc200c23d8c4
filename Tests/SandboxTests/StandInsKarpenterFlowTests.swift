import APIServer
import Foundation
import Testing

@testable import Sandbox

/// The sequence a Karpenter controller with the kwok provider lives through, with this test
/// doing Karpenter's part by hand through the same store operations its REST calls reach.
@Suite("Stand-ins: the flow Karpenter sees")
struct StandInsKarpenterFlowTests {
  @Test(
    "pending pods are Unschedulable; a kwok node registers; once Karpenter lifts its taint they run there")
  func provisioningFlow() throws {
    var c = StandInCluster()
    try c.create(
      "apps", "deployments", Fixture.deployment("inflate", replicas: 3, spec: Fixture.podSpec(cpu: "1")))
    c.settle()
    // What Karpenter's provisioner waits for: PodScheduled=False, reason Unschedulable.
    #expect(c.pods.count == 3)
    for pod in c.pods {
      #expect(pod.condition("PodScheduled")?["reason"]?.string == "Unschedulable")
      #expect(pod.condition("PodScheduled")?["message"]?.string == "no nodes available to schedule pods")
    }
    // The kwok provider creates the Node of the new instance, tainted until registration.
    try c.create("", "nodes", StandInsKubeletTests.kwokNode("kwok-c-4x", type: "c-4x-amd64-linux"))
    c.settle()
    let node = try #require(c.get("", "nodes", namespace: nil, "kwok-c-4x"))
    #expect(node.condition("Ready")?["status"]?.string == "True")
    for pod in c.pods {
      #expect(pod.nodeName == nil)
      #expect(
        pod.condition("PodScheduled")?["message"]?.string
          == "0/1 nodes are available: 1 node(s) had untolerated taint {karpenter.sh/unregistered: }.")
    }
    // Karpenter registers the node: the unregistered taint goes.
    try c.edit("", "nodes", namespace: nil, "kwok-c-4x", ["spec", "taints"], [])
    c.settle()
    #expect(c.pods.allSatisfy { $0.nodeName == "kwok-c-4x" && $0.phase == "Running" })
    // Disruption: Karpenter taints the node, evicts its pods, and the replacements are pending.
    try c.edit(
      "", "nodes", namespace: nil, "kwok-c-4x", ["spec", "taints"], [Fixture.taint("karpenter.sh/disrupted")])
    for pod in c.pods {
      _ = try c.store.evict(namespace: "default", name: pod.metaName, body: [:], now: c.now)
    }
    c.settle()
    #expect(c.pods.count == 3)
    #expect(c.pods.allSatisfy { $0.nodeName == nil && !$0.beingDeleted })
    #expect(
      c.pods.first?.condition("PodScheduled")?["message"]?.string
        == "0/1 nodes are available: 1 node(s) had untolerated taint {karpenter.sh/disrupted: }.")
    // The instance goes: its Node is deleted; nothing is left bound to it.
    try c.delete("", "nodes", namespace: nil, "kwok-c-4x")
    c.settle()
    #expect(
      c.pods.first?.condition("PodScheduled")?["message"]?.string == "no nodes available to schedule pods")
  }
}
