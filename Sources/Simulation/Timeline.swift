import KarpenterAPI
import KubernetesAPI
import Manifests
import Scheduling

extension Simulation {
  mutating func scheduleTimeline() {
    for (i, step) in input.timeline.enumerated() {
      queue.schedule(.timeline(i), at: step.at)
      lastTimelineAt = max(lastTimelineAt, step.at)
    }
    timelinePending = input.timeline.count
  }

  /// Applies one timeline entry: manifests (created or replaced), deletions, scalings, spot
  /// interruptions and unavailable offerings.
  mutating func applyTimelineEntry(_ i: Int) {
    let step = input.timeline[i]
    timelinePending -= 1
    lastTimelineAt = max(lastTimelineAt, now)
    for document in step.documents { apply(document) }
    for ref in step.entry.delete ?? [] {
      delete(kind: ref.kind, namespace: ref.namespace ?? "default", name: ref.name)
    }
    for scale in step.entry.scale ?? [] {
      self.scale(
        kind: scale.kind, namespace: scale.namespace ?? "default", name: scale.name, replicas: scale.replicas)
    }
    for interrupt in step.entry.interrupt ?? [] {
      let kind = interrupt.kind ?? "spot"
      let targets =
        interrupt.node == "*"
        ? nodes.keys.sorted().filter {
          !["spot", "rebalance"].contains(kind) || nodes[$0]!.capacityType == WellKnown.capacityTypeSpot
        }
        : [interrupt.node]
      for name in targets {
        switch kind {
        case "spot": self.interrupt(name)
        case "rebalance": rebalanceRecommendation(name)
        case "terminated": instanceTerminated(name)
        default: instanceEvent(name, kind: kind)
        }
      }
    }
    for change in step.entry.unavailable ?? [] {
      let until = change.for.flatMap(Scenario.seconds).map { now + $0 } ?? Double.infinity
      var keys: [String] = []
      for type in catalog.instanceTypes where change.instanceType == nil || change.instanceType == type.name {
        for o in type.offerings {
          if let zone = change.zone, zone != o.zone { continue }
          if let ct = change.capacityType, ct != o.capacityType { continue }
          keys.append(SimulatedCloud.key(type.name, o.zone, o.capacityType))
        }
      }
      let failure = change.failure.flatMap(SimulatedCloud.OfferingFailure.init(rawValue:)) ?? .launch
      cloud.disturb(keys, failure: failure, until: until)
      if until.isFinite { queue.schedule(.offeringsChanged, at: until) }
    }
    refreshOfferings()
    clusterVersion += 1
    scheduleKubeScheduler(at: now)
  }

  /// Marks offerings available or not from the timeline's windows and the launch-failure cache.
  mutating func refreshOfferings() {
    cloud.expire(at: now)
    launchFailureCache = launchFailureCache.filter { $0.value > now }
    for t in catalog.instanceTypes.indices {
      for o in catalog.instanceTypes[t].offerings.indices {
        let offering = catalog.instanceTypes[t].offerings[o]
        let key = SimulatedCloud.key(catalog.instanceTypes[t].name, offering.zone, offering.capacityType)
        // Karpenter's view: only offerings whose launch failed are known to be unavailable.
        catalog.instanceTypes[t].offerings[o].available = launchFailureCache[key] == nil
      }
    }
  }

  // MARK: Applying manifests

