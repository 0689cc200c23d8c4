import Controllers
import Foundation

/// An inline SVG step chart over virtual time, for the `--report` page: every value holds from
/// its sample's time until the next sample (the fleet changes in steps, not slopes).
struct SVGStepChart {
  struct Series {
    var name: String
    var color: String
    /// One value per sample time (the chart's `times`).
    var values: [Double]
  }

  /// A moment worth marking under the plot (a disruption decision), with its hover text.
  struct Marker {
    var time: Double
    var label: String
  }

  var title: String
  var unit: String
  var times: [Double]
  var endTime: Double
  var series: [Series]
  /// Stack the series (first at the bottom) as filled areas; otherwise draw step lines.
  var stacked = false
  /// Counts: y ticks on whole numbers.
  var integral = true
  var markers: [Marker] = []
  var format: (Double) -> String = { svgNumber($0, decimals: 0) }

  static let width = 920.0
  static let height = 250.0
  static let left = 64.0, right = 28.0, top = 34.0, bottom = 40.0

  private var plotWidth: Double { Self.width - Self.left - Self.right }
  private var plotHeight: Double { Self.height - Self.top - Self.bottom }

  /// The time the x axis ends at: the run's end, or the last sample when that is later.
  private var span: Double { max(endTime, times.last ?? 0, 1) }

  private func x(_ t: Double) -> Double { Self.left + plotWidth * min(max(t, 0), span) / span }
  private func y(_ v: Double, max top: Double) -> Double { Self.top + plotHeight * (1 - v / top) }

  func svg() -> String {
    let w = svgNumber(Self.width, decimals: 0), h = svgNumber(Self.height, decimals: 0)
    var out =
      "<svg class=\"chart\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\" aria-label=\"\(htmlEscape(title))\">\n"
    out += "<title>\(htmlEscape(title))</title>\n"
    out +=
      "<text class=\"chart-title\" x=\"\(svgNumber(Self.left, decimals: 0))\" y=\"20\">\(htmlEscape(title))</text>\n"
    out += legend()
    let layers = stackedValues()
    let peak = layers.last.map { $0.max() ?? 0 } ?? 0
    let (yMax, yStep) = niceScale(peak)
    out += axes(yMax: yMax, yStep: yStep)
    if times.isEmpty {
      out +=
        "<text class=\"empty\" x=\"\(svgNumber(Self.left + plotWidth / 2, decimals: 1))\" y=\"\(svgNumber(Self.top + plotHeight / 2, decimals: 1))\" text-anchor=\"middle\">no samples recorded</text>\n"
    } else if stacked {
      // Draw the tallest cumulative layer first; each lower layer covers its share of it.
      for (i, layer) in layers.enumerated().reversed() {
        let path = stepPath(layer, yMax: yMax, closed: true)
        out += "<path d=\"\(path)\" fill=\"\(series[i].color)\" fill-opacity=\"0.85\" stroke=\"none\"/>\n"
      }
      if let total = layers.last {
        out +=
          "<path d=\"\(stepPath(total, yMax: yMax, closed: false))\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.2\"/>\n"
      }
    } else {
      for s in series {
        out +=
          "<path d=\"\(stepPath(s.values, yMax: yMax, closed: true))\" fill=\"\(s.color)\" fill-opacity=\"0.15\" stroke=\"none\"/>\n"
        out +=
          "<path d=\"\(stepPath(s.values, yMax: yMax, closed: false))\" fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"2\"/>\n"
      }
    }
    out += markerMarks()
    out += hoverColumns()
    return out + "</svg>\n"
  }

  /// Cumulative sums of the series when stacked (the last is the total); the series as they
  /// are otherwise (the last entry is then the largest of them, for the scale).
  private func stackedValues() -> [[Double]] {
    guard !times.isEmpty else { return [] }
    if stacked {
      var running = [Double](repeating: 0, count: times.count)
      return series.map { s in
        for i in running.indices { running[i] += i < s.values.count ? s.values[i] : 0 }
        return running
      }
    }
    let maxima = times.indices.map { i in series.map { i < $0.values.count ? $0.values[i] : 0 }.max() ?? 0 }
    return [maxima]
  }

