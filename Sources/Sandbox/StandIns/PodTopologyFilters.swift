import KubernetesAPI

/// A pod already on a node (or placed earlier in the same pass), as inter-pod affinity and
/// topology spread see it.
struct PlacedPod {
  var namespace: String
  var labels: [String: String]
  /// Its required anti-affinity terms: a newcomer that matches one keeps out of its domain.
  var antiAffinity: [PodAffinityTerm]
  /// Pods being deleted still count for affinity but not for spreading, as upstream counts.
  var terminating: Bool

  init(_ pod: Pod) {
    namespace = pod.namespace
    labels = pod.labels
    antiAffinity = pod.spec?.affinity?.podAntiAffinity?.required ?? []
    terminating = pod.isTerminating
  }
}

/// The PodTopologySpread and InterPodAffinity filters for one pending pod, prepared once over
/// the placed pods and then asked about each node.
///
/// Supported: required pod affinity and anti-affinity on any topology key (with upstream's
/// rule that the first pod of a group may land anywhere when it matches its own affinity),
/// existing pods' required anti-affinity, and `DoNotSchedule` spread constraints with
/// `maxSkew`, `minDomains`, `matchLabelKeys`, and `nodeAffinityPolicy`/`nodeTaintsPolicy`.
/// A `namespaceSelector` is read as "every namespace" (namespace labels are not followed).
struct PodTopologyFilters {
  private struct Spread {
    var key: String
    var maxSkew: Int
    var selector: LabelSelector
    var selfMatch: Int
    var counts: [String: Int]
    var minimum: Int
  }

  private struct AffinityTerm {
    var key: String
    /// Domains (values of `key`) holding a matching pod.
    var domains: Set<String>
    /// No pod matches anywhere and the pod matches its own term: any node with the key will do.
    var firstOfGroup: Bool
  }

  private var spreads: [Spread] = []
  private var affinity: [AffinityTerm] = []
  /// Anti-affinity terms of the pod: (key, domains holding a matching pod).
  private var antiAffinity: [(key: String, domains: Set<String>)] = []
  /// Domains the placed pods' anti-affinity keeps this pod out of: (key, domains).
  private var excludedByOthers: [(key: String, domains: Set<String>)] = []

  /// True when the pod has required inter-pod constraints of its own.
  static func constrains(_ pod: Pod) -> Bool {
    let affinity = pod.spec?.affinity
    return !(affinity?.podAffinity?.required ?? []).isEmpty
      || !(affinity?.podAntiAffinity?.required ?? []).isEmpty
      || (pod.spec?.topologySpreadConstraints ?? []).contains(where: \.isRequired)
  }

