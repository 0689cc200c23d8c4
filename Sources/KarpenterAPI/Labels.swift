/// Label, annotation and taint keys that Karpenter and its AWS provider define, and the rules
/// about which of them users may write.
public enum WellKnown {
  public static let nodePoolLabel = "karpenter.sh/nodepool"
  public static let capacityTypeLabel = "karpenter.sh/capacity-type"
  public static let initializedLabel = "karpenter.sh/initialized"
  public static let registeredLabel = "karpenter.sh/registered"
  public static let doNotSyncTaintsLabel = "karpenter.sh/do-not-sync-taints"
  public static let doNotDisruptAnnotation = "karpenter.sh/do-not-disrupt"
  public static let nodePoolHashAnnotation = "karpenter.sh/nodepool-hash"
  public static let nodePoolHashVersionAnnotation = "karpenter.sh/nodepool-hash-version"
  public static let kubeletCompatibilityAnnotation =
    "compatibility.karpenter.sh/v1beta1-kubelet-conversion"
  public static let nodeClassReferenceAnnotation =
    "compatibility.karpenter.sh/v1beta1-nodeclass-reference"
  public static let terminationFinalizer = "karpenter.sh/termination"
  public static let disruptedTaintKey = "karpenter.sh/disrupted"
  public static let unregisteredTaintKey = "karpenter.sh/unregistered"
  /// Taints Kubernetes' node lifecycle controller keeps on cordoned and unhealthy Nodes.
  public static let unschedulableTaintKey = "node.kubernetes.io/unschedulable"
  public static let notReadyTaintKey = "node.kubernetes.io/not-ready"
  public static let unreachableTaintKey = "node.kubernetes.io/unreachable"

  public static let hostnameLabel = "kubernetes.io/hostname"
  public static let zoneLabel = "topology.kubernetes.io/zone"
  public static let regionLabel = "topology.kubernetes.io/region"
  public static let instanceTypeLabel = "node.kubernetes.io/instance-type"
  public static let archLabel = "kubernetes.io/arch"
  public static let osLabel = "kubernetes.io/os"
  public static let windowsBuildLabel = "node.kubernetes.io/windows-build"

  public static let capacityTypeSpot = "spot"
  public static let capacityTypeOnDemand = "on-demand"
  public static let capacityTypeReserved = "reserved"

  /// Labels of the AWS provider (`karpenter.k8s.aws/...`) that users may require.
  public static let awsRequirementLabels: [String] = [
    "karpenter.k8s.aws/instance-tenancy", "karpenter.k8s.aws/capacity-reservation-type",
    "karpenter.k8s.aws/capacity-reservation-id",
    "karpenter.k8s.aws/capacity-reservation-interruptible", "karpenter.k8s.aws/ec2nodeclass",
    "karpenter.k8s.aws/instance-encryption-in-transit-supported",
    "karpenter.k8s.aws/nitro-sandbox", "karpenter.k8s.aws/instance-category",
    "karpenter.k8s.aws/instance-hypervisor", "karpenter.k8s.aws/instance-family",
    "karpenter.k8s.aws/instance-generation", "karpenter.k8s.aws/instance-local-nvme",
    "karpenter.k8s.aws/instance-size", "karpenter.k8s.aws/instance-cpu",
    "karpenter.k8s.aws/instance-cpu-manufacturer",
    "karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz",
    "karpenter.k8s.aws/instance-memory", "karpenter.k8s.aws/instance-ebs-bandwidth",
    "karpenter.k8s.aws/instance-network-bandwidth", "karpenter.k8s.aws/instance-gpu-name",
    "karpenter.k8s.aws/instance-gpu-manufacturer", "karpenter.k8s.aws/instance-gpu-count",
    "karpenter.k8s.aws/instance-gpu-memory", "karpenter.k8s.aws/instance-accelerator-name",
    "karpenter.k8s.aws/instance-accelerator-manufacturer",
    "karpenter.k8s.aws/instance-accelerator-count",
    "karpenter.k8s.aws/instance-capability-flex", "karpenter.k8s.aws/placement-group-id",
    "karpenter.k8s.aws/placement-group-partition",
  ]

  /// Labels the scheduler knows how to satisfy from instance types and offerings.
  public static let wellKnownLabels: Set<String> = Set(
    [
      nodePoolLabel, zoneLabel, regionLabel, instanceTypeLabel, archLabel, osLabel,
      capacityTypeLabel, windowsBuildLabel, "topology.k8s.aws/zone-id",
    ] + awsRequirementLabels.filter { $0 != "karpenter.k8s.aws/ec2nodeclass" })

  /// Values a requirement on these keys may take; `In` must name at least one of them.
  public static let knownValues: [String: Set<String>] = [
    capacityTypeLabel: [capacityTypeOnDemand, capacityTypeSpot, capacityTypeReserved],
    "karpenter.k8s.aws/instance-tenancy": ["dedicated", "default"],
  ]

  /// The deprecated beta labels and the stable labels they stand for.
  public static let normalizedLabels: [String: String] = [
    "failure-domain.beta.kubernetes.io/zone": zoneLabel,
    "beta.kubernetes.io/arch": archLabel,
    "beta.kubernetes.io/os": osLabel,
    "beta.kubernetes.io/instance-type": instanceTypeLabel,
    "failure-domain.beta.kubernetes.io/region": regionLabel,
  ]

  public static func normalized(_ key: String) -> String { normalizedLabels[key] ?? key }

  /// The domain of a label key: the part before the first `/`, or "" without one.
  public static func domain(of key: String) -> String {
    guard let slash = key.firstIndex(of: "/") else { return "" }
    return String(key[..<slash])
  }
}
