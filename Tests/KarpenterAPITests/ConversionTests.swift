import Foundation
import KarpenterAPI
import KubernetesAPI
import ManifestCoding
import Testing

private func decode<T: Decodable>(_ type: T.Type, _ yaml: String) throws -> T {
  let (value, errors) = try ManifestDecoder().decode(T.self, yaml: yaml)
  #expect(errors.isEmpty, "unexpected decoding errors: \(errors)")
  return try #require(value)
}

private func req(_ key: String, _ op: String, _ values: [String]) -> NodeSelectorRequirement {
  NodeSelectorRequirement(key: key, operator: op, values: values)
}

@Suite struct ConversionTests {
  // MARK: Provisioner -> NodePool

  @Test func provisionerTTLsLimitsAndWeight() throws {
    let provisioner = try decode(
      Provisioner.self,
      """
      apiVersion: karpenter.sh/v1alpha5
      kind: Provisioner
      metadata:
        name: default
        namespace: ignored
        uid: "1234"
        labels: {team: a}
        annotations: {note: x}
      spec:
        providerRef:
          name: default
        ttlSecondsAfterEmpty: 30
        ttlSecondsUntilExpired: 2592000
        limits:
          resources:
            cpu: 1000
            memory: 1000Gi
        weight: 10
        labels: {role: worker}
        taints:
          - {key: dedicated, value: gpu, effect: NoSchedule}
        startupTaints:
          - {key: init, effect: NoExecute}
      """)
    let beta = try LegacyConversion.nodePoolV1Beta1(from: provisioner)
    #expect(beta.nodePool.spec?.disruption?.consolidationPolicy == "WhenEmpty")
    #expect(beta.nodePool.spec?.disruption?.consolidateAfter == "30s")
    #expect(beta.nodePool.spec?.disruption?.expireAfter == "720h")
    #expect(beta.nodeClass == nil)

    let (nodePool, nodeClass) = try LegacyConversion.nodePool(from: provisioner)
    #expect(nodeClass == nil)
    #expect(nodePool.apiVersion == "karpenter.sh/v1")
    #expect(nodePool.kind == "NodePool")
    #expect(nodePool.metadata.name == "default")
    #expect(nodePool.metadata.namespace == nil)
    #expect(nodePool.metadata.uid == nil)
    #expect(nodePool.metadata.labels == ["team": "a"])
    #expect(nodePool.metadata.annotations?["note"] == "x")
    let spec = try #require(nodePool.spec)
    #expect(spec.disruption?.consolidationPolicy == "WhenEmpty")
    #expect(spec.disruption?.consolidateAfter == "30s")
    #expect(spec.template?.spec?.expireAfter == "720h")
    #expect(spec.limits?["cpu"] == Quantity("1000"))
    #expect(spec.limits?["memory"] == Quantity("1000Gi"))
    #expect(spec.weight == 10)
    #expect(spec.template?.metadata?.labels == ["role": "worker"])
    #expect(spec.template?.spec?.taints == [Taint(key: "dedicated", value: "gpu", effect: "NoSchedule")])
    #expect(spec.template?.spec?.startupTaints == [Taint(key: "init", effect: "NoExecute")])
    #expect(
      spec.template?.spec?.nodeClassRef
        == NodeClassReference(group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default"))
    #expect(
      nodePool.metadata.annotations?[LegacyConversion.nodeClassReferenceAnnotationKey]
        == #"{"name":"default"}"#)
    #expect(nodePool.metadata.annotations?[LegacyConversion.kubeletCompatibilityAnnotationKey] == nil)
  }

  @Test func consolidationEnabledWinsOverTTLAfterEmpty() throws {
    let provisioner = try decode(
      Provisioner.self,
      """
      metadata: {name: p}
      spec:
        consolidation: {enabled: true}
        ttlSecondsAfterEmpty: 30
      """)
    let beta = try LegacyConversion.nodePoolV1Beta1(from: provisioner)
    #expect(beta.nodePool.spec?.disruption?.consolidationPolicy == "WhenUnderutilized")
    #expect(beta.nodePool.spec?.disruption?.consolidateAfter == nil)
    let v1 = try LegacyConversion.nodePool(from: provisioner).nodePool
    #expect(v1.spec?.disruption?.consolidationPolicy == "WhenEmptyOrUnderutilized")
    #expect(v1.spec?.disruption?.consolidateAfter == "0s")
  }

  @Test func noTTLsGivesNeverAndDefaultPolicy() throws {
    let provisioner = try decode(Provisioner.self, "metadata: {name: p}\nspec: {}\n")
    let beta = try LegacyConversion.nodePoolV1Beta1(from: provisioner)
    #expect(beta.nodePool.spec?.disruption?.expireAfter == "Never")
    #expect(beta.nodePool.spec?.disruption?.consolidationPolicy == nil)
    let v1 = try LegacyConversion.nodePool(from: provisioner).nodePool
    #expect(v1.spec?.template?.spec?.expireAfter == "Never")
    #expect(v1.spec?.disruption?.consolidationPolicy == "WhenEmptyOrUnderutilized")
    #expect(v1.spec?.disruption?.consolidateAfter == "0s")
    #expect(v1.spec?.limits == nil)
    // No providerRef: an empty reference, as upstream, and a `null` annotation.
    #expect(v1.spec?.template?.spec?.nodeClassRef == NodeClassReference())
    #expect(v1.metadata.annotations?[LegacyConversion.nodeClassReferenceAnnotationKey] == "null")
  }

  @Test func requirementDefaultsAppended() throws {
    let provisioner = try decode(
      Provisioner.self,
      """
      metadata: {name: p}
      spec:
        requirements:
          - {key: topology.kubernetes.io/zone, operator: In, values: [us-west-2a]}
      """)
    let v1 = try LegacyConversion.nodePool(from: provisioner).nodePool
    let reqs = try #require(v1.spec?.template?.spec?.requirements)
    #expect(
      reqs.map(\.key) == [
        "topology.kubernetes.io/zone", "kubernetes.io/os", "kubernetes.io/arch",
        "karpenter.sh/capacity-type", "karpenter.k8s.aws/instance-category",
        "karpenter.k8s.aws/instance-generation",
      ])
    #expect(
      reqs[1]
        == NodeSelectorRequirementWithMinValues(key: "kubernetes.io/os", operator: "In", values: ["linux"]))
    #expect(reqs[2].values == ["amd64"])
    #expect(reqs[3].values == ["on-demand"])
    #expect(reqs[4].values == ["c", "m", "r"])
    #expect(reqs[5].operator == "Gt")
    #expect(reqs[5].values == ["2"])
  }

  @Test func requirementDefaultsNotAppendedWhenPresent() throws {
    let given = [
      req("beta.kubernetes.io/arch", "In", ["arm64"]),
      req("karpenter.sh/capacity-type", "NotIn", ["spot"]),
      req("karpenter.k8s.aws/instance-family", "Exists", []),
    ]
    let out = LegacyConversion.defaultedRequirements(given)
    // Originals untouched, only os appended.
    #expect(out == given + [req("kubernetes.io/os", "In", ["linux"])])

    let typed = LegacyConversion.defaultedRequirements([
      req("beta.kubernetes.io/instance-type", "In", ["m5.large"]),
      req("beta.kubernetes.io/os", "In", ["linux"]),
    ])
    #expect(
      typed.map(\.key) == [
        "beta.kubernetes.io/instance-type", "beta.kubernetes.io/os", "kubernetes.io/arch",
        "karpenter.sh/capacity-type",
      ])

    let provisioner = Provisioner(
      metadata: ObjectMeta(name: "p"), spec: ProvisionerSpec(requirements: given))
    let ignored = try LegacyConversion.nodePool(from: provisioner, applyDefaults: false).nodePool
    #expect(ignored.spec?.template?.spec?.requirements?.count == 3)
    #expect(ignored.spec?.template?.spec?.requirements?[0].key == "beta.kubernetes.io/arch")
  }

  @Test func inlineProviderBecomesNodeClassNamedAfterProvisioner() throws {
    let provisioner = try decode(
      Provisioner.self,
      """
      metadata: {name: gpu, labels: {x: y}}
      spec:
        providerRef: {name: something-else, kind: AWSNodeTemplate}
        provider:
          subnetSelector: {karpenter.sh/discovery: demo}
          securityGroupSelector: {karpenter.sh/discovery: demo}
          tags: {team: ml}
          metadataOptions: {httpTokens: required, httpPutResponseHopLimit: 2}
      """)
    let (nodePool, nodeClass) = try LegacyConversion.nodePool(from: provisioner)
    let nc = try #require(nodeClass)
    #expect(nc.metadata.name == "gpu")
    #expect(nc.metadata.labels == nil)
    #expect(nc.apiVersion == "karpenter.k8s.aws/v1")
    #expect(
      nodePool.spec?.template?.spec?.nodeClassRef
        == NodeClassReference(group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "gpu"))
    #expect(nc.spec?.subnetSelectorTerms == [SubnetSelectorTerm(tags: ["karpenter.sh/discovery": "demo"])])
    #expect(
      nc.spec?.securityGroupSelectorTerms == [
        SecurityGroupSelectorTerm(tags: ["karpenter.sh/discovery": "demo"])
      ])
    #expect(nc.spec?.amiSelectorTerms == [AMISelectorTerm(alias: "al2@latest")])
    #expect(nc.spec?.amiFamily == nil)
    #expect(nc.spec?.role == "$KARPENTER_NODE_ROLE")
    #expect(nc.spec?.tags == ["team": "ml"])
    #expect(nc.spec?.metadataOptions == MetadataOptions(httpPutResponseHopLimit: 2, httpTokens: "required"))
  }

  @Test func inlineProviderLaunchTemplateIsAnError() throws {
    let provisioner = try decode(
      Provisioner.self,
      """
      metadata: {name: lt}
      spec:
        provider: {launchTemplate: my-template}
      """)
    #expect(throws: ConversionError.self) { try LegacyConversion.nodePool(from: provisioner) }
    do {
      _ = try LegacyConversion.nodePool(from: provisioner)
    } catch let error as ConversionError {
      #expect(error.kind == "Provisioner")
      #expect(error.name == "lt")
      #expect(error.field == "spec.provider.launchTemplate")
      #expect(
        error.description.hasPrefix(
          #"Provisioner "lt": spec.provider.launchTemplate cannot be converted, because"#))
    }
  }

  @Test func providerRefToAWSNodeTemplateBecomesEC2NodeClass() throws {
    let provisioner = try decode(
      Provisioner.self,
      """
      metadata: {name: p}
      spec:
        providerRef: {apiVersion: karpenter.k8s.aws/v1alpha1, kind: AWSNodeTemplate, name: tmpl}
      """)
    let beta = try LegacyConversion.nodePoolV1Beta1(from: provisioner).nodePool
    #expect(
      beta.spec?.template?.spec?.nodeClassRef
        == LegacyNodeClassReference(
          kind: "EC2NodeClass", name: "tmpl", apiVersion: "karpenter.k8s.aws/v1beta1"))
    let v1 = LegacyConversion.nodePool(from: beta)
    #expect(
      v1.spec?.template?.spec?.nodeClassRef
        == NodeClassReference(group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "tmpl"))
    #expect(
      v1.metadata.annotations?[LegacyConversion.nodeClassReferenceAnnotationKey]
        == #"{"kind":"EC2NodeClass","name":"tmpl","apiVersion":"karpenter.k8s.aws/v1beta1"}"#)
  }

  @Test func kubeletBecomesAnnotationAndMoves() throws {
    let provisioner = try decode(
      Provisioner.self,
      """
      metadata: {name: a}
      spec:
        providerRef: {name: shared}
        kubeletConfiguration:
          containerRuntime: containerd
          maxPods: 110
          clusterDNS: [10.0.0.10]
          systemReserved: {cpu: 100m}
          evictionSoftGracePeriod: {memory.available: 1m}
          cpuCFSQuota: true
      """)
    let beta = try LegacyConversion.nodePoolV1Beta1(from: provisioner).nodePool
    #expect(beta.spec?.template?.spec?.kubelet?.maxPods == 110)
    let v1 = try LegacyConversion.nodePool(from: provisioner).nodePool
    let json = try #require(v1.metadata.annotations?[LegacyConversion.kubeletCompatibilityAnnotationKey])
    #expect(
      json
        == #"{"clusterDNS":["10.0.0.10"],"cpuCFSQuota":true,"evictionSoftGracePeriod":{"memory.available":"1m"},"maxPods":110,"systemReserved":{"cpu":"100m"}}"#
    )
    #expect(!json.contains("containerRuntime"))

    // Moves into the EC2NodeClass; a second pool with the same kubelet also loses its annotation;
    // a third with a different kubelet keeps it; a fourth without its node class keeps it.
    var other = v1
    other.metadata.name = "b"
    var different = v1
    different.metadata.name = "c"
    different.metadata.annotations?[LegacyConversion.kubeletCompatibilityAnnotationKey] = #"{"maxPods":20}"#
    var orphan = v1
    orphan.metadata.name = "d"
    orphan.spec?.template?.spec?.nodeClassRef?.name = "missing"
    var pools = [v1, other, different, orphan]
    var classes = [
      EC2NodeClass(metadata: ObjectMeta(name: "shared"), spec: EC2NodeClassSpec()),
      EC2NodeClass(metadata: ObjectMeta(name: "unrelated"), spec: EC2NodeClassSpec()),
    ]
    let warnings = LegacyConversion.moveKubelet(nodePools: &pools, nodeClasses: &classes)
    let key = LegacyConversion.kubeletCompatibilityAnnotationKey
    #expect(classes[0].spec?.kubelet?.maxPods == 110)
    #expect(classes[0].spec?.kubelet?.clusterDNS == ["10.0.0.10"])
    #expect(classes[1].spec?.kubelet == nil)
    #expect(pools[0].metadata.annotations?[key] == nil)
    #expect(pools[1].metadata.annotations?[key] == nil)
    #expect(pools[2].metadata.annotations?[key] == #"{"maxPods":20}"#)
    #expect(pools[3].metadata.annotations?[key] != nil)
    #expect(pools[0].metadata.annotations?[LegacyConversion.nodeClassReferenceAnnotationKey] != nil)
    #expect(warnings.count == 2)
    #expect(warnings.contains { $0.contains(#""a" and "c" share EC2NodeClass "shared""#) })
    #expect(warnings.contains { $0.contains(#"NodePool "d""#) && $0.contains(#""missing""#) })
  }

  // MARK: AWSNodeTemplate -> EC2NodeClass

  @Test func nodeTemplateSelectors() throws {
    let template = try decode(
      AWSNodeTemplate.self,
      """
      apiVersion: karpenter.k8s.aws/v1alpha1
      kind: AWSNodeTemplate
      metadata:
        name: default
        resourceVersion: "7"
        finalizers: [f]
      spec:
        subnetSelector:
          aws-ids: "subnet-0, subnet-x"
          aws::ids: "subnet-1 ,subnet-2"
        securityGroupSelector:
          k2: "d,e"
          k1: "a, b,c"
        amiSelector:
          aws::ids: "ami-123,ami-456"
          aws::owners: "self,amazon"
          aws::name: "test name"
          MyTag: '*'
        userData: echo hi
        detailedMonitoring: true
        context: ctx
        blockDeviceMappings:
          - deviceName: /dev/xvda
            ebs: {volumeSize: 100Gi, volumeType: gp3, encrypted: true}
      """)
    let beta = try LegacyConversion.nodeClassV1Beta1(from: template)
    #expect(beta.spec?.amiFamily == "AL2")
    #expect(beta.metadata.resourceVersion == nil)
    #expect(beta.metadata.finalizers == ["f"])
    #expect(
      beta.spec?.subnetSelectorTerms == [
        SubnetSelectorTerm(id: "subnet-1"), SubnetSelectorTerm(id: "subnet-2"),
      ])
    #expect(
      beta.spec?.securityGroupSelectorTerms?.compactMap(\.tags) == [
        ["k1": "a", "k2": "d"], ["k1": "b", "k2": "d"], ["k1": "c", "k2": "d"],
        ["k1": "a", "k2": "e"], ["k1": "b", "k2": "e"], ["k1": "c", "k2": "e"],
      ])
    let ami = try #require(beta.spec?.amiSelectorTerms)
    #expect(
      ami.map { "\($0.id ?? "")/\($0.owner ?? "")" } == [
        "ami-123/self", "ami-456/self", "ami-123/amazon", "ami-456/amazon",
      ])
    #expect(ami.allSatisfy { $0.name == "test name" && $0.tags == ["MyTag": "*"] })

    let v1 = try LegacyConversion.nodeClass(from: template)
    // Terms present: the family is kept.
    #expect(v1.spec?.amiFamily == "AL2")
    #expect(v1.spec?.amiSelectorTerms?.count == 4)
    #expect(
      v1.spec?.amiSelectorTerms?.first
        == AMISelectorTerm(tags: ["MyTag": "*"], id: "ami-123", name: "test name", owner: "self"))
    #expect(v1.spec?.userData == "echo hi")
    #expect(v1.spec?.detailedMonitoring == true)
    #expect(v1.spec?.context == "ctx")
    #expect(v1.spec?.blockDeviceMappings?.first?.ebs?.volumeSize == "100Gi")
    #expect(v1.spec?.role == "$KARPENTER_NODE_ROLE")
    #expect(v1.spec?.instanceProfile == nil)
    #expect(v1.spec?.metadataOptions == nil)
    #expect(v1.spec?.kubelet == nil)
  }

  @Test func selectorSplittingEdgeCases() {
    #expect(LegacyConversion.subnetSelectorTerms(nil) == nil)
    #expect(LegacyConversion.subnetSelectorTerms([:]) == nil)
    // An empty tag value is the wildcard and stays "".
    #expect(LegacyConversion.subnetSelectorTerms(["Name": ""]) == [SubnetSelectorTerm(tags: ["Name": ""])])
    // aws::name is only special for AMIs.
    #expect(
      LegacyConversion.securityGroupSelectorTerms(["aws::name": "sg"])
        == [SecurityGroupSelectorTerm(tags: ["aws::name": "sg"])])
    // ids and tags together: the product, ids outermost.
    #expect(
      LegacyConversion.subnetSelectorTerms(["aws::ids": "s-1,s-2", "t": "x,y"]) == [
        SubnetSelectorTerm(tags: ["t": "x"], id: "s-1"), SubnetSelectorTerm(tags: ["t": "y"], id: "s-1"),
        SubnetSelectorTerm(tags: ["t": "x"], id: "s-2"), SubnetSelectorTerm(tags: ["t": "y"], id: "s-2"),
      ])
  }

  @Test func nodeTemplateLaunchTemplateIsAnError() throws {
    let template = try decode(
      AWSNodeTemplate.self, "metadata: {name: lt}\nspec: {launchTemplate: my-lt}\n")
    #expect(throws: ConversionError.self) { try LegacyConversion.nodeClass(from: template) }
    do {
      _ = try LegacyConversion.nodeClassV1Beta1(from: template)
    } catch let error as ConversionError {
      #expect(error.field == "spec.launchTemplate")
      #expect(error.description.contains(#"AWSNodeTemplate "lt": spec.launchTemplate cannot be converted"#))
    }
  }

  @Test func nodeTemplateDefaultFamilyBecomesAlias() throws {
    let template = try decode(
      AWSNodeTemplate.self,
      """
      metadata: {name: d}
      spec:
        subnetSelector: {karpenter.sh/discovery: demo}
        instanceProfile: KarpenterNodeInstanceProfile
        metadataOptions: {httpEndpoint: enabled}
      """)
    let v1 = try LegacyConversion.nodeClass(from: template)
    #expect(v1.spec?.amiSelectorTerms == [AMISelectorTerm(alias: "al2@latest")])
    #expect(v1.spec?.amiFamily == nil)
    #expect(v1.spec?.instanceProfile == "KarpenterNodeInstanceProfile")
    #expect(v1.spec?.role == nil)
    #expect(v1.spec?.metadataOptions == MetadataOptions(httpEndpoint: "enabled"))

    let bottlerocket = try decode(
      AWSNodeTemplate.self, "metadata: {name: b}\nspec: {amiFamily: Bottlerocket}\n")
    #expect(
      try LegacyConversion.nodeClass(from: bottlerocket).spec?.amiSelectorTerms
        == [AMISelectorTerm(alias: "bottlerocket@latest")])
  }

  // MARK: v1beta1 -> v1

  @Test func v1beta1NodePool() throws {
    let beta = try decode(
      NodePoolV1Beta1.self,
      """
      apiVersion: karpenter.sh/v1beta1
      kind: NodePool
      metadata: {name: default, uid: abc}
      spec:
        template:
          metadata: {labels: {a: b}}
          spec:
            nodeClassRef: {apiVersion: karpenter.k8s.aws/v1beta1, kind: EC2NodeClass, name: default}
            requirements:
              - {key: karpenter.k8s.aws/instance-family, operator: In, values: [m5, c5], minValues: 2}
            resources: {requests: {cpu: "1"}}
        disruption:
          consolidationPolicy: WhenUnderutilized
          expireAfter: 168h
          budgets:
            - {nodes: "10%"}
            - {nodes: "0", schedule: "0 9 * * *", duration: 8h}
        limits: {cpu: 100}
        weight: 5
      """)
    let v1 = LegacyConversion.nodePool(from: beta)
    #expect(v1.apiVersion == "karpenter.sh/v1")
    #expect(v1.metadata.uid == "abc")
    #expect(v1.spec?.disruption?.consolidationPolicy == "WhenEmptyOrUnderutilized")
    #expect(v1.spec?.disruption?.consolidateAfter == "0s")
    #expect(v1.spec?.template?.spec?.expireAfter == "168h")
    #expect(
      v1.spec?.template?.spec?.nodeClassRef
        == NodeClassReference(group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default"))
    #expect(v1.spec?.template?.spec?.requirements?.first?.minValues == 2)
    #expect(v1.spec?.template?.metadata?.labels == ["a": "b"])
    #expect(
      v1.spec?.disruption?.budgets == [
        Budget(nodes: "10%"), Budget(nodes: "0", schedule: "0 9 * * *", duration: "8h"),
      ])
    #expect(v1.spec?.limits?["cpu"] == Quantity("100"))
    #expect(v1.spec?.weight == 5)
    #expect(v1.metadata.annotations?[LegacyConversion.kubeletCompatibilityAnnotationKey] == nil)

    let whenEmpty = try decode(
      NodePoolV1Beta1.self,
      """
      metadata:
        name: e
        annotations: {compatibility.karpenter.sh/v1beta1-kubelet-conversion: stale}
      spec:
        disruption: {consolidationPolicy: WhenEmpty, consolidateAfter: 5m}
      """)
    let v1e = LegacyConversion.nodePool(from: whenEmpty)
    #expect(v1e.spec?.disruption?.consolidationPolicy == "WhenEmpty")
    #expect(v1e.spec?.disruption?.consolidateAfter == "5m")
    #expect(v1e.spec?.template?.spec?.expireAfter == "720h")
    #expect(v1e.metadata.annotations?[LegacyConversion.kubeletCompatibilityAnnotationKey] == nil)
  }

  @Test func v1beta1EC2NodeClass() throws {
    let withTerms = try decode(
      EC2NodeClassV1Beta1.self,
      """
      apiVersion: karpenter.k8s.aws/v1beta1
      kind: EC2NodeClass
      metadata: {name: t}
      spec:
        amiFamily: AL2023
        amiSelectorTerms: [{id: ami-1}, {tags: {env: prod}, owner: self}]
        role: KarpenterNodeRole
        subnetSelectorTerms: [{tags: {k: v}}]
        securityGroupSelectorTerms: [{name: sg-name}]
        metadataOptions: {httpPutResponseHopLimit: 2}
        instanceStorePolicy: RAID0
        associatePublicIPAddress: false
      """)
    let v1 = LegacyConversion.nodeClass(from: withTerms)
    #expect(v1.apiVersion == "karpenter.k8s.aws/v1")
    #expect(v1.spec?.amiFamily == "AL2023")
    #expect(
      v1.spec?.amiSelectorTerms == [
        AMISelectorTerm(id: "ami-1"), AMISelectorTerm(tags: ["env": "prod"], owner: "self"),
      ])
    #expect(v1.spec?.role == "KarpenterNodeRole")
    #expect(v1.spec?.metadataOptions?.httpPutResponseHopLimit == 2)
    #expect(v1.spec?.securityGroupSelectorTerms == [SecurityGroupSelectorTerm(name: "sg-name")])
    #expect(v1.spec?.instanceStorePolicy == "RAID0")
    #expect(v1.spec?.associatePublicIPAddress == false)

    let pinned = try decode(
      EC2NodeClassV1Beta1.self,
      """
      metadata:
        name: w
        annotations: {compatibility.karpenter.k8s.aws/v1-alias-version: v20240807}
      spec: {amiFamily: Windows2022}
      """)
    let v1p = LegacyConversion.nodeClass(from: pinned)
    #expect(v1p.spec?.amiSelectorTerms == [AMISelectorTerm(alias: "windows2022@v20240807")])
    #expect(v1p.spec?.amiFamily == nil)
    #expect(v1p.metadata.annotations?[LegacyConversion.aliasVersionCompatibilityAnnotationKey] == nil)

    let ubuntu = try decode(EC2NodeClassV1Beta1.self, "metadata: {name: u}\nspec: {amiFamily: Ubuntu}\n")
    let v1u = LegacyConversion.nodeClass(from: ubuntu)
    #expect(v1u.spec?.amiFamily == "AL2")
    #expect(v1u.spec?.amiSelectorTerms == [AMISelectorTerm(id: "ami-placeholder")])
    #expect(v1u.spec?.blockDeviceMappings?.first?.deviceName == "/dev/sda1")
    #expect(v1u.spec?.blockDeviceMappings?.first?.rootVolume == true)
    #expect(
      v1u.spec?.blockDeviceMappings?.first?.ebs
        == BlockDevice(volumeSize: "20Gi", volumeType: "gp3", encrypted: true))
    #expect(
      v1u.metadata.annotations?[LegacyConversion.ubuntuCompatibilityAnnotationKey]
        == "amiFamily,blockDeviceMappings,incompatible")

    let custom = try decode(
      EC2NodeClassV1Beta1.self, "metadata: {name: c}\nspec: {amiSelectorTerms: [{id: ami-9}]}\n")
    let v1c = LegacyConversion.nodeClass(from: custom)
    #expect(v1c.spec?.amiFamily == "Custom")
    #expect(v1c.spec?.amiSelectorTerms == [AMISelectorTerm(id: "ami-9")])
  }

  // MARK: GoDuration

  @Test(arguments: [
    (Int64(0), "0s", "0s"), (30, "30s", "30s"), (90, "1m30s", "1m30s"),
    (3600, "1h", "1h0m0s"), (3661, "1h1m1s", "1h1m1s"), (3601, "1h1s", "1h0m1s"),
    (2_592_000, "720h", "720h0m0s"), (604_800, "168h", "168h0m0s"), (60, "1m", "1m0s"),
    (-90, "-1m30s", "-1m30s"),
  ])
  func goDurationFormatting(seconds: Int64, compact: String, go: String) throws {
    let d = try #require(GoDuration(seconds: seconds))
    #expect(d.compact == compact)
    #expect(d.goString == go)
    #expect(GoDuration(parsing: compact) == d)
    #expect(GoDuration(parsing: go) == d)
  }

  @Test func goDurationParsing() {
    #expect(GoDuration(parsing: "1.5s")?.nanoseconds == 1_500_000_000)
    #expect(GoDuration(parsing: "1h0.5s")?.compact == "1h0.5s")
    #expect(GoDuration(parsing: "500ms")?.compact == "500ms")
    #expect(GoDuration(parsing: "1.5ms")?.goString == "1.5ms")
    #expect(GoDuration(parsing: "2us")?.goString == "2µs")
    #expect(GoDuration(parsing: "10ns")?.compact == "10ns")
    #expect(GoDuration(parsing: "0") == .zero)
    #expect(GoDuration(parsing: "+5m")?.compact == "5m")
    #expect(GoDuration(parsing: "90m")?.compact == "1h30m")
    #expect(GoDuration(parsing: "") == nil)
    #expect(GoDuration(parsing: "5") == nil)
    #expect(GoDuration(parsing: "Never") == nil)
    #expect(GoDuration(parsing: "1d") == nil)
    #expect(GoDuration(parsing: ".s") == nil)
    #expect(GoDuration(parsing: "3000000h") == nil)
    #expect(GoDuration(seconds: Int64.max) == nil)
  }

  @Test func ttlOverflowIsAnError() throws {
    let provisioner = Provisioner(
      metadata: ObjectMeta(name: "huge"),
      spec: ProvisionerSpec(ttlSecondsUntilExpired: 99_999_999_999))
    do {
      _ = try LegacyConversion.nodePool(from: provisioner)
      Issue.record("expected an error")
    } catch let error as ConversionError {
      #expect(error.field == "spec.ttlSecondsUntilExpired")
      #expect(
        error.description.hasPrefix(#"Provisioner "huge": spec.ttlSecondsUntilExpired cannot be converted"#))
    }
  }
}

