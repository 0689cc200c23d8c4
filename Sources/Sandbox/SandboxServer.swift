import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The sandbox's HTTP/1.1 listener: binds host:port (port 0 takes a free one), hands every
/// request to a ``SandboxResponder``, and closes gracefully, ending open watches first so
/// that clients see their streams end rather than hang.
public final class SandboxServer: Sendable {
  /// The address the server listens on, with the port it really bound.
  public let host: String
  public let port: Int

  private let group: MultiThreadedEventLoopGroup
  private let ownsGroup: Bool
  private let channel: Channel
  private let watches: WatchRegistry
  private let logger: Logger

  private init(
    host: String, port: Int, group: MultiThreadedEventLoopGroup, ownsGroup: Bool, channel: Channel,
    watches: WatchRegistry, logger: Logger
  ) {
    self.host = host
    self.port = port
    self.group = group
    self.ownsGroup = ownsGroup
    self.channel = channel
    self.watches = watches
    self.logger = logger
  }

  /// Binds and starts serving. Throws ``SandboxServerError`` when the address cannot be bound.
  public static func start(
    host: String = "127.0.0.1", port: Int = 0, responder: SandboxResponder,
    logger: Logger = Logger(label: "karpenter.sandbox"), threads: Int = 2
  ) async throws -> SandboxServer {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
    let watches = WatchRegistry()
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(ChannelOptions.backlog, value: 256)
      .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
      .childChannelOption(ChannelOptions.writeBufferWaterMark, value: .init(low: 32 * 1024, high: 256 * 1024))
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
          try channel.pipeline.syncOperations.addHandler(
            HTTPConnectionHandler(responder: responder, onWatchStart: { sink in watches.add(sink) }))
        }
      }
    let channel: Channel
    do {
      channel = try await bootstrap.bind(host: host, port: port).get()
    } catch {
      try? await group.shutdownGracefully()
      throw SandboxServerError(host: host, port: port, reason: "\(error)")
    }
    let bound = channel.localAddress?.port ?? port
    logger.debug("sandbox listening", metadata: ["address": "\(host):\(bound)"])
    return SandboxServer(
      host: host, port: bound, group: group, ownsGroup: true, channel: channel, watches: watches,
      logger: logger)
  }

  /// `http://127.0.0.1:PORT`, what a kubeconfig's `server:` names.
  public var url: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)" }

  /// The watches open now, for tests and the fault switch.
  public var openWatchCount: Int { watches.sinks.withLock { $0.count } }

  /// Stops accepting connections, ends every open watch cleanly and shuts the event loops down.
  public func stop() async {
    try? await channel.close()
    // Each watch ends as at its timeout (the chunked body closed), so that clients see a clean
    // end and watch again elsewhere; what has not ended within a second is cut.
    let open = watches.sinks.withLock { Array($0.values) }
    for sink in open { sink.finish() }
    for _ in 0..<100 where openWatchCount > 0 { try? await Task.sleep(for: .milliseconds(10)) }
    for sink in watches.sinks.withLock({ Array($0.values) }) { sink.close() }
    if ownsGroup { try? await group.shutdownGracefully() }
  }

  /// Runs `body` every `interval` on one of the server's event loops until the server stops.
  @discardableResult
  public func scheduleRepeated(every interval: TimeAmount, _ body: @escaping @Sendable () -> Void)
    -> RepeatedTask
  {
    group.next().scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in body() }
  }

  /// Whether the server answers `GET /readyz` with 200 over a real connection.
  public func answersRequests() async -> Bool {
    let response = try? await SelfCheck.readyz(host: host, port: port, group: group)
    return response?.hasPrefix("HTTP/1.1 200") ?? false
  }

  /// Waits until the listening socket is closed (by ``stop()``).
  public func waitUntilClosed() async {
    try? await channel.closeFuture.get()
  }
}

/// The open watches of a server, so that stopping the server ends them.
final class WatchRegistry: Sendable {
  let sinks = Mutex<[ObjectIdentifier: WatchSink]>([:])

  func add(_ sink: WatchSink) {
    let id = ObjectIdentifier(sink)
    sinks.withLock { $0[id] = sink }
    sink.onClose { [weak self] in _ = self?.sinks.withLock { $0.removeValue(forKey: id) } }
  }
}

/// The sandbox could not listen on the address it was given.
public struct SandboxServerError: Error, CustomStringConvertible {
  public var host: String
  public var port: Int
  public var reason: String

  public var description: String { "the sandbox could not listen on \(host):\(port): \(reason)" }
}
