import APIServer
import Foundation
import KubernetesAPI

/// The ReplicaSet controller stand-in: keeps `spec.replicas` active pods made from the
/// template, replaces pods that were deleted, evicted or finished, deletes the surplus in the
/// real controller's order (see ``PodRanking/deletesBefore(_:_:)``), and reports the counts in
/// `status` for the Deployment controller and `kubectl`.
///
/// Not modelled: adopting orphans that match the selector (pods are found by their
/// controller reference only) and releasing pods whose labels stop matching.
enum ReplicaSetController {
  /// At most this many pods are created or deleted per pass, as upstream's `burstReplicas`.
  static let burst = 500

  static func reconcile(_ key: WorkloadKey, cache: ClusterCache, now: Date) -> [StandInWrite] {
    guard let cached = cache.replicaSets[ClusterCache.key(namespace: key.namespace, name: key.name)] else {
      return []
    }
    let rs = cached.object
    guard rs.metadata.deletionTimestamp == nil, let spec = rs.spec else { return [] }
    let owned = cache.pods(ownedBy: key, uid: rs.metadata.uid).map(\.pod)
    let active = owned.filter(PodRanking.isActive)
    let desired = max(0, Int(spec.replicas ?? 1))
    var writes: [StandInWrite] = []

    if active.count < desired, let template = cached.json[path: ["spec", "template"]] {
      let owner = PodTemplates.controllerReference(
        apiVersion: "apps/v1", kind: "ReplicaSet", name: rs.name, uid: rs.metadata.uid)
      for _ in 0..<min(desired - active.count, burst) {
        writes.append(
          .create(
            group: "", plural: "pods", namespace: key.namespace,
            object: PodTemplates.pod(
              template: template, namespace: key.namespace, generateName: "\(rs.name)-", owner: owner)))
      }
    } else if active.count > desired {
      for pod in active.sorted(by: PodRanking.deletesBefore).prefix(min(active.count - desired, burst)) {
        writes.append(.deletePod(key.namespace, pod.name))
      }
    }

    let minReady = TimeInterval(spec.minReadySeconds ?? 0)
    let ready = active.filter(PodRanking.isReady)
    let available = ready.filter { PodRanking.isAvailable($0, minReadySeconds: minReady, now: now) }
    let labels = spec.template?.metadata?.labels ?? [:]
    let fullyLabeled = active.filter { pod in labels.allSatisfy { pod.labels[$0.key] == $0.value } }
    let status = ReplicaSetStatusCounts(
      replicas: active.count, fullyLabeledReplicas: fullyLabeled.count, readyReplicas: ready.count,
      availableReplicas: available.count, observedGeneration: rs.metadata.generation ?? 0)
    if status != ReplicaSetStatusCounts(rs.status) {
      writes.append(
        .patchStatus(
          group: "apps", plural: "replicasets", namespace: key.namespace, name: rs.name,
          patch: ["status": status.json]))
    }
    return writes
  }
}

/// The counts a ReplicaSet's status reports; absent fields read as zero, as `kubectl` reads
/// them.
struct ReplicaSetStatusCounts: Equatable {
  var replicas = 0
  var fullyLabeledReplicas = 0
  var readyReplicas = 0
  var availableReplicas = 0
  var observedGeneration: Int64 = 0

  init(
    replicas: Int, fullyLabeledReplicas: Int, readyReplicas: Int, availableReplicas: Int,
    observedGeneration: Int64
  ) {
    self.replicas = replicas
    self.fullyLabeledReplicas = fullyLabeledReplicas
    self.readyReplicas = readyReplicas
    self.availableReplicas = availableReplicas
    self.observedGeneration = observedGeneration
  }

  init(_ status: ReplicaSetStatus?) {
    replicas = Int(status?.replicas ?? 0)
    fullyLabeledReplicas = Int(status?.fullyLabeledReplicas ?? 0)
    readyReplicas = Int(status?.readyReplicas ?? 0)
    availableReplicas = Int(status?.availableReplicas ?? 0)
    observedGeneration = status?.observedGeneration ?? 0
  }

  var json: JSON {
    [
      "replicas": .int(Int64(replicas)), "fullyLabeledReplicas": .int(Int64(fullyLabeledReplicas)),
      "readyReplicas": .int(Int64(readyReplicas)), "availableReplicas": .int(Int64(availableReplicas)),
      "observedGeneration": .int(observedGeneration),
    ]
  }
}
