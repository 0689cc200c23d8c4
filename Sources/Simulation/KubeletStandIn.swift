import Controllers
import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The kubelet stand-in: a launched node registers and becomes Ready after `nodeStartup`, and
/// its startup taints go after `startupTaintsRemovedAfter`; an instance that vanished leaves its
/// Node NotReady.
extension Simulation {
  /// The node registered and became Ready: pods that tolerate its startup taints may bind now.
  /// It is Initialized once the daemons remove its startup taints (at once unless the Scenario
  /// says they take a while).
  mutating func nodeBecameReady(_ name: String) {
    // A vanished instance never reports Ready.
    guard store[node: name] != nil, store[node: name]!.instanceGoneAt == nil else { return }
    store[node: name]!.ready = true
    store[node: name]!.registeredAt = now
    record(SimulationEvent(time: now, type: .nodeReady, node: name, pod: nil, reason: nil))
    deliver(.nodeRegistered(name))
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
    lastActivity = now
    scheduleKubeScheduler(at: now)
    deliver(.nodeInitialized(name))
  }

  /// An instance terminated outside Karpenter, with no interruption message: the cost stops now
  /// and the Node goes NotReady; garbage collection notices at its next two-minute pass.
  mutating func instanceTerminated(_ name: String) {
    // Only NodeClaims' instances: the cloud knows nothing of nodes Karpenter does not manage.
    guard let node = store[node: name], node.nodePool != nil, node.instanceGoneAt == nil else { return }
    cloud.ec2.lose(name)
    if node.initializedAt == nil { awaitingInitialization -= 1 }
    store[node: name]!.instanceGoneAt = now
    store[node: name]!.ready = false
    lastActivity = now
    deliver(.instanceLost(name))
  }
}
