import KubernetesAPI

/// `karpenter.sh/v1beta1` NodePool (Karpenter v0.32 to v0.37). Read only to convert it to the
/// v1 ``NodePool`` with ``LegacyConversion``.
public struct NodePoolV1Beta1: KubernetesObject, Hashable {
  public static let apiVersion = "karpenter.sh/v1beta1"
  public static let kind = "NodePool"

  public var apiVersion: String? = NodePoolV1Beta1.apiVersion
  public var kind: String? = NodePoolV1Beta1.kind
  public var metadata: ObjectMeta
  public var spec: NodePoolV1Beta1Spec?
  public var status: NodePoolStatus?

  public init(metadata: ObjectMeta, spec: NodePoolV1Beta1Spec? = nil) {
    self.metadata = metadata
    self.spec = spec
  }
}

public struct NodePoolV1Beta1Spec: Codable, Hashable, Sendable {
  public var template: NodeClaimTemplateV1Beta1?
  public var disruption: DisruptionV1Beta1?
  public var limits: ResourceList?
  public var weight: Int32?

  public init(
    template: NodeClaimTemplateV1Beta1? = nil, disruption: DisruptionV1Beta1? = nil,
    limits: ResourceList? = nil, weight: Int32? = nil
  ) {
    self.template = template
    self.disruption = disruption
    self.limits = limits
    self.weight = weight
  }
}

public struct NodeClaimTemplateV1Beta1: Codable, Hashable, Sendable {
  public var metadata: TemplateMetadata?
  public var spec: NodeClaimTemplateSpecV1Beta1?

  public init(metadata: TemplateMetadata? = nil, spec: NodeClaimTemplateSpecV1Beta1? = nil) {
    self.metadata = metadata
    self.spec = spec
  }
}

public struct NodeClaimTemplateSpecV1Beta1: Codable, Hashable, Sendable {
  public var taints: [Taint]?
  public var startupTaints: [Taint]?
  public var requirements: [NodeSelectorRequirementWithMinValues]?
  /// Moved to the EC2NodeClass in v1.
  public var kubelet: KubeletConfiguration?
  public var nodeClassRef: LegacyNodeClassReference?
  /// Requested resources; not carried over to v1 NodePools.
  public var resources: NodeClaimResources?

  public init(
    taints: [Taint]? = nil, startupTaints: [Taint]? = nil,
    requirements: [NodeSelectorRequirementWithMinValues]? = nil,
    kubelet: KubeletConfiguration? = nil, nodeClassRef: LegacyNodeClassReference? = nil,
    resources: NodeClaimResources? = nil
  ) {
    self.taints = taints
    self.startupTaints = startupTaints
    self.requirements = requirements
    self.kubelet = kubelet
    self.nodeClassRef = nodeClassRef
    self.resources = resources
  }
}

public struct DisruptionV1Beta1: Codable, Hashable, Sendable {
  /// `WhenEmpty` or `WhenUnderutilized`.
  public var consolidationPolicy: String?
  /// A Go duration or `Never`; only allowed (and required) with `WhenEmpty`.
  public var consolidateAfter: String?
  /// A Go duration or `Never`; moved to `spec.template.spec.expireAfter` in v1.
  public var expireAfter: String?
  /// v1beta1 budgets have no `reasons`.
  public var budgets: [Budget]?

  public init(
    consolidationPolicy: String? = nil, consolidateAfter: String? = nil,
    expireAfter: String? = nil, budgets: [Budget]? = nil
  ) {
    self.consolidationPolicy = consolidationPolicy
    self.consolidateAfter = consolidateAfter
    self.expireAfter = expireAfter
    self.budgets = budgets
  }
}
