import APIServer
import ControllerRuntime
import Foundation
import KarpenterAPI
import KubernetesAPI
import KubernetesClient
import Synchronization

/// The runtime's REST calls answered by the sandbox's API store in process: the same API
/// semantics as over HTTP (resource versions, finalizers, eviction with budgets), without
/// sockets, so executor tests are fast and exact. The HTTP path is covered end to end with the
/// sandbox.
final class StoreAPI: ClusterAPI {
  let store: Mutex<APIStore>
  let now: @Sendable () -> Date

  init(now: @escaping @Sendable () -> Date) {
    self.store = Mutex(APIStore(now: now()))
    self.now = now
  }

  func send(_ request: APIRequest) async throws -> APIResponse {
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

  /// What an informer would have seen since the last call, as LiveCluster changes.
  func changes() throws -> [LiveCluster.ObjectChange] {
    let events = store.withLock { $0.drainEvents() }
    var out: [LiveCluster.ObjectChange] = []
    for event in events {
      let object = event.object
      let name = object["metadata"]?["name"]?.string ?? ""
      let namespace = object["metadata"]?["namespace"]?.string ?? ""
      let deleted = event.type == .deleted
      switch event.plural {
      case "nodes": out.append(deleted ? .nodeDeleted(name) : .node(try object.decode(Node.self)))
      case "nodeclaims": out.append(deleted ? .nodeClaimDeleted(name) : .nodeClaim(try object.decode(NodeClaim.self)))
      case "pods": out.append(deleted ? .podDeleted("\(namespace)/\(name)") : .pod(try object.decode(Pod.self)))
      case "nodepools": out.append(deleted ? .nodePoolDeleted(name) : .nodePool(try object.decode(NodePool.self)))
      case "poddisruptionbudgets":
        out.append(
          deleted
            ? .podDisruptionBudgetDeleted(namespace: namespace, name: name)
            : .podDisruptionBudget(try object.decode(PodDisruptionBudget.self)))
      default: break
      }
    }
    return out
  }

  func create(_ yaml: JSON) throws {
    let apiVersion = yaml["apiVersion"]?.string ?? ""
    let kind = yaml["kind"]?.string ?? ""
    try store.withLock { store in
      guard let type = store.registry.type(apiVersion: apiVersion, kind: kind) else { throw TestFailure("no type \(kind)") }
      _ = try store.create(type, namespace: type.namespaced ? "default" : nil, yaml, now: now())
    }
  }

  func objects(_ plural: String) -> [JSON] {
    store.withLock { $0.snapshot().filter { ($0["kind"]?.string ?? "").lowercased() + "s" == plural } }
  }
}

struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}
