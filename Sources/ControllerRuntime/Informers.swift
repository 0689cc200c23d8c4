import Foundation
import KarpenterAPI
import KubernetesAPI
import KubernetesClient
import Synchronization

/// What reaches the controller loop: the informers' changes, their "synced" signals, what the
/// cloud reports, and the clock's ticks.
public enum RuntimeEvent: Sendable {
  case change(LiveCluster.ObjectChange)
  case cloud(CloudEvent)
  /// The informer of this resource has listed everything once.
  case synced(String)
  case tick
}

/// The informers of the kinds Karpenter reads: a reflector each (list, then watch; relist on
/// 410 Gone; reconnect with backoff), whose events become `LiveCluster` changes. A relist
/// replaces the informer's whole view: objects missing from it are reported deleted.
public struct Informers: Sendable {
  public let client: KubernetesClient
  /// Whether EC2NodeClasses are watched (the AWS provider; a kwok cluster need not have the CRD).
  public let watchesNodeClasses: Bool

  public init(client: KubernetesClient, watchesNodeClasses: Bool) {
    self.client = client
    self.watchesNodeClasses = watchesNodeClasses
  }

  /// The resources whose first list the controllers wait for.
  public var resources: [String] {
    ["nodes", "nodeclaims", "pods", "nodepools", "daemonsets", "poddisruptionbudgets"]
      + (watchesNodeClasses ? ["ec2nodeclasses"] : [])
  }

  /// Runs every informer until the task is cancelled, sending what they see to `sink`.
  public func run(sink: AsyncStream<RuntimeEvent>.Continuation) async {
    await withTaskGroup(of: Void.self) { group in
      group.addTask {
        await self.reflect(Node.self, .nodes(), "nodes", sink, upsert: { .node($0) }, delete: { .nodeDeleted($0.name) })
      }
      group.addTask {
        await self.reflect(
          NodeClaim.self, .nodeClaims(), "nodeclaims", sink, upsert: { .nodeClaim($0) },
          delete: { .nodeClaimDeleted($0.name) })
      }
      group.addTask {
        await self.reflect(
          Pod.self, .pods(), "pods", sink, upsert: { .pod($0) }, delete: { .podDeleted("\($0.namespace)/\($0.name)") })
      }
      group.addTask {
        await self.reflect(
          NodePool.self, .nodePools(), "nodepools", sink, upsert: { .nodePool($0) },
          delete: { .nodePoolDeleted($0.name) })
      }
      group.addTask {
        await self.reflect(
          DaemonSet.self, ResourcePath(group: "apps", version: "v1", plural: "daemonsets"), "daemonsets", sink,
          upsert: { .daemonSet($0) }, delete: { .daemonSetDeleted(namespace: $0.namespace, name: $0.name) })
      }
      group.addTask {
        await self.reflect(
          PodDisruptionBudget.self, .podDisruptionBudgets(), "poddisruptionbudgets", sink,
          upsert: { .podDisruptionBudget($0) },
          delete: { .podDisruptionBudgetDeleted(namespace: $0.namespace, name: $0.name) })
      }
      if watchesNodeClasses {
        group.addTask {
          await self.reflect(
            EC2NodeClass.self, ResourcePath(group: "karpenter.k8s.aws", version: "v1", plural: "ec2nodeclasses"),
            "ec2nodeclasses", sink, upsert: { .nodeClass($0) }, delete: { .nodeClassDeleted($0.name) })
        }
      }
    }
  }

  private func reflect<Object: KubernetesObject>(
    _ type: Object.Type, _ path: ResourcePath, _ resource: String, _ sink: AsyncStream<RuntimeEvent>.Continuation,
    upsert: @escaping @Sendable (Object) -> LiveCluster.ObjectChange,
    delete: @escaping @Sendable (ObjectName) -> LiveCluster.ObjectChange
  ) async {
    let known = KnownObjects()
    let reflector = Reflector(Object.self, client: client, path: path) { event in
      switch event {
      case .replace(let objects, _):
        for gone in known.replace(objects.map(ObjectName.init)) { sink.yield(.change(delete(gone))) }
        for object in objects { sink.yield(.change(upsert(object))) }
      case .added(let object), .modified(let object):
        known.insert(ObjectName(object))
        sink.yield(.change(upsert(object)))
      case .deleted(let object):
        known.remove(ObjectName(object))
        sink.yield(.change(delete(ObjectName(object))))
      case .synced:
        sink.yield(.synced(resource))
      }
    }
    await reflector.run()
  }
}

/// An object's namespace and name: all an informer keeps of what it reported.
struct ObjectName: Hashable, Comparable, Sendable {
  var namespace: String
  var name: String

  init<Object: KubernetesObject>(_ object: Object) {
    namespace = object.metadata.namespace ?? ""
    name = object.name
  }

  static func < (a: ObjectName, b: ObjectName) -> Bool { (a.namespace, a.name) < (b.namespace, b.name) }
}

/// The names of the objects an informer has reported, so that a relist can tell which are
/// gone (the objects themselves live once, in the LiveCluster).
final class KnownObjects: Sendable {
  private let names = Mutex<Set<ObjectName>>([])

  func insert(_ o: ObjectName) { _ = names.withLock { $0.insert(o) } }
  func remove(_ o: ObjectName) { _ = names.withLock { $0.remove(o) } }

  /// Replaces the view; returns the objects that are no longer there, in order.
  func replace(_ list: [ObjectName]) -> [ObjectName] {
    names.withLock { current in
      let next = Set(list)
      let gone = current.subtracting(next).sorted()
      current = next
      return gone
    }
  }
}
