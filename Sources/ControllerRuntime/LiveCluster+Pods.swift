import Controllers
import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling

// MARK: Pods

extension LiveCluster {
  /// A pod as the API reports it. Bound pods take room on their node; a pending pod enters
  /// Karpenter's view once the kube-scheduler found no node for it (its PodScheduled condition
  /// False with reason Unschedulable), as upstream's provisioner only looks at such pods.
  mutating func applyPod(_ pod: Pod, at t: Double) -> [ControllerInput] {
    let key = "\(pod.namespace)/\(pod.name)"
    if let old = pods[key]?.spec?.nodeName, old != pod.spec?.nodeName { podsByNodeName[old]?.remove(key) }
    pods[key] = pod
    if let nodeName = pod.spec?.nodeName, !nodeName.isEmpty { podsByNodeName[nodeName, default: []].insert(key) }
    if pod.isTerminal || (pod.metadata.deletionTimestamp != nil && pod.spec?.nodeName?.isEmpty == false) {
      // Finished, or terminating on its node (the kubelet is stopping it): it holds nothing
      // Karpenter plans with.
      unbindPod(key, at: t)
      store.remove(pod: key)
      return []
    }
    if let nodeName = pod.spec?.nodeName, !nodeName.isEmpty {
      ensurePod(key, pod)
      store[pod: key]!.pod = pod
      store[pod: key]!.pendingReason = nil
      store[pod: key]!.awaitingProvisioner = false
      if let nodeKey = keyOfNode[nodeName], store[node: nodeKey] != nil {
        if store[pod: key]!.node != nodeKey { bindPod(key, to: nodeKey, at: t) }
      } else {
        // Bound to a node not known yet: it binds when the node arrives.
        store.remove(pod: key)
      }
      return []
    }
    if pod.metadata.deletionTimestamp != nil || !Self.isUnschedulable(pod) {
      if let record = store[pod: key], let nominated = record.nominated, pod.metadata.deletionTimestamp != nil {
        store[node: nominated]?.unhold(key, record.requests)
      }
      if pod.metadata.deletionTimestamp != nil || store[pod: key]?.nominated == nil { store.remove(pod: key) }
      return []
    }
    let isNew = store[pod: key] == nil
    ensurePod(key, pod)
    store[pod: key]!.pod = pod
    if isNew {
      store[pod: key]!.awaitingProvisioner = true
      return [.provisioningRequested]
    }
    return []
  }

  /// The pod's record, made with its requests as a vector when it is new.
  private mutating func ensurePod(_ key: String, _ pod: Pod) {
    guard store[pod: key] == nil else { return }
    var list = pod.effectiveRequests
    list[ResourceName.pods] = (list[ResourceName.pods] ?? .zero) + Quantity(1)
    let requests = (try? store.schema.vector(list)) ?? Resources()
    var record = StatePod(
      pod: pod, requests: requests, volumeRequirements: Requirements(), isDaemon: pod.isDaemonSetPod)
    record.createdAt = time(pod.metadata.creationTimestamp) ?? 0
    store[pod: key] = record
  }

  mutating func bindPod(_ key: String, to nodeKey: String, at t: Double) {
    guard let record = store[pod: key] else {
      if let pod = pods[key] {
        ensurePod(key, pod)
        bindPod(key, to: nodeKey, at: t)
      }
      return
    }
    if let old = record.node, old != nodeKey {
      store[node: old]?.unbind(key, record.requests, hostPorts: record.pod.hostPorts, at: t)
    }
    if let nominated = record.nominated, nominated != nodeKey {
      store[node: nominated]?.unhold(key, record.requests)
    }
    store[pod: key]!.node = nodeKey
    store[pod: key]!.nominated = nil
    store[node: nodeKey]?.bind(key, record.requests, hostPorts: record.pod.hostPorts, at: t)
  }

  mutating func unbindPod(_ key: String, at t: Double) {
    guard let record = store[pod: key] else { return }
    if let node = record.node {
      store[node: node]?.unbind(key, record.requests, hostPorts: record.pod.hostPorts, at: t)
    }
    if let nominated = record.nominated {
      store[node: nominated]?.unhold(key, record.requests)
    }
  }

  /// kube-scheduler tried and found no node: upstream's `IsProvisionable`.
  static func isUnschedulable(_ pod: Pod) -> Bool {
    pod.status?.conditions?.contains { $0.type == "PodScheduled" && $0.status == "False" && $0.reason == "Unschedulable" }
      ?? false
  }
}

// MARK: Karpenter's own writes

extension LiveCluster {
  /// Karpenter is writing a mark (disrupted, terminating) on the NodeClaim: until the API
  /// reports the claim at the write's resourceVersion or later, older reports keep the mark.
  public mutating func writing(_ key: String) { karpenterWrites[key] = Int.max }

  /// The write landed as `resourceVersion` (nil: it failed, and the API's word counts again).
  public mutating func wrote(_ key: String, resourceVersion: String?) {
    karpenterWrites[key] = resourceVersion.flatMap(Int.init)
  }

  func awaitsEcho(_ key: String, _ claim: NodeClaim?) -> Bool {
    guard let written = karpenterWrites[key] else { return false }
    guard let seen = claim?.metadata.resourceVersion.flatMap(Int.init) else { return true }
    return seen < written
  }
}

// MARK: Helpers

extension LiveCluster {
  static let disruptionReasonCondition = "DisruptionReason"
  static let terminationTimestampAnnotation = "karpenter.sh/nodeclaim-termination-timestamp"
  static let nodeClassHashAnnotation = "karpenter.k8s.aws/ec2nodeclass-hash"

  /// What the instance costs, from the provider's instance types as the NodePool sees them.
  func price(of instanceType: String?, zone: String?, capacityType: String?, nodePool: String?) -> Double {
    guard let instanceType, let type = store.instanceTypes.instanceType(named: instanceType, nodePool: nodePool)
    else { return 0 }
    return type.offerings.first { $0.zone == zone && $0.capacityType == capacityType }?.price ?? 0
  }

  /// The taints the node lifecycle controller puts on a cordoned or not-Ready Node, when the
  /// Node does not show them yet.
  static func conditionTaints(_ node: Node) -> [Taint] {
    var out: [Taint] = []
    let keys = Set(node.taints.map(\.key))
    if node.spec?.unschedulable == true, !keys.contains(WellKnown.unschedulableTaintKey) {
      out.append(Taint(key: WellKnown.unschedulableTaintKey, effect: "NoSchedule"))
    }
    return out
  }

}

extension NodeClaim {
  /// The condition of that type, if the claim has it.
  public func condition(_ type: String) -> Condition? {
    status?.conditions?.first { $0.type == type }
  }
}
