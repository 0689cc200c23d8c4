import Foundation

/// The server-side printers of the built-in kinds (k8s.io/kubernetes/pkg/printers/internalversion)
/// and Karpenter's CRD printer columns, kept to the columns users read.
enum BuiltInColumns {
  static func columns(for type: ResourceType) -> [PrinterColumn]? {
    switch (type.group, type.kind) {
    case ("", "Pod"): return pod
    case ("", "Node"): return node
    case ("", "Namespace"): return [.name, .text("Status", ["status", "phase"]), .age]
    case ("", "ConfigMap"):
      return [
        .name,
        PrinterColumn("Data", type: "integer") { o, _ in
          .int(Int64(o["data"]?.object?.count ?? 0) + Int64(o["binaryData"]?.object?.count ?? 0))
        }, .age,
      ]
    case ("", "Secret"):
      return [
        .name, .text("Type", ["type"]),
        PrinterColumn("Data", type: "integer") { o, _ in .int(Int64(o["data"]?.object?.count ?? 0)) }, .age,
      ]
    case ("", "Service"):
      return [
        .name, .text("Type", ["spec", "type"]), .text("Cluster-IP", ["spec", "clusterIP"]),
        PrinterColumn("External-IP") { o, _ in
          .string(
            o[path: ["spec", "externalIPs"]]?.array?.compactMap(\.string).joined(separator: ",").nonEmpty
              ?? "<none>")
        },
        PrinterColumn("Port(s)") { o, _ in
          let ports = (o[path: ["spec", "ports"]]?.array ?? []).map {
            "\($0["port"]?.int ?? 0)/\($0["protocol"]?.string ?? "TCP")"
          }
          return .string(ports.isEmpty ? "<none>" : ports.joined(separator: ","))
        },
        .age,
      ]
    case ("apps", "Deployment"):
      return [
        .name,
        PrinterColumn("Ready") { o, _ in
          .string(
            "\(o[path: ["status", "readyReplicas"]]?.int ?? 0)/\(o[path: ["spec", "replicas"]]?.int ?? 0)")
        },
        .integer("Up-to-date", ["status", "updatedReplicas"]),
        .integer("Available", ["status", "availableReplicas"]), .age,
      ]
    case ("apps", "ReplicaSet"):
      return [
        .name, .integer("Desired", ["spec", "replicas"]), .integer("Current", ["status", "replicas"]),
        .integer("Ready", ["status", "readyReplicas"]), .age,
      ]
    case ("apps", "StatefulSet"):
      return [
        .name,
        PrinterColumn("Ready") { o, _ in
          .string(
            "\(o[path: ["status", "readyReplicas"]]?.int ?? 0)/\(o[path: ["spec", "replicas"]]?.int ?? 0)")
        }, .age,
      ]
    case ("apps", "DaemonSet"):
      return [
        .name, .integer("Desired", ["status", "desiredNumberScheduled"]),
        .integer("Current", ["status", "currentNumberScheduled"]),
        .integer("Ready", ["status", "numberReady"]),
        .integer("Up-to-date", ["status", "updatedNumberScheduled"]),
        .integer("Available", ["status", "numberAvailable"]),
        PrinterColumn("Node Selector") { o, _ in
          let selector = (o[path: ["spec", "template", "spec", "nodeSelector"]]?.object ?? [:]).sorted {
            $0.key < $1.key
          }.map { "\($0.key)=\($0.value.string ?? "")" }
          return .string(selector.isEmpty ? "<none>" : selector.joined(separator: ","))
        },
        .age,
      ]
    case ("batch", "Job"):
      return [
        .name, PrinterColumn("Status") { o, _ in .string(jobStatus(o)) },
        PrinterColumn("Completions") { o, _ in
          .string(
            "\(o[path: ["status", "succeeded"]]?.int ?? 0)/\(o[path: ["spec", "completions"]]?.int ?? 1)")
        },
        .age,
      ]
    case ("policy", "PodDisruptionBudget"):
      return [
        .name, .text("Min Available", ["spec", "minAvailable"], default: "N/A"),
        .text("Max Unavailable", ["spec", "maxUnavailable"], default: "N/A"),
        .integer("Allowed Disruptions", ["status", "disruptionsAllowed"]), .age,
      ]
    case ("", "Event"), ("events.k8s.io", "Event"):
      return [
        PrinterColumn("Last Seen") { o, now in
          let text =
            o["lastTimestamp"]?.string ?? o["eventTime"]?.string ?? o[path: ["metadata", "creationTimestamp"]
            ]?.string ?? ""
          return .string(Timestamp.parse(text).map { HumanDuration.since($0, now: now) } ?? "<unknown>")
        },
        .text("Type", ["type"]), .text("Reason", ["reason"]),
        PrinterColumn("Object") { o, _ in
          let ref = o["involvedObject"] ?? o["regarding"] ?? [:]
          return .string("\((ref["kind"]?.string ?? "").lowercased())/\(ref["name"]?.string ?? "")")
        },
        .text("Message", ["message"], default: ""),
      ]
    case ("karpenter.sh", "NodePool"):
      return columns([
        ["NodeClass", ".spec.template.spec.nodeClassRef.name", "string", 0],
        ["Nodes", ".status.resources.nodes", "string", 0],
        ["Ready", #".status.conditions[?(@.type=="Ready")].status"#, "string", 0],
        ["Age", ".metadata.creationTimestamp", "date", 0],
        ["Weight", ".spec.weight", "integer", 1], ["CPU", ".status.resources.cpu", "string", 1],
        ["Memory", ".status.resources.memory", "string", 1],
      ])
    case ("karpenter.sh", "NodeClaim"):
      return columns([
        ["Type", #".metadata.labels.node\.kubernetes\.io/instance-type"#, "string", 0],
        ["Capacity", #".metadata.labels.karpenter\.sh/capacity-type"#, "string", 0],
        ["Zone", #".metadata.labels.topology\.kubernetes\.io/zone"#, "string", 0],
        ["Node", ".status.nodeName", "string", 0],
        ["Ready", #".status.conditions[?(@.type=="Ready")].status"#, "string", 0],
        ["Age", ".metadata.creationTimestamp", "date", 0],
        ["ImageID", ".status.imageID", "string", 1], ["ID", ".status.providerID", "string", 1],
        ["NodePool", #".metadata.labels.karpenter\.sh/nodepool"#, "string", 1],
        ["NodeClass", ".spec.nodeClassRef.name", "string", 1],
        ["Drifted", #".status.conditions[?(@.type=="Drifted")].status"#, "string", 1],
      ])
    case ("karpenter.k8s.aws", "EC2NodeClass"):
      return columns([
        ["Ready", #".status.conditions[?(@.type=="Ready")].status"#, "string", 0],
        ["Age", ".metadata.creationTimestamp", "date", 0],
        ["Role", ".spec.role", "string", 1],
      ])
    default:
      return nil
    }
  }

  static func columns(_ rows: [[JSON]]) -> [PrinterColumn] {
    [.name]
      + rows.compactMap { row in
        PrinterColumn(printerColumn: ["name": row[0], "jsonPath": row[1], "type": row[2], "priority": row[3]])
      }
  }

  static let pod: [PrinterColumn] = [
    .name,
    PrinterColumn("Ready") { o, _ in
      let statuses = o[path: ["status", "containerStatuses"]]?.array ?? []
      let total = o[path: ["spec", "containers"]]?.array?.count ?? statuses.count
      return .string("\(statuses.filter { $0["ready"]?.bool == true }.count)/\(total)")
    },
    PrinterColumn("Status") { o, _ in .string(podStatus(o)) },
    PrinterColumn("Restarts", type: "string") { o, _ in
      .string(
        String(
          (o[path: ["status", "containerStatuses"]]?.array ?? []).reduce(0) {
            $0 + ($1["restartCount"]?.int ?? 0)
          }))
    },
    .age,
    .text("IP", priority: 1, ["status", "podIP"]), .text("Node", priority: 1, ["spec", "nodeName"]),
    .text("Nominated Node", priority: 1, ["status", "nominatedNodeName"]),
    .text("Readiness Gates", priority: 1, ["spec", "readinessGates", "none"]),
  ]

  /// The STATUS column: Terminating, a container's waiting or terminated reason, the pod's
  /// reason, or its phase.
  static func podStatus(_ pod: JSON) -> String {
    if pod.isTerminating {
      return pod[path: ["status", "reason"]]?.string == "NodeLost" ? "Unknown" : "Terminating"
    }
    var reason =
      pod[path: ["status", "reason"]]?.string ?? pod[path: ["status", "phase"]]?.string ?? "Unknown"
    for status in pod[path: ["status", "containerStatuses"]]?.array ?? [] {
      if let waiting = status[path: ["state", "waiting", "reason"]]?.string, !waiting.isEmpty {
        reason = waiting
      } else if let terminated = status[path: ["state", "terminated", "reason"]]?.string, !terminated.isEmpty
      {
        reason = terminated
      }
    }
    if reason == "Pending", pod[path: ["spec", "nodeName"]]?.string?.isEmpty == false,
      pod[path: ["status", "containerStatuses"]] == nil
    {
      reason = "ContainerCreating"
    }
    return reason
  }

  static let node: [PrinterColumn] = [
    .name,
    PrinterColumn("Status") { o, _ in
      let ready = (o[path: ["status", "conditions"]]?.array ?? []).first { $0["type"]?.string == "Ready" }?[
        "status"]?.string
      var status = ready == "True" ? "Ready" : ready == "False" ? "NotReady" : "Unknown"
      if o[path: ["spec", "unschedulable"]]?.bool == true { status += ",SchedulingDisabled" }
      return .string(status)
    },
    PrinterColumn("Roles") { o, _ in
      let roles = o.labels.keys.filter { $0.hasPrefix("node-role.kubernetes.io/") }.map {
        String($0.dropFirst("node-role.kubernetes.io/".count))
      }.sorted()
      return .string(roles.isEmpty ? "<none>" : roles.joined(separator: ","))
    },
    .age,
    .text("Version", ["status", "nodeInfo", "kubeletVersion"], default: ""),
    PrinterColumn("Internal-IP", priority: 1) { o, _ in .string(address(o, "InternalIP")) },
    PrinterColumn("External-IP", priority: 1) { o, _ in .string(address(o, "ExternalIP")) },
    .text("OS-Image", priority: 1, ["status", "nodeInfo", "osImage"]),
    .text("Kernel-Version", priority: 1, ["status", "nodeInfo", "kernelVersion"]),
    .text("Container-Runtime", priority: 1, ["status", "nodeInfo", "containerRuntimeVersion"]),
  ]

  static func address(_ node: JSON, _ type: String) -> String {
    (node[path: ["status", "addresses"]]?.array ?? []).first { $0["type"]?.string == type }?["address"]?
      .string ?? "<none>"
  }

  static func jobStatus(_ job: JSON) -> String {
    let conditions = job[path: ["status", "conditions"]]?.array ?? []
    func has(_ type: String) -> Bool {
      conditions.contains { $0["type"]?.string == type && $0["status"]?.string == "True" }
    }
    if has("Complete") { return "Complete" }
    if has("Failed") { return "Failed" }
    if job[path: ["spec", "suspend"]]?.bool == true { return "Suspended" }
    return "Running"
  }
}

extension String {
  var nonEmpty: String? { isEmpty ? nil : self }
}
