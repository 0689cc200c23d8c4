import KubernetesAPI

/// `karpenter.sh/v1alpha1` NodeOverlay: a correction to what the cloud provider says about the
/// instance types its requirements select — a different price (savings plans, licences), a
/// price adjustment, or extended resources the provider does not report (GPU slices, devices).
/// Karpenter applies overlays only behind its `NodeOverlay` feature gate.
public struct NodeOverlay: KubernetesObject, Hashable {
  public static let apiVersion = "karpenter.sh/v1alpha1"
  public static let kind = "NodeOverlay"

  public var apiVersion: String? = NodeOverlay.apiVersion
  public var kind: String? = NodeOverlay.kind
  public var metadata: ObjectMeta
  public var spec: NodeOverlaySpec?
  public var status: NodeOverlayStatus?

  public init(metadata: ObjectMeta, spec: NodeOverlaySpec) {
    self.metadata = metadata
    self.spec = spec
  }

  /// The weight that orders overlays: an absent weight counts as 0, below every written one.
  public var effectiveWeight: Int32 { spec?.weight ?? 0 }

  /// Upstream's `OrderByWeight`: higher weights first; among equal weights the name that sorts
  /// later comes first (and so wins a conflict).
  public static func precedes(_ a: NodeOverlay, _ b: NodeOverlay) -> Bool {
    if a.effectiveWeight != b.effectiveWeight { return a.effectiveWeight > b.effectiveWeight }
    return a.name > b.name
  }
}

public struct NodeOverlaySpec: Codable, Hashable, Sendable {
  /// Which instance types (and, for prices, which of their offerings) the overlay applies to:
  /// well-known labels, `karpenter.sh/nodepool` and a NodePool's template labels. Required;
  /// an empty list selects every instance type.
  public var requirements: [NodeSelectorRequirement]?
  /// A new price for the selected offerings, a non-negative decimal such as `"0.42"`.
  public var price: String?
  /// A change to the selected offerings' prices: `"+0.1"`, `"-0.1"`, `"+10%"` or `"-10%"`.
  public var priceAdjustment: String?
  /// Extended resources added to (or replacing those of) the selected instance types;
  /// cpu, memory, ephemeral-storage and pods may not be set.
  public var capacity: ResourceList?
  /// 1..10000; higher weights take precedence. Absent counts as 0.
  public var weight: Int32?

  public init(
    requirements: [NodeSelectorRequirement]? = [], price: String? = nil, priceAdjustment: String? = nil,
    capacity: ResourceList? = nil, weight: Int32? = nil
  ) {
    self.requirements = requirements
    self.price = price
    self.priceAdjustment = priceAdjustment
    self.capacity = capacity
    self.weight = weight
  }

  /// The price change the overlay makes, if it sets a (valid) price or priceAdjustment.
  public var priceChange: PriceChange? {
    if let price { return PriceChange(price: price) }
    if let priceAdjustment { return PriceChange(adjustment: priceAdjustment) }
    return nil
  }

  /// The resources `capacity` may not set: upstream's well-known resources.
  public static let restrictedResources = ["cpu", "memory", "ephemeral-storage", "pods"]
}

/// What Karpenter writes back: `ValidationSucceeded` (and `Ready`) False with reason `Conflict`
/// or `RuntimeValidation` when the overlay is not applied.
public struct NodeOverlayStatus: Codable, Hashable, Sendable {
  public var conditions: [Condition]?

  public init(conditions: [Condition]? = nil) { self.conditions = conditions }
}
