import ManifestCoding
import Manifests
import Testing

/// One invalid document and the field path its error must name.
struct InvalidCase: CustomTestStringConvertible, Sendable {
  var name: String
  var yaml: String
  var path: String
  var testDescription: String { name }
}

enum Fixture {
  static func nodePool(
    requirements: String = "[{key: kubernetes.io/arch, operator: In, values: [amd64]}]",
    nodeClassRef: String? = "{group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}",
    template: String = "", spec: String = "", labels: String = "{}", name: String = "default"
  ) -> String {
    """
    apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata:
      name: \(name)
    spec:
      template:
        metadata:
          labels: \(labels)
        spec:
          requirements: \(requirements)
    \(nodeClassRef.map { "      nodeClassRef: \($0)" } ?? "")
    \(template.isEmpty ? "" : "      " + template)
    \(spec.isEmpty ? "" : "  " + spec)
    """
  }

  static func nodeClass(
    ami: String = "[{alias: al2023@latest}]", subnets: String = "[{tags: {karpenter.sh/discovery: demo}}]",
    groups: String = "[{tags: {karpenter.sh/discovery: demo}}]", role: String = "role: KarpenterNodeRole",
    extra: String = ""
  ) -> String {
    """
    apiVersion: karpenter.k8s.aws/v1
    kind: EC2NodeClass
    metadata:
      name: default
    spec:
      amiSelectorTerms: \(ami)
      subnetSelectorTerms: \(subnets)
      securityGroupSelectorTerms: \(groups)
      \(role)
      \(extra)
    """
  }

  static func requirement(_ body: String) -> String { "[\(body)]" }
}

