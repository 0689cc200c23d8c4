import Controllers
import KarpenterAPI
import KubernetesAPI
import ManifestCoding
import Yams

/// `simulation.karpenter.sh/v1alpha1` Scenario: the simulated cloud, the timeline and how long
/// to run. At most one per simulation; everything outside it is applied at time 0.
public struct Scenario: KubernetesObject, Hashable {
  public static let apiVersion = "simulation.karpenter.sh/v1alpha1"
  public static let kind = "Scenario"

  public var apiVersion: String? = Scenario.apiVersion
  public var kind: String? = Scenario.kind
  public var metadata: ObjectMeta
  public var spec: ScenarioSpec?

  public init(metadata: ObjectMeta = ObjectMeta(name: "scenario"), spec: ScenarioSpec = ScenarioSpec()) {
    self.metadata = metadata
    self.spec = spec
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion)
    kind = try c.decodeIfPresent(String.self, forKey: .kind)
    metadata = try c.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
    spec = try c.decodeIfPresent(ScenarioSpec.self, forKey: .spec)
  }
}

public struct ScenarioSpec: Codable, Hashable, Sendable {
  public var cloud: CloudSpec?
  /// A Go duration; absent means "until quiet".
  public var duration: String?
  public var timeline: [TimelineEntry]?
  /// Upstream's feature gates that change behaviour, all false by default.
  public var featureGates: FeatureGates?
  /// The wall-clock time of virtual time 0 (RFC 3339, e.g. `2024-01-01T00:00:00Z`): budget
  /// schedules are evaluated, and log lines stamped, from it. Default 2024-01-01T00:00:00Z.
  public var start: String?

  public init(cloud: CloudSpec? = nil, duration: String? = nil, timeline: [TimelineEntry]? = nil) {
    self.cloud = cloud
    self.duration = duration
    self.timeline = timeline
  }
}

public struct FeatureGates: Codable, Hashable, Sendable {
  /// Lets consolidation replace a spot node by a cheaper spot node (single-node only, and only
  /// when at least 15 cheaper instance types are possible, so the launch has room to avoid
  /// interruption-prone pools), as upstream's gate of the same name.
  public var spotToSpotConsolidation: Bool?
  /// Applies NodeOverlays (karpenter.sh/v1alpha1) to the instance types they select.
  public var nodeOverlay: Bool?
  /// Static NodePools: a NodePool with `spec.replicas` keeps exactly that many nodes.
  public var staticCapacity: Bool?
}

public struct CloudSpec: Codable, Hashable, Sendable {
  public var region: String?
  public var zones: [String]?
  public var instanceTypes: InstanceTypeSource?
  /// NodeClaim created -> Node Ready; default 30s.
  public var nodeStartup: String?
  /// Node Ready -> its startup taints removed by the daemons that own them (the NodeClaim is
  /// Initialized then); default 0s.
  public var startupTaintsRemovedAfter: String?
  /// A JSON file of price overrides for the aws catalog (`{"onDemand": {...}, "spot": {...}}`),
  /// relative to the working directory.
  public var pricesFile: String?

  public init(
    region: String? = nil, zones: [String]? = nil, instanceTypes: InstanceTypeSource? = nil,
    nodeStartup: String? = nil
  ) {
    self.region = region
    self.zones = zones
    self.instanceTypes = instanceTypes
    self.nodeStartup = nodeStartup
  }
}

public struct InstanceTypeSource: Codable, Hashable, Sendable {
  /// `aws` or `kwok`.
  public var catalog: String?
  public var list: [ListedInstanceType]?

  public init(catalog: String? = nil, list: [ListedInstanceType]? = nil) {
    self.catalog = catalog
    self.list = list
  }
}

/// An instance type written out in the Scenario.
public struct ListedInstanceType: Codable, Hashable, Sendable {
  public var name: String
  public var capacity: ResourceList
  public var overhead: ResourceList?
  public var labels: [String: String]?
  public var offerings: [ListedOffering]
}

public struct ListedOffering: Codable, Hashable, Sendable {
  public var zone: String
  public var capacityType: String
  public var price: Double
  public var available: Bool?
}

