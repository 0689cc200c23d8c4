import APIServer
import KubernetesAPI

/// What the stand-ins know of the cluster: the objects they act on, decoded once per change
/// and kept current from the store's watch events (an informer in all but name), with the
/// indexes that keep a pass proportional to what changed: pods by node and by owner, the
/// pending pods, and the room each node's pods take.
struct ClusterCache {
  /// An object as decoded, with the JSON it came from (templates are copied from the JSON, so
  /// that fields this project does not model reach the pods).
  struct Cached<Object: Sendable>: Sendable {
    var object: Object
    var json: JSON
  }

  /// The resource version of the last change applied.
  var resourceVersion = 0

  var nodes: [String: Node] = [:]
  /// Pods by `namespace/name`.
  var pods: [String: Pod] = [:]
  var deployments: [String: Cached<Deployment>] = [:]
  var replicaSets: [String: Cached<ReplicaSet>] = [:]
  var statefulSets: [String: Cached<StatefulSet>] = [:]
  var jobs: [String: Cached<Job>] = [:]
  var daemonSets: [String: Cached<DaemonSet>] = [:]

  /// Pods bound to each node (the node need not exist: that is what pod GC looks for).
  private(set) var podsByNode: [String: Set<String>] = [:]
  /// Pods by the workload their controller reference names.
  private(set) var podsByOwner: [WorkloadKey: Set<String>] = [:]
  /// ReplicaSets by the Deployment that controls them.
  private(set) var replicaSetsByOwner: [WorkloadKey: Set<String>] = [:]
  /// Pods the scheduler should place.
  private(set) var pending: Set<String> = []
  /// Pods on nodes with required pod anti-affinity: while there are any, the scheduler checks
  /// every placement against them.
  private(set) var antiAffinityPods: Set<String> = []
  /// What the pods bound to each node request, `pods` included, and the host ports they take.
  private(set) var requested: [String: ResourceList] = [:]
  private(set) var hostPorts: [String: [HostPort]] = [:]

  /// What changed since the stand-ins last ran.
  var changes = Changes()
  /// How many objects have been decoded, all told: the measure of the cache's work, which
  /// follows the changes rather than the size of the cluster.
  private(set) var decodedObjects = 0
  /// Objects the cache could not decode, by `resource namespace/name`, with the reason: they
  /// are left alone rather than guessed at.
  private(set) var undecodable: [String: String] = [:]

  /// The work the changes call for.
  struct Changes {
    var workloads: Set<WorkloadKey> = []
    /// Nodes the kubelet stand-in should look at (registration).
    var nodes: Set<String> = []
    /// Pods the kubelet stand-in and pod GC should look at.
    var boundPods: Set<String> = []
    /// A node or a node's room changed: every pending pod may fit somewhere now.
    var scheduling = false
    /// Pods that became pending (or whose spec changed while pending): only they need a look
    /// when nothing else changed, as kube-scheduler's queue holds unschedulable pods back until
    /// a cluster event may help them. A pending pod's own status write is no such event.
    var newPending: Set<String> = []
    /// A node came, went or changed labels, taints or readiness: DaemonSets re-evaluate.
    var nodeSet = false
    /// Namespaces whose pods or PodDisruptionBudgets changed: their budgets' status is
    /// recomputed.
    var budgetNamespaces: Set<String> = []
  }

  static func key(namespace: String?, name: String) -> String {
    guard let namespace, !namespace.isEmpty else { return name }
    return "\(namespace)/\(name)"
  }

  /// The resources the cache follows, as (group, plural).
  static let followed: [(group: String, plural: String)] = [
    ("", "nodes"), ("", "pods"), ("apps", "deployments"), ("apps", "replicasets"),
    ("apps", "statefulsets"), ("apps", "daemonsets"), ("batch", "jobs"), ("policy", "poddisruptionbudgets"),
  ]

  // MARK: - Applying changes

