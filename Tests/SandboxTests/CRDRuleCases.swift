import Testing

@testable import Sandbox

/// An object that breaks one CEL rule: the kind's minimal object (``KarpenterKind/minimal``)
/// with `set` changed. The rule is the one at `rule` whose message contains `message`; the API
/// server reports it at `rule` with `[]` read as `[0]` (the first item breaks it).
struct RuleCase: Sendable, CustomTestStringConvertible {
  var kind: KarpenterKind
  var what: String
  var rule: String
  var set: [String: String]
  var message: String
  /// For a transition rule (`oldSelf`): the stored object's changes; the case is an update.
  var old: [String: String]?
  /// Rules that cannot help failing with this one, by message (the CRD gives these too).
  var also: [String]
  /// What `validate` says when its words are not the rule's (`message` otherwise).
  var validateSays: String?

  init(
    _ kind: KarpenterKind, _ what: String, at rule: String, _ set: [String: String], _ message: String,
    old: [String: String]? = nil, also: [String] = [], validateSays: String? = nil
  ) {
    (self.kind, self.what, self.rule, self.set, self.message) = (kind, what, rule, set, message)
    (self.old, self.also, self.validateSays) = (old, also, validateSays)
  }

  func covers(_ celRule: CELRule) -> Bool { celRule.path == rule && celRule.message.contains(message) }

  var testDescription: String { "\(kind.rawValue) \(rule): \(what)" }
}

/// One case per CEL rule of config/crds; ``CRDRulesAgreeWithValidateTests`` fails when a rule
/// has none.
enum CRDRuleCases {
  static let all = ec2NodeClass + nodeClaim + nodeOverlay + nodePool

