import APIServer
import ControllerRuntime
import Foundation
import KubernetesClient
import Synchronization

/// A stated test double: the runtime's REST calls (`ClusterAPI`) answered by the sandbox's API
/// store in process, with the same API semantics as over HTTP (resource versions, finalizers,
/// eviction with budgets) but without sockets, so executor and provider tests are fast and exact.
/// The HTTP path is covered end to end with the sandbox.
public final class StoreAPI: ClusterAPI {
  public let store: Mutex<APIStore>
  public let now: @Sendable () -> Date
  /// Every request sent, as `PATCH /apis/...`.
  public let sent = Mutex<[String]>([])

  public init(now: @escaping @Sendable () -> Date = Date.init) {
    self.store = Mutex(APIStore(now: now()))
    self.now = now
  }

  public func send(_ request: APIRequest) async throws -> APIResponse {
    sent.withLock { $0.append(request.description) }
    let path = request.path
    let body = try request.body.map { try JSON(parsing: [UInt8]($0)) } ?? .null
    return store.withLock { store in
      guard let type = store.registry.type(group: path.group, version: path.version, plural: path.plural) else {
        return APIResponse(status: 404, body: Data("{\"message\":\"no resource \(path.plural)\"}".utf8))
      }
      let subresource = path.subresource.flatMap(Subresource.init(rawValue:))
      do throws(APIError) {
        let answer: JSON
        switch (request.method, path.name) {
        case (.get, nil):
          answer = try store.list(type, namespace: path.namespace).json(type)
        case (.get, let name?):
          answer = try store.get(type, namespace: path.namespace, name: name)
        case (.post, let name?) where path.subresource == "eviction":
          answer = try store.evict(namespace: path.namespace ?? "default", name: name, body: body, now: now()).object
        case (.post, _):
          answer = try store.create(type, namespace: path.namespace, body, now: now())
        case (.put, let name?):
          answer = try store.update(type, namespace: path.namespace, name: name, body, subresource: subresource, now: now())
        case (.patch, let name?):
          answer = try store.patch(
            type, namespace: path.namespace, name: name, [UInt8](request.body ?? Data()),
            as: PatchType(contentType: request.contentType) ?? .merge, subresource: subresource, now: now())
        case (.delete, let name?):
          answer = try store.delete(type, namespace: path.namespace, name: name, now: now()).object
        default:
          return APIResponse(status: 405, body: Data())
        }
        return APIResponse(status: 200, body: Data(answer.serialized()))
      } catch {
        return APIResponse(status: error.code, body: Data(error.status().serialized()))
      }
    }
  }

  /// Creates an object (namespaced kinds in `default`) and returns it as stored (uid and all).
  @discardableResult
  public func create(_ object: JSON) throws -> JSON {
    let apiVersion = object["apiVersion"]?.string ?? ""
    let kind = object["kind"]?.string ?? ""
    return try store.withLock { store in
      guard let type = store.registry.type(apiVersion: apiVersion, kind: kind) else {
        throw StoreAPIError("the store serves no \(apiVersion) \(kind)")
      }
      return try store.create(type, namespace: type.namespaced ? "default" : nil, object, now: now())
    }
  }

  /// Creates an object from its JSON text.
  @discardableResult
  public func create(_ text: String) throws -> JSON { try create(try JSON(parsing: text)) }

  /// The cluster-scoped object of that group (version v1), plural and name, or nil.
  public func get(group: String, plural: String, name: String) -> JSON? {
    store.withLock { store in
      guard let type = store.registry.type(group: group, version: "v1", plural: plural) else { return nil }
      return try? store.get(type, namespace: nil, name: name)
    }
  }

  /// Every stored object of the plural.
  public func objects(_ plural: String) -> [JSON] {
    store.withLock { $0.snapshot().filter { ($0["kind"]?.string ?? "").lowercased() + "s" == plural } }
  }
}

public struct StoreAPIError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
