import APIServer
import Foundation
import KubernetesAPI

/// The StatefulSet controller stand-in: pods `<set>-0` … `<set>-(n-1)`, with the labels the
/// real controller adds (`statefulset.kubernetes.io/pod-name`, `apps.kubernetes.io/pod-index`),
/// `hostname` and `subdomain` set, and a claim `<template>-<set>-<i>` per
/// `volumeClaimTemplates` entry created and mounted as the template's name. With `OrderedReady` (the
/// default) pod `i` is created only once every lower ordinal is Running and Ready, and the
/// highest ordinal goes first on scale-down, one at a time; `Parallel` does all at once.
///
/// Not modelled: rolling updates of the template (existing pods keep their spec), partitions,
/// and claim retention policies (claims stay when pods or the set go).
enum StatefulSetController {
  static func reconcile(_ key: WorkloadKey, cache: ClusterCache, now: Date) -> [StandInWrite] {
    guard let cached = cache.statefulSets[ClusterCache.key(namespace: key.namespace, name: key.name)],
      cached.object.metadata.deletionTimestamp == nil, let spec = cached.object.spec,
      let template = cached.json[path: ["spec", "template"]]
    else { return [] }
    let set = cached.object
    let desired = max(0, Int(spec.replicas ?? 1))
    let parallel = spec.podManagementPolicy == "Parallel"
    let owned = cache.pods(ownedBy: key, uid: set.metadata.uid).map(\.pod)
    var byOrdinal: [Int: Pod] = [:]
    for pod in owned {
      if let i = ordinal(pod.name, of: set.name) { byOrdinal[i] = pod }
    }
    var writes: [StandInWrite] = []

    // Creation, lowest ordinal first; a finished pod is deleted so that it can be recreated.
    for i in 0..<desired {
      if let pod = byOrdinal[i] {
        if pod.isTerminal && !pod.isTerminating { writes.append(.deletePod(key.namespace, pod.name)) }
        if !parallel && !(PodRanking.isReady(pod) && pod.status?.phase == "Running") { break }
        continue
      }
      // The claims first, as the real controller makes them; one that exists already is kept.
      for claim in claims(cached, ordinal: i) {
        writes.append(
          .create(group: "", plural: "persistentvolumeclaims", namespace: key.namespace, object: claim))
      }
      writes.append(
        .create(
          group: "", plural: "pods", namespace: key.namespace,
          object: pod(cached, template: template, ordinal: i)))
      if !parallel { break }
    }
    // Removal, highest ordinal first.
    let surplus = byOrdinal.keys.filter { $0 >= desired }.sorted(by: >)
    for i in surplus {
      let pod = byOrdinal[i]!
      if pod.isTerminating {
        if parallel { continue } else { break }
      }
      writes.append(.deletePod(key.namespace, pod.name))
      if !parallel { break }
    }

    let active = owned.filter(PodRanking.isActive)
    let ready = active.filter(PodRanking.isReady)
    let minReady = TimeInterval(spec.minReadySeconds ?? 0)
    let available = ready.filter { PodRanking.isAvailable($0, minReadySeconds: minReady, now: now) }
    let status: [String: JSON] = [
      "observedGeneration": .int(set.metadata.generation ?? 0), "replicas": .int(Int64(active.count)),
      "readyReplicas": .int(Int64(ready.count)), "currentReplicas": .int(Int64(active.count)),
      "updatedReplicas": .int(Int64(active.count)), "availableReplicas": .int(Int64(available.count)),
    ]
    let stored = cached.json["status"] ?? [:]
    if status.contains(where: { (stored[$0.key] ?? .int(0)) != $0.value }) {
      writes.append(
        .patchStatus(
          group: "apps", plural: "statefulsets", namespace: key.namespace, name: set.name,
          patch: ["status": .object(status)]))
    }
    return writes
  }

  /// The ordinal `i` of a pod named `<set>-<i>`.
  static func ordinal(_ podName: String, of set: String) -> Int? {
    guard podName.hasPrefix(set + "-") else { return nil }
    let suffix = podName.dropFirst(set.count + 1)
    guard let i = Int(suffix), i >= 0, String(i) == suffix else { return nil }
    return i
  }

  static func pod(_ set: ClusterCache.Cached<StatefulSet>, template: JSON, ordinal i: Int) -> JSON {
    let name = "\(set.object.name)-\(i)"
    var pod = PodTemplates.pod(
      template: template, namespace: set.object.namespace, name: name,
      owner: PodTemplates.controllerReference(
        apiVersion: "apps/v1", kind: "StatefulSet", name: set.object.name, uid: set.object.metadata.uid),
      extraLabels: ["statefulset.kubernetes.io/pod-name": name, "apps.kubernetes.io/pod-index": String(i)])
    pod[path: ["spec", "hostname"]] = .string(name)
    if let service = set.object.spec?.serviceName, !service.isEmpty {
      pod[path: ["spec", "subdomain"]] = .string(service)
    }
    let claimTemplates = set.json[path: ["spec", "volumeClaimTemplates"]]?.array ?? []
    if !claimTemplates.isEmpty {
      var volumes = pod[path: ["spec", "volumes"]]?.array ?? []
      for claim in claimTemplates {
        guard let claimName = claim[path: ["metadata", "name"]]?.string else { continue }
        volumes.removeAll { $0["name"]?.string == claimName }
        volumes.append([
          "name": .string(claimName),
          "persistentVolumeClaim": ["claimName": .string("\(claimName)-\(set.object.name)-\(i)")],
        ])
      }
      pod[path: ["spec", "volumes"]] = .array(volumes)
    }
    return pod
  }

  /// The claims of pod `i`: each template named `<template>-<set>-<i>`, labelled with the
  /// set's selector labels.
  static func claims(_ set: ClusterCache.Cached<StatefulSet>, ordinal i: Int) -> [JSON] {
    (set.json[path: ["spec", "volumeClaimTemplates"]]?.array ?? []).compactMap { template in
      guard let claimName = template[path: ["metadata", "name"]]?.string else { return nil }
      var claim: JSON = [
        "apiVersion": "v1", "kind": "PersistentVolumeClaim", "spec": template["spec"] ?? [:],
      ]
      claim["metadata"] = [
        "name": .string("\(claimName)-\(set.object.name)-\(i)"), "namespace": .string(set.object.namespace),
        "labels": set.json[path: ["spec", "selector", "matchLabels"]] ?? [:],
      ]
      return claim
    }
  }
}
