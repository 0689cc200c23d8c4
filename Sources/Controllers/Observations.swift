/// What happened, as the contract's `events[].type` names it.
public enum SimulationEventType: String, Codable, Hashable, Sendable, CaseIterable {
  case nodeClaimCreated = "NodeClaimCreated"
  case nodeReady = "NodeReady"
  case podBound = "PodBound"
  case podEvicted = "PodEvicted"
  case disruptionDecided = "DisruptionDecided"
  case nodeTerminated = "NodeTerminated"
  case launchFailed = "LaunchFailed"
}

/// An event of the run, as reported in the output.
public struct SimulationEvent: Codable, Hashable, Sendable {
  public var time: Double
  public var type: SimulationEventType
  public var node: String?
  public var pod: String?
  public var reason: String?
  /// For DisruptionDecided: the explanation (nodes, pods moved, dollars per hour saved).
  public var message: String?

  public init(
    time: Double, type: SimulationEventType, node: String? = nil, pod: String? = nil, reason: String? = nil,
    message: String? = nil
  ) {
    self.time = time
    self.type = type
    self.node = node
    self.pod = pod
    self.reason = reason
    self.message = message
  }
}

/// A Kubernetes Event as Karpenter posts it about a Node, NodeClaim, NodePool or Pod.
public struct KubernetesEventRecord: Codable, Hashable, Sendable {
  public var time: Double
  /// `Normal` or `Warning`.
  public var type: String
  public var reason: String
  public var involvedObject: InvolvedObject
  public var message: String

  public struct InvolvedObject: Codable, Hashable, Sendable {
    public var kind: String
    public var name: String
    public var namespace: String?

    public init(kind: String, name: String, namespace: String? = nil) {
      self.kind = kind
      self.name = name
      self.namespace = namespace
    }
  }

  public init(
    time: Double, type: String, reason: String, involvedObject: InvolvedObject, message: String
  ) {
    self.time = time
    self.type = type
    self.reason = reason
    self.involvedObject = involvedObject
    self.message = message
  }
}

/// One structured log line, in the shape of Karpenter's JSON logs.
public struct LogRecord: Hashable, Sendable {
  public var time: Double
  /// `INFO`, `WARN` or `ERROR`.
  public var level: String
  /// The controller that wrote it: provisioner, nodeclaim.lifecycle, disruption, ...
  public var controller: String
  public var message: String
  /// Extra keys (`NodeClaim`, `reason`, `command`, ...), printed in sorted order.
  public var fields: [String: String]

  public init(time: Double, level: String, controller: String, message: String, fields: [String: String]) {
    self.time = time
    self.level = level
    self.controller = controller
    self.message = message
    self.fields = fields
  }
}
