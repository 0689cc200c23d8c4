import Controllers
import Foundation
import KarpenterAPI
import KubernetesAPI
import Testing

@testable import ControllerRuntime

/// Objects as the API server sends them (JSON), decoded as the informers decode them.
func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
  try JSONDecoder().decode(T.self, from: Data(json.utf8))
}

let epoch = Date(timeIntervalSince1970: 1_800_000_000)

func pod(_ name: String, node: String? = nil, unschedulable: Bool = false, cpu: String = "500m", deleting: Bool = false) throws -> Pod {
  let nodeName = node.map { #", "nodeName": "\#($0)""# } ?? ""
  let conditions =
    unschedulable ? #", "status": {"phase": "Pending", "conditions": [{"type": "PodScheduled", "status": "False", "reason": "Unschedulable"}]}"# : #", "status": {"phase": "Running"}"#
  let deletion = deleting ? #", "deletionTimestamp": "2027-01-15T08:00:00Z""# : ""
  return try decode(
    Pod.self,
    #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "\#(name)", "namespace": "default", "creationTimestamp": "2027-01-15T08:00:00Z", "managedFields": [{"manager": "kubectl"}]\#(deletion)}, "spec": {"containers": [{"name": "app", "image": "x", "resources": {"requests": {"cpu": "\#(cpu)", "memory": "256Mi"}}}]\#(nodeName)}\#(conditions)}"#
  )
}

func node(_ name: String, ready: Bool = true, taints: String = "[]") throws -> Node {
  try decode(
    Node.self,
    #"{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "\#(name)", "creationTimestamp": "2027-01-15T08:00:00Z", "labels": {"karpenter.sh/nodepool": "default", "node.kubernetes.io/instance-type": "c-4x-amd64-linux", "topology.kubernetes.io/zone": "test-zone-a", "karpenter.sh/capacity-type": "spot"}}, "spec": {"providerID": "kwok://\#(name)", "taints": \#(taints)}, "status": {"allocatable": {"cpu": "3900m", "memory": "8Gi", "pods": "64"}, "conditions": [{"type": "Ready", "status": "\#(ready ? "True" : "False")"}]}}"#
  )
}

func nodeClaim(_ name: String, conditions: String = "[]", deleting: Bool = false, nodeName: String? = nil) throws -> NodeClaim {
  let deletion = deleting ? #", "deletionTimestamp": "2027-01-15T08:05:00Z""# : ""
  let linked = nodeName.map { #", "nodeName": "\#($0)""# } ?? ""
  return try decode(
    NodeClaim.self,
    #"{"apiVersion": "karpenter.sh/v1", "kind": "NodeClaim", "metadata": {"name": "\#(name)", "resourceVersion": "7", "creationTimestamp": "2027-01-15T08:00:00Z", "labels": {"karpenter.sh/nodepool": "default"}, "annotations": {"karpenter.sh/nodepool-hash": "abc"}\#(deletion)}, "spec": {"requirements": [], "nodeClassRef": {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"}}, "status": {"providerID": "kwok://\#(name)"\#(linked), "conditions": \#(conditions)}}"#
  )
}

@Suite struct LiveClusterTests {
  let now = Date(timeIntervalSince1970: 1_800_000_100)

  @Test func aPendingPodEntersKarpentersViewOnlyOnceTheSchedulerFoundNoNode() throws {
    var cluster = LiveCluster(epoch: epoch)
    #expect(cluster.apply(.pod(try pod("a")), at: now).isEmpty)
    #expect(cluster.store.pods.isEmpty)
    let inputs = cluster.apply(.pod(try pod("a", unschedulable: true)), at: now)
    #expect(inputs == [.provisioningRequested])
    #expect(cluster.store[pod: "default/a"]?.awaitingProvisioner == true)
    // A second report of the same pending pod is no news.
    #expect(cluster.apply(.pod(try pod("a", unschedulable: true)), at: now).isEmpty)
  }

  @Test func aNodeClaimAndItsNodeAreOneRecordWithTheirLifecycle() throws {
    var cluster = LiveCluster(epoch: epoch)
    let created = cluster.apply(.nodeClaim(try nodeClaim("default-abcde")), at: now)
    #expect(created == [.nodeClaimCreated("default-abcde", launched: true)])
    let joined = cluster.apply(.node(try node("default-abcde")), at: now)
    #expect(joined == [.nodeRegistered("default-abcde"), .nodeInitialized("default-abcde")])
    let record = try #require(cluster.store[node: "default-abcde"])
    #expect(record.nodePool == "default")
    #expect(record.instanceType == "c-4x-amd64-linux")
    #expect(record.ready)
    #expect(record.templateHash == "abc")
    #expect(cluster.store.nodeNames == ["default-abcde"])
    // The same Node reported again changes nothing the controllers hear of.
    #expect(cluster.apply(.node(try node("default-abcde")), at: now).isEmpty)
  }

  @Test func aNodeNamedDifferentlyFromItsClaimIsLinkedByTheClaimsStatus() throws {
    var cluster = LiveCluster(epoch: epoch)
    _ = cluster.apply(.node(try node("ip-10-0-0-1")), at: now)
    #expect(cluster.store.nodeNames == ["ip-10-0-0-1"])
    _ = cluster.apply(.nodeClaim(try nodeClaim("default-abcde", nodeName: "ip-10-0-0-1")), at: now)
    #expect(cluster.store.nodeNames == ["default-abcde"])
    #expect(cluster.key(ofNode: "ip-10-0-0-1") == "default-abcde")
    #expect(cluster.nodeName(of: "default-abcde") == "ip-10-0-0-1")
  }

  @Test func boundPodsTakeRoomOnTheirNodeEvenWhenTheyArriveFirst() throws {
    var cluster = LiveCluster(epoch: epoch)
    _ = cluster.apply(.pod(try pod("a", node: "default-abcde", cpu: "1")), at: now)
    #expect(cluster.store.pods.isEmpty)  // its node is not known yet
    _ = cluster.apply(.nodeClaim(try nodeClaim("default-abcde")), at: now)
    _ = cluster.apply(.node(try node("default-abcde")), at: now)
    let record = try #require(cluster.store[node: "default-abcde"])
    #expect(record.pods == ["default/a"])
    #expect(cluster.store[pod: "default/a"]?.node == "default-abcde")
    _ = cluster.apply(.podDeleted("default/a"), at: now)
    #expect(cluster.store[node: "default-abcde"]?.pods.isEmpty == true)
    #expect(cluster.store[node: "default-abcde"]?.requested == .zero)
  }

  @Test func aNodeClaimSomeoneElseDeletesIsHandedToTheTerminationController() throws {
    var cluster = LiveCluster(epoch: epoch)
    _ = cluster.apply(.nodeClaim(try nodeClaim("default-abcde")), at: now)
    let inputs = cluster.apply(.nodeClaim(try nodeClaim("default-abcde", deleting: true)), at: now)
    #expect(inputs == [.delete(Deletion(node: "default-abcde", reason: .deleted))])
    #expect(cluster.store[node: "default-abcde"]?.terminatingSince != nil)
  }

  @Test func aDeletionKarpenterAskedForIsNotReportedBack() throws {
    var cluster = LiveCluster(epoch: epoch)
    _ = cluster.apply(.nodeClaim(try nodeClaim("default-abcde")), at: now)
    cluster.expectDeletion(of: "default-abcde")
    #expect(cluster.apply(.nodeClaim(try nodeClaim("default-abcde", deleting: true)), at: now).isEmpty)
  }

  @Test func theDisruptionReasonConditionAndTheUnregisteredTaintReadAsUpstreamWritesThem() throws {
    var cluster = LiveCluster(epoch: epoch)
    _ = cluster.apply(
      .nodeClaim(
        try nodeClaim(
          "default-abcde",
          conditions: #"[{"type": "DisruptionReason", "status": "True", "reason": "Underutilized"}]"#)), at: now)
    _ = cluster.apply(
      .node(try node("default-abcde", taints: #"[{"key": "karpenter.sh/unregistered", "effect": "NoExecute"}]"#)),
      at: now)
    let record = try #require(cluster.store[node: "default-abcde"])
    #expect(record.disruption == .underutilized)
    #expect(record.taints.isEmpty)
  }

  @Test func aMarkKarpenterWroteSurvivesOlderReportsOfTheClaim() throws {
    var cluster = LiveCluster(epoch: epoch)
    _ = cluster.apply(.nodeClaim(try nodeClaim("default-abcde")), at: now)
    cluster.writing("default-abcde")
    cluster.withStore { $0[node: "default-abcde"]!.disruption = .empty }
    // The watch reports the claim as it was before the write (resourceVersion 7).
    _ = cluster.apply(.nodeClaim(try nodeClaim("default-abcde")), at: now)
    #expect(cluster.store[node: "default-abcde"]?.disruption == .empty)
    cluster.wrote("default-abcde", resourceVersion: "7")
    _ = cluster.apply(.nodeClaim(try nodeClaim("default-abcde")), at: now)
    #expect(cluster.store[node: "default-abcde"]?.disruption == nil)
  }

  @Test func aNodeAndClaimGoneFromTheAPIAreRemovedAndReported() throws {
    var cluster = LiveCluster(epoch: epoch)
    _ = cluster.apply(.nodeClaim(try nodeClaim("default-abcde")), at: now)
    _ = cluster.apply(.node(try node("default-abcde")), at: now)
    #expect(cluster.apply(.nodeDeleted("default-abcde"), at: now) == [.instanceLost("default-abcde")])
    #expect(cluster.apply(.nodeClaimDeleted("default-abcde"), at: now) == [.nodeRemoved("default-abcde", reason: nil)])
    #expect(cluster.store.nodes.isEmpty)
  }

  @Test func terminalPodsHoldNothing() throws {
    var cluster = LiveCluster(epoch: epoch)
    _ = cluster.apply(.nodeClaim(try nodeClaim("default-abcde")), at: now)
    _ = cluster.apply(.node(try node("default-abcde")), at: now)
    _ = cluster.apply(.pod(try pod("a", node: "default-abcde")), at: now)
    var done = try pod("a", node: "default-abcde")
    done.status?.phase = "Succeeded"
    _ = cluster.apply(.pod(done), at: now)
    #expect(cluster.store[node: "default-abcde"]?.pods.isEmpty == true)
    #expect(cluster.store.pods.isEmpty)
  }
}
