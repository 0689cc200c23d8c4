#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file that `--report` or `--log` names. A regular file (or a name not yet taken) is
/// replaced atomically, so a reader never sees half a report; a symbolic link stays, and its
/// target is written (replaced atomically when it is a regular file); a FIFO, a character device (`/dev/null`, `/dev/stdout`) or a socket
/// is written as a stream. Nothing special is ever replaced by a regular file, and a directory
/// is refused.
public enum OutputFile {
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
  }

  enum Kind: Equatable {
    /// Nothing there yet, or a regular file (at `path`, or at the end of the links `path`
    /// names): written to a temporary file beside it, then renamed over it.
    case replaceable(String)
    /// A FIFO, device or socket, or a link to nothing yet: opened and written in place.
    case writeThrough
  }

  /// What writing to `path` would do, or why it cannot be written at all; checked before a
  /// long run so that a typo does not cost the run.
  static func kind(of path: String) -> Result<Kind, Failure> {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      if errno != ENOENT { return .failure(Failure(description: reason(errno))) }
      // The directory it would go into must exist.
      let parent = directory(of: path)
      var parentInfo = stat()
      guard stat(parent, &parentInfo) == 0 else { return .failure(Failure(description: reason(errno))) }
      guard parentInfo.st_mode & S_IFMT == S_IFDIR else {
        return .failure(Failure(description: "\(parent) is not a directory"))
      }
      return .success(.replaceable(path))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .success(.replaceable(path))
    case S_IFDIR: return .failure(Failure(description: "it is a directory; name a file"))
    case S_IFLNK:
      var target = stat()
      guard stat(path, &target) == 0 else { return .success(.writeThrough) }
      switch target.st_mode & S_IFMT {
      case S_IFDIR: return .failure(Failure(description: "it links to a directory; name a file"))
      case S_IFREG:
        // The link stays; its target is replaced as a regular file would be.
        guard let resolved = realpath(path, nil) else { return .success(.writeThrough) }
        defer { free(resolved) }
        return .success(.replaceable(String(cString: resolved)))
      default: return .success(.writeThrough)
      }
    default: return .success(.writeThrough)
    }
  }

  /// Checks that `path` can be written, without writing it.
  public static func check(_ path: String) -> Failure? {
    if case .failure(let failure) = kind(of: path) { return failure }
    return nil
  }

  /// Writes `text` to `path` as its kind asks.
  public static func write(_ text: String, to path: String) -> Result<Void, Failure> {
    switch kind(of: path) {
    case .failure(let failure): return .failure(failure)
    case .success(.writeThrough):
      let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
      guard fd >= 0 else { return .failure(Failure(description: reason(errno))) }
      let written = StandardStreams.write(text, to: fd)
      let closed = close(fd) == 0 ? 0 : errno
      if case .failure(let failure) = written { return .failure(Failure(description: failure.description)) }
      if closed != 0 { return .failure(Failure(description: reason(closed))) }
      return .success(())
    case .success(.replaceable(let path)):
      var template = Array((directory(of: path) + "/.karpenter-XXXXXX").utf8CString)
      let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      guard fd >= 0 else { return .failure(Failure(description: reason(errno))) }
      let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      // mkstemp makes the file 0600; a report is as readable as any file the user creates.
      let mask = umask(0)
      umask(mask)
      fchmod(fd, 0o666 & ~mask)
      let written = StandardStreams.write(text, to: fd)
      let synced = close(fd) == 0 ? 0 : errno
      if case .failure(let failure) = written {
        unlink(temporary)
        return .failure(Failure(description: failure.description))
      }
      if synced != 0 {
        unlink(temporary)
        return .failure(Failure(description: reason(synced)))
      }
      guard rename(temporary, path) == 0 else {
        let code = errno
        unlink(temporary)
        return .failure(Failure(description: reason(code)))
      }
      return .success(())
    }
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let parent = String(path[..<slash])
    return parent.isEmpty ? "/" : parent
  }

  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file or directory"
    case EACCES, EPERM: return "permission denied"
    case ENOSPC: return "no space left on device"
    case EISDIR: return "it is a directory; name a file"
    default: return String(cString: strerror(code)).lowercased()
    }
  }
}
