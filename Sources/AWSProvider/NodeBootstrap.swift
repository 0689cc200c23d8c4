import Foundation
import KarpenterAPI
import KubernetesAPI

/// What a node needs to join the cluster: the input of every family's user data (upstream's
/// `bootstrap.Options`).
public struct NodeBootstrap: Sendable, Hashable {
  public var clusterName: String
  /// `https://...`.
  public var clusterEndpoint: String
  /// The cluster CA bundle, base64 as EKS reports it; nil leaves it out.
  public var caBundle: String?
  /// The cluster's DNS service IP (the kubelet's `clusterDNS[0]` wins when it is set).
  public var clusterDNSIP: String?
  /// The service CIDR, which AL2023's nodeadm requires.
  public var clusterCIDR: String?
  public var labels: [String: String]
  /// Registered with the node (`karpenter.sh/unregistered:NoExecute` first, as upstream).
  public var taints: [Taint]
  public var kubelet: KubeletConfiguration?
  /// Max pods to set on the kubelet when the family cannot infer it (upstream sets it when the
  /// family lacks ENI-limited pod density or ENIs are reserved); `kubelet.maxPods` wins.
  public var maxPods: Int32?
  /// The EC2NodeClass's `spec.userData`.
  public var userData: String?
  /// `RAID0` sets up instance storage as the ephemeral storage.
  public var instanceStorePolicy: String?

  public init(
    clusterName: String, clusterEndpoint: String, caBundle: String? = nil, clusterDNSIP: String? = nil,
    clusterCIDR: String? = nil, labels: [String: String] = [:], taints: [Taint] = [],
    kubelet: KubeletConfiguration? = nil, maxPods: Int32? = nil, userData: String? = nil,
    instanceStorePolicy: String? = nil
  ) {
    self.clusterName = clusterName
    self.clusterEndpoint = clusterEndpoint
    self.caBundle = caBundle
    self.clusterDNSIP = clusterDNSIP
    self.clusterCIDR = clusterCIDR
    self.labels = labels
    self.taints = taints
    self.kubelet = kubelet
    self.maxPods = maxPods
    self.userData = userData
    self.instanceStorePolicy = instanceStorePolicy
  }

  /// The DNS IP the node uses: the kubelet's first `clusterDNS`, else ``clusterDNSIP``.
  var dnsIP: String? { kubelet?.clusterDNS?.first ?? clusterDNSIP }

  /// The effective max pods: the kubelet's, else ``maxPods``.
  var effectiveMaxPods: Int32? { kubelet?.maxPods ?? maxPods }

  /// `--node-labels="a=b,c=d"`, keys sorted; nil without labels.
  var nodeLabelArg: String? {
    guard !labels.isEmpty else { return nil }
    let joined = labels.keys.sorted().map { "\($0)=\(labels[$0] ?? "")" }.joined(separator: ",")
    return "--node-labels=\"\(joined)\""
  }

  /// The kubelet flags upstream passes through `--kubelet-extra-args` (AL2) and
  /// `-KubeletExtraArgs` (Windows): labels, taints, max pods, reservations and eviction.
  /// Map-valued flags are sorted by key so that the output is stable.
  var kubeletExtraArgs: [String] {
    var args: [String] = []
    if let arg = nodeLabelArg { args.append(arg) }
    args.append("--register-with-taints=\"\(taints.map(Self.taintString).joined(separator: ","))\"")
    if let maxPods = effectiveMaxPods { args.append("--max-pods=\(maxPods)") }
    guard let kubelet else { return args }
    if let podsPerCore = kubelet.podsPerCore { args.append("--pods-per-core=\(podsPerCore)") }
    func joined(_ name: String, _ map: [String: String]?, _ separator: String) {
      guard let map, !map.isEmpty else { return }
      let text = map.keys.sorted().map { "\($0)\(separator)\(map[$0] ?? "")" }.joined(separator: ",")
      args.append("\(name)=\"\(text)\"")
    }
    joined("--system-reserved", kubelet.systemReserved, "=")
    joined("--kube-reserved", kubelet.kubeReserved, "=")
    joined("--eviction-hard", kubelet.evictionHard, "<")
    joined("--eviction-soft", kubelet.evictionSoft, "<")
    joined("--eviction-soft-grace-period", kubelet.evictionSoftGracePeriod, "=")
    if let v = kubelet.evictionMaxPodGracePeriod { args.append("--eviction-max-pod-grace-period=\(v)") }
    if let v = kubelet.imageGCHighThresholdPercent { args.append("--image-gc-high-threshold=\(v)") }
    if let v = kubelet.imageGCLowThresholdPercent { args.append("--image-gc-low-threshold=\(v)") }
    if let v = kubelet.cpuCFSQuota { args.append("--cpu-cfs-quota=\(v)") }
    return args
  }

