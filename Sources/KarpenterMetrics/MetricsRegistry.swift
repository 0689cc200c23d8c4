import Foundation
import Prometheus
import Synchronization

/// The controller's metrics, kept in swift-prometheus's registry and recorded only through
/// their definitions: a name outside the catalogue or label values that do not match its label
/// names are dropped (and counted in `rejected`), never exposed wrongly and never a crash.
public final class MetricsRegistry: Sendable {
  public let prometheus: PrometheusCollectorRegistry
  private let state = Mutex(State())

  private struct State {
    var counters: [SeriesKey: Counter] = [:]
    var gauges: [SeriesKey: Gauge] = [:]
    var histograms: [SeriesKey: ValueHistogram] = [:]
    var summaries: [SeriesKey: SummarySeries] = [:]
    var rejected = 0
  }

  private struct SeriesKey: Hashable {
    var name: String
    var values: [String]
  }

  /// A registry exposing every unlabelled metric of `definitions` at zero from the start, as
  /// Prometheus' Go client does; labelled ones appear with their first series.
  public init(definitions: [MetricDefinition] = MetricDefinition.all) {
    prometheus = PrometheusCollectorRegistry()
    for definition in definitions where definition.labels.isEmpty {
      switch definition.kind {
      case .counter: _ = counter(definition, [])
      case .gauge: _ = gauge(definition, [])
      case .histogram: _ = histogram(definition, [])
      case .summary: state.withLock { $0.summaries[SeriesKey(name: definition.name, values: [])] = SummarySeries(labels: []) }
      }
    }
  }

  /// How many recordings were dropped for naming no metric of the catalogue or for label values
  /// that do not match the metric's labels.
  public var rejected: Int { state.withLock { $0.rejected } }

  /// Adds `amount` to the counter's series.
  public func increment(_ name: String, _ labels: [String: String] = [:], by amount: Double = 1) {
    guard let (definition, values) = series(name, labels, isKind: { $0 == .counter }) else { return }
    counter(definition, values)?.increment(by: amount)
  }

  /// Sets the gauge's series.
  public func set(_ name: String, _ labels: [String: String] = [:], to value: Double) {
    guard let (definition, values) = series(name, labels, isKind: { $0 == .gauge }) else { return }
    gauge(definition, values)?.set(value)
  }

  /// Records one observation in the histogram's series.
  public func observe(_ name: String, _ labels: [String: String] = [:], _ value: Double) {
    guard
      let (definition, values) = series(
        name, labels,
        isKind: {
          if case .histogram = $0 { return true }
          return $0 == .summary
        })
    else { return }
    if definition.kind == .summary {
      let key = SeriesKey(name: name, values: values)
      state.withLock { state in
        state.summaries[key, default: SummarySeries(labels: Array(zip(definition.labels, values)))].record(value)
      }
      return
    }
    histogram(definition, values)?.record(value)
  }

  /// Sets the gauge to exactly these series: each is set, and series it had that are not among
  /// them are removed (a node that went, a NodePool deleted), as upstream's gauges are reset.
  public func replaceGauge(_ name: String, with samples: [(labels: [String: String], value: Double)]) {
    var kept = Set<[String]>()
    var definition: MetricDefinition?
    for sample in samples {
      guard let (found, values) = series(name, sample.labels, isKind: { $0 == .gauge }) else { continue }
      definition = found
      kept.insert(values)
      gauge(found, values)?.set(sample.value)
    }
    guard definition != nil || MetricDefinition.named(name)?.kind == .gauge else { return }
    let gone = state.withLock { state -> [Gauge] in
      let stale = state.gauges.keys.filter { $0.name == name && !kept.contains($0.values) }
      return stale.compactMap { state.gauges.removeValue(forKey: $0) }
    }
    for gauge in gone { prometheus.unregisterGauge(gauge) }
  }

  /// The Prometheus text exposition (format 0.0.4) of every series.
  public func exposition() -> String {
    var text = prometheus.emitToString()
    let summaries = state.withLock { $0.summaries }
    for name in Set(summaries.keys.map(\.name)).sorted() {
      guard let definition = MetricDefinition.named(name) else { continue }
      let help = definition.help.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\n", with: "\\n")
      text += "# HELP \(name) \(help)\n# TYPE \(name) summary\n"
      for key in summaries.keys.filter({ $0.name == name }).sorted(by: { $0.values.lexicographicallyPrecedes($1.values) }) {
        text += summaries[key]!.lines(name: name)
      }
    }
    return text
  }

  // MARK: Series

  /// The definition and the label values in its order; nil (and counted as rejected) when the
  /// name is not in the catalogue, is of another type, or a label is not one of its labels. A
  /// label left out is empty, as Prometheus treats a missing label.
  private func series(
    _ name: String, _ labels: [String: String], isKind: (MetricDefinition.Kind) -> Bool
  ) -> (MetricDefinition, [String])? {
    guard let definition = MetricDefinition.named(name), isKind(definition.kind),
      labels.keys.allSatisfy(definition.labels.contains)
    else {
      reject()
      return nil
    }
    return (definition, definition.labels.map { labels[$0] ?? "" })
  }

  private func reject() { state.withLock { $0.rejected += 1 } }

  private func counter(_ definition: MetricDefinition, _ values: [String]) -> Counter? {
    let key = SeriesKey(name: definition.name, values: values)
    return state.withLock { state in
      if let existing = state.counters[key] { return existing }
      let made = prometheus.makeCounter(
        descriptor: definition.descriptor, labels: Array(zip(definition.labels, values)))
      state.counters[key] = made
      return made
    }
  }

  private func gauge(_ definition: MetricDefinition, _ values: [String]) -> Gauge? {
    let key = SeriesKey(name: definition.name, values: values)
    return state.withLock { state in
      if let existing = state.gauges[key] { return existing }
      let made = prometheus.makeGauge(
        descriptor: definition.descriptor, labels: Array(zip(definition.labels, values)))
      state.gauges[key] = made
      return made
    }
  }

  private func histogram(_ definition: MetricDefinition, _ values: [String]) -> ValueHistogram? {
    let buckets: [Double]
    switch definition.kind {
    case .histogram(let b): buckets = b
    case .counter, .gauge, .summary: return nil
    }
    let key = SeriesKey(name: definition.name, values: values)
    return state.withLock { state in
      if let existing = state.histograms[key] { return existing }
      let made = prometheus.makeValueHistogram(
        descriptor: definition.descriptor, labels: Array(zip(definition.labels, values)), buckets: buckets)
      state.histograms[key] = made
      return made
    }
  }
}

extension MetricDefinition {
  /// The whole name as the metric name (no unit appended: the catalogue's names are complete).
  var descriptor: MetricNameDescriptor {
    MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
  }
}
