import KarpenterAPI
import KubernetesAPI
import Testing

@testable import KarpenterMetrics

/// operatorpkg's status-condition metrics.
@Suite struct ConditionMetricsTests {
  func value(_ registry: MetricsRegistry, _ series: String) -> Double? {
    for line in registry.exposition().split(separator: "\n") where line.hasPrefix(series + " ") {
      return Double(line.dropFirst(series.count + 1))
    }
    return nil
  }

  @Test func eachConditionIsASeriesAndAChangeIsATransition() {
    let registry = MetricsRegistry()
    var conditions = ConditionMetrics()
    let ready = Condition(type: "Ready", status: "True", reason: "Ready", lastTransitionTime: "2026-01-01T00:00:00Z")
    let start = ControllerMetrics.time("2026-01-01T00:00:00Z")!
    conditions.record(.ec2NodeClass, [.init(name: "default", conditions: [ready])], now: start + 30, into: registry)
    #expect(
      value(
        registry,
        #"operator_ec2nodeclass_status_condition_count{name="default",type="Ready",status="True",reason="Ready"}"#)
        == 1)
    #expect(
      value(
        registry,
        #"operator_ec2nodeclass_status_condition_current_status_seconds{name="default",type="Ready",status="True",reason="Ready"}"#)
        == 30)

    let notReady = Condition(
      type: "Ready", status: "False", reason: "SubnetsNotFound", lastTransitionTime: "2026-01-01T00:01:40Z")
    conditions.record(.ec2NodeClass, [.init(name: "default", conditions: [notReady])], now: start + 120, into: registry)
    let text = registry.exposition()
    #expect(!text.contains(#"type="Ready",status="True",reason="Ready"}"#), "the old series is gone")
    #expect(
      value(
        registry,
        #"operator_ec2nodeclass_status_condition_transitions_total{type="Ready",status="False",reason="SubnetsNotFound"}"#)
        == 1)
    // It had been True for 100 s.
    #expect(value(registry, #"operator_ec2nodeclass_status_condition_transition_seconds_sum{type="Ready",status="True"}"#) == 100)
    #expect(registry.rejected == 0)
  }

  @Test func aNodeClaimCarriesItsNodePoolAndNodeClass() {
    let registry = MetricsRegistry()
    var conditions = ConditionMetrics()
    var claim = NodeClaim(metadata: ObjectMeta(name: "default-abc"), spec: NodeClaimSpec())
    claim.metadata.labels = [WellKnown.nodePoolLabel: "default", "karpenter.k8s.aws/ec2nodeclass": "nc"]
    conditions.record(
      .nodeClaim,
      [.init(name: "default-abc", conditions: [Condition(type: "Launched", status: "True")], extra: ConditionMetrics.nodeClaimLabels(claim))],
      now: 0, into: registry)
    #expect(registry.exposition().contains(#"karpenter_k8s_aws_ec2nodeclass="nc",karpenter_sh_nodepool="default"}"#))
    #expect(registry.rejected == 0)
  }
}