@Suite struct InvalidDocumentTests {
  static let cases: [InvalidCase] = [
    // NodePool requirements
    .init(
      name: "unknown operator",
      yaml: Fixture.nodePool(requirements: "[{key: kubernetes.io/arch, operator: Foo, values: [amd64]}]"),
      path: "spec.template.spec.requirements[0].operator"),
    .init(
      name: "In without values",
      yaml: Fixture.nodePool(requirements: "[{key: kubernetes.io/arch, operator: In}]"),
      path: "spec.template.spec.requirements[0].values"),
    .init(
      name: "Gt with a word",
      yaml: Fixture.nodePool(
        requirements: "[{key: karpenter.k8s.aws/instance-cpu, operator: Gt, values: [many]}]"),
      path: "spec.template.spec.requirements[0].values"),
    .init(
      name: "Gte with two values",
      yaml: Fixture.nodePool(
        requirements: "[{key: karpenter.k8s.aws/instance-cpu, operator: Gte, values: ['1', '2']}]"),
      path: "spec.template.spec.requirements[0].values"),
    .init(
      name: "Lt negative",
      yaml: Fixture.nodePool(
        requirements: "[{key: karpenter.k8s.aws/instance-cpu, operator: Lt, values: ['-1']}]"),
      path: "spec.template.spec.requirements[0].values"),
    .init(
      name: "Exists with values",
      yaml: Fixture.nodePool(requirements: "[{key: team, operator: Exists, values: [a]}]"),
      path: "spec.template.spec.requirements[0].values"),
    .init(
      name: "minValues zero",
      yaml: Fixture.nodePool(
        requirements: "[{key: node.kubernetes.io/instance-type, operator: Exists, minValues: 0}]"),
      path: "spec.template.spec.requirements[0].minValues"),
    .init(
      name: "minValues over 50",
      yaml: Fixture.nodePool(
        requirements: "[{key: node.kubernetes.io/instance-type, operator: Exists, minValues: 51}]"),
      path: "spec.template.spec.requirements[0].minValues"),
    .init(
      name: "minValues above the values given",
      yaml: Fixture.nodePool(
        requirements:
          "[{key: node.kubernetes.io/instance-type, operator: In, values: [m5.large], minValues: 2}]"),
      path: "spec.template.spec.requirements[0].minValues"),
    .init(
      name: "minValues not an integer",
      yaml: Fixture.nodePool(
        requirements: "[{key: node.kubernetes.io/instance-type, operator: Exists, minValues: two}]"),
      path: "spec.template.spec.requirements[0].minValues"),
    .init(
      name: "hostname key restricted",
      yaml: Fixture.nodePool(requirements: "[{key: kubernetes.io/hostname, operator: Exists}]"),
      path: "spec.template.spec.requirements[0].key"),
    .init(
      name: "nodepool key restricted",
      yaml: Fixture.nodePool(requirements: "[{key: karpenter.sh/nodepool, operator: Exists}]"),
      path: "spec.template.spec.requirements[0].key"),
    .init(
      name: "karpenter.sh domain restricted",
      yaml: Fixture.nodePool(requirements: "[{key: karpenter.sh/custom, operator: Exists}]"),
      path: "spec.template.spec.requirements[0].key"),
    .init(
      name: "karpenter.k8s.aws domain restricted",
      yaml: Fixture.nodePool(requirements: "[{key: karpenter.k8s.aws/custom, operator: Exists}]"),
      path: "spec.template.spec.requirements[0].key"),
    .init(
      name: "key syntax", yaml: Fixture.nodePool(requirements: "[{key: 'bad key!', operator: Exists}]"),
      path: "spec.template.spec.requirements[0].key"),
    .init(
      name: "value syntax",
      yaml: Fixture.nodePool(requirements: "[{key: team, operator: In, values: ['a b']}]"),
      path: "spec.template.spec.requirements[0].values[0]"),
    .init(
      name: "unknown capacity type",
      yaml: Fixture.nodePool(
        requirements: "[{key: karpenter.sh/capacity-type, operator: In, values: [preemptible]}]"),
      path: "spec.template.spec.requirements[0].values"),
    .init(
      name: "requirement without key", yaml: Fixture.nodePool(requirements: "[{operator: Exists}]"),
      path: "spec.template.spec.requirements[0].key"),
    .init(
      name: "requirements missing", yaml: Fixture.nodePool(requirements: "null"),
      path: "spec.template.spec.requirements"),
    // NodePool taints, template, class reference
    .init(
      name: "taint effect",
      yaml: Fixture.nodePool(template: "taints: [{key: dedicated, value: gpu, effect: Bad}]"),
      path: "spec.template.spec.taints[0].effect"),
    .init(
      name: "taint empty key", yaml: Fixture.nodePool(template: "taints: [{key: '', effect: NoSchedule}]"),
      path: "spec.template.spec.taints[0].key"),
    .init(
      name: "startup taint value",
      yaml: Fixture.nodePool(template: "startupTaints: [{key: cni, value: 'not ready', effect: NoSchedule}]"),
      path: "spec.template.spec.startupTaints[0].value"),
    .init(
      name: "duplicate taint across lists",
      yaml: Fixture.nodePool(
        template:
          "taints: [{key: a, effect: NoSchedule}]\n      startupTaints: [{key: a, effect: NoSchedule}]"),
      path: "spec.template.spec.startupTaints[0]"),
    .init(
      name: "nodeClassRef missing", yaml: Fixture.nodePool(nodeClassRef: nil),
      path: "spec.template.spec.nodeClassRef"),
    .init(
      name: "nodeClassRef empty name",
      yaml: Fixture.nodePool(nodeClassRef: "{group: karpenter.k8s.aws, kind: EC2NodeClass, name: ''}"),
      path: "spec.template.spec.nodeClassRef.name"),
    .init(
      name: "nodeClassRef group with version",
      yaml: Fixture.nodePool(
        nodeClassRef: "{group: karpenter.k8s.aws/v1, kind: EC2NodeClass, name: default}"),
      path: "spec.template.spec.nodeClassRef.group"),
    .init(
      name: "nodeClassRef without kind",
      yaml: Fixture.nodePool(nodeClassRef: "{group: karpenter.k8s.aws, name: default}"),
      path: "spec.template.spec.nodeClassRef.kind"),
    .init(
      name: "expireAfter in days", yaml: Fixture.nodePool(template: "expireAfter: 30d"),
      path: "spec.template.spec.expireAfter"),
    .init(
      name: "terminationGracePeriod Never", yaml: Fixture.nodePool(template: "terminationGracePeriod: Never"),
      path: "spec.template.spec.terminationGracePeriod"),
    .init(
      name: "template label restricted", yaml: Fixture.nodePool(labels: "{karpenter.sh/nodepool: other}"),
      path: "spec.template.metadata.labels[karpenter.sh/nodepool]"),
    .init(
      name: "template label value", yaml: Fixture.nodePool(labels: "{team: 'a/b'}"),
      path: "spec.template.metadata.labels[team]"),
    .init(
      name: "template label value not a string", yaml: Fixture.nodePool(labels: "{enabled: true}"),
      path: "spec.template.metadata.labels[enabled]"),
    // NodePool spec
    .init(name: "weight zero", yaml: Fixture.nodePool(spec: "weight: 0"), path: "spec.weight"),
    .init(name: "weight over 100", yaml: Fixture.nodePool(spec: "weight: 101"), path: "spec.weight"),
    .init(name: "weight not a number", yaml: Fixture.nodePool(spec: "weight: ten"), path: "spec.weight"),
    .init(
      name: "limit not a quantity", yaml: Fixture.nodePool(spec: "limits: {cpu: lots}"),
      path: "spec.limits[cpu]"),
    .init(
      name: "limit negative", yaml: Fixture.nodePool(spec: "limits: {memory: -1Gi}"),
      path: "spec.limits[memory]"),
    .init(
      name: "static NodePool with weight", yaml: Fixture.nodePool(spec: "replicas: 3\n  weight: 10"),
      path: "spec.weight"),
    .init(
      name: "static NodePool with a resource limit",
      yaml: Fixture.nodePool(spec: "replicas: 3\n  limits: {cpu: \"8\"}"), path: "spec.limits"),
    .init(
      name: "static NodePool replicas negative", yaml: Fixture.nodePool(spec: "replicas: -2"),
      path: "spec.replicas"),
    .init(
      name: "consolidationPolicy v1beta1 value",
      yaml: Fixture.nodePool(spec: "disruption: {consolidationPolicy: WhenUnderutilized}"),
      path: "spec.disruption.consolidationPolicy"),
    .init(
      name: "consolidateAfter unit", yaml: Fixture.nodePool(spec: "disruption: {consolidateAfter: 5x}"),
      path: "spec.disruption.consolidateAfter"),
    .init(
      name: "budget over 100%", yaml: Fixture.nodePool(spec: "disruption: {budgets: [{nodes: '110%'}]}"),
      path: "spec.disruption.budgets[0].nodes"),
    .init(
      name: "budget schedule without duration",
      yaml: Fixture.nodePool(spec: "disruption: {budgets: [{nodes: '0', schedule: '@daily'}]}"),
      path: "spec.disruption.budgets[0].duration"),
    .init(
      name: "budget duration without schedule",
      yaml: Fixture.nodePool(spec: "disruption: {budgets: [{nodes: '0', duration: 8h}]}"),
      path: "spec.disruption.budgets[0].schedule"),
    .init(
      name: "budget cron hour",
      yaml: Fixture.nodePool(
        spec: "disruption: {budgets: [{nodes: '0', schedule: '0 25 * * *', duration: 8h}]}"),
      path: "spec.disruption.budgets[0].schedule"),
    .init(
      name: "budget cron fields",
      yaml: Fixture.nodePool(
        spec: "disruption: {budgets: [{nodes: '0', schedule: '0 9 * *', duration: 8h}]}"),
      path: "spec.disruption.budgets[0].schedule"),
    .init(
      name: "budget duration in seconds",
      yaml: Fixture.nodePool(
        spec: "disruption: {budgets: [{nodes: '0', schedule: '@daily', duration: 30s}]}"),
      path: "spec.disruption.budgets[0].duration"),
    .init(
      name: "budget reason",
      yaml: Fixture.nodePool(spec: "disruption: {budgets: [{nodes: '1', reasons: [Expired]}]}"),
      path: "spec.disruption.budgets[0].reasons[0]"),
    .init(name: "NodePool name", yaml: Fixture.nodePool(name: "Default_Pool"), path: "metadata.name"),
    // EC2NodeClass
    .init(name: "neither role nor instanceProfile", yaml: Fixture.nodeClass(role: ""), path: "spec"),
    .init(
      name: "both role and instanceProfile", yaml: Fixture.nodeClass(role: "role: r\n  instanceProfile: p"),
      path: "spec"),
    .init(
      name: "amiSelectorTerms missing", yaml: Fixture.nodeClass(ami: "null", extra: "amiFamily: AL2023"),
      path: "spec.amiSelectorTerms"),
    .init(
      name: "alias family", yaml: Fixture.nodeClass(ami: "[{alias: ubuntu@latest}]"),
      path: "spec.amiSelectorTerms[0].alias"),
    .init(
      name: "alias format", yaml: Fixture.nodeClass(ami: "[{alias: al2023}]"),
      path: "spec.amiSelectorTerms[0].alias"),
    .init(
      name: "windows alias pinned", yaml: Fixture.nodeClass(ami: "[{alias: windows2022@v20240101}]"),
      path: "spec.amiSelectorTerms[0].alias"),
    .init(
      name: "alias with another term",
      yaml: Fixture.nodeClass(ami: "[{alias: al2023@latest}, {id: ami-123}]"), path: "spec.amiSelectorTerms"),
    .init(
      name: "ami id with tags",
      yaml: Fixture.nodeClass(ami: "[{id: ami-123, tags: {a: b}}]", extra: "amiFamily: AL2023"),
      path: "spec.amiSelectorTerms[0]"),
    .init(
      name: "amiFamily required without alias", yaml: Fixture.nodeClass(ami: "[{tags: {team: a}}]"),
      path: "spec.amiFamily"),
    .init(
      name: "amiFamily contradicts alias", yaml: Fixture.nodeClass(extra: "amiFamily: Bottlerocket"),
      path: "spec.amiFamily"),
    .init(
      name: "amiFamily unknown", yaml: Fixture.nodeClass(ami: "[{name: my-ami}]", extra: "amiFamily: Ubuntu"),
      path: "spec.amiFamily"),
    .init(
      name: "ami selector tag empty",
      yaml: Fixture.nodeClass(ami: "[{tags: {team: ''}}]", extra: "amiFamily: AL2"),
      path: "spec.amiSelectorTerms[0].tags[team]"),
    .init(
      name: "subnet terms empty", yaml: Fixture.nodeClass(subnets: "[]"), path: "spec.subnetSelectorTerms"),
    .init(
      name: "subnet term empty", yaml: Fixture.nodeClass(subnets: "[{}]"), path: "spec.subnetSelectorTerms[0]"
    ),
    .init(
      name: "security group id", yaml: Fixture.nodeClass(groups: "[{id: group-1}]"),
      path: "spec.securityGroupSelectorTerms[0].id"),
    .init(
      name: "restricted tag", yaml: Fixture.nodeClass(extra: "tags: {kubernetes.io/cluster/demo: owned}"),
      path: "spec.tags[kubernetes.io/cluster/demo]"),
    .init(
      name: "hop limit", yaml: Fixture.nodeClass(extra: "metadataOptions: {httpPutResponseHopLimit: 0}"),
      path: "spec.metadataOptions.httpPutResponseHopLimit"),
    .init(
      name: "httpTokens", yaml: Fixture.nodeClass(extra: "metadataOptions: {httpTokens: maybe}"),
      path: "spec.metadataOptions.httpTokens"),
    .init(
      name: "two root volumes",
      yaml: Fixture.nodeClass(
        extra:
          "blockDeviceMappings: [{rootVolume: true, ebs: {volumeSize: 20Gi}}, {rootVolume: true, ebs: {volumeSize: 20Gi}}]"
      ), path: "spec.blockDeviceMappings"),
    .init(
      name: "volume size unit",
      yaml: Fixture.nodeClass(
        extra: "blockDeviceMappings: [{deviceName: /dev/xvda, ebs: {volumeSize: 100GB}}]"),
      path: "spec.blockDeviceMappings[0].ebs.volumeSize"),
    .init(
      name: "volume type",
      yaml: Fixture.nodeClass(
        extra: "blockDeviceMappings: [{deviceName: /dev/xvda, ebs: {volumeSize: 100Gi, volumeType: gp9}}]"),
      path: "spec.blockDeviceMappings[0].ebs.volumeType"),
    .init(
      name: "ebs without size or snapshot",
      yaml: Fixture.nodeClass(
        extra: "blockDeviceMappings: [{deviceName: /dev/xvda, ebs: {volumeType: gp3}}]"),
      path: "spec.blockDeviceMappings[0].ebs"),
    .init(
      name: "kubelet reserved key", yaml: Fixture.nodeClass(extra: "kubelet: {systemReserved: {gpu: '1'}}"),
      path: "spec.kubelet.systemReserved[gpu]"),
    .init(
      name: "kubelet reserved negative",
      yaml: Fixture.nodeClass(extra: "kubelet: {kubeReserved: {cpu: '-100m'}}"),
      path: "spec.kubelet.kubeReserved[cpu]"),
    .init(
      name: "eviction signal", yaml: Fixture.nodeClass(extra: "kubelet: {evictionHard: {memory.free: 5%}}"),
      path: "spec.kubelet.evictionHard[memory.free]"),
    .init(
      name: "eviction soft without grace period",
      yaml: Fixture.nodeClass(extra: "kubelet: {evictionSoft: {memory.available: 10%}}"),
      path: "spec.kubelet.evictionSoft[memory.available]"),
    .init(
      name: "image GC thresholds",
      yaml: Fixture.nodeClass(
        extra: "kubelet: {imageGCHighThresholdPercent: 50, imageGCLowThresholdPercent: 60}"),
      path: "spec.kubelet.imageGCHighThresholdPercent"),
    .init(
      name: "maxPods negative", yaml: Fixture.nodeClass(extra: "kubelet: {maxPods: -1}"),
      path: "spec.kubelet.maxPods"),
    .init(
      name: "instanceStorePolicy", yaml: Fixture.nodeClass(extra: "instanceStorePolicy: RAID5"),
      path: "spec.instanceStorePolicy"),
    // Other kinds
    .init(
      name: "NodeClaim hostname requirement",
      yaml: """
        apiVersion: karpenter.sh/v1
        kind: NodeClaim
        metadata: {name: default-abc}
        spec:
          requirements: [{key: kubernetes.io/hostname, operator: In, values: [a]}]
          nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
        """, path: "spec.requirements[0].key"),
    .init(
      name: "Pod request not a quantity",
      yaml: """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec: {containers: [{name: web, image: nginx, resources: {requests: {cpu: 1x}}}]}
        """, path: "spec.containers[0].resources.requests[cpu]"),
    .init(
      name: "Deployment replicas not a number",
      yaml: """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec: {replicas: three, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web}]}}}
        """, path: "spec.replicas"),
    .init(
      name: "Provisioner TTL not a number",
      yaml: """
        apiVersion: karpenter.sh/v1alpha5
        kind: Provisioner
        metadata: {name: default}
        spec: {ttlSecondsAfterEmpty: soon, providerRef: {name: default}}
        """, path: "spec.ttlSecondsAfterEmpty"),
  ]

  @Test(arguments: cases)
  func reportsTheFieldPath(_ invalid: InvalidCase) {
    let set = ManifestLoader().load(text: invalid.yaml, file: "case.yaml")
    let paths = set.errors.compactMap { $0.field?.path.description }
    #expect(set.hasErrors, "expected an error at \(invalid.path)")
    #expect(paths.contains(invalid.path), "errors were: \(set.errors.map(\.description))")
    #expect(set.documents.isEmpty, "an invalid document must not be loaded")
    for error in set.errors {
      #expect(error.description.hasPrefix("case.yaml: document 1 ("))
      #expect(error.line != nil, "no line for \(error)")
    }
  }

  @Test func theCaseTableIsLargeEnough() {
    #expect(Self.cases.count >= 40)
  }

  @Test func theFixturesAreValidWithoutTheMistake() {
    for yaml in [Fixture.nodePool(), Fixture.nodeClass()] {
      let set = ManifestLoader().load(text: yaml, file: "ok.yaml")
      #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.description))")
      #expect(set.documents.count == 1)
    }
  }
}
