import Foundation

/// Runs the real clients (kubectl, python3) the sandbox is proven against, each with a
/// deadline so that a hang fails the test instead of stalling the run.
enum Subprocess {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool
    var output: String { stdout + stderr }
  }

  static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 60) -> Result
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let collected = OutputCollector()
    do {
      try process.run()
    } catch {
      return Result(status: -1, stdout: "", stderr: "cannot run \(arguments): \(error)", timedOut: false)
    }
    // Plain blocking reads on threads of their own, not readabilityHandler: its dispatch read
    // sources crashed libdispatch's event loop when a pipe closed under them (seen in CI).
    let readers = [
      OutputCollector.read(out.fileHandleForReading) { collected.append(stdout: $0) },
      OutputCollector.read(err.fileHandleForReading) { collected.append(stderr: $0) },
    ]
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    let timedOut = process.isRunning
    if timedOut { process.terminate() }
    process.waitUntilExit()
    for reader in readers { reader.wait() }
    let (o, e) = collected.text
    return Result(status: process.terminationStatus, stdout: o, stderr: e, timedOut: timedOut)
  }

  /// Starts a long-running client (`kubectl get -w`) whose output is read as it comes.
  final class Streaming: @unchecked Sendable {
    let process = Process()
    let collected = OutputCollector()

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = arguments
      var env = ProcessInfo.processInfo.environment
      for (key, value) in environment { env[key] = value }
      process.environment = env
      let out = Pipe()
      process.standardOutput = out
      process.standardError = out
      try process.run()
      _ = OutputCollector.read(out.fileHandleForReading) { [collected] in collected.append(stdout: $0) }
    }

    /// Waits (at most `timeout` seconds) until the output holds `count` lines passing `test`.
    func waitForLines(_ count: Int, timeout: Double = 60, where test: (String) -> Bool = { _ in true })
      -> [String]
    {
      let deadline = Date().addingTimeInterval(timeout)
      while true {
        let lines = collected.text.0.split(separator: "\n").map(String.init).filter(test)
        if lines.count >= count || Date() > deadline || !process.isRunning { return lines }
        usleep(20_000)
      }
    }

    func stop() {
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
    }
  }
}

/// Output gathered from a child's pipes on the pipes' own threads.
final class OutputCollector: @unchecked Sendable {
  /// Reads `handle` until end of file on a thread of its own, handing each chunk to `chunk`;
  /// the semaphore is signalled at end of file.
  static func read(_ handle: FileHandle, _ chunk: @escaping @Sendable (Data) -> Void) -> DispatchSemaphore {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      while true {
        let data = handle.availableData
        if data.isEmpty { break }
        chunk(data)
      }
      done.signal()
    }
    thread.start()
    return done
  }

  private let lock = NSLock()
  private var out = Data()
  private var err = Data()

  func append(stdout data: Data) { lock.withLock { out.append(data) } }
  func append(stderr data: Data) { lock.withLock { err.append(data) } }
  var text: (String, String) {
    lock.withLock { (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self)) }
  }
}

/// A temporary directory for one test's kubeconfig and manifests.
struct Scratch {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let path = url.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}
