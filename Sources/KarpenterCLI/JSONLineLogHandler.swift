import ControllerRuntime
import Foundation
import Logging

/// swift-log lines as JSON objects on standard output, as upstream Karpenter's logger writes
/// them (`level`, `time`, `logger`, `message` and the metadata), filtered by LOG_LEVEL.
struct JSONLineLogHandler: LogHandler {
  let label: String
  var metadata: Logger.Metadata = [:]
  var logLevel: Logger.Level

  init(label: String, level: ControllerSettings.LogLevel) {
    self.label = label
    switch level {
    case .debug: logLevel = .debug
    case .info: logLevel = .info
    case .warn: logLevel = .warning
    case .error: logLevel = .error
    }
  }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    var object: [String: String] = [:]
    for (k, v) in metadata { object[k] = "\(v)" }
    for (k, v) in event.metadata ?? [:] { object[k] = "\(v)" }
    object["level"] = Self.levelName(event.level)
    object["time"] = Self.timestamp(Date())
    object["logger"] = label
    object["message"] = "\(event.message)"
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(object) else { return }
    _ = StandardStreams.writeStandardOutput(String(decoding: data, as: UTF8.self) + "\n")
  }

  static func levelName(_ level: Logger.Level) -> String {
    switch level {
    case .trace, .debug: "DEBUG"
    case .info, .notice: "INFO"
    case .warning: "WARN"
    case .error, .critical: "ERROR"
    }
  }

  static func timestamp(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.string(from: date)
  }
}
