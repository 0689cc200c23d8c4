import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A long-running `karpenter` (or kubectl) process for end-to-end tests: its output goes to
/// files (no pipe to fill up), it can be stopped with SIGTERM or killed with SIGKILL, and it
/// is killed when the test lets go of it.
final class BackgroundProcess: @unchecked Sendable {
  let process = Process()
  let stdoutPath: String
  let stderrPath: String

  init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], directory: URL) throws {
    let name = "\(executable.lastPathComponent)-\(UUID().uuidString.prefix(8))"
    stdoutPath = directory.appendingPathComponent("\(name).out").path
    stderrPath = directory.appendingPathComponent("\(name).err").path
    FileManager.default.createFile(atPath: stdoutPath, contents: nil)
    FileManager.default.createFile(atPath: stderrPath, contents: nil)
    process.executableURL = executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
    process.standardError = FileHandle(forWritingAtPath: stderrPath)
    process.standardInput = FileHandle.nullDevice
    try process.run()
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }

  var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
  var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

  func terminate() { if process.isRunning { kill(process.processIdentifier, SIGTERM) } }
  func killNow() { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

  /// Waits for the process to end, at most `timeout` seconds; its exit status, or nil.
  func wait(timeout: TimeInterval) async -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
    return process.isRunning ? nil : process.terminationStatus
  }
}

/// Polls `condition` every 250 ms until it holds or `timeout` seconds pass; whether it held.
func eventually(timeout: TimeInterval, _ condition: () async throws -> Bool) async rethrows -> Bool {
  let deadline = Date().addingTimeInterval(timeout)
  while Date() < deadline {
    if try await condition() { return true }
    try? await Task.sleep(for: .milliseconds(250))
  }
  return try await condition()
}

/// Runs `body` on a Dispatch thread: a subprocess waited for there does not hold one of the
/// few cooperative threads every other test (and the sandbox's clients) need meanwhile.
func offloaded<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
  }
}

/// Runs a short command (kubectl) to its end, at most `timeout` seconds.
func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 60, stdin: String? = nil) throws
  -> (status: Int32, stdout: String, stderr: String)
{
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  let out = Pipe()
  let err = Pipe()
  let input = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = input
  try process.run()
  if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
  try input.fileHandleForWriting.close()
  let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
  DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
  // Read both pipes to their end on separate threads, so neither fills up.
  nonisolated(unsafe) var errData = Data()
  let errDone = DispatchSemaphore(value: 0)
  DispatchQueue.global().async {
    errData = err.fileHandleForReading.readDataToEndOfFile()
    errDone.signal()
  }
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  errDone.wait()
  process.waitUntilExit()
  killer.cancel()
  return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
