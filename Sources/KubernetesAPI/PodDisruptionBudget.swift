/// Limits voluntary disruption of a set of pods (`policy/v1`, `PodDisruptionBudget`).
public struct PodDisruptionBudget: KubernetesObject, Hashable {
  public static let apiVersion = "policy/v1"
  public static let kind = "PodDisruptionBudget"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var spec: PodDisruptionBudgetSpec?
  public var status: PodDisruptionBudgetStatus?

  public init(
    metadata: ObjectMeta = ObjectMeta(), spec: PodDisruptionBudgetSpec? = nil,
    status: PodDisruptionBudgetStatus? = nil
  ) {
    self.apiVersion = Self.apiVersion
    self.kind = Self.kind
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion)
    kind = try c.decodeIfPresent(String.self, forKey: .kind)
    metadata = try c.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
    spec = try c.decodeIfPresent(PodDisruptionBudgetSpec.self, forKey: .spec)
    status = try c.decodeIfPresent(PodDisruptionBudgetStatus.self, forKey: .status)
  }
}

/// A PodDisruptionBudget's `spec`: at most one of `minAvailable` and `maxUnavailable`, each a
/// count or a percentage of the selected pods.
public struct PodDisruptionBudgetSpec: Codable, Hashable, Sendable {
  public var minAvailable: IntOrString?
  public var maxUnavailable: IntOrString?
  /// The pods covered; a null selector selects none, an empty one all in the namespace.
  public var selector: LabelSelector?
  /// `IfHealthyBudget` (the default) or `AlwaysAllow`.
  public var unhealthyPodEvictionPolicy: String?

  public init(
    minAvailable: IntOrString? = nil, maxUnavailable: IntOrString? = nil,
    selector: LabelSelector? = nil, unhealthyPodEvictionPolicy: String? = nil
  ) {
    self.minAvailable = minAvailable
    self.maxUnavailable = maxUnavailable
    self.selector = selector
    self.unhealthyPodEvictionPolicy = unhealthyPodEvictionPolicy
  }
}

/// A PodDisruptionBudget's `status`, as the disruption controller computes it.
public struct PodDisruptionBudgetStatus: Codable, Hashable, Sendable {
  public var observedGeneration: Int64?
  public var disruptedPods: [String: String]?
  public var disruptionsAllowed: Int32?
  public var currentHealthy: Int32?
  public var desiredHealthy: Int32?
  public var expectedPods: Int32?

  public init(
    disruptionsAllowed: Int32? = nil, currentHealthy: Int32? = nil,
    desiredHealthy: Int32? = nil, expectedPods: Int32? = nil
  ) {
    self.disruptionsAllowed = disruptionsAllowed
    self.currentHealthy = currentHealthy
    self.desiredHealthy = desiredHealthy
    self.expectedPods = expectedPods
  }
}