  static let nodeClaim: [RuleCase] =
    requirementCases(.nodeClaim, at: "spec.requirements") + [
      .init(
        .nodeClaim, "a changed spec", at: "spec",
        ["spec.requirements": #"[{"key": "kubernetes.io/arch", "operator": "In", "values": ["arm64"]}]"#],
        "spec is immutable", old: [:]),
      .init(
        .nodeClaim, "an empty nodeClassRef group", at: "spec.nodeClassRef.group",
        ["spec.nodeClassRef.group": #""""#], "group may not be empty"),
      .init(
        .nodeClaim, "an empty nodeClassRef kind", at: "spec.nodeClassRef.kind",
        ["spec.nodeClassRef.kind": #""""#], "kind may not be empty"),
      .init(
        .nodeClaim, "an empty nodeClassRef name", at: "spec.nodeClassRef.name",
        ["spec.nodeClassRef.name": #""""#], "name may not be empty"),
      .init(
        .nodeClaim, "minValues above the values given", at: "spec.requirements",
        [
          "spec.requirements":
            #"[{"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64"], "minValues": 2}]"#
        ],
        "requirements with 'minValues' must have at least that many values specified"),
    ]

  static let nodeOverlay: [RuleCase] =
    requirementCases(.nodeOverlay, at: "spec.requirements") + [
      .init(
        .nodeOverlay, "a price and a price adjustment", at: "spec",
        ["spec.price": #""1.5""#, "spec.priceAdjustment": #""+0.5""#],
        "cannot set both 'price' and 'priceAdjustment'"),
      .init(
        .nodeOverlay, "added CPU capacity", at: "spec.capacity", ["spec.capacity": #"{"cpu": "1"}"#],
        "invalid resource restricted"),
      .init(
        .nodeOverlay, "NotIn without values", at: "spec.requirements",
        ["spec.requirements": #"[{"key": "kubernetes.io/arch", "operator": "NotIn", "values": []}]"#],
        "requirements with operator 'NotIn' must have a value defined"),
    ]

  static let templateLabels = "spec.template.metadata.labels"
  static let nodeClassRef = "spec.template.spec.nodeClassRef"

  static let nodePool: [RuleCase] =
    requirementCases(.nodePool, at: "spec.template.spec.requirements") + [
      .init(
        .nodePool, "a static NodePool made dynamic", at: "spec", [:],
        "Cannot transition NodePool between static (replicas set) and dynamic", old: ["spec.replicas": "1"]),
      .init(
        .nodePool, "a CPU limit on a static NodePool", at: "spec",
        ["spec.replicas": "1", "spec.limits": #"{"cpu": "10"}"#],
        "only 'limits.nodes' is supported on static NodePools"),
      .init(
        .nodePool, "a weight on a static NodePool", at: "spec", ["spec.replicas": "1", "spec.weight": "10"],
        "'weight' is not supported on static NodePools"),
      .init(
        .nodePool, "a threshold without the Balanced policy", at: "spec.disruption",
        [
          "spec.disruption":
            #"{"consolidateAfter": "0s", "consolidationPolicy": "WhenEmpty", "consolidationThreshold": 2}"#
        ],
        "consolidationThreshold may only be set with consolidationPolicy Balanced",
        validateSays:
          "consolidationThreshold: Invalid value: \"2.0\": may only be set with consolidationPolicy: Balanced"
      ),
      .init(
        .nodePool, "a budget schedule without a duration", at: "spec.disruption.budgets",
        [
          "spec.disruption":
            #"{"consolidateAfter": "0s", "budgets": [{"nodes": "1", "schedule": "0 9 * * *"}]}"#
        ],
        "'schedule' must be set with 'duration'"),
      .init(
        .nodePool, "a karpenter.sh label", at: templateLabels,
        [templateLabels: #"{"karpenter.sh/team": "a"}"#],
        #"label domain "karpenter.sh" is restricted"#),
      .init(
        .nodePool, "the NodePool label", at: templateLabels,
        [templateLabels: #"{"karpenter.sh/nodepool": "a"}"#],
        #"label "karpenter.sh/nodepool" is restricted"#),
      .init(
        .nodePool, "the hostname label", at: templateLabels,
        [templateLabels: #"{"kubernetes.io/hostname": "a"}"#],
        #"label "kubernetes.io/hostname" is restricted"#),
      .init(
        .nodePool, "a karpenter.k8s.aws label", at: templateLabels,
        [templateLabels: #"{"karpenter.k8s.aws/team": "a"}"#],
        #"label domain "karpenter.k8s.aws" is restricted"#),
      .init(
        .nodePool, "a changed nodeClassRef group", at: nodeClassRef,
        [nodeClassRef + ".group": #""example.com""#],
        "nodeClassRef.group is immutable", old: [:]),
      .init(
        .nodePool, "a changed nodeClassRef kind", at: nodeClassRef,
        [nodeClassRef + ".kind": #""OtherNodeClass""#],
        "nodeClassRef.kind is immutable", old: [:]),
      .init(
        .nodePool, "an empty nodeClassRef group", at: nodeClassRef + ".group",
        [nodeClassRef + ".group": #""""#],
        "group may not be empty"),
      .init(
        .nodePool, "an empty nodeClassRef kind", at: nodeClassRef + ".kind", [nodeClassRef + ".kind": #""""#],
        "kind may not be empty"),
      .init(
        .nodePool, "an empty nodeClassRef name", at: nodeClassRef + ".name", [nodeClassRef + ".name": #""""#],
        "name may not be empty"),
      .init(
        .nodePool, "minValues above the values given", at: "spec.template.spec.requirements",
        [
          "spec.template.spec.requirements":
            #"[{"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64"], "minValues": 2}]"#
        ],
        "requirements with 'minValues' must have at least that many values specified"),
      .init(
        .nodePool, "a requirement on the NodePool label", at: "spec.template.spec.requirements[].key",
        ["spec.template.spec.requirements": #"[{"key": "karpenter.sh/nodepool", "operator": "Exists"}]"#],
        #"label "karpenter.sh/nodepool" is restricted"#),
    ]

  /// The requirement rules NodePools, NodeClaims and NodeOverlays share.
  static func requirementCases(_ kind: KarpenterKind, at path: String) -> [RuleCase] {
    func requirement(_ json: String) -> [String: String] { [path: "[\(json)]"] }
    let comparison =
      kind == .nodeOverlay
      ? "requirements operator 'Gt', 'Lt', 'Gte' or 'Lte' must have a single positive integer value"
      : "requirements operator 'Gt', 'Lt', 'Gte', or 'Lte' must have a single positive integer value"
    return [
      .init(
        kind, "In without values", at: path,
        requirement(#"{"key": "kubernetes.io/arch", "operator": "In", "values": []}"#),
        "requirements with operator 'In' must have a value defined"),
      .init(
        kind, "Gt a negative number", at: path,
        requirement(#"{"key": "karpenter.k8s.aws/instance-cpu", "operator": "Gt", "values": ["-1"]}"#),
        comparison),
      .init(
        kind, "a karpenter.sh key", at: path + "[].key",
        requirement(#"{"key": "karpenter.sh/team", "operator": "Exists"}"#),
        #"label domain "karpenter.sh" is restricted"#),
      .init(
        kind, "the hostname key", at: path + "[].key",
        requirement(#"{"key": "kubernetes.io/hostname", "operator": "Exists"}"#),
        #"label "kubernetes.io/hostname" is restricted"#),
      .init(
        kind, "a karpenter.k8s.aws key", at: path + "[].key",
        requirement(#"{"key": "karpenter.k8s.aws/team", "operator": "Exists"}"#),
        #"label domain "karpenter.k8s.aws" is restricted"#),
    ]
  }
}