/// The rules legacy objects had before conversion, which the converted v1 objects cannot see.
@Suite struct LegacyValidationTests {
  @Test func provisionerWebhookRules() throws {
    let p = try decode(
      Provisioner.self,
      """
      apiVersion: karpenter.sh/v1alpha5
      kind: Provisioner
      metadata: {name: default}
      spec:
        consolidation: {enabled: true}
        ttlSecondsAfterEmpty: -5
        provider: {subnetSelector: {a: b}}
        providerRef: {name: default}
        kubeletConfiguration: {evictionSoft: {memory.available: 5%}}
      """)
    #expect(
      p.validate().map(\.description) == [
        "spec.ttlSecondsAfterEmpty: Invalid value: \"-5\": cannot be negative",
        "spec.ttlSecondsAfterEmpty: Invalid value: \"\": expected exactly one, got both: spec.consolidation.enabled, spec.ttlSecondsAfterEmpty",
        "spec.providerRef: Invalid value: \"\": expected exactly one, got both: spec.provider, spec.providerRef",
        "spec.kubeletConfiguration.evictionSoft[memory.available]: Invalid value: \"memory.available\": evictionSoft OwnerKey does not have a matching evictionSoftGracePeriod",
      ])
  }

  @Test func provisionerWithOneOfEachIsValid() throws {
    let p = try decode(
      Provisioner.self,
      """
      apiVersion: karpenter.sh/v1alpha5
      kind: Provisioner
      metadata: {name: default}
      spec: {ttlSecondsAfterEmpty: 30, providerRef: {name: default}}
      """)
    #expect(p.validate().isEmpty)
  }

  @Test(arguments: [
    ("{consolidateAfter: 30s}", ["consolidateAfter cannot be combined with consolidationPolicy=WhenUnderutilized"]),
    ("{consolidateAfter: Never}", []),
    ("{consolidationPolicy: WhenEmpty}", ["consolidateAfter must be specified with consolidationPolicy=WhenEmpty"]),
    ("{consolidationPolicy: WhenEmpty, consolidateAfter: 1m}", []),
  ])
  func v1beta1ConsolidateAfterPerPolicy(_ disruption: String, _ messages: [String]) throws {
    let p = try decode(
      NodePoolV1Beta1.self,
      """
      apiVersion: karpenter.sh/v1beta1
      kind: NodePool
      metadata: {name: default}
      spec:
        disruption: \(disruption)
        template: {spec: {requirements: [], nodeClassRef: {name: default}}}
      """)
    #expect(p.validate().map(\.detail) == messages)
    #expect(p.validate().allSatisfy { $0.path.description == "spec.disruption" })
  }
}
