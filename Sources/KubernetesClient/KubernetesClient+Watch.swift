import Foundation
import NIOCore
import NIOFoundationCompat

/// What a watch asks for.
public struct WatchOptions: Sendable, Hashable {
  /// Start after this version (a list's, or the last event's); nil: from the newest state.
  public var resourceVersion: String?
  public var labelSelector: String?
  public var fieldSelector: String?
  /// Ask the server for BOOKMARK events, which advance the version without a change.
  public var allowBookmarks: Bool
  /// The server ends the watch after this long (client-go picks 5 to 10 minutes).
  public var timeoutSeconds: Int?

  public init(
    resourceVersion: String? = nil, labelSelector: String? = nil, fieldSelector: String? = nil,
    allowBookmarks: Bool = true, timeoutSeconds: Int? = nil
  ) {
    self.resourceVersion = resourceVersion
    self.labelSelector = labelSelector
    self.fieldSelector = fieldSelector
    self.allowBookmarks = allowBookmarks
    self.timeoutSeconds = timeoutSeconds
  }

  var queryItems: [URLQueryItem] {
    var items = [URLQueryItem(name: "watch", value: "true")]
    if let resourceVersion, !resourceVersion.isEmpty {
      items.append(.init(name: "resourceVersion", value: resourceVersion))
    }
    if let labelSelector, !labelSelector.isEmpty {
      items.append(.init(name: "labelSelector", value: labelSelector))
    }
    if let fieldSelector, !fieldSelector.isEmpty {
      items.append(.init(name: "fieldSelector", value: fieldSelector))
    }
    if allowBookmarks { items.append(.init(name: "allowWatchBookmarks", value: "true")) }
    if let timeoutSeconds { items.append(.init(name: "timeoutSeconds", value: String(timeoutSeconds))) }
    return items
  }
}

extension KubernetesClient {
  /// Watches the resource: the events the server streams, decoded as they arrive. The stream
  /// finishes when the server ends the watch (its timeout) and throws when the connection
  /// fails; an `.error` event with code 410 means the version is gone and the caller must list
  /// again. Cancelling the consuming task ends the watch.
  public func watch<T: Decodable & Sendable>(
    _ type: T.Type, _ path: ResourcePath, options: WatchOptions = WatchOptions()
  ) -> AsyncThrowingStream<WatchEvent<T>, any Error> {
    let (stream, continuation) = AsyncThrowingStream<WatchEvent<T>, any Error>.makeStream()
    let task = Task {
      do {
        try await self.streamWatch(type, path, options: options) { event, _ in continuation.yield(event) }
        continuation.finish()
      } catch {
        continuation.finish(throwing: error)
      }
    }
    continuation.onTermination = { _ in task.cancel() }
    return stream
  }

  /// `watch(_:_:options:)` with the options spelled out.
  public func watch<T: Decodable & Sendable>(
    _ type: T.Type, _ path: ResourcePath, resourceVersion: String?, labelSelector: String? = nil,
    fieldSelector: String? = nil, allowBookmarks: Bool = true, timeoutSeconds: Int? = nil
  ) -> AsyncThrowingStream<WatchEvent<T>, any Error> {
    watch(
      type, path,
      options: WatchOptions(
        resourceVersion: resourceVersion, labelSelector: labelSelector, fieldSelector: fieldSelector,
        allowBookmarks: allowBookmarks, timeoutSeconds: timeoutSeconds))
  }

  /// Opens a watch and hands each event, with its object's resource version, to `handle` until
  /// the server ends the watch. Throws what opening it threw (a 410 included), a broken
  /// connection, or a stream that is not watch events.
  func streamWatch<T: Decodable & Sendable>(
    _ type: T.Type, _ path: ResourcePath, options: WatchOptions,
    handle: (WatchEvent<T>, String?) async throws -> Void
  ) async throws {
    let request = Request(verb: .watch, method: .GET, path: path, query: options.queryItems)
    let response = try await open(request)
    var splitter = JSONObjectSplitter(maxObjectBytes: self.options.maxWatchEventBytes)
    let decoder = JSONDecoder()
    do {
      for try await chunk in response.body {
        let objects: [[UInt8]]
        do { objects = try splitter.append(chunk.readableBytesView) } catch {
          throw self.error(.invalidResponse, request, detail: "is not a stream of watch events: \(error)")
        }
        for object in objects {
          let wire: WireWatchEvent<T>
          do { wire = try decoder.decode(WireWatchEvent<T>.self, from: Data(object)) } catch let error
            as DecodingError
          {
            throw self.error(
              .invalidResponse, request,
              detail: "holds an event that does not decode: \(DecodingFailure.describe(error))")
          }
          do { try await handle(wire.event, wire.resourceVersion) } catch {
            throw HandlerFailure(error: error)
          }
        }
      }
    } catch let error as KubernetesClientError {
      throw error
    } catch let failure as HandlerFailure {
      throw failure.error
    } catch {
      if Task.isCancelled { throw CancellationError() }
      throw self.error(
        .transport, request, detail: "the watch broke: \(TransportFailure.describe(error))", underlying: error
      )
    }
    if splitter.holdsPartialObject {
      logger.debug("a watch ended inside an event", metadata: ["resource": "\(path)"])
    }
  }
}

/// An error the event handler threw, kept apart from the stream's own failures.
private struct HandlerFailure: Error {
  var error: any Error
}
