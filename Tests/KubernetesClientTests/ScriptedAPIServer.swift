import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A test double standing in for the fault sequences no real peer offers yet (there is no
/// kube-apiserver on this machine, and the project's sandbox cannot be told to answer 429, to
/// expire a continue token or to cut a watch mid-event): an HTTP/1.1 server on a free port of
/// 127.0.0.1 that answers each request with the next reply of its script, in order, and records
/// what it was asked. With TLS material it serves HTTPS and asks for a client certificate.
final class ScriptedAPIServer: Sendable {
  /// What the server was asked.
  struct RecordedRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    var headers: [String: String]
    var body: [UInt8]
    /// When the request's end arrived.
    var receivedAt = ContinuousClock.now

    var bodyText: String { String(decoding: body, as: UTF8.self) }
  }

  /// One scripted answer.
  enum Reply: Sendable {
    /// A whole answer with this status, JSON body and extra headers.
    case json(Int, String, headers: [String: String] = [:])
    /// A 200 whose chunked body is these pieces, sent `gapMilliseconds` apart; then the body
    /// ends and, unless `holdOpen`, the connection closes; held open it stays until shutdown.
    case stream([String], gapMilliseconds: Int = 5, holdOpen: Bool = false)
    /// Closes the connection without answering.
    case drop
  }

  private let channel: any Channel
  private let state: Script
  let port: Int
  let scheme: String

  init(replies: [Reply], tls: TLSConfiguration? = nil) async throws {
    let state = Script(replies: replies)
    self.state = state
    let sslContext = try tls.map { try NIOSSLContext(configuration: $0) }
    scheme = tls == nil ? "http" : "https"
    channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          if let sslContext {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
          }
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          try channel.pipeline.syncOperations.addHandler(
            ScriptHandler { request in
              state.withLock { state in
                state.requests.append(request)
                return state.replies.isEmpty
                  ? .json(500, #"{"kind":"Status","message":"the test script has no more replies"}"#)
                  : state.replies.removeFirst()
              }
            })
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    port = channel.localAddress?.port ?? 0
  }

  /// The server's URL, such as `http://127.0.0.1:41234`.
  var url: URL { URL(string: "\(scheme)://127.0.0.1:\(port)")! }

  var requests: [RecordedRequest] { state.withLock { $0.requests } }

  func shutdown() async throws {
    try await channel.close()
  }
}

/// The replies still to give and the requests seen, behind a lock (the server's threads and
/// the test read them).
private final class Script: @unchecked Sendable {
  private let lock = NSLock()
  private var state: (replies: [ScriptedAPIServer.Reply], requests: [ScriptedAPIServer.RecordedRequest])

  init(replies: [ScriptedAPIServer.Reply]) { state = (replies, []) }

  func withLock<T>(
    _ body: (inout (replies: [ScriptedAPIServer.Reply], requests: [ScriptedAPIServer.RecordedRequest])) -> T
  ) -> T {
    lock.withLock { body(&state) }
  }
}

/// Reads one request at a time and writes the script's reply.
private final class ScriptHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  let next: @Sendable (ScriptedAPIServer.RecordedRequest) -> ScriptedAPIServer.Reply
  private var head: HTTPRequestHead?
  private var body: [UInt8] = []

  init(next: @escaping @Sendable (ScriptedAPIServer.RecordedRequest) -> ScriptedAPIServer.Reply) {
    self.next = next
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      self.head = head
      body = []
    case .body(var buffer):
      body += buffer.readBytes(length: buffer.readableBytes) ?? []
    case .end:
      guard let head else { return }
      let components = URLComponents(string: head.uri)
      var query: [String: String] = [:]
      for item in components?.queryItems ?? [] { query[item.name] = item.value ?? "" }
      var headers: [String: String] = [:]
      for (name, value) in head.headers { headers[name.lowercased()] = value }
      let request = ScriptedAPIServer.RecordedRequest(
        method: head.method.rawValue, path: components?.percentEncodedPath ?? head.uri, query: query,
        headers: headers, body: body)
      reply(next(request), context: context)
    }
  }

  private func reply(_ reply: ScriptedAPIServer.Reply, context: ChannelHandlerContext) {
    switch reply {
    case .drop:
      context.close(promise: nil)
    case .json(let status, let text, let extra):
      var headers = HTTPHeaders([
        ("Content-Type", "application/json"), ("Content-Length", String(text.utf8.count)),
      ])
      for (name, value) in extra { headers.add(name: name, value: value) }
      context.write(
        wrapOutboundOut(
          .head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: headers))),
        promise: nil)
      context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
      context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    case .stream(let pieces, let gap, let holdOpen):
      let headers = HTTPHeaders([("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")])
      context.writeAndFlush(
        wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))),
        promise: nil)
      let loop = context.eventLoop.assumeIsolated()
      let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
      for (index, piece) in pieces.enumerated() {
        loop.scheduleTask(in: .milliseconds(Int64(gap * (index + 1)))) {
          let context = bound.value
          context.writeAndFlush(
            NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: piece)))), promise: nil)
        }
      }
      if !holdOpen {
        loop.scheduleTask(in: .milliseconds(Int64(gap * (pieces.count + 1)))) {
          let context = bound.value
          context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).whenComplete { _ in
            bound.value.close(promise: nil)
          }
        }
      }
    }
  }
}
