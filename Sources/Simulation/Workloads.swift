import KarpenterAPI
import KubernetesAPI

/// Pods that workloads create, as their controllers would: `<name>-<i>`, with the template's
/// labels and spec and a controller owner reference.
enum Workloads {
  static func pods(of input: SimulationInput) -> [Pod] {
    var out: [Pod] = []
    for d in input.deployments {
      out += replicas(
        kind: "Deployment", apiVersion: "apps/v1", meta: d.metadata, template: d.spec?.template,
        count: Int(d.spec?.replicas ?? 1))
    }
    for r in input.replicaSets {
      out += replicas(
        kind: "ReplicaSet", apiVersion: "apps/v1", meta: r.metadata, template: r.spec?.template,
        count: Int(r.spec?.replicas ?? 1))
    }
    for s in input.statefulSets {
      var pods = replicas(
        kind: "StatefulSet", apiVersion: "apps/v1", meta: s.metadata, template: s.spec?.template,
        count: Int(s.spec?.replicas ?? 1))
      // The StatefulSet controller mounts claim `<template>-<set>-<i>` as volume `<template>`.
      for (i, _) in pods.enumerated() {
        for template in s.spec?.volumeClaimTemplates ?? [] {
          var volumes = pods[i].spec?.volumes ?? []
          volumes.removeAll { $0.name == template.name }
          volumes.append(
            Volume(
              name: template.name,
              persistentVolumeClaim: PersistentVolumeClaimVolumeSource(
                claimName: "\(template.name)-\(s.name)-\(i)")))
          pods[i].spec?.volumes = volumes
        }
      }
      out += pods
    }
    for j in input.jobs {
      out += replicas(
        kind: "Job", apiVersion: "batch/v1", meta: j.metadata, template: j.spec?.template,
        count: Int(j.spec?.parallelism ?? 1))
    }
    return out
  }

  static func replicas(
    kind: String, apiVersion: String, meta: ObjectMeta, template: PodTemplateSpec?, count: Int
  ) -> [Pod] {
    guard let template, let spec = template.spec else { return [] }
    let name = meta.name ?? ""
    return (0..<max(0, count)).map { i in
      pod(
        named: "\(name)-\(i)", namespace: meta.namespace ?? "default", template: template, spec: spec,
        owner: OwnerReference(apiVersion: apiVersion, kind: kind, name: name, controller: true))
    }
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
    let tolerations = spec.tolerations ?? []
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
