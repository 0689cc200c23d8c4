import Foundation
import KubernetesAPI

/// Converts Karpenter's legacy objects to the v1 API, the way upstream does it in two steps:
///
/// 1. `karpenter-convert` (aws/karpenter-provider-aws v0.32.x): v1alpha5 ``Provisioner`` to
///    v1beta1 ``NodePoolV1Beta1`` (plus an ``EC2NodeClassV1Beta1`` for an inline `provider`),
///    and v1alpha1 ``AWSNodeTemplate`` to v1beta1 ``EC2NodeClassV1Beta1``.
/// 2. The v1beta1 to v1 conversion webhooks of Karpenter v1.0.x: ``NodePoolV1Beta1`` to
///    ``NodePool`` and ``EC2NodeClassV1Beta1`` to ``EC2NodeClass``.
///
/// The one-call conversions (`nodePool(from: Provisioner)`, `nodeClass(from: AWSNodeTemplate)`)
/// compose the two steps. Deviations from upstream, all deliberate:
/// - Durations are written in compact Go form (`720h`, `1m30s`) rather than Go's
///   `Duration.String()` (`720h0m0s`); both parse to the same value.
/// - A `providerRef` of kind `AWSNodeTemplate` becomes a reference to an `EC2NodeClass` (and an
///   apiVersion `karpenter.k8s.aws/v1alpha1` becomes `karpenter.k8s.aws/v1beta1`), since the
///   AWSNodeTemplate of that name converts to the EC2NodeClass of the same name; upstream
///   copied the kind verbatim, producing a reference to a kind that no longer exists.
/// - An AWSNodeTemplate (or inline provider) with an `instanceProfile` keeps it, instead of
///   getting the `$KARPENTER_NODE_ROLE` placeholder role; upstream always dropped the profile.
/// - When converting a v1beta1 NodePool, the v1beta1 CRD defaults (`consolidationPolicy:
///   WhenUnderutilized`, `expireAfter: 720h`) are applied first, as the API server would have
///   stored them.
public enum LegacyConversion {
  /// NodePool annotation holding the JSON of the v1beta1 `template.spec.kubelet`.
  public static let kubeletCompatibilityAnnotationKey =
    "compatibility.karpenter.sh/v1beta1-kubelet-conversion"
  /// NodePool annotation holding the JSON of the v1beta1 `template.spec.nodeClassRef`.
  public static let nodeClassReferenceAnnotationKey =
    "compatibility.karpenter.sh/v1beta1-nodeclass-reference"
  /// EC2NodeClass annotation listing what the Ubuntu conversion changed.
  public static let ubuntuCompatibilityAnnotationKey =
    "compatibility.karpenter.k8s.aws/v1beta1-ubuntu"
  /// v1beta1 EC2NodeClass annotation holding a pinned alias version.
  public static let aliasVersionCompatibilityAnnotationKey =
    "compatibility.karpenter.k8s.aws/v1-alias-version"
  /// The role karpenter-convert writes, meant to be replaced with `envsubst`.
  public static let nodeRolePlaceholder = "$KARPENTER_NODE_ROLE"

  public static let defaultNodeClassGroup = "karpenter.k8s.aws"
  public static let defaultNodeClassKind = "EC2NodeClass"

  // MARK: - Composed conversions

  /// A v1alpha5 Provisioner to a v1 NodePool, and, when it has an inline `spec.provider`, the
  /// v1 EC2NodeClass made from it (named after the Provisioner).
  ///
  /// `applyDefaults: false` is karpenter-convert's `--ignore-defaults`: no requirements are
  /// added.
  public static func nodePool(from provisioner: Provisioner, applyDefaults: Bool = true) throws
    -> (nodePool: NodePool, nodeClass: EC2NodeClass?)
  {
    let beta = try nodePoolV1Beta1(from: provisioner, applyDefaults: applyDefaults)
    return (nodePool(from: beta.nodePool), beta.nodeClass.map { nodeClass(from: $0) })
  }

  /// A v1alpha1 AWSNodeTemplate to a v1 EC2NodeClass.
  public static func nodeClass(from nodeTemplate: AWSNodeTemplate) throws -> EC2NodeClass {
    nodeClass(from: try nodeClassV1Beta1(from: nodeTemplate))
  }

  // MARK: - karpenter-convert: Provisioner -> v1beta1 NodePool

