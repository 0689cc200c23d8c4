import Controllers
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The parts of the NodeClaim lifecycle that are about failure: a node that never registers,
/// an instance that disappears, a replacement that never initializes.
extension Simulation {
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
