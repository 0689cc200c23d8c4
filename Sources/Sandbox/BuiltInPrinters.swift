import APIServer
import Foundation

/// kube-apiserver's printer for Pods (pkg/printers/internalversion `printPod`), the parts a
/// sandbox pod shows: READY as ready/total containers, STATUS as the phase or the reason that
/// says more, RESTARTS, AGE; -o wide adds IP, NODE, NOMINATED NODE, READINESS GATES.
enum PodPrinter {
  static let columns: [TableColumn] = [
    TableColumn("Ready", description: "The aggregate readiness state of this pod for accepting traffic.", cell: { o, _ in .string(ready(o)) }),
    TableColumn("Status", description: "The aggregate status of the containers in this pod.", cell: { o, _ in .string(status(o)) }),
    TableColumn("Restarts", description: "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.", cell: { o, _ in .string(String(restarts(o))) }),
    TableColumns.age,
    TableColumn("IP", priority: 1, description: "The IP address assigned to the pod", cell: { o, _ in TableColumns.orNone(o[path: ["status", "podIP"]]) }),
    TableColumn("Node", priority: 1, description: "The name of the node where the pod is running", cell: { o, _ in TableColumns.orNone(o[path: ["spec", "nodeName"]]) }),
    TableColumn("Nominated Node", priority: 1, description: "The name of the node where the pod is nominated", cell: { o, _ in TableColumns.orNone(o[path: ["status", "nominatedNodeName"]]) }),
    TableColumn("Readiness Gates", priority: 1, description: "The readiness gates of the pod", cell: { o, _ in readinessGates(o) }),
  ]

  static func ready(_ pod: JSON) -> String {
    let total = pod[path: ["spec", "containers"]]?.array?.count ?? 0
    let statuses = pod[path: ["status", "containerStatuses"]]?.array ?? []
    let ready = statuses.filter { $0["ready"]?.bool == true }.count
    return "\(ready)/\(total)"
  }

  static func restarts(_ pod: JSON) -> Int64 {
    (pod[path: ["status", "containerStatuses"]]?.array ?? []).reduce(0) { $0 + ($1["restartCount"]?.int ?? 0) }
  }

  /// The phase, or the reason that explains it better: the pod's own reason (Evicted), a
  /// container waiting (ContainerCreating) or terminated (Completed, Error), Terminating
  /// while it is being deleted.
  static func status(_ pod: JSON) -> String {
    var reason = pod[path: ["status", "phase"]]?.string ?? "Pending"
    if let podReason = pod[path: ["status", "reason"]]?.string, !podReason.isEmpty { reason = podReason }
    for container in pod[path: ["status", "containerStatuses"]]?.array ?? [] {
      if let waiting = container[path: ["state", "waiting", "reason"]]?.string, !waiting.isEmpty {
        reason = waiting
      } else if let terminated = container[path: ["state", "terminated"]] {
        if let r = terminated["reason"]?.string, !r.isEmpty {
          reason = r
        } else if let code = terminated["exitCode"]?.int {
          reason = "ExitCode:\(code)"
        }
      }
    }
    if pod[path: ["metadata", "deletionTimestamp"]] != nil, pod[path: ["status", "reason"]]?.string != "NodeLost" {
      reason = "Terminating"
    }
    return reason
  }

  static func readinessGates(_ pod: JSON) -> JSON {
    let gates = pod[path: ["spec", "readinessGates"]]?.array ?? []
    guard !gates.isEmpty else { return "<none>" }
    let conditions = pod[path: ["status", "conditions"]]?.array ?? []
    let met = gates.filter { gate in
      conditions.contains { $0["type"] == gate["conditionType"] && $0["status"]?.string == "True" }
    }.count
    return .string("\(met)/\(gates.count)")
  }
}

/// kube-apiserver's printer for Nodes: STATUS from the Ready condition (with
/// SchedulingDisabled when cordoned), ROLES from `node-role.kubernetes.io/*` labels, VERSION
/// the kubelet's; -o wide adds the addresses and node info.
enum NodePrinter {
  static let columns: [TableColumn] = [
    TableColumn("Status", description: "The status of the node", cell: { o, _ in .string(status(o)) }),
    TableColumn("Roles", description: "The roles of the node", cell: { o, _ in .string(roles(o)) }),
    TableColumns.age,
    TableColumn("Version", description: "Kubelet Version reported by the node.", cell: { o, _ in .string(o[path: ["status", "nodeInfo", "kubeletVersion"]]?.string ?? "") }),
    TableColumn("Internal-IP", priority: 1, description: "List of internal IPs in the addresses.", cell: { o, _ in address(o, "InternalIP") }),
    TableColumn("External-IP", priority: 1, description: "List of external IPs in the addresses.", cell: { o, _ in address(o, "ExternalIP") }),
    TableColumn("OS-Image", priority: 1, description: "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", cell: { o, _ in TableColumns.orNone(o[path: ["status", "nodeInfo", "osImage"]]) }),
    TableColumn("Kernel-Version", priority: 1, description: "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", cell: { o, _ in TableColumns.orNone(o[path: ["status", "nodeInfo", "kernelVersion"]]) }),
    TableColumn("Container-Runtime", priority: 1, description: "Container runtime version reported by the node through runtime remote API (e.g. containerd://1.4.2).", cell: { o, _ in TableColumns.orNone(o[path: ["status", "nodeInfo", "containerRuntimeVersion"]]) }),
  ]

