import Controllers
import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// Karpenter's view of a live cluster: the objects its informers deliver, folded into the
/// `ClusterStore` the controllers read, and the inputs those changes mean to the controllers
/// (a pod became unschedulable, a node registered, someone deleted a NodeClaim).
///
/// A value without I/O: the informers hand it `ObjectChange`s, tests hand it the same.
///
/// Nodes are keyed by their NodeClaim's name; a Node without a NodeClaim by its own name. The
/// kwok provider names a NodeClaim's Node after it, a cloud may not, so the two are linked by
/// the claim's `status.nodeName` or `status.providerID`.
public struct LiveCluster: Sendable {
  public internal(set) var store = ClusterStore()
  /// The objects as the API server last reported them, trimmed to what Karpenter reads: the
  /// typed models decode only those fields (no managedFields, images or container statuses).
  public internal(set) var nodes: [String: Node] = [:]
  public internal(set) var nodeClaims: [String: NodeClaim] = [:]
  /// Pods by `namespace/name`.
  public internal(set) var pods: [String: Pod] = [:]
  /// The store key (NodeClaim name, or Node name without a claim) of each Node.
  public internal(set) var keyOfNode: [String: String] = [:]
  /// The pods that name each Node in `spec.nodeName`, known or not yet.
  var podsByNodeName: [String: Set<String>] = [:]
  /// Karpenter's time of `Date()` values: seconds since the controllers' epoch.
  public let epoch: Date
  /// Deletions Karpenter asked for itself (the termination controller is already on them).
  private var deletionsRequested: Set<String> = []
  /// NodeClaims reported Registered and Initialized to the controllers.
  private var registered: Set<String> = []
  private var initialized: Set<String> = []
  /// NodeClaims Karpenter marked (disrupted, terminating) itself, with the resourceVersion its
  /// write produced (Int.max while the write is under way): older reports of the claim do not
  /// undo the mark.
  var karpenterWrites: [String: Int] = [:]

  public init(epoch: Date) {
    self.epoch = epoch
  }

  /// What changed in the cluster.
  public enum ObjectChange: Sendable {
    case node(Node)
    case nodeDeleted(String)
    case nodeClaim(NodeClaim)
    case nodeClaimDeleted(String)
    case pod(Pod)
    case podDeleted(String)
    case nodePool(NodePool)
    case nodePoolDeleted(String)
    case nodeClass(EC2NodeClass)
    case nodeClassDeleted(String)
    case daemonSet(DaemonSet)
    case daemonSetDeleted(namespace: String, name: String)
    case podDisruptionBudget(PodDisruptionBudget)
    case podDisruptionBudgetDeleted(namespace: String, name: String)
  }

  /// The controllers' time of a wall-clock date.
  public func time(_ date: Date) -> Double { date.timeIntervalSince(epoch) }

  /// The controllers' time of an RFC 3339 timestamp; nil when absent or malformed.
  public func time(_ timestamp: String?) -> Double? {
    guard let timestamp, let date = Timestamps.parse(timestamp) else { return nil }
    return time(date)
  }

  /// The store key of a Node name.
  public func key(ofNode name: String) -> String? { keyOfNode[name] }

  /// The Node name of a store key: the claim's node once it registered, else the Node linked to
  /// it by provider id (a cloud names its Nodes itself), else the key itself (kwok's Node is
  /// named after its claim).
  public func nodeName(of key: String) -> String {
    if let claim = nodeClaims[key], let name = claim.status?.nodeName, !name.isEmpty { return name }
    if nodes[key] == nil, let linked = keyOfNode.first(where: { $0.value == key })?.key { return linked }
    return key
  }

  /// Karpenter asked for the NodeClaim's deletion itself: when the API reports its
  /// deletionTimestamp, the termination controller already knows.
  public mutating func expectDeletion(of key: String) { deletionsRequested.insert(key) }

  /// Writes only Karpenter makes (nominations, pending reasons, its disruption marks before the
  /// API echoes them) go straight to the store.
  public mutating func withStore<T>(_ body: (inout ClusterStore) throws -> T) rethrows -> T {
    try body(&store)
  }

