import Controllers
import KarpenterAPI
import KubernetesAPI

/// Pods that workloads create, as their controllers would: `<name>-<i>`, with the template's
/// labels and spec and a controller owner reference.
enum Workloads {
  /// A workload of the input whose controller keeps pods running.
  struct Key: Hashable {
    var kind: String
    var namespace: String
    var name: String
  }

  /// What a workload's controller keeps: `count` pods from `template`, owned by `owner`.
  struct Desired {
    var key: Key
    var template: PodTemplateSpec
    var count: Int
    /// The owner reference its pods carry: the workload itself, or for a Deployment its
    /// current ReplicaSet when the input has one.
    var owner: OwnerReference
    var volumeClaimTemplates: [PersistentVolumeClaim] = []
  }

  /// Which Deployment of the input owns each ReplicaSet (`namespace/name`): those
  /// ReplicaSets are the Deployment's, and create no pods of their own.
  static func deploymentsOfReplicaSets(_ input: SimulationInput) -> [String: String] {
    let deployments = Set(input.deployments.map { "\($0.namespace)/\($0.name)" })
    var out: [String: String] = [:]
    for r in input.replicaSets {
      guard let owner = r.metadata.ownerReferences?.first(where: { $0.controller == true }),
        owner.kind == "Deployment", deployments.contains("\(r.namespace)/\(owner.name)")
      else { continue }
      out["\(r.namespace)/\(r.name)"] = owner.name
    }
    return out
  }

  /// The workload that owns a pod through its controller reference, a ReplicaSet owned by a
  /// Deployment of the input resolving to that Deployment.
  static func owner(of pod: Pod, deployments: [String: String]) -> Key? {
    guard let owner = pod.controllerOwner else { return nil }
    let namespace = pod.metadata.namespace ?? "default"
    if owner.kind == "ReplicaSet", let deployment = deployments["\(namespace)/\(owner.name)"] {
      return Key(kind: "Deployment", namespace: namespace, name: deployment)
    }
    return Key(kind: owner.kind, namespace: namespace, name: owner.name)
  }

