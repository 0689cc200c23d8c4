import Foundation

/// Where an object lives inside one resource: its namespace ("" for cluster-scoped) and name.
public struct ObjectKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var namespace: String
  public var name: String

  public init(namespace: String, name: String) {
    self.namespace = namespace
    self.name = name
  }

  public static func < (a: ObjectKey, b: ObjectKey) -> Bool {
    a.namespace != b.namespace ? a.namespace < b.namespace : a.name < b.name
  }

  public var description: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }
}

/// An object anywhere in the store: its resource (group and plural) and its key.
struct ObjectRef: Hashable, Sendable {
  var group: String
  var plural: String
  var key: ObjectKey
  var storageKey: String { "\(group)/\(plural)" }
}

/// The write being admitted, for the admission hook (named apart from Foundation's `Operation`).
public enum AdmissionOperation: String, Sendable, Hashable {
  case create = "CREATE"
  case update = "UPDATE"
}

/// The Kubernetes API server's semantics over JSON objects, in memory: resource versions,
/// watches, selectors, patches, finalizers, owner references, eviction.
///
/// A value with no I/O, no threads and no clock: the caller passes the time in and serializes
/// access (the sandbox wraps it in a lock). Every write appends watch events to a bounded
/// history and to `pendingEvents`, which the HTTP layer drains to feed open watches.
public struct APIStore: Sendable {
  /// The types served, growing as CustomResourceDefinitions are created.
  public internal(set) var registry: ResourceRegistry
  /// The last resource version handed out (one counter for every resource, as etcd's revision).
  public internal(set) var resourceVersion: Int = 0
  /// Objects by storage key ("group/plural") and namespace/name.
  var objects: [String: [ObjectKey: JSON]] = [:]
  /// Where each object is, by uid (for owner references).
  var byUID: [String: ObjectRef] = [:]
  /// The dependents of each owner uid.
  var dependentsByOwner: [String: Set<ObjectRef>] = [:]
  /// How many objects each namespace holds, so a terminating namespace knows when it is empty.
  var namespaceObjectCounts: [String: Int] = [:]
  var history: WatchHistory
  var random: SeededGenerator
  /// The next service clusterIP offset inside 10.96.0.0/12.
  var nextServiceIP: UInt32 = 1
  /// Events produced since the last `drainEvents()`; when nobody drains, only the latest
  /// (twice the history limit at most) are kept.
  public internal(set) var pendingEvents: [WatchEvent] = []

  /// Validation beyond the store's own: called with the object about to be stored on create
  /// and update (including patches); a non-empty answer refuses the write with 422 Invalid.
  public var admission: (@Sendable (ResourceType, JSON, AdmissionOperation) -> [FieldCause])?

  /// A store with the built-in types and the namespaces every cluster starts with.
  /// - Parameters:
  ///   - seed: seeds generated names and uids, so runs repeat.
  ///   - historyLimit: how many changes a watch can resume across.
  public init(
    registry: ResourceRegistry = ResourceRegistry(), seed: UInt64 = 1, historyLimit: Int = 10_000,
    now: Date = Date(timeIntervalSince1970: 0)
  ) {
    self.registry = registry
    self.history = WatchHistory(capacity: historyLimit)
    self.random = SeededGenerator(seed: seed)
    if let namespaces = registry.type(group: "", version: "v1", plural: "namespaces") {
      for name in ["default", "kube-system", "kube-public", "kube-node-lease"] {
        _ = try? create(
          namespaces, namespace: nil,
          ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]], now: now)
      }
    }
    pendingEvents = []
  }

  /// Serves another type (a kind the sandbox knows without a CRD object).
  public mutating func register(_ type: ResourceType) {
    registry.register(type)
  }

  /// Hands the events produced since the last call to the caller and forgets them.
  public mutating func drainEvents() -> [WatchEvent] {
    defer { pendingEvents = [] }
    return pendingEvents
  }

  /// Makes every change up to and including `resourceVersion` unreachable for watches and
  /// continue tokens, as an etcd compaction does (the fault switch uses it).
  public mutating func expire(through resourceVersion: Int) {
    history.expire(through: resourceVersion)
  }

  /// Makes every change with a resource version below `resourceVersion` unreachable.
  public mutating func expire(before resourceVersion: Int) {
    history.expire(through: resourceVersion - 1)
  }

  /// Makes the whole history unreachable: every watch must relist.
  public mutating func expireAll() {
    history.expire(through: resourceVersion)
  }

  /// The oldest resource version a watch can still start from.
  public var oldestWatchableResourceVersion: Int { history.compactedThrough }

  /// Every stored object, sorted by resource, namespace and name.
  public func snapshot() -> [JSON] {
    objects.keys.sorted().flatMap { storage in
      objects[storage]!.keys.sorted().map { objects[storage]![$0]! }
    }
  }

  /// The number of objects of a type (all namespaces).
  public func count(_ type: ResourceType) -> Int { objects[type.storageKey]?.count ?? 0 }

  // MARK: - Reading

  /// The object, served at the type's apiVersion.
  public func get(_ type: ResourceType, namespace: String?, name: String) throws(APIError) -> JSON {
    let key = try objectKey(type, namespace: namespace, name: name)
    guard let object = objects[type.storageKey]?[key] else { throw .notFound(type, name: name) }
    return served(object, as: type)
  }

  /// The object if it exists, without an error.
  public func lookup(_ type: ResourceType, namespace: String?, name: String) -> JSON? {
    guard let key = try? objectKey(type, namespace: namespace, name: name) else { return nil }
    return objects[type.storageKey]?[key].map { served($0, as: type) }
  }

  func objectKey(_ type: ResourceType, namespace: String?, name: String) throws(APIError) -> ObjectKey {
    if type.namespaced {
      guard let namespace, !namespace.isEmpty else {
        throw .badRequest("a namespace is required for \(type.groupResource)")
      }
      return ObjectKey(namespace: namespace, name: name)
    }
    return ObjectKey(namespace: "", name: name)
  }

  /// The object with `apiVersion` rewritten to the version it is served at (objects of a
  /// group are stored once and served at every version, without conversion).
  func served(_ object: JSON, as type: ResourceType) -> JSON {
    if object["apiVersion"]?.string == type.apiVersion { return object }
    var copy = object
    copy["apiVersion"] = .string(type.apiVersion)
    return copy
  }

  /// The type stored under a group and resource (any version).
  func type(group: String, plural: String) -> ResourceType? {
    registry.types.first { $0.group == group && $0.plural == plural }
  }

  /// The Namespace type: the built-in one, or a stand-in when a custom registry leaves it out
  /// (then no namespace exists and namespaced creates are refused with 404).
  var namespacesType: ResourceType {
    registry.type(group: "", version: "v1", plural: "namespaces")
      ?? ResourceType(group: "", version: "v1", kind: "Namespace", plural: "namespaces", namespaced: false)
  }
}
