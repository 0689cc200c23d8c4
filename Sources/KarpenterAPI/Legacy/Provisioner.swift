import KubernetesAPI

/// `karpenter.sh/v1alpha5` Provisioner, the predecessor of the NodePool (Karpenter v0.31 and
/// earlier). Read only to convert it with ``LegacyConversion``.
public struct Provisioner: KubernetesObject, Hashable {
  public static let apiVersion = "karpenter.sh/v1alpha5"
  public static let kind = "Provisioner"

  public var apiVersion: String? = Provisioner.apiVersion
  public var kind: String? = Provisioner.kind
  public var metadata: ObjectMeta
  public var spec: ProvisionerSpec?

  public init(metadata: ObjectMeta, spec: ProvisionerSpec? = nil) {
    self.metadata = metadata
    self.spec = spec
  }
}

public struct ProvisionerSpec: Codable, Hashable, Sendable {
  /// Labels applied to every node.
  public var labels: [String: String]?
  /// Annotations applied to every node.
  public var annotations: [String: String]?
  public var taints: [Taint]?
  public var startupTaints: [Taint]?
  public var requirements: [NodeSelectorRequirement]?
  public var kubeletConfiguration: KubeletConfigurationV1Alpha5?
  /// The inline AWS provider, an alternative to `providerRef`.
  public var provider: AWSProvider?
  public var providerRef: LegacyNodeClassReference?
  public var ttlSecondsAfterEmpty: Int64?
  public var ttlSecondsUntilExpired: Int64?
  public var consolidation: ProvisionerConsolidation?
  public var limits: ProvisionerLimits?
  public var weight: Int32?

  public init(
    labels: [String: String]? = nil, annotations: [String: String]? = nil,
    taints: [Taint]? = nil, startupTaints: [Taint]? = nil,
    requirements: [NodeSelectorRequirement]? = nil,
    kubeletConfiguration: KubeletConfigurationV1Alpha5? = nil, provider: AWSProvider? = nil,
    providerRef: LegacyNodeClassReference? = nil, ttlSecondsAfterEmpty: Int64? = nil,
    ttlSecondsUntilExpired: Int64? = nil, consolidation: ProvisionerConsolidation? = nil,
    limits: ProvisionerLimits? = nil, weight: Int32? = nil
  ) {
    self.labels = labels
    self.annotations = annotations
    self.taints = taints
    self.startupTaints = startupTaints
    self.requirements = requirements
    self.kubeletConfiguration = kubeletConfiguration
    self.provider = provider
    self.providerRef = providerRef
    self.ttlSecondsAfterEmpty = ttlSecondsAfterEmpty
    self.ttlSecondsUntilExpired = ttlSecondsUntilExpired
    self.consolidation = consolidation
    self.limits = limits
    self.weight = weight
  }
}

/// `spec.consolidation` of a Provisioner.
public struct ProvisionerConsolidation: Codable, Hashable, Sendable {
  public var enabled: Bool?

  public init(enabled: Bool? = nil) { self.enabled = enabled }
}

/// `spec.limits` of a Provisioner.
public struct ProvisionerLimits: Codable, Hashable, Sendable {
  public var resources: ResourceList?

  public init(resources: ResourceList? = nil) { self.resources = resources }
}

/// A reference to a node class by `apiVersion`, `kind` and `name`: the Provisioner's
/// `providerRef` and the v1beta1 NodePool's `nodeClassRef`.
public struct LegacyNodeClassReference: Codable, Hashable, Sendable {
  public var kind: String?
  public var name: String?
  public var apiVersion: String?

  public init(kind: String? = nil, name: String? = nil, apiVersion: String? = nil) {
    self.kind = kind
    self.name = name
    self.apiVersion = apiVersion
  }
}

/// The v1alpha5 kubelet settings: the v1beta1/v1 ``KubeletConfiguration`` plus
/// `containerRuntime`, which later versions dropped.
public struct KubeletConfigurationV1Alpha5: Codable, Hashable, Sendable {
  public var clusterDNS: [String]?
  public var containerRuntime: String?
  public var maxPods: Int32?
  public var podsPerCore: Int32?
  public var systemReserved: [String: String]?
  public var kubeReserved: [String: String]?
  public var evictionHard: [String: String]?
  public var evictionSoft: [String: String]?
  public var evictionSoftGracePeriod: [String: String]?
  public var evictionMaxPodGracePeriod: Int32?
  public var imageGCHighThresholdPercent: Int32?
  public var imageGCLowThresholdPercent: Int32?
  public var cpuCFSQuota: Bool?

  public init(
    clusterDNS: [String]? = nil, containerRuntime: String? = nil, maxPods: Int32? = nil,
    podsPerCore: Int32? = nil, systemReserved: [String: String]? = nil,
    kubeReserved: [String: String]? = nil, evictionHard: [String: String]? = nil,
    evictionSoft: [String: String]? = nil, evictionSoftGracePeriod: [String: String]? = nil,
    evictionMaxPodGracePeriod: Int32? = nil, imageGCHighThresholdPercent: Int32? = nil,
    imageGCLowThresholdPercent: Int32? = nil, cpuCFSQuota: Bool? = nil
  ) {
    self.clusterDNS = clusterDNS
    self.containerRuntime = containerRuntime
    self.maxPods = maxPods
    self.podsPerCore = podsPerCore
    self.systemReserved = systemReserved
    self.kubeReserved = kubeReserved
    self.evictionHard = evictionHard
    self.evictionSoft = evictionSoft
    self.evictionSoftGracePeriod = evictionSoftGracePeriod
    self.evictionMaxPodGracePeriod = evictionMaxPodGracePeriod
    self.imageGCHighThresholdPercent = imageGCHighThresholdPercent
    self.imageGCLowThresholdPercent = imageGCLowThresholdPercent
    self.cpuCFSQuota = cpuCFSQuota
  }
}
