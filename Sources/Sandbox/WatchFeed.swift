import APIServer
import Foundation
import NIOCore

/// How a watch's events are written: as objects, as one-row Tables (`kubectl get -w`), or
/// as PartialObjectMetadata.
enum WatchRendering: Sendable {
  case objects
  case table(include: IncludeObject)
  case metadata
}

/// One open watch: what it selects, how it renders, and where its events go.
struct LiveWatch: Sendable {
  var type: ResourceType
  var filter: WatchFilter
  var rendering: WatchRendering
  var sink: WatchSink
  /// A Table watch sends its column definitions once, in its first event.
  var sentColumns = false
}

extension SandboxAPI {
  /// Hands the events the store produced since the last call to every open watch they
  /// concern. Runs under the lock, after every write and tick.
  func publish(_ state: inout State) {
    let events = state.store.drainEvents()
    guard !events.isEmpty, !state.watches.isEmpty else { return }
    let now = clock()
    for id in state.watches.keys {
      var watch = state.watches[id]!
      for event in events {
        guard let delivered = watch.filter.deliver(event, served: { Self.served($0, as: watch.type) }) else { continue }
        if !watch.sink.send(frame(delivered, for: &watch, now: now)) { break }
      }
      state.watches[id] = watch
    }
    state.watches = state.watches.filter { !$0.value.sink.isClosed }
  }

  /// Closes every open watch, as an API server restart or a load balancer would.
  func dropWatches(_ state: inout State) {
    for watch in state.watches.values { watch.sink.close() }
    state.watches = [:]
  }

  /// The object as served at the watched version (objects are stored once per group).
  static func served(_ object: JSON, as type: ResourceType) -> JSON {
    guard object["apiVersion"]?.string != type.apiVersion else { return object }
    var copy = object
    copy["apiVersion"] = .string(type.apiVersion)
    return copy
  }

  /// `{"type":"ADDED","object":{...}}`, the object rendered as the watch asked.
  func frame(_ event: WatchEvent, for watch: inout LiveWatch, now: Date) -> [UInt8] {
    let object: JSON
    switch watch.rendering {
    case .objects: object = event.object
    case .metadata: object = TableRendering.partialMetadata(event.object)
    case .table(let include):
      object = TableRendering.table(
        group: watch.type.group, kind: watch.type.kind, objects: [event.object],
        listMetadata: ["resourceVersion": .string(String(event.resourceVersion))], include: include,
        withColumnDefinitions: !watch.sentColumns, now: now)
      watch.sentColumns = true
    }
    let frame: JSON = ["type": .string(event.type.rawValue), "object": object]
    return frame.serialized()
  }

  /// Starts a watch: under the lock, the events since `resourceVersion` (or ADDED for every
  /// current object from version 0) are queued and the watch registered, so that no write
  /// falls between them. A version too old is an ERROR event with a 410 Status, as the real
  /// server sends it; the stream then ends.
  func startWatch(
    _ type: ResourceType, namespace: String?, query: QueryParameters, rendering: WatchRendering, sink: WatchSink
  ) {
    let since = Int(query["resourceVersion"] ?? "") ?? 0
    let sendInitialEvents = query.flag("sendInitialEvents")
    let timeout = Double(query["timeoutSeconds"] ?? "").map { min(max($0, 0), 3600 * 4) } ?? 1800
    let bookmarks = query.flag("allowWatchBookmarks")
    let now = clock()
    let started: Bool = state.withLock { state in
      let namespace = type.namespaced ? namespace : nil
      let from = sendInitialEvents ? 0 : since
      let result = state.store.events(
        type, namespace: namespace, since: from, labelSelector: query["labelSelector"],
        fieldSelector: query["fieldSelector"])
      var watch: LiveWatch
      do throws(APIError) {
        watch = LiveWatch(
          type: type,
          filter: WatchFilter(
            type: type, namespace: namespace, labels: try query["labelSelector"].map { text throws(APIError) in try LabelSelector(parsing: text) },
            fields: try query["fieldSelector"].map { text throws(APIError) in try FieldSelector(parsing: text, for: type) }),
          rendering: rendering, sink: sink)
      } catch {
        sink.send((["type": "ERROR", "object": error.status()] as JSON).serialized())
        return false
      }
      switch result {
      case .failure(let error):
        sink.send((["type": "ERROR", "object": error.status()] as JSON).serialized())
        return false
      case .success(let events):
        for event in events { sink.send(frame(event, for: &watch, now: now)) }
        if sendInitialEvents {
          sink.send(bookmark(type, resourceVersion: state.store.resourceVersion, initialEventsEnd: true))
        }
        let id = state.nextWatchID
        state.nextWatchID += 1
        state.watches[id] = watch
        // Closing can happen under the lock (an overflow while publishing, a fault dropping
        // watches): the watch is forgotten later, on the connection's event loop.
        sink.onClose { [weak self, loop = sink.eventLoop] in
          loop.execute { self?.state.withLock { _ = $0.watches.removeValue(forKey: id) } }
        }
        return true
      }
    }
    guard started else {
      sink.finish()
      return
    }
    let loop = sink.eventLoop
    let end = loop.scheduleTask(in: .milliseconds(Int64(timeout * 1000))) { sink.finish() }
    sink.onClose { end.cancel() }
    if bookmarks {
      let interval = TimeAmount.milliseconds(Int64(options.bookmarkInterval * 1000))
      let task = loop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { [weak self] task in
        guard let self, !sink.isClosed else {
          task.cancel()
          return
        }
        let rv = self.state.withLock { $0.store.resourceVersion }
        sink.send(self.bookmark(type, resourceVersion: rv, initialEventsEnd: false))
      }
      sink.onClose { task.cancel() }
    }
  }

  /// A BOOKMARK: only kind, apiVersion and the resource version the watch has reached.
  func bookmark(_ type: ResourceType, resourceVersion: Int, initialEventsEnd: Bool) -> [UInt8] {
    var metadata: JSON = ["resourceVersion": .string(String(resourceVersion))]
    if initialEventsEnd { metadata["annotations"] = ["k8s.io/initial-events-end": "true"] }
    let frame: JSON = [
      "type": "BOOKMARK",
      "object": ["kind": .string(type.kind), "apiVersion": .string(type.apiVersion), "metadata": metadata],
    ]
    return frame.serialized()
  }
}
