import APIServer
import Foundation
import KubernetesAPI

/// The Deployment controller stand-in: one ReplicaSet per pod template, named
/// `<deployment>-<pod-template-hash>`; a changed template gets a new ReplicaSet and the old
/// ones are scaled down, by `Recreate` (old to zero, then the new one up) or by `RollingUpdate`
/// within `maxSurge` and `maxUnavailable` (both 25% by default), as upstream's
/// `reconcileNewReplicaSet` and `reconcileOldReplicaSets` pace it. The status carries the
/// counts and the `Available` and `Progressing` conditions `kubectl rollout status` reads.
///
/// Not modelled: proportional scaling of several ReplicaSets during a rollout (a resize in
/// mid-rollout goes to the new ReplicaSet), `progressDeadlineSeconds`, rollbacks, and pausing
/// beyond not starting a rollout.
enum DeploymentController {
  static let hashLabel = "pod-template-hash"
  static let revisionAnnotation = "deployment.kubernetes.io/revision"

  static func reconcile(_ key: WorkloadKey, cache: ClusterCache, now: Date) -> [StandInWrite] {
    guard let cached = cache.deployments[ClusterCache.key(namespace: key.namespace, name: key.name)],
      cached.object.metadata.deletionTimestamp == nil, let spec = cached.object.spec,
      let template = cached.json[path: ["spec", "template"]]
    else { return [] }
    let deployment = cached.object
    let desired = max(0, Int(spec.replicas ?? 1))
    let all = cache.replicaSets(ownedBy: key, uid: deployment.metadata.uid)
    let hash = ObjectNaming.templateHash(
      template.serialized(), collisionCount: Int32(cached.json[path: ["status", "collisionCount"]]?.int ?? 0))
    let current = all.first { $0.object.labels[hashLabel] == hash }
    let old = all.filter { $0.object.labels[hashLabel] != hash }.sorted {
      (revision($0), $0.object.name) < (revision($1), $1.object.name)
    }
    let rolling = spec.strategy?.type != "Recreate"
    let (maxSurge, maxUnavailable) = rollingBounds(spec, desired: desired)
    var writes: [StandInWrite] = []

    func scale(_ rs: ReplicaSet, to replicas: Int) {
      guard Int(rs.spec?.replicas ?? 1) != replicas else { return }
      writes.append(
        .patch(
          group: "apps", plural: "replicasets", namespace: key.namespace, name: rs.name,
          patch: ["spec": ["replicas": .int(Int64(replicas))]]))
    }
    let oldReplicas = old.reduce(0) { $0 + Int($1.object.spec?.replicas ?? 1) }

    // The new ReplicaSet: created when missing, then scaled.
    guard let current else {
      if spec.paused == true { return [] }
      var replicas = desired
      if oldReplicas > 0 {
        replicas = rolling ? max(0, min(desired, desired + maxSurge - oldReplicas)) : 0
      }
      let revision = (old.map(Self.revision).max() ?? 0) + 1
      writes.append(
        .create(
          group: "apps", plural: "replicasets", namespace: key.namespace,
          object: newReplicaSet(
            cached, template: template, hash: hash, replicas: replicas, revision: revision)))
      return writes
    }
    let currentReplicas = Int(current.object.spec?.replicas ?? 1)
    if oldReplicas == 0 {
      scale(current.object, to: desired)
    } else if !rolling {
      // Recreate: the old pods go first; the new ones come once none is left.
      for rs in old { scale(rs.object, to: 0) }
      let oldPodsLeft = old.contains { rs in
        cache.pods(
          ownedBy: WorkloadKey(kind: .replicaSet, namespace: key.namespace, name: rs.object.name),
          uid: rs.object.metadata.uid
        )
        .contains { !$0.pod.isTerminal }
      }
      if !oldPodsLeft { scale(current.object, to: desired) }
    } else {
      let total = currentReplicas + oldReplicas
      if currentReplicas > desired {
        scale(current.object, to: desired)
      } else if total < desired + maxSurge {
        scale(current.object, to: min(desired, currentReplicas + desired + maxSurge - total))
      }
      // Old pods go as far as the available ones allow.
      let minAvailable = desired - maxUnavailable
      let newUnavailable = currentReplicas - Int(current.object.status?.availableReplicas ?? 0)
      var budget = total - minAvailable - max(0, newUnavailable)
      for rs in old where budget > 0 {
        let replicas = Int(rs.object.spec?.replicas ?? 1)
        let cut = min(replicas, budget)
        if cut > 0 { scale(rs.object, to: replicas - cut) }
        budget -= cut
      }
    }
    writes += cleanUpHistory(old, limit: Int(spec.revisionHistoryLimit ?? 10), namespace: key.namespace)
    if let status = DeploymentStatusReport.patch(
      cached, desired: desired, current: current.object, all: all.map(\.object),
      maxUnavailable: maxUnavailable, now: now)
    {
      writes.append(
        .patchStatus(
          group: "apps", plural: "deployments", namespace: key.namespace, name: deployment.name, patch: status
        ))
    }
    return writes
  }

