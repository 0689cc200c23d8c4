import APIServer
import Foundation
import KubernetesAPI

/// The DaemonSet controller stand-in: one pod per eligible node, pinned to it as the real
/// controller pins it (a required node affinity on `metadata.name`) and placed by the
/// kube-scheduler stand-in, with the tolerations the real controller adds so that daemons run
/// on cordoned, not-ready and pressured nodes. A node is eligible when the template's node
/// selector and node affinity match it and the pod tolerates its NoSchedule and NoExecute
/// taints. A pod stays on a node that gains an untolerated NoSchedule taint (a cordon, or
/// Karpenter's `karpenter.sh/disrupted`), and goes when the node stops matching or gains an
/// untolerated NoExecute taint; extra pods and failed pods are deleted.
///
/// Not modelled: rolling updates of the template (existing pods keep their spec) and surge.
enum DaemonSetController {
  /// The tolerations the DaemonSet controller adds to every pod (upstream's
  /// `AddOrUpdateDaemonPodTolerations`), as (key, effect).
  static let addedTolerations: [(key: String, effect: String)] = [
    ("node.kubernetes.io/not-ready", "NoExecute"), ("node.kubernetes.io/unreachable", "NoExecute"),
    ("node.kubernetes.io/disk-pressure", "NoSchedule"), ("node.kubernetes.io/memory-pressure", "NoSchedule"),
    ("node.kubernetes.io/pid-pressure", "NoSchedule"), ("node.kubernetes.io/unschedulable", "NoSchedule"),
  ]
  static let networkUnavailable = (key: "node.kubernetes.io/network-unavailable", effect: "NoSchedule")

  static func reconcile(_ key: WorkloadKey, cache: ClusterCache, now: Date) -> [StandInWrite] {
    guard let cached = cache.daemonSets[ClusterCache.key(namespace: key.namespace, name: key.name)],
      cached.object.metadata.deletionTimestamp == nil, let templateSpec = cached.object.spec?.template.spec,
      let template = cached.json[path: ["spec", "template"]]
    else { return [] }
    let ds = cached.object
    var added = addedTolerations
    if templateSpec.hostNetwork == true { added.append(networkUnavailable) }
    var podSpec = templateSpec
    podSpec.tolerations =
      (podSpec.tolerations ?? [])
      + added.map { Toleration(key: $0.key, operator: "Exists", effect: $0.effect) }

    var podsByNode: [String: [Pod]] = [:]
    var writes: [StandInWrite] = []
    for (_, pod) in cache.pods(ownedBy: key, uid: ds.metadata.uid) {
      if pod.status?.phase == "Failed" && !pod.isTerminating {
        writes.append(.deletePod(key.namespace, pod.name))
        continue
      }
      guard PodRanking.isActive(pod), let node = targetNode(pod) else { continue }
      podsByNode[node, default: []].append(pod)
    }
    var desired = 0
    var scheduled = 0
    var misscheduled = 0
    var ready = 0
    var available = 0
    let minReady = TimeInterval(ds.spec?.minReadySeconds ?? 0)
    for name in cache.nodes.keys.sorted() {
      let node = cache.nodes[name]!
      // New pods need every NoSchedule and NoExecute taint tolerated; running ones stay
      // unless a NoExecute taint is not (upstream's shouldRun and shouldContinueRunning).
      let selected = podSpec.selectsNode(labels: node.labels, nodeName: name)
      let untolerated = podSpec.firstUntoleratedTaint(node.taints)
      let runs = selected && untolerated == nil
      let keeps =
        selected && podSpec.firstUntoleratedTaint(node.taints.filter { $0.effect == "NoExecute" }) == nil
      let pods = (podsByNode.removeValue(forKey: name) ?? []).sorted {
        ($0.metadata.creationTimestamp ?? "", $0.name) < ($1.metadata.creationTimestamp ?? "", $1.name)
      }
      if runs {
        desired += 1
        if let first = pods.first {
          scheduled += 1
          if PodRanking.isReady(first) { ready += 1 }
          if PodRanking.isAvailable(first, minReadySeconds: minReady, now: now) { available += 1 }
          for extra in pods.dropFirst() { writes.append(.deletePod(key.namespace, extra.name)) }
        } else {
          writes.append(
            .create(
              group: "", plural: "pods", namespace: key.namespace,
              object: pod(cached, template: template, node: name, tolerations: added)))
        }
      } else {
        if !pods.isEmpty { misscheduled += 1 }
        for pod in keeps ? Array(pods.dropFirst()) : pods {
          writes.append(.deletePod(key.namespace, pod.name))
        }
      }
    }
    // Pods for nodes that are gone: pod GC removes bound ones; unbound ones are ours to delete.
    for pod in podsByNode.values.joined().sorted(by: { $0.name < $1.name }) where !pod.isScheduled {
      writes.append(.deletePod(key.namespace, pod.name))
    }
    let status: [String: JSON] = [
      "observedGeneration": .int(ds.metadata.generation ?? 0), "desiredNumberScheduled": .int(Int64(desired)),
      "currentNumberScheduled": .int(Int64(scheduled)), "numberMisscheduled": .int(Int64(misscheduled)),
      "numberReady": .int(Int64(ready)), "numberAvailable": .int(Int64(available)),
      "numberUnavailable": .int(Int64(max(0, desired - available))),
      "updatedNumberScheduled": .int(Int64(scheduled)),
    ]
    let stored = cached.json["status"] ?? [:]
    if status.contains(where: { (stored[$0.key] ?? .int(0)) != $0.value }) {
      writes.append(
        .patchStatus(
          group: "apps", plural: "daemonsets", namespace: key.namespace, name: ds.name,
          patch: ["status": .object(status)]))
    }
    return writes
  }

  /// The node a daemon pod is for: its node once bound, else the node its affinity pins.
  static func targetNode(_ pod: Pod) -> String? {
    if let node = pod.spec?.nodeName, !node.isEmpty { return node }
    for term in pod.spec?.affinity?.nodeAffinity?.required?.nodeSelectorTerms ?? [] {
      for field in term.matchFields ?? [] where field.key == "metadata.name" && field.operator == "In" {
        if let node = field.values?.first { return node }
      }
    }
    return nil
  }

  /// The daemon pod for `node`: the template with its required node affinity replaced by one
  /// that names the node, and the added tolerations.
  static func pod(
    _ ds: ClusterCache.Cached<DaemonSet>, template: JSON, node: String,
    tolerations: [(key: String, effect: String)]
  ) -> JSON {
    var pod = PodTemplates.pod(
      template: template, namespace: ds.object.namespace, generateName: "\(ds.object.name)-",
      owner: PodTemplates.controllerReference(
        apiVersion: "apps/v1", kind: "DaemonSet", name: ds.object.name, uid: ds.object.metadata.uid),
      extraLabels: ["pod-template-generation": String(ds.object.metadata.generation ?? 1)])
    pod[path: ["spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"]] = [
      "nodeSelectorTerms": [
        ["matchFields": [["key": "metadata.name", "operator": "In", "values": [.string(node)]]]]
      ]
    ]
    var existing = pod[path: ["spec", "tolerations"]]?.array ?? []
    for t in tolerations {
      let has = existing.contains {
        $0["key"]?.string == t.key && $0["effect"]?.string == t.effect && $0["operator"]?.string == "Exists"
      }
      if !has { existing.append(["key": .string(t.key), "operator": "Exists", "effect": .string(t.effect)]) }
    }
    pod[path: ["spec", "tolerations"]] = .array(existing)
    return pod
  }
}