  /// `key=value:Effect`, or `key:Effect` without a value, as Kubernetes prints a taint.
  static func taintString(_ taint: Taint) -> String {
    if let value = taint.value, !value.isEmpty { return "\(taint.key)=\(value):\(taint.effect)" }
    return "\(taint.key):\(taint.effect)"
  }
}

/// Why user data could not be generated (the user's own user data did not parse, or the
/// family lacks a setting it needs); reads as a sentence.
public struct UserDataError: Error, Hashable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

extension AMIFamily {
  /// The user data a node of this family boots with, base64 as EC2 takes it (upstream's
  /// `Bootstrapper.Script`). Custom returns the user's user data unchanged.
  public func userData(_ bootstrap: NodeBootstrap) throws -> String {
    let text: String
    switch self {
    case .al2: text = try EKSBootstrap.script(bootstrap)
    case .al2023: text = try NodeadmBootstrap.script(bootstrap)
    case .bottlerocket: text = try BottlerocketBootstrap.script(bootstrap)
    case .windows2019, .windows2022, .windows2025: text = WindowsBootstrap.script(bootstrap)
    case .custom: text = bootstrap.userData ?? ""
    }
    return Data(text.utf8).base64EncodedString()
  }
}

/// AL2: `/etc/eks/bootstrap.sh` in a shell part after the user's MIME parts.
enum EKSBootstrap {
  static func script(_ b: NodeBootstrap) throws -> String {
    var parts: [MIMEArchive.Part] = []
    if let custom = b.userData, !custom.isEmpty {
      if MIMEArchive.isMIME(custom) {
        parts += try MIMEArchive(parsing: custom).parts
      } else {
        parts.append(MIMEArchive.Part(contentType: MIMEArchive.shellScript, content: custom))
      }
    }
    parts.append(MIMEArchive.Part(contentType: MIMEArchive.shellScript, content: bootstrapScript(b)))
    return MIMEArchive(parts: parts).serialized
  }

  static func bootstrapScript(_ b: NodeBootstrap) -> String {
    var s = "#!/bin/bash -xe\n"
    s += "exec > >(tee /var/log/user-data.log|logger -t user-data -s 2>/dev/console) 2>&1\n"
    s += "/etc/eks/bootstrap.sh '\(b.clusterName)' --apiserver-endpoint '\(b.clusterEndpoint)'"
    if let ca = b.caBundle { s += " --b64-cluster-ca '\(ca)'" }
    if let dns = b.dnsIP {
      if dns.contains(":") { s += " \\\n--ip-family ipv6" }
      s += " \\\n--dns-cluster-ip '\(dns)'"
    }
    if b.effectiveMaxPods != nil { s += " \\\n--use-max-pods false" }
    let args = b.kubeletExtraArgs
    if !args.isEmpty { s += " \\\n--kubelet-extra-args '\(args.joined(separator: " "))'" }
    if b.instanceStorePolicy == "RAID0" { s += " \\\n--local-disks raid0" }
    return s
  }
}

/// Windows: the user's PowerShell, then `Start-EKSBootstrap.ps1`, in one `<powershell>` block.
enum WindowsBootstrap {
  static func script(_ b: NodeBootstrap) -> String {
    var s = "<powershell>\n"
    if let custom = b.userData, !custom.isEmpty { s += custom + "\n" }
    s += "[string]$EKSBootstrapScriptFile = \"$env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1\"\n"
    s +=
      "& $EKSBootstrapScriptFile -EKSClusterName '\(b.clusterName)' -APIServerEndpoint '\(b.clusterEndpoint)'"
    if let ca = b.caBundle { s += " -Base64ClusterCA '\(ca)'" }
    let args = b.kubeletExtraArgs
    if !args.isEmpty { s += " -KubeletExtraArgs '\(args.joined(separator: " "))'" }
    if let dns = b.dnsIP { s += " -DNSClusterIP '\(dns)'" }
    s += "\n</powershell>"
    return s
  }
}
