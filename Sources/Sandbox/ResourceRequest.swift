import APIServer
import Foundation
import NIOHTTP1

/// One request on a resource path, carried through: the type looked up, the verb told
/// apart (get, list, watch, create, update, patch, delete, deletecollection and the pod
/// subresources), the fault switch consulted, the store called, the answer rendered.
struct ResourceRequest {
  let api: SandboxAPI
  let request: SandboxRequest
  let path: ResourcePath

  /// The verb as RBAC and the fault switch name it.
  var verb: String {
    switch request.method {
    case .GET, .HEAD: path.name == nil ? (request.query.flag("watch") ? "watch" : "list") : "get"
    case .POST: "create"
    case .PUT: "update"
    case .PATCH: "patch"
    case .DELETE: path.name == nil ? "deletecollection" : "delete"
    default: request.method.rawValue.lowercased()
    }
  }

  func respond() throws(APIError) -> SandboxResponse {
    guard let type = try api.read({ store throws(APIError) in store.registry.type(group: path.group, version: path.version, plural: path.resource) })
    else { throw SandboxAPI.notFoundPath(request) }
    if path.namespace != nil, !type.namespaced { throw SandboxAPI.notFoundPath(request) }
    if let failure = api.faults.failure(verb: verb, resource: type.plural) { throw failure }
    let subresource = try subresource(of: type)
    let dryRun = try Self.dryRun(request.query)
    switch (request.method, path.name, subresource) {
    case (.GET, nil, _), (.HEAD, nil, _):
      return try request.query.flag("watch") ? watch(type) : list(type)
    case (.GET, let name?, .scale?), (.HEAD, let name?, .scale?):
      return SandboxAPI.ok(try api.read { store throws(APIError) in try store.scale(type, namespace: path.namespace, name: name) })
    case (.GET, let name?, _), (.HEAD, let name?, _):
      let object = try api.read { store throws(APIError) in try store.get(type, namespace: path.namespace, name: name) }
      return try render(type, object: object)
    case (.POST, nil, nil):
      let body = try SandboxAPI.parseBody(request)
      let manager = request.query["fieldManager"]
      let created = try api.write { store, now throws(APIError) in
        try store.create(type, namespace: path.namespace, body, dryRun: dryRun, fieldManager: manager, now: now)
      }
      return .json(.created, created.serialized())
    case (.POST, let name?, .eviction?):
      let body = try SandboxAPI.parseBody(request)
      let namespace = try requiredNamespace()
      _ = try api.write { store, now throws(APIError) in try store.evict(namespace: namespace, name: name, body: body, now: now) }
      return .json(.created, Self.success.serialized())
    case (.POST, let name?, .binding?):
      let body = try SandboxAPI.parseBody(request)
      let namespace = try requiredNamespace()
      _ = try api.write { store, now throws(APIError) in try store.bind(namespace: namespace, name: name, body: body, now: now) }
      return .json(.created, Self.success.serialized())
    case (.PUT, let name?, .scale?):
      let body = try SandboxAPI.parseBody(request)
      let scale = try api.write { store, now throws(APIError) in
        try store.updateScale(type, namespace: path.namespace, name: name, body, now: now)
      }
      return SandboxAPI.ok(scale)
    case (.PUT, let name?, let sub):
      let body = try SandboxAPI.parseBody(request)
      let manager = request.query["fieldManager"]
      let updated = try api.write { store, now throws(APIError) in
        try store.update(type, namespace: path.namespace, name: name, body, subresource: sub, dryRun: dryRun, fieldManager: manager, now: now)
      }
      return SandboxAPI.ok(updated)
    case (.PATCH, let name?, .scale?):
      return try patchScale(type, name: name)
    case (.PATCH, let name?, let sub):
      return try patch(type, name: name, subresource: sub, dryRun: dryRun)
    case (.DELETE, let name?, nil):
      let options = try deleteOptions(dryRun: dryRun)
      let result = try api.write { store, now throws(APIError) in
        try store.delete(type, namespace: path.namespace, name: name, options: options, now: now)
      }
      switch result {
      case .deleted(let object): return SandboxAPI.ok(object)
      case .markedForDeletion(let object): return .json(.accepted, object.serialized())
      }
    case (.DELETE, nil, nil):
      let options = try deleteOptions(dryRun: dryRun)
      let (labels, fields) = (request.query["labelSelector"], request.query["fieldSelector"])
      let results = try api.write { store, now throws(APIError) in
        try store.deleteCollection(type, namespace: path.namespace, labelSelector: labels, fieldSelector: fields, options: options, now: now)
      }
      let list: JSON = [
        "kind": .string(type.listKind), "apiVersion": .string(type.apiVersion), "metadata": [:],
        "items": .array(results.map(\.object)),
      ]
      return SandboxAPI.ok(list)
    default:
      throw .methodNotAllowed("the server does not allow this method on the requested resource")
    }
  }