  /// Applies one stored object's new state (`object`) or its removal (`object == nil`).
  mutating func apply(group: String, plural: String, name: String, namespace: String?, object: JSON?) {
    let key = Self.key(namespace: namespace, name: name)
    let label = "\(plural) \(key)"
    undecodable[label] = nil
    if object != nil { decodedObjects += 1 }
    do {
      switch (group, plural) {
      case ("", "pods"): setPod(key, try object.map { try JSONValueDecoder.decode(Pod.self, from: $0) })
      case ("", "nodes"): setNode(name, try object.map { try JSONValueDecoder.decode(Node.self, from: $0) })
      case ("policy", "poddisruptionbudgets"):
        if let namespace { changes.budgetNamespaces.insert(namespace) }
      case ("apps", "deployments"):
        deployments[key] = try object.map {
          Cached(object: try JSONValueDecoder.decode(Deployment.self, from: $0), json: $0)
        }
        changes.workloads.insert(
          WorkloadKey(kind: .deployment, namespace: namespace ?? "default", name: name))
      case ("apps", "replicasets"):
        setReplicaSet(
          key,
          try object.map { Cached(object: try JSONValueDecoder.decode(ReplicaSet.self, from: $0), json: $0) })
        changes.workloads.insert(
          WorkloadKey(kind: .replicaSet, namespace: namespace ?? "default", name: name))
      case ("apps", "statefulsets"):
        statefulSets[key] = try object.map {
          Cached(object: try JSONValueDecoder.decode(StatefulSet.self, from: $0), json: $0)
        }
        changes.workloads.insert(
          WorkloadKey(kind: .statefulSet, namespace: namespace ?? "default", name: name))
      case ("apps", "daemonsets"):
        daemonSets[key] = try object.map {
          Cached(object: try JSONValueDecoder.decode(DaemonSet.self, from: $0), json: $0)
        }
        changes.workloads.insert(WorkloadKey(kind: .daemonSet, namespace: namespace ?? "default", name: name))
      case ("batch", "jobs"):
        jobs[key] = try object.map {
          Cached(object: try JSONValueDecoder.decode(Job.self, from: $0), json: $0)
        }
        changes.workloads.insert(WorkloadKey(kind: .job, namespace: namespace ?? "default", name: name))
      default: return
      }
    } catch {
      undecodable[label] = "\(error)"
      // What cannot be read is forgotten, so no decision rests on a stale copy.
      apply(group: group, plural: plural, name: name, namespace: namespace, object: nil)
      undecodable[label] = "\(error)"
    }
  }

  private mutating func setPod(_ key: String, _ pod: Pod?) {
    if let old = pods[key] {
      unindex(key, old)
      changes.budgetNamespaces.insert(old.namespace)
    }
    if let pod { changes.budgetNamespaces.insert(pod.namespace) }
    let old = pods[key]
    pods[key] = pod
    if let pod {
      let alreadyQueued = changes.newPending.contains(key)
      index(key, pod)
      // Still pending with the same spec (the scheduler's own condition write): not news.
      if let old, !alreadyQueued, KubeSchedulerStandIn.isPending(old), KubeSchedulerStandIn.isPending(pod),
        old.spec == pod.spec, old.metadata.labels == pod.metadata.labels
      {
        changes.newPending.remove(key)
      }
    }
  }

  /// True when the pod takes room on its node: bound and not finished (a pod being deleted
  /// still runs until the kubelet has stopped it).
  static func takesRoom(_ pod: Pod) -> Bool { pod.isScheduled && !pod.isTerminal }

  private mutating func index(_ key: String, _ pod: Pod) {
    if let owner = WorkloadKey.controller(of: pod.metadata) {
      podsByOwner[owner, default: []].insert(key)
      changes.workloads.insert(owner)
    }
    if KubeSchedulerStandIn.isPending(pod) {
      pending.insert(key)
      changes.newPending.insert(key)
    }
    if let node = pod.spec?.nodeName, !node.isEmpty {
      podsByNode[node, default: []].insert(key)
      changes.boundPods.insert(key)
      if Self.takesRoom(pod) {
        requested[node] = (requested[node] ?? [:]) + PodDemand.requests(pod)
        hostPorts[node, default: []] += pod.hostPorts
        if !(pod.spec?.affinity?.podAntiAffinity?.required ?? []).isEmpty { antiAffinityPods.insert(key) }
      }
    }
  }

  private mutating func unindex(_ key: String, _ pod: Pod) {
    if let owner = WorkloadKey.controller(of: pod.metadata) {
      podsByOwner[owner]?.remove(key)
      if podsByOwner[owner]?.isEmpty == true { podsByOwner[owner] = nil }
      changes.workloads.insert(owner)
    }
    pending.remove(key)
    changes.newPending.remove(key)
    antiAffinityPods.remove(key)
    if let node = pod.spec?.nodeName, !node.isEmpty {
      podsByNode[node]?.remove(key)
      if podsByNode[node]?.isEmpty == true { podsByNode[node] = nil }
      if Self.takesRoom(pod) {
        var left = requested[node] ?? [:]
        for (name, q) in PodDemand.requests(pod) { left[name] = (left[name] ?? .zero) - q }
        requested[node] = left
        var ports = hostPorts[node] ?? []
        for p in pod.hostPorts {
          if let i = ports.firstIndex(of: p) { ports.remove(at: i) }
        }
        hostPorts[node] = ports
        changes.scheduling = true
      }
    }
  }

