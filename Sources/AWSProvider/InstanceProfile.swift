import KarpenterAPI

/// How upstream names, tags and places the instance profile it creates for an EC2NodeClass's
/// `role` (`InstanceProfileName`, `InstanceProfileTags`, `FormatPath`).
public enum InstanceProfileNaming {
  /// `{cluster}_{hash}`, the hash being hashstructure's 64-bit FNV-1 of region + NodeClass name +
  /// `uniqueSuffix`, in decimal. Upstream draws a UUID for the suffix so that a re-created profile
  /// gets a new name; the caller passes one in (an empty suffix gives upstream's legacy name).
  public static func name(clusterName: String, region: String, nodeClassName: String, uniqueSuffix: String)
    -> String
  {
    "\(clusterName)_\(fnv1Hash64(region + nodeClassName + uniqueSuffix))"
  }

  /// The class's `spec.tags` with the cluster ownership, EKS cluster name, NodeClass and region
  /// tags over them.
  public static func tags(
    clusterName: String, region: String, nodeClassName: String, specTags: [String: String]?
  ) -> [String: String] {
    var tags = specTags ?? [:]
    tags["kubernetes.io/cluster/\(clusterName)"] = "owned"
    tags[AWSTags.eksClusterName] = clusterName
    tags[AWSTags.nodeClass] = nodeClassName
    tags[WellKnown.regionLabel] = region
    return tags
  }

  /// `/karpenter/{region}/{cluster}/{nodeClassUID}/`, where upstream creates its profiles.
  public static func path(region: String, clusterName: String, nodeClassUID: String) -> String {
    "/" + ["karpenter", region, clusterName, nodeClassUID].joined(separator: "/") + "/"
  }

  /// Which profile a node of the class launches with: the one named in the spec, else the one
  /// the status recorded for its role (nil until it is created).
  public static func profile(for nodeClass: EC2NodeClass) -> String? {
    if let named = nodeClass.spec?.instanceProfile, !named.isEmpty { return named }
    return nodeClass.status?.instanceProfile
  }

  /// 64-bit FNV-1 (multiply, then xor), what `hashstructure` uses for a string.
  static func fnv1Hash64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash = hash &* 0x0000_0100_0000_01b3
      hash ^= UInt64(byte)
    }
    return hash
  }
}

/// Tag and annotation keys of upstream's AWS provider.
public enum AWSTags {
  public static let nodePool = "karpenter.sh/nodepool"
  public static let nodeClaim = "karpenter.sh/nodeclaim"
  public static let nodeClass = "karpenter.k8s.aws/ec2nodeclass"
  public static let eksClusterName = "eks:eks-cluster-name"
  public static let managedBy = "karpenter.sh/managed-by"
  public static let name = "Name"
  public static let nodeClassHash = "karpenter.k8s.aws/ec2nodeclass-hash"
  public static let nodeClassHashVersion = "karpenter.k8s.aws/ec2nodeclass-hash-version"

  /// `kubernetes.io/cluster/NAME`.
  public static func cluster(_ name: String) -> String { "kubernetes.io/cluster/\(name)" }
}