  /// Every workload of the input and the pods it wants, in a fixed order; `only` narrows it.
  static func desired(_ input: SimulationInput, only: Key? = nil) -> [Desired] {
    func wanted(_ kind: String, _ meta: ObjectMeta) -> Bool {
      guard let only else { return true }
      return only == Key(kind: kind, namespace: meta.namespace ?? "default", name: meta.name ?? "")
    }
    var out: [Desired] = []
    let deploymentOf = deploymentsOfReplicaSets(input)
    for d in input.deployments where wanted("Deployment", d.metadata) {
      guard let spec = d.spec else { continue }
      let key = Key(kind: "Deployment", namespace: d.namespace, name: d.name)
      // The current ReplicaSet: the newest revision the Deployment owns.
      let current = input.replicaSets.filter {
        $0.namespace == d.namespace && deploymentOf["\($0.namespace)/\($0.name)"] == d.name
      }.max { revision($0) < revision($1) }
      let owner =
        current.map { OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: $0.name, controller: true) }
        ?? OwnerReference(apiVersion: "apps/v1", kind: "Deployment", name: d.name, controller: true)
      out.append(
        Desired(
          key: key, template: current?.spec?.template ?? spec.template, count: Int(spec.replicas ?? 1),
          owner: owner))
    }
    for r in input.replicaSets where wanted("ReplicaSet", r.metadata) {
      guard deploymentOf["\(r.namespace)/\(r.name)"] == nil, let template = r.spec?.template else { continue }
      out.append(
        Desired(
          key: Key(kind: "ReplicaSet", namespace: r.namespace, name: r.name), template: template,
          count: Int(r.spec?.replicas ?? 1),
          owner: OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: r.name, controller: true)))
    }
    for s in input.statefulSets where wanted("StatefulSet", s.metadata) {
      guard let spec = s.spec else { continue }
      out.append(
        Desired(
          key: Key(kind: "StatefulSet", namespace: s.namespace, name: s.name), template: spec.template,
          count: Int(spec.replicas ?? 1),
          owner: OwnerReference(apiVersion: "apps/v1", kind: "StatefulSet", name: s.name, controller: true),
          volumeClaimTemplates: spec.volumeClaimTemplates ?? []))
    }
    for j in input.jobs where wanted("Job", j.metadata) {
      guard let spec = j.spec else { continue }
      // Pods running at once, never more than the completions still missing; none when suspended.
      var count = spec.suspend == true ? 0 : Int(spec.parallelism ?? 1)
      if let completions = spec.completions {
        count = min(count, max(0, Int(completions) - Int(j.status?.succeeded ?? 0)))
      }
      out.append(
        Desired(
          key: Key(kind: "Job", namespace: j.namespace, name: j.name), template: spec.template, count: count,
          owner: OwnerReference(apiVersion: "batch/v1", kind: "Job", name: j.name, controller: true)))
    }
    return out
  }

  static func revision(_ r: ReplicaSet) -> Int {
    Int(r.annotations["deployment.kubernetes.io/revision"] ?? "") ?? 0
  }

  /// The ordinal `i` of a pod named `<workload>-<i>`, if it is named so.
  static func ordinal(_ podName: String, of workload: String) -> Int? {
    guard podName.hasPrefix(workload + "-") else { return nil }
    let suffix = podName.dropFirst(workload.count + 1)
    guard suffix.first != "0" || suffix.count == 1 else { return nil }  // `web-01` is no ordinal
    return Int(suffix)
  }

  /// The pods to create so that the workload has `count`, given the names of the pods it owns
  /// and a test for names already taken in the namespace: `<name>-<i>` for the smallest free
  /// `i` (a StatefulSet: exactly the missing ordinals below `count`).
  static func missingPods(_ w: Desired, owned: [String], isTaken: (String) -> Bool) -> [Pod] {
    guard let spec = w.template.spec, owned.count < w.count else { return [] }
    var out: [Pod] = []
    var i = 0
    var ownedNames = Set(owned)
    while out.count < w.count - owned.count {
      defer { i += 1 }
      let name = "\(w.key.name)-\(i)"
      if w.key.kind == "StatefulSet" {
        guard i < w.count else { break }
        if ownedNames.contains(name) { continue }
      } else if ownedNames.contains(name) || isTaken(name) {
        continue
      }
      ownedNames.insert(name)
      var pod = self.pod(named: name, namespace: w.key.namespace, template: w.template, spec: spec, owner: w.owner)
      // The StatefulSet controller mounts claim `<template>-<set>-<i>` as volume `<template>`.
      for template in w.volumeClaimTemplates {
        var volumes = pod.spec?.volumes ?? []
        volumes.removeAll { $0.name == template.name }
        volumes.append(
          Volume(
            name: template.name,
            persistentVolumeClaim: PersistentVolumeClaimVolumeSource(claimName: "\(template.name)-\(name)")))
        pod.spec?.volumes = volumes
      }
      out.append(pod)
    }
    return out
  }

  /// Which of the pods a workload owns go when it has more than `count`: a StatefulSet's
  /// highest ordinals; otherwise pods not yet on a node first (as the ReplicaSet controller
  /// prefers), then the highest ordinals, then names from the end.
  static func surplus(_ w: Desired, owned: [(name: String, bound: Bool)]) -> [String] {
    guard owned.count > w.count else { return [] }
    let ranked = owned.sorted { a, b in
      if w.key.kind != "StatefulSet", a.bound != b.bound { return !a.bound }
      let (oa, ob) = (ordinal(a.name, of: w.key.name) ?? -1, ordinal(b.name, of: w.key.name) ?? -1)
      if oa != ob { return oa > ob }
      return a.name > b.name
    }
    return ranked.prefix(owned.count - w.count).map(\.name)
  }

  static func pod(
    named name: String, namespace: String, template: PodTemplateSpec, spec: PodSpec, owner: OwnerReference
  ) -> Pod {
    var metadata = ObjectMeta(
      name: name, namespace: namespace, labels: template.metadata?.labels,
      annotations: template.metadata?.annotations)
    metadata.ownerReferences = [owner]
    return Pod(metadata: metadata, spec: spec)
  }

  /// The DaemonSet's pod for one node, if the node admits it (node selector, required node
  /// affinity, taints).
  static func daemonPod(_ ds: DaemonSet, node: String, labels: [String: String], taints: [Taint]) -> Pod? {
    guard let template = ds.spec?.template, let spec = template.spec else { return nil }
    for (k, v) in spec.nodeSelector ?? [:] where labels[k] != v { return nil }
    if let terms = spec.affinity?.nodeAffinity?.required?.nodeSelectorTerms, !terms.isEmpty {
      let matches = terms.contains { term in
        (term.matchExpressions ?? []).allSatisfy { r in
          let value = labels[r.key]
          switch r.operator {
          case "In": return value.map { (r.values ?? []).contains($0) } ?? false
          case "NotIn": return value.map { !(r.values ?? []).contains($0) } ?? true
          case "Exists": return value != nil
          case "DoesNotExist": return value == nil
          case "Gt":
            return value.flatMap { Int($0) }.map { $0 > Int(r.values?.first ?? "") ?? Int.max } ?? false
          case "Lt":
            return value.flatMap { Int($0) }.map { $0 < Int(r.values?.first ?? "") ?? Int.min } ?? false
          default: return false
          }
        }
      }
      if !matches { return nil }
    }
    let tolerations = (spec.tolerations ?? []) + daemonTolerations
    for taint in taints where taint.effect != "PreferNoSchedule" && !tolerations.tolerates(taint) {
      return nil
    }
    var pod = self.pod(
      named: "\(ds.name)-\(node)", namespace: ds.metadata.namespace ?? "default", template: template,
      spec: spec,
      owner: OwnerReference(apiVersion: "apps/v1", kind: "DaemonSet", name: ds.name, controller: true))
    pod.spec?.nodeName = node
    return pod
  }

  /// The tolerations the DaemonSet controller adds to every pod it creates, so that daemons run
  /// on cordoned and unhealthy nodes.
  static let daemonTolerations: [Toleration] = [
    WellKnown.notReadyTaintKey, WellKnown.unreachableTaintKey, WellKnown.unschedulableTaintKey,
    "node.kubernetes.io/disk-pressure", "node.kubernetes.io/memory-pressure", "node.kubernetes.io/pid-pressure",
  ].map { Toleration(key: $0, operator: "Exists") }

  /// Requirements a pod's volumes add: a bound PersistentVolume's node affinity, or the
  /// allowed topologies of the StorageClass of a claim that binds on first consumer. Only the
  /// first term of each is used (the requirement algebra has no OR across keys).
  static func volumeRequirements(
    _ pod: Pod, input: SimulationInput, statefulSetClaims: [String: PersistentVolumeClaim]
  ) -> [NodeSelectorRequirement] {
    var out: [NodeSelectorRequirement] = []
    let namespace = pod.metadata.namespace ?? "default"
    for claimName in pod.persistentVolumeClaimNames {
      let key = "\(namespace)/\(claimName)"
      guard let claim = input.persistentVolumeClaims[key] ?? statefulSetClaims[key] else { continue }
      if let volume = claim.spec?.volumeName.flatMap({ input.persistentVolumes[$0] }) {
        out += volume.spec?.nodeAffinity?.required?.nodeSelectorTerms.first?.matchExpressions ?? []
      } else if let className = claim.spec?.storageClassName,
        let storageClass = input.storageClasses[className],
        let term = storageClass.allowedTopologies?.first
      {
        for e in term.matchLabelExpressions ?? [] {
          out.append(NodeSelectorRequirement(key: e.key, operator: "In", values: e.values))
        }
      }
    }
    return out
  }

  /// The claims a StatefulSet's volumeClaimTemplates create: `<template>-<set>-<i>`.
  static func statefulSetClaims(_ input: SimulationInput) -> [String: PersistentVolumeClaim] {
    var out: [String: PersistentVolumeClaim] = [:]
    for s in input.statefulSets {
      for template in s.spec?.volumeClaimTemplates ?? [] {
        for i in 0..<Int(s.spec?.replicas ?? 1) {
          var claim = template
          claim.metadata.name = "\(template.name)-\(s.name)-\(i)"
          claim.metadata.namespace = s.metadata.namespace ?? "default"
          out["\(claim.metadata.namespace!)/\(claim.metadata.name!)"] = claim
        }
      }
    }
    return out
  }
}
