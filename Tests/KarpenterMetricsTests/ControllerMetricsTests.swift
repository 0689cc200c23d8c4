import Controllers
import ControllersTestSupport
import KarpenterAPI
import KubernetesAPI
import Scheduling
import Testing

@testable import KarpenterMetrics

/// Effects and inputs counted as upstream counts them.
@Suite struct ControllerMetricsTests {
  let store = ClusterStore.build {
    $0.nodePool("default")
    $0.instanceType("m5.large", price: 0.096)
    $0.node("n1", pool: "default", capacityType: "spot", zone: "us-east-1b", price: 0.04, createdAt: 100)
    $0.pod("default/a", on: "n1")
  }

  func value(_ registry: MetricsRegistry, _ series: String) -> Double? {
    for line in registry.exposition().split(separator: "\n") where line.hasPrefix(series + " ") {
      return Double(line.dropFirst(series.count + 1))
    }
    return nil
  }

  @Test func aLaunchCountsANodeClaimCreatedForItsNodePoolAndReason() {
    var metrics = ControllerMetrics(registry: MetricsRegistry(), provider: "kwok")
    let request = LaunchRequest(
      claim: store.plannedNodeClaim("default", types: ["m5.large"]), pods: ["default/p"], reason: nil,
      origin: .provisioner)
    metrics.willExecute(.launch(request), store: store, karpenter: Karpenter(), now: 0)
    metrics.willExecute(.launch(request), store: store, karpenter: Karpenter(), now: 0)
    #expect(
      value(
        metrics.registry,
        #"karpenter_nodeclaims_created_total{reason="provisioned",nodepool="default",min_values_relaxed="false"}"#) == 2)
  }

  @Test func aNodeClaimDeletedForADisruptionIsCountedOnceWithUpstreamsReason() {
    var metrics = ControllerMetrics(registry: MetricsRegistry(), provider: "kwok")
    metrics.willExecute(
      .markTerminating(node: "n1", reason: .registrationTimeout, drainDeadline: nil), store: store, karpenter: Karpenter(),
      now: 10)
    var terminating = store
    terminating.update { $0.disrupting("n1", .registrationTimeout, terminatingSince: 10) }
    // The same node marked again (a forceful deletion taking over) is not a second disruption.
    metrics.willExecute(
      .markTerminating(node: "n1", reason: .expired, drainDeadline: nil), store: terminating, karpenter: Karpenter(),
      now: 11)
    #expect(
      value(
        metrics.registry,
        #"karpenter_nodeclaims_disrupted_total{reason="registration_timeout",nodepool="default",capacity_type="spot"}"#)
        == 1)
    #expect(!metrics.registry.exposition().contains(#"reason="expired""#))
  }

  @Test func aUserDeletingANodeIsNotADisruption() {
    var metrics = ControllerMetrics(registry: MetricsRegistry(), provider: "kwok")
    metrics.willExecute(
      .markTerminating(node: "n1", reason: .deleted, drainDeadline: nil), store: store, karpenter: Karpenter(), now: 10)
    #expect(!metrics.registry.exposition().contains("karpenter_nodeclaims_disrupted_total{"))
  }

  @Test func anInterruptionNamesTheMessageKindAsTheDisruptionReason() {
    var metrics = ControllerMetrics(registry: MetricsRegistry(), provider: "aws")
    metrics.interruptionReceived(.spotInterruption, node: "n1")
    metrics.willExecute(
      .markTerminating(node: "n1", reason: .interrupted, drainDeadline: nil), store: store, karpenter: Karpenter(),
      now: 10)
    #expect(value(metrics.registry, #"karpenter_interruption_received_messages_total{message_type="spot_interrupted"}"#) == 1)
    #expect(
      value(
        metrics.registry,
        #"karpenter_nodeclaims_disrupted_total{reason="spot_interrupted",nodepool="default",capacity_type="spot"}"#) == 1)
  }

  @Test func aRemovedNodeCountsItsTerminationLifetimeAndDrain() {
    var metrics = ControllerMetrics(registry: MetricsRegistry(), provider: "kwok")
    var terminating = store
    terminating.update { $0.disrupting("n1", .underutilized, terminatingSince: 400) }
    metrics.willExecute(.removeNode("n1"), store: terminating, karpenter: Karpenter(), now: 460)
    let r = metrics.registry
    #expect(value(r, #"karpenter_nodes_terminated_total{nodepool="default",zone="us-east-1b"}"#) == 1)
    #expect(
      value(r, #"karpenter_nodeclaims_terminated_total{nodepool="default",capacity_type="spot",zone="us-east-1b"}"#) == 1)
    #expect(value(r, #"karpenter_nodes_drained_total{nodepool="default"}"#) == 1)
    #expect(value(r, #"karpenter_nodes_lifetime_duration_seconds_sum{nodepool="default"}"#) == 360)
    #expect(value(r, #"karpenter_nodeclaims_termination_duration_seconds_sum{nodepool="default"}"#) == 60)
  }

  @Test func inputsCountRegistrationsEvictionsLaunchFailuresAndSchedulingTime() {
    var metrics = ControllerMetrics(registry: MetricsRegistry(), provider: "kwok")
    metrics.delivered(.nodeRegistered("n1"), store: store, seconds: 0)
    metrics.delivered(.evicted(pod: "default/a", node: "n1", .refusedByBudget), store: store, seconds: 0)
    metrics.delivered(.evicted(pod: "default/a", node: "n1", .evicted), store: store, seconds: 0)
    metrics.delivered(.wake(.provision), store: store, seconds: 0.2)
    let request = LaunchRequest(
      claim: store.plannedNodeClaim("default", types: ["m5.large"]), pods: [], reason: nil, origin: .provisioner)
    let offering = OfferingKey(instanceType: "m5.large", zone: "us-east-1c", capacityType: "spot")
    metrics.delivered(
      .launched(
        request,
        .failed(name: "default-x", CloudProviderError(.insufficientCapacity(offering), message: "no capacity"))),
      store: store, seconds: 0)
    let r = metrics.registry
    #expect(value(r, #"karpenter_nodes_created_total{nodepool="default",zone="us-east-1b"}"#) == 1)
    #expect(value(r, #"karpenter_pods_eviction_requests_total{code="429"}"#) == 1)
    #expect(value(r, #"karpenter_pods_eviction_requests_total{code="200"}"#) == 1)
    #expect(value(r, #"karpenter_scheduler_scheduling_duration_seconds_count{controller="provisioner"}"#) == 1)
    #expect(
      value(
        r,
        #"karpenter_cloudprovider_instance_launch_failures_total{zone="us-east-1c",capacity_type="spot",reason="InsufficientInstanceCapacity"}"#)
        == 1)
  }

  @Test func cloudCallsAreTimedAndTheirErrorsNamed() {
    let metrics = ControllerMetrics(registry: MetricsRegistry(), provider: "aws")
    metrics.cloudCall(controller: "node.termination", method: "Delete", seconds: 0.1)
    metrics.cloudCall(
      controller: "node.termination", method: "Delete", seconds: 0.1,
      error: ControllerMetrics.errorName(CloudProviderError(.nodeClaimNotFound("x"), message: "gone")))
    let r = metrics.registry
    #expect(
      value(
        r,
        #"karpenter_cloudprovider_duration_seconds_count{controller="node.termination",method="Delete",provider="aws"}"#)
        == 2)
    #expect(
      value(
        r,
        #"karpenter_cloudprovider_errors_total{controller="node.termination",method="Delete",provider="aws",error="NodeClaimNotFoundError"}"#)
        == 1)
    #expect(r.rejected == 0)
  }

  @Test func eachInputIsAReconcileOfOneController() {
    var metrics = ControllerMetrics(registry: MetricsRegistry(), provider: "kwok")
    metrics.delivered(.wake(.provision), store: store, seconds: 0.01)
    metrics.delivered(.provisioningRequested, store: store, seconds: 0.01)
    metrics.delivered(.wake(.drain("n1")), store: store, seconds: 0.01)
    let r = metrics.registry
    #expect(value(r, #"controller_runtime_reconcile_total{controller="provisioner",result="success"}"#) == 2)
    #expect(value(r, #"controller_runtime_reconcile_total{controller="node.termination",result="success"}"#) == 1)
    #expect(value(r, #"controller_runtime_max_concurrent_reconciles{controller="disruption"}"#) == 1)
  }

  @Test func allowedDisruptionsAreTheBudgetLessTheNodesBeingDisrupted() {
    let store = ClusterStore.build {
      $0.nodePool("default", budgets: [Budget(nodes: "2")])
      $0.node("n1")
      $0.node("n2")
      $0.node("n3")
      $0.disrupting("n3", .drifted)
    }
    var metrics = ControllerMetrics(registry: MetricsRegistry(), provider: "kwok")
    metrics.refresh(store: store, karpenter: Karpenter(), now: 0, synced: true)
    #expect(value(metrics.registry, #"karpenter_nodepools_allowed_disruptions{nodepool="default",reason="drifted"}"#) == 1)
    #expect(value(metrics.registry, #"karpenter_nodepools_allowed_disruptions{nodepool="default",reason="empty"}"#) == 1)
  }

  @Test func aPodsTimesToBeBoundAndReadyAreObservedOnce() {
    var store = self.store
    store[pod: "default/a"]!.pod.metadata.creationTimestamp = "2026-01-01T00:00:00Z"
    store[pod: "default/a"]!.pod.status = PodStatus(
      phase: "Running",
      conditions: [
        PodCondition(type: "PodScheduled", status: "True", lastTransitionTime: "2026-01-01T00:00:04Z"),
        PodCondition(type: "Ready", status: "True", lastTransitionTime: "2026-01-01T00:00:09Z"),
      ])
    var metrics = ControllerMetrics(registry: MetricsRegistry(), provider: "kwok")
    metrics.refresh(store: store, karpenter: Karpenter(), now: 0, synced: true)
    metrics.refresh(store: store, karpenter: Karpenter(), now: 5, synced: true)
    #expect(value(metrics.registry, "karpenter_pods_bound_duration_seconds_sum") == 4)
    #expect(value(metrics.registry, "karpenter_pods_bound_duration_seconds_count") == 1)
    #expect(value(metrics.registry, "karpenter_pods_startup_duration_seconds_sum") == 9)
  }
}
