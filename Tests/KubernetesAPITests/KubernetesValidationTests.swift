import KubernetesAPI
import ManifestCoding
import Testing

/// One invalid document, the kind to decode it as, and the field path (and, optionally, a
/// fragment of the message) its error must carry.
struct InvalidKubernetesCase: CustomTestStringConvertible, Sendable {
  var name: String
  /// Decodes the document as the case's kind, then validates it.
  var check: @Sendable (String) throws -> [FieldError]
  var yaml: String
  var path: String
  var message: String?
  var testDescription: String { name }

  init<T: Decodable & SelfValidating & Sendable>(
    name: String, kind: T.Type, yaml: String, path: String, message: String? = nil
  ) {
    self.name = name
    self.check = { try KubernetesValidationTests.validate(T.self, $0) }
    self.yaml = yaml
    self.path = path
    self.message = message
  }
}

/// Documents built around one realistic object, so each case changes a single field.
enum ValidationFixture {
  /// A pod whose `spec` body is `spec` (indented by the caller under `spec:`).
  static func pod(_ spec: String, metadata: String = "{name: web, namespace: shop, labels: {app: web}}")
    -> String
  {
    """
    apiVersion: v1
    kind: Pod
    metadata: \(metadata)
    spec:
    \(spec)
    """
  }

  static let container = "  containers: [{name: web, image: nginx}]"

  /// A pod with one container whose `resources` are `resources`.
  static func podResources(_ resources: String) -> String {
    pod("  containers: [{name: web, image: nginx, resources: \(resources)}]")
  }

