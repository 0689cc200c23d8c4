import Foundation

/// The real peers these tests run against (Prometheus 2.42 and promtool from Debian's
/// `prometheus` package), installed with apt-get when the machine lacks them, so that `swift
/// test` passes on a fresh machine.
public enum PeerTool {
  public struct Missing: Error, CustomStringConvertible {
    public var description: String
  }

  /// The path of `name` (`promtool`, `prometheus`), installing Debian's package if needed.
  public static func prometheus(_ name: String) throws -> String {
    if let path = which(name) { return path }
    try installLock.withLock {
      if which(name) != nil { return }
      let script = "apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null 2>&1"
      _ = try run("/bin/sh", ["-c", script])
    }
    guard let path = which(name) else {
      throw Missing(description: "\(name) is not installed and `apt-get install prometheus` did not install it")
    }
    return path
  }

  private static let installLock = NSLock()

  public static func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let path = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  /// Runs the program on a Dispatch thread, so that waiting for it does not hold one of the
  /// few cooperative threads every other test needs meanwhile.
  @discardableResult
  public static func output(_ program: String, _ arguments: [String], input: String = "") async throws -> (
    status: Int32, output: String
  ) {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(with: Result { try run(program, arguments, input: input) })
      }
    }
  }

  /// The path of `name`, installed if needed, found on a Dispatch thread (the install takes a
  /// minute).
  public static func prometheusPath(_ name: String) async throws -> String {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async { continuation.resume(with: Result { try prometheus(name) }) }
    }
  }

  /// Runs the program with `input` on standard input; its exit status and combined output.
  @discardableResult
  static func run(_ program: String, _ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let stdin = Pipe()
    let output = Pipe()
    process.standardInput = stdin
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let writer = Thread {
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
