import Controllers
import Foundation
import KarpenterAPI

extension KubernetesEventRecord {
  /// The event as one JSON log line (logger `events`), for `--log` and `karpenter controller`.
  public func logLine(epoch: Int64) -> String {
    let object = involvedObject.namespace.map { "\($0)/\(involvedObject.name)" } ?? involvedObject.name
    return LogRecord.line([
      "level": type == "Warning" ? "WARN" : "INFO", "time": LogRecord.timestamp(Double(epoch) + time),
      "logger": "events", "type": type, "reason": reason, "object": "\(involvedObject.kind)/\(object)",
      "message": message,
    ])
  }
}

extension LogRecord {
  /// One line of JSON; `epoch` is the Unix time of second 0.
  public func json(epoch: Int64) -> String {
    var object: [String: String] = fields
    object["level"] = level
    object["time"] = Self.timestamp(Double(epoch) + time)
    object["logger"] = "controller"
    object["controller"] = controller
    object["message"] = message
    return Self.line(object)
  }

  static func line(_ object: [String: String]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(object)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  /// RFC 3339 with milliseconds in UTC, as Karpenter's logger prints time.
  static func timestamp(_ unix: Double) -> String {
    let millis = Int64((unix * 1000).rounded())
    let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
    let t = CivilTime(unixSeconds: seconds)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", t.year, t.month, t.day, t.hour, t.minute, t.second,
      Int(millis - seconds * 1000))
  }
}

extension Simulation {
  /// Records an event of the run (the contract's `events`). The log lines and Kubernetes Events
  /// Karpenter writes about it are Karpenter's own effects.
  mutating func record(_ event: SimulationEvent) {
    if options.keepsHistory { events.append(event) }
  }


  /// A log line at the current virtual time.
  mutating func log(
    _ controller: String, _ message: String, _ fields: [String: String], level: String = "INFO"
  ) {
    logs.append(LogRecord(time: now, level: level, controller: controller, message: message, fields: fields))
  }

  /// A Kubernetes Event at the current virtual time; `name` is `namespace/name` for a Pod.
  mutating func kubernetesEvent(_ type: String, _ reason: String, kind: String, name: String, message: String)
  {
    var namespace: String?
    var objectName = name
    if kind == "Pod", let slash = name.firstIndex(of: "/") {
      namespace = String(name[..<slash])
      objectName = String(name[name.index(after: slash)...])
    }
    kubernetesEvents.append(
      KubernetesEventRecord(
        time: now, type: type, reason: reason,
        involvedObject: .init(kind: kind, name: objectName, namespace: namespace), message: message))
  }
}

extension SimulationResult {
  /// Karpenter's log lines and its Kubernetes Events (as `events` log lines), merged in time
  /// order, one JSON object per line.
  public func logLines() -> String {
    LogRecord.lines(logs[...], kubernetesEvents[...], epoch: epoch)
  }
}

extension LogRecord {
  /// Log lines and Kubernetes Events merged in time order (log lines first on a tie, as a
  /// decision is logged before its events are posted), as JSON lines.
  public static func lines(
    _ logs: ArraySlice<LogRecord>, _ events: ArraySlice<KubernetesEventRecord>, epoch: Int64
  ) -> String {
    var out = ""
    var e = events.startIndex
    for line in logs {
      while e < events.endIndex && events[e].time < line.time {
        out += events[e].logLine(epoch: epoch) + "\n"
        e += 1
      }
      out += line.json(epoch: epoch) + "\n"
    }
    for event in events[e...] { out += event.logLine(epoch: epoch) + "\n" }
    return out
  }
}
