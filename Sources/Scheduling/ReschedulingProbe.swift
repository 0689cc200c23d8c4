import KarpenterAPI
import KubernetesAPI

/// Answers "where would these pods go if those nodes were gone?" many times over one cluster,
/// which is what consolidation asks for every candidate.
///
/// The cluster (nodes, running pods, topology counts, NodePools and their instance types) is
/// prepared once; each question copies that state, takes the removed nodes and their pods out
/// of it, and schedules the pods.
public struct ReschedulingProbe: Sendable {
  private let base: SchedulerRun
  private let podsBySlot: [Int: [Pod]]

  public init(_ input: SchedulingInput) {
    var run = SchedulerRun(
      SchedulingInput(
        nodePools: input.nodePools, instanceTypes: input.instanceTypes, existingNodes: input.existingNodes,
        pods: [], daemonSets: input.daemonSets, packing: input.packing))
    run.resourceNames = input.resourceNames
    var bySlot: [Int: [Pod]] = [:]
    for (s, slot) in run.slots.enumerated() { bySlot[s] = slot.node.pods }
    // The running pods are the ones questions move: what every question would work out again
    // for them (compatibility with the instance types, nodes that can never take them) is
    // worked out once here, for one pod of each controller and labels (its replicas are alike;
    // a replica that is not is worked out by the question that moves it, as preparing is only
    // a head start). In slot order, so that the run's numbering does not depend on dictionary
    // order.
    var seen = Set<ReplicaKey>()
    for s in run.slots.indices {
      guard let running = bySlot[s] else { continue }
      for p in running.indices where !running[p].isDaemonSetPod {
        if let key = ReplicaKey(running[p]), !seen.insert(key).inserted { continue }
        var pod = running[p]
        pod.spec?.nodeName = nil
        run.prepare(SchedulingPod(index: -1, pod: pod, requests: Resources()))
      }
    }
    base = run
    podsBySlot = bySlot
  }

  /// Schedules `pods` on the cluster without the nodes named in `removing` (whose own pods are
  /// taken out of the topology counts), allowing new NodeClaims from the NodePools.
  /// `improve` runs the cost-aware passes on the result; consolidation leaves them off: it only
  /// asks whether the pods fit with at most one new node, and the launch picks its cheapest
  /// type anyway.
  public func simulate(removing: Set<String>, pods: [SchedulingPod], improve: Bool = false)
    -> SchedulingResult
  {
    var run = base
    run.pods = pods
    // Only the removed nodes are visited (in slot order, as before): a question costs what it
    // removes, not the size of the cluster.
    for s in removing.compactMap({ base.slotByName[$0] }).sorted() {
      run.excludedSlots.insert(s)
      let (name, labels) = (run.slots[s].node.name, run.slots[s].node.labels)
      for pod in podsBySlot[s] ?? [] {
        let own = run.topology.groups(ofRunning: pod)
        run.topology.recordExisting(
          namespace: pod.metadata.namespace ?? "default", labels: pod.metadata.labels ?? [:], own: own,
          node: name, nodeLabels: labels, by: -1)
      }
    }
    run.schedule()
    if improve && run.packing == .costAware { run.improveCost() }
    return run.result()
  }
}

/// Pods made by one controller with the same labels: replicas, judged alike by the scheduler.
private struct ReplicaKey: Hashable {
  var namespace: String?
  var controller: String
  var labels: [String: String]?

  /// Nil for a pod no controller owns.
  init?(_ pod: Pod) {
    guard let owner = pod.metadata.ownerReferences?.first(where: { $0.controller == true }) else {
      return nil
    }
    namespace = pod.metadata.namespace
    controller = owner.uid ?? "\(owner.kind)/\(owner.name)"
    labels = pod.metadata.labels
  }
}
