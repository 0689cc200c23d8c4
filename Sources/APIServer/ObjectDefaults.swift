import Foundation

/// The defaults the real API server fills in on create that clients observe (kubectl's columns,
/// controllers reading `.spec.replicas`, the scheduler reading `schedulerName`).
extension APIStore {
  /// Fills in the defaults; on update (`previous` set) a service keeps its allocated clusterIP.
  mutating func applyDefaults(_ type: ResourceType, _ object: inout JSON, now: Date, previous: JSON? = nil) {
    guard type.group.isEmpty || type.group == "apps" || type.group == "batch" else { return }
    switch (type.group, type.kind) {
    case ("", "Pod"):
      APIStore.defaultPodSpec(&object, path: ["spec"])
      if object[path: ["status", "phase"]] == nil { object[path: ["status", "phase"]] = "Pending" }
      if object[path: ["status", "qosClass"]] == nil {
        object[path: ["status", "qosClass"]] = .string(APIStore.qosClass(object["spec"] ?? [:]))
      }
    case ("", "Namespace"):
      if object[path: ["spec", "finalizers"]] == nil {
        object[path: ["spec", "finalizers"]] = ["kubernetes"]
      }
      object[path: ["status", "phase"]] = "Active"
      var labels = object[path: ["metadata", "labels"]] ?? [:]
      labels["kubernetes.io/metadata.name"] = .string(object.name)
      object[path: ["metadata", "labels"]] = labels
    case ("", "Service"):
      if object[path: ["spec", "type"]] == nil { object[path: ["spec", "type"]] = "ClusterIP" }
      if let previous, object[path: ["spec", "clusterIP"]] == nil {
        object[path: ["spec", "clusterIP"]] = previous[path: ["spec", "clusterIP"]]
        object[path: ["spec", "clusterIPs"]] = previous[path: ["spec", "clusterIPs"]]
      }
      if object[path: ["spec", "clusterIP"]] == nil, object[path: ["spec", "type"]]?.string != "ExternalName"
      {
        let ip = 0x0A60_0000 + nextServiceIP  // 10.96.0.0/12
        nextServiceIP = nextServiceIP % 0xF_FFFE + 1
        let text = "\(ip >> 24).\(ip >> 16 & 0xFF).\(ip >> 8 & 0xFF).\(ip & 0xFF)"
        object[path: ["spec", "clusterIP"]] = .string(text)
        object[path: ["spec", "clusterIPs"]] = [.string(text)]
      }
      if object[path: ["spec", "sessionAffinity"]] == nil {
        object[path: ["spec", "sessionAffinity"]] = "None"
      }
      if var ports = object[path: ["spec", "ports"]]?.array {
        for i in ports.indices {
          if ports[i]["protocol"] == nil { ports[i]["protocol"] = "TCP" }
          if ports[i]["targetPort"] == nil, let port = ports[i]["port"] { ports[i]["targetPort"] = port }
        }
        object[path: ["spec", "ports"]] = .array(ports)
      }
    case ("", "Secret"):
      if object["type"] == nil { object["type"] = "Opaque" }
    case ("", "PersistentVolumeClaim"):
      if object[path: ["status", "phase"]] == nil { object[path: ["status", "phase"]] = "Pending" }
      if object[path: ["spec", "volumeMode"]] == nil { object[path: ["spec", "volumeMode"]] = "Filesystem" }
    case ("", "PersistentVolume"):
      if object[path: ["status", "phase"]] == nil { object[path: ["status", "phase"]] = "Available" }
      if object[path: ["spec", "persistentVolumeReclaimPolicy"]] == nil {
        object[path: ["spec", "persistentVolumeReclaimPolicy"]] = "Retain"
      }
    case ("apps", "Deployment"):
      if object[path: ["spec", "replicas"]] == nil { object[path: ["spec", "replicas"]] = 1 }
      if object[path: ["spec", "strategy"]] == nil {
        object[path: ["spec", "strategy"]] = [
          "type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": "25%", "maxSurge": "25%"],
        ]
      }
      if object[path: ["spec", "revisionHistoryLimit"]] == nil {
        object[path: ["spec", "revisionHistoryLimit"]] = 10
      }
      if object[path: ["spec", "progressDeadlineSeconds"]] == nil {
        object[path: ["spec", "progressDeadlineSeconds"]] = 600
      }
      APIStore.defaultPodSpec(&object, path: ["spec", "template", "spec"])
    case ("apps", "ReplicaSet"):
      if object[path: ["spec", "replicas"]] == nil { object[path: ["spec", "replicas"]] = 1 }
      APIStore.defaultPodSpec(&object, path: ["spec", "template", "spec"])
    case ("apps", "StatefulSet"):
      if object[path: ["spec", "replicas"]] == nil { object[path: ["spec", "replicas"]] = 1 }
      if object[path: ["spec", "podManagementPolicy"]] == nil {
        object[path: ["spec", "podManagementPolicy"]] = "OrderedReady"
      }
      if object[path: ["spec", "updateStrategy"]] == nil {
        object[path: ["spec", "updateStrategy"]] = [
          "type": "RollingUpdate", "rollingUpdate": ["partition": 0],
        ]
      }
      if object[path: ["spec", "revisionHistoryLimit"]] == nil {
        object[path: ["spec", "revisionHistoryLimit"]] = 10
      }
      APIStore.defaultPodSpec(&object, path: ["spec", "template", "spec"])
    case ("apps", "DaemonSet"):
      if object[path: ["spec", "updateStrategy"]] == nil {
        object[path: ["spec", "updateStrategy"]] = [
          "type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": 1, "maxSurge": 0],
        ]
      }
      if object[path: ["spec", "revisionHistoryLimit"]] == nil {
        object[path: ["spec", "revisionHistoryLimit"]] = 10
      }
      APIStore.defaultPodSpec(&object, path: ["spec", "template", "spec"])
    case ("batch", "Job"):
      if object[path: ["spec", "parallelism"]] == nil { object[path: ["spec", "parallelism"]] = 1 }
      if object[path: ["spec", "backoffLimit"]] == nil { object[path: ["spec", "backoffLimit"]] = 6 }
      if object[path: ["spec", "completionMode"]] == nil {
        object[path: ["spec", "completionMode"]] = "NonIndexed"
      }
      if object[path: ["spec", "suspend"]] == nil { object[path: ["spec", "suspend"]] = false }
      APIStore.defaultPodSpec(&object, path: ["spec", "template", "spec"], restartPolicy: nil)
    default:
      break
    }
  }

  /// Pod spec defaults: restartPolicy, dnsPolicy, schedulerName, grace period, container fields.
  static func defaultPodSpec(_ object: inout JSON, path: [String], restartPolicy: String? = "Always") {
    guard var spec = object[path: path], spec.object != nil else { return }
    if spec["restartPolicy"] == nil, let restartPolicy { spec["restartPolicy"] = .string(restartPolicy) }
    if spec["dnsPolicy"] == nil { spec["dnsPolicy"] = "ClusterFirst" }
    if spec["schedulerName"] == nil { spec["schedulerName"] = "default-scheduler" }
    if spec["terminationGracePeriodSeconds"] == nil { spec["terminationGracePeriodSeconds"] = 30 }
    if spec["securityContext"] == nil { spec["securityContext"] = [:] }
    if spec["enableServiceLinks"] == nil { spec["enableServiceLinks"] = true }
    for field in ["containers", "initContainers"] {
      guard var containers = spec[field]?.array else { continue }
      for i in containers.indices where containers[i].object != nil {
        if containers[i]["terminationMessagePath"] == nil {
          containers[i]["terminationMessagePath"] = "/dev/termination-log"
        }
        if containers[i]["terminationMessagePolicy"] == nil {
          containers[i]["terminationMessagePolicy"] = "File"
        }
        if containers[i]["resources"] == nil { containers[i]["resources"] = [:] }
        if containers[i]["imagePullPolicy"] == nil {
          let image = containers[i]["image"]?.string ?? ""
          let tag =
            image.split(separator: "/").last.map {
              $0.contains(":")
                ? String($0.split(separator: ":", omittingEmptySubsequences: false).last ?? "") : ""
            } ?? ""
          let pinned = image.contains("@")
          containers[i]["imagePullPolicy"] = .string(
            !pinned && (tag.isEmpty || tag == "latest") ? "Always" : "IfNotPresent")
        }
      }
      spec[field] = .array(containers)
    }
    object[path: path] = spec
  }

  /// The QoS class of a pod spec: Guaranteed, Burstable or BestEffort.
  static func qosClass(_ spec: JSON) -> String {
    let containers = (spec["containers"]?.array ?? []) + (spec["initContainers"]?.array ?? [])
    var any = false
    var guaranteed = !containers.isEmpty
    for c in containers {
      let requests = c[path: ["resources", "requests"]]?.object ?? [:]
      let limits = c[path: ["resources", "limits"]]?.object ?? [:]
      if !requests.isEmpty || !limits.isEmpty { any = true }
      for resource in ["cpu", "memory"] {
        guard let limit = limits[resource] else { guaranteed = false; continue }
        if let request = requests[resource], request != limit { guaranteed = false }
      }
    }
    if !any { return "BestEffort" }
    return guaranteed ? "Guaranteed" : "Burstable"
  }
}
