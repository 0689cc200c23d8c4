import APIServer
import Foundation

/// kube-apiserver's printers for the other kinds `kubectl get` users look at most:
/// Namespaces (STATUS), ReplicaSets (DESIRED CURRENT READY), StatefulSets (READY) and
/// Events (LAST SEEN TYPE REASON OBJECT MESSAGE).
enum MorePrinters {
  static let namespace: [TableColumn] = [
    TableColumn(
      "Status", description: "The status of the namespace",
      cell: { o, _ in .string(o[path: ["status", "phase"]]?.string ?? "Active") }),
    TableColumns.age,
  ]

  static let replicaSet: [TableColumn] = [
    TableColumn(
      "Desired", type: "integer", description: "Number of desired pods.",
      cell: { o, _ in .int(o[path: ["spec", "replicas"]]?.int ?? 1) }),
    TableColumn(
      "Current", type: "integer", description: "Number of actual replicas.",
      cell: { o, _ in .int(o[path: ["status", "replicas"]]?.int ?? 0) }),
    TableColumn(
      "Ready", type: "integer", description: "The number of ready replicas for this replica set.",
      cell: { o, _ in .int(o[path: ["status", "readyReplicas"]]?.int ?? 0) }),
    TableColumns.age,
    TableColumn(
      "Containers", priority: 1, description: "Names of each container in the template.",
      cell: { o, _ in DeploymentPrinter.containers(o, "name") }),
    TableColumn(
      "Images", priority: 1, description: "Images referenced by each container in the template.",
      cell: { o, _ in DeploymentPrinter.containers(o, "image") }),
    TableColumn(
      "Selector", priority: 1, description: "Label selector for pods.",
      cell: { o, _ in .string(DeploymentPrinter.selector(o)) }),
  ]

  static let statefulSet: [TableColumn] = [
    TableColumn(
      "Ready", description: "Number of the pod with ready state",
      cell: { o, _ in
        .string(
          "\(o[path: ["status", "readyReplicas"]]?.int ?? 0)/\(o[path: ["spec", "replicas"]]?.int ?? 1)")
      }),
    TableColumns.age,
  ]

  static let event: [TableColumn] = [
    TableColumn(
      "Last Seen", description: "Time when last event occurred",
      cell: { o, now in
        let last =
          o["lastTimestamp"]?.string ?? o["eventTime"]?.string
          ?? o[path: ["metadata", "creationTimestamp"]]?.string
        return .string(HumanDuration.age(of: last, now: now))
      }),
    TableColumn(
      "Type", description: "Type of this event (Normal, Warning), new types could be added in the future.",
      cell: { o, _ in o["type"] ?? "" }),
    TableColumn(
      "Reason", description: "Reason why this event was generated.", cell: { o, _ in o["reason"] ?? "" }),
    TableColumn(
      "Object", description: "The object that this event is about.",
      cell: { o, _ in
        let kind = o[path: ["involvedObject", "kind"]]?.string ?? ""
        let name = o[path: ["involvedObject", "name"]]?.string ?? ""
        return .string("\(kind.lowercased())/\(name)")
      }),
    TableColumn(
      "Message", description: "A human-readable description of the status of this operation.",
      cell: { o, _ in
        .string((o["message"]?.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
      }),
  ]
}