  /// The subresource named in the path, when the type serves it (404 otherwise, as the real
  /// server answers an unknown subresource).
  private func subresource(of type: ResourceType) throws(APIError) -> Subresource? {
    guard let name = path.subresource else { return nil }
    guard let sub = Subresource(rawValue: name), type.subresources.contains(sub) else {
      throw SandboxAPI.notFoundPath(request)
    }
    return sub
  }

  private func requiredNamespace() throws(APIError) -> String {
    guard let namespace = path.namespace, !namespace.isEmpty else {
      throw .badRequest("a namespace is required for this request")
    }
    return namespace
  }

  /// `?dryRun=All` (repeatable); any other value is refused as the real server refuses it.
  static func dryRun(_ query: QueryParameters) throws(APIError) -> Bool {
    let values = query.all("dryRun")
    for value in values where value != "All" {
      throw .badRequest("Invalid dry run option: \"\(value)\": only \"All\" is supported")
    }
    return !values.isEmpty
  }

  /// DeleteOptions from the body (when there is one) and the query parameters.
  private func deleteOptions(dryRun: Bool) throws(APIError) -> DeleteOptions {
    var options = DeleteOptions()
    if !request.body.isEmpty {
      options = try DeleteOptions(parsing: try SandboxAPI.parseBody(request))
    }
    if let policy = request.query["propagationPolicy"] {
      guard let parsed = PropagationPolicy(rawValue: policy) else {
        throw .badRequest("propagationPolicy must be Foreground, Background or Orphan, not \"\(policy)\"")
      }
      options.propagationPolicy = parsed
    }
    if let grace = request.query["gracePeriodSeconds"] {
      guard let seconds = Int(grace) else { throw .badRequest("gracePeriodSeconds must be an integer, not \"\(grace)\"") }
      options.gracePeriodSeconds = max(0, seconds)
    }
    if dryRun { options.dryRun = true }
    return options
  }

  private func patch(_ type: ResourceType, name: String, subresource: Subresource?, dryRun: Bool) throws(APIError) -> SandboxResponse {
    guard let patchType = PatchType(contentType: request.headers.first(name: "content-type") ?? "") else {
      throw .unsupportedMediaType(
        "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json")
    }
    // Server-side apply bodies may be YAML; kubectl sends JSON. Check it is JSON first.
    let body = try SandboxAPI.parseBody(request)
    _ = body
    let manager = request.query["fieldManager"]
    let force = request.query.flag("force")
    if patchType == .apply, manager == nil || manager == "" {
      throw .badRequest("PATCH requests of type application/apply-patch+yaml must supply a fieldManager")
    }
    let patched = try api.write { store, now throws(APIError) in
      try store.patch(
        type, namespace: path.namespace, name: name, request.body, as: patchType, subresource: subresource,
        fieldManager: manager, force: force, dryRun: dryRun, now: now)
    }
    return SandboxAPI.ok(patched)
  }

