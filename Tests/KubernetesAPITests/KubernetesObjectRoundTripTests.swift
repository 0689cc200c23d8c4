import Foundation
import KubernetesAPI
import ManifestCoding
import Testing

/// Decodes `yaml` with the lenient manifest decoder, expecting no field errors.
func decodeClean<T: Decodable>(
  _ type: T.Type, _ yaml: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> T {
  let (value, errors) = try ManifestDecoder().decode(T.self, yaml: yaml)
  #expect(errors.isEmpty, "unexpected errors: \(errors)", sourceLocation: sourceLocation)
  return try #require(value, sourceLocation: sourceLocation)
}

/// Encodes `value` as JSON with sorted keys, decodes it again (JSON is YAML) and expects the
/// same value back.
func expectRoundTrip<T: Codable & Equatable>(
  _ value: T, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = .sortedKeys
  let json = String(decoding: try encoder.encode(value), as: UTF8.self)
  let again = try decodeClean(T.self, json, sourceLocation: sourceLocation)
  #expect(again == value, "round trip changed the value; JSON: \(json)", sourceLocation: sourceLocation)
}

@Suite struct KubernetesObjectRoundTripTests {
  @Test func deploymentWithFullPodTemplate() throws {
    let d = try decodeClean(Deployment.self, KubernetesFixtures.deployment)
    #expect(d.apiVersion == "apps/v1")
    #expect(d.kind == "Deployment")
    #expect(d.name == "inflate")
    #expect(d.annotations["deployment.kubernetes.io/revision"] == "3")
    let spec = try #require(d.spec)
    #expect(spec.replicas == 3)
    #expect(spec.selector.matchLabels == ["app": "inflate"])
    #expect(spec.strategy?.rollingUpdate?.maxSurge == .string("25%"))
    #expect(spec.strategy?.rollingUpdate?.maxUnavailable == .int(0))

    let template = spec.template
    #expect(template.metadata?.labels?["pod-template-hash"] == "5d7f9c")
    let pod = try #require(template.spec)
    #expect(pod.terminationGracePeriodSeconds == 0)
    #expect(pod.priorityClassName == "high-priority")
    #expect(pod.nodeSelector?["karpenter.sh/capacity-type"] == "on-demand")

    let nodeAffinity = try #require(pod.affinity?.nodeAffinity)
    let required = try #require(nodeAffinity.required)
    #expect(required.nodeSelectorTerms.count == 1)
    #expect(required.nodeSelectorTerms[0].matchExpressions?[1].operator == "Gt")
    #expect(required.nodeSelectorTerms[0].matchExpressions?[1].values == ["3"])
    #expect(nodeAffinity.preferred.map(\.weight) == [50])

    let anti = try #require(pod.affinity?.podAntiAffinity)
    #expect(anti.required.first?.topologyKey == "kubernetes.io/hostname")
    #expect(anti.required.first?.matchLabelKeys == ["pod-template-hash"])
    #expect(anti.preferred.first?.weight == 100)
    #expect(anti.preferred.first?.podAffinityTerm.namespaceSelector == LabelSelector())
    let affinity = try #require(pod.affinity?.podAffinity)
    #expect(affinity.preferred.first?.podAffinityTerm.namespaces == ["cache"])
    #expect(affinity.preferred.first?.podAffinityTerm.mismatchLabelKeys == ["tenant"])

    let spreads = try #require(pod.topologySpreadConstraints)
    #expect(spreads.count == 2)
    #expect(spreads[0].minDomains == 3)
    #expect(spreads[0].matchLabelKeys == ["pod-template-hash"])
    #expect(spreads[0].nodeAffinityPolicy == "Honor")
    #expect(spreads[0].isRequired)
    #expect(!spreads[1].isRequired)

    #expect(pod.tolerations?.count == 2)
    #expect(pod.tolerations?[1].tolerationSeconds == 300)
    #expect(pod.initContainers?.map(\.name) == ["setup", "proxy"])
    #expect(pod.initContainers?.map(\.isRestartable) == [false, true])
    #expect(pod.containers[0].resources?.requests?["memory"] == "1.5Gi")
    #expect(pod.volumes?.first?.ephemeral?.volumeClaimTemplate?.spec.storageClassName == "gp3")
    #expect(pod.volumes?.last?.configMap?.name == "inflate-config")

    // 1 CPU + the 100m sidecar beats the 500m init container.
    #expect(pod.effectiveRequests == ["cpu": "1100m", "memory": "1664Mi"])
    #expect(pod.hostPorts == [HostPort(port: 8080)])
    try expectRoundTrip(d)
  }

  @Test func podWithUnknownFieldsDecodes() throws {
    let pod = try decodeClean(Pod.self, KubernetesFixtures.podWithUnknownFields)
    #expect(pod.name == "inflate-5d7f9c-abcde")
    #expect(pod.namespace == "default")
    #expect(pod.spec?.containers.first?.image == "nginx:1.27")
    #expect(pod.spec?.schedulerName == "default-scheduler")
    #expect(pod.status?.phase == "Pending")
    #expect(pod.status?.qosClass == "Burstable")
    let scheduled = try #require(pod.status?.condition("PodScheduled"))
    #expect(scheduled.status == "False")
    #expect(scheduled.reason == "Unschedulable")
    #expect(pod.controllerOwner?.kind == "ReplicaSet")
    #expect(!pod.isDaemonSetPod)
    #expect(pod.persistentVolumeClaimNames == ["www", "inflate-5d7f9c-abcde-scratch"])
    #expect(pod.effectiveRequests == ["cpu": "250m", "memory": "256Mi"])
    try expectRoundTrip(pod)
  }

  @Test func node() throws {
    let node = try decodeClean(Node.self, KubernetesFixtures.node)
    #expect(node.spec?.providerID == "aws:///us-west-2a/i-0123456789abcdef0")
    #expect(node.taints == [Taint(key: "karpenter.sh/disrupted", effect: "NoSchedule")])
    #expect(node.status?.allocatable?["cpu"] == "3920m")
    #expect(node.status?.capacity?["pods"] == "58")
    #expect(node.status?.nodeInfo?.architecture == "amd64")
    #expect(node.status?.nodeInfo?.kubeletVersion == "v1.30.2-eks-1552ad0")
    #expect(node.status?.addresses?.first == NodeAddress(type: "InternalIP", address: "192.168.12.34"))
    #expect(node.isReady)
    try expectRoundTrip(node)
  }

  @Test func workloads() throws {
    let rs = try decodeClean(ReplicaSet.self, KubernetesFixtures.replicaSet)
    #expect(rs.spec?.replicas == 2)
    #expect(rs.status?.readyReplicas == 2)
    #expect(rs.metadata.ownerReferences?.first?.kind == "Deployment")
    try expectRoundTrip(rs)

    let sts = try decodeClean(StatefulSet.self, KubernetesFixtures.statefulSet)
    #expect(sts.spec?.serviceName == "web")
    #expect(sts.spec?.podManagementPolicy == "Parallel")
    let claim = try #require(sts.spec?.volumeClaimTemplates?.first)
    #expect(claim.name == "www")
    #expect(claim.spec?.resources?.requests?["storage"] == "1Gi")
    #expect(sts.spec?.updateStrategy?.rollingUpdate?.partition == 0)
    try expectRoundTrip(sts)

    let job = try decodeClean(Job.self, KubernetesFixtures.job)
    #expect(job.spec?.parallelism == 4)
    #expect(job.spec?.completions == 8)
    #expect(job.spec?.backoffLimit == 2)
    #expect(job.spec?.ttlSecondsAfterFinished == 100)
    #expect(job.spec?.template.spec?.restartPolicy == "Never")
    try expectRoundTrip(job)

    let ds = try decodeClean(DaemonSet.self, KubernetesFixtures.daemonSet)
    #expect(ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable == .string("10%"))
    #expect(ds.spec?.template.spec?.hostNetwork == true)
    #expect(ds.status?.desiredNumberScheduled == 3)
    try expectRoundTrip(ds)
  }

  static let budgets: [(String, IntOrString?, IntOrString?, Int32)] = [
    (KubernetesFixtures.pdbMinAvailable, .string("50%"), nil, 5),
    (KubernetesFixtures.pdbMaxUnavailable, nil, .int(1), 3),
  ]

  @Test(arguments: budgets)
  func podDisruptionBudget(
    yaml: String, minAvailable: IntOrString?, maxUnavailable: IntOrString?, expected: Int32
  ) throws {
    let pdb = try decodeClean(PodDisruptionBudget.self, yaml)
    #expect(pdb.spec?.minAvailable == minAvailable)
    #expect(pdb.spec?.maxUnavailable == maxUnavailable)
    #expect(pdb.spec?.selector?.matchLabels?["app"] == "inflate")
    #expect(pdb.status?.expectedPods == expected)
    try expectRoundTrip(pdb)
  }

  @Test func pdbPercentageScales() throws {
    let pdb = try decodeClean(PodDisruptionBudget.self, KubernetesFixtures.pdbMinAvailable)
    #expect(pdb.spec?.minAvailable?.scaled(total: 5, roundUp: true) == 3)
    #expect(pdb.spec?.unhealthyPodEvictionPolicy == "AlwaysAllow")
    #expect(pdb.status?.disruptionsAllowed == 2)
  }

  @Test func persistentVolumeWithNodeAffinity() throws {
    let pv = try decodeClean(PersistentVolume.self, KubernetesFixtures.persistentVolume)
    let spec = try #require(pv.spec)
    #expect(spec.capacity?["storage"] == "20Gi")
    #expect(spec.csi?.driver == "ebs.csi.aws.com")
    #expect(spec.csi?.volumeHandle == "vol-0123456789abcdef0")
    #expect(spec.claimRef?.name == "www-web-0")
    #expect(spec.persistentVolumeReclaimPolicy == "Delete")
    let term = try #require(spec.nodeAffinity?.required?.nodeSelectorTerms.first)
    #expect(
      term.matchExpressions == [
        NodeSelectorRequirement(
          key: "topology.ebs.csi.aws.com/zone", operator: "In", values: ["us-west-2a"])
      ])
    #expect(pv.status?.phase == "Bound")
    try expectRoundTrip(pv)

    let pvc = try decodeClean(PersistentVolumeClaim.self, KubernetesFixtures.persistentVolumeClaim)
    #expect(pvc.spec?.volumeName == "pvc-6e2b1c1d")
    #expect(pvc.spec?.volumeMode == "Filesystem")
    #expect(pvc.status?.phase == "Bound")
    try expectRoundTrip(pvc)
  }

  @Test func storageClassWithAllowedTopologies() throws {
    let sc = try decodeClean(StorageClass.self, KubernetesFixtures.storageClass)
    #expect(sc.provisioner == "ebs.csi.aws.com")
    #expect(sc.parameters?["encrypted"] == "true")
    #expect(sc.volumeBindingMode == StorageClass.waitForFirstConsumer)
    #expect(sc.allowVolumeExpansion == true)
    #expect(
      sc.allowedTopologies == [
        TopologySelectorTerm(matchLabelExpressions: [
          TopologySelectorLabelRequirement(
            key: "topology.ebs.csi.aws.com/zone", values: ["us-west-2a", "us-west-2b"])
        ])
      ])
    try expectRoundTrip(sc)
  }

  @Test func priorityClassLeaseAndEvent() throws {
    let pc = try decodeClean(PriorityClass.self, KubernetesFixtures.priorityClass)
    #expect(pc.value == 1_000_000)
    #expect(pc.globalDefault == false)
    #expect(pc.preemptionPolicy == "Never")
    #expect(pc.description?.hasPrefix("Batch") == true)
    try expectRoundTrip(pc)

    let lease = try decodeClean(Lease.self, KubernetesFixtures.lease)
    #expect(lease.spec?.holderIdentity == "karpenter-7d9f8c-xyz_1b2c")
    #expect(lease.spec?.leaseDurationSeconds == 15)
    #expect(lease.spec?.renewTime == "2024-05-01T12:00:05.123456Z")
    #expect(lease.spec?.leaseTransitions == 3)
    try expectRoundTrip(lease)

    let event = try decodeClean(KubernetesAPI.Event.self, KubernetesFixtures.event)
    #expect(event.involvedObject.kind == "Pod")
    #expect(event.involvedObject.name == "inflate-5d7f9c-abcde")
    #expect(event.reason == "Nominated")
    #expect(event.source?.component == "karpenter")
    #expect(event.count == 1)
    #expect(event.eventTime == nil)
    #expect(event.reportingComponent == "karpenter")
    try expectRoundTrip(event)
  }

  @Test func constructedObjectsRoundTrip() throws {
    let pod = Pod(
      metadata: ObjectMeta(name: "p", namespace: "ns", labels: ["app": "a"]),
      spec: PodSpec(
        containers: [
          Container(
            name: "c", image: "nginx",
            ports: [ContainerPort(containerPort: 80, hostPort: 80, protocol: "UDP")],
            resources: ResourceRequirements(requests: ["cpu": "1"], limits: ["memory": "1Gi"]))
        ],
        tolerations: [Toleration(operator: "Exists")]))
    try expectRoundTrip(pod)
    let node = Node(
      metadata: ObjectMeta(name: "n"), spec: NodeSpec(providerID: "kwok://n"),
      status: NodeStatus(
        allocatable: ["cpu": "4", "memory": "16Gi", "pods": "110"],
        conditions: [NodeCondition(type: "Ready", status: "True")],
        nodeInfo: NodeSystemInfo(architecture: "arm64", operatingSystem: "linux")))
    try expectRoundTrip(node)
    let deployment = Deployment(
      metadata: ObjectMeta(name: "d"),
      spec: DeploymentSpec(
        replicas: 2, selector: LabelSelector(matchLabels: ["app": "a"]),
        template: PodTemplateSpec(metadata: ObjectMeta(labels: ["app": "a"]), spec: pod.spec)))
    try expectRoundTrip(deployment)
    #expect(
      ObjectReference(pod) == ObjectReference(kind: "Pod", namespace: "ns", name: "p", apiVersion: "v1"))
  }

  @Test(arguments: ["replicas: \"three\"", "replicas: three"])
  func typeErrorNamesTheField(replicas: String) throws {
    let yaml = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: bad}
      spec:
        \(replicas)
        selector: {matchLabels: {app: bad}}
        template:
          spec:
            containers: [{name: c, image: nginx}]
      """
    let (value, errors) = try ManifestDecoder().decode(Deployment.self, yaml: yaml)
    #expect(errors.count == 1)
    let error = try #require(errors.first)
    #expect(error.path.description == "spec.replicas")
    #expect(error.kind == .typeMismatch)
    #expect(error.line == 5)
    // The rest of the object still decodes.
    #expect(value?.spec?.replicas == nil)
    #expect(value?.spec?.selector.matchLabels == ["app": "bad"])
  }

  @Test func missingRequiredFieldIsReported() throws {
    let yaml = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: bad}
      spec:
        replicas: 1
        template:
          spec:
            containers: [{image: nginx}]
      """
    let (_, errors) = try ManifestDecoder().decode(Deployment.self, yaml: yaml)
    #expect(errors.map(\.kind) == [.required])
    #expect(errors.map(\.path.description) == ["spec.selector"])
  }
}
