import KarpenterAPI
import KubernetesAPI

/// One topology rule shared by the pods that carry it: a spread constraint, a pod affinity
/// term or a pod anti-affinity term, over one topology key, selecting pods by labels in some
/// namespaces. It counts the matching pods per domain (zone, hostname, ...).
struct TopologyGroup {
  enum Kind: Hashable { case spread, affinity, antiAffinity }

  struct Identity: Hashable {
    var kind: Kind
    var key: String
    var namespaces: [String]
    var selector: LabelSelector
    var maxSkew: Int
    var minDomains: Int?
    var honorsNodeAffinity: Bool
  }

  let identity: Identity
  /// The identity selects pods in every namespace (`["*"]`), worked out once.
  private let everyNamespace: Bool
  /// Matching pods per domain.
  var counts: [String: Int] = [:]
  /// For anti-affinity: domains holding pods that carry this term (the group's owners), which
  /// pods matching the selector must avoid.
  var ownerDomains: [String: Int] = [:]

  var kind: Kind { identity.kind }
  var key: String { identity.key }

  init(_ identity: Identity) {
    self.identity = identity
    everyNamespace = identity.namespaces == ["*"]
  }

  /// True when the pod is one of those the group counts.
  func selects(namespace: String, labels: [String: String]) -> Bool {
    (everyNamespace || identity.namespaces.contains(namespace))
      && identity.selector.matches(labels)
  }

  func count(_ domain: String) -> Int { counts[domain] ?? 0 }

  /// The identity of a spread constraint as carried by `pod`: `matchLabelKeys` are resolved to
  /// the pod's own label values, as the kube-scheduler does.
  static func identity(spread: TopologySpreadConstraint, namespace: String, labels: [String: String])
    -> Identity
  {
    var selector = spread.labelSelector ?? LabelSelector()
    for key in spread.matchLabelKeys ?? [] {
      if let value = labels[key] {
        var expressions = selector.matchExpressions ?? []
        expressions.append(LabelSelectorRequirement(key: key, operator: "In", values: [value]))
        selector.matchExpressions = expressions
      }
    }
    return Identity(
      kind: .spread, key: spread.topologyKey, namespaces: [namespace], selector: selector,
      maxSkew: Int(spread.maxSkew), minDomains: spread.minDomains.map(Int.init),
      honorsNodeAffinity: (spread.nodeAffinityPolicy ?? "Honor") == "Honor")
  }

  /// The identity of a pod (anti-)affinity term as carried by a pod in `namespace`. A term
  /// without a label selector selects nothing, as in Kubernetes.
  static func identity(term: PodAffinityTerm, anti: Bool, namespace: String, labels: [String: String])
    -> Identity
  {
    var selector =
      term.labelSelector
      ?? LabelSelector(matchExpressions: [
        LabelSelectorRequirement(key: "\u{1}selects-nothing", operator: "Exists")
      ])
    for key in term.matchLabelKeys ?? [] {
      if let value = labels[key] {
        var expressions = selector.matchExpressions ?? []
        expressions.append(LabelSelectorRequirement(key: key, operator: "In", values: [value]))
        selector.matchExpressions = expressions
      }
    }
    for key in term.mismatchLabelKeys ?? [] {
      if let value = labels[key] {
        var expressions = selector.matchExpressions ?? []
        expressions.append(LabelSelectorRequirement(key: key, operator: "NotIn", values: [value]))
        selector.matchExpressions = expressions
      }
    }
    // An empty namespaceSelector selects every namespace; Namespace labels are not modelled,
    // so a non-empty one is read the same way.
    let namespaces =
      term.namespaceSelector != nil
      ? ["*"] : ((term.namespaces?.isEmpty == false) ? term.namespaces!.sorted() : [namespace])
    return Identity(
      kind: anti ? .antiAffinity : .affinity, key: term.topologyKey, namespaces: namespaces,
      selector: selector, maxSkew: 0, minDomains: nil, honorsNodeAffinity: true)
  }
}