  /// Applies a change and returns what it means to the controllers.
  public mutating func apply(_ change: ObjectChange, at now: Date) -> [ControllerInput] {
    let t = time(now)
    switch change {
    case .nodePool(let pool):
      let defaulted = pool.defaulted()
      if let i = store.nodePools.firstIndex(where: { $0.name == pool.name }) {
        store.nodePools[i] = defaulted
      } else {
        store.nodePools.append(defaulted)
        store.nodePools.sort { $0.name < $1.name }
      }
      return [.staticCapacityRequested, .provisioningRequested]
    case .nodePoolDeleted(let name):
      store.nodePools.removeAll { $0.name == name }
      return [.staticCapacityRequested]
    case .nodeClass(let nodeClass):
      store.nodeClasses[nodeClass.name] = nodeClass
      return []
    case .nodeClassDeleted(let name):
      store.nodeClasses[name] = nil
      return []
    case .daemonSet(let ds):
      store.daemonSets.removeAll { $0.namespace == ds.namespace && $0.name == ds.name }
      store.daemonSets.append(ds)
      store.daemonSets.sort { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
      return []
    case .daemonSetDeleted(let namespace, let name):
      store.daemonSets.removeAll { $0.namespace == namespace && $0.name == name }
      return []
    case .podDisruptionBudget(let pdb):
      store.podDisruptionBudgets.removeAll { $0.namespace == pdb.namespace && $0.name == pdb.name }
      store.podDisruptionBudgets.append(pdb)
      store.podDisruptionBudgets.sort { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
      return []
    case .podDisruptionBudgetDeleted(let namespace, let name):
      store.podDisruptionBudgets.removeAll { $0.namespace == namespace && $0.name == name }
      return []
    case .nodeClaim(let claim):
      return applyNodeClaim(claim, at: t)
    case .nodeClaimDeleted(let name):
      nodeClaims[name] = nil
      return forgetNodeIfGone(name)
    case .node(let node):
      return applyNode(node, at: t)
    case .nodeDeleted(let name):
      nodes[name] = nil
      guard let key = keyOfNode.removeValue(forKey: name) else { return [] }
      if let claim = nodeClaims[key] {
        // The claim stays without its Node: rebuild the record, and while the claim is not
        // being deleted, garbage collection looks for its instance.
        rebuild(key, at: t)
        return claim.metadata.deletionTimestamp == nil ? [.instanceLost(key)] : []
      }
      return forgetNodeIfGone(key)
    case .pod(let pod):
      return applyPod(pod, at: t)
    case .podDeleted(let key):
      if let nodeName = pods[key]?.spec?.nodeName { podsByNodeName[nodeName]?.remove(key) }
      pods[key] = nil
      unbindPod(key, at: t)
      store.remove(pod: key)
      return []
    }
  }
}

// MARK: Nodes and NodeClaims

extension LiveCluster {
  private mutating func applyNodeClaim(_ claim: NodeClaim, at t: Double) -> [ControllerInput] {
    let name = claim.name
    let previous = nodeClaims[name]
    nodeClaims[name] = claim
    // Link the claim's Node, once it names one (or one names it by provider id).
    var linked: String?
    if let nodeName = claim.status?.nodeName, !nodeName.isEmpty, keyOfNode[nodeName] != name {
      linked = nodeName
    } else if let providerID = claim.status?.providerID,
      let node = nodes.values.first(where: { $0.spec?.providerID == providerID }), keyOfNode[node.name] != name
    {
      linked = node.name
    }
    if let linked {
      // A Node known on its own until now becomes this claim's.
      if let old = keyOfNode[linked], old != name, let record = store.remove(node: old) {
        for podKey in record.pods { store[pod: podKey]?.node = nil }
      }
      keyOfNode[linked] = name
    }
    let isNew = store[node: name] == nil
    rebuild(name, at: t)
    if let linked { bindWaitingPods(of: linked, to: name, at: t) }
    var inputs: [ControllerInput] = []
    if isNew && previous == nil {
      // Launched by this Karpenter just now, or found when it started: its expiry (and, while it
      // has not registered, its registration deadline) is tracked either way.
      inputs.append(.nodeClaimCreated(name, launched: claim.condition(NodeClaimConditionType.registered) == nil))
    }
    if claim.metadata.deletionTimestamp != nil && previous?.metadata.deletionTimestamp == nil
      && !deletionsRequested.contains(name)
    {
      // Someone else deleted the NodeClaim: the termination controller drains it.
      inputs.append(.delete(Deletion(node: name, reason: .deleted)))
    }
    inputs += lifecycleInputs(name)
    return inputs
  }

  private mutating func applyNode(_ node: Node, at t: Double) -> [ControllerInput] {
    let name = node.name
    nodes[name] = node
    let newlyLinked = keyOfNode[name] == nil
    let key: String
    if let known = keyOfNode[name] {
      key = known
    } else if let claim = nodeClaims.values.first(where: {
      $0.status?.nodeName == name || ($0.status?.providerID != nil && $0.status?.providerID == node.spec?.providerID)
        || $0.name == name
    }) {
      key = claim.name
      keyOfNode[name] = key
    } else {
      key = name
      keyOfNode[name] = key
    }
    rebuild(key, at: t)
    if newlyLinked { bindWaitingPods(of: name, to: key, at: t) }
    return lifecycleInputs(key)
  }

  /// Pods that named the Node before it was known (or before it was linked to its claim).
  private mutating func bindWaitingPods(of nodeName: String, to key: String, at t: Double) {
    for podKey in (podsByNodeName[nodeName] ?? []).sorted() where store[pod: podKey]?.node != key {
      guard let pod = pods[podKey], !pod.isTerminal, pod.metadata.deletionTimestamp == nil else { continue }
      bindPod(podKey, to: key, at: t)
    }
  }

  /// The Registered and Initialized inputs, once each, as the node gets there.
  private mutating func lifecycleInputs(_ key: String) -> [ControllerInput] {
    guard let node = store[node: key], nodeClaims[key] != nil, node.terminatingSince == nil else { return [] }
    var inputs: [ControllerInput] = []
    if node.ready && !registered.contains(key) {
      registered.insert(key)
      inputs.append(.nodeRegistered(key))
    }
    if node.ready && node.startupTaints.isEmpty && registered.contains(key) && !initialized.contains(key) {
      initialized.insert(key)
      inputs.append(.nodeInitialized(key))
    }
    return inputs
  }

  /// The record of `key` built again from its Node and NodeClaim, keeping what only Karpenter
  /// knows (nominations and the pods' room).
  private mutating func rebuild(_ key: String, at t: Double) {
    let claim = nodeClaims[key]
    let nodeName = nodeName(of: key)
    let node = nodes[nodeName].flatMap { keyOfNode[$0.name] == key ? $0 : nil }
    guard claim != nil || node != nil else { return }
    var labels = claim?.labels ?? [:]
    for (k, v) in node?.labels ?? [:] { labels[k] = v }
    let allocatableList = node?.status?.allocatable ?? node?.status?.capacity ?? claim?.status?.allocatable ?? [:]
    let allocatable = (try? store.schema.vector(allocatableList)) ?? Resources()
    let nodePool = labels[WellKnown.nodePoolLabel]
    let instanceType = labels[WellKnown.instanceTypeLabel]
    let zone = labels[WellKnown.zoneLabel]
    let capacityType = labels[WellKnown.capacityTypeLabel]
    let ready = node?.status?.condition("Ready")?.status == "True"
    let created = time(claim?.metadata.creationTimestamp ?? node?.metadata.creationTimestamp) ?? t
    var taints = node?.taints ?? claim?.spec?.taints ?? []
    if node != nil { taints += Self.conditionTaints(node!) }
    // Karpenter's own registration taint goes when it registers the node; it is no reason for
    // Karpenter's scheduler to keep pods away.
    taints.removeAll { $0.key == WellKnown.unregisteredTaintKey }
    let initializedCondition = claim?.condition(NodeClaimConditionType.initialized)?.status == "True"
    let startupTaints: [Taint] =
      initializedCondition ? [] : (claim?.spec?.startupTaints ?? []).filter { s in taints.contains { $0.matches(s) } || node == nil }
    var record = StateNode(
      name: key, nodePool: nodePool, instanceType: instanceType, zone: zone, capacityType: capacityType,
      price: price(of: instanceType, zone: zone, capacityType: capacityType, nodePool: nodePool),
      labels: labels, taints: taints, startupTaints: startupTaints, allocatable: allocatable,
      createdAt: created, ready: ready,
      launchedAt: claim == nil ? created : time(claim?.condition(NodeClaimConditionType.launched)?.lastTransitionTime),
      registeredAt: claim == nil ? created : (ready ? time(claim?.condition(NodeClaimConditionType.registered)?.lastTransitionTime) ?? t : nil),
      initializedAt: claim == nil ? created : (ready && startupTaints.isEmpty ? time(claim?.condition(NodeClaimConditionType.initialized)?.lastTransitionTime) ?? t : nil))
    if claim != nil && record.launchedAt == nil && claim?.status?.providerID != nil { record.launchedAt = created }
    record.annotations = (claim?.annotations ?? [:]).merging(node?.annotations ?? [:]) { $1 }
    record.templateHash = claim?.annotations[WellKnown.nodePoolHashAnnotation]
    record.nodeClassHash = claim?.annotations[Self.nodeClassHashAnnotation]
    record.terminatingSince = time(claim?.metadata.deletionTimestamp)
    record.drainDeadline = time(claim?.annotations[Self.terminationTimestampAnnotation])
    if let reason = claim?.condition(Self.disruptionReasonCondition), reason.status == "True" {
      record.disruption = reason.reason.flatMap(NodeRemovalReason.init(rawValue:))
    }
    if let drifted = claim?.condition("Drifted"), drifted.status == "True" {
      record.driftedBefore = "its NodeClaim is Drifted (\(drifted.reason ?? drifted.message ?? "no reason given"))"
    }
    if let old = store[node: key] {
      // Karpenter's memory and the pods' room carry over.
      record.pods = old.pods
      record.nominated = old.nominated
      record.requested = old.requested
      record.hostPorts = old.hostPorts
      record.lastPodEvent = old.lastPodEvent
      // A mark Karpenter made that the API has not echoed yet stays.
      if record.disruption == nil, old.disruption != nil, claim?.condition(Self.disruptionReasonCondition) == nil,
        awaitsEcho(key, claim)
      {
        record.disruption = old.disruption
        record.drainDeadline = old.drainDeadline
      }
      if record.terminatingSince == nil, awaitsEcho(key, claim) { record.terminatingSince = old.terminatingSince }
    } else {
      record.lastPodEvent = time(claim?.status?.lastPodEventTime) ?? created
    }
    store[node: key] = record
  }

  /// Karpenter removed the node itself (its instance terminated, its NodeClaim's finalizer
  /// gone): the record goes now; true when there was one.
  public mutating func forget(_ key: String) -> Bool {
    guard let record = store.remove(node: key) else { return false }
    for podKey in record.pods.union(record.nominated) {
      store[pod: podKey]?.node = nil
      store[pod: podKey]?.nominated = nil
    }
    // Bound pods die with the node; the pods' own deletion events follow.
    for podKey in record.pods { store.remove(pod: podKey) }
    nodeClaims[key] = nil
    for (node, k) in keyOfNode where k == key { keyOfNode[node] = nil; nodes[node] = nil }
    registered.remove(key)
    initialized.remove(key)
    deletionsRequested.remove(key)
    karpenterWrites[key] = nil
    return true
  }

  /// The pod was evicted or deleted: it no longer takes room on its node (its controller makes
  /// a new one, which arrives as a pod of its own).
  public mutating func podGone(_ key: String, at now: Date) {
    unbindPod(key, at: time(now))
    store.remove(pod: key)
  }

  /// A node (and its claim) that is gone from both: its pods lose their node, the controllers
  /// hear of it.
  private mutating func forgetNodeIfGone(_ key: String) -> [ControllerInput] {
    if nodeClaims[key] != nil { return [] }
    if let nodeName = keyOfNode.first(where: { $0.value == key })?.key, nodes[nodeName] != nil { return [] }
    guard let record = store.remove(node: key) else { return [] }
    for podKey in record.pods { store[pod: podKey]?.node = nil }
    for podKey in record.nominated { store[pod: podKey]?.nominated = nil }
    registered.remove(key)
    initialized.remove(key)
    deletionsRequested.remove(key)
    karpenterWrites[key] = nil
    return [.nodeRemoved(key, reason: record.disruption)]
  }
}
