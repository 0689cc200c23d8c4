import Foundation

/// The write primitives every operation goes through: they bump the resource version, keep the
/// owner indexes and record the watch event.
extension APIStore {
  /// Stores a new or changed object under a fresh resource version and records the event.
  @discardableResult
  mutating func put(_ type: ResourceType, _ key: ObjectKey, _ object: JSON, event: WatchEventType) -> JSON {
    resourceVersion += 1
    var stored = object
    stored[path: ["metadata", "resourceVersion"]] = .string(String(resourceVersion))
    let previous = objects[type.storageKey]?[key]
    if let previous { unindex(previous, ref: ObjectRef(group: type.group, plural: type.plural, key: key)) }
    objects[type.storageKey, default: [:]][key] = stored
    if previous == nil, !key.namespace.isEmpty { namespaceObjectCounts[key.namespace, default: 0] += 1 }
    index(stored, ref: ObjectRef(group: type.group, plural: type.plural, key: key))
    record(WatchEvent(type: event, object: stored, resourceVersion: resourceVersion, group: type.group, plural: type.plural, previous: previous))
    return stored
  }

  /// Removes an object for good under a fresh resource version and records the DELETED event.
  @discardableResult
  mutating func remove(_ type: ResourceType, _ key: ObjectKey, now: Date) -> JSON? {
    guard let object = objects[type.storageKey]?.removeValue(forKey: key) else { return nil }
    resourceVersion += 1
    var last = object
    last[path: ["metadata", "resourceVersion"]] = .string(String(resourceVersion))
    let ref = ObjectRef(group: type.group, plural: type.plural, key: key)
    unindex(object, ref: ref)
    if !key.namespace.isEmpty {
      namespaceObjectCounts[key.namespace, default: 1] -= 1
      if namespaceObjectCounts[key.namespace] == 0 { namespaceObjectCounts[key.namespace] = nil }
    }
    record(WatchEvent(type: .deleted, object: last, resourceVersion: resourceVersion, group: type.group, plural: type.plural, previous: object))
    afterRemoval(of: type, key: key, object: last, now: now)
    return last
  }

  mutating func record(_ event: WatchEvent) {
    history.append(event)
    pendingEvents.append(event)
  }

  mutating func index(_ object: JSON, ref: ObjectRef) {
    if let uid = object[path: ["metadata", "uid"]]?.string { byUID[uid] = ref }
    for owner in object.ownerUIDs { dependentsByOwner[owner, default: []].insert(ref) }
  }

  mutating func unindex(_ object: JSON, ref: ObjectRef) {
    if let uid = object[path: ["metadata", "uid"]]?.string, byUID[uid] == ref { byUID[uid] = nil }
    for owner in object.ownerUIDs {
      dependentsByOwner[owner]?.remove(ref)
      if dependentsByOwner[owner]?.isEmpty == true { dependentsByOwner[owner] = nil }
    }
  }

  /// The stored object a reference points at.
  func object(at ref: ObjectRef) -> JSON? { objects[ref.storageKey]?[ref.key] }
}

extension JSON {
  /// The uids in `metadata.ownerReferences`.
  var ownerUIDs: [String] {
    (self[path: ["metadata", "ownerReferences"]]?.array ?? []).compactMap { $0["uid"]?.string }
  }

  /// `metadata.finalizers`.
  var finalizers: [String] {
    self[path: ["metadata", "finalizers"]]?.array?.compactMap(\.string) ?? []
  }

  var name: String { self[path: ["metadata", "name"]]?.string ?? "" }
  var namespace: String { self[path: ["metadata", "namespace"]]?.string ?? "" }
  var uid: String? { self[path: ["metadata", "uid"]]?.string }
  var isTerminating: Bool { self[path: ["metadata", "deletionTimestamp"]] != nil }
}