  private func stepPath(_ values: [Double], yMax: Double, closed: Bool) -> String {
    var parts: [String] = []
    let base = svgNumber(y(0, max: yMax), decimals: 1)
    for (i, t) in times.enumerated() {
      let v = i < values.count ? values[i] : 0
      let yy = svgNumber(y(v, max: yMax), decimals: 1)
      let x0 = svgNumber(x(t), decimals: 1)
      if i == 0 {
        parts.append(closed ? "M\(x0) \(base) V\(yy)" : "M\(x0) \(yy)")
      } else {
        parts.append("H\(x0) V\(yy)")
      }
    }
    parts.append("H\(svgNumber(x(span), decimals: 1))")
    if closed { parts.append("V\(base) Z") }
    return parts.joined(separator: " ")
  }

  private func legend() -> String {
    guard series.count > 1 else { return "" }
    var out = "<g class=\"legend\">\n"
    var cursor = Self.width - Self.right
    for s in series.reversed() {
      let textWidth = Double(s.name.count) * 7 + 8
      cursor -= textWidth
      out += "<text x=\"\(svgNumber(cursor, decimals: 1))\" y=\"20\">\(htmlEscape(s.name))</text>\n"
      cursor -= 16
      out +=
        "<rect x=\"\(svgNumber(cursor, decimals: 1))\" y=\"10\" width=\"12\" height=\"12\" rx=\"2\" fill=\"\(s.color)\"/>\n"
      cursor -= 14
    }
    return out + "</g>\n"
  }

  private func axes(yMax: Double, yStep: Double) -> String {
    var out = "<g class=\"axes\">\n"
    let x0 = svgNumber(Self.left, decimals: 1), x1 = svgNumber(Self.left + plotWidth, decimals: 1)
    let yBase = Self.top + plotHeight
    // Horizontal grid and y labels.
    var v = 0.0
    while v <= yMax + yStep / 1000 {
      let yy = svgNumber(y(v, max: yMax), decimals: 1)
      out += "<line class=\"grid\" x1=\"\(x0)\" y1=\"\(yy)\" x2=\"\(x1)\" y2=\"\(yy)\"/>\n"
      out +=
        "<text class=\"tick\" x=\"\(svgNumber(Self.left - 6, decimals: 1))\" y=\"\(yy)\" dy=\"4\" text-anchor=\"end\">\(htmlEscape(format(v)))</text>\n"
      v += yStep
    }
    out +=
      "<text class=\"unit\" transform=\"translate(14 \(svgNumber(Self.top + plotHeight / 2, decimals: 1))) rotate(-90)\" text-anchor=\"middle\">\(htmlEscape(unit))</text>\n"
    // Time ticks.
    let step = timeStep(span)
    var t = 0.0
    while t <= span + 1e-9 {
      let xx = svgNumber(x(t), decimals: 1)
      out +=
        "<line class=\"grid\" x1=\"\(xx)\" y1=\"\(svgNumber(Self.top, decimals: 1))\" x2=\"\(xx)\" y2=\"\(svgNumber(yBase, decimals: 1))\"/>\n"
      out +=
        "<line class=\"axis\" x1=\"\(xx)\" y1=\"\(svgNumber(yBase, decimals: 1))\" x2=\"\(xx)\" y2=\"\(svgNumber(yBase + 5, decimals: 1))\"/>\n"
      out +=
        "<text class=\"tick\" x=\"\(xx)\" y=\"\(svgNumber(yBase + 18, decimals: 1))\" text-anchor=\"middle\">\(t == 0 ? "0" : formatDuration(t))</text>\n"
      t += step
    }
    out +=
      "<line class=\"axis\" x1=\"\(x0)\" y1=\"\(svgNumber(yBase, decimals: 1))\" x2=\"\(x1)\" y2=\"\(svgNumber(yBase, decimals: 1))\"/>\n"
    out +=
      "<line class=\"axis\" x1=\"\(x0)\" y1=\"\(svgNumber(Self.top, decimals: 1))\" x2=\"\(x0)\" y2=\"\(svgNumber(yBase, decimals: 1))\"/>\n"
    out +=
      "<text class=\"unit\" x=\"\(svgNumber(Self.left + plotWidth / 2, decimals: 1))\" y=\"\(svgNumber(Self.height - 4, decimals: 1))\" text-anchor=\"middle\">virtual time</text>\n"
    return out + "</g>\n"
  }

