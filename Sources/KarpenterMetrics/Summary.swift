import Foundation

/// A Prometheus summary series, which swift-prometheus does not offer: the quantiles of the
/// last `window` observations, with the sum and count of all of them. Upstream's summaries
/// (pod startup and scheduling-decision times) expose the 0, 0.5, 0.9, 0.99 and 1 quantiles.
struct SummarySeries: Sendable {
  static let quantiles: [Double] = [0, 0.5, 0.9, 0.99, 1]
  static let window = 1024

  var labels: [(String, String)]
  private var recent: [Double] = []
  private var next = 0
  private(set) var sum = 0.0
  private(set) var count = 0

  init(labels: [(String, String)]) { self.labels = labels }

  mutating func record(_ value: Double) {
    guard value.isFinite else { return }
    if recent.count < Self.window {
      recent.append(value)
    } else {
      recent[next] = value
      next = (next + 1) % Self.window
    }
    sum += value
    count += 1
  }

  /// The value at quantile `q` of the window (nearest rank); NaN with no observations, as
  /// Prometheus' Go client reports an empty summary.
  func value(at q: Double) -> Double {
    guard !recent.isEmpty else { return .nan }
    let sorted = recent.sorted()
    let rank = Int((q * Double(sorted.count - 1)).rounded())
    return sorted[min(max(rank, 0), sorted.count - 1)]
  }

  /// The series' lines of the text exposition.
  func lines(name: String) -> String {
    var out = ""
    for q in Self.quantiles {
      out += "\(name)\(Exposition.labels(labels + [("quantile", Exposition.number(q))])) \(Exposition.number(value(at: q)))\n"
    }
    out += "\(name)_sum\(Exposition.labels(labels)) \(Exposition.number(sum))\n"
    out += "\(name)_count\(Exposition.labels(labels)) \(count)\n"
    return out
  }
}
