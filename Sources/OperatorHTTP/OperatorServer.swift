import Dispatch
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 listener for what operators and the kubelet ask of a running controller:
/// `/metrics` for Prometheus and `/healthz` and `/readyz` for the probes. Each GET is answered
/// by `respond` from its path; anything else is 405 or 404. It serves plain HTTP on all
/// interfaces, as upstream's metrics and probe listeners do.
public final class OperatorServer: Sendable {
  /// What a path answers.
  public struct Response: Sendable {
    public var status: Int
    public var contentType: String
    public var body: String

    public init(status: Int = 200, contentType: String = "text/plain; charset=utf-8", body: String) {
      self.status = status
      self.contentType = contentType
      self.body = body
    }
  }

  /// The port really bound (port 0 takes a free one).
  public let port: Int
  private let channel: any Channel

  private init(port: Int, channel: any Channel) {
    self.port = port
    self.channel = channel
  }

  /// Binds `host:port` and serves until `stop()`. Throws ``OperatorServerError`` when the
  /// address cannot be bound (the port is taken).
  public static func start(
    name: String, host: String = "0.0.0.0", port: Int,
    respond: @escaping @Sendable (_ path: String) -> Response?
  ) async throws -> OperatorServer {
    let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(ChannelOptions.backlog, value: 64)
      .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
          try channel.pipeline.syncOperations.addHandler(OperatorHandler(respond: respond))
        }
      }
    do {
      let channel = try await bootstrap.bind(host: host, port: port).get()
      return OperatorServer(port: channel.localAddress?.port ?? port, channel: channel)
    } catch {
      throw OperatorServerError(name: name, host: host, port: port, reason: "\(error)")
    }
  }

  /// Stops accepting connections.
  public func stop() async {
    try? await channel.close()
  }
}

/// The listener could not be bound.
public struct OperatorServerError: Error, CustomStringConvertible {
  public var name: String
  public var host: String
  public var port: Int
  public var reason: String

  public var description: String {
    "the \(name) listener could not bind \(host):\(port): \(reason)"
  }
}

/// Answers each request of one connection from its path.
final class OperatorHandler: ChannelInboundHandler, @unchecked Sendable {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let respond: @Sendable (String) -> OperatorServer.Response?
  private var head: HTTPRequestHead?

  init(respond: @escaping @Sendable (String) -> OperatorServer.Response?) {
    self.respond = respond
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let request):
      head = request
    case .body:
      break  // probes and scrapes send none; a body is read and ignored
    case .end:
      guard let request = head else { return }
      head = nil
      let path = String(request.uri.prefix { $0 != "?" })
      let channel = context.channel
      if request.method != .GET && request.method != .HEAD {
        Self.write(.init(status: 405, body: "only GET is served here\n"), for: request, on: channel)
        return
      }
      // A scrape of a large cluster renders megabytes: that is done off the event loop, which
      // the API and AWS clients share, and the answer written back on it.
      let respond = self.respond
      DispatchQueue.global().async {
        let response = respond(path) ?? .init(status: 404, body: "\(path) is not served here; try /metrics, /healthz or /readyz\n")
        channel.eventLoop.execute { Self.write(response, for: request, on: channel) }
      }
    }
  }

  /// Writes the response through the whole pipeline (the connection may have closed meanwhile:
  /// the write then fails quietly).
  private static func write(_ response: OperatorServer.Response, for request: HTTPRequestHead, on channel: any Channel) {
    var headers = HTTPHeaders()
    let body = channel.allocator.buffer(string: response.body)
    headers.add(name: "Content-Type", value: response.contentType)
    headers.add(name: "Content-Length", value: "\(body.readableBytes)")
    let keepAlive = request.isKeepAlive
    if !keepAlive { headers.add(name: "Connection", value: "close") }
    let head = HTTPResponseHead(
      version: request.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
    channel.write(HTTPServerResponsePart.head(head), promise: nil)
    if request.method != .HEAD { channel.write(HTTPServerResponsePart.body(.byteBuffer(body)), promise: nil) }
    let done = channel.writeAndFlush(HTTPServerResponsePart.end(nil))
    if !keepAlive { done.whenComplete { _ in channel.close(promise: nil) } }
  }
}
