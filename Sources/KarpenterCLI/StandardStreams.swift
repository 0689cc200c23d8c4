#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes to standard output and standard error with `write(2)`, reporting a failure instead
/// of trapping: Foundation's `FileHandle.write(_:)` traps on any error, so a full disk
/// (`> /dev/full`), a closed standard output (`>&-`) or a reader that went away killed the
/// process with a Swift crash report.
public enum StandardStreams {
  /// Why a stream could not be written: a sentence fragment, `no space left on device`.
  public struct WriteFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var errorNumber: Int32
    public var description: String {
      switch errorNumber {
      case EPIPE: return "the reader closed the pipe"
      case EBADF: return "it is closed"
      case ENOSPC: return "no space left on device"
      default: return String(cString: strerror(errorNumber))
      }
    }
  }

  /// Writes all of `text` to `fd`, retrying short writes and interruptions.
  public static func write(_ text: String, to fd: Int32) -> Result<Void, WriteFailure> {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return .failure(WriteFailure(errorNumber: errno))
        }
        offset += n
      }
      return .success(())
    }
  }

  /// Writes `text` to standard output; on failure says so on standard error and returns false.
  @discardableResult
  public static func writeStandardOutput(_ text: String) -> Bool {
    guard !text.isEmpty else { return true }
    if case .failure(let failure) = write(text, to: STDOUT_FILENO) {
      _ = write("karpenter: cannot write to standard output: \(failure)\n", to: STDERR_FILENO)
      return false
    }
    return true
  }

  /// Writes `text` to standard error; nothing else can be done when that fails.
  public static func writeStandardError(_ text: String) {
    guard !text.isEmpty else { return }
    _ = write(text, to: STDERR_FILENO)
  }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
