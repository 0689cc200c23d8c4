/// What a command prints and how it exits, computed without touching the process so that
/// tests can check it; `emit()` does the printing.
public struct CommandOutput: Sendable, Equatable {
  public var stdout: String = ""
  public var stderr: String = ""
  public var exitCode: Int32 = 0

  public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
    self.stdout = stdout
    self.stderr = stderr
    self.exitCode = exitCode
  }

  /// Writes both streams in full; standard output only when there is something to print, so
  /// that a failed command prints nothing half-done. Returns the exit status: `exitCode`, or 1
  /// when standard output could not be written (said on standard error).
  @discardableResult
  public func emit() -> Int32 {
    let written = StandardStreams.writeStandardOutput(stdout)
    StandardStreams.writeStandardError(stderr)
    return written ? exitCode : max(exitCode, 1)
  }
}
