import KubernetesAPI
import Scheduling

/// What a controller asks of the world. Controllers never change the cluster themselves: they
/// read the `ClusterStore` and return effects, which an executor carries out (in memory, in
/// order, for `simulate`; through the API server and the cloud for a live cluster). Effects
/// that have an answer (an eviction, a list of instances) come back as a `ControllerInput`.
public enum Effect: Sendable, Equatable {
  // MARK: What Karpenter reports

  /// Something the run reports (`simulate`'s `events`; the log line and Kubernetes Event
  /// Karpenter writes for it are effects of their own).
  case record(SimulationEvent)
  /// A structured log line.
  case log(LogRecord)
  /// A Kubernetes Event.
  case post(KubernetesEventRecord)

  // MARK: Writes to Karpenter's objects

  /// Adds the taint to the Node unless it has it already.
  case taint(node: String, Taint)
  /// Marks the node's NodeClaim as disrupted for `reason` (its DisruptionReason condition and,
  /// once it is being deleted, the termination-timestamp annotation `drainDeadline`, after
  /// which PodDisruptionBudgets no longer hold its drain back).
  case markDisrupted(node: String, reason: NodeRemovalReason, drainDeadline: Double?)
  /// The node's NodeClaim is deleted (its deletionTimestamp) for `reason`, to be drained until
  /// `drainDeadline` honouring PodDisruptionBudgets.
  case markTerminating(node: String, reason: NodeRemovalReason, drainDeadline: Double?)
  /// A disruption decision is undone: the node loses its disrupted taint and its reason.
  case unmarkDisrupted(node: String)
  /// Pods Karpenter nominated for the node look for capacity elsewhere.
  case releaseNominations(node: String)
  /// Karpenter expects the pod to land on the node (in flight or existing): its room is held
  /// there, and the kube-scheduler tries that node first.
  case nominate(pod: String, node: String)
  /// Why the pod is still pending, as Karpenter reports it.
  case setPendingReason(pod: String, PendingReason)
  /// The provisioner has looked at these pending pods.
  case seenByProvisioner([String])
  /// These pods go back to the provisioner's next batch.
  case returnToProvisioner([String])

  // MARK: Writes the API server and other components carry out

  /// Creates a NodeClaim and launches it through the cloud provider; the answer comes back as
  /// `ControllerInput.launched`.
  case launch(LaunchRequest)
  /// Deletes the node's NodeClaim: the termination controller drains and removes it (the
  /// answer is the `ControllerInput.delete` the deletion comes back as).
  case deleteNodeClaim(Deletion)

  /// Evicts the pod from the node through the Eviction subresource, which refuses it (HTTP 429)
  /// while a PodDisruptionBudget forbids it; without `honouringBudgets` the pod is deleted. The
  /// answer comes back as `ControllerInput.evicted`.
  case evict(pod: String, node: String, reason: NodeRemovalReason?, honouringBudgets: Bool)
  /// The node is drained: its instance is terminated and the finalizers of its Node and
  /// NodeClaim removed, so both go.
  case removeNode(String)
  /// Lists the instances the cloud has for NodeClaims; the answer comes back as
  /// `ControllerInput.instancesListed`.
  case listInstances

  // MARK: Time

  /// Hand the controllers `wake` at `time` (seconds since the start).
  case wake(at: Double, Wake)

  // MARK: Between Karpenter's controllers
  // One controller tells another through the world, as upstream's controllers learn of each
  // other's work from the objects they watch; the executor hands the request back as an input
  // after the effects before it are carried out.

  /// The provisioner should look at pending pods in its next batch (answered as
  /// `ControllerInput.provisioningRequested`).
  case requestProvisioning
  /// The static NodePool controller should reconcile (a NodeClaim of a pool comes or goes;
  /// answered as `ControllerInput.staticCapacityRequested`).
  case requestStaticCapacity
}

/// A NodeClaim to create and launch.
public struct LaunchRequest: Sendable, Equatable {
  public var claim: PlannedNodeClaim
  /// The pods nominated to it.
  public var pods: [String]
  /// Why, for the NodeClaimCreated event (nil: for the pods).
  public var reason: String?
  /// Who asked, to route the answer.
  public var origin: LaunchOrigin

  public init(claim: PlannedNodeClaim, pods: [String], reason: String?, origin: LaunchOrigin) {
    self.claim = claim
    self.pods = pods
    self.reason = reason
    self.origin = origin
  }

  /// Requests are equal when they ask the same of the same NodePool and instance types.
  public static func == (a: LaunchRequest, b: LaunchRequest) -> Bool {
    a.origin == b.origin && a.pods == b.pods && a.reason == b.reason && a.claim.nodePool == b.claim.nodePool
      && a.claim.instanceTypes.map(\.name) == b.claim.instanceTypes.map(\.name)
  }
}

/// Which controller asked for a launch.
public enum LaunchOrigin: Sendable, Hashable {
  /// The provisioner, for pending pods.
  case provisioner
  /// A disruption command's replacement.
  case disruption(Int)
  /// A static NodePool scaling up.
  case staticPool(String)
}

/// A "why not" about a Node or NodePool, posted once while it holds (`slot` tells apart
/// explanations of one reason, such as a NodePool blocked for Empty and for Underutilized).
public struct Explanation: Sendable, Hashable {
  public var reason: String
  public var kind: String
  public var name: String
  public var message: String
  /// `Normal` or `Warning`.
  public var type: String
  public var slot: String?