  static func status(_ node: JSON) -> String {
    var parts: [String] = []
    switch TableColumns.condition(node, "Ready").string {
    case "True": parts.append("Ready")
    case "False": parts.append("NotReady")
    default: parts.append("Unknown")
    }
    if node[path: ["spec", "unschedulable"]]?.bool == true { parts.append("SchedulingDisabled") }
    return parts.joined(separator: ",")
  }

  static func roles(_ node: JSON) -> String {
    let labels = node[path: ["metadata", "labels"]]?.object ?? [:]
    var roles: [String] = []
    for key in labels.keys.sorted() {
      if key.hasPrefix("node-role.kubernetes.io/") {
        let role = key.dropFirst("node-role.kubernetes.io/".count)
        if !role.isEmpty { roles.append(String(role)) }
      } else if key == "kubernetes.io/role", let role = labels[key]?.string, !role.isEmpty {
        roles.append(role)
      }
    }
    return roles.isEmpty ? "<none>" : roles.joined(separator: ",")
  }

  static func address(_ node: JSON, _ type: String) -> JSON {
    let matching = (node[path: ["status", "addresses"]]?.array ?? []).filter { $0["type"]?.string == type }
      .compactMap { $0["address"]?.string }
    return matching.isEmpty ? "<none>" : .string(matching.joined(separator: ","))
  }
}

/// kube-apiserver's printer for Deployments: READY as ready/desired, UP-TO-DATE, AVAILABLE,
/// AGE; -o wide adds CONTAINERS, IMAGES, SELECTOR.
enum DeploymentPrinter {
  static let columns: [TableColumn] = [
    TableColumn("Ready", description: "Number of the pod with ready state", cell: { o, _ in
      let desired = o[path: ["spec", "replicas"]]?.int ?? 1
      let ready = o[path: ["status", "readyReplicas"]]?.int ?? 0
      return .string("\(ready)/\(desired)")
    }),
    TableColumn("Up-to-date", type: "integer", description: "Total number of non-terminated pods targeted by this deployment that have the desired template spec.", cell: { o, _ in .int(o[path: ["status", "updatedReplicas"]]?.int ?? 0) }),
    TableColumn("Available", type: "integer", description: "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.", cell: { o, _ in .int(o[path: ["status", "availableReplicas"]]?.int ?? 0) }),
    TableColumns.age,
    TableColumn("Containers", priority: 1, description: "Names of each container in the template.", cell: { o, _ in containers(o, "name") }),
    TableColumn("Images", priority: 1, description: "Images referenced by each container in the template.", cell: { o, _ in containers(o, "image") }),
    TableColumn("Selector", priority: 1, description: "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", cell: { o, _ in .string(selector(o)) }),
  ]

  static func containers(_ deployment: JSON, _ field: String) -> JSON {
    let containers = deployment[path: ["spec", "template", "spec", "containers"]]?.array ?? []
    return .string(containers.compactMap { $0[field]?.string }.joined(separator: ","))
  }

  static func selector(_ deployment: JSON) -> String {
    let selector = deployment[path: ["spec", "selector"]]
    var parts: [String] = []
    for (key, value) in (selector?["matchLabels"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
      parts.append("\(key)=\(value.string ?? "")")
    }
    for expression in selector?["matchExpressions"]?.array ?? [] {
      let key = expression["key"]?.string ?? ""
      let values = (expression["values"]?.array ?? []).compactMap(\.string).joined(separator: ",")
      switch expression["operator"]?.string {
      case "In": parts.append("\(key) in (\(values))")
      case "NotIn": parts.append("\(key) notin (\(values))")
      case "Exists": parts.append(key)
      case "DoesNotExist": parts.append("!\(key)")
      default: continue
      }
    }
    return parts.isEmpty ? "<none>" : parts.joined(separator: ",")
  }
}