  /// karpenter-convert's Provisioner conversion (v0.32.x).
  public static func nodePoolV1Beta1(from provisioner: Provisioner, applyDefaults: Bool = true)
    throws -> (nodePool: NodePoolV1Beta1, nodeClass: EC2NodeClassV1Beta1?)
  {
    var spec = provisioner.spec ?? ProvisionerSpec()
    var nodeClass: EC2NodeClassV1Beta1?
    if let provider = spec.provider {
      nodeClass = try nodeClassV1Beta1(
        spec: AWSNodeTemplateSpec(provider: provider),
        metadata: ObjectMeta(name: provisioner.metadata.name),
        subject: ("Provisioner", provisioner.name, "spec.provider."))
      spec.providerRef = LegacyNodeClassReference(name: provisioner.metadata.name)
    }
    if applyDefaults {
      spec.requirements = defaultedRequirements(spec.requirements)
    }

    var templateSpec = NodeClaimTemplateSpecV1Beta1()
    templateSpec.taints = spec.taints
    templateSpec.startupTaints = spec.startupTaints
    templateSpec.requirements = spec.requirements?.map {
      NodeSelectorRequirementWithMinValues(key: $0.key, operator: $0.operator, values: $0.values)
    }
    templateSpec.kubelet = spec.kubeletConfiguration.map(kubeletV1Beta1(from:))
    templateSpec.nodeClassRef = spec.providerRef.map(nodeClassReferenceV1Beta1(from:))

    var disruption = DisruptionV1Beta1()
    if let ttl = spec.ttlSecondsUntilExpired {
      disruption.expireAfter = try duration(
        seconds: ttl, of: provisioner, field: "spec.ttlSecondsUntilExpired")
    } else {
      disruption.expireAfter = "Never"
    }
    if spec.consolidation?.enabled == true {
      disruption.consolidationPolicy = "WhenUnderutilized"
    } else if let ttl = spec.ttlSecondsAfterEmpty {
      disruption.consolidationPolicy = "WhenEmpty"
      disruption.consolidateAfter = try duration(
        seconds: ttl, of: provisioner, field: "spec.ttlSecondsAfterEmpty")
    }

    var out = NodePoolV1Beta1(metadata: convertedMetadata(provisioner.metadata))
    out.spec = NodePoolV1Beta1Spec(
      template: NodeClaimTemplateV1Beta1(
        metadata: spec.labels == nil && spec.annotations == nil
          ? nil : TemplateMetadata(labels: spec.labels, annotations: spec.annotations),
        spec: templateSpec),
      disruption: disruption,
      limits: spec.limits?.resources,
      weight: spec.weight)
    return (out, nodeClass)
  }

  /// Label keys that Karpenter v0.32 normalised to their stable names before looking a
  /// requirement up.
  public static let normalizedLabels: [String: String] = [
    "failure-domain.beta.kubernetes.io/zone": "topology.kubernetes.io/zone",
    "failure-domain.beta.kubernetes.io/region": "topology.kubernetes.io/region",
    "beta.kubernetes.io/arch": "kubernetes.io/arch",
    "beta.kubernetes.io/os": "kubernetes.io/os",
    "beta.kubernetes.io/instance-type": "node.kubernetes.io/instance-type",
  ]

