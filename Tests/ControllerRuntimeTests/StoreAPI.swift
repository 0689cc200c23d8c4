import APIServer
import ControllerRuntime
import Foundation
import KarpenterAPI
import KubernetesAPI
import StoreAPITestSupport

extension StoreAPI {
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

}

struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}
