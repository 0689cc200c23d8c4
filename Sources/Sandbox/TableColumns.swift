import APIServer
import Foundation

/// One column of a `kubectl get` table: its definition as the server sends it, and how a
/// cell is read from an object.
public struct TableColumn: Sendable {
  public var name: String
  /// `string`, `integer` or `date` (a date cell is a timestamp kubectl turns into an age).
  public var type: String
  /// `name` for the NAME column, empty otherwise.
  public var format: String
  public var description: String
  /// 0 is always shown; 1 only with `-o wide`.
  public var priority: Int
  public var cell: @Sendable (JSON, Date) -> JSON

  public init(
    _ name: String, type: String = "string", format: String = "", priority: Int = 0, description: String,
    cell: @escaping @Sendable (JSON, Date) -> JSON
  ) {
    self.name = name
    self.type = type
    self.format = format
    self.description = description
    self.priority = priority
    self.cell = cell
  }

  var definition: JSON {
    [
      "name": .string(name), "type": .string(type), "format": .string(format),
      "description": .string(description), "priority": .int(Int64(priority)),
    ]
  }
}

/// The columns kubectl users know for each kind: the built-in printers of kube-apiserver for
/// Pods, Nodes and Deployments, upstream Karpenter's `additionalPrinterColumns` for its CRDs,
/// and NAME AGE for everything else.
public enum TableColumns {
  public static func columns(group: String, kind: String) -> [TableColumn] {
    switch (group, kind) {
    case ("", "Pod"): return [name] + PodPrinter.columns
    case ("", "Node"): return [name] + NodePrinter.columns
    case ("apps", "Deployment"): return [name] + DeploymentPrinter.columns
    case ("karpenter.sh", "NodeClaim"): return [name] + KarpenterPrinter.nodeClaimColumns
    case ("karpenter.sh", "NodePool"): return [name] + KarpenterPrinter.nodePoolColumns
    case ("karpenter.k8s.aws", "EC2NodeClass"): return [name] + KarpenterPrinter.ec2NodeClassColumns
    default: return [name, age]
    }
  }

  static let name = TableColumn(
    "Name", format: "name",
    description: "Name must be unique within a namespace. Cannot be updated.",
    cell: { object, _ in .string(object[path: ["metadata", "name"]]?.string ?? "") })

  /// AGE as the built-in printers render it: already a human duration.
  static let age = TableColumn(
    "Age",
    description: "CreationTimestamp is a timestamp representing the server time when this object was created.",
    cell: { object, now in
      .string(HumanDuration.age(of: object[path: ["metadata", "creationTimestamp"]]?.string, now: now))
    })

  /// AGE as a CRD's printer column declares it (type date); the server renders the cell as
  /// an age, as apiextensions-apiserver's table convertor does.
  static let dateAge = TableColumn(
    "Age", type: "date",
    description: "CreationTimestamp is a timestamp representing the server time when this object was created.",
    cell: { object, now in
      .string(HumanDuration.age(of: object[path: ["metadata", "creationTimestamp"]]?.string, now: now))
    })

  /// `<none>` for a missing or empty string, as the built-in printers print it.
  static func orNone(_ value: JSON?) -> JSON {
    guard let text = value?.string, !text.isEmpty else { return "<none>" }
    return .string(text)
  }

  /// The `status` of the condition of `type`, or null (an empty cell) when there is none.
  static func condition(_ object: JSON, _ type: String) -> JSON {
    let conditions = object[path: ["status", "conditions"]]?.array ?? []
    return conditions.first { $0["type"]?.string == type }?["status"] ?? .null
  }

  /// The value of a label, or null.
  static func label(_ object: JSON, _ key: String) -> JSON {
    object[path: ["metadata", "labels"]]?[key] ?? .null
  }
}

/// Upstream Karpenter's printer columns (karpenter.sh_nodeclaims.yaml, karpenter.sh_nodepools.yaml,
/// karpenter.k8s.aws_ec2nodeclasses.yaml at v1).
enum KarpenterPrinter {
  static let nodeClaimColumns: [TableColumn] = [
    TableColumn("Type", description: "", cell: { o, _ in TableColumns.label(o, "node.kubernetes.io/instance-type") }),
    TableColumn("Capacity", description: "", cell: { o, _ in TableColumns.label(o, "karpenter.sh/capacity-type") }),
    TableColumn("Zone", description: "", cell: { o, _ in TableColumns.label(o, "topology.kubernetes.io/zone") }),
    TableColumn("Node", description: "", cell: { o, _ in o[path: ["status", "nodeName"]] ?? .null }),
    TableColumn("Ready", description: "", cell: { o, _ in TableColumns.condition(o, "Ready") }),
    TableColumns.dateAge,
    TableColumn("ID", priority: 1, description: "", cell: { o, _ in o[path: ["status", "providerID"]] ?? .null }),
    TableColumn("NodePool", priority: 1, description: "", cell: { o, _ in TableColumns.label(o, "karpenter.sh/nodepool") }),
    TableColumn("NodeClass", priority: 1, description: "", cell: { o, _ in o[path: ["spec", "nodeClassRef", "name"]] ?? .null }),
    TableColumn("Drifted", priority: 1, description: "", cell: { o, _ in TableColumns.condition(o, "Drifted") }),
  ]

  static let nodePoolColumns: [TableColumn] = [
    TableColumn("NodeClass", description: "", cell: { o, _ in o[path: ["spec", "template", "spec", "nodeClassRef", "name"]] ?? .null }),
    TableColumn("Nodes", description: "", cell: { o, _ in o[path: ["status", "resources", "nodes"]] ?? .null }),
    TableColumn("Ready", description: "", cell: { o, _ in TableColumns.condition(o, "Ready") }),
    TableColumns.dateAge,
    TableColumn("Weight", type: "integer", priority: 1, description: "", cell: { o, _ in o[path: ["spec", "weight"]] ?? .null }),
    TableColumn("CPU", priority: 1, description: "", cell: { o, _ in o[path: ["status", "resources", "cpu"]] ?? .null }),
    TableColumn("Memory", priority: 1, description: "", cell: { o, _ in o[path: ["status", "resources", "memory"]] ?? .null }),
  ]

  static let ec2NodeClassColumns: [TableColumn] = [
    TableColumn("Ready", description: "", cell: { o, _ in TableColumns.condition(o, "Ready") }),
    TableColumns.dateAge,
    TableColumn("Role", priority: 1, description: "", cell: { o, _ in o[path: ["spec", "role"]] ?? .null }),
  ]
}
