import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The scheduling problems Karpenter's controllers hand the scheduler, built from the store.
extension ClusterStore {
  /// The node as a scheduler sees it. Karpenter's view (`includeNominated`) counts pods
  /// nominated to it and ignores startup taints, which are expected to go (as upstream does for
  /// nodes not yet initialized); the kube-scheduler's counts bound pods only and honours them.
  /// `withPods: false` leaves the pods out, for a scheduler that will not count them (no pod
  /// in the store has a topology rule).
  public func existingNode(_ node: StateNode, includeNominated: Bool, withPods: Bool = true) -> ExistingNode {
    // No union set is built when nothing is nominated (nearly always).
    let podKeys = includeNominated && !node.nominated.isEmpty ? node.pods.union(node.nominated) : node.pods
    var requested = node.requested
    if !includeNominated {
      for key in node.nominated { if let p = pods[key] { requested -= p.requests } }
    }
    return ExistingNode(
      name: node.name, labels: node.labels, requirements: node.labelRequirements,
      taints: includeNominated ? node.taints : node.taints + node.startupTaints,
      allocatable: node.allocatable,
      requested: requested, hostPorts: node.hostPorts,
      pods: withPods ? podKeys.sorted().compactMap { pods[$0]?.pod } : [])
  }

  /// What the provisioner hands the scheduler: the pods pending and not nominated, existing and
  /// in-flight nodes with what is bound or nominated to them, the NodePools and DaemonSets.
  public func provisioningInput(packing: PackingStrategy) -> (SchedulingInput, [StatePod]) {
    let pending = unboundPods.sorted().compactMap { key -> StatePod? in
      let p = pods[key]!
      return p.node == nil && p.nominated == nil && !p.isDaemon
        && p.pendingReason?.isSchedulable != false ? p : nil
    }
    let schedulingPods = pending.enumerated().map { i, p in
      SchedulingPod(index: i, pod: p.pod, requests: p.requests, volumeRequirements: p.volumeRequirements)
    }
    // A node whose instance vanished is no capacity, though garbage collection has not removed it yet.
    let existing = nodeNames.compactMap { name in
      nodes[name]!.instanceGoneAt == nil ? existingNode(nodes[name]!, includeNominated: true) : nil
    }
    let daemons = daemonSetPods()
    var schedulingInput = SchedulingInput(
      nodePools: nodePoolTemplates(), instanceTypes: instanceTypes.all, existingNodes: existing,
      pods: schedulingPods, daemonSets: daemons, packing: packing)
    schedulingInput.resourceNames = schema.names
    return (schedulingInput, pending)
  }

  /// The NodePools as the scheduler sees them, with what their limits still allow. Static
  /// NodePools launch nothing for pods (upstream's provisioner leaves them out, gate or not).
  public func nodePoolTemplates() -> [NodePoolTemplate] {
    nodePools.filter { !$0.isStatic }.compactMap { pool in
      guard let templateSpec = pool.spec?.template?.spec else { return nil }
      var schema = self.schema
      var remaining: Resources?
      var remainingNodes: Int?
      if let limits = pool.spec?.limits, !limits.isEmpty {
        var resourceLimits = limits
        if let nodes = resourceLimits.removeValue(forKey: "nodes") { remainingNodes = Int(nodes.value) }
        if !resourceLimits.isEmpty, var vector = try? schema.vector(resourceLimits) {
          // A resource without a limit is unlimited.
          for slot in 0..<ResourceSchema.slotCount
          where !resourceLimits.keys.contains(where: { schema.existingSlot(for: $0) == slot }) {
            vector[slot] = Int64.max / 4
          }
          remaining = vector
        }
        for node in nodes.values where node.nodePool == pool.name {
          if remaining != nil,
            let type = node.instanceType.flatMap({ instanceTypes.instanceType(named: $0, nodePool: pool.name) })
          {
            remaining! -= type.capacity
          } else if remaining != nil {
            remaining! -= node.allocatable
          }
          if remainingNodes != nil { remainingNodes! -= 1 }
        }
      }
      return NodePoolTemplate(
        name: pool.name, weight: Int(pool.spec?.weight ?? 0),
        requirements: Requirements(nodePoolRequirements: templateSpec.requirements ?? []),
        labels: pool.spec?.template?.metadata?.labels ?? [:], taints: templateSpec.taints ?? [],
        startupTaints: templateSpec.startupTaints ?? [], remainingResources: remaining,
        remainingNodes: remainingNodes,
        instanceTypeIndices: instanceTypes.indicesByNodePool[pool.name])
    }
  }

  /// The pod each DaemonSet would add to a new node.
  public func daemonSetPods() -> [DaemonSetPod] {
    var schema = self.schema
    return daemonSets.compactMap { ds -> DaemonSetPod? in
      guard let template = ds.spec?.template, let spec = template.spec else { return nil }
      let pod = Pod(
        metadata: ObjectMeta(name: ds.name, namespace: ds.namespace, labels: template.metadata?.labels),
        spec: spec)
      var list = pod.effectiveRequests
      list[ResourceName.pods] = (list[ResourceName.pods] ?? .zero) + Quantity(1)
      guard let requests = try? schema.vector(list) else { return nil }
      return DaemonSetPod(pod: pod, requests: requests)
    }
  }

  /// The cluster as the scheduler sees it for disruption: every initialized node that is not
  /// going away, with what runs on it (and what is nominated to it), and the NodePools. Pods
  /// are never moved onto a node that has not initialized (it may never), as upstream refuses
  /// a consolidation that would schedule against an uninitialized NodeClaim.
  public func clusterSchedulingInput(packing: PackingStrategy) -> SchedulingInput {
    let existing = nodeNames.compactMap { name -> ExistingNode? in
      let node = nodes[name]!
      guard node.disruption == nil, node.initializedAt != nil, node.instanceGoneAt == nil else { return nil }
      return existingNode(node, includeNominated: true)
    }
    var input = SchedulingInput(
      nodePools: nodePoolTemplates(), instanceTypes: instanceTypes.all, existingNodes: existing, pods: [],
      daemonSets: daemonSetPods(), packing: packing)
    input.resourceNames = schema.names
    return input
  }
}
