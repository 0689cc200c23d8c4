import NIOCore
import NIOHTTP1

/// One HTTP request as the sandbox's API layer sees it: the body read whole (it is bounded by
/// ``SandboxLimits/maxRequestBody``), the query split into its parameters.
public struct SandboxRequest: Sendable {
  public var method: HTTPMethod
  /// The path without the query, percent-decoding left to the router (Kubernetes names never
  /// need it).
  public var path: String
  public var query: QueryParameters
  public var headers: HTTPHeaders
  public var body: [UInt8]

  public init(method: HTTPMethod, uri: String, headers: HTTPHeaders = [:], body: [UInt8] = []) {
    self.method = method
    if let mark = uri.firstIndex(of: "?") {
      path = String(uri[..<mark])
      query = QueryParameters(String(uri[uri.index(after: mark)...]))
    } else {
      path = uri
      query = QueryParameters("")
    }
    self.headers = headers
    self.body = body
  }

  /// The first Content-Type without its parameters, lowercased (`application/json`).
  public var contentType: String {
    let value = headers.first(name: "content-type") ?? ""
    return value.split(separator: ";").first.map { $0.trimmingSpaces.lowercased() } ?? ""
  }
}

/// The query of a request URL, in order, with `+` and percent escapes decoded.
public struct QueryParameters: Sendable, Equatable {
  public private(set) var items: [(name: String, value: String)]

  public init(_ query: String) {
    items = query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decode(parts[0])
      let value = parts.count > 1 ? Self.decode(parts[1]) : ""
      return (name, value)
    }
  }

  public static func == (a: QueryParameters, b: QueryParameters) -> Bool {
    a.items.elementsEqual(b.items) { $0.name == $1.name && $0.value == $1.value }
  }

  /// The first value of `name`.
  public subscript(name: String) -> String? { items.first { $0.name == name }?.value }

  /// Every value of `name`, for parameters that repeat (`dryRun=All&dryRun=All`).
  public func all(_ name: String) -> [String] { items.filter { $0.name == name }.map(\.value) }

  /// `true`, `1` (and an empty value, as for `?watch`) are true, as the API server's boolean
  /// conversion reads them; anything else, or the parameter missing, is false.
  public func flag(_ name: String) -> Bool {
    guard let value = self[name] else { return false }
    return value == "" || value == "1" || value.lowercased() == "true"
  }

  static func decode(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var iterator = Array(text.utf8)[...]
    while let byte = iterator.popFirst() {
      if byte == UInt8(ascii: "+") {
        bytes.append(UInt8(ascii: " "))
      } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
        let high = hexValue(iterator[iterator.startIndex]),
        let low = hexValue(iterator[iterator.startIndex + 1])
      {
        bytes.append(high << 4 | low)
        iterator = iterator.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}

/// What the API layer answers: a whole body, or a watch that streams events until it ends.
public enum SandboxResponse: Sendable {
  case full(status: HTTPResponseStatus, headers: HTTPHeaders, body: [UInt8])
  case watch(WatchSubscription)

  /// A JSON body with its Content-Type.
  public static func json(_ status: HTTPResponseStatus, _ body: [UInt8], headers: HTTPHeaders = [:])
    -> SandboxResponse
  {
    var all = headers
    all.replaceOrAdd(name: "Content-Type", value: "application/json")
    return .full(status: status, headers: all, body: body)
  }

  /// A plain-text body, as /healthz answers.
  public static func text(_ status: HTTPResponseStatus, _ text: String) -> SandboxResponse {
    .full(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
  }

  public var status: HTTPResponseStatus {
    switch self {
    case .full(let status, _, _): status
    case .watch: .ok
    }
  }
}

/// The bounds that keep a misbehaving client from costing unbounded memory.
public enum SandboxLimits {
  /// The API server's own limit on a request body is 3 MiB for most writes; the sandbox allows
  /// a little more so that a large apply is not refused where the real server takes it.
  public static let maxRequestBody = 4 * 1024 * 1024
  /// Events a watch may have queued but not yet written before it is dropped, as the real
  /// server drops a watcher whose buffer is full.
  public static let maxQueuedWatchEvents = 1000
}

extension Substring {
  var trimmingSpaces: Substring {
    var s = self
    while s.first == " " || s.first == "\t" { s.removeFirst() }
    while s.last == " " || s.last == "\t" { s.removeLast() }
    return s
  }
}
