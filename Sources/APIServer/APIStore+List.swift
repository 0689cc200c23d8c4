import Foundation

/// One page of a list: the items, the resource version the list was taken at, and where the
/// next page starts.
public struct ObjectList: Sendable, Hashable {
  public var items: [JSON]
  public var resourceVersion: Int
  /// The opaque token for the next page; nil on the last page.
  public var continueToken: String?
  /// How many matching items follow this page, when there is a next page.
  public var remainingItemCount: Int?

  /// The `PodList`-style body the real server sends.
  public func json(_ type: ResourceType) -> JSON {
    var metadata: [String: JSON] = ["resourceVersion": .string(String(resourceVersion))]
    if let continueToken { metadata["continue"] = .string(continueToken) }
    if let remainingItemCount { metadata["remainingItemCount"] = .int(Int64(remainingItemCount)) }
    return [
      "apiVersion": .string(type.apiVersion), "kind": .string(type.listKind), "metadata": .object(metadata),
      "items": .array(items),
    ]
  }
}

extension APIStore {
  /// Lists objects as `GET` on a collection does: sorted by namespace and name, filtered by
  /// label and field selectors, paged with `limit` and `continue`.
  ///
  /// A continue token taken at a resource version the history no longer reaches is 410 Expired,
  /// as the real server answers once etcd has compacted past it.
  public func list(
    _ type: ResourceType, namespace: String? = nil, labelSelector: String? = nil,
    fieldSelector: String? = nil,
    limit: Int? = nil, continue continueToken: String? = nil, resourceVersion: String? = nil
  ) throws(APIError) -> ObjectList {
    let labels = try labelSelector.map { text throws(APIError) in try LabelSelector(parsing: text) }
    let fields = try fieldSelector.map { text throws(APIError) in try FieldSelector(parsing: text, for: type)
    }
    if let limit, limit < 0 { throw .badRequest("limit must be a non-negative integer") }
    var after: ObjectKey?
    var listRV = self.resourceVersion
    if let continueToken, !continueToken.isEmpty {
      let token = try ContinueToken(decoding: continueToken)
      if token.resourceVersion < history.compactedThrough {
        throw .expired(
          "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list."
        )
      }
      after = token.after
      listRV = token.resourceVersion
    }
    let namespace = type.namespaced ? namespace.flatMap { $0.isEmpty ? nil : $0 } : nil
    let bucket = objects[type.storageKey] ?? [:]
    var keys = bucket.keys.filter { key in
      if let namespace, key.namespace != namespace { return false }
      if let after, !(after < key) { return false }
      return true
    }
    keys.sort()
    var items: [JSON] = []
    var lastKey: ObjectKey?
    var remaining = 0
    let pageSize = (limit ?? 0) > 0 ? limit! : Int.max
    for key in keys {
      let object = bucket[key]!
      if let labels, !labels.matches(object: object) { continue }
      if let fields, !fields.matches(object) { continue }
      if items.count < pageSize {
        items.append(served(object, as: type))
        lastKey = key
      } else {
        remaining += 1
      }
    }
    var list = ObjectList(items: items, resourceVersion: listRV)
    if remaining > 0, let lastKey {
      list.continueToken = ContinueToken(resourceVersion: listRV, after: lastKey).encoded()
      list.remainingItemCount = remaining
    }
    return list
  }

  /// What a watch of `type` from `resourceVersion` must deliver: the retained changes after it,
  /// filtered (a change moving an object into the selection is ADDED, out of it DELETED).
  ///
  /// Version 0 means "from now, starting with the current state": ADDED for every matching object.
  /// A version the history no longer reaches is 410 Gone, "too old resource version".
  public func events(
    _ type: ResourceType, namespace: String? = nil, since resourceVersion: Int, labelSelector: String? = nil,
    fieldSelector: String? = nil
  ) -> Result<[WatchEvent], APIError> {
    do throws(APIError) {
      let labels = try labelSelector.map { text throws(APIError) in try LabelSelector(parsing: text) }
      let fields = try fieldSelector.map { text throws(APIError) in
        try FieldSelector(parsing: text, for: type)
      }
      let filter = WatchFilter(
        type: type, namespace: type.namespaced ? namespace.flatMap { $0.isEmpty ? nil : $0 } : nil,
        labels: labels, fields: fields)
      if resourceVersion == 0 {
        let current = try list(
          type, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector)
        return .success(
          current.items.map {
            WatchEvent(
              type: .added, object: $0,
              resourceVersion: Int($0[path: ["metadata", "resourceVersion"]]?.string ?? "") ?? 0,
              group: type.group, plural: type.plural)
          })
      }
      guard let changes = history.after(resourceVersion) else {
        throw .expired("too old resource version: \(resourceVersion) (\(history.compactedThrough + 1))")
      }
      return .success(changes.compactMap { filter.deliver($0) })
    } catch {
      return .failure(error)
    }
  }
}

