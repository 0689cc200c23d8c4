import Controllers
import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling

extension Simulation {
  // MARK: kube-scheduler stand-in

  /// Binds pending pods to Ready nodes that can host them (resources, taints, affinity,
  /// topology spread, host ports), trying the node Karpenter nominated first.
  mutating func runKubeScheduler() {
    let pending = store.pods.keys.sorted().compactMap { key -> StatePod? in
      let p = store[pod: key]!
      return p.node == nil && !p.isDaemon && p.pendingReason?.isSchedulable != false ? p : nil
    }
    if !pending.isEmpty {
      let readyNodes = store.nodeNames.compactMap { store[node: $0]!.ready ? store[node: $0]! : nil }
      var nominations: [Int: String] = [:]
      let schedulingPods = pending.enumerated().map { i, p in
        if let n = p.nominated { nominations[i] = n }
        return SchedulingPod(
          index: i, pod: p.pod, requests: p.requests, volumeRequirements: p.volumeRequirements)
      }
      var input = SchedulingInput(
        nodePools: [], instanceTypes: [],
        existingNodes: readyNodes.map { store.existingNode($0, includeNominated: false) },
        pods: schedulingPods, packing: .firstFit, nominations: nominations)
      input.skewRule = .kubeScheduler
      let result = Scheduler.solve(input)
      for (i, nodeName) in result.existingPlacements.sorted(by: { pending[$0.key].key < pending[$1.key].key })
      {
        bind(pending[i].key, to: nodeName)
      }
    }
    if store.pods.values.contains(where: { $0.awaitingProvisioner && $0.node == nil }) {
      requestProvisioning()
    }
  }

  mutating func bind(_ key: String, to nodeName: String) {
    guard var pod = store[pod: key] else { return }
    if let nominated = pod.nominated, nominated != nodeName, store[node: nominated] != nil {
      store[node: nominated]!.unhold(key, pod.requests)
    }
    store[node: nodeName]!.bind(key, pod.requests, hostPorts: pod.pod.hostPorts, at: now)
    pod.node = nodeName
    pod.nominated = nil
    pod.awaitingProvisioner = false
    pod.pendingReason = nil
    pod.pod.spec?.nodeName = nodeName
    store[pod: key] = pod
    record(SimulationEvent(time: now, type: .podBound, node: nodeName, pod: key, reason: nil))
    lastActivity = now
  }

  // MARK: Launching through the cloud provider

  /// Creates a NodeClaim and launches it through the cloud provider, which picks the offering
  /// (see `SimulatedCloudProvider`), and creates its Node, which joins after `nodeStartup`
  /// (the kubelet stand-in) unless the timeline broke instances of that offering. On
  /// insufficient capacity the provider has marked the offering unavailable for 3 minutes, and
  /// Karpenter's view of the instance types follows.
  mutating func launch(_ claim: PlannedNodeClaim) -> LaunchOutcome {
    let name = namer.name(prefix: claim.nodePool)
    let instance: CloudInstance
    do throws(CloudProviderError) {
      instance = try cloud.create(claim, name: name, at: now)
    } catch {
      if case .insufficientCapacity = error.kind {
        queue.schedule(.offeringsChanged, at: now + UnavailableOfferings.ttl)
        refreshOfferings()
      }
      return .failed(name: name, error)
    }
    // An instance the provider created names both.
    guard let type = instance.instanceType, let offering = instance.offering else {
      preconditionFailure("the cloud provider created \(name) without its instance type and offering")
    }
    var labels = claim.labels
    for (k, v) in type.requirements.singleValueLabels { labels[k] = v }
    labels[WellKnown.zoneLabel] = offering.zone
    labels[WellKnown.capacityTypeLabel] = offering.capacityType
    labels[WellKnown.instanceTypeLabel] = type.name
    labels[WellKnown.hostnameLabel] = name
    labels[WellKnown.nodePoolLabel] = claim.nodePool
    store[node: name] = StateNode(
      name: name, nodePool: claim.nodePool, instanceType: type.name, zone: offering.zone,
      capacityType: offering.capacityType, price: offering.price, labels: labels, taints: claim.taints,
      startupTaints: claim.startupTaints, allocatable: type.allocatable, createdAt: now, ready: false,
      launchedAt: now)
    stampFromNodePool(name, launched: true)
    awaitingInitialization += 1
    store[node: name]!.lastPodEvent = now
    if cloud.ec2.joins(name) { queue.schedule(.nodeReady(name), at: now + nodeStartup) }
    lastActivity = now
    return .launched(
      LaunchedInstance(
        name: name, instanceType: type.name, zone: offering.zone, capacityType: offering.capacityType,
        price: offering.price))
  }

  /// The node registered and became Ready: pods that tolerate its startup taints may bind now.
  /// It is Initialized once the daemons remove its startup taints (at once unless the Scenario
  /// says they take a while).
  mutating func nodeBecameReady(_ name: String) {
    // A vanished instance never reports Ready.
    guard store[node: name] != nil, store[node: name]!.instanceGoneAt == nil else { return }
    store[node: name]!.ready = true
    store[node: name]!.registeredAt = now
    record(SimulationEvent(time: now, type: .nodeReady, node: name, pod: nil, reason: nil))
    log("nodeclaim.lifecycle", "registered nodeclaim", ["NodeClaim": name, "Node": name])
    try? startDaemonSets(on: name)
    store[node: name]!.lastPodEvent = now
    lastActivity = now
    if store[node: name]!.startupTaints.isEmpty || startupTaintRemoval <= 0 {
      initialize(name)
    } else {
      queue.schedule(.initialize(name), at: now + startupTaintRemoval)
    }
    scheduleKubeScheduler(at: now)
  }

  /// Startup taints are gone: the NodeClaim is Initialized; replacements it stood for proceed.
  mutating func initialize(_ name: String) {
    guard store[node: name] != nil, store[node: name]!.initializedAt == nil, store[node: name]!.ready,
      store[node: name]!.instanceGoneAt == nil
    else { return }
    awaitingInitialization -= 1
    store[node: name]!.startupTaints = []
    store[node: name]!.initializedAt = now
    try? startDaemonSets(on: name)  // those that do not tolerate the startup taints
    log("nodeclaim.lifecycle", "initialized nodeclaim", ["NodeClaim": name, "Node": name])
    lastActivity = now
    scheduleKubeScheduler(at: now)
    deliver(.nodeInitialized(name))
  }

  /// What a node takes from its NodePool when its NodeClaim is created (or, for an input Node,
  /// at time 0): the template and EC2NodeClass hashes drift is judged by; Karpenter then tracks
  /// its expiry (and, for a NodeClaim it `launched`, its registration).
  mutating func stampFromNodePool(_ name: String, launched: Bool = false) {
    guard let pool = store.nodePool(named: store[node: name]?.nodePool) else {
      if launched { deliver(.nodeClaimCreated(name, launched: true)) }  // its NodePool is gone
      return
    }
    store[node: name]!.templateHash = hashes.template(pool)
    store[node: name]!.nodeClassHash = NodePoolHashes.nodeClass(pool, nodeClasses: store.nodeClasses)
    deliver(.nodeClaimCreated(name, launched: launched))
  }
}
