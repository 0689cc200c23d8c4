import Controllers
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
        kind: scale.kind, namespace: scale.namespace ?? "default", name: scale.name, replicas: Int(scale.replicas))
    }
    for interrupt in step.entry.interrupt ?? [] {
      let kind = interrupt.kind ?? "spot"
      let targets =
        interrupt.node == "*"
        ? store.nodeNames.filter {
          !["spot", "rebalance"].contains(kind) || store[node: $0]!.capacityType == WellKnown.capacityTypeSpot
        }
        : [interrupt.node]
      for name in targets {
        switch kind {
        case "spot":
          // The cloud reclaims a spot instance two minutes after the notice, whatever Karpenter does.
          if let node = store[node: name], node.capacityType == WellKnown.capacityTypeSpot,
            node.instanceGoneAt == nil
          {
            queue.schedule(.reclaim(name), at: now + Interruption.spotNotice)
          }
          deliver(.interruption(node: name, .spotInterruption))
        case "rebalance": deliver(.interruption(node: name, .rebalanceRecommendation))
        case "terminated": instanceTerminated(name)
        case "maintenance": deliver(.interruption(node: name, .scheduledChange))
        default: deliver(.interruption(node: name, .stateChange))
        }
      }
    }
    for change in step.entry.unavailable ?? [] {
      let until = change.for.flatMap(Scenario.seconds).map { now + $0 } ?? Double.infinity
      var offerings: [OfferingKey] = []
      for type in catalog.instanceTypes where change.instanceType == nil || change.instanceType == type.name {
        for o in type.offerings {
          if let zone = change.zone, zone != o.zone { continue }
          if let ct = change.capacityType, ct != o.capacityType { continue }
          offerings.append(OfferingKey(type, o))
        }
      }
      let failure = change.failure.flatMap(SimulatedEC2.OfferingFailure.init(rawValue:)) ?? .launch
      cloud.ec2.disturb(offerings, failure: failure, until: until)
      if until.isFinite { queue.schedule(.offeringsChanged, at: until) }
    }
    refreshOfferings()
    if step.entry.restartKarpenter == true { restartKarpenter() }
    scheduleKubeScheduler(at: now)
  }

  /// The timeline's windows that are over close, and Karpenter's view of the offerings
  /// (`store.instanceTypes`) leaves out those the provider's unavailable-offerings cache holds:
  /// only offerings whose launch failed are known to be unavailable. The store is written only
  /// when an offering's availability changed, so disruption re-evaluates exactly then.
  mutating func refreshOfferings() {
    cloud.ec2.expire(at: now)
    let unavailable = cloud.refreshOfferings(at: now)
    var view = store.instanceTypes
    if view.markAvailability(from: catalog.instanceTypes, unavailable: unavailable) { store.instanceTypes = view }
    requestStaticCapacity()  // a static pool short of nodes may launch now
  }

  /// Hands Karpenter the instance types the cloud sells now (after the catalog or its
  /// NodeOverlays changed), less the offerings it already knew to be unavailable.
  mutating func syncInstanceTypes() {
    var view = InstanceTypes(all: catalog.instanceTypes, indicesByNodePool: catalog.indicesByNodePool)
    _ = view.markAvailability(from: catalog.instanceTypes, unavailable: cloud.unavailableOfferings.offerings)
    store.instanceTypes = view
  }

  // MARK: Applying manifests

  mutating func apply(_ document: LoadedDocument) {
    switch document.object {
    case .nodePool(let pool):
      let defaulted = pool.defaulted()
      if let i = store.nodePools.firstIndex(where: { $0.name == pool.name }) {
        store.nodePools[i] = defaulted
      } else {
        store.nodePools.append(defaulted)
        store.nodePools.sort { $0.name < $1.name }
      }
      cloud.catalog.ensureVariant(for: defaulted, nodeClasses: store.nodeClasses, schema: &store.schema)
      reapplyNodeOverlays()
      requestStaticCapacity()  // new or changed replicas
    case .ec2NodeClass(let c):
      store.nodeClasses[c.name] = c
      for pool in store.nodePools where pool.spec?.template?.spec?.nodeClassRef?.name == c.name {
        cloud.catalog.ensureVariant(for: pool, nodeClasses: store.nodeClasses, schema: &store.schema)
      }
      reapplyNodeOverlays()
    case .nodeOverlay(let overlay): applyTimelineOverlay(overlay)
    case .pod(var p):
      p.metadata.namespace = p.metadata.namespace ?? "default"
      let key = "\(p.metadata.namespace!)/\(p.metadata.name ?? "")"
      if p.isTerminal {
        // A pod that finished holds nothing any more.
        removePod(key, reason: "finished")
      } else if let existing = store[pod: key], existing.node != nil {
        // Applied again: an update, as `kubectl apply` makes it. A bound pod stays where it is
        // (spec.nodeName and the resources are immutable); its labels and annotations change.
        store[pod: key]!.pod.metadata.labels = p.metadata.labels
        store[pod: key]!.pod.metadata.annotations = p.metadata.annotations
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
      store.daemonSets.removeAll { $0.namespace == d.namespace && $0.name == d.name }
      store.daemonSets.append(d)
      for name in store.nodeNames where store[node: name]!.ready { try? startDaemonSets(on: name) }
    case .podDisruptionBudget(let p):
      store.podDisruptionBudgets.removeAll { $0.namespace == p.namespace && $0.name == p.name }
      store.podDisruptionBudgets.append(p)
    case .priorityClass(let p): input.priorityClasses[p.name] = p
    case .persistentVolume(let v): input.persistentVolumes[v.name] = v
    case .persistentVolumeClaim(let c): input.persistentVolumeClaims["\(c.namespace)/\(c.name)"] = c
    case .storageClass(let s): input.storageClasses[s.name] = s
    default: break
    }
  }

  /// Replaces a workload and reconciles its pods: new pods up to its count, its surplus
  /// removed. Pods that exist keep running (a template change is not rolled out).
  mutating func replaceWorkload(
    kind: String, namespace: String, name: String, _ update: (inout SimulationInput) -> Void
  ) {
    update(&input)
    try? reconcileWorkloads(only: Workloads.Key(kind: kind, namespace: namespace, name: name))
  }

  /// The workload controllers: every workload (or only the one given; a ReplicaSet of a
  /// Deployment stands for its Deployment) gets pods up to its count and loses its surplus,
  /// counting the pods it already owns through controller references.
  mutating func reconcileWorkloads(only: Workloads.Key? = nil) throws {
    let deploymentOf = Workloads.deploymentsOfReplicaSets(input)
    var only = only
    if let key = only, key.kind == "ReplicaSet", let deployment = deploymentOf["\(key.namespace)/\(key.name)"] {
      only = Workloads.Key(kind: "Deployment", namespace: key.namespace, name: deployment)
    }
    let desired = Workloads.desired(input, only: only)
    guard !desired.isEmpty else { return }
    let wanted = Set(desired.map(\.key))
    var owned: [Workloads.Key: [(name: String, bound: Bool)]] = [:]
    for p in store.pods.values where !p.isDaemon {
      guard let key = Workloads.owner(of: p.pod, deployments: deploymentOf), wanted.contains(key) else { continue }
      owned[key, default: []].append((p.pod.name, p.node != nil))
    }
    for w in desired {
      let mine = owned[w.key] ?? []
      for name in Workloads.surplus(w, owned: mine) {
        removePod("\(w.key.namespace)/\(name)", reason: "scaled down")
      }
      let missing = Workloads.missingPods(w, owned: mine.map(\.name)) { store[pod: "\(w.key.namespace)/\($0)"] != nil }
      for pod in missing { try addPod(pod) }
    }
  }

  /// The pods a workload owns (through its ReplicaSets for a Deployment), by key.
  func pods(ownedBy key: Workloads.Key) -> [String] {
    let deploymentOf = Workloads.deploymentsOfReplicaSets(input)
    return store.pods.keys.sorted().filter { Workloads.owner(of: store[pod: $0]!.pod, deployments: deploymentOf) == key }
  }

  mutating func delete(kind: String, namespace: String, name: String) {
    // Its pods, found before the workload (and what links its ReplicaSets to it) is gone.
    let owned = pods(ownedBy: Workloads.Key(kind: kind, namespace: namespace, name: name))
    switch kind {
    case "Deployment": input.deployments.removeAll { $0.namespace == namespace && $0.name == name }
    case "ReplicaSet": input.replicaSets.removeAll { $0.namespace == namespace && $0.name == name }
    case "StatefulSet": input.statefulSets.removeAll { $0.namespace == namespace && $0.name == name }
    case "Job": input.jobs.removeAll { $0.namespace == namespace && $0.name == name }
    case "DaemonSet": store.daemonSets.removeAll { $0.namespace == namespace && $0.name == name }
    case "PodDisruptionBudget":
      store.podDisruptionBudgets.removeAll { $0.namespace == namespace && $0.name == name }
    case "NodePool": store.nodePools.removeAll { $0.name == name }
    case "NodeOverlay":
      input.nodeOverlays.removeAll { $0.name == name }
      reapplyNodeOverlays()
      return
    case "Pod":
      removePod("\(namespace)/\(name)", reason: "deleted")
      return
    case "Node":
      if store[node: name] != nil { deliver(.delete(Deletion(node: name, reason: .deleted, forceful: true))) }
      return
    default: return
    }
    for key in owned { removePod(key, reason: "its \(kind) was deleted") }
  }

  mutating func scale(kind: String, namespace: String, name: String, replicas: Int) {
    let n = Int32(clamping: replicas)
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
    case "NodePool":
      // `kubectl scale nodepool`: only a static NodePool has replicas to scale.
      if let i = store.nodePools.firstIndex(where: { $0.name == name && $0.isStatic }) {
        store.nodePools[i].spec?.replicas = Int64(replicas)
        requestStaticCapacity()
      }
      return
    default: return
    }
    try? reconcileWorkloads(only: Workloads.Key(kind: kind, namespace: namespace, name: name))
  }

  // MARK: Pods leaving

  /// Takes a pod off its node (and the cluster). Nothing recreates it.
  mutating func removePod(_ key: String, reason: String) {
    guard let pod = store.remove(pod: key) else { return }
    detach(pod)
  }

  mutating func detach(_ pod: StatePod) {
    let key = pod.key
    if let name = pod.node, store[node: name] != nil {
      store[node: name]!.unbind(key, pod.requests, hostPorts: pod.pod.hostPorts, at: now)
    }
    if let name = pod.nominated, store[node: name] != nil {
      store[node: name]!.unhold(key, pod.requests)
    }
  }

  /// Evicts or kills a pod: it leaves its node, and when a controller owns it (a workload, a
  /// DaemonSet's pod excepted), it comes back pending under the same name, as its ReplicaSet,
  /// StatefulSet or Job would recreate it.
  mutating func evict(_ key: String) {
    guard let pod = store.remove(pod: key) else { return }
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