  /// Prepares the filters for `pod` over `nodes` and the pods on each (same positions).
  init(pod: Pod, nodes: [NodeUsage], placed: [[PlacedPod]]) {
    let spec = pod.spec
    for c in spec?.topologySpreadConstraints ?? [] where c.isRequired {
      var selector =
        c.labelSelector
        ?? LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "", operator: "In", values: [])])
      for key in c.matchLabelKeys ?? [] {
        if let value = pod.labels[key] {
          selector.matchLabels = (selector.matchLabels ?? [:]).merging([key: value]) { $1 }
        }
      }
      var counts: [String: Int] = [:]
      for (i, node) in nodes.enumerated() {
        guard let domain = node.labels[c.topologyKey] else { continue }
        if c.nodeAffinityPolicy != "Ignore", let spec,
          !spec.selectsNode(labels: node.labels, nodeName: node.name)
        {
          continue
        }
        if c.nodeTaintsPolicy == "Honor", spec?.firstUntoleratedTaint(node.taints) != nil { continue }
        let matching = placed[i].filter {
          !$0.terminating && $0.namespace == pod.namespace && selector.matches($0.labels)
        }.count
        counts[domain, default: 0] += matching
      }
      var minimum = counts.values.min() ?? 0
      if let minDomains = c.minDomains, counts.count < Int(minDomains) { minimum = 0 }
      spreads.append(
        Spread(
          key: c.topologyKey, maxSkew: Int(c.maxSkew), selector: selector,
          selfMatch: selector.matches(pod.labels) ? 1 : 0, counts: counts, minimum: minimum))
    }

    func domains(of term: PodAffinityTerm) -> Set<String> {
      var out: Set<String> = []
      for (i, node) in nodes.enumerated() {
        guard let domain = node.labels[term.topologyKey], !out.contains(domain) else { continue }
        if placed[i].contains(where: { Self.matches(term, owner: pod, $0.namespace, $0.labels) }) {
          out.insert(domain)
        }
      }
      return out
    }
    for term in spec?.affinity?.podAffinity?.required ?? [] {
      let found = domains(of: term)
      let anywhere =
        !found.isEmpty
        || placed.contains { $0.contains { Self.matches(term, owner: pod, $0.namespace, $0.labels) } }
      affinity.append(
        AffinityTerm(
          key: term.topologyKey, domains: found,
          firstOfGroup: !anywhere && Self.matches(term, owner: pod, pod.namespace, pod.labels)))
    }
    for term in spec?.affinity?.podAntiAffinity?.required ?? [] {
      antiAffinity.append((term.topologyKey, domains(of: term)))
    }
    for (i, node) in nodes.enumerated() {
      for other in placed[i] {
        for term in other.antiAffinity {
          guard let domain = node.labels[term.topologyKey],
            Self.matches(
              term, ownerNamespace: other.namespace, ownerLabels: other.labels, pod.namespace, pod.labels)
          else { continue }
          if let j = excludedByOthers.firstIndex(where: { $0.key == term.topologyKey }) {
            excludedByOthers[j].domains.insert(domain)
          } else {
            excludedByOthers.append((term.topologyKey, [domain]))
          }
        }
      }
    }
  }

  /// Why the node fails these filters, or nil when it passes, in the order the plugins judge:
  /// spreading, then the pod's affinity, its anti-affinity, and the placed pods' anti-affinity.
  func rejection(of node: NodeUsage) -> String? {
    for s in spreads {
      guard let domain = node.labels[s.key] else {
        return "node(s) didn't match pod topology spread constraints (missing required label)"
      }
      if (s.counts[domain] ?? 0) + s.selfMatch - s.minimum > s.maxSkew {
        return "node(s) didn't match pod topology spread constraints"
      }
    }
    for term in affinity {
      guard let domain = node.labels[term.key] else { return "node(s) didn't match pod affinity rules" }
      if !term.firstOfGroup && !term.domains.contains(domain) {
        return "node(s) didn't match pod affinity rules"
      }
    }
    for (key, domains) in antiAffinity {
      if let domain = node.labels[key], domains.contains(domain) {
        return "node(s) didn't match pod anti-affinity rules"
      }
    }
    for (key, domains) in excludedByOthers {
      if let domain = node.labels[key], domains.contains(domain) {
        return "node(s) didn't satisfy existing pods anti-affinity rules"
      }
    }
    return nil
  }

  /// Whether a pod (`namespace`, `labels`) is one `term` of the pod `owner` selects.
  static func matches(_ term: PodAffinityTerm, owner: Pod, _ namespace: String, _ labels: [String: String])
    -> Bool
  {
    matches(term, ownerNamespace: owner.namespace, ownerLabels: owner.labels, namespace, labels)
  }

  static func matches(
    _ term: PodAffinityTerm, ownerNamespace: String, ownerLabels: [String: String], _ namespace: String,
    _ labels: [String: String]
  ) -> Bool {
    // A term without a selector selects no pod.
    guard var selector = term.labelSelector else { return false }
    if let namespaces = term.namespaces, !namespaces.isEmpty {
      if !namespaces.contains(namespace) && term.namespaceSelector == nil { return false }
    } else if term.namespaceSelector == nil, namespace != ownerNamespace {
      return false
    }
    for key in term.matchLabelKeys ?? [] {
      if let value = ownerLabels[key] {
        selector.matchLabels = (selector.matchLabels ?? [:]).merging([key: value]) { $1 }
      }
    }
    for key in term.mismatchLabelKeys ?? [] {
      if let value = ownerLabels[key], labels[key] == value { return false }
    }
    return selector.matches(labels)
  }
}