  /// The AWS v1alpha5 webhook's `SetDefaults`: appends, each only when its key is absent (with
  /// any operator, keys normalised from their beta names), `kubernetes.io/os In [linux]`,
  /// `kubernetes.io/arch In [amd64]`, `karpenter.sh/capacity-type In [on-demand]`, and, when
  /// none of instance-type, instance-family, instance-category and instance-generation is
  /// present, `instance-category In [c,m,r]` and `instance-generation Gt [2]`. The original
  /// entries are kept as written.
  public static func defaultedRequirements(_ requirements: [NodeSelectorRequirement]?)
    -> [NodeSelectorRequirement]
  {
    var out = requirements ?? []
    let keys = Set(out.map { normalizedLabels[$0.key] ?? $0.key })
    if !keys.contains("kubernetes.io/os") {
      out.append(NodeSelectorRequirement(key: "kubernetes.io/os", operator: "In", values: ["linux"]))
    }
    if !keys.contains("kubernetes.io/arch") {
      out.append(
        NodeSelectorRequirement(key: "kubernetes.io/arch", operator: "In", values: ["amd64"]))
    }
    if !keys.contains("karpenter.sh/capacity-type") {
      out.append(
        NodeSelectorRequirement(
          key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"]))
    }
    let instanceKeys = [
      "node.kubernetes.io/instance-type", "karpenter.k8s.aws/instance-family",
      "karpenter.k8s.aws/instance-category", "karpenter.k8s.aws/instance-generation",
    ]
    if !instanceKeys.contains(where: keys.contains) {
      out.append(
        NodeSelectorRequirement(
          key: "karpenter.k8s.aws/instance-category", operator: "In", values: ["c", "m", "r"]))
      out.append(
        NodeSelectorRequirement(
          key: "karpenter.k8s.aws/instance-generation", operator: "Gt", values: ["2"]))
    }
    return out
  }

  /// The v1alpha5 kubelet as v1beta1 has it: `containerRuntime` is dropped, as upstream does.
  public static func kubeletV1Beta1(from k: KubeletConfigurationV1Alpha5) -> KubeletConfiguration {
    var out = KubeletConfiguration(
      maxPods: k.maxPods, podsPerCore: k.podsPerCore, systemReserved: k.systemReserved,
      kubeReserved: k.kubeReserved, evictionHard: k.evictionHard)
    out.clusterDNS = k.clusterDNS
    out.evictionSoft = k.evictionSoft
    out.evictionSoftGracePeriod = k.evictionSoftGracePeriod
    out.evictionMaxPodGracePeriod = k.evictionMaxPodGracePeriod
    out.imageGCHighThresholdPercent = k.imageGCHighThresholdPercent
    out.imageGCLowThresholdPercent = k.imageGCLowThresholdPercent
    out.cpuCFSQuota = k.cpuCFSQuota
    return out
  }

  /// Copies the providerRef, except that a reference to an `AWSNodeTemplate` becomes one to
  /// the `EC2NodeClass` of the same name (upstream copied `AWSNodeTemplate` verbatim).
  static func nodeClassReferenceV1Beta1(from ref: LegacyNodeClassReference)
    -> LegacyNodeClassReference
  {
    var out = ref
    if ref.kind == AWSNodeTemplate.kind {
      out.kind = EC2NodeClassV1Beta1.kind
      if ref.apiVersion == AWSNodeTemplate.apiVersion {
        out.apiVersion = EC2NodeClassV1Beta1.apiVersion
      }
    }
    return out
  }

  /// `Ns` as a compact Go duration, or an error naming the field when it overflows.
  static func duration<T: KubernetesObject>(seconds: Int64, of object: T, field: String) throws
    -> String
  {
    guard let d = GoDuration(seconds: seconds) else {
      throw ConversionError(
        kind: T.kind, name: object.name, field: field,
        reason: "\(seconds) seconds is longer than the longest Go duration (about 292 years)")
    }
    return d.compact
  }

  /// karpenter-convert keeps only name, labels, annotations and finalizers.
  static func convertedMetadata(_ m: ObjectMeta) -> ObjectMeta {
    var out = ObjectMeta(name: m.name, labels: m.labels, annotations: m.annotations)
    out.finalizers = m.finalizers
    return out
  }

  // MARK: - karpenter-convert: AWSNodeTemplate -> v1beta1 EC2NodeClass

  /// karpenter-convert's AWSNodeTemplate conversion (v0.32.x). Throws when the template names
  /// a `launchTemplate`, which EC2NodeClass cannot express.
  public static func nodeClassV1Beta1(from nodeTemplate: AWSNodeTemplate) throws
    -> EC2NodeClassV1Beta1
  {
    try nodeClassV1Beta1(
      spec: nodeTemplate.spec ?? AWSNodeTemplateSpec(),
      metadata: convertedMetadata(nodeTemplate.metadata),
      subject: (AWSNodeTemplate.kind, nodeTemplate.name, "spec."))
  }

  static func nodeClassV1Beta1(
    spec t: AWSNodeTemplateSpec, metadata: ObjectMeta,
    subject: (kind: String, name: String, fieldPrefix: String)
  ) throws -> EC2NodeClassV1Beta1 {
    if let launchTemplate = t.launchTemplate {
      throw ConversionError(
        kind: subject.kind, name: subject.name, field: subject.fieldPrefix + "launchTemplate",
        reason:
          "EC2NodeClass has no launch template field (launch template \"\(launchTemplate)\" "
          + "must be replaced by the EC2NodeClass's amiSelectorTerms, userData, "
          + "securityGroupSelectorTerms, blockDeviceMappings and metadataOptions)")
    }
    var spec = EC2NodeClassV1Beta1Spec()
    spec.amiFamily = t.amiFamily ?? "AL2"
    spec.subnetSelectorTerms = subnetSelectorTerms(t.subnetSelector)
    spec.securityGroupSelectorTerms = securityGroupSelectorTerms(t.securityGroupSelector)
    spec.amiSelectorTerms = amiSelectorTerms(t.amiSelector)
    spec.userData = t.userData
    spec.tags = t.tags
    spec.blockDeviceMappings = t.blockDeviceMappings?.map {
      var m = $0
      m.rootVolume = nil  // not in v1alpha1
      return m
    }
    spec.detailedMonitoring = t.detailedMonitoring
    spec.metadataOptions = t.metadataOptions
    spec.context = t.context
    if let profile = t.instanceProfile, !profile.isEmpty {
      spec.instanceProfile = profile
    } else {
      spec.role = nodeRolePlaceholder
    }
    return EC2NodeClassV1Beta1(metadata: metadata, spec: spec)
  }

  // MARK: Selector maps -> terms

  /// Splits on `,` and trims spaces (only spaces) from each piece; `""` gives `[""]`.
  static func splitSelectorValue(_ value: String) -> [String] {
    value.split(separator: ",", omittingEmptySubsequences: false).map {
      var s = Substring($0)
      while s.first == " " { s = s.dropFirst() }
      while s.last == " " { s = s.dropLast() }
      return String(s)
    }
  }

  /// The parsed selector: ids, AMI names and owners (`[""]` when absent) and the tag maps, the
  /// earliest-sorted key varying fastest.
  private struct ParsedSelector {
    var ids = [""]
    var names = [""]
    var owners = [""]
    var tagSet: [[String: String]] = [[:]]
  }

  private static func parseSelector(_ selector: [String: String], ami: Bool) -> ParsedSelector {
    var p = ParsedSelector()
    for key in selector.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }) {
      let value = selector[key]!
      switch key {
      case "aws-ids", "aws::ids": p.ids = splitSelectorValue(value)
      case "aws::name" where ami: p.names = splitSelectorValue(value)
      case "aws::owners" where ami: p.owners = splitSelectorValue(value)
      default:
        var next: [[String: String]] = []
        for v in splitSelectorValue(value) {
          for tags in p.tagSet {
            var t = tags
            t[key] = v
            next.append(t)
          }
        }
        p.tagSet = next
      }
    }
    return p
  }

