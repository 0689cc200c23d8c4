import ManifestCoding
import Manifests
import Testing

/// Admission as upstream's: the CEL rules exactly as written (`!self.all(...)`), the CRD's
/// optional `spec`, the v1alpha5 webhook and the v1beta1 CRD rules, and errors of legacy
/// objects at the fields the user wrote.
@Suite struct AdmissionTests {
  func load(_ yaml: String) -> ManifestSet { ManifestLoader().load(text: yaml, file: "case.yaml") }

  func messages(_ yaml: String) -> [String] {
    load(yaml).errors.map { d in
      "\(d.line.map { "line \($0): " } ?? "")\(d.field?.description ?? d.message ?? "")"
    }
  }

  @Test func subnetTermsMixingIDAndTagsAreRejectedOnlyWhenEveryTermDoes() {
    #expect(messages(Fixture.nodeClass(subnets: "[{id: subnet-1, tags: {a: b}}, {tags: {a: b}}]")) == [])
    #expect(
      messages(Fixture.nodeClass(subnets: "[{id: subnet-1, tags: {a: b}}]")) == [
        "line 7: spec.subnetSelectorTerms: Invalid value: \"\": 'id' is mutually exclusive, cannot be set with a combination of other fields in a subnet selector term"
      ])
  }

  @Test func securityGroupTermsFollowTheSameRule() {
    #expect(messages(Fixture.nodeClass(groups: "[{id: sg-1, name: web}, {id: sg-2}]")) == [])
    #expect(
      messages(Fixture.nodeClass(groups: "[{id: sg-1, name: web}, {id: sg-2, tags: {a: b}}]")) == [
        "line 8: spec.securityGroupSelectorTerms: Invalid value: \"\": 'id' is mutually exclusive, cannot be set with a combination of other fields in a security group selector term"
      ])
    #expect(
      messages(Fixture.nodeClass(groups: "[{name: web, tags: {a: b}}]")) == [
        "line 8: spec.securityGroupSelectorTerms: Invalid value: \"\": 'name' is mutually exclusive, cannot be set with a combination of other fields in a security group selector term"
      ])
  }

  @Test func anEC2NodeClassWithoutSpecIsAccepted() {
    let set = load("apiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata: {name: empty}\n")
    #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.description))")
    #expect(set.documents.count == 1)
  }

  static let provisionerHead = """
    apiVersion: karpenter.sh/v1alpha5
    kind: Provisioner
    metadata: {name: default}
    spec:
    """

  @Test func provisionerConsolidationAndTTLAfterEmptyAreExactlyOneOf() {
    #expect(
      messages(
        Self.provisionerHead + """

            consolidation: {enabled: true}
            ttlSecondsAfterEmpty: 30
            providerRef: {name: default}
          """) == [
            "line 6: spec.ttlSecondsAfterEmpty: Invalid value: \"\": expected exactly one, got both: spec.consolidation.enabled, spec.ttlSecondsAfterEmpty"
          ])
    #expect(
      messages(
        Self.provisionerHead + """

            consolidation: {enabled: false}
            ttlSecondsAfterEmpty: 30
            providerRef: {name: default}
          """) == [])
  }

  @Test func provisionerProviderAndProviderRefAreExactlyOneOf() {
    #expect(
      messages(
        Self.provisionerHead + """

            provider: {subnetSelector: {a: b}, securityGroupSelector: {a: b}}
            providerRef: {name: default}
          """) == [
            "line 6: spec.providerRef: Invalid value: \"\": expected exactly one, got both: spec.provider, spec.providerRef"
          ])
  }

  @Test func provisionerNegativeTTLsAndKubeletSettingsAreValidated() {
    #expect(
      messages(
        Self.provisionerHead + """

            ttlSecondsUntilExpired: -1
            providerRef: {name: default}
            kubeletConfiguration:
              systemReserved: {gpu: "1"}
          """) == [
            "line 5: spec.ttlSecondsUntilExpired: Invalid value: \"-1\": cannot be negative",
            "line 8: spec.kubeletConfiguration.systemReserved[gpu]: Invalid value: \"gpu\": valid keys for systemReserved are ['cpu','memory','ephemeral-storage','pid']",
          ])
  }

  @Test func aProvisionerErrorNamesTheFieldAndLineTheUserWrote() {
    let lines = messages(
      Self.provisionerHead + """

          taints: [{key: a, effect: Sometimes}]
          providerRef: {name: ""}
        """)
    #expect(lines.count == 2, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("line 5: spec.taints[0].effect: Unsupported value: \"Sometimes\"") })
    #expect(
      lines.contains {
        $0 == "line 6: spec.providerRef.name: Invalid value: \"\": name may not be empty (in the v1 NodePool this converts to)"
      })
    #expect(!lines.contains { $0.contains("nodeClassRef") || $0.contains("spec.template") })
  }

  static let v1beta1Head = """
    apiVersion: karpenter.sh/v1beta1
    kind: NodePool
    metadata: {name: default}
    spec:
      template:
        spec:
          requirements: [{key: kubernetes.io/arch, operator: In, values: [amd64]}]
          nodeClassRef: {name: default}
      disruption:
    """

  @Test(arguments: [
    ("{consolidateAfter: 30s}", "consolidateAfter cannot be combined with consolidationPolicy=WhenUnderutilized"),
    (
      "{consolidationPolicy: WhenUnderutilized, consolidateAfter: 1m}",
      "consolidateAfter cannot be combined with consolidationPolicy=WhenUnderutilized"
    ),
    ("{consolidationPolicy: WhenEmpty}", "consolidateAfter must be specified with consolidationPolicy=WhenEmpty"),
  ])
  func v1beta1ConsolidateAfterRules(_ disruption: String, _ message: String) {
    let yaml = Self.v1beta1Head + " " + disruption
    #expect(messages(yaml) == ["line 9: spec.disruption: Invalid value: \"\": \(message)"])
  }

  @Test(arguments: [
    "{consolidateAfter: Never}", "{consolidationPolicy: WhenEmpty, consolidateAfter: 30s}",
    "{consolidationPolicy: WhenUnderutilized}",
  ])
  func v1beta1ConsolidateAfterAccepted(_ disruption: String) {
    #expect(messages(Self.v1beta1Head + " " + disruption) == [])
  }

  @Test func v1beta1ErrorsNameTheV1beta1Field() {
    let lines = messages(
      Self.v1beta1Head + " {expireAfter: soon}")
    #expect(lines.count == 1, "\(lines)")
    #expect(lines.first?.hasPrefix("line 9: spec.disruption.expireAfter: Invalid value: \"soon\"") == true)
  }

  @Test func v1beta1KubeletIsValidated() {
    let yaml = """
      apiVersion: karpenter.sh/v1beta1
      kind: NodePool
      metadata: {name: default}
      spec:
        template:
          spec:
            requirements: [{key: kubernetes.io/arch, operator: In, values: [amd64]}]
            nodeClassRef: {name: default}
            kubelet: {evictionHard: {memory.avail: 5%}}
      """
    #expect(
      messages(yaml) == [
        "line 9: spec.template.spec.kubelet.evictionHard[memory.avail]: Invalid value: \"memory.avail\": valid keys for evictionHard are ['memory.available','nodefs.available','nodefs.inodesFree','imagefs.available','imagefs.inodesFree','pid.available']"
      ])
  }
}

