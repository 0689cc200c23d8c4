import Controllers
import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The kube-scheduler stand-in: it sees what a real one sees (bound pods and Ready nodes with
/// their taints, including startup taints) plus Karpenter's nominations, an explicit hint it
/// tries first, as kube-scheduler honours a pod's nominated node.
extension Simulation {
  /// Binds pending pods to Ready nodes that can host them (resources, taints, affinity,
  /// topology spread, host ports), trying the node Karpenter nominated first.
  mutating func runKubeScheduler() {
    // The pending pods (only the unbound are visited: most of a large cluster is bound).
    let pendingKeys = store.unboundPods.filter { key in
      let p = store.pods[key]!
      return !p.isDaemon && p.pendingReason?.isSchedulable != false
    }
    let readyNodes =
      pendingKeys.isEmpty
      ? [] : store.nodeNames.compactMap { store[node: $0]!.ready ? store[node: $0]! : nil }
    // With no node Ready there is nowhere to bind: the pods are neither copied nor solved for.
    if !readyNodes.isEmpty {
      let pending = pendingKeys.sorted().map { store[pod: $0]! }
      var nominations: [Int: String] = [:]
      let schedulingPods = pending.enumerated().map { i, p in
        if let n = p.nominated { nominations[i] = n }
        return SchedulingPod(
          index: i, pod: p.pod, requests: p.requests, volumeRequirements: p.volumeRequirements)
      }
      // The running pods only count in topology groups: with no pod carrying a rule, none is copied.
      let withPods = !store.podsWithTopologyRules.isEmpty
      var input = SchedulingInput(
        nodePools: [], instanceTypes: [],
        existingNodes: readyNodes.map { store.existingNode($0, includeNominated: false, withPods: withPods) },
        pods: schedulingPods, packing: .firstFit, nominations: nominations)
      input.skewRule = .kubeScheduler
      let result = Scheduler.solve(input)
      // In key order: `pending` is, so its indices are.
      for (i, nodeName) in result.existingPlacements.sorted(by: { $0.key < $1.key }) {
        bind(pending[i].key, to: nodeName)
      }
    }
    if store.unboundPods.contains(where: { store.pods[$0]!.awaitingProvisioner }) {
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
}