  public init(
    _ reason: String, kind: String = "Node", name: String, message: String, type: String = "Normal",
    slot: String? = nil
  ) {
    self.reason = reason
    self.kind = kind
    self.name = name
    self.message = message
    self.type = type
    self.slot = slot
  }
}

/// Wake-ups the controllers ask for.
public enum Wake: Sendable, Hashable {
  /// Try draining the node again (a PodDisruptionBudget or do-not-disrupt held pods back, or its
  /// terminationGracePeriod ran out).
  case drain(String)
  /// The node's expireAfter elapsed.
  case expire(String)
  /// The node's registration TTL is over: if it has not joined, its NodeClaim goes.
  case registrationTimeout(String)
  /// Garbage collection of NodeClaims whose instance is gone.
  case garbageCollect
  /// The provisioner's batch is over.
  case provision
  /// The disruption controller's pass.
  case disruption
  /// A disruption decision's validation delay is over.
  case validate(Int)
  /// A disruption command's replacements had their time to initialize.
  case replacementTimeout(Int)
  /// The static NodePool controllers run.
  case staticCapacity
}

/// What comes back to the controllers: wake-ups, answers to effects, and what happened in the
/// world that Karpenter reacts to.
public enum ControllerInput: Sendable, Equatable {
  /// The controllers start (their periodic work begins).
  case started
  /// The controllers start again after a restart: what they kept in memory is gone, and they
  /// rebuild it from the store (drains resume, expiry and registration deadlines are tracked
  /// again, nominations are made anew, stale disrupted taints go at the first pass).
  case restarted
  /// The node and its NodeClaim are gone (`reason`: why Karpenter removed it, if it did).
  case nodeRemoved(String, reason: NodeRemovalReason?)
  case wake(Wake)
  /// The answer to `Effect.launch`.
  case launched(LaunchRequest, LaunchOutcome)
  /// Pods are pending that the provisioner has not looked at.
  case provisioningRequested
  /// The NodeClaim's Node joined the cluster and is Ready (its NodeClaim is Registered).
  case nodeRegistered(String)
  /// A node became Ready without startup taints (its NodeClaim is Initialized).
  case nodeInitialized(String)
  /// Something a static NodePool depends on changed (the pool, its NodeClaims, the offerings).
  case staticCapacityRequested
  /// The answer to `Effect.evict`.
  case evicted(pod: String, node: String, EvictionResult)
  /// The answer to `Effect.listInstances`: the NodeClaims that have an instance.
  case instancesListed(Set<String>)
  /// A NodeClaim was created for the node (`launched`: by Karpenter just now, so its node must
  /// register within the registration TTL; otherwise it existed when Karpenter started).
  case nodeClaimCreated(String, launched: Bool)
  /// The node's instance vanished without notice; garbage collection will notice.
  case instanceLost(String)
  /// A message from the interruption queue about the node's instance.
  case interruption(node: String, Interruption)
  /// Something deleted the node or its NodeClaim (a user, a disruption decision, a static
  /// NodePool scaling down): it is drained and terminated.
  case delete(Deletion)
}

/// An eviction's answer.
public enum EvictionResult: Sendable, Equatable {
  case evicted
  /// Refused with 429: a PodDisruptionBudget does not allow it now.
  case refusedByBudget
  /// The pod was already gone.
  case gone
}

/// An interruption queue message (EventBridge's kinds, as upstream names them).
public enum Interruption: String, Sendable, Equatable {
  /// How long a spot interruption warning leaves before the cloud reclaims the instance.
  public static let spotNotice = 120.0

  /// Spot interruption warning: the instance is reclaimed in two minutes.
  case spotInterruption = "SpotInterruptionKind"
  /// Rebalance recommendation: reported only.
  case rebalanceRecommendation = "RebalanceRecommendationKind"
  /// Scheduled maintenance event.
  case scheduledChange = "ScheduledChangeKind"
  /// The instance is stopping or terminating.
  case stateChange = "StateChangeKind"
}

/// A request to delete a node and its NodeClaim.
public struct Deletion: Sendable, Equatable {
  public var node: String
  public var reason: NodeRemovalReason
  /// PodDisruptionBudgets and do-not-disrupt no longer hold the drain back.
  public var forceful: Bool
  /// The deletion replaces a disruption the node is already marked for (a decision now carried
  /// out, an interruption taking over).
  public var supersedes: Bool

  public init(node: String, reason: NodeRemovalReason, forceful: Bool = false, supersedes: Bool = false) {
    self.node = node
    self.reason = reason
    self.forceful = forceful
    self.supersedes = supersedes
  }
}

/// How a launch went.
public enum LaunchOutcome: Sendable, Equatable {
  case launched(LaunchedInstance)
  /// The NodeClaim `name` could not be launched.
  case failed(name: String, CloudProviderError)

  /// The NodeClaim's name when it launched.
  public var name: String? {
    if case .launched(let instance) = self { return instance.name }
    return nil
  }

  public static func == (a: LaunchOutcome, b: LaunchOutcome) -> Bool {
    switch (a, b) {
    case (.launched(let x), .launched(let y)): x == y
    case (.failed(let n, let e), .failed(let m, let f)): n == m && e.kind == f.kind && e.message == f.message
    default: false
    }
  }
}

/// A NodeClaim the cloud provider launched: its name and the offering it took.
public struct LaunchedInstance: Sendable, Equatable {
  public var name: String
  public var instanceType: String
  public var zone: String
  public var capacityType: String
  public var price: Double

  public init(name: String, instanceType: String, zone: String, capacityType: String, price: Double) {
    self.name = name
    self.instanceType = instanceType
    self.zone = zone
    self.capacityType = capacityType
    self.price = price
  }
}
