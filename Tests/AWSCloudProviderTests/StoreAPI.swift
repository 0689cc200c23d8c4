import APIServer
import ControllerRuntime
import Foundation
import Synchronization

/// The provider's REST calls answered by the sandbox's API store in process (as
/// ControllerRuntimeTests' StoreAPI does), so its EC2NodeClass status writes land in a real store.
final class StoreAPI: ClusterAPI {
  let store = Mutex(APIStore(now: Date()))
  /// Every request the provider sent, as `PATCH /apis/...`.
  let sent = Mutex<[String]>([])

  func send(_ request: APIRequest) async throws -> APIResponse {
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
        case (.get, nil): answer = try store.list(type, namespace: path.namespace).json(type)
        case (.get, let name?): answer = try store.get(type, namespace: path.namespace, name: name)
        case (.post, _): answer = try store.create(type, namespace: path.namespace, body, now: Date())
        case (.put, let name?):
          answer = try store.update(type, namespace: path.namespace, name: name, body, subresource: subresource, now: Date())
        case (.patch, let name?):
          answer = try store.patch(
            type, namespace: path.namespace, name: name, [UInt8](request.body ?? Data()),
            as: PatchType(contentType: request.contentType) ?? .merge, subresource: subresource, now: Date())
        case (.delete, let name?): answer = try store.delete(type, namespace: path.namespace, name: name, now: Date()).object
        default: return APIResponse(status: 405, body: Data())
        }
        return APIResponse(status: 200, body: Data(answer.serialized()))
      } catch {
        return APIResponse(status: error.code, body: Data(error.status().serialized()))
      }
    }
  }

  /// Creates a cluster-scoped object from its JSON and returns it as stored (uid and all).
  @discardableResult
  func create(_ text: String) throws -> JSON {
    let object = try JSON(parsing: text)
    let apiVersion = object["apiVersion"]?.string ?? ""
    let kind = object["kind"]?.string ?? ""
    return try store.withLock { store in
      guard let type = store.registry.type(apiVersion: apiVersion, kind: kind) else {
        throw FixtureError("no type \(apiVersion) \(kind)")
      }
      return try store.create(type, namespace: nil, object, now: Date())
    }
  }

  /// The stored object, or nil.
  func get(group: String, plural: String, name: String) -> JSON? {
    store.withLock { store in
      guard let type = store.registry.type(group: group, version: "v1", plural: plural) else { return nil }
      return try? store.get(type, namespace: nil, name: name)
    }
  }
}

struct FixtureError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