extension APIStore {
  /// Every change to every resource after `resourceVersion`, for a consumer that keeps its own
  /// cursor (the stand-ins) instead of draining `pendingEvents` (which the HTTP layer owns).
  /// 410 Gone when the history no longer reaches back.
  public func changes(since resourceVersion: Int) -> Result<[WatchEvent], APIError> {
    guard let slice = history.after(resourceVersion) else {
      return .failure(
        .expired("too old resource version: \(resourceVersion) (\(history.compactedThrough + 1))"))
    }
    return .success(Array(slice))
  }
}

/// The filter of one watch: which changes it sees, and as what.
public struct WatchFilter: Sendable {
  public var type: ResourceType
  public var namespace: String?
  public var labels: LabelSelector?
  public var fields: FieldSelector?

  public init(type: ResourceType, namespace: String?, labels: LabelSelector?, fields: FieldSelector?) {
    self.type = type
    self.namespace = namespace
    self.labels = labels
    self.fields = fields
  }

  func selects(_ object: JSON) -> Bool {
    if let namespace, object.namespace != namespace { return false }
    if let labels, !labels.matches(object: object) { return false }
    if let fields, !fields.matches(object) { return false }
    return true
  }

  /// The event as this watch sees it, with the object passed through `served` (kept for
  /// callers that serve objects themselves; `deliver(_:)` already serves the watched version).
  public func deliver(_ event: WatchEvent, served: (JSON) -> JSON) -> WatchEvent? {
    deliver(event).map { delivered in
      var out = delivered
      out.object = served(delivered.object)
      return out
    }
  }

  /// The event as this watch sees it, served at the watched version; nil when it does not
  /// concern the watch.
  public func deliver(_ event: WatchEvent) -> WatchEvent? {
    guard event.group == type.group, event.plural == type.plural else { return nil }
    let now = selects(event.object)
    var out = event
    if out.object["apiVersion"]?.string != type.apiVersion {
      out.object["apiVersion"] = .string(type.apiVersion)
    }
    switch event.type {
    case .added, .deleted:
      return now ? out : nil
    case .modified:
      let before = event.previous.map(selects) ?? now
      switch (before, now) {
      case (true, true): return out
      case (false, true): out.type = .added; return out
      case (true, false): out.type = .deleted; return out
      case (false, false): return nil
      }
    }
  }
}

/// The `continue` token: the resource version of the first page and the last key served.
struct ContinueToken {
  var resourceVersion: Int
  var after: ObjectKey

  init(resourceVersion: Int, after: ObjectKey) {
    self.resourceVersion = resourceVersion
    self.after = after
  }

  init(decoding text: String) throws(APIError) {
    var padded = text
    while padded.count % 4 != 0 { padded += "=" }
    guard let data = Data(base64Encoded: padded), let json = try? JSON(parsing: Array(data)),
      let rv = json["rv"]?.int, let start = json["start"]?.string
    else { throw .badRequest("continue key is not valid: \(text)") }
    resourceVersion = Int(rv)
    let parts = start.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    after =
      parts.count == 2
      ? ObjectKey(namespace: String(parts[0]), name: String(parts[1])) : ObjectKey(namespace: "", name: start)
  }

  func encoded() -> String {
    let json: JSON = [
      "v": "meta.k8s.io/v1", "rv": .int(Int64(resourceVersion)),
      "start": .string("\(after.namespace)/\(after.name)"),
    ]
    return Data(json.serialized()).base64EncodedString()
  }
}
