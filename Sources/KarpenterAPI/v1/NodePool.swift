import KubernetesAPI

/// `karpenter.sh/v1` NodePool: the template and constraints for the nodes Karpenter launches,
/// how it may disrupt them, and how much it may launch.
///
/// Fields are optional as written by the user; ``NodePool/defaulted()`` applies upstream's
/// CRD defaults, and ``NodePoolValidator`` applies its schema and CEL rules.
public struct NodePool: KubernetesObject, Hashable {
  public static let apiVersion = "karpenter.sh/v1"
  public static let kind = "NodePool"

  public var apiVersion: String? = NodePool.apiVersion
  public var kind: String? = NodePool.kind
  public var metadata: ObjectMeta
  public var spec: NodePoolSpec?
  public var status: NodePoolStatus?

  public init(metadata: ObjectMeta, spec: NodePoolSpec) {
    self.metadata = metadata
    self.spec = spec
  }

  /// Whether the NodePool is static (`spec.replicas` set): it keeps that many nodes whatever
  /// the pods, and takes no part in provisioning for pending pods or in consolidation.
  public var isStatic: Bool { spec?.replicas != nil }
}

public struct NodePoolSpec: Codable, Hashable, Sendable {
  public var template: NodeClaimTemplate?
  public var disruption: Disruption?
  /// Caps on the total resources (and `nodes`) of the NodePool's nodes.
  public var limits: ResourceList?
  /// Higher weights are tried first; 1..100.
  public var weight: Int32?
  /// A static NodePool keeps exactly this many nodes.
  public var replicas: Int64?

  public init(
    template: NodeClaimTemplate? = nil, disruption: Disruption? = nil, limits: ResourceList? = nil,
    weight: Int32? = nil, replicas: Int64? = nil
  ) {
    self.template = template
    self.disruption = disruption
    self.limits = limits
    self.weight = weight
    self.replicas = replicas
  }
}

public struct NodeClaimTemplate: Codable, Hashable, Sendable {
  public var metadata: TemplateMetadata?
  public var spec: NodeClaimTemplateSpec?

  public init(metadata: TemplateMetadata? = nil, spec: NodeClaimTemplateSpec? = nil) {
    self.metadata = metadata
    self.spec = spec
  }
}

/// Labels and annotations copied onto every NodeClaim and Node of the NodePool.
public struct TemplateMetadata: Codable, Hashable, Sendable {
  public var labels: [String: String]?
  public var annotations: [String: String]?

  public init(labels: [String: String]? = nil, annotations: [String: String]? = nil) {
    self.labels = labels
    self.annotations = annotations
  }
}

public struct NodeClaimTemplateSpec: Codable, Hashable, Sendable {
  public var taints: [Taint]?
  /// Taints present at launch and expected to be removed by a daemon once the node is ready.
  public var startupTaints: [Taint]?
  public var requirements: [NodeSelectorRequirementWithMinValues]?
  public var nodeClassRef: NodeClassReference?
  /// How long a node may live, `720h` by default, or `Never`.
  public var expireAfter: String?
  /// How long a node may take to drain before it is forcibly removed.
  public var terminationGracePeriod: String?

  public init(
    taints: [Taint]? = nil, startupTaints: [Taint]? = nil,
    requirements: [NodeSelectorRequirementWithMinValues]? = nil,
    nodeClassRef: NodeClassReference? = nil, expireAfter: String? = nil,
    terminationGracePeriod: String? = nil
  ) {
    self.taints = taints
    self.startupTaints = startupTaints
    self.requirements = requirements
    self.nodeClassRef = nodeClassRef
    self.expireAfter = expireAfter
    self.terminationGracePeriod = terminationGracePeriod
  }
}

/// A node selector requirement with Karpenter's `minValues`: at least that many distinct values
/// of the key must stay possible among the instance types offered for a NodeClaim.
public struct NodeSelectorRequirementWithMinValues: Codable, Hashable, Sendable {
  public var key: String
  public var `operator`: String
  public var values: [String]?
  public var minValues: Int?

  public init(key: String, operator: String, values: [String]? = nil, minValues: Int? = nil) {
    self.key = key
    self.operator = `operator`
    self.values = values
    self.minValues = minValues
  }

  public static let operators = ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt", "Gte", "Lte"]
}

/// Points a NodePool or NodeClaim at its cloud-specific NodeClass.
public struct NodeClassReference: Codable, Hashable, Sendable {
  public var group: String?
  public var kind: String?
  public var name: String?

  public init(group: String? = nil, kind: String? = nil, name: String? = nil) {
    self.group = group
    self.kind = kind
    self.name = name
  }
}

/// When and how fast Karpenter may disrupt the NodePool's nodes.
public struct Disruption: Codable, Hashable, Sendable {
  /// How long a node must be empty or underused before it is consolidated; `Never` disables.
  public var consolidateAfter: String?
  /// `WhenEmpty`, `WhenEmptyOrUnderutilized` or `Balanced`.
  public var consolidationPolicy: String?
  /// Balanced only: a move is taken when its share of the pool's disruption is at most this many
  /// times its share of the pool's cost saved (k; default 2).
  public var consolidationThreshold: Double?
  public var budgets: [Budget]?

  public init(
    consolidateAfter: String? = nil, consolidationPolicy: String? = nil, budgets: [Budget]? = nil
  ) {
    self.consolidateAfter = consolidateAfter
    self.consolidationPolicy = consolidationPolicy
    self.budgets = budgets
  }

  public static let policies = ["WhenEmpty", "WhenEmptyOrUnderutilized", "Balanced"]
  public static let defaultConsolidationThreshold = 2.0
}

/// How many nodes may be disrupted at once, optionally only during a cron window and only for
/// some reasons.
public struct Budget: Codable, Hashable, Sendable {
  /// A count (`5`) or a percentage of the NodePool's nodes (`10%`).
  public var nodes: String?
  /// A cron schedule in UTC at which the window opens.
  public var schedule: String?
  /// How long the window stays open, e.g. `8h`.
  public var duration: String?
  /// `Underutilized`, `Empty`, `Drifted`; absent means every reason.
  public var reasons: [String]?

  public init(
    nodes: String? = nil, schedule: String? = nil, duration: String? = nil,
    reasons: [String]? = nil
  ) {
    self.nodes = nodes
    self.schedule = schedule
    self.duration = duration
    self.reasons = reasons
  }

  public static let reasonValues = ["Underutilized", "Empty", "Drifted"]
}

public struct NodePoolStatus: Codable, Hashable, Sendable {
  public var resources: ResourceList?
  public var nodes: Int64?
  public var conditions: [Condition]?
  public var nodeClassObservedGeneration: Int64?

  public init() {}
}

/// A status condition as `metav1.Condition` writes it.
public struct Condition: Codable, Hashable, Sendable {
  public var type: String
  public var status: String
  public var reason: String?
  public var message: String?
  public var lastTransitionTime: String?
  public var observedGeneration: Int64?

  public init(
    type: String, status: String, reason: String? = nil, message: String? = nil,
    lastTransitionTime: String? = nil
  ) {
    self.type = type
    self.status = status
    self.reason = reason
    self.message = message
    self.lastTransitionTime = lastTransitionTime
  }
}
