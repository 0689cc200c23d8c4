import KarpenterAPI
import ManifestCoding

/// Legacy kinds are checked twice: by the rules they had (the v1alpha5 webhook, the v1beta1
/// CRD), and the way they will be used, converted to v1 and validated by the v1 rules. A v1
/// problem is reported at the field the user wrote (`spec.providerRef`, not the converted
/// `spec.template.spec.nodeClassRef`), saying that the rule is the v1 object's.
enum LegacyChecks {
  @Sendable static func provisioner(_ p: Provisioner) -> [FieldError] {
    let own = p.validate()
    do {
      let (nodePool, nodeClass) = try LegacyConversion.nodePool(from: p)
      let converted =
        afterConversion(nodePool.validate(), to: "NodePool", paths: LegacyPaths.provisionerToNodePool)
        + afterConversion(
          nodeClass?.validate() ?? [], to: "EC2NodeClass", paths: LegacyPaths.providerToNodeClass)
      return own + withoutRepeats(converted, of: own)
    } catch {
      return own + [FieldError(.invalid, .root, "cannot be converted to karpenter.sh/v1: \(error)")]
    }
  }

  @Sendable static func awsNodeTemplate(_ t: AWSNodeTemplate) -> [FieldError] {
    do {
      return afterConversion(
        try LegacyConversion.nodeClass(from: t).validate(), to: "EC2NodeClass",
        paths: LegacyPaths.nodeTemplateToNodeClass)
    } catch {
      return [FieldError(.invalid, .root, "cannot be converted to karpenter.k8s.aws/v1: \(error)")]
    }
  }

  @Sendable static func nodePoolV1Beta1(_ p: NodePoolV1Beta1) -> [FieldError] {
    let own = p.validate()
    let converted = afterConversion(
      LegacyConversion.nodePool(from: p).validate(), to: "NodePool", paths: LegacyPaths.v1beta1ToNodePool)
    return own + withoutRepeats(converted, of: own)
  }

  @Sendable static func ec2NodeClassV1Beta1(_ c: EC2NodeClassV1Beta1) -> [FieldError] {
    afterConversion(LegacyConversion.nodeClass(from: c).validate(), to: "EC2NodeClass", paths: [])
  }

  static func afterConversion(_ errors: [FieldError], to kind: String, paths: [LegacyPaths.Rule])
    -> [FieldError]
  {
    errors.map { error in
      var e = error
      e.path = LegacyPaths.legacyPath(of: error.path, rules: paths)
      e.line = nil  // found again from the legacy path, in the document the user wrote
      e.detail += e.detail.isEmpty ? "" : " "
      e.detail += "(in the v1 \(kind) this converts to)"
      return e
    }
  }

  /// Drops converted errors about a field the legacy rules already reported.
  static func withoutRepeats(_ converted: [FieldError], of own: [FieldError]) -> [FieldError] {
    let reported = Set(own.map(\.path))
    return converted.filter { !reported.contains($0.path) }
  }
}

/// Where each v1 field of a converted object came from in the legacy object.
enum LegacyPaths {
  /// A v1 path prefix and the legacy path it was converted from; the rest of the path is kept,
  /// unless `whole` says the legacy field has no such structure (a selector map made terms).
  struct Rule {
    var v1: FieldPath
    var legacy: FieldPath
    var whole = false
  }

  static func legacyPath(of path: FieldPath, rules: [Rule]) -> FieldPath {
    // The longest matching prefix wins.
    var best: Rule?
    for rule in rules where path.components.starts(with: rule.v1.components) {
      if (best?.v1.components.count ?? -1) < rule.v1.components.count { best = rule }
    }
    guard let best else { return path }
    if best.whole { return best.legacy }
    return FieldPath(best.legacy.components + path.components.dropFirst(best.v1.components.count))
  }

  private static func p(_ dotted: String) -> FieldPath { FieldPath(dotted: dotted) }

  static let provisionerToNodePool: [Rule] = [
    Rule(v1: p("spec.template.metadata.labels"), legacy: p("spec.labels")),
    Rule(v1: p("spec.template.metadata.annotations"), legacy: p("spec.annotations")),
    Rule(v1: p("spec.template.spec.taints"), legacy: p("spec.taints")),
    Rule(v1: p("spec.template.spec.startupTaints"), legacy: p("spec.startupTaints")),
    Rule(v1: p("spec.template.spec.requirements"), legacy: p("spec.requirements")),
    Rule(v1: p("spec.template.spec.nodeClassRef"), legacy: p("spec.providerRef")),
    Rule(v1: p("spec.template.spec.nodeClassRef.group"), legacy: p("spec.providerRef.apiVersion")),
    Rule(v1: p("spec.template.spec.expireAfter"), legacy: p("spec.ttlSecondsUntilExpired"), whole: true),
    Rule(v1: p("spec.disruption.consolidateAfter"), legacy: p("spec.ttlSecondsAfterEmpty"), whole: true),
    Rule(v1: p("spec.disruption.consolidationPolicy"), legacy: p("spec.consolidation.enabled"), whole: true),
    Rule(v1: p("spec.limits"), legacy: p("spec.limits.resources")),
  ]

  static let v1beta1ToNodePool: [Rule] = [
    Rule(v1: p("spec.template.spec.expireAfter"), legacy: p("spec.disruption.expireAfter")),
    Rule(v1: p("spec.template.spec.nodeClassRef.group"), legacy: p("spec.template.spec.nodeClassRef.apiVersion")),
  ]

  static let nodeTemplateToNodeClass: [Rule] = selectorRules(prefix: "spec")

  /// An inline `spec.provider` becomes the EC2NodeClass's spec.
  static let providerToNodeClass: [Rule] =
    [Rule(v1: p("spec"), legacy: p("spec.provider"))] + selectorRules(prefix: "spec.provider")

  private static func selectorRules(prefix: String) -> [Rule] {
    [
      Rule(v1: p("spec.subnetSelectorTerms"), legacy: p("\(prefix).subnetSelector"), whole: true),
      Rule(v1: p("spec.securityGroupSelectorTerms"), legacy: p("\(prefix).securityGroupSelector"), whole: true),
      Rule(v1: p("spec.amiSelectorTerms"), legacy: p("\(prefix).amiSelector"), whole: true),
    ]
  }
}
