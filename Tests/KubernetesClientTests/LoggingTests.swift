import Foundation
import KubernetesClient
import Logging
import Testing

/// Keeps every log record, message and metadata, at every level, so a test can read what was
/// logged. (swift-log offers no in-memory handler.) A value, as swift-log expects: metadata set
/// on one copy of a logger stays in that copy.
struct RecordingLogHandler: LogHandler {
  final class Records: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
  }

  let records: Records
  var metadata: Logger.Metadata = [:]
  var logLevel: Logger.Level = .trace

  init(records: Records) { self.records = records }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    let merged = metadata.merging(event.metadata ?? [:]) { $1 }
    records.add("\(event.level) \(event.message) \(merged) \(event.source)")
  }
}

@Suite struct LoggingTests {
  @Test func traceLogsOfRequestsRetriesAndFailuresHoldNoCredential() async throws {
    let records = RecordingLogHandler.Records()
    let logger = Logger(label: "test") { _ in RecordingLogHandler(records: records) }
    let server = try await ScriptedAPIServer(replies: [
      .json(429, statusJSON(429, reason: "TooManyRequests", message: "wait"), headers: ["Retry-After": "0"]),
      .json(200, TestPod.json("a")),
      .json(401, statusJSON(401, reason: "Unauthorized", message: "Unauthorized")),
      .json(200, podList(["a"], resourceVersion: "5")),
      .stream([watchEvent("ERROR", statusJSON(500, reason: "InternalError", message: "boom"))]),
    ])
    let client = try KubernetesClient(
      configuration: ClientConfiguration(server: server.url, credentials: .bearerToken("s3cr3t-token")),
      contextName: "test", options: quickOptions(), logger: logger)
    _ = try await client.get(.nodes(name: "a"))
    _ = try? await client.get(.nodes(name: "a"))
    let reflector = Reflector(
      TestPod.self, client: client, path: .pods(),
      backoff: WatchBackoff(initial: .seconds(5), maximum: .seconds(5), jitter: 0)
    ) { _ in }
    let task = Task { await reflector.run() }
    let deadline = ContinuousClock.now + .seconds(60)
    while !records.all.contains(where: { $0.contains("the server ended the watch") })
      && ContinuousClock.now < deadline
    {
      try await Task.sleep(for: .milliseconds(10))
    }
    task.cancel()
    await task.value
    try await client.shutdown()
    try await server.shutdown()
    #expect(records.all.contains { $0.contains("the server asked to wait") })
    #expect(records.all.contains { $0.contains("the server ended the watch") })
    #expect(!records.all.contains { $0.contains("s3cr3t-token") })
    // The HTTP client logs what it receives at trace level (whole bodies); it is kept at debug.
    #expect(!records.all.contains { $0.contains("HTTP response part received") })
  }
}
