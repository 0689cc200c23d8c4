import NIOCore
import NIOPosix

/// Asks the server for `/readyz` over a real connection, so that a kubeconfig is written only
/// once the sandbox answers requests.
enum SelfCheck {
  /// Collects the whole response until the server closes the connection.
  final class Collector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let done: EventLoopPromise<String>
    var received = ""

    init(done: EventLoopPromise<String>) { self.done = done }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      var buffer = unwrapInboundIn(data)
      received += buffer.readString(length: buffer.readableBytes) ?? ""
    }

    func channelInactive(context: ChannelHandlerContext) { done.succeed(received) }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
      done.fail(error)
      context.close(promise: nil)
    }
  }

  /// The raw response to `GET /readyz`; throws when the server cannot be reached.
  static func readyz(host: String, port: Int, group: EventLoopGroup) async throws -> String {
    let loop = group.next()
    let done = loop.makePromise(of: String.self)
    let channel = try await ClientBootstrap(group: loop)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(done: done)) }
      }
      .connect(host: host, port: port).get()
    var request = channel.allocator.buffer(capacity: 128)
    request.writeString("GET /readyz HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n\r\n")
    try await channel.writeAndFlush(request).get()
    return try await done.futureResult.get()
  }
}
