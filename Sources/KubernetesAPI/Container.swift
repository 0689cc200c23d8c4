/// One container of a pod: the fields scheduling and capacity planning read.
public struct Container: Codable, Hashable, Sendable {
  public var name: String
  public var image: String?
  public var command: [String]?
  public var args: [String]?
  public var workingDir: String?
  public var imagePullPolicy: String?
  public var ports: [ContainerPort]?
  public var resources: ResourceRequirements?
  /// Only on init containers: `Always` makes the init container a sidecar that keeps running
  /// next to the regular containers.
  public var restartPolicy: String?

  public init(
    name: String, image: String? = nil, command: [String]? = nil, args: [String]? = nil,
    ports: [ContainerPort]? = nil, resources: ResourceRequirements? = nil,
    restartPolicy: String? = nil
  ) {
    self.name = name
    self.image = image
    self.command = command
    self.args = args
    self.ports = ports
    self.resources = resources
    self.restartPolicy = restartPolicy
  }

  /// The container restart policy that turns an init container into a sidecar.
  public static let restartPolicyAlways = "Always"

  /// True for an init container with `restartPolicy: Always` (a sidecar container).
  public var isRestartable: Bool { restartPolicy == Self.restartPolicyAlways }

  /// The container's requests after Kubernetes' defaulting: a resource with a limit and no
  /// request is requested at its limit.
  public var effectiveRequests: ResourceList {
    resources?.effectiveRequests ?? [:]
  }
}

/// A port a container listens on; `hostPort` also binds it on the node.
public struct ContainerPort: Codable, Hashable, Sendable {
  public var name: String?
  public var containerPort: Int32
  public var hostPort: Int32?
  public var hostIP: String?
  /// `TCP` (the default), `UDP` or `SCTP`.
  public var `protocol`: String?

  public init(
    name: String? = nil, containerPort: Int32, hostPort: Int32? = nil, hostIP: String? = nil,
    protocol: String? = nil
  ) {
    self.name = name
    self.containerPort = containerPort
    self.hostPort = hostPort
    self.hostIP = hostIP
    self.protocol = `protocol`
  }
}

/// A container's (or, since Kubernetes 1.32, a pod's) `resources`.
public struct ResourceRequirements: Codable, Hashable, Sendable {
  public var requests: ResourceList?
  public var limits: ResourceList?

  public init(requests: ResourceList? = nil, limits: ResourceList? = nil) {
    self.requests = requests
    self.limits = limits
  }

  /// `requests` after Kubernetes' defaulting: every resource that has a limit and no request
  /// is requested at its limit.
  public var effectiveRequests: ResourceList {
    var out = requests ?? [:]
    for (name, limit) in limits ?? [:] where out[name] == nil { out[name] = limit }
    return out
  }
}
