import Controllers
import Foundation

extension SimulationResult {
  /// Event types, besides disruption decisions, that the report lists row by row.
  static let notableEventTypes: Set<SimulationEventType> = [
    .nodeClaimCreated, .nodeTerminated, .launchFailed, .podEvicted,
  ]
  /// The most rows a report table lists; the rest are counted.
  static let reportRowLimit = 200

  /// One self-contained HTML page (inline CSS and SVG, nothing fetched from the network) with
  /// the summary, the fleet, pending pods and cost over virtual time, the disruption decisions,
  /// the notable events and the nodes at the end. The same result always gives the same bytes.
  public func html(title: String) -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(htmlEscape(title))</title>
      <style>
      \(Self.reportStyle)
      </style>
      </head>
      <body>
      <main>
      <h1>\(htmlEscape(title))</h1>

      """
    out += summarySection()
    out += chartsSection()
    out += disruptionSection()
    out += whyNotSection()
    out += notableEventsSection()
    out += kubernetesEventsSection()
    out += pendingSection()
    out += nodesSection()
    out += "</main>\n</body>\n</html>\n"
    return out
  }

  private func summarySection() -> String {
    let managed = nodes.filter { $0.nodePool != nil }.count
    let running = nodes.reduce(0) { $0 + $1.pods.count }
    let peakNodes = samples.map { $0.onDemandNodes + $0.spotNodes + $0.otherNodes }.max() ?? nodes.count
    let peakCost = samples.map { reportDollars($0.costPerHour) }.max() ?? cost.perHour
    let cards: [(String, String, String)] = [
      ("Simulated", formatDuration(endTime), "of virtual time"),
      ("Nodes at the end", "\(nodes.count)", "\(managed) launched by Karpenter; peak \(peakNodes)"),
      ("Pods running", "\(running)", "DaemonSet pods included"),
      ("Pods pending", "\(pendingPods.count)", pendingPods.isEmpty ? "all scheduled" : "see below"),
      (
        "Cost now", "$\(String(format: "%.4f", cost.perHour))/h",
        "peak $\(String(format: "%.4f", peakCost))/h"
      ),
      ("Cost over the run", "$\(String(format: "%.4f", cost.total))", "managed nodes, price × lifetime"),
    ]
    var out = "<section class=\"summary\">\n"
    for (label, value, note) in cards {
      out +=
        "<div class=\"card\"><div class=\"label\">\(htmlEscape(label))</div><div class=\"value\">\(htmlEscape(value))</div><div class=\"note\">\(htmlEscape(note))</div></div>\n"
    }
    out += "</section>\n"
    var counts: [String: Int] = [:]
    for e in events { counts[e.type.rawValue, default: 0] += 1 }
    if !counts.isEmpty {
      let list = counts.keys.sorted().map { "\(counts[$0]!) \($0)" }.joined(separator: ", ")
      out += "<p class=\"events-line\">Events: \(htmlEscape(list))</p>\n"
    }
    return out
  }

  private func chartsSection() -> String {
    let times = samples.map(\.time)
    let decisions = events.filter { $0.type == .disruptionDecided }.map { e in
      SVGStepChart.Marker(time: e.time, label: "\(e.reason ?? "Disruption"): \(e.node ?? "-")")
    }
    let nodesChart = SVGStepChart(
      title: "Nodes by capacity type", unit: "nodes", times: times, endTime: endTime,
      series: [
        .init(name: "on-demand", color: "#4e79a7", values: samples.map { Double($0.onDemandNodes) }),
        .init(name: "spot", color: "#f28e2b", values: samples.map { Double($0.spotNodes) }),
        .init(name: "other", color: "#a0a0a0", values: samples.map { Double($0.otherNodes) }),
      ],
      stacked: true, markers: decisions)
    let pendingChart = SVGStepChart(
      title: "Pending pods", unit: "pods", times: times, endTime: endTime,
      series: [.init(name: "pending", color: "#e15759", values: samples.map { Double($0.pendingPods) })])
    let costChart = SVGStepChart(
      title: "Cost ($/hour)", unit: "$/hour", times: times, endTime: endTime,
      series: [
        .init(name: "$/hour", color: "#59a14f", values: samples.map { reportDollars($0.costPerHour) })
      ],
      integral: false, format: { "$" + svgNumber($0, decimals: 4) })
    var out = "<section class=\"charts\">\n<h2>Over time</h2>\n"
    if samples.isEmpty { out += "<p class=\"muted\">No samples were recorded.</p>\n" }
    out +=
      "<p class=\"muted\">Values hold until the next change. Triangles under the node chart mark disruption decisions; hover for details.</p>\n"
    for chart in [nodesChart, pendingChart, costChart] {
      out += "<figure>\n" + chart.svg() + "</figure>\n"
    }
    return out + "</section>\n"
  }

  private func disruptionSection() -> String {
    let decisions = events.filter { $0.type == .disruptionDecided }
    var out = "<section>\n<h2>Disruption decisions (\(decisions.count))</h2>\n"
    guard !decisions.isEmpty else { return out + "<p class=\"muted\">None.</p>\n</section>\n" }
    var counts: [String: Int] = [:]
    for d in decisions { counts[d.reason ?? "-", default: 0] += 1 }
    out +=
      "<p>"
      + counts.keys.sorted().map {
        "<span class=\"badge r-\(reasonClass($0))\">\(htmlEscape($0)) \(counts[$0]!)</span>"
      }.joined(separator: " ") + "</p>\n"
    out += reportTable(
      header: ["Time", "Node", "Reason", "Message"], numeric: [],
      rows: decisions.prefix(Self.reportRowLimit).map { e in
        [formatClock(e.time), e.node ?? "-", e.reason ?? "-", e.message ?? ""]
      },
      rowClass: { row in "r-" + reasonClass(row[2]) })
    out += moreRows(decisions.count)
    return out + "</section>\n"
  }

  private func whyNotSection() -> String {
    let stays = whyNodesStay
    guard !stays.isEmpty else { return "" }
    var out = "<section>\n<h2>Why these nodes were not disrupted (\(stays.count))</h2>\n"
    out +=
      "<p class=\"muted\">The latest explanation Karpenter posted, and that still held at the end, about each node alive at the end and each NodePool whose budgets blocked disruption.</p>\n"
    out += reportTable(
      header: ["Since", "Node or NodePool", "Reason", "Why"], numeric: [],
      rows: stays.prefix(Self.reportRowLimit).map { node, event in
        [formatClock(event.time), node, event.reason, event.message]
      })
    out += moreRows(stays.count)
    return out + "</section>\n"
  }

  private func notableEventsSection() -> String {
    let notable = events.filter { Self.notableEventTypes.contains($0.type) }
    var out = "<section>\n<h2>Launches, terminations, evictions and failures (\(notable.count))</h2>\n"
    guard !notable.isEmpty else { return out + "<p class=\"muted\">None.</p>\n</section>\n" }
    out += badges(counting: notable.map(\.type.rawValue))
    out += "<details\(notable.count <= 50 ? " open" : "")>\n<summary>Show the events</summary>\n"
    out += reportTable(
      header: ["Time", "Event", "Node", "Pod", "Reason"], numeric: [],
      rows: notable.prefix(Self.reportRowLimit).map { e in
        [formatClock(e.time), e.type.rawValue, e.node ?? "-", e.pod ?? "-", e.reason ?? e.message ?? ""]
      },
      rowClass: { row in row[1] == "LaunchFailed" ? "failed" : "" })
    out += moreRows(notable.count)
    return out + "</details>\n</section>\n"
  }

  /// One badge per distinct value, with how often it occurs, sorted by value.
  private func badges(counting values: [String]) -> String {
    var counts: [String: Int] = [:]
    for value in values { counts[value, default: 0] += 1 }
    let spans = counts.keys.sorted().map { "<span class=\"badge\">\(htmlEscape($0)) \(counts[$0]!)</span>" }
    return "<p>" + spans.joined(separator: " ") + "</p>\n"
  }

  /// Karpenter's Kubernetes Events other than pod evictions (those are in the events above).
  private func kubernetesEventsSection() -> String {
    let shown = kubernetesEvents.filter { $0.reason != "Evicted" }
    guard !shown.isEmpty else { return "" }
    var out = "<section>\n<h2>Kubernetes Events Karpenter posted (\(shown.count))</h2>\n"
    out += badges(counting: shown.map(\.reason))
    out += "<details>\n<summary>Show the events</summary>\n"
    out += reportTable(
      header: ["Time", "Type", "Reason", "Object", "Message"], numeric: [],
      rows: shown.prefix(Self.reportRowLimit).map { e in
        [
          formatClock(e.time), e.type, e.reason, "\(e.involvedObject.kind)/\(e.involvedObject.name)",
          e.message,
        ]
      },
      rowClass: { row in row[1] == "Warning" ? "failed" : "" })
    out += moreRows(shown.count)
    return out + "</details>\n</section>\n"
  }

  private func pendingSection() -> String {
    guard !pendingPods.isEmpty else { return "" }
    var out = "<section>\n<h2>Pending pods at the end (\(pendingPods.count))</h2>\n"
    out += reportTable(
      header: ["Pod", "Reason"], numeric: [],
      rows: pendingPods.prefix(Self.reportRowLimit).map { [$0.pod, $0.reason] })
    out += moreRows(pendingPods.count)
    return out + "</section>\n"
  }

  private func nodesSection() -> String {
    var out = "<section>\n<h2>Nodes at the end (\(nodes.count))</h2>\n"
    guard !nodes.isEmpty else { return out + "<p class=\"muted\">None.</p>\n</section>\n" }
    out += reportTable(
      header: ["Node", "NodePool", "Instance type", "Zone", "Capacity type", "$/hour", "Pods", "Created"],
      numeric: [5, 6, 7],
      rows: nodes.map { n in
        [
          n.name, n.nodePool ?? "-", n.instanceType ?? "-", n.zone ?? "-", n.capacityType ?? "-",
          String(format: "%.4f", n.pricePerHour), String(n.pods.count), formatClock(n.createdAt),
        ]
      },
      rowClass: { row in "ct-" + reasonClass(row[4]) })
    return out + "</section>\n"
  }

  private func moreRows(_ total: Int) -> String {
    total > Self.reportRowLimit
      ? "<p class=\"muted\">… and \(total - Self.reportRowLimit) more (the JSON output lists them all).</p>\n"
      : ""
  }
}

/// Dollars rounded to a millionth, as the JSON's cost is: a sum of prices taken in another
/// order (the samples add up nodes in dictionary order) must not move the chart by one bit.
private func reportDollars(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }

/// A CSS class name made from free text: lowercase letters, digits and dashes.
private func reasonClass(_ text: String) -> String {
  String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
}

/// An HTML table; every cell is escaped. `numeric` columns are right-aligned.
private func reportTable(
  header: [String], numeric: Set<Int>, rows: [[String]], rowClass: ([String]) -> String = { _ in "" }
) -> String {
  var out = "<div class=\"table-wrap\"><table>\n<thead><tr>"
  for (i, h) in header.enumerated() {
    out += numeric.contains(i) ? "<th class=\"num\">\(htmlEscape(h))</th>" : "<th>\(htmlEscape(h))</th>"
  }
  out += "</tr></thead>\n<tbody>\n"
  for row in rows {
    let cls = rowClass(row)
    out += cls.isEmpty ? "<tr>" : "<tr class=\"\(htmlEscape(cls))\">"
    for (i, cell) in row.enumerated() {
      out +=
        numeric.contains(i) ? "<td class=\"num\">\(htmlEscape(cell))</td>" : "<td>\(htmlEscape(cell))</td>"
    }
    out += "</tr>\n"
  }
  return out + "</tbody>\n</table></div>\n"
}

extension SimulationResult {
  static let reportStyle = """
    :root { color-scheme: light; --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #ffffff; --panel: #f6f8fa; }
    * { box-sizing: border-box; }
    body { margin: 0; background: var(--bg); color: var(--fg);
      font: 14px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; }
    main { max-width: 980px; margin: 0 auto; padding: 24px 16px 48px; }
    h1 { font-size: 22px; margin: 0 0 16px; }
    h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
    .summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(145px, 1fr)); gap: 10px; }
    .card { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
    .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
    .card .value { font-size: 20px; font-weight: 600; margin: 2px 0; font-variant-numeric: tabular-nums; }
    .card .note { color: var(--muted); font-size: 12px; }
    .events-line, .muted { color: var(--muted); }
    figure { margin: 12px 0; border: 1px solid var(--line); border-radius: 6px; padding: 4px; }
    svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
    svg .chart-title { font-size: 14px; font-weight: 600; fill: var(--fg); }
    svg .legend text, svg .tick, svg .unit { font-size: 12px; fill: var(--muted); }
    svg .legend text { fill: var(--fg); }
    svg .empty { font-size: 13px; fill: var(--muted); }
    svg .grid { stroke: #eaeef2; stroke-width: 1; }
    svg .axis { stroke: #8c959f; stroke-width: 1; }
    svg .markers polygon { fill: #6f42c1; }
    svg .hover rect { fill: transparent; }
    svg .hover rect:hover { fill: rgba(0, 0, 0, .06); }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
    th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { background: var(--panel); font-weight: 600; white-space: nowrap; }
    td:first-child { white-space: nowrap; }
    .num { text-align: right; }
    tr.failed td { color: #cf222e; }
    .badge { display: inline-block; background: var(--panel); border: 1px solid var(--line); border-radius: 10px;
      padding: 0 8px; font-size: 12px; margin-right: 4px; }
    .badge.r-empty, tr.r-empty td:nth-child(3) { color: #1a7f37; }
    .badge.r-underutilized, tr.r-underutilized td:nth-child(3) { color: #0969da; }
    .badge.r-drifted, tr.r-drifted td:nth-child(3) { color: #9a6700; }
    .badge.r-expired, tr.r-expired td:nth-child(3) { color: #8250df; }
    .badge.r-interrupted, tr.r-interrupted td:nth-child(3) { color: #cf222e; }
    tr.ct-spot td:nth-child(5) { color: #bc4c00; }
    tr.ct-on-demand td:nth-child(5) { color: #0550ae; }
    details summary { cursor: pointer; color: var(--muted); margin-bottom: 6px; }
    """
}