  /// A patch of the Scale view (`kubectl scale` sends a merge patch of spec.replicas): the
  /// patch is applied to the Scale, and the Scale written back.
  private func patchScale(_ type: ResourceType, name: String) throws(APIError) -> SandboxResponse {
    let patch = try SandboxAPI.parseBody(request)
    let patchType = PatchType(contentType: request.headers.first(name: "content-type") ?? "")
    guard patchType == .merge || patchType == .strategic else {
      throw .unsupportedMediaType("the sandbox patches a Scale with application/merge-patch+json or application/strategic-merge-patch+json")
    }
    let scale = try api.write { store, now throws(APIError) in
      let current = try store.scale(type, namespace: path.namespace, name: name)
      return try store.updateScale(type, namespace: path.namespace, name: name, MergePatch.apply(patch, to: current), now: now)
    }
    return SandboxAPI.ok(scale)
  }

  private func list(_ type: ResourceType) throws(APIError) -> SandboxResponse {
    let query = request.query
    var limit: Int?
    if let text = query["limit"] {
      guard let value = Int(text) else { throw .badRequest("limit must be an integer, not \"\(text)\"") }
      limit = value
    }
    let list = try api.read { store throws(APIError) in
      try store.list(
        type, namespace: path.namespace, labelSelector: query["labelSelector"], fieldSelector: query["fieldSelector"],
        limit: limit, continue: query["continue"], resourceVersion: query["resourceVersion"])
    }
    let listJSON = list.json(type)
    let metadata = listJSON["metadata"] ?? [:]
    switch ResourceRendering.choose(accept: MediaRange.parse(accept: request.headers.first(name: "accept"))) {
    case .objects: return SandboxAPI.ok(listJSON)
    case .table:
      return SandboxAPI.ok(
        TableRendering.table(
          group: type.group, kind: type.kind, objects: list.items, listMetadata: metadata,
          include: IncludeObject(query: query["includeObject"]), now: api.clock()))
    case .metadata: return SandboxAPI.ok(TableRendering.partialMetadataList(list.items, listMetadata: metadata))
    case .notAcceptable: throw SandboxAPI.notAcceptable(request)
    }
  }

  private func render(_ type: ResourceType, object: JSON) throws(APIError) -> SandboxResponse {
    switch ResourceRendering.choose(accept: MediaRange.parse(accept: request.headers.first(name: "accept"))) {
    case .objects: return SandboxAPI.ok(object)
    case .table:
      return SandboxAPI.ok(
        TableRendering.table(
          group: type.group, kind: type.kind, objects: [object],
          listMetadata: ["resourceVersion": object[path: ["metadata", "resourceVersion"]] ?? ""],
          include: IncludeObject(query: request.query["includeObject"]), now: api.clock()))
    case .metadata: return SandboxAPI.ok(TableRendering.partialMetadata(object))
    case .notAcceptable: throw SandboxAPI.notAcceptable(request)
    }
  }

  private func watch(_ type: ResourceType) throws(APIError) -> SandboxResponse {
    let rendering: WatchRendering
    switch ResourceRendering.choose(accept: MediaRange.parse(accept: request.headers.first(name: "accept"))) {
    case .objects: rendering = .objects
    case .table: rendering = .table(include: IncludeObject(query: request.query["includeObject"]))
    case .metadata: rendering = .metadata
    case .notAcceptable: throw SandboxAPI.notAcceptable(request)
    }
    // Selectors are checked before the stream starts, so a bad one is a plain 400.
    if let text = request.query["labelSelector"] { _ = try LabelSelector(parsing: text) }
    if let text = request.query["fieldSelector"] { _ = try FieldSelector(parsing: text, for: type) }
    let (api, namespace, query) = (self.api, path.namespace, request.query)
    return .watch(
      WatchSubscription { sink in
        api.startWatch(type, namespace: namespace, query: query, rendering: rendering, sink: sink)
      })
  }

  /// The `Status` of a successful eviction or binding.
  static let success: JSON = ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success"]
}

/// RFC 7386 JSON merge patch, for the Scale view (the store patches objects itself).
enum MergePatch {
  static func apply(_ patch: JSON, to target: JSON) -> JSON {
    guard case .object(let members) = patch else { return patch }
    var result = target.object ?? [:]
    for (key, value) in members {
      if value.isNull {
        result[key] = nil
      } else {
        result[key] = apply(value, to: result[key] ?? .null)
      }
    }
    return .object(result)
  }
}
