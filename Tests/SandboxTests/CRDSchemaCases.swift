import Testing

@testable import Sandbox

/// An object that breaks one schema constraint: the kind's minimal object with `set` changed;
/// the API server reports it at `field` with a message containing `message`.
struct SchemaCase: Sendable, CustomTestStringConvertible {
  var kind: KarpenterKind
  var what: String
  var set: [String: String]
  var field: String
  var message: String
  /// For ``CRDSchemaCases/validateOnly``: why `validate` refuses what the CRD accepts.
  var why: String

  init(
    _ kind: KarpenterKind, _ what: String, _ set: [String: String], at field: String, _ message: String,
    why: String = ""
  ) {
    (self.kind, self.what, self.set, self.field, self.message, self.why) = (
      kind, what, set, field, message, why
    )
  }

  var testDescription: String { "\(kind.rawValue) \(field): \(what)" }
}

enum CRDSchemaCases {
  static let requirements = "spec.template.spec.requirements"
  static let template = "spec.template.spec"
  static func requirement(_ json: String) -> [String: String] { [requirements: "[\(json)]"] }
  static func disruption(_ json: String) -> [String: String] { ["spec.disruption": json] }

  /// Enums, patterns, bounds and required fields users hit, refused by the CRD and `validate`.
  static let refusedByBoth: [SchemaCase] = [
    .init(
      .nodePool, "an unknown operator", requirement(#"{"key": "kubernetes.io/arch", "operator": "Equals"}"#),
      at: requirements + "[0].operator", #"Unsupported value: "Equals""#),
    .init(
      .nodePool, "a key that is not a label name", requirement(#"{"key": "-arch", "operator": "Exists"}"#),
      at: requirements + "[0].key", "should match"),
    .init(
      .nodePool, "minValues 0",
      requirement(#"{"key": "kubernetes.io/arch", "operator": "Exists", "minValues": 0}"#),
      at: requirements + "[0].minValues", "should be greater than or equal to 1"),
    .init(
      .nodePool, "minValues 51",
      requirement(#"{"key": "kubernetes.io/arch", "operator": "Exists", "minValues": 51}"#),
      at: requirements + "[0].minValues", "should be less than or equal to 50"),
    .init(
      .nodePool, "a requirement without an operator", requirement(#"{"key": "kubernetes.io/arch"}"#),
      at: requirements + "[0].operator", "Required value"),
    .init(
      .nodePool, "consolidationPolicy Always",
      disruption(#"{"consolidateAfter": "0s", "consolidationPolicy": "Always"}"#),
      at: "spec.disruption.consolidationPolicy", #"Unsupported value: "Always""#),
    .init(
      .nodePool, "consolidateAfter in words", disruption(#"{"consolidateAfter": "5 minutes"}"#),
      at: "spec.disruption.consolidateAfter", "should match"),
    .init(
      .nodePool, "consolidateAfter in days", disruption(#"{"consolidateAfter": "1d"}"#),
      at: "spec.disruption.consolidateAfter", "should match"),
    .init(
      .nodePool, "a consolidation threshold of 0",
      disruption(
        #"{"consolidateAfter": "0s", "consolidationPolicy": "Balanced", "consolidationThreshold": 0}"#),
      at: "spec.disruption.consolidationThreshold", "should be greater than 0"),
    .init(
      .nodePool, "a budget of 150%",
      disruption(#"{"consolidateAfter": "0s", "budgets": [{"nodes": "150%"}]}"#),
      at: "spec.disruption.budgets[0].nodes", "should match"),
    .init(
      .nodePool, "a budget of -1 nodes",
      disruption(#"{"consolidateAfter": "0s", "budgets": [{"nodes": "-1"}]}"#),
      at: "spec.disruption.budgets[0].nodes", "should match"),
    .init(
      .nodePool, "a budget schedule that is not cron",
      disruption(
        #"{"consolidateAfter": "0s", "budgets": [{"nodes": "0", "schedule": "weekdays", "duration": "8h"}]}"#),
      at: "spec.disruption.budgets[0].schedule", "should match"),
    .init(
      .nodePool, "a budget duration in days",
      disruption(
        #"{"consolidateAfter": "0s", "budgets": [{"nodes": "0", "schedule": "@daily", "duration": "1d"}]}"#),
      at: "spec.disruption.budgets[0].duration", "should match"),
    .init(
      .nodePool, "a budget duration in seconds",
      disruption(
        #"{"consolidateAfter": "0s", "budgets": [{"nodes": "0", "schedule": "@daily", "duration": "30s"}]}"#),
      at: "spec.disruption.budgets[0].duration", "should match"),
    .init(
      .nodePool, "a budget reason Expired",
      disruption(#"{"consolidateAfter": "0s", "budgets": [{"nodes": "0", "reasons": ["Expired"]}]}"#),
      at: "spec.disruption.budgets[0].reasons[0]", #"Unsupported value: "Expired""#),
    .init(
      .nodePool, "expireAfter forever", [template + ".expireAfter": #""forever""#],
      at: template + ".expireAfter", "should match"),
    .init(
      .nodePool, "terminationGracePeriod Never", [template + ".terminationGracePeriod": #""Never""#],
      at: template + ".terminationGracePeriod", "should match"),
    .init(
      .nodePool, "a taint effect PreferNoExecute",
      [template + ".taints": #"[{"key": "dedicated", "effect": "PreferNoExecute"}]"#],
      at: template + ".taints[0].effect", #"Unsupported value: "PreferNoExecute""#),
    .init(
      .nodePool, "a taint without an effect", [template + ".taints": #"[{"key": "dedicated"}]"#],
      at: template + ".taints[0].effect", "Required value"),
    .init(
      .nodePool, "a startup taint key with a space",
      [template + ".startupTaints": #"[{"key": "not ready", "effect": "NoSchedule"}]"#],
      at: template + ".startupTaints[0].key", "should match"),
    .init(
      .nodePool, "a label value with a space", ["spec.template.metadata.labels": #"{"team": "a b"}"#],
      at: "spec.template.metadata.labels[team]", "should match"),
    .init(
      .nodePool, "weight 0", ["spec.weight": "0"], at: "spec.weight", "should be greater than or equal to 1"),
    .init(
      .nodePool, "weight 101", ["spec.weight": "101"], at: "spec.weight",
      "should be less than or equal to 100"),
    .init(
      .nodePool, "replicas -1", ["spec.replicas": "-1"], at: "spec.replicas",
      "should be greater than or equal to 0"),
    .init(
      .nodePool, "a limit that is not a quantity", ["spec.limits": #"{"cpu": "lots"}"#],
      at: "spec.limits[cpu]", "should match"),
    .init(.nodePool, "no template", ["spec.template": "null"], at: "spec.template", "Required value"),
    .init(
      .nodePool, "no nodeClassRef", [template + ".nodeClassRef": "null"], at: template + ".nodeClassRef",
      "Required value"),
    .init(
      .nodePool, "no requirements", [template + ".requirements": "null"], at: template + ".requirements",
      "Required value"),
    .init(
      .nodePool, "a nodeClassRef group with a version",
      [template + ".nodeClassRef.group": #""karpenter.k8s.aws/v1""#],
      at: template + ".nodeClassRef.group", "should match"),
    .init(
      .nodeClaim, "an unknown operator",
      ["spec.requirements": #"[{"key": "kubernetes.io/arch", "operator": "Equals"}]"#],
      at: "spec.requirements[0].operator", #"Unsupported value: "Equals""#),
    .init(
      .nodeClaim, "expireAfter 30 days", ["spec.expireAfter": #""30d""#], at: "spec.expireAfter",
      "should match"),
    .init(
      .nodeClaim, "a request that is not a quantity", ["spec.resources": #"{"requests": {"cpu": "one"}}"#],
      at: "spec.resources.requests[cpu]", "should match"),
    .init(
      .nodeClaim, "no nodeClassRef name", ["spec.nodeClassRef.name": "null"], at: "spec.nodeClassRef.name",
      "Required value"),
    .init(
      .ec2NodeClass, "amiFamily Ubuntu", ["spec.amiFamily": #""Ubuntu""#], at: "spec.amiFamily",
      #"Unsupported value: "Ubuntu""#),
    .init(
      .ec2NodeClass, "no AMI terms", ["spec.amiSelectorTerms": "[]"], at: "spec.amiSelectorTerms",
      "should have at least 1 items"),
    .init(
      .ec2NodeClass, "no amiSelectorTerms", ["spec.amiSelectorTerms": "null"], at: "spec.amiSelectorTerms",
      "Required value"),
    .init(
      .ec2NodeClass, "no subnetSelectorTerms", ["spec.subnetSelectorTerms": "null"],
      at: "spec.subnetSelectorTerms",
      "Required value"),
    .init(
      .ec2NodeClass, "an alias of 31 characters",
      ["spec.amiSelectorTerms": #"[{"alias": "al2023@v20240101-0123456789abcd"}]"#],
      at: "spec.amiSelectorTerms[0].alias", "Too long"),
    .init(
      .ec2NodeClass, "a subnet id that is a VPC id", ["spec.subnetSelectorTerms": #"[{"id": "vpc-0123"}]"#],
      at: "spec.subnetSelectorTerms[0].id", "should match"),
    .init(
      .ec2NodeClass, "a security group id without sg-",
      ["spec.securityGroupSelectorTerms": #"[{"id": "group-1"}]"#],
      at: "spec.securityGroupSelectorTerms[0].id", "should match"),
    .init(
      .ec2NodeClass, "an AMI id without ami-",
      ["spec.amiSelectorTerms": #"[{"id": "image-1"}]"#, "spec.amiFamily": #""AL2023""#],
      at: "spec.amiSelectorTerms[0].id", "should match"),
    .init(
      .ec2NodeClass, "volume type gp9",
      [
        "spec.blockDeviceMappings":
          #"[{"deviceName": "/dev/xvda", "ebs": {"volumeSize": "20Gi", "volumeType": "gp9"}}]"#
      ],
      at: "spec.blockDeviceMappings[0].ebs.volumeType", #"Unsupported value: "gp9""#),
    .init(
      .ec2NodeClass, "a volume size in GB",
      ["spec.blockDeviceMappings": #"[{"deviceName": "/dev/xvda", "ebs": {"volumeSize": "100GB"}}]"#],
      at: "spec.blockDeviceMappings[0].ebs.volumeSize", "should match"),
    .init(
      .ec2NodeClass, "httpTokens maybe", ["spec.metadataOptions": #"{"httpTokens": "maybe"}"#],
      at: "spec.metadataOptions.httpTokens", #"Unsupported value: "maybe""#),
    .init(
      .ec2NodeClass, "a hop limit of 65", ["spec.metadataOptions": #"{"httpPutResponseHopLimit": 65}"#],
      at: "spec.metadataOptions.httpPutResponseHopLimit", "should be less than or equal to 64"),
    .init(
      .ec2NodeClass, "instanceStorePolicy RAID1", ["spec.instanceStorePolicy": #""RAID1""#],
      at: "spec.instanceStorePolicy", #"Unsupported value: "RAID1""#),
    .init(
      .ec2NodeClass, "a reservation owner of 3 digits",
      ["spec.capacityReservationSelectorTerms": #"[{"tags": {"team": "a"}, "ownerID": "123"}]"#],
      at: "spec.capacityReservationSelectorTerms[0].ownerID", "should match"),
    .init(
      .ec2NodeClass, "interface type efa",
      ["spec.networkInterfaces": #"[{"networkCardIndex": 0, "deviceIndex": 0, "interfaceType": "efa"}]"#],
      at: "spec.networkInterfaces[0].interfaceType", #"Unsupported value: "efa""#),
    .init(
      .ec2NodeClass, "a UDP timeout of 10s", ["spec.connectionTracking": #"{"udpTimeout": 10}"#],
      at: "spec.connectionTracking.udpTimeout", "should be greater than or equal to 30"),
    .init(
      .ec2NodeClass, "maxPods -1", ["spec.kubelet": #"{"maxPods": -1}"#], at: "spec.kubelet.maxPods",
      "should be greater than or equal to 0"),
    .init(
      .ec2NodeClass, "a hard eviction of 150%",
      ["spec.kubelet": #"{"evictionHard": {"memory.available": "150%"}}"#],
      at: "spec.kubelet.evictionHard[memory.available]", "should match"),
    .init(
      .nodeOverlay, "weight 0", ["spec.weight": "0"], at: "spec.weight",
      "should be greater than or equal to 1"),
    .init(.nodeOverlay, "a price in dollars", ["spec.price": #""$1""#], at: "spec.price", "should match"),
    .init(
      .nodeOverlay, "a price adjustment without a sign", ["spec.priceAdjustment": #""10%""#],
      at: "spec.priceAdjustment", "should match"),
    .init(
      .nodeOverlay, "no requirements", ["spec.requirements": "null"], at: "spec.requirements",
      "Required value"),
  ]

  /// What the CRD refuses and `validate` accepts: gaps in `validate`, each to be closed (the
  /// case then moves to ``refusedByBoth``).
  static let crdOnly: [SchemaCase] = [
    .init(
      .nodePool, "disruption without consolidateAfter", disruption(#"{"consolidationPolicy": "WhenEmpty"}"#),
      at: "spec.disruption.consolidateAfter", "Required value",
      why: """
        upstream's schema requires it (the default {consolidateAfter: 0s} applies only when \
        `disruption` is left out); the simulation's own fixtures (Tests/SimulationTests) rely on \
        leaving it out, so `validate` requiring it waits for them to be updated
        """)
  ]

  /// What `validate` refuses and the CRD accepts: checks upstream Karpenter makes at runtime
  /// (its NodePool goes not Ready, its NodeClaim fails to launch) or that would break our
  /// controllers. Adding one is a decision; each says why.
  static let validateOnly: [SchemaCase] = [
    .init(
      .nodePool, "a capacity type that does not exist",
      requirement(#"{"key": "karpenter.sh/capacity-type", "operator": "In", "values": ["preemptible"]}"#),
      at: requirements + "[0].values", "Unsupported value",
      why: "upstream's RuntimeValidate (validateWellKnownValues): no known value, the NodePool is not Ready"),
    .init(
      .nodePool, "a requirement value with a space",
      requirement(#"{"key": "team", "operator": "In", "values": ["a b"]}"#),
      at: requirements + "[0].values[0]", "a valid label must",
      why:
        "the CRD's pattern is on the list, not its items; upstream's RuntimeValidate checks IsValidLabelValue"
    ),
    .init(
      .nodePool, "Exists with values",
      requirement(#"{"key": "team", "operator": "Exists", "values": ["a"]}"#),
      at: requirements + "[0].values", "values must be empty when the operator is Exists",
      why: "Kubernetes' rule for node selector requirements; the values would be silently ignored"),
    .init(
      .nodePool, "a label key that is not a label name",
      ["spec.template.metadata.labels": #"{"-team": "a"}"#],
      at: "spec.template.metadata.labels[-team]", "name part must",
      why:
        "the CRD does not check label keys; upstream's RuntimeValidate (validateLabels) checks IsQualifiedName"
    ),
    .init(
      .nodePool, "the same taint twice",
      [
        template + ".taints": #"[{"key": "a", "effect": "NoSchedule"}]"#,
        template + ".startupTaints": #"[{"key": "a", "effect": "NoSchedule"}]"#,
      ],
      at: template + ".startupTaints[0]", "duplicate taint Key/Effect pair",
      why: "upstream's RuntimeValidate (validateTaints) refuses a duplicate key and effect"),
    .init(
      .nodePool, "a negative limit", ["spec.limits": #"{"cpu": "-1"}"#], at: "spec.limits[cpu]",
      "must be greater than or equal to 0",
      why: "the quantity pattern allows a sign; a pool limited below zero can never launch a node"),
    .init(
      .nodeClaim, "a negative request", ["spec.resources": #"{"requests": {"cpu": "-1"}}"#],
      at: "spec.resources.requests[cpu]", "must be greater than or equal to 0",
      why: "the quantity pattern allows a sign; no instance type fits a negative request"),
    .init(
      .nodeOverlay, "a negative extended resource", ["spec.capacity": #"{"example.com/slice": "-1"}"#],
      at: "spec.capacity[example.com/slice]", "must be greater than or equal to 0",
      why: "the quantity pattern allows a sign; no node can report negative capacity"),
    .init(
      .nodeOverlay, "a capacity type that does not exist",
      [
        "spec.requirements":
          #"[{"key": "karpenter.sh/capacity-type", "operator": "In", "values": ["preemptible"]}]"#
      ],
      at: "spec.requirements[0].values", "Unsupported value",
      why: "upstream's RuntimeValidate on NodeOverlays: `In` on a well-known label needs a known value"),
    .init(
      .ec2NodeClass, "an AMI id with text before ami-",
      ["spec.amiSelectorTerms": #"[{"id": "my-ami-0123"}]"#, "spec.amiFamily": #""AL2023""#],
      at: "spec.amiSelectorTerms[0].id", "must match the pattern ami-[0-9a-z]+",
      why: "upstream's id patterns are unanchored; EC2 knows no such id, so the node class never resolves"),
  ]
}
