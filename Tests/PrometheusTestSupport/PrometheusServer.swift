import Foundation

/// A real Prometheus (Debian's 2.42) scraping one target every second, on a port of its own,
/// with its data in a temporary directory; stopped and removed by `stop()` or when released.
public final class PrometheusServer: @unchecked Sendable {
  public let port: Int
  private let process = Process()
  private let directory: URL

  /// Starts Prometheus on `port` scraping `http://TARGET/metrics` every second (`executable`:
  /// `PeerTool.prometheusPath("prometheus")`).
  public init(executable: String, scraping target: String, port: Int) throws {
    self.port = port
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("prometheus-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let config = """
      global:
        scrape_interval: 1s
        evaluation_interval: 1s
      scrape_configs:
        - job_name: karpenter
          metrics_path: /metrics
          static_configs:
            - targets: ["\(target)"]
      """
    let configPath = directory.appendingPathComponent("prometheus.yml").path
    try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
      "--config.file=\(configPath)", "--storage.tsdb.path=\(directory.appendingPathComponent("data").path)",
      "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn",
    ]
    let log = directory.appendingPathComponent("prometheus.log").path
    FileManager.default.createFile(atPath: log, contents: nil)
    process.standardOutput = FileHandle(forWritingAtPath: log)
    process.standardError = FileHandle(forWritingAtPath: log)
    try process.run()
  }

  deinit { stop() }

  public func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: directory)
  }

  /// What Prometheus logged.
  public var log: String {
    (try? String(contentsOfFile: directory.appendingPathComponent("prometheus.log").path, encoding: .utf8)) ?? ""
  }

  /// The value of an instant query's first sample, nil when it has none (or Prometheus is not
  /// up yet).
  public func query(_ promQL: String) async throws -> Double? {
    var components = URLComponents(string: "http://127.0.0.1:\(port)/api/v1/query")!
    components.queryItems = [URLQueryItem(name: "query", value: promQL)]
    let result = try await PeerTool.output("/usr/bin/curl", ["-s", "--max-time", "5", components.url!.absoluteString])
    guard let object = try? JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any],
      let data = object["data"] as? [String: Any], let samples = data["result"] as? [[String: Any]],
      let value = samples.first?["value"] as? [Any], value.count == 2, let text = value[1] as? String
    else { return nil }
    return Double(text)
  }

  /// The health of the scrape target (`up`), as Prometheus saw it last.
  public func targetHealth() async throws -> String? {
    let result = try await PeerTool.output("/usr/bin/curl", ["-s", "--max-time", "5", "http://127.0.0.1:\(port)/api/v1/targets"])
    guard let object = try? JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any],
      let data = object["data"] as? [String: Any], let active = data["activeTargets"] as? [[String: Any]]
    else { return nil }
    return active.first?["health"] as? String
  }
}
