import KubernetesAPI

// How a pod's nodeSelector and required node affinity select nodes, as kube-scheduler's
// NodeAffinity plugin and the DaemonSet controller decide it: the nodeSelector's labels must
// all match, and at least one of the required terms (ORed) must match in all its requirements
// (ANDed). An empty term matches nothing, as upstream's `nodeaffinity.NewNodeSelector` has it.

extension NodeSelectorRequirement {
  /// True when `value` (nil: the label or field is absent) satisfies the requirement. `Gt` and
  /// `Lt` compare integers; anything unparsable fails, as upstream's selector does.
  func matches(_ value: String?) -> Bool {
    let values = self.values ?? []
    switch self.operator {
    case "In": return value.map { values.contains($0) } ?? false
    case "NotIn": return value.map { !values.contains($0) } ?? true
    case "Exists": return value != nil
    case "DoesNotExist": return value == nil
    case "Gt", "Lt":
      guard let value, let actual = Int64(value), values.count == 1, let bound = Int64(values[0]) else {
        return false
      }
      return self.operator == "Gt" ? actual > bound : actual < bound
    default: return false
    }
  }
}

extension NodeSelectorTerm {
  /// True when every expression matches the node's labels and every field requirement matches
  /// its fields (only `metadata.name` exists); a term with neither matches no node.
  func matches(labels: [String: String], nodeName: String) -> Bool {
    let expressions = matchExpressions ?? []
    let fields = matchFields ?? []
    if expressions.isEmpty && fields.isEmpty { return false }
    for e in expressions where !e.matches(labels[e.key]) { return false }
    for f in fields where !f.matches(f.key == "metadata.name" ? nodeName : nil) { return false }
    return true
  }
}

extension PodSpec {
  /// True when the node's labels satisfy the pod's `nodeSelector` and its required node
  /// affinity (one of the terms).
  func selectsNode(labels: [String: String], nodeName: String) -> Bool {
    for (key, value) in nodeSelector ?? [:] where labels[key] != value { return false }
    guard let terms = affinity?.nodeAffinity?.required?.nodeSelectorTerms else { return true }
    return terms.contains { $0.matches(labels: labels, nodeName: nodeName) }
  }

  /// The first NoSchedule or NoExecute taint among `taints` that the pod does not tolerate.
  func firstUntoleratedTaint(_ taints: [Taint]) -> Taint? {
    let tolerations = self.tolerations ?? []
    return taints.first {
      ($0.effect == "NoSchedule" || $0.effect == "NoExecute") && !tolerations.tolerates($0)
    }
  }
}
