#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one manifest file (or standard input) into text, refusing what cannot be a manifest
/// before it costs memory: a directory, more than ``ManifestLimits/maxFileBytes`` bytes, bytes
/// that are not UTF-8. A FIFO, a character device or a pipe is read as a stream.
///
/// Plain `open(2)`/`read(2)` rather than `Data(contentsOf:)`, whose errors on Linux read
/// "NSCocoaErrorDomain error 256" for a directory and "You don't have permission" for
/// /dev/null.
public enum ManifestReader {
  /// Why a file could not be read, as it reads after the file's name and a colon.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
  }

  /// The text of `path`, or `-` for standard input.
  public static func read(path: String, limit: Int = ManifestLimits.maxFileBytes) -> Result<
    String, Failure
  > {
    let fd: Int32
    if path == "-" {
      fd = STDIN_FILENO
      // An inherited standard input is never close-on-exec; one that is was opened by this
      // process after it started with standard input closed (`<&-`).
      let flags = fcntl(fd, F_GETFD)
      if flags < 0 || flags & FD_CLOEXEC != 0 {
        return .failure(Failure("cannot read standard input: it is closed"))
      }
    } else {
      // Blocking, as `cat` opens: a FIFO's reader waits here for its writer.
      fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { return .failure(Failure("cannot read the file: \(Self.reason(errno))")) }
    }
    defer { if path != "-" { close(fd) } }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      return .failure(Failure("cannot read the file: \(Self.reason(errno))"))
    }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR { return .failure(Failure("a directory, not a manifest file")) }
    if type == S_IFREG && Int64(info.st_size) > Int64(limit) {
      return .failure(Failure(tooLarge(limit)))
    }
    var bytes: [UInt8] = []
    if type == S_IFREG { bytes.reserveCapacity(Int(info.st_size)) }
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return .failure(Failure("cannot read the file: \(Self.reason(errno))"))
      }
      if n == 0 { break }
      if bytes.count + n > limit { return .failure(Failure(tooLarge(limit))) }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return decodeUTF8(bytes)
  }

  static func tooLarge(_ limit: Int) -> String {
    let size = limit % (1024 * 1024) == 0 ? "\(limit / (1024 * 1024)) MiB" : "\(limit) bytes"
    return "larger than \(size), the most one manifest file may hold; split it into several files"
  }

  /// The bytes as text, or where the first byte that is not UTF-8 is (byte offset, line and
  /// column), as the API server's YAML reader reports "invalid UTF-8".
  public static func decodeUTF8(_ bytes: [UInt8]) -> Result<String, Failure> {
    if let offset = firstInvalidUTF8(bytes) {
      var line = 1
      var lineStart = 0
      for (i, b) in bytes[..<offset].enumerated() where b == 0x0A {
        line += 1
        lineStart = i + 1
      }
      return .failure(
        Failure(
          "not UTF-8 text: byte \(offset) (line \(line), column \(offset - lineStart + 1)) is 0x\(String(bytes[offset], radix: 16, uppercase: true)), which does not start or continue a UTF-8 character"
        ))
    }
    // A leading byte-order mark is allowed (libyaml skips it).
    return .success(String(decoding: bytes, as: UTF8.self))
  }

  /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; high = 0x9F
      case 0xF0: length = 4; low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; high = 0x8F
      default: return i
      }
      guard i + length <= n else { return i }
      for k in 1..<length {
        let c = bytes[i + k]
        let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
        if c < lo || c > hi { return i }
      }
      i += length
    }
    return nil
  }

  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file or directory"
    case EACCES, EPERM: return "permission denied"
    case ENOTDIR: return "a component of the path is not a directory"
    case ELOOP: return "too many levels of symbolic links"
    case EISDIR: return "is a directory"
    default: return String(cString: strerror(code)).lowercased()
    }
  }
}

/// The sizes past which input is refused rather than read, so that no input costs more than a
/// bounded amount of memory. docs/simulation.md lists them.
public enum ManifestLimits {
  /// One file (or standard input): 64 MiB. The API server takes at most 3 MiB per object, but
  /// a cluster dump (`kubectl get ... -o yaml`) is one List holding every object; parsed, YAML
  /// takes about 30 times its size, so this bounds one file's parse at about 2 GB.
  public static let maxFileBytes = 64 * 1024 * 1024
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