  /// Small triangles under the time axis, one per marker time, with the labels as hover text.
  private func markerMarks() -> String {
    guard !markers.isEmpty else { return "" }
    var byTime: [(time: Double, labels: [String])] = []
    for m in markers {
      if let last = byTime.last, last.time == m.time {
        byTime[byTime.count - 1].labels.append(m.label)
      } else {
        byTime.append((m.time, [m.label]))
      }
    }
    let yBase = Self.top + plotHeight
    var out = "<g class=\"markers\">\n"
    for group in byTime {
      let xx = x(group.time)
      let points = [(xx, yBase - 1), (xx - 4, yBase - 8), (xx + 4, yBase - 8)]
        .map { "\(svgNumber($0.0, decimals: 1)),\(svgNumber($0.1, decimals: 1))" }.joined(separator: " ")
      let label = ([formatClock(group.time)] + group.labels).joined(separator: "\n")
      out += "<polygon points=\"\(points)\"><title>\(htmlEscape(label))</title></polygon>\n"
    }
    return out + "</g>\n"
  }

  /// Invisible columns, one per sample, whose hover text gives the values there.
  private func hoverColumns() -> String {
    guard !times.isEmpty, times.count <= 2000 else { return "" }
    var out = "<g class=\"hover\">\n"
    for (i, t) in times.enumerated() {
      let next = i + 1 < times.count ? times[i + 1] : span
      let x0 = x(t), x1 = x(next)
      guard x1 - x0 > 0.05 else { continue }
      var lines = ["\(formatClock(t))–\(formatClock(next))"]
      for s in series { lines.append("\(s.name): \(format(i < s.values.count ? s.values[i] : 0))") }
      out +=
        "<rect x=\"\(svgNumber(x0, decimals: 2))\" y=\"\(svgNumber(Self.top, decimals: 1))\" width=\"\(svgNumber(x1 - x0, decimals: 2))\" height=\"\(svgNumber(plotHeight, decimals: 1))\"><title>\(htmlEscape(lines.joined(separator: "\n")))</title></rect>\n"
    }
    return out + "</g>\n"
  }

  /// A round top for the y axis and the step between its ticks (about five ticks).
  private func niceScale(_ peak: Double) -> (Double, Double) {
    guard peak > 0, peak.isFinite else { return integral ? (1, 1) : (1, 0.25) }
    let raw = peak / 5
    let magnitude = pow(10, floor(log10(raw)))
    let factors: [Double] = integral ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]
    let step = max(integral ? 1 : 0, factors.map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude)
    let top = (peak / step).rounded(.up) * step
    return (max(top, step), step)
  }

  /// A readable step between time ticks: at most about ten ticks over the span.
  private func timeStep(_ span: Double) -> Double {
    let candidates: [Double] = [
      10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800,
    ]
    return candidates.first { span / $0 <= 10 } ?? 86400 * ((span / 86400 / 10).rounded(.up))
  }
}

/// A number with at most `decimals` places and no trailing zeros, the same on every platform.
func svgNumber(_ value: Double, decimals: Int) -> String {
  var s = String(format: "%.\(decimals)f", value)
  if s.contains(".") {
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
  }
  return s == "-0" ? "0" : s
}

/// Virtual time as `h:mm:ss` (hours keep counting past a day).
func formatClock(_ seconds: Double) -> String {
  let s = Int(seconds.rounded())
  let h = s / 3600, m = (s % 3600) / 60, sec = s % 60
  return "\(h):" + (m < 10 ? "0\(m)" : "\(m)") + ":" + (sec < 10 ? "0\(sec)" : "\(sec)")
}

/// Text made safe for HTML element content and attribute values.
func htmlEscape(_ text: String) -> String {
  var out = ""
  out.reserveCapacity(text.utf8.count)
  for c in text.unicodeScalars {
    switch c {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&#39;"
    default: out.unicodeScalars.append(c)
    }
  }
  return out
}
