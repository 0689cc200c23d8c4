/// What happened to an object, as a watch delivers it.
public enum WatchEventType: String, Sendable, Hashable {
  case added = "ADDED"
  case modified = "MODIFIED"
  case deleted = "DELETED"
}

/// One change to one object, stamped with the resource version the change produced.
public struct WatchEvent: Sendable, Hashable {
  public var type: WatchEventType
  /// The object after the change (for `.deleted`, the last state with the deleting version).
  public var object: JSON
  public var resourceVersion: Int
  /// The API group and resource of the object, e.g. ("apps", "deployments").
  public var group: String
  public var plural: String
  /// The object before the change, so that a filtered watch can turn a change into or out of
  /// the filter into ADDED or DELETED as the real server does.
  public var previous: JSON?

  public init(
    type: WatchEventType, object: JSON, resourceVersion: Int, group: String, plural: String, previous: JSON? = nil
  ) {
    self.type = type
    self.object = object
    self.resourceVersion = resourceVersion
    self.group = group
    self.plural = plural
    self.previous = previous
  }

  /// The `{"type": ..., "object": ...}` frame a watch stream sends.
  public func frame() -> JSON { ["type": .string(type.rawValue), "object": object] }
}

/// The bounded history of changes, as etcd's compaction window: a watch can resume from any
/// resource version the history still reaches; older ones get 410 Gone.
struct WatchHistory: Sendable {
  var capacity: Int
  /// Events in resource-version order; the live part starts at `start`.
  private var events: [WatchEvent] = []
  private var start = 0
  /// Every change with a resource version at or below this is forgotten.
  private(set) var compactedThrough = 0

  init(capacity: Int) { self.capacity = max(1, capacity) }

  var retained: ArraySlice<WatchEvent> { events[start...] }

  mutating func append(_ event: WatchEvent) {
    events.append(event)
    if events.count - start > capacity {
      compactedThrough = events[start].resourceVersion
      start += 1
    }
    if start > capacity {
      events.removeFirst(start)
      start = 0
    }
  }

  /// Forgets every change with a resource version at or below `resourceVersion`.
  mutating func expire(through resourceVersion: Int) {
    while start < events.count, events[start].resourceVersion <= resourceVersion {
      start += 1
    }
    compactedThrough = max(compactedThrough, resourceVersion)
    events.removeFirst(start)
    start = 0
  }

  /// The changes after `resourceVersion`, or nil when the history no longer reaches back.
  func after(_ resourceVersion: Int) -> ArraySlice<WatchEvent>? {
    guard resourceVersion >= compactedThrough else { return nil }
    let live = events[start...]
    // Binary search for the first event after the version.
    var low = live.startIndex
    var high = live.endIndex
    while low < high {
      let mid = (low + high) / 2
      if live[mid].resourceVersion <= resourceVersion { low = mid + 1 } else { high = mid }
    }
    return live[low...]
  }
}
