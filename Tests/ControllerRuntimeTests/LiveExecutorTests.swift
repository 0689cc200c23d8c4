import StoreAPITestSupport
import APIServer
import Controllers
import Foundation
import KubernetesAPI
import Scheduling
import Synchronization
import Testing

@testable import ControllerRuntime

/// A wall clock the test moves.
final class TestClock: Sendable {
  let date = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
  func now() -> Date { date.withLock { $0 } }
  func advance(_ seconds: TimeInterval) { date.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The live executor against the sandbox's API store: launches, registration and scale-down as
/// upstream's controllers write them through the API.
@Suite struct LiveExecutorTests {
  let clock = TestClock()
  let api: StoreAPI
  var executor: LiveExecutor<KwokCloudProvider>

  init() throws {
    let clock = self.clock
    api = StoreAPI(now: { clock.now() })
    var schema = ResourceSchema()
    let provider = try KwokCloudProvider(api: api, schema: &schema)
    var cluster = LiveCluster(epoch: clock.now())
    cluster.withStore {
      $0.schema = schema
      $0.instanceTypes = InstanceTypes(all: provider.instanceTypes)
    }
    executor = LiveExecutor(
      cluster: cluster, settings: KarpenterSettings(), cloud: provider, api: api, clock: { clock.now() },
      report: { _, _ in })
    try api.create(
      try JSON(
        parsing: #"{"apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": {"name": "default"}, "spec": {"template": {"spec": {"nodeClassRef": {"group": "karpenter.kwok.sh", "kind": "KWOKNodeClass", "name": "default"}, "requirements": [{"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64"]}, {"key": "kubernetes.io/os", "operator": "In", "values": ["linux"]}, {"key": "karpenter.sh/capacity-type", "operator": "In", "values": ["on-demand"]}]}}, "disruption": {"consolidateAfter": "0s"}}}"#
      ))
  }

  /// Hands the executor what the informers would have delivered, then what is due.
  mutating func step(_ seconds: TimeInterval = 0) async throws {
    clock.advance(seconds)
    for change in try api.changes() { await executor.apply(change) }
    await executor.wakeDue()
    for change in try api.changes() { await executor.apply(change) }
  }

  func pendingPod(_ name: String) throws -> JSON {
    try JSON(
      parsing: #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "\#(name)", "namespace": "default"}, "spec": {"containers": [{"name": "app", "image": "x", "resources": {"requests": {"cpu": "1", "memory": "1Gi"}}}]}, "status": {"phase": "Pending", "conditions": [{"type": "PodScheduled", "status": "False", "reason": "Unschedulable"}]}}"#
    )
  }

  /// The kubelet stand-in's part, by hand: the Node reports Ready.
  func nodeBecomesReady(_ name: String) throws {
    let patch = Array(#"{"status": {"conditions": [{"type": "Ready", "status": "True"}]}}"#.utf8)
    _ = try api.store.withLock { store in
      try store.patch(store.registry.type(group: "", version: "v1", plural: "nodes")!, namespace: nil, name: name, patch, as: .merge, subresource: .status, now: clock.now())
    }
  }

  @Test mutating func aPendingPodGetsANodeClaimWhoseNodeRegistersAsUpstreamWritesIt() async throws {
    try await step()
    await executor.deliver(.restarted)
    try api.create(try pendingPod("web-1"))
    try await step()
    try await step(2)  // the batch closes
    let claims = api.objects("nodeclaims")
    #expect(claims.count == 1)
    let claim = try #require(claims.first)
    let name = try #require(claim["metadata"]?["name"]?.string)
    #expect(name.hasPrefix("default-"))
    #expect(claim["metadata"]?["finalizers"] == ["karpenter.sh/termination"])
    #expect(claim["status"]?["providerID"]?.string == "kwok://\(name)")
    let node = try #require(api.objects("nodes").first)
    #expect(node["metadata"]?["name"]?.string == name)
    #expect(node["spec"]?["taints"]?.array?.first?["key"]?.string == "karpenter.sh/unregistered")
    #expect(executor.cluster.store[pod: "default/web-1"]?.nominated == name)

    try nodeBecomesReady(name)
    try await step(1)
    let registered = try #require(api.objects("nodes").first)
    #expect(registered["metadata"]?["labels"]?["karpenter.sh/registered"]?.string == "true")
    #expect(registered["metadata"]?["labels"]?["karpenter.sh/initialized"]?.string == "true")
    #expect(registered["spec"]?["taints"]?.array?.isEmpty ?? true)
    let conditions = api.objects("nodeclaims").first?["status"]?["conditions"]?.array ?? []
    #expect(Set(conditions.compactMap { $0["type"]?.string }) == ["Launched", "Registered", "Initialized", "Ready"])
  }

  @Test mutating func anEmptyNodeIsConsolidatedAwayAndNothingIsLeftBehind() async throws {
    try await step()
    await executor.deliver(.restarted)
    try api.create(try pendingPod("web-1"))
    try await step()
    try await step(2)
    let name = try #require(api.objects("nodeclaims").first?["metadata"]?["name"]?.string)
    try nodeBecomesReady(name)
    try await step(1)
    // The pod never binds (no scheduler here) and goes away: the node is empty.
    _ = try api.store.withLock { store in
      try store.delete(store.registry.type(group: "", version: "v1", plural: "pods")!, namespace: "default", name: "web-1", options: DeleteOptions(gracePeriodSeconds: 0), now: clock.now())
    }
    for _ in 0..<12 { try await step(10) }
    #expect(api.objects("nodeclaims").isEmpty)
    #expect(api.objects("nodes").isEmpty)
    #expect(executor.cluster.store.nodes.isEmpty)
  }
}
