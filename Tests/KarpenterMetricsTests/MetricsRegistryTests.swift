import Testing

@testable import KarpenterMetrics

@Suite struct MetricsRegistryTests {
  @Test func aCounterIsExposedWithItsHelpTypeAndLabelsInTheDefinitionsOrder() {
    let registry = MetricsRegistry()
    registry.increment(
      "karpenter_nodeclaims_created_total", ["nodepool": "default", "reason": "provisioned", "min_values_relaxed": "false"])
    registry.increment(
      "karpenter_nodeclaims_created_total", ["nodepool": "default", "reason": "provisioned", "min_values_relaxed": "false"],
      by: 2)
    let text = registry.exposition()
    #expect(text.contains("# TYPE karpenter_nodeclaims_created_total counter"))
    #expect(text.contains("# HELP karpenter_nodeclaims_created_total Number of nodeclaims created in total by Karpenter."))
    #expect(
      text.contains(
        #"karpenter_nodeclaims_created_total{reason="provisioned",nodepool="default",min_values_relaxed="false"} 3"#))
    #expect(registry.rejected == 0)
  }

  @Test func unlabelledMetricsStartAtZero() {
    let text = MetricsRegistry().exposition()
    #expect(text.contains("karpenter_cluster_state_node_count 0"))
    #expect(text.contains("karpenter_interruption_deleted_messages_total 0"))
  }

  @Test func aNameOutsideTheCatalogueOrAWrongLabelIsDroppedNotExposed() {
    let registry = MetricsRegistry()
    registry.increment("karpenter_made_up_total")
    registry.increment("karpenter_nodeclaims_created_total", ["colour": "blue"])
    registry.set("karpenter_nodeclaims_created_total", to: 1)  // a counter is not a gauge
    registry.observe("karpenter_cluster_state_node_count", [:], 1)  // a gauge is not a histogram
    #expect(registry.rejected == 4)
    let text = registry.exposition()
    #expect(!text.contains("karpenter_made_up_total"))
    #expect(!text.contains("colour"))
  }

  @Test func replacingAGaugeRemovesTheSeriesThatWent() {
    let registry = MetricsRegistry()
    registry.replaceGauge(
      "karpenter_nodepools_limit",
      with: [(["nodepool": "a", "resource_type": "cpu"], 10), (["nodepool": "b", "resource_type": "cpu"], 20)])
    registry.replaceGauge("karpenter_nodepools_limit", with: [(["nodepool": "b", "resource_type": "cpu"], 30)])
    let text = registry.exposition()
    #expect(!text.contains(#"nodepool="a""#))
    #expect(text.contains(#"karpenter_nodepools_limit{resource_type="cpu",nodepool="b"} 30"#))
  }

  @Test func aHistogramHasItsBucketsSumAndCount() {
    let registry = MetricsRegistry()
    registry.observe("karpenter_scheduler_scheduling_duration_seconds", ["controller": "provisioner"], 0.3)
    let text = registry.exposition()
    #expect(text.contains("# TYPE karpenter_scheduler_scheduling_duration_seconds histogram"))
    #expect(text.contains(#"karpenter_scheduler_scheduling_duration_seconds_bucket{controller="provisioner",le="0.3"} 1"#))
    #expect(text.contains(#"karpenter_scheduler_scheduling_duration_seconds_bucket{controller="provisioner",le="0.25"} 0"#))
    #expect(text.contains(#"karpenter_scheduler_scheduling_duration_seconds_count{controller="provisioner"} 1"#))
  }

  @Test func aSummaryHasItsQuantilesSumAndCount() {
    let registry = MetricsRegistry()
    for seconds in [1.0, 2, 3, 4, 5] {
      registry.observe("karpenter_nodes_termination_duration_seconds", ["nodepool": "default"], seconds)
    }
    let text = registry.exposition()
    #expect(text.contains("# TYPE karpenter_nodes_termination_duration_seconds summary"))
    #expect(text.contains(#"karpenter_nodes_termination_duration_seconds{nodepool="default",quantile="0.5"} 3"#))
    #expect(text.contains(#"karpenter_nodes_termination_duration_seconds{nodepool="default",quantile="1"} 5"#))
    #expect(text.contains(#"karpenter_nodes_termination_duration_seconds_sum{nodepool="default"} 15"#))
    #expect(text.contains(#"karpenter_nodes_termination_duration_seconds_count{nodepool="default"} 5"#))
  }

  @Test func labelValuesAreEscaped() {
    let registry = MetricsRegistry()
    registry.set("karpenter_pods_pending", ["reason": "a \"quoted\"\\ value\nwith a line"], to: 1)
    #expect(registry.exposition().contains(#"reason="a \"quoted\"\\ value\nwith a line""#))
  }

  @Test func anEmptyLabelIsLeftOutOfTheExpositionAsPrometheusReadsIt() {
    let registry = MetricsRegistry()
    registry.increment("karpenter_nodes_created_total", ["nodepool": "default", "zone": ""])
    let text = registry.exposition()
    #expect(text.contains(#"karpenter_nodes_created_total{nodepool="default"} 1"#))
    #expect(!text.contains(#"zone="""#))
  }
}
