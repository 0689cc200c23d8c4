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

  /// True when the process started with standard output closed (`>&-`).
  nonisolated(unsafe) static var standardOutputWasClosed = false

  /// Call first thing. A standard stream the process started without (`>&-`) is either still
  /// free, and is then opened on /dev/null so that the next file opened (an input, a report)
  /// does not become "standard output"; or already taken by the runtime before `main` (the
  /// Swift runtime's dispatch queues open an eventfd and an epoll descriptor, which take the
  /// lowest free numbers): such a descriptor is close-on-exec, which an inherited stream never
  /// is. Either way, writing to a standard output that was closed fails as it should, instead
  /// of writing into someone else's descriptor.
  public static func guardClosedStreams() {
    for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
      let flags = fcntl(fd, F_GETFD)
      if flags < 0 && errno == EBADF {
        let null = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY)
        if null >= 0 && null != fd {
          // Close-on-exec, as the runtime's own descriptors: the mark of a closed stream.
          dup2(null, fd)
          _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
          close(null)
        } else if null == fd {
          _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
      } else if flags < 0 || flags & FD_CLOEXEC == 0 {
        continue
      }
      switch fd {
      case STDOUT_FILENO: standardOutputWasClosed = true
      case STDERR_FILENO: standardErrorWasClosed = true
      default: break
      }
    }
  }

  /// True when the process started with standard error closed (`2>&-`).
  nonisolated(unsafe) static var standardErrorWasClosed = false

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
    let result = standardOutputWasClosed ? .failure(WriteFailure(errorNumber: EBADF)) : write(text, to: STDOUT_FILENO)
    if case .failure(let failure) = result {
      writeStandardError("karpenter: cannot write to standard output: \(failure)\n")
      return false
    }
    return true
  }

  /// Writes `text` to standard error; nothing else can be done when that fails.
  public static func writeStandardError(_ text: String) {
    guard !text.isEmpty, !standardErrorWasClosed else { return }
    _ = write(text, to: STDERR_FILENO)
  }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
