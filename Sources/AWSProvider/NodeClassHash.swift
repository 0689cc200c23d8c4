import KarpenterAPI

/// The EC2NodeClass hash that static drift compares (upstream's `EC2NodeClass.Hash`): over the
/// spec fields that change a launched node and are not resolved dynamically. Selector terms, the
/// IP prefix count and the literal `amiFamily` are left out, as upstream tags them
/// `hash:"ignore"`; the resolved AMI family, the cluster CA bundle and the kubelet settings are
/// added. Unset fields are skipped, so adding an optional field does not change existing hashes.
public enum NodeClassHash {
  /// Stamped next to the hash; a NodeClaim whose version differs is not judged drifted. This
  /// project's hash is SHA-256 (upstream's `v6` is hashstructure's FNV), so its versions are its
  /// own and upstream's annotations are never compared with it.
  public static let version = "sha256-v1"

  public static func hash(_ spec: EC2NodeClassSpec, caBundle: String? = nil) -> String {
    var e = CanonicalEncoder()
    func optional(_ name: String, _ value: String?) {
      guard let value, !value.isEmpty else { return }
      e.field(name)
      e.write(value)
    }
    optional("associatePublicIPAddress", spec.associatePublicIPAddress.map { String($0) })
    optional("userData", spec.userData)
    optional("role", spec.role)
    optional("instanceProfile", spec.instanceProfile)
    if let tags = spec.tags, !tags.isEmpty {
      e.field("tags")
      e.write(tags)
    }
    if let mappings = spec.blockDeviceMappings, !mappings.isEmpty {
      e.field("blockDeviceMappings")
      e.write(set: mappings.map(LaunchTemplateSpec.describe))
    }
    optional("instanceStorePolicy", spec.instanceStorePolicy)
    optional("detailedMonitoring", spec.detailedMonitoring.map { String($0) })
    if let m = spec.metadataOptions {
      e.field("metadataOptions")
      e.write(m.httpEndpoint)
      e.write(m.httpProtocolIPv6)
      e.write(m.httpPutResponseHopLimit)
      e.write(m.httpTokens)
    }
    optional("context", spec.context)
    optional("amiFamily", AMIFamily(nodeClass: spec).rawValue)
    optional("caBundle", caBundle)
    if let k = spec.kubelet {
      e.field("kubelet")
      e.write(set: k.clusterDNS)
      e.write(k.maxPods.map(Int64.init))
      e.write(k.podsPerCore.map(Int64.init))
      e.write(k.systemReserved)
      e.write(k.kubeReserved)
      e.write(k.evictionHard)
      e.write(k.evictionSoft)
      e.write(k.evictionSoftGracePeriod)
      e.write(k.evictionMaxPodGracePeriod.map(Int64.init))
      e.write(k.imageGCHighThresholdPercent.map(Int64.init))
      e.write(k.imageGCLowThresholdPercent.map(Int64.init))
      e.write(k.cpuCFSQuota)
    }
    return e.sha256Hex
  }

  /// The two annotations the class and its NodeClaims carry.
  public static func annotations(_ spec: EC2NodeClassSpec, caBundle: String? = nil) -> [String: String] {
    [AWSTags.nodeClassHash: hash(spec, caBundle: caBundle), AWSTags.nodeClassHashVersion: version]
  }
}
