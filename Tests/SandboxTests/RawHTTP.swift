import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 client over a POSIX socket, so that the tests see exactly the bytes the
/// sandbox sends (status line, headers, chunked watch streams) without any client library in
/// between. It stands in for no peer: it is the test's own eyes on the wire.
final class RawHTTP {
  let fd: Int32
  private var buffer: [UInt8] = []

  struct Response {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
  }

  init(port: Int) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else { throw RawHTTPError(message: "cannot connect to 127.0.0.1:\(port)") }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }

  deinit { close(fd) }

  func send(_ method: String, _ target: String, headers: [String: String] = [:], body: String? = nil) {
    var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    for (name, value) in headers { text += "\(name): \(value)\r\n" }
    if let body { text += "Content-Length: \(body.utf8.count)\r\n" }
    text += "\r\n" + (body ?? "")
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
  }

  /// Reads more bytes into the buffer; false at end of stream or timeout.
  private func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard n > 0 else { return false }
    buffer += chunk[0..<n]
    return true
  }

  func readLine() -> String? {
    while true {
      if let i = buffer.firstIndex(of: 0x0A) {
        let line = buffer[..<i]
        buffer.removeFirst(i + 1)
        return String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
      }
      guard fill() else { return nil }
    }
  }

  func readBytes(_ count: Int) -> [UInt8]? {
    while buffer.count < count { guard fill() else { return nil } }
    defer { buffer.removeFirst(count) }
    return Array(buffer[..<count])
  }

  /// The status line and headers.
  func readHead() throws -> (Int, [String: String]) {
    guard let status = readLine() else { throw RawHTTPError(message: "no response") }
    let code = Int(status.split(separator: " ").dropFirst().first ?? "") ?? 0
    var headers: [String: String] = [:]
    while let line = readLine(), !line.isEmpty {
      let parts = line.split(separator: ":", maxSplits: 1)
      if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
    }
    return (code, headers)
  }

  /// One whole response with a Content-Length body.
  func response() throws -> Response {
    let (status, headers) = try readHead()
    let length = Int(headers["content-length"] ?? "0") ?? 0
    guard let body = readBytes(length) else { throw RawHTTPError(message: "short body") }
    return Response(status: status, headers: headers, body: body)
  }

  /// The next line of a chunked stream (watch events are one per line, each in its own
  /// chunk or spread over several); nil when the stream ends.
  private var pending: [UInt8] = []
  /// Whether the stream ended with its last (zero-sized) chunk rather than a cut connection.
  private(set) var sawEndOfStream = false
  func nextStreamLine() -> String? {
    while true {
      if let i = pending.firstIndex(of: 0x0A) {
        let line = pending[..<i]
        pending.removeFirst(i + 1)
        return String(decoding: line, as: UTF8.self)
      }
      guard let sizeLine = readLine(), let size = Int(sizeLine, radix: 16) else { return nil }
      if size == 0 {
        _ = readLine()
        sawEndOfStream = true
        return nil
      }
      guard let data = readBytes(size) else { return nil }
      _ = readLine()
      pending += data
    }
  }

  static func request(
    port: Int, _ method: String, _ target: String, headers: [String: String] = [:], body: String? = nil
  ) throws -> Response {
    let client = try RawHTTP(port: port)
    client.send(method, target, headers: headers, body: body)
    return try client.response()
  }
}

struct RawHTTPError: Error, CustomStringConvertible {
  var message: String
  var description: String { "the test's HTTP client failed: \(message)" }
}