  /// `maxSurge` (rounded up) and `maxUnavailable` (rounded down) as numbers of pods; both zero
  /// becomes one unavailable, as upstream's `ResolveFenceposts` has it.
  static func rollingBounds(_ spec: DeploymentSpec, desired: Int) -> (surge: Int, unavailable: Int) {
    guard spec.strategy?.type != "Recreate" else { return (0, desired) }
    let update = spec.strategy?.rollingUpdate
    let surge = (update?.maxSurge ?? .string("25%")).scaled(total: desired, roundUp: true) ?? 0
    var unavailable = (update?.maxUnavailable ?? .string("25%")).scaled(total: desired, roundUp: false) ?? 0
    if surge == 0 && unavailable == 0 { unavailable = 1 }
    return (max(0, surge), max(0, unavailable))
  }

  static func revision(_ rs: ClusterCache.Cached<ReplicaSet>) -> Int {
    Int(rs.object.annotations[revisionAnnotation] ?? "") ?? 0
  }

  /// The ReplicaSet for the Deployment's current template: the template with the hash label
  /// added to it and to the selector, owned by the Deployment.
  static func newReplicaSet(
    _ deployment: ClusterCache.Cached<Deployment>, template: JSON, hash: String, replicas: Int, revision: Int
  ) -> JSON {
    let d = deployment.object
    var template = template
    template[path: ["metadata", "labels", hashLabel]] = .string(hash)
    var selector = deployment.json[path: ["spec", "selector"]] ?? [:]
    selector[path: ["matchLabels", hashLabel]] = .string(hash)
    var metadata: JSON = [
      "name": .string("\(d.name)-\(hash)"), "namespace": .string(d.namespace),
      "labels": template[path: ["metadata", "labels"]] ?? [:],
      "annotations": [
        revisionAnnotation: .string(String(revision)),
        "deployment.kubernetes.io/desired-replicas": .string(String(d.spec?.replicas ?? 1)),
      ],
    ]
    metadata["ownerReferences"] = [
      PodTemplates.controllerReference(
        apiVersion: "apps/v1", kind: "Deployment", name: d.name, uid: d.metadata.uid)
    ]
    var spec: JSON = ["replicas": .int(Int64(replicas)), "selector": selector, "template": template]
    if let minReady = d.spec?.minReadySeconds { spec["minReadySeconds"] = .int(Int64(minReady)) }
    return ["apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": metadata, "spec": spec]
  }

  /// Old ReplicaSets scaled to zero beyond `revisionHistoryLimit` are deleted, oldest first.
  static func cleanUpHistory(_ old: [ClusterCache.Cached<ReplicaSet>], limit: Int, namespace: String)
    -> [StandInWrite]
  {
    let idle = old.filter { ($0.object.spec?.replicas ?? 1) == 0 && ($0.object.status?.replicas ?? 0) == 0 }
    guard idle.count > max(0, limit) else { return [] }
    return idle.prefix(idle.count - max(0, limit)).map {
      .delete(
        group: "apps", plural: "replicasets", namespace: namespace, name: $0.object.name,
        gracePeriodSeconds: nil)
    }
  }
}
