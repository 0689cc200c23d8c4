import KubernetesAPI

/// A node as the kube-scheduler stand-in weighs it: its labels, taints and allocatable, and
/// the room and host ports its pods already take. Pods still terminating count, as they do
/// for the real scheduler until the kubelet has removed them; pods that have finished do not.
struct NodeUsage {
  var name: String
  var labels: [String: String]
  var taints: [Taint]
  var unschedulable: Bool
  var ready: Bool
  var allocatable: ResourceList
  /// The requests of the pods on the node, with `pods` counting them.
  var requested: ResourceList = [:]
  var hostPorts: [HostPort] = []

  init(_ node: Node) {
    name = node.name
    labels = node.labels
    taints = node.taints
    unschedulable = node.spec?.unschedulable == true
    ready = node.isReady
    allocatable = node.status?.allocatable ?? node.status?.capacity ?? [:]
  }

  /// Charges a pod placed on the node.
  mutating func add(_ pod: Pod) {
    requested = requested + PodDemand.requests(pod)
    hostPorts += pod.hostPorts
  }
}

/// What a pod asks of a node: its effective requests (containers, init containers, overhead)
/// and one `pods` slot.
enum PodDemand {
  static func requests(_ pod: Pod) -> ResourceList {
    var r = pod.effectiveRequests
    r[ResourceName.pods] = (r[ResourceName.pods] ?? .zero) + Quantity(1)
    return r
  }
}
