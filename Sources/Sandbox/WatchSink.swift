import Synchronization
import NIOCore
import NIOHTTP1

/// How an answered watch is wired to its connection: once the response head is written, the
/// server hands `attach` a ``WatchSink``, and the watch registers itself (atomically with the
/// resource version it starts from) and pushes events into it.
public struct WatchSubscription: Sendable {
  public let attach: @Sendable (WatchSink) -> Void

  public init(attach: @escaping @Sendable (WatchSink) -> Void) { self.attach = attach }
}

/// The writing end of one watch connection: events are queued without blocking the caller
/// (the store's writer), written on the connection's event loop as fast as the client reads,
/// and the watch is dropped when more than ``SandboxLimits/maxQueuedWatchEvents`` wait,
/// as the real API server drops a watcher whose buffer is full.
public final class WatchSink: Sendable {
  private struct State {
    var queue: [[UInt8]] = []
    var flushScheduled = false
    var closed = false
    var onClose: [@Sendable () -> Void] = []
  }

  private let channel: Channel
  private let limit: Int
  private let state = Mutex(State())

  init(channel: Channel, limit: Int = SandboxLimits.maxQueuedWatchEvents) {
    self.channel = channel
    self.limit = limit
  }

  /// The event loop of the connection, for the watch's timers (bookmarks, timeoutSeconds).
  public var eventLoop: EventLoop { channel.eventLoop }

  public var isClosed: Bool { state.withLock { $0.closed } }

  /// Queues one line of the stream (a JSON watch event; the newline is added here). Returns
  /// false when the watch is closed; closes it when the client is too far behind.
  @discardableResult
  public func send(_ line: [UInt8]) -> Bool {
    enum Next { case none, flush, overflow, closed }
    let next: Next = state.withLock { state in
      if state.closed { return .closed }
      if state.queue.count >= limit { return .overflow }
      state.queue.append(line)
      if state.flushScheduled { return .none }
      state.flushScheduled = true
      return .flush
    }
    switch next {
    case .none: return true
    case .closed: return false
    case .overflow:
      close()
      return false
    case .flush:
      channel.eventLoop.execute { self.flush() }
      return true
    }
  }

  /// Writes what is queued while the connection takes it; the rest waits for
  /// ``writabilityChanged()``.
  func flush() {
    channel.eventLoop.assertInEventLoop()
    var wrote = false
    while channel.isWritable {
      let line: [UInt8]? = state.withLock { state in
        if state.closed || state.queue.isEmpty {
          state.flushScheduled = false
          return nil
        }
        return state.queue.removeFirst()
      }
      guard let line else { break }
      var buffer = channel.allocator.buffer(capacity: line.count + 1)
      buffer.writeBytes(line)
      buffer.writeInteger(UInt8(ascii: "\n"))
      channel.write(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil)
      wrote = true
    }
    if !channel.isWritable { state.withLock { $0.flushScheduled = false } }
    if wrote { channel.flush() }
  }

  /// The connection drained its outbound buffer: continue writing.
  func writabilityChanged() {
    if channel.isWritable { flush() }
  }

  /// Ends the watch: what is queued is written, then the chunked body ends (a clean close, as
  /// at timeoutSeconds); the close handlers run once.
  public func finish() {
    channel.eventLoop.execute {
      self.flush()
      let handlers = self.markClosed()
      guard let handlers else { return }
      self.channel.writeAndFlush(HTTPServerResponsePart.end(nil), promise: nil)
      handlers.forEach { $0() }
    }
  }

  /// Drops the watch at once (overflow, a fault, the server stopping): the connection is
  /// closed, so the client sees the stream break and re-establishes its watch.
  public func close() {
    let handlers = markClosed()
    guard let handlers else { return }
    channel.close(promise: nil)
    handlers.forEach { $0() }
  }

  /// Runs `handler` when the watch ends for any reason (at once when it already has).
  public func onClose(_ handler: @escaping @Sendable () -> Void) {
    let closed = state.withLock { state in
      if state.closed { return true }
      state.onClose.append(handler)
      return false
    }
    if closed { handler() }
  }

  /// The connection went away under the watch.
  func connectionClosed() {
    markClosed()?.forEach { $0() }
  }

  private func markClosed() -> [@Sendable () -> Void]? {
    state.withLock { state in
      if state.closed { return nil }
      state.closed = true
      state.queue.removeAll()
      defer { state.onClose.removeAll() }
      return state.onClose
    }
  }
}