  private static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
  private static func nonEmpty(_ m: [String: String]) -> [String: String]? { m.isEmpty ? nil : m }

  /// v0.32.10's `subnetSelector` to `subnetSelectorTerms`; nil for an empty selector.
  public static func subnetSelectorTerms(_ selector: [String: String]?) -> [SubnetSelectorTerm]? {
    guard let selector, !selector.isEmpty else { return nil }
    let p = parseSelector(selector, ami: false)
    return p.ids.flatMap { id in
      p.tagSet.map { SubnetSelectorTerm(tags: nonEmpty($0), id: nonEmpty(id)) }
    }
  }

  /// v0.32.10's `securityGroupSelector` to `securityGroupSelectorTerms`; nil for an empty
  /// selector. There is no `name` special key.
  public static func securityGroupSelectorTerms(_ selector: [String: String]?)
    -> [SecurityGroupSelectorTerm]?
  {
    guard let selector, !selector.isEmpty else { return nil }
    let p = parseSelector(selector, ami: false)
    return p.ids.flatMap { id in
      p.tagSet.map { SecurityGroupSelectorTerm(tags: nonEmpty($0), id: nonEmpty(id)) }
    }
  }

  /// v0.32.10's `amiSelector` to `amiSelectorTerms`, nesting owners, ids, names, tags from
  /// outermost to innermost; nil for an empty selector.
  public static func amiSelectorTerms(_ selector: [String: String]?) -> [AMISelectorTermV1Beta1]? {
    guard let selector, !selector.isEmpty else { return nil }
    let p = parseSelector(selector, ami: true)
    var out: [AMISelectorTermV1Beta1] = []
    for owner in p.owners {
      for id in p.ids {
        for name in p.names {
          for tags in p.tagSet {
            out.append(
              AMISelectorTermV1Beta1(
                tags: nonEmpty(tags), id: nonEmpty(id), name: nonEmpty(name),
                owner: nonEmpty(owner)))
          }
        }
      }
    }
    return out
  }
}
