import AsyncHTTPClient
import NIOCore
import NIOSSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Words for why a connection failed, as an operator reads them: `connection refused`,
/// `no answer within 10 s`, `TLS handshake failed: ...`, rather than a type's dump.
enum TransportFailure {
  static func describe(_ error: any Error) -> String {
    if let io = error as? IOError { return describe(errno: io.errnoCode) ?? "\(io)" }
    if let channel = error as? ChannelError {
      switch channel {
      case .connectTimeout(let amount): return "no connection within \(amount.nanoseconds / 1_000_000_000) s"
      case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed: return "the connection was closed"
      default: return "\(channel)"
      }
    }
    if let ssl = error as? NIOSSLError { return "TLS failed: \(ssl)" }
    if let boring = error as? BoringSSLError { return "TLS failed: \(boring)" }
    if let http = error as? HTTPClientError {
      switch http {
      case .connectTimeout: return "no connection within the connect timeout"
      case .remoteConnectionClosed: return "the server closed the connection"
      case .deadlineExceeded: return "no answer before the request's deadline"
      case .readTimeout: return "the server stopped sending"
      case .getConnectionFromPoolTimeout:
        return
          "every connection to the server stayed busy (open watches hold one each over HTTP/1.1; see Options.maxConnections)"
      default: return "\(http)"
      }
    }
    // NIOPosix's connection errors (not a dependency of this module) list each address tried.
    let text = "\(error)"
    for (needle, words) in [
      ("Connection refused", "connection refused"), ("No route to host", "no route to the host"),
      ("Network is unreachable", "the network is unreachable"),
      ("Connection reset", "the connection was reset"),
    ] where text.contains(needle) {
      return words
    }
    return text
  }

  private static func describe(errno code: Int32) -> String? {
    switch code {
    case ECONNREFUSED: return "connection refused"
    case ECONNRESET: return "the connection was reset"
    case EHOSTUNREACH: return "no route to the host"
    case ENETUNREACH: return "the network is unreachable"
    case ETIMEDOUT: return "the connection timed out"
    default: return nil
    }
  }
}
