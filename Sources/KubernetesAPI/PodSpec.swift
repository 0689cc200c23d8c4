import ManifestCoding
/// A pod's `spec`: what scheduling, capacity planning and disruption read.
public struct PodSpec: Codable, Hashable, Sendable, MemoizedDecodable {
  public var containers: [Container]
  public var initContainers: [Container]?
  /// Resources the runtime itself takes for this pod (from its RuntimeClass).
  public var overhead: ResourceList?
  /// Pod-level requests and limits (Kubernetes 1.32+); for `cpu` and `memory` they replace
  /// the containers' aggregate.
  public var resources: ResourceRequirements?
  public var nodeSelector: [String: String]?
  public var nodeName: String?
  public var affinity: Affinity?
  public var tolerations: [Toleration]?
  public var topologySpreadConstraints: [TopologySpreadConstraint]?
  public var priority: Int32?
  public var priorityClassName: String?
  /// `PreemptLowerPriority` (the default) or `Never`.
  public var preemptionPolicy: String?
  public var schedulerName: String?
  public var schedulingGates: [PodSchedulingGate]?
  public var terminationGracePeriodSeconds: Int64?
  public var activeDeadlineSeconds: Int64?
  /// `Always` (the default), `OnFailure` or `Never`.
  public var restartPolicy: String?
  public var volumes: [Volume]?
  public var runtimeClassName: String?
  public var hostNetwork: Bool?
  public var serviceAccountName: String?

  public init(
    containers: [Container], initContainers: [Container]? = nil,
    overhead: ResourceList? = nil, resources: ResourceRequirements? = nil,
    nodeSelector: [String: String]? = nil, nodeName: String? = nil,
    affinity: Affinity? = nil, tolerations: [Toleration]? = nil,
    topologySpreadConstraints: [TopologySpreadConstraint]? = nil,
    priority: Int32? = nil, priorityClassName: String? = nil,
    preemptionPolicy: String? = nil, schedulerName: String? = nil,
    terminationGracePeriodSeconds: Int64? = nil, restartPolicy: String? = nil,
    volumes: [Volume]? = nil, runtimeClassName: String? = nil, hostNetwork: Bool? = nil,
    serviceAccountName: String? = nil
  ) {
    self.containers = containers
    self.initContainers = initContainers
    self.overhead = overhead
    self.resources = resources
    self.nodeSelector = nodeSelector
    self.nodeName = nodeName
    self.affinity = affinity
    self.tolerations = tolerations
    self.topologySpreadConstraints = topologySpreadConstraints
    self.priority = priority
    self.priorityClassName = priorityClassName
    self.preemptionPolicy = preemptionPolicy
    self.schedulerName = schedulerName
    self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
    self.restartPolicy = restartPolicy
    self.volumes = volumes
    self.runtimeClassName = runtimeClassName
    self.hostNetwork = hostNetwork
    self.serviceAccountName = serviceAccountName
  }
}

/// A gate that keeps a pod out of scheduling until it is removed.
public struct PodSchedulingGate: Codable, Hashable, Sendable {
  public var name: String

  public init(name: String) { self.name = name }
}

/// The pod template of a workload: the metadata and spec of the pods it creates.
public struct PodTemplateSpec: Codable, Hashable, Sendable {
  public var metadata: ObjectMeta?
  public var spec: PodSpec?

  public init(metadata: ObjectMeta? = nil, spec: PodSpec? = nil) {
    self.metadata = metadata
    self.spec = spec
  }
}
