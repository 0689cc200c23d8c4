import KubernetesAPI

/// The kinds of object the stand-ins act as controllers for.
enum WorkloadKind: String, Sendable, Hashable, Comparable, CaseIterable {
  case deployment = "Deployment"
  case replicaSet = "ReplicaSet"
  case statefulSet = "StatefulSet"
  case job = "Job"
  case daemonSet = "DaemonSet"

  static func < (a: WorkloadKind, b: WorkloadKind) -> Bool { a.rawValue < b.rawValue }

  /// The API group and resource of the kind, as watch events name them.
  var resource: (group: String, plural: String) {
    switch self {
    case .deployment: return ("apps", "deployments")
    case .replicaSet: return ("apps", "replicasets")
    case .statefulSet: return ("apps", "statefulsets")
    case .job: return ("batch", "jobs")
    case .daemonSet: return ("apps", "daemonsets")
    }
  }

  var apiVersion: String { self == .job ? "batch/v1" : "apps/v1" }
}

/// One workload: its kind, namespace and name.
struct WorkloadKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  var kind: WorkloadKind
  var namespace: String
  var name: String

  static func < (a: WorkloadKey, b: WorkloadKey) -> Bool {
    (a.kind, a.namespace, a.name) < (b.kind, b.namespace, b.name)
  }

  var description: String { "\(kind.rawValue) \(namespace)/\(name)" }

  /// The workload an object's controller reference names, if it is one of ours.
  static func controller(of meta: ObjectMeta) -> WorkloadKey? {
    guard let owner = meta.ownerReferences?.first(where: { $0.controller == true }),
      let kind = WorkloadKind(rawValue: owner.kind)
    else { return nil }
    return WorkloadKey(kind: kind, namespace: meta.namespace ?? "default", name: owner.name)
  }
}