  static func deployment(
    selector: String = "{matchLabels: {app: web}}", labels: String = "{app: web}", replicas: String = "2",
    podSpec: String = "{containers: [{name: web, image: nginx}]}"
  ) -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web, namespace: shop}
    spec:
      replicas: \(replicas)
      selector: \(selector)
      template:
        metadata: {labels: \(labels)}
        spec: \(podSpec)
    """
  }

  static func job(restartPolicy: String?, extra: String = "") -> String {
    """
    apiVersion: batch/v1
    kind: Job
    metadata: {name: migrate}
    spec:
      \(extra)
      template:
        spec:
          \(restartPolicy.map { "restartPolicy: \($0)" } ?? "")
          containers: [{name: migrate, image: app}]
    """
  }

  static func pdb(_ spec: String) -> String {
    """
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: web}
    spec: \(spec)
    """
  }
}

@Suite struct KubernetesValidationTests {
  typealias F = ValidationFixture

  static let invalid: [InvalidKubernetesCase] = [
    // Metadata
    .init(
      name: "name missing", kind: Pod.self, yaml: F.pod(F.container, metadata: "{namespace: shop}"),
      path: "metadata.name", message: "Required value: name or generateName is required"),
    .init(
      name: "name not a subdomain", kind: Pod.self, yaml: F.pod(F.container, metadata: "{name: Web_1}"),
      path: "metadata.name", message: "RFC 1123 subdomain"),
    .init(
      name: "namespace not a label", kind: Pod.self,
      yaml: F.pod(F.container, metadata: "{name: web, namespace: shop.eu}"), path: "metadata.namespace",
      message: "RFC 1123 label"),
    .init(
      name: "label key", kind: Pod.self,
      yaml: F.pod(F.container, metadata: "{name: web, labels: {'bad key': x}}"),
      path: "metadata.labels[bad key]"),
    .init(
      name: "label value", kind: Pod.self,
      yaml: F.pod(F.container, metadata: "{name: web, labels: {team: 'a b'}}"), path: "metadata.labels[team]"),
    .init(
      name: "annotation key", kind: Node.self,
      yaml: "apiVersion: v1\nkind: Node\nmetadata: {name: n1, annotations: {'/x': y}}",
      path: "metadata.annotations[/x]"),
    // Containers
    .init(
      name: "no containers", kind: Pod.self, yaml: F.pod("  containers: []"), path: "spec.containers",
      message: "Required value"),
    .init(
      name: "container name empty", kind: Pod.self, yaml: F.pod("  containers: [{name: '', image: nginx}]"),
      path: "spec.containers[0].name"),
    .init(
      name: "container name uppercase", kind: Pod.self,
      yaml: F.pod("  containers: [{name: Web, image: nginx}]"), path: "spec.containers[0].name"),
    .init(
      name: "container name repeats an init container", kind: Pod.self,
      yaml: F.pod(
        "  initContainers: [{name: web, image: busybox}]\n  containers: [{name: web, image: nginx}]"),
      path: "spec.containers[0].name", message: "Duplicate value: \"web\""),
    .init(
      name: "negative request", kind: Pod.self, yaml: F.podResources("{requests: {memory: -1Gi}}"),
      path: "spec.containers[0].resources.requests[memory]", message: "must be greater than or equal to 0"),
    .init(
      name: "negative limit", kind: Pod.self, yaml: F.podResources("{limits: {cpu: '-1'}}"),
      path: "spec.containers[0].resources.limits[cpu]"),
    .init(
      name: "request above limit", kind: Pod.self,
      yaml: F.podResources("{requests: {cpu: '2'}, limits: {cpu: '1'}}"),
      path: "spec.containers[0].resources.requests",
      message: "Invalid value: \"2\": must be less than or equal to cpu limit of 1"),
    .init(
      name: "gpu request below limit", kind: Pod.self,
      yaml: F.podResources("{requests: {nvidia.com/gpu: '1'}, limits: {nvidia.com/gpu: '2'}}"),
      path: "spec.containers[0].resources.requests", message: "must be equal to nvidia.com/gpu limit of 2"),
    .init(
      name: "unknown standard resource", kind: Pod.self, yaml: F.podResources("{limits: {gpu: '1'}}"),
      path: "spec.containers[0].resources.limits[gpu]", message: "must be a standard resource for containers"),
    .init(
      name: "containerPort zero", kind: Pod.self,
      yaml: F.pod("  containers: [{name: web, ports: [{containerPort: 0}]}]"),
      path: "spec.containers[0].ports[0].containerPort"),
    .init(
      name: "hostPort too large", kind: Pod.self,
      yaml: F.pod("  containers: [{name: web, ports: [{containerPort: 80, hostPort: 70000}]}]"),
      path: "spec.containers[0].ports[0].hostPort"),
    .init(
      name: "port protocol", kind: Pod.self,
      yaml: F.pod("  containers: [{name: web, ports: [{containerPort: 80, protocol: HTTP}]}]"),
      path: "spec.containers[0].ports[0].protocol", message: "Unsupported value: \"HTTP\""),
    // Scheduling
    .init(
      name: "nodeSelector value", kind: Pod.self,
      yaml: F.pod(F.container + "\n  nodeSelector: {karpenter.sh/capacity-type: 'on demand'}"),
      path: "spec.nodeSelector[karpenter.sh/capacity-type]"),
    .init(
      name: "toleration operator", kind: Pod.self,
      yaml: F.pod(F.container + "\n  tolerations: [{key: gpu, operator: Matches}]"),
      path: "spec.tolerations[0].operator", message: "Unsupported value"),
    .init(
      name: "toleration Exists with a value", kind: Pod.self,
      yaml: F.pod(F.container + "\n  tolerations: [{key: gpu, operator: Exists, value: 'true'}]"),
      path: "spec.tolerations[0].operator", message: "value must be empty when `operator` is 'Exists'"),
    .init(
      name: "toleration effect", kind: Pod.self,
      yaml: F.pod(F.container + "\n  tolerations: [{key: gpu, operator: Exists, effect: NoScheduling}]"),
      path: "spec.tolerations[0].effect"),
    .init(
      name: "tolerationSeconds without NoExecute", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  tolerations: [{key: gpu, operator: Exists, effect: NoSchedule, tolerationSeconds: 30}]"),
      path: "spec.tolerations[0].effect"),
    .init(
      name: "node affinity operator", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: Within, values: [a]}]}]}}}"
      ),
      path:
        "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator"
    ),
    .init(
      name: "node affinity In without values", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In}]}]}}}"
      ),
      path:
        "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values"
    ),
    .init(
      name: "node affinity Gt with two values", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: karpenter.k8s.aws/instance-cpu, operator: Gt, values: ['4', '8']}]}]}}}"
      ),
      path:
        "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values"
    ),
    .init(
      name: "node affinity Exists with values", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: Exists, values: [a]}]}]}}}"
      ),
      path:
        "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values",
      message: "Forbidden"),
    .init(
      name: "preferred weight zero", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 0, preference: {matchExpressions: [{key: zone, operator: In, values: [a]}]}}]}}"
      ), path: "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight",
      message: "must be in the range 1-100"),
    .init(
      name: "pod anti-affinity topologyKey empty", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: web}}, topologyKey: ''}]}}"
      ), path: "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey",
      message: "Required value"),
    .init(
      name: "pod affinity preferred weight", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  affinity: {podAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 101, podAffinityTerm: {topologyKey: zone}}]}}"
      ), path: "spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight"),
    .init(
      name: "spread maxSkew zero", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  topologySpreadConstraints: [{maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]"
      ), path: "spec.topologySpreadConstraints[0].maxSkew"),
    .init(
      name: "spread whenUnsatisfiable", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: Never}]"),
      path: "spec.topologySpreadConstraints[0].whenUnsatisfiable"),
    .init(
      name: "spread topologyKey empty", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  topologySpreadConstraints: [{maxSkew: 1, topologyKey: '', whenUnsatisfiable: DoNotSchedule}]"
      ), path: "spec.topologySpreadConstraints[0].topologyKey"),
    .init(
      name: "spread minDomains with ScheduleAnyway", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, minDomains: 3}]"
      ), path: "spec.topologySpreadConstraints[0].minDomains"),
    .init(
      name: "spread nodeTaintsPolicy", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, nodeTaintsPolicy: Respect}]"
      ), path: "spec.topologySpreadConstraints[0].nodeTaintsPolicy"),
    .init(
      name: "spread pair repeated", kind: Pod.self,
      yaml: F.pod(
        F.container
          + "\n  topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}, {maxSkew: 2, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]"
      ), path: "spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}",
      message: "Duplicate value"),
    .init(
      name: "negative overhead", kind: Pod.self, yaml: F.pod(F.container + "\n  overhead: {memory: -64Mi}"),
      path: "spec.overhead[memory]"),
    .init(
      name: "pod restartPolicy", kind: Pod.self, yaml: F.pod(F.container + "\n  restartPolicy: Sometimes"),
      path: "spec.restartPolicy"),
    // Workloads
    .init(
      name: "Deployment negative replicas", kind: Deployment.self, yaml: F.deployment(replicas: "-1"),
      path: "spec.replicas"),
    .init(
      name: "Deployment selector does not match", kind: Deployment.self,
      yaml: F.deployment(labels: "{app: api}"), path: "spec.template.metadata.labels",
      message: "`selector` does not match template `labels`"),
    .init(
      name: "Deployment empty selector", kind: Deployment.self, yaml: F.deployment(selector: "{}"),
      path: "spec.selector"),
    .init(
      name: "Deployment template container request above limit", kind: Deployment.self,
      yaml: F.deployment(
        podSpec: "{containers: [{name: web, resources: {requests: {memory: 2Gi}, limits: {memory: 1Gi}}}]}"),
      path: "spec.template.spec.containers[0].resources.requests",
      message: "must be less than or equal to memory limit of 1Gi"),
    .init(
      name: "Deployment template restartPolicy", kind: Deployment.self,
      yaml: F.deployment(podSpec: "{restartPolicy: Never, containers: [{name: web}]}"),
      path: "spec.template.spec.restartPolicy"),
    .init(
      name: "ReplicaSet selector", kind: ReplicaSet.self,
      yaml:
        "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: web-1}\nspec: {replicas: 1, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: other}}, spec: {containers: [{name: web}]}}}",
      path: "spec.template.metadata.labels"),
    .init(
      name: "StatefulSet replicas", kind: StatefulSet.self,
      yaml:
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec: {replicas: -3, selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db}]}}}",
      path: "spec.replicas"),
    .init(
      name: "StatefulSet claim template without storage", kind: StatefulSet.self,
      yaml:
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec: {selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db}]}}, volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {}}}}]}",
      path: "spec.volumeClaimTemplates[0].spec.resources[storage]"),
    .init(
      name: "DaemonSet selector", kind: DaemonSet.self,
      yaml:
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec: {selector: {matchLabels: {app: agent}}, template: {metadata: {labels: {name: agent}}, spec: {containers: [{name: agent}]}}}",
      path: "spec.template.metadata.labels"),
    .init(
      name: "Job restartPolicy missing", kind: Job.self, yaml: F.job(restartPolicy: nil),
      path: "spec.template.spec.restartPolicy", message: "Required value"),
    .init(
      name: "Job restartPolicy Always", kind: Job.self, yaml: F.job(restartPolicy: "Always"),
      path: "spec.template.spec.restartPolicy", message: "Unsupported value: \"Always\""),
    .init(
      name: "Job negative parallelism", kind: Job.self,
      yaml: F.job(restartPolicy: "Never", extra: "parallelism: -1"), path: "spec.parallelism"),
    .init(
      name: "Job negative completions", kind: Job.self,
      yaml: F.job(restartPolicy: "Never", extra: "completions: -2"), path: "spec.completions"),
    // Policy
    .init(
      name: "PDB both bounds", kind: PodDisruptionBudget.self,
      yaml: F.pdb("{minAvailable: 1, maxUnavailable: 1, selector: {matchLabels: {app: web}}}"), path: "spec",
      message: "minAvailable and maxUnavailable cannot be both set"),
    .init(
      name: "PDB percentage over 100", kind: PodDisruptionBudget.self,
      yaml: F.pdb("{minAvailable: '150%', selector: {matchLabels: {app: web}}}"), path: "spec.minAvailable"),
    .init(
      name: "PDB negative", kind: PodDisruptionBudget.self, yaml: F.pdb("{maxUnavailable: -1}"),
      path: "spec.maxUnavailable"),
    .init(
      name: "PDB not a percentage", kind: PodDisruptionBudget.self, yaml: F.pdb("{maxUnavailable: half}"),
      path: "spec.maxUnavailable"),
    .init(
      name: "PDB selector operator", kind: PodDisruptionBudget.self,
      yaml: F.pdb(
        "{maxUnavailable: 1, selector: {matchExpressions: [{key: app, operator: Equals, values: [web]}]}}"),
      path: "spec.selector.matchExpressions[0].operator"),
    .init(
      name: "PriorityClass value too high", kind: PriorityClass.self,
      yaml:
        "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: urgent}\nvalue: 1500000000",
      path: "value", message: "Forbidden"),
    .init(
      name: "PriorityClass system prefix", kind: PriorityClass.self,
      yaml: "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: system-mine}\nvalue: 10",
      path: "metadata.name"),
    .init(
      name: "PriorityClass preemptionPolicy", kind: PriorityClass.self,
      yaml:
        "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: batch}\nvalue: 10\npreemptionPolicy: Sometimes",
      path: "preemptionPolicy"),
    // Node
    .init(
      name: "Node taint effect", kind: Node.self,
      yaml: "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec: {taints: [{key: gpu, effect: Evict}]}",
      path: "spec.taints[0].effect"),
    .init(
      name: "Node taint key", kind: Node.self,
      yaml:
        "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec: {taints: [{key: 'a b', effect: NoSchedule}]}",
      path: "spec.taints[0].key"),
    .init(
      name: "Node negative allocatable", kind: Node.self,
      yaml: "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus: {allocatable: {cpu: '-1'}}",
      path: "status.allocatable[cpu]"),
    // Storage
    .init(
      name: "StorageClass binding mode", kind: StorageClass.self,
      yaml:
        "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: gp3}\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: Lazy",
      path: "volumeBindingMode"),
    .init(
      name: "StorageClass Recycle", kind: StorageClass.self,
      yaml:
        "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: gp3}\nprovisioner: ebs.csi.aws.com\nreclaimPolicy: Recycle",
      path: "reclaimPolicy"),
    .init(
      name: "PV reclaim policy", kind: PersistentVolume.self,
      yaml:
        "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv1}\nspec: {capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], persistentVolumeReclaimPolicy: Keep, csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1}}",
      path: "spec.persistentVolumeReclaimPolicy"),
    .init(
      name: "PV node affinity operator", kind: PersistentVolume.self,
      yaml:
        "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv1}\nspec: {capacity: {storage: 10Gi}, nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: topology.kubernetes.io/zone, operator: Equals, values: [a]}]}]}}}",
      path: "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].operator"),
    .init(
      name: "PVC storage request zero", kind: PersistentVolumeClaim.self,
      yaml:
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: '0'}}}",
      path: "spec.resources[storage]", message: "must be greater than zero"),
    .init(
      name: "PVC storage request missing", kind: PersistentVolumeClaim.self,
      yaml:
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {cpu: '1'}}}",
      path: "spec.resources[storage]", message: "Required value"),
    .init(
      name: "PVC access mode", kind: PersistentVolumeClaim.self,
      yaml:
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {accessModes: [ReadWriteSometimes], resources: {requests: {storage: 1Gi}}}",
      path: "spec.accessModes[0]"),
  ]

  @Test(arguments: invalid)
  func reportsTheFieldPath(_ invalid: InvalidKubernetesCase) throws {
    let errors = try invalid.check(invalid.yaml)
    let matching = errors.filter { $0.path.description == invalid.path }
    #expect(!matching.isEmpty, "errors were: \(errors.map(\.description))")
    if let message = invalid.message {
      #expect(
        matching.contains { $0.description.contains(message) },
        "no error at \(invalid.path) says \(message): \(errors.map(\.description))")
    }
  }

  @Test func theCaseTableIsLargeEnough() {
    #expect(Self.invalid.count >= 25)
  }

  /// Decodes without a decoding error, then validates.
  static func validate<T: Decodable & SelfValidating>(_ type: T.Type, _ yaml: String) throws -> [FieldError] {
    let (value, decodeErrors) = try ManifestDecoder().decode(T.self, yaml: yaml)
    #expect(decodeErrors.isEmpty, "decoding failed: \(decodeErrors.map(\.description))")
    return try #require(value).validate()
  }

  /// Realistic documents (the round-trip fixtures and the table's own bases) with no error.
  static let valid: [InvalidKubernetesCase] = [
    .init(name: "pod", kind: Pod.self, yaml: KubernetesFixtures.podWithUnknownFields, path: ""),
    .init(name: "node", kind: Node.self, yaml: KubernetesFixtures.node, path: ""),
    .init(
      name: "pdb minAvailable", kind: PodDisruptionBudget.self, yaml: KubernetesFixtures.pdbMinAvailable,
      path: ""),
    .init(
      name: "pdb maxUnavailable", kind: PodDisruptionBudget.self, yaml: KubernetesFixtures.pdbMaxUnavailable,
      path: ""),
    .init(
      name: "persistent volume", kind: PersistentVolume.self, yaml: KubernetesFixtures.persistentVolume,
      path: ""),
    .init(
      name: "persistent volume claim", kind: PersistentVolumeClaim.self,
      yaml: KubernetesFixtures.persistentVolumeClaim, path: ""),
    .init(name: "storage class", kind: StorageClass.self, yaml: KubernetesFixtures.storageClass, path: ""),
    .init(name: "priority class", kind: PriorityClass.self, yaml: KubernetesFixtures.priorityClass, path: ""),
    .init(name: "lease", kind: Lease.self, yaml: KubernetesFixtures.lease, path: ""),
    .init(name: "event", kind: Event.self, yaml: KubernetesFixtures.event, path: ""),
    .init(name: "deployment", kind: Deployment.self, yaml: KubernetesFixtures.deployment, path: ""),
    .init(name: "replica set", kind: ReplicaSet.self, yaml: KubernetesFixtures.replicaSet, path: ""),
    .init(name: "stateful set", kind: StatefulSet.self, yaml: KubernetesFixtures.statefulSet, path: ""),
    .init(name: "job", kind: Job.self, yaml: KubernetesFixtures.job, path: ""),
    .init(name: "daemon set", kind: DaemonSet.self, yaml: KubernetesFixtures.daemonSet, path: ""),
    .init(name: "table pod", kind: Pod.self, yaml: F.pod(F.container), path: ""),
    .init(name: "table deployment", kind: Deployment.self, yaml: F.deployment(), path: ""),
    .init(
      name: "table job", kind: Job.self, yaml: F.job(restartPolicy: "OnFailure", extra: "parallelism: 4"),
      path: ""),
    .init(
      name: "generateName", kind: Pod.self, yaml: F.pod(F.container, metadata: "{generateName: web-}"),
      path: ""),
    .init(
      name: "pdb percentage", kind: PodDisruptionBudget.self,
      yaml: F.pdb("{maxUnavailable: '100%', selector: {matchLabels: {app: web}}}"), path: ""),
    .init(
      name: "system priority class", kind: PriorityClass.self,
      yaml:
        "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: system-node-critical}\nvalue: 2000001000",
      path: ""),
  ]

  @Test(arguments: 0..<valid.count)
  func realisticDocumentsAreValid(_ index: Int) throws {
    let document = Self.valid[index]
    let errors = try document.check(document.yaml)
    #expect(errors.isEmpty, "\(document.name): \(errors.map(\.description))")
  }

  /// A pod using every scheduling feature the autoscaler reads, each written correctly.
  @Test func aFullySpecifiedPodIsValid() throws {
    let yaml = F.pod(
      """
        priorityClassName: high
        preemptionPolicy: Never
        overhead: {cpu: 250m, memory: 120Mi}
        nodeSelector: {kubernetes.io/arch: arm64, karpenter.sh/capacity-type: spot}
        initContainers:
        - {name: migrate, image: app, resources: {requests: {cpu: 500m}}}
        - {name: proxy, image: envoy, restartPolicy: Always, ports: [{name: admin, containerPort: 9901}]}
        containers:
        - name: web
          image: nginx
          ports: [{name: http, containerPort: 8080, hostPort: 80, protocol: TCP}]
          resources:
            requests: {cpu: '1', memory: 1Gi, nvidia.com/gpu: '1'}
            limits: {cpu: '2', memory: 1Gi, nvidia.com/gpu: '1'}
        tolerations:
        - {operator: Exists}
        - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}
        - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
        - {key: dedicated, value: web, effect: PreferNoSchedule}
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
              - matchExpressions:
                - {key: karpenter.k8s.aws/instance-cpu, operator: Gt, values: ['3']}
                - {key: topology.kubernetes.io/zone, operator: In, values: [us-west-2a, us-west-2b]}
                - {key: karpenter.k8s.aws/instance-gpu-count, operator: Exists}
            preferredDuringSchedulingIgnoredDuringExecution:
            - {weight: 100, preference: {matchExpressions: [{key: karpenter.sh/capacity-type, operator: NotIn, values: [on-demand]}]}}
          podAntiAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
            - {labelSelector: {matchLabels: {app: web}}, topologyKey: kubernetes.io/hostname}
            preferredDuringSchedulingIgnoredDuringExecution:
            - {weight: 1, podAffinityTerm: {labelSelector: {matchExpressions: [{key: app, operator: In, values: [web]}]}, topologyKey: topology.kubernetes.io/zone}}
        topologySpreadConstraints:
        - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, minDomains: 3, nodeAffinityPolicy: Honor, nodeTaintsPolicy: Ignore, labelSelector: {matchLabels: {app: web}}}
        - {maxSkew: 2, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}
        volumes:
        - {name: data, persistentVolumeClaim: {claimName: web-data}}
        - {name: scratch, emptyDir: {sizeLimit: 1Gi}}
      """)
    let errors = try Self.validate(Pod.self, yaml)
    #expect(errors.isEmpty, "\(errors.map(\.description))")
  }

  /// Every problem of a document is reported, not only the first.
  @Test func everyProblemIsReported() throws {
    let yaml = F.pod(
      """
        containers:
        - {name: web, resources: {requests: {cpu: '-1'}}}
        - {name: web}
        tolerations: [{key: a, operator: Exists, value: b}]
      """, metadata: "{name: Web}")
    let paths = Set(try Self.validate(Pod.self, yaml).map(\.path.description))
    #expect(
      paths == [
        "metadata.name", "spec.containers[0].resources.requests[cpu]", "spec.containers[1].name",
        "spec.tolerations[0].operator",
      ])
  }
}
