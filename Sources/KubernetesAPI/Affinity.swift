/// A pod's `affinity`: node affinity, pod affinity and pod anti-affinity.
public struct Affinity: Codable, Hashable, Sendable {
  public var nodeAffinity: NodeAffinity?
  public var podAffinity: PodAffinity?
  public var podAntiAffinity: PodAntiAffinity?

  public init(
    nodeAffinity: NodeAffinity? = nil, podAffinity: PodAffinity? = nil,
    podAntiAffinity: PodAntiAffinity? = nil
  ) {
    self.nodeAffinity = nodeAffinity
    self.podAffinity = podAffinity
    self.podAntiAffinity = podAntiAffinity
  }
}

/// Constraints on the labels of the node a pod lands on.
public struct NodeAffinity: Codable, Hashable, Sendable {
  public var requiredDuringSchedulingIgnoredDuringExecution: NodeSelector?
  public var preferredDuringSchedulingIgnoredDuringExecution: [PreferredSchedulingTerm]?

  public init(
    required: NodeSelector? = nil, preferred: [PreferredSchedulingTerm]? = nil
  ) {
    self.requiredDuringSchedulingIgnoredDuringExecution = required
    self.preferredDuringSchedulingIgnoredDuringExecution = preferred
  }

  /// Short name for `requiredDuringSchedulingIgnoredDuringExecution`.
  public var required: NodeSelector? {
    get { requiredDuringSchedulingIgnoredDuringExecution }
    set { requiredDuringSchedulingIgnoredDuringExecution = newValue }
  }

  /// Short name for `preferredDuringSchedulingIgnoredDuringExecution`.
  public var preferred: [PreferredSchedulingTerm] {
    get { preferredDuringSchedulingIgnoredDuringExecution ?? [] }
    set { preferredDuringSchedulingIgnoredDuringExecution = newValue.isEmpty ? nil : newValue }
  }
}

/// A weighted node selector term: nodes matching `preference` score `weight` (1-100).
public struct PreferredSchedulingTerm: Codable, Hashable, Sendable {
  public var weight: Int32
  public var preference: NodeSelectorTerm

  public init(weight: Int32, preference: NodeSelectorTerm) {
    self.weight = weight
    self.preference = preference
  }
}

/// Pods this pod should run near (in the same topology domain).
public struct PodAffinity: Codable, Hashable, Sendable {
  public var requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm]?
  public var preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm]?

  public init(
    required: [PodAffinityTerm]? = nil, preferred: [WeightedPodAffinityTerm]? = nil
  ) {
    self.requiredDuringSchedulingIgnoredDuringExecution = required
    self.preferredDuringSchedulingIgnoredDuringExecution = preferred
  }

  public var required: [PodAffinityTerm] { requiredDuringSchedulingIgnoredDuringExecution ?? [] }
  public var preferred: [WeightedPodAffinityTerm] {
    preferredDuringSchedulingIgnoredDuringExecution ?? []
  }
}

/// Pods this pod should run away from (not in the same topology domain).
public struct PodAntiAffinity: Codable, Hashable, Sendable {
  public var requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm]?
  public var preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm]?

  public init(
    required: [PodAffinityTerm]? = nil, preferred: [WeightedPodAffinityTerm]? = nil
  ) {
    self.requiredDuringSchedulingIgnoredDuringExecution = required
    self.preferredDuringSchedulingIgnoredDuringExecution = preferred
  }

  public var required: [PodAffinityTerm] { requiredDuringSchedulingIgnoredDuringExecution ?? [] }
  public var preferred: [WeightedPodAffinityTerm] {
    preferredDuringSchedulingIgnoredDuringExecution ?? []
  }
}

/// The pods (selected by labels, in some namespaces) that define a topology domain, keyed by
/// the node label `topologyKey`.
public struct PodAffinityTerm: Codable, Hashable, Sendable {
  public var labelSelector: LabelSelector?
  /// Namespaces to look in; with `namespaceSelector` also empty, the pod's own namespace.
  public var namespaces: [String]?
  public var namespaceSelector: LabelSelector?
  public var topologyKey: String
  /// Label keys whose values, taken from the incoming pod, are ANDed into `labelSelector`.
  public var matchLabelKeys: [String]?
  /// Label keys whose values, taken from the incoming pod, must differ.
  public var mismatchLabelKeys: [String]?

  public init(
    labelSelector: LabelSelector? = nil, namespaces: [String]? = nil,
    namespaceSelector: LabelSelector? = nil, topologyKey: String,
    matchLabelKeys: [String]? = nil, mismatchLabelKeys: [String]? = nil
  ) {
    self.labelSelector = labelSelector
    self.namespaces = namespaces
    self.namespaceSelector = namespaceSelector
    self.topologyKey = topologyKey
    self.matchLabelKeys = matchLabelKeys
    self.mismatchLabelKeys = mismatchLabelKeys
  }
}

/// A preferred pod (anti-)affinity term with its weight (1-100).
public struct WeightedPodAffinityTerm: Codable, Hashable, Sendable {
  public var weight: Int32
  public var podAffinityTerm: PodAffinityTerm

  public init(weight: Int32, podAffinityTerm: PodAffinityTerm) {
    self.weight = weight
    self.podAffinityTerm = podAffinityTerm
  }
}