  mutating func apply(_ document: LoadedDocument) {
    switch document.object {
    case .nodePool(let pool):
      let defaulted = pool.defaulted()
      if let i = input.nodePools.firstIndex(where: { $0.name == pool.name }) {
        input.nodePools[i] = defaulted
      } else {
        input.nodePools.append(defaulted)
        input.nodePools.sort { $0.name < $1.name }
      }
      catalog.ensureVariant(for: defaulted, nodeClasses: input.nodeClasses, schema: &schema)
    case .ec2NodeClass(let c):
      input.nodeClasses[c.name] = c
      for pool in input.nodePools where pool.spec?.template?.spec?.nodeClassRef?.name == c.name {
        catalog.ensureVariant(for: pool, nodeClasses: input.nodeClasses, schema: &schema)
      }
    case .pod(var p):
      p.metadata.namespace = p.metadata.namespace ?? "default"
      let key = "\(p.metadata.namespace!)/\(p.metadata.name ?? "")"
      if p.isTerminal {
        // A pod that finished holds nothing any more.
        removePod(key, reason: "finished")
      } else if let existing = pods[key], existing.node != nil {
        // Applied again: an update, as `kubectl apply` makes it. A bound pod stays where it is
        // (spec.nodeName and the resources are immutable); its labels and annotations change.
        pods[key]!.pod.metadata.labels = p.metadata.labels
        pods[key]!.pod.metadata.annotations = p.metadata.annotations
        clusterVersion += 1
      } else {
        // A pod not bound yet is replaced by the new one, never held twice.
        removePod(key, reason: "replaced")
        try? addPod(p)
      }
    case .deployment(let d):
      replaceWorkload(kind: "Deployment", namespace: d.namespace, name: d.name) {
        $0.deployments.removeAll { $0.namespace == d.namespace && $0.name == d.name };
        $0.deployments.append(d)
      }
    case .replicaSet(let r):
      replaceWorkload(kind: "ReplicaSet", namespace: r.namespace, name: r.name) {
        $0.replicaSets.removeAll { $0.namespace == r.namespace && $0.name == r.name };
        $0.replicaSets.append(r)
      }
    case .statefulSet(let s):
      replaceWorkload(kind: "StatefulSet", namespace: s.namespace, name: s.name) {
        $0.statefulSets.removeAll { $0.namespace == s.namespace && $0.name == s.name };
        $0.statefulSets.append(s)
      }
    case .job(let j):
      replaceWorkload(kind: "Job", namespace: j.namespace, name: j.name) {
        $0.jobs.removeAll { $0.namespace == j.namespace && $0.name == j.name }; $0.jobs.append(j)
      }
    case .daemonSet(let d):
      input.daemonSets.removeAll { $0.namespace == d.namespace && $0.name == d.name }
      input.daemonSets.append(d)
      for name in nodes.keys.sorted() where nodes[name]!.ready { try? startDaemonSets(on: name) }
    case .podDisruptionBudget(let p):
      input.podDisruptionBudgets.removeAll { $0.namespace == p.namespace && $0.name == p.name }
      input.podDisruptionBudgets.append(p)
    case .priorityClass(let p): input.priorityClasses[p.name] = p
    case .persistentVolume(let v): input.persistentVolumes[v.name] = v
    case .persistentVolumeClaim(let c): input.persistentVolumeClaims["\(c.namespace)/\(c.name)"] = c
    case .storageClass(let s): input.storageClasses[s.name] = s
    default: break
    }
  }

  /// Replaces a workload and reconciles its pods: new pods for new indices, removal of pods
  /// beyond the new count. Pods that exist keep running (a template change is not rolled out).
  mutating func replaceWorkload(
    kind: String, namespace: String, name: String, _ update: (inout SimulationInput) -> Void
  ) {
    update(&input)
    reconcileWorkloadPods(kind: kind, namespace: namespace, name: name)
  }

  mutating func reconcileWorkloadPods(kind: String, namespace: String, name: String) {
    var scratch = SimulationInput()
    scratch.deployments = input.deployments.filter {
      kind == "Deployment" && $0.namespace == namespace && $0.name == name
    }
    scratch.replicaSets = input.replicaSets.filter {
      kind == "ReplicaSet" && $0.namespace == namespace && $0.name == name
    }
    scratch.statefulSets = input.statefulSets.filter {
      kind == "StatefulSet" && $0.namespace == namespace && $0.name == name
    }
    scratch.jobs = input.jobs.filter { kind == "Job" && $0.namespace == namespace && $0.name == name }
    let desired = Workloads.pods(of: scratch)
    let desiredKeys = Set(desired.map { "\($0.namespace)/\($0.name)" })
    for key in pods.keys.sorted()
    where owned(pods[key]!, kind: kind, namespace: namespace, name: name) && !desiredKeys.contains(key) {
      removePod(key, reason: "scaled down")
    }
    for pod in desired where pods["\(pod.namespace)/\(pod.name)"] == nil {
      try? addPod(pod)
    }
  }

  func owned(_ pod: SimPod, kind: String, namespace: String, name: String) -> Bool {
    guard let owner = pod.pod.controllerOwner else { return false }
    return owner.kind == kind && owner.name == name && (pod.pod.metadata.namespace ?? "default") == namespace
  }

