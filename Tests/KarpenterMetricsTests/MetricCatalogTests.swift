import Testing

@testable import KarpenterMetrics

/// The catalogue is the contract dashboards are built on: one definition per name, names and
/// labels Prometheus accepts, upstream's conventions kept.
@Suite struct MetricCatalogTests {
  @Test func everyNameIsDefinedOnce() {
    var seen = Set<String>()
    let duplicates = MetricDefinition.all.map(\.name).filter { !seen.insert($0).inserted }
    #expect(duplicates.isEmpty)
  }

  @Test func upstreamsReferenceIsCoveredWithItsKeyMetrics() throws {
    // The metrics the issue names, with the labels dashboards select on.
    let expected: [String: [String]] = [
      "karpenter_nodeclaims_created_total": ["reason", "nodepool", "min_values_relaxed"],
      "karpenter_nodeclaims_terminated_total": ["nodepool", "capacity_type", "zone"],
      "karpenter_nodeclaims_disrupted_total": ["reason", "nodepool", "capacity_type"],
      "karpenter_voluntary_disruption_decisions_total": ["decision", "reason", "consolidation_type"],
      "karpenter_nodepools_usage": ["resource_type", "nodepool"],
      "karpenter_nodepools_limit": ["resource_type", "nodepool"],
      "karpenter_scheduler_scheduling_duration_seconds": ["controller"],
      "karpenter_build_info": ["version", "goversion", "goarch", "commit"],
    ]
    for (name, labels) in expected {
      let definition = try #require(MetricDefinition.named(name), "\(name) is missing")
      #expect(definition.labels == labels, "\(name)")
    }
    #expect(MetricDefinition.upstream.count == 126)
    #expect(MetricDefinition.named("karpenter_pods_state")?.labels.contains("phase") == true)
  }

  @Test func namesAndLabelsAreValidPrometheusIdentifiers() {
    func valid(_ s: String) -> Bool {
      guard let first = s.first, first.isLetter || first == "_" else { return false }
      return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
    for definition in MetricDefinition.all {
      #expect(valid(definition.name), "\(definition.name)")
      #expect(!definition.help.isEmpty, "\(definition.name) has no help")
      for label in definition.labels {
        #expect(valid(label) && !label.hasPrefix("__"), "\(definition.name) label \(label)")
      }
      #expect(Set(definition.labels).count == definition.labels.count, "\(definition.name) repeats a label")
    }
  }

  @Test func countersEndInTotalAndHistogramBucketsAscend() {
    for definition in MetricDefinition.all {
      switch definition.kind {
      case .counter:
        #expect(definition.name.hasSuffix("_total"), "\(definition.name)")
      case .histogram(let buckets):
        #expect(!buckets.isEmpty && zip(buckets, buckets.dropFirst()).allSatisfy { $0 < $1 }, "\(definition.name)")
      case .gauge, .summary:
        break
      }
    }
  }

  @Test func ourOwnMetricsAreGaugesNamedForTheirUnit() {
    #expect(MetricDefinition.own.map(\.name).sorted() == [
      "karpenter_fleet_cost_dollars_per_hour", "karpenter_fleet_cost_lower_bound_dollars_per_hour",
      "karpenter_pods_pending",
    ])
    #expect(MetricDefinition.own.allSatisfy { $0.kind == .gauge })
  }
}