/// One moment of the timeline.
public struct TimelineEntry: Codable, Hashable, Sendable {
  public var at: String
  public var apply: [AnyManifest]?
  public var delete: [ObjectReferenceSpec]?
  public var scale: [ScaleSpec]?
  public var interrupt: [InterruptSpec]?
  /// Offerings to make unavailable from `at` for a while, so launch failures can be simulated.
  public var unavailable: [UnavailableOfferingSpec]?
  /// Karpenter's controller restarts at `at` (a crash, a new leader): it forgets what it kept in
  /// memory (drains, decisions, batches, explanations) and rebuilds from the cluster.
  public var restartKarpenter: Bool?
}

/// Matching offerings (every field that is set must match) are unavailable from the entry's
/// `at` for `for` (a Go duration; default: the rest of the run).
public struct UnavailableOfferingSpec: Codable, Hashable, Sendable {
  public var instanceType: String?
  public var zone: String?
  public var capacityType: String?
  public var `for`: String?
  /// `launch` (the default: the launch fails with insufficient capacity) or `registration`
  /// (the instance launches but its node never joins the cluster, so the NodeClaim is deleted
  /// after the 15-minute registration timeout).
  public var failure: String?
}

public struct ObjectReferenceSpec: Codable, Hashable, Sendable {
  public var kind: String
  public var namespace: String?
  public var name: String
}

public struct ScaleSpec: Codable, Hashable, Sendable {
  public var kind: String
  public var namespace: String?
  public var name: String
  /// int32, as a workload's `spec.replicas`: a larger number is refused when decoding.
  public var replicas: Int32
}

public struct InterruptSpec: Codable, Hashable, Sendable {
  public var node: String
  /// `spot` (the default: a spot interruption notice, the instance goes 2 minutes later),
  /// `maintenance` (a scheduled maintenance event) or `stateChange` (the instance is stopping or
  /// terminating): Karpenter drains the node at once in every case. `rebalance` (a rebalance
  /// recommendation) is only reported, as upstream does. `terminated`: the instance disappears
  /// without any notice (terminated outside Karpenter); garbage collection finds it within two
  /// minutes and deletes its NodeClaim and Node.
  public var kind: String?
}

/// An inline manifest kept as its YAML node, decoded later by the manifest loader.
public struct AnyManifest: Codable, Hashable, Sendable {
  public var yaml: String

  public init(from decoder: Decoder) throws {
    // Re-serialise whatever was written; the loader decodes and validates it in context.
    let value = try decoder.singleValueContainer().decode(JSONValue.self)
    yaml = try YAMLEncoder().encode(value)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(yaml)
  }
}

/// Any JSON-shaped value, to carry inline manifests through decoding.
public indirect enum JSONValue: Codable, Hashable, Sendable {
  case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

  public init(from decoder: Decoder) throws {
    if let c = try? decoder.container(keyedBy: AnyKey.self) {
      var out: [String: JSONValue] = [:]
      for key in c.allKeys { out[key.stringValue] = try c.decode(JSONValue.self, forKey: key) }
      self = .object(out)
      return
    }
    if var c = try? decoder.unkeyedContainer() {
      var out: [JSONValue] = []
      while !c.isAtEnd { out.append(try c.decode(JSONValue.self)) }
      self = .array(out)
      return
    }
    let c = try decoder.singleValueContainer()
    if c.decodeNil() { self = .null; return }
    if let b = try? c.decode(Bool.self) { self = .bool(b); return }
    if c.scalarIsNumber, let d = try? c.decode(Double.self) { self = .number(d); return }
    self = .string(try c.decodeScalarText())
  }

  public func encode(to encoder: Encoder) throws {
    switch self {
    case .null:
      var c = encoder.singleValueContainer()
      try c.encodeNil()
    case .bool(let b):
      var c = encoder.singleValueContainer()
      try c.encode(b)
    case .number(let d):
      var c = encoder.singleValueContainer()
      if d == d.rounded(), abs(d) < 1e15 { try c.encode(Int64(d)) } else { try c.encode(d) }
    case .string(let s):
      var c = encoder.singleValueContainer()
      try c.encode(s)
    case .array(let a):
      var c = encoder.unkeyedContainer()
      for v in a { try c.encode(v) }
    case .object(let o):
      var c = encoder.container(keyedBy: AnyKey.self)
      for k in o.keys.sorted() { try c.encode(o[k]!, forKey: AnyKey(stringValue: k)) }
    }
  }
}

struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
