/// One metric as Prometheus exposes it: its name, type, help text and label names. The
/// catalogue (`upstream`, `own`) is the contract dashboards and alerts are built on, so a
/// metric is only ever recorded through its definition, and a test holds the catalogue against
/// upstream's metrics reference.
public struct MetricDefinition: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case counter
    case gauge
    case histogram(buckets: [Double])
    case summary

    /// The word on the exposition's `# TYPE` line.
    public var typeName: String {
      switch self {
      case .counter: "counter"
      case .gauge: "gauge"
      case .histogram: "histogram"
      case .summary: "summary"
      }
    }
  }

  /// Upstream's stability levels (Kubernetes' metrics stability framework).
  public enum Stability: String, Sendable, Hashable {
    case alpha = "ALPHA"
    case beta = "BETA"
    case stable = "STABLE"
    /// Superseded upstream (the generic `operator_*` status metrics), still exposed.
    case deprecated = "DEPRECATED"
  }

  public var name: String
  public var kind: Kind
  public var help: String
  /// Label names, in the order upstream declares them.
  public var labels: [String]
  public var stability: Stability

  public init(name: String, kind: Kind, help: String, labels: [String], stability: Stability) {
    self.name = name
    self.kind = kind
    self.help = help
    self.labels = labels
    self.stability = stability
  }

  /// Every metric this controller exposes: upstream's, then this project's own.
  public static var all: [MetricDefinition] { upstream + own }

  /// Upstream's gauges whose names promtool's naming lint flags (`_count` or `_total` on a
  /// gauge). Dashboards and alerts select on them, so they keep upstream's spelling; upstream's
  /// own /metrics draws the same complaints from `promtool check metrics`.
  public static var promtoolFlaggedUpstreamNames: Set<String> {
    Set(upstream.filter { $0.kind == .gauge && ($0.name.hasSuffix("_count") || $0.name.hasSuffix("_total")) }.map(\.name))
  }

  /// The definition named `name`.
  public static func named(_ name: String) -> MetricDefinition? { byName[name] }

  private static let byName: [String: MetricDefinition] = Dictionary(
    all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}
