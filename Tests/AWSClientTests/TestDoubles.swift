import Foundation

@testable import AWSClient

/// A stated double for the HTTP transport: answers from a closure and records the requests.
/// Used only where a real server cannot produce the case (malformed bodies, metadata endpoints).
final class ScriptedTransport: AWSHTTPTransport, @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [AWSHTTPRequest] = []
  private let answer: @Sendable (AWSHTTPRequest, Int) throws -> AWSHTTPResponse

  init(_ answer: @escaping @Sendable (AWSHTTPRequest, Int) throws -> AWSHTTPResponse) {
    self.answer = answer
  }

  var requests: [AWSHTTPRequest] { lock.withLock { recorded } }

  func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
    let index = lock.withLock {
      recorded.append(request)
      return recorded.count - 1
    }
    return try answer(request, index)
  }
}

/// A temporary directory removed at deinit.
final class TemporaryDirectory: @unchecked Sendable {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "aws-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String {
    let full = path + "/" + relative
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    return full
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Counts calls and hands out credentials that expire at a given time.
actor CountingProvider: AWSCredentialProvider {
  nonisolated let name = "counting"
  private(set) var calls = 0
  let lifetime: TimeInterval
  let now: @Sendable () -> Date

  init(lifetime: TimeInterval, now: @escaping @Sendable () -> Date) {
    self.lifetime = lifetime
    self.now = now
  }

  func credentials() async throws -> AWSCredentials {
    calls += 1
    try await Task.sleep(for: .milliseconds(50))
    return AWSCredentials(
      accessKeyID: "ASIA\(calls)", secretAccessKey: "s", sessionToken: "t",
      expiration: now().addingTimeInterval(lifetime))
  }
}

/// A settable clock.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current = Date(timeIntervalSince1970: 1_800_000_000)
  var now: Date { lock.withLock { current } }
  func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}
