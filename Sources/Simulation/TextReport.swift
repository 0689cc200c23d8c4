import Controllers
import Foundation

extension SimulationResult {
  /// The same facts as the JSON, as tables a person reads at a glance.
  public func text() -> String {
    var out = ""
    let managed = nodes.filter { $0.nodePool != nil }
    let podCount = nodes.reduce(0) { $0 + $1.pods.count }
    out +=
      "Simulated \(formatDuration(endTime)): \(nodes.count) nodes (\(managed.count) launched by Karpenter), \(podCount) pods running, \(pendingPods.count) pending.\n"
    out +=
      "Cost: $\(String(format: "%.4f", cost.perHour))/hour now, $\(String(format: "%.4f", cost.total)) over the run.\n\n"
    if !nodes.isEmpty {
      var rows = [["NODE", "NODEPOOL", "INSTANCE TYPE", "ZONE", "CAPACITY", "$/HOUR", "PODS", "CREATED"]]
      for n in nodes {
        rows.append([
          n.name, n.nodePool ?? "-", n.instanceType ?? "-", n.zone ?? "-", n.capacityType ?? "-",
          String(format: "%.4f", n.pricePerHour), String(n.pods.count), formatDuration(n.createdAt),
        ])
      }
      out += table(rows) + "\n"
    }
    if !pendingPods.isEmpty {
      out += "Pending pods:\n"
      var rows = [["POD", "REASON"]]
      for p in pendingPods { rows.append([p.pod, p.reason]) }
      out += table(rows) + "\n"
    }
    if !whyNodesStay.isEmpty {
      out +=
        "Why these nodes were not disrupted (the latest explanation Karpenter posted that still holds):\n"
      var rows = [["NODE OR NODEPOOL", "REASON", "WHY"]]
      for (object, event) in whyNodesStay { rows.append([object, event.reason, event.message]) }
      out += table(rows) + "\n"
    }
    var counts: [String: Int] = [:]
    for e in events { counts[e.type.rawValue, default: 0] += 1 }
    if !counts.isEmpty {
      out += "Events: " + counts.keys.sorted().map { "\(counts[$0]!) \($0)" }.joined(separator: ", ") + "\n"
    }
    return out
  }
}

func table(_ rows: [[String]]) -> String {
  guard let first = rows.first else { return "" }
  var widths = first.map(\.count)
  for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
  return rows.map { row in
    row.enumerated().map { i, cell in
      i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
    }.joined(separator: "  ")
  }.joined(separator: "\n") + "\n"
}

