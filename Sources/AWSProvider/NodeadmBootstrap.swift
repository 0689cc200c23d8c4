import Foundation
import KarpenterAPI

/// AL2023: a nodeadm `NodeConfig` (cluster, kubelet config and flags) as the last part of a MIME
/// archive, after the user's parts (upstream's `bootstrap.Nodeadm`). The user's user data may be
/// MIME (its parts are kept), a NodeConfig YAML document, or a shell script.
enum NodeadmBootstrap {
  static func script(_ b: NodeBootstrap) throws -> String {
    guard let cidr = b.clusterCIDR, !cidr.isEmpty else {
      throw UserDataError(
        "AL2023 user data needs the cluster's service CIDR, which has not been resolved yet")
    }
    var parts: [MIMEArchive.Part] = []
    if let custom = b.userData, !custom.isEmpty {
      if MIMEArchive.isMIME(custom) {
        parts += try MIMEArchive(parsing: custom).parts
      } else if looksLikeYAMLMapping(custom) {
        parts.append(MIMEArchive.Part(contentType: MIMEArchive.nodeConfig, content: custom))
      } else {
        parts.append(MIMEArchive.Part(contentType: MIMEArchive.shellScript, content: custom))
      }
    }
    parts.append(MIMEArchive.Part(contentType: MIMEArchive.nodeConfig, content: nodeConfig(b, cidr: cidr)))
    return MIMEArchive(parts: parts).serialized
  }

  /// The generated NodeConfig, keys sorted as upstream's YAML (which goes through JSON) has them.
  static func nodeConfig(_ b: NodeBootstrap, cidr: String) -> String {
    var cluster: [String: YAMLValue] = [
      "apiServerEndpoint": .string(b.clusterEndpoint), "cidr": .string(cidr), "name": .string(b.clusterName),
    ]
    if let ca = b.caBundle, !ca.isEmpty { cluster["certificateAuthority"] = .string(ca) }
    var kubelet: [String: YAMLValue] = ["config": .map(kubeletConfig(b))]
    if let labels = b.nodeLabelArg { kubelet["flags"] = .list([.string(labels)]) }
    var localStorage: [String: YAMLValue] = [:]
    if b.instanceStorePolicy == "RAID0" { localStorage["strategy"] = .string("RAID0") }
    let spec: [String: YAMLValue] = [
      "cluster": .map(cluster), "containerd": .map([:]),
      "instance": .map(["localStorage": .map(localStorage)]), "kubelet": .map(kubelet),
    ]
    let root: YAMLValue = .map([
      "apiVersion": .string("node.eks.aws/v1alpha1"), "kind": .string("NodeConfig"),
      "metadata": .map([:]), "spec": .map(spec),
    ])
    return "# Karpenter Generated NodeConfig\n" + root.rendered(indent: 0)
  }

  /// The EC2NodeClass's kubelet settings under their KubeletConfiguration names, with the
  /// cluster DNS, max pods and `registerWithTaints` Karpenter adds.
  static func kubeletConfig(_ b: NodeBootstrap) -> [String: YAMLValue] {
    var config: [String: YAMLValue] = [:]
    let k = b.kubelet
    if let dns = k?.clusterDNS ?? b.clusterDNSIP.map({ [$0] }) {
      config["clusterDNS"] = .list(dns.map(YAMLValue.string))
    }
    if let maxPods = b.effectiveMaxPods { config["maxPods"] = .int(Int64(maxPods)) }
    if let v = k?.podsPerCore { config["podsPerCore"] = .int(Int64(v)) }
    func map(_ name: String, _ value: [String: String]?) {
      if let value { config[name] = .map(value.mapValues(YAMLValue.string)) }
    }
    map("systemReserved", k?.systemReserved)
    map("kubeReserved", k?.kubeReserved)
    map("evictionHard", k?.evictionHard)
    map("evictionSoft", k?.evictionSoft)
    map("evictionSoftGracePeriod", k?.evictionSoftGracePeriod)
    if let v = k?.evictionMaxPodGracePeriod { config["evictionMaxPodGracePeriod"] = .int(Int64(v)) }
    if let v = k?.imageGCHighThresholdPercent { config["imageGCHighThresholdPercent"] = .int(Int64(v)) }
    if let v = k?.imageGCLowThresholdPercent { config["imageGCLowThresholdPercent"] = .int(Int64(v)) }
    if let v = k?.cpuCFSQuota { config["cpuCFSQuota"] = .bool(v) }
    config["registerWithTaints"] = .list(
      b.taints.map { taint in
        var m: [String: YAMLValue] = ["effect": .string(taint.effect), "key": .string(taint.key)]
        if let value = taint.value, !value.isEmpty { m["value"] = .string(value) }
        return .map(m)
      })
    return config
  }

  /// Upstream tries to read the user data as a YAML mapping; short of a YAML parser, a document
  /// whose first meaningful line is `key:` (and not a shebang) counts as one.
  static func looksLikeYAMLMapping(_ text: String) -> Bool {
    for line in text.split(separator: "\n") {
      let t = line.trimmingCharacters(in: .whitespaces)
      if t.isEmpty || t == "---" { continue }
      if t.hasPrefix("#") { continue }
      guard let colon = t.firstIndex(of: ":") else { return false }
      let key = t[..<colon]
      return !key.isEmpty && !key.contains(" ")
        && (t.index(after: colon) == t.endIndex || t[t.index(after: colon)] == " ")
    }
    return false
  }
}

/// A small YAML tree, rendered block-style with sorted keys as `sigs.k8s.io/yaml` does.
indirect enum YAMLValue: Sendable, Hashable {
  case string(String)
  case int(Int64)
  case bool(Bool)
  case list([YAMLValue])
  case map([String: YAMLValue])

  /// The value as the lines after `key:` (a scalar inline, a collection on the next lines).
  func rendered(indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    switch self {
    case .map(let m):
      var out = ""
      for key in m.keys.sorted() {
        guard let value = m[key] else { continue }
        out += pad + Self.scalar(key) + ":" + value.afterKey(indent: indent)
      }
      return out
    case .list(let items):
      var out = ""
      for item in items {
        switch item {
        case .map(let m) where !m.isEmpty:
          // The first key on the dash line, the rest aligned under it.
          let body = item.rendered(indent: indent + 2)
          out += pad + "- " + body.dropFirst(indent + 2)
        default:
          out += pad + "-" + item.afterKey(indent: indent)
        }
      }
      return out
    default:
      return pad + inline + "\n"
    }
  }

  private func afterKey(indent: Int) -> String {
    switch self {
    case .map(let m): m.isEmpty ? " {}\n" : "\n" + rendered(indent: indent + 2)
    case .list(let l): l.isEmpty ? " []\n" : "\n" + rendered(indent: indent)
    default: " " + inline + "\n"
    }
  }

  private var inline: String {
    switch self {
    case .string(let s): Self.scalar(s)
    case .int(let i): String(i)
    case .bool(let b): String(b)
    default: ""
    }
  }

  /// A string as a plain scalar when YAML would read it back as the same string, else quoted.
  static func scalar(_ s: String) -> String {
    let reserved: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"]
    var plain = !s.isEmpty && !reserved.contains(s.lowercased()) && Double(s) == nil
    if let first = s.first, "!&*{}[]|>'\"%@`#,?:".contains(first) { plain = false }
    if s.hasPrefix("- ") || s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { plain = false }
    if s.first == " " || s.last == " " || s.contains("\n") { plain = false }
    if plain { return s }
    let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n")
    return "\"" + escaped + "\""
  }
}