  private mutating func setNode(_ name: String, _ node: Node?) {
    let old = nodes[name]
    nodes[name] = node
    changes.nodes.insert(name)
    changes.scheduling = true
    if old?.labels != node?.labels || old?.taints != node?.taints || old?.isReady != node?.isReady
      || old?.spec?.unschedulable != node?.spec?.unschedulable || (old == nil) != (node == nil)
    {
      changes.nodeSet = true
    }
    if node == nil || old?.isReady != node?.isReady {
      // Its pods are orphans now (pod GC looks at them), or its kubelet starts or stops.
      changes.boundPods.formUnion(podsByNode[name] ?? [])
    }
    if node == nil {
      requested[name] = nil
      hostPorts[name] = nil
    }
  }

  private mutating func setReplicaSet(_ key: String, _ rs: Cached<ReplicaSet>?) {
    if let old = replicaSets[key], let owner = WorkloadKey.controller(of: old.object.metadata) {
      replicaSetsByOwner[owner]?.remove(key)
      changes.workloads.insert(owner)
    }
    replicaSets[key] = rs
    if let rs, let owner = WorkloadKey.controller(of: rs.object.metadata) {
      replicaSetsByOwner[owner, default: []].insert(key)
      changes.workloads.insert(owner)
    }
  }

  /// Forgets everything, before a full list.
  mutating func reset() {
    let decoded = decodedObjects
    self = ClusterCache()
    decodedObjects = decoded
  }

  // MARK: - Reading

  /// The node as the scheduler weighs it, with its pods' requests and ports.
  func usage(of name: String) -> NodeUsage? {
    guard let node = nodes[name] else { return nil }
    var u = NodeUsage(node)
    // Requests of pods whose node was recreated still count against the new node, as for the
    // real scheduler, whose cache keeps pods by node name.
    u.requested = requested[name] ?? [:]
    u.hostPorts = hostPorts[name] ?? []
    return u
  }

  /// The pods a workload controls, in name order.
  func pods(ownedBy owner: WorkloadKey, uid: String?) -> [(key: String, pod: Pod)] {
    (podsByOwner[owner] ?? []).sorted().compactMap { key in
      guard let pod = pods[key] else { return nil }
      // A pod of an earlier object of the same name is not this one's.
      if let uid, let ref = pod.controllerOwner?.uid, ref != uid { return nil }
      return (key, pod)
    }
  }

  /// The ReplicaSets a Deployment controls, in name order.
  func replicaSets(ownedBy owner: WorkloadKey, uid: String?) -> [Cached<ReplicaSet>] {
    (replicaSetsByOwner[owner] ?? []).sorted().compactMap { key in
      guard let rs = replicaSets[key] else { return nil }
      let ref = rs.object.metadata.ownerReferences?.first { $0.controller == true }
      if let uid, let refUID = ref?.uid, refUID != uid { return nil }
      return rs
    }
  }

  /// The pending pods in the scheduling queue's order.
  var pendingPods: [Pod] {
    pending.compactMap { pods[$0] }.sorted(by: KubeSchedulerStandIn.queueOrder)
  }

  /// The pending pods among `keys`, in queue order.
  func pendingPods(among keys: Set<String>) -> [Pod] {
    keys.filter { pending.contains($0) }.compactMap { pods[$0] }.sorted(by: KubeSchedulerStandIn.queueOrder)
  }

  /// The pods on each node, for inter-pod constraints: nil when no pending pod has such
  /// constraints and no placed pod has anti-affinity, so the usual pass skips the work.
  var placedPods: [String: [PlacedPod]]? {
    let needed =
      !antiAffinityPods.isEmpty || pending.contains { pods[$0].map(PodTopologyFilters.constrains) ?? false }
    guard needed else { return nil }
    var out: [String: [PlacedPod]] = [:]
    for name in nodes.keys {
      out[name] = pods(on: name).filter { !$0.pod.isTerminal }.map { PlacedPod($0.pod) }
    }
    return out
  }

  /// Pods bound to `node`, in key order.
  func pods(on node: String) -> [(key: String, pod: Pod)] {
    (podsByNode[node] ?? []).sorted().compactMap { key in pods[key].map { (key, $0) } }
  }
}
