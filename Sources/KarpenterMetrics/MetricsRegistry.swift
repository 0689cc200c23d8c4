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
    /// Gauges by metric name: a family is replaced as a whole (every few seconds, with tens
    /// of thousands of series at 20,000 pods), so they are held as plain values and written out
    /// here rather than as swift-prometheus gauges, whose registry copies a family's series on
    /// each one added.
    var gauges: [String: GaugeFamily] = [:]
    var histograms: [SeriesKey: ValueHistogram] = [:]
    var summaries: [SeriesKey: SummarySeries] = [:]
    var rejected = 0
  }

  /// Each metric's label names as a set, to check a recording's labels in one lookup each.
  private let labelSets: [String: Set<String>]

  /// A gauge family's series in the order they were set, with their values.
  struct GaugeFamily {
    var order: [[String]] = []
    var values: [[String]: Double] = [:]

    mutating func set(_ labels: [String], _ value: Double) {
      if values.updateValue(value, forKey: labels) == nil { order.append(labels) }
    }
  }

  private struct SeriesKey: Hashable {
    var name: String
    var values: [String]
  }

  /// A registry exposing every unlabelled metric of `definitions` at zero from the start, as
  /// Prometheus' Go client does; labelled ones appear with their first series.
  public init(definitions: [MetricDefinition] = MetricDefinition.all) {
    prometheus = PrometheusCollectorRegistry()
    labelSets = Dictionary(MetricDefinition.all.map { ($0.name, Set($0.labels)) }, uniquingKeysWith: { a, _ in a })
    for definition in definitions where definition.labels.isEmpty {
      switch definition.kind {
      case .counter: _ = counter(definition, [])
      case .gauge: state.withLock { $0.gauges[definition.name, default: GaugeFamily()].set([], 0) }
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
    guard let (_, values) = series(name, labels, isKind: { $0 == .gauge }) else { return }
    state.withLock { $0.gauges[name, default: GaugeFamily()].set(values, value) }
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
        state.summaries[key, default: SummarySeries(labels: Self.pairs(definition, values))].record(value)
      }
      return
    }
    histogram(definition, values)?.record(value)
  }

  /// Sets the gauge to exactly these series: series it had that are not among them are removed
  /// (a node that went, a NodePool deleted), as upstream's gauges are reset.
  public func replaceGauge(_ name: String, with samples: [(labels: [String: String], value: Double)]) {
    guard MetricDefinition.named(name)?.kind == .gauge else { return reject() }
    var family = GaugeFamily()
    family.order.reserveCapacity(samples.count)
    family.values.reserveCapacity(samples.count)
    for sample in samples {
      guard let (_, values) = series(name, sample.labels, isKind: { $0 == .gauge }) else { continue }
      family.set(values, sample.value)
    }
    state.withLock { $0.gauges[name] = family }
  }

  /// Sets the gauge to exactly these series, given as label values in the definition's order
  /// (the state gauges' fast path: no label names to look up). A series with the wrong number
  /// of values is dropped and counted.
  public func replaceGauge(_ name: String, ordered samples: [(values: [String], value: Double)]) {
    guard let definition = MetricDefinition.named(name), definition.kind == .gauge else { return reject() }
    var family = GaugeFamily()
    family.order.reserveCapacity(samples.count)
    family.values.reserveCapacity(samples.count)
    var dropped = 0
    for sample in samples {
      guard sample.values.count == definition.labels.count else {
        dropped += 1
        continue
      }
      family.set(sample.values, sample.value)
    }
    state.withLock {
      $0.gauges[name] = family
      $0.rejected += dropped
    }
  }

  /// The Prometheus text exposition (format 0.0.4) of every series.
  public func exposition() -> String {
    var text = prometheus.emitToString()
    let (gauges, summaries) = state.withLock { ($0.gauges, $0.summaries) }
    for name in gauges.keys.sorted() {
      guard let definition = MetricDefinition.named(name), let family = gauges[name] else { continue }
      text += "# HELP \(name) \(Exposition.help(definition.help))\n# TYPE \(name) gauge\n"
      for labels in family.order {
        text += name
        var first = true
        for (i, value) in labels.enumerated() where !value.isEmpty {
          text += first ? "{" : ","
          first = false
          text += definition.labels[i]
          text += "=\""
          text += Exposition.escape(value)
          text += "\""
        }
        if !first { text += "}" }
        text += " "
        text += Exposition.number(family.values[labels] ?? 0)
        text += "\n"
      }
    }
    for name in Set(summaries.keys.map(\.name)).sorted() {
      guard let definition = MetricDefinition.named(name) else { continue }
      text += "# HELP \(name) \(Exposition.help(definition.help))\n# TYPE \(name) summary\n"
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
      let names = labelSets[name], labels.keys.allSatisfy(names.contains)
    else {
      reject()
      return nil
    }
    return (definition, definition.labels.map { labels[$0] ?? "" })
  }

  private func reject() { state.withLock { $0.rejected += 1 } }

  /// The series' label pairs as exposed: a label whose value is empty is left out, which
  /// Prometheus reads as the same series (an empty label is an absent one) and which keeps
  /// the node gauges' forty well-known labels, mostly empty, from filling the scrape.
  static func pairs(_ definition: MetricDefinition, _ values: [String]) -> [(String, String)] {
    zip(definition.labels, values).filter { !$0.1.isEmpty }
  }

  private func counter(_ definition: MetricDefinition, _ values: [String]) -> Counter? {
    let key = SeriesKey(name: definition.name, values: values)
    return state.withLock { state in
      if let existing = state.counters[key] { return existing }
      let made = prometheus.makeCounter(descriptor: definition.descriptor, labels: Self.pairs(definition, values))
      state.counters[key] = made
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
        descriptor: definition.descriptor, labels: Self.pairs(definition, values), buckets: buckets)
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