/// Unknown fields are warnings, worded as `kubectl apply`'s strict field validation, with the
/// line; free-form maps and values are never reported.
@Suite struct UnknownFieldTests {
  @Test func aMisspelledFieldIsAWarningWithItsPathAndLine() {
    let yaml = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replica: 5
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: web
              image: nginx
              resourcez: {requests: {cpu: 1}}
      """
    let set = ManifestLoader().load(text: yaml, file: "web.yaml")
    #expect(set.errors.isEmpty)
    #expect(set.documents.count == 1)
    #expect(
      set.warnings.map(\.description) == [
        "web.yaml: document 1 (Deployment \"default/web\"), line 5: warning: unknown field \"spec.replica\"",
        "web.yaml: document 1 (Deployment \"default/web\"), line 13: warning: unknown field \"spec.template.spec.containers[0].resourcez\"",
      ])
  }

  @Test func mapsAndFieldsKubernetesHasButWeDoNotModelAreNotReported() {
    let yaml = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels: {anything: goes}
        annotations: {also.this/key: value}
        managedFields: [{manager: kubectl}]
      spec:
        dnsPolicy: ClusterFirst
        securityContext: {runAsUser: 1000}
        nodeSelector: {disk: ssd}
        containers:
        - name: web
          env: [{name: A, value: b}]
          livenessProbe: {httpGet: {path: /, port: 80}}
          resources: {requests: {cpu: 1, memory: 1Gi}, claims: [{name: c}]}
        volumes:
        - name: data
          projected: {sources: []}
      status:
        phase: Pending
        anythingNew: true
        containerStatuses: [{name: web}]
      """
    let set = ManifestLoader().load(text: yaml, file: "pod.yaml")
    #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.description))")
  }

  @Test func karpenterKindsReportUnknownSpecFields() {
    let set = ManifestLoader().load(
      text: Fixture.nodeClass(extra: "subnetSelector: {a: b}"), file: "nc.yaml")
    #expect(set.errors.isEmpty)
    #expect(
      set.warnings.map(\.description) == [
        "nc.yaml: document 1 (EC2NodeClass \"default\"), line 10: warning: unknown field \"spec.subnetSelector\""
      ])
  }

  @Test func anInvalidObjectStillGetsItsWarnings() {
    let set = ManifestLoader().load(
      text: Fixture.nodePool(spec: "weight: 0\n  wieght: 5"), file: "np.yaml")
    #expect(set.errors.map { $0.field?.path.description } == ["spec.weight"])
    #expect(set.warnings.map(\.message) == ["unknown field \"spec.wieght\""])
  }
}
