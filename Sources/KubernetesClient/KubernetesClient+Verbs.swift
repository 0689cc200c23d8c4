import Foundation
import NIOCore
import NIOFoundationCompat

/// The API's verbs on raw JSON bytes, for callers that keep objects as JSON.
extension KubernetesClient {
  /// Reads one object.
  public func get(_ path: ResourcePath) async throws -> [UInt8] {
    try await send(Request(verb: .get, method: .GET, path: path)).bytes
  }

  /// Reads one page of a list (all of it when `options.limit` is nil).
  public func list(_ path: ResourcePath, options: ListOptions = ListOptions()) async throws -> [UInt8] {
    try await send(Request(verb: .list, method: .GET, path: path, query: options.queryItems)).bytes
  }

  /// Creates the object `body` holds in the collection `path` names; returns it as stored.
  public func create(_ path: ResourcePath, body: [UInt8], fieldManager: String? = nil) async throws -> [UInt8]
  {
    try await send(
      Request(verb: .create, method: .POST, path: path, query: Self.fieldManager(fieldManager), body: body)
    ).bytes
  }

  /// Replaces the object (PUT); the body's `metadata.resourceVersion` makes it fail with a
  /// conflict when the object changed since it was read.
  public func update(_ path: ResourcePath, body: [UInt8], fieldManager: String? = nil) async throws -> [UInt8]
  {
    try await send(
      Request(verb: .update, method: .PUT, path: path, query: Self.fieldManager(fieldManager), body: body)
    ).bytes
  }

  /// Replaces the object's status (PUT on its `status` subresource).
  public func updateStatus(_ path: ResourcePath, body: [UInt8], fieldManager: String? = nil) async throws
    -> [UInt8]
  {
    try await send(
      Request(
        verb: .updateStatus, method: .PUT, path: path.subresource("status"),
        query: Self.fieldManager(fieldManager),
        body: body)
    ).bytes
  }

  /// Patches the object; `path` may name a subresource (`status`).
  public func patch(_ path: ResourcePath, _ type: PatchType, body: [UInt8], fieldManager: String? = nil)
    async throws
    -> [UInt8]
  {
    var query = Self.fieldManager(fieldManager)
    if case .apply(let manager, let force) = type {
      query = [URLQueryItem(name: "fieldManager", value: manager)]
      if force { query.append(URLQueryItem(name: "force", value: "true")) }
    }
    return try await send(
      Request(
        verb: .patch, method: .PATCH, path: path, query: query, body: body, contentType: type.contentType)
    ).bytes
  }

  /// Deletes the object; returns what the server answers (the object while finalizers hold it,
  /// or a Status).
  @discardableResult
  public func delete(_ path: ResourcePath, options: DeleteOptions = DeleteOptions()) async throws -> [UInt8] {
    let body = try encode(options, Request(verb: .delete, method: .DELETE, path: path))
    return try await send(Request(verb: .delete, method: .DELETE, path: path, body: body)).bytes
  }

  /// Evicts a pod through the eviction API (policy/v1), which honours PodDisruptionBudgets: a
  /// 429 Too Many Requests means a budget forbids it now, and is thrown, not retried.
  public func evict(pod name: String, namespace: String, options: DeleteOptions? = nil) async throws {
    struct Eviction: Encodable {
      var apiVersion = "policy/v1"
      var kind = "Eviction"
      var metadata: Metadata
      var deleteOptions: DeleteOptions?
      struct Metadata: Encodable {
        var name: String
        var namespace: String
      }
    }
    let path = ResourcePath.pods(namespace: namespace, name: name).subresource("eviction")
    var request = Request(verb: .evict, method: .POST, path: path, retriesTooManyRequests: false)
    request.body = try encode(
      Eviction(metadata: .init(name: name, namespace: namespace), deleteOptions: options), request)
    _ = try await send(request)
  }

  /// Records an event (core/v1 `Event`, JSON) in `namespace`.
  public func createEvent(namespace: String, body: [UInt8]) async throws -> [UInt8] {
    try await create(.events(namespace: namespace), body: body)
  }

  static func fieldManager(_ manager: String?) -> [URLQueryItem] {
    manager.map { [URLQueryItem(name: "fieldManager", value: $0)] } ?? []
  }
}

/// The same verbs on `Codable` values.
extension KubernetesClient {
  public func get<T: Decodable>(_ type: T.Type, _ path: ResourcePath) async throws -> T {
    let request = Request(verb: .get, method: .GET, path: path)
    return try decode(type, from: try await send(request).body, request)
  }

  /// One page of a list, or all of it when `options.limit` is nil; see `listAll` for every page.
  public func list<T: Decodable>(_ type: T.Type, _ path: ResourcePath, options: ListOptions = ListOptions())
    async throws -> ObjectList<T>
  {
    let request = Request(verb: .list, method: .GET, path: path, query: options.queryItems)
    return try decode(ObjectList<T>.self, from: try await send(request).body, request)
  }

  public func create<T: Codable>(_ object: T, in path: ResourcePath, fieldManager: String? = nil) async throws
    -> T
  {
    var request = Request(verb: .create, method: .POST, path: path, query: Self.fieldManager(fieldManager))
    request.body = try encode(object, request)
    return try decode(T.self, from: try await send(request).body, request)
  }

  public func update<T: Codable>(_ object: T, at path: ResourcePath, fieldManager: String? = nil) async throws
    -> T
  {
    var request = Request(verb: .update, method: .PUT, path: path, query: Self.fieldManager(fieldManager))
    request.body = try encode(object, request)
    return try decode(T.self, from: try await send(request).body, request)
  }

  public func updateStatus<T: Codable>(_ object: T, at path: ResourcePath, fieldManager: String? = nil)
    async throws
    -> T
  {
    var request = Request(
      verb: .updateStatus, method: .PUT, path: path.subresource("status"),
      query: Self.fieldManager(fieldManager))
    request.body = try encode(object, request)
    return try decode(T.self, from: try await send(request).body, request)
  }

  /// Patches the object with `body` (see `PatchType`) and returns it as stored.
  public func patch<T: Decodable>(
    _ type: T.Type, _ path: ResourcePath, _ patchType: PatchType, body: [UInt8], fieldManager: String? = nil
  ) async throws -> T {
    let bytes = try await patch(path, patchType, body: body, fieldManager: fieldManager)
    return try decode(type, from: ByteBuffer(bytes: bytes), Request(verb: .patch, method: .PATCH, path: path))
  }

  /// Records an event in `namespace`.
  public func createEvent<T: Codable>(_ event: T, namespace: String) async throws -> T {
    try await create(event, in: .events(namespace: namespace))
  }

  func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer, _ request: Request) throws -> T {
    do {
      return try JSONDecoder().decode(type, from: body)
    } catch let error as DecodingError {
      throw self.error(
        .invalidResponse, request, detail: "does not decode: \(DecodingFailure.describe(error))",
        underlying: error)
    } catch {
      throw self.error(.invalidResponse, request, detail: "is not JSON: \(error)", underlying: error)
    }
  }

  func encode<T: Encodable>(_ value: T, _ request: Request) throws -> [UInt8] {
    do {
      return Array(try JSONEncoder().encode(value))
    } catch {
      throw self.error(.encoding, request, detail: "\(error)", underlying: error)
    }
  }
}

extension KubernetesClient.Response {
  var bytes: [UInt8] { Array(body.readableBytesView) }
}
