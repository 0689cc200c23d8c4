import APIServer
import NIOCore
import NIOHTTP1

/// What answers the requests of a connection: the sandbox's API (``SandboxAPI``), or a test's
/// own answers.
public protocol SandboxResponder: Sendable {
  /// The answer to one request; called on the connection's event loop, so it must not block
  /// for long (the store is in memory).
  func respond(to request: SandboxRequest) -> SandboxResponse
  /// How long to hold the answer back (a latency fault); zero for none.
  func delay(for request: SandboxRequest) -> TimeAmount
}

extension SandboxResponder {
  public func delay(for request: SandboxRequest) -> TimeAmount { .zero }
}

/// One HTTP/1.1 connection: reads each request whole (up to ``SandboxLimits/maxRequestBody``),
/// asks the responder, and writes the answer, or the head of a watch and then its events.
final class HTTPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let responder: SandboxResponder
  private let onWatchStart: @Sendable (WatchSink) -> Void
  private var head: HTTPRequestHead?
  private var body: [UInt8] = []
  private var tooLarge = false
  private var watch: WatchSink?

  init(responder: SandboxResponder, onWatchStart: @escaping @Sendable (WatchSink) -> Void) {
    self.responder = responder
    self.onWatchStart = onWatchStart
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      self.head = head
      body = []
      tooLarge = false
    case .body(var chunk):
      guard !tooLarge else { return }
      if body.count + chunk.readableBytes > SandboxLimits.maxRequestBody {
        tooLarge = true
        body = []
        return
      }
      body += chunk.readBytes(length: chunk.readableBytes) ?? []
    case .end:
      guard let head else { return }
      self.head = nil
      if tooLarge {
        let status: JSON = [
          "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure", "reason": "RequestEntityTooLarge",
          "code": 413,
          "message": .string("the request body is larger than the sandbox's limit of \(SandboxLimits.maxRequestBody) bytes"),
        ]
        write(context: context, head: head, response: .json(.payloadTooLarge, status.serialized()), keepAlive: false)
        return
      }
      let request = SandboxRequest(method: head.method, uri: head.uri, headers: head.headers, body: body)
      body = []
      let delay = responder.delay(for: request)
      if delay > .zero {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: delay) {
          let (handler, context) = loopBound.value
          handler.answer(context: context, head: head, request: request)
        }
      } else {
        answer(context: context, head: head, request: request)
      }
    }
  }

  private func answer(context: ChannelHandlerContext, head: HTTPRequestHead, request: SandboxRequest) {
    let response = responder.respond(to: request)
    write(context: context, head: head, response: response, keepAlive: head.isKeepAlive)
  }

  private func write(
    context: ChannelHandlerContext, head: HTTPRequestHead, response: SandboxResponse, keepAlive: Bool
  ) {
    switch response {
    case .full(let status, var headers, let bytes):
      headers.replaceOrAdd(name: "Content-Length", value: String(bytes.count))
      if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
      let responseHead = HTTPResponseHead(version: head.version, status: status, headers: headers)
      context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
      if head.method != .HEAD && !bytes.isEmpty {
        var buffer = context.channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
      }
      let done = context.eventLoop.makePromise(of: Void.self)
      context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: done)
      if !keepAlive {
        let channel = context.channel
        done.futureResult.whenComplete { _ in channel.close(promise: nil) }
      }
    case .watch(let subscription):
      let headers: HTTPHeaders = [
        "Content-Type": "application/json", "Transfer-Encoding": "chunked", "Cache-Control": "no-cache, private",
      ]
      context.writeAndFlush(
        wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))),
        promise: nil)
      let sink = WatchSink(channel: context.channel)
      watch = sink
      let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
      sink.onClose { [eventLoop = context.eventLoop] in
        eventLoop.execute { loopBound.value.watch = nil }
      }
      onWatchStart(sink)
      subscription.attach(sink)
    }
  }

  func channelWritabilityChanged(context: ChannelHandlerContext) {
    watch?.writabilityChanged()
    context.fireChannelWritabilityChanged()
  }

  func channelInactive(context: ChannelHandlerContext) {
    watch?.connectionClosed()
    watch = nil
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: Error) {
    watch?.connectionClosed()
    watch = nil
    context.close(promise: nil)
  }
}