  mutating func delete(kind: String, namespace: String, name: String) {
    switch kind {
    case "Deployment": input.deployments.removeAll { $0.namespace == namespace && $0.name == name }
    case "ReplicaSet": input.replicaSets.removeAll { $0.namespace == namespace && $0.name == name }
    case "StatefulSet": input.statefulSets.removeAll { $0.namespace == namespace && $0.name == name }
    case "Job": input.jobs.removeAll { $0.namespace == namespace && $0.name == name }
    case "DaemonSet": input.daemonSets.removeAll { $0.namespace == namespace && $0.name == name }
    case "PodDisruptionBudget":
      input.podDisruptionBudgets.removeAll { $0.namespace == namespace && $0.name == name }
    case "NodePool": input.nodePools.removeAll { $0.name == name }
    case "Pod":
      removePod("\(namespace)/\(name)", reason: "deleted")
      return
    case "Node":
      if nodes[name] != nil { startTermination(name, reason: "Deleted", forceful: true) }
      return
    default: return
    }
    for key in pods.keys.sorted() where owned(pods[key]!, kind: kind, namespace: namespace, name: name) {
      removePod(key, reason: "its \(kind) was deleted")
    }
  }

  mutating func scale(kind: String, namespace: String, name: String, replicas: Int) {
    let n = Int32(replicas)
    switch kind {
    case "Deployment":
      if let i = input.deployments.firstIndex(where: { $0.namespace == namespace && $0.name == name }) {
        input.deployments[i].spec?.replicas = n
      }
    case "ReplicaSet":
      if let i = input.replicaSets.firstIndex(where: { $0.namespace == namespace && $0.name == name }) {
        input.replicaSets[i].spec?.replicas = n
      }
    case "StatefulSet":
      if let i = input.statefulSets.firstIndex(where: { $0.namespace == namespace && $0.name == name }) {
        input.statefulSets[i].spec?.replicas = n
      }
    case "Job":
      if let i = input.jobs.firstIndex(where: { $0.namespace == namespace && $0.name == name }) {
        input.jobs[i].spec?.parallelism = n
      }
    default: return
    }
    reconcileWorkloadPods(kind: kind, namespace: namespace, name: name)
  }

  // MARK: Pods leaving

  /// Takes a pod off its node (and the cluster). Nothing recreates it.
  mutating func removePod(_ key: String, reason: String) {
    guard let pod = pods.removeValue(forKey: key) else { return }
    detach(pod)
  }

  mutating func detach(_ pod: SimPod) {
    let key = pod.key
    if let name = pod.node, nodes[name] != nil {
      nodes[name]!.pods.remove(key)
      nodes[name]!.requested -= pod.requests
      let ports = pod.pod.hostPorts
      for port in ports {
        if let i = nodes[name]!.hostPorts.firstIndex(of: port) { nodes[name]!.hostPorts.remove(at: i) }
      }
      nodes[name]!.lastPodEvent = now
    }
    if let name = pod.nominated, nodes[name] != nil {
      nodes[name]!.nominated.remove(key)
      nodes[name]!.requested -= pod.requests
    }
    clusterVersion += 1
  }

  /// Evicts or kills a pod: it leaves its node, and when a controller owns it (a workload, a
  /// DaemonSet's pod excepted), it comes back pending under the same name, as its ReplicaSet,
  /// StatefulSet or Job would recreate it.
  mutating func evict(_ key: String) {
    guard let pod = pods.removeValue(forKey: key) else { return }
    detach(pod)
    guard pod.pod.controllerOwner != nil, !pod.isDaemon else { return }
    var fresh = pod.pod
    fresh.spec?.nodeName = nil
    fresh.status = nil
    try? addPod(fresh)
    scheduleKubeScheduler(at: now)
  }
}

extension CloudCatalog {
  /// Gives a NodePool applied (or whose EC2NodeClass changed) during the run its instance types:
  /// on the aws catalog the variant its kubelet settings and AMI family shape; otherwise the
  /// catalog's types.
  mutating func ensureVariant(
    for pool: NodePool, nodeClasses: [String: EC2NodeClass], schema: inout ResourceSchema
  ) {
    if awsPricing != nil, (try? assignAWSVariant(to: pool, nodeClasses: nodeClasses, schema: &schema)) != nil
    {
      return
    }
    if indicesByNodePool[pool.name] != nil { return }
    indicesByNodePool[pool.name] = indicesByNodePool.values.first ?? Array(instanceTypes.indices)
  }
}
