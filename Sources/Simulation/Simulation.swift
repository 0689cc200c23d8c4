import Controllers
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// Options of one `simulate` run.
public struct SimulationOptions: Sendable {
  /// `simulate` starts its virtual clock at this instant (Monday 2024-01-01 00:00 UTC).
  public static let virtualEpoch: Int64 = 1_704_067_200

  public var packing: PackingStrategy
  /// The Unix time of second 0: budget schedules are evaluated, and log lines stamped, in it.
  /// Nil takes the Scenario's `start` (2024-01-01 00:00 UTC when it has none).
  public var epoch: Int64?
  /// Whether the run keeps its whole history (events, samples, node lifetimes) for the report.
  /// A long-running controller does not: its log lines and Kubernetes Events are handed out
  /// as they happen and then dropped, so its memory follows the cluster, not the time it ran.
  public var keepsHistory: Bool

  public init(
    packing: PackingStrategy = .costAware, epoch: Int64? = nil,
    keepsHistory: Bool = true
  ) {
    self.packing = packing
    self.epoch = epoch
    self.keepsHistory = keepsHistory
  }
}

/// Why the input cannot be simulated (beyond what manifest validation catches): a message that
/// reads as a sentence, and the error underneath when there is one.
public struct SimulationError: Error, CustomStringConvertible {
  public var message: String
  public var cause: (any Error)?

  public init(_ message: String, cause: (any Error)? = nil) {
    self.message = message
    self.cause = cause
  }

  public var description: String {
    guard let cause else { return message }
    return "\(message): \(cause)"
  }
}

/// The embedded world: an in-memory cluster, a simulated cloud and a virtual clock, driving
/// the real scheduling code. Every run of the same input takes the same steps.
public struct Simulation: Sendable {
  enum Action {
    case kubeScheduler
    case nodeReady(String)
    case timeline(Int)
    case offeringsChanged
    case initialize(String)
    /// A wake-up Karpenter's controllers asked for (dropped if they have restarted since).
    case karpenter(Wake, incarnation: Int)
    /// The cloud reclaims a spot instance two minutes after its interruption notice.
    case reclaim(String)
  }

  static let quietPeriod = 15.0 * 60
  static let maxDuration = 7.0 * 24 * 3600

  var input: SimulationInput
  let options: SimulationOptions
  /// The Unix time of second 0 (the options' epoch, else the Scenario's start).
  let epoch: Int64
  /// The NodeOverlays' copies of the catalog's instance types, and the overlays left out.
  var overlayStore = NodeOverlayStore()
  let nodeStartup: Double
  /// Ready -> startup taints removed (Initialized).
  let startupTaintRemoval: Double
  let duration: Double?

  var now = 0.0
  /// Set by the quiet rule: nothing more will happen.
  var finished = false
  /// Launched NodeClaims whose node is not initialized yet (the run is not quiet while any
  /// could still register, lose its startup taints or time out).
  var awaitingInitialization = 0
  var queue = EventQueue<Action>()
  /// Karpenter's view of the nodes and pods (the in-memory API store fills it at once).
  var store = ClusterStore()
  var events: [SimulationEvent] = []
  var namer = NodeNamer()
  var lastActivity = 0.0
  /// Costs of nodes that are gone (none before disruption exists) plus running ones at the end.
  var finishedCost = 0.0
  var kubeSchedulerScheduledAt: Double?
  var statefulSetClaims: [String: PersistentVolumeClaim] = [:]
  /// Timeline entries not applied yet, and when the last one is due.
  var timelinePending = 0
  var lastTimelineAt = 0.0
  /// The cloud provider the controllers launch on, with the simulated EC2 behind it (which
  /// the timeline disturbs) and the catalog of instance types it sells.
  var cloud: SimulatedCloudProvider
  /// The provider's instance types, which the scheduler and the controllers read by index;
  /// changes to them (NodePool variants, NodeOverlays, availability) go through `cloud.catalog`.
  var catalog: CloudCatalog { cloud.catalog }
  /// Nodes that are gone, for the report.
  var nodeHistory: [NodeLifetime] = []
  /// The NodePools' template hashes stamped on the nodes launched from them.
  var hashes = NodePoolHashes()
  /// The fleet over time, one sample per moment something happened.
  var samples: [SimulationSample] = []
  /// The store generation the last sample was worked out at: an unchanged store has the same
  /// fleet, which the samples already show.
  var sampledGeneration = -1
  /// What Karpenter would log and post as Kubernetes Events, in order.
  var logs: [LogRecord] = []
  var kubernetesEvents: [KubernetesEventRecord] = []
  /// Karpenter's controllers (termination, expiration, interruption, liveness, garbage
  /// collection, disruption, static capacity) and what they keep in memory.
  var karpenter: Karpenter
  /// How many times Karpenter restarted: wake-ups of an earlier one are ignored.
  var karpenterIncarnation = 0

  public init(input: SimulationInput, options: SimulationOptions = SimulationOptions()) throws {
    // Before anything is allocated: refuse what would outgrow the documented limits.
    try SimulationLimits.check(input)
    self.input = input
    self.options = options
    store.nodePools = input.nodePools
    store.nodeClasses = input.nodeClasses
    store.daemonSets = input.daemonSets
    store.podDisruptionBudgets = input.podDisruptionBudgets
    let spec = input.scenario.spec
    epoch = options.epoch ?? spec?.start.flatMap(Scenario.unixTime) ?? SimulationOptions.virtualEpoch
    karpenter = Karpenter(
      settings: KarpenterSettings(
        packing: options.packing, spotToSpotConsolidation: spec?.featureGates?.spotToSpotConsolidation == true,
        staticCapacity: spec?.featureGates?.staticCapacity == true, epoch: epoch))
    nodeStartup = spec?.cloud?.nodeStartup.flatMap(Scenario.seconds) ?? 30
    startupTaintRemoval = spec?.cloud?.startupTaintsRemovedAfter.flatMap(Scenario.seconds) ?? 0
    duration = spec?.duration.flatMap(Scenario.seconds)
    do {
      cloud = SimulatedCloudProvider(
        catalog: try CloudCatalog.build(
          cloud: spec?.cloud, nodePools: store.nodePools, nodeClasses: store.nodeClasses, schema: &store.schema))
    } catch let error as CloudCatalog.BuildError {
      throw SimulationError(error.description)
    } catch {
      throw SimulationError("\(error)")
    }
    statefulSetClaims = Workloads.statefulSetClaims(input)
    try applyNodeOverlays()
    syncInstanceTypes()
    try applyInitialState()
  }

  // MARK: Time 0

  private mutating func applyInitialState() throws {
    for node in input.nodes {
      let claim = input.nodeClaims[node.name]
      let labels = node.labels
      let allocatable = try store.schema.vector(node.status?.allocatable ?? node.status?.capacity ?? [:])
      let priced = catalog.offering(forLabels: labels)
      let nodePool = labels[WellKnown.nodePoolLabel] ?? claim?.labels[WellKnown.nodePoolLabel]
      store[node: node.name] = StateNode(
        name: node.name, nodePool: nodePool,
        instanceType: labels[WellKnown.instanceTypeLabel],
        zone: labels[WellKnown.zoneLabel], capacityType: labels[WellKnown.capacityTypeLabel],
        price: priced?.1.price ?? 0, labels: labels, taints: node.taints + Self.conditionTaints(node),
        allocatable: allocatable, createdAt: 0,
        ready: true, launchedAt: 0, registeredAt: 0, initializedAt: 0)
      // The Node's annotations win over its NodeClaim's (karpenter.sh/do-not-disrupt on either).
      store[node: node.name]!.annotations = (claim?.annotations ?? [:]).merging(node.annotations) { $1 }
      if let drifted = claim?.status?.conditions?.first(where: { $0.type == "Drifted" }), drifted.status == "True" {
        store[node: node.name]!.driftedBefore =
          "its NodeClaim was already Drifted (\(drifted.reason ?? drifted.message ?? "no reason given"))"
      }
      // A managed input Node has a NodeClaim and an instance the cloud knows of.
      if nodePool != nil { cloud.ec2.adopt(node.name, type: priced?.0, offering: priced?.1) }
    }
    // A pod that has finished (Succeeded or Failed) holds nothing, as for the kube-scheduler
    // and upstream Karpenter; a DaemonSet's pending pod is left to the DaemonSet stand-in.
    for pod in input.pods where !pod.isTerminal && !(pod.isDaemonSetPod && !pod.isScheduled) {
      try addPod(pod)
    }
    try reconcileWorkloads()
    for name in store.nodeNames {
      try startDaemonSets(on: name)
      stampFromNodePool(name)
    }
    scheduleKubeScheduler(at: 0)
    requestStaticCapacity()
    scheduleTimeline()
    deliver(.started)
  }

  mutating func addPod(_ pod: Pod) throws {
    var list = pod.effectiveRequests
    list[ResourceName.pods] = (list[ResourceName.pods] ?? .zero) + Quantity(1)
    let requests: Resources
    do { requests = try store.schema.vector(list) } catch {
      throw SimulationError("pod \(pod.namespace)/\(pod.name)", cause: error)
    }
    let volume = Requirements(
      nodeSelectorRequirements: Workloads.volumeRequirements(
        pod, input: input, statefulSetClaims: statefulSetClaims))
    var sim = StatePod(
      pod: pod, requests: requests, volumeRequirements: volume, node: nil, nominated: nil,
      isDaemon: pod.isDaemonSetPod)
    sim.createdAt = now
    let key = sim.key
    if let nodeName = pod.spec?.nodeName, !nodeName.isEmpty {
      if store[node: nodeName] != nil {
        sim.node = nodeName
        store[node: nodeName]!.bind(key, requests, hostPorts: pod.hostPorts, at: now)
      } else {
        sim.pendingReason = .namesMissingNode(nodeName)
      }
      store[pod: key] = sim
      return
    }
    sim.awaitingProvisioner = true
    store[pod: key] = sim
  }

  /// The taints the node lifecycle controller keeps on a cordoned Node
  /// (`node.kubernetes.io/unschedulable`) and on one whose Ready condition is not True
  /// (`node.kubernetes.io/not-ready`), when a dump does not already show them: only pods that
  /// tolerate them (DaemonSet pods do) land there.
  static func conditionTaints(_ node: Node) -> [Taint] {
    var out: [Taint] = []
    let keys = Set(node.taints.map(\.key))
    if node.spec?.unschedulable == true, !keys.contains(WellKnown.unschedulableTaintKey) {
      out.append(Taint(key: WellKnown.unschedulableTaintKey, effect: "NoSchedule"))
    }
    let notReady = node.status?.condition("Ready").map { $0.status != "True" } ?? false
    if notReady, !keys.contains(WellKnown.notReadyTaintKey), !keys.contains(WellKnown.unreachableTaintKey) {
      out.append(Taint(key: WellKnown.notReadyTaintKey, effect: "NoSchedule"))
    }
    return out
  }

  mutating func startDaemonSets(on nodeName: String) throws {
    guard let node = store[node: nodeName] else { return }
    // DaemonSets that already have their pod on the node (a cluster dump's own pods).
    let running = Set(
      node.pods.compactMap { key -> String? in
        guard let p = store[pod: key], p.isDaemon, let owner = p.pod.controllerOwner else { return nil }
        return "\(p.pod.namespace)/\(owner.name)"
      })
    for ds in store.daemonSets.sorted(by: { ($0.namespace, $0.name) < ($1.namespace, $1.name) })
    where !running.contains("\(ds.namespace)/\(ds.name)") {
      guard
        let pod = Workloads.daemonPod(
          ds, node: nodeName, labels: node.labels, taints: node.taints + node.startupTaints)
      else {
        continue
      }
      if store[pod: "\(pod.namespace)/\(pod.name)"] != nil { continue }
      try addPod(pod)
      if now > 0 || node.createdAt > 0 {
        record(
          SimulationEvent(
            time: now, type: .podBound, node: nodeName, pod: "\(pod.namespace)/\(pod.name)",
            reason: "DaemonSet \(ds.namespace)/\(ds.name)"))
      }
    }
  }

  // MARK: The loop

  /// When the controllers next have something to do, or nil once the run is over (its
  /// `duration` reached, or quiet for 15 minutes after the timeline, or 7 days).
  public var nextWakeUp: Double? {
    guard !finished, let next = queue.nextTime else { return nil }
    if let duration, next > duration { return nil }
    if duration == nil, next > Self.maxDuration { return nil }
    return next
  }

  /// Runs the controllers' work that is due at the next wake-up, whatever the clock: the
  /// virtual clock calls it back to back, the wall clock after sleeping until `nextWakeUp`.
  public mutating func step() {
    guard nextWakeUp != nil, let (time, action) = queue.pop() else { return }
    if time > now || samples.isEmpty { recordSample() }  // the state at the end of `now`
    now = time
    handle(action)
    if duration == nil && timelinePending == 0 && awaitingInitialization == 0, let next = queue.nextTime,
      next > max(lastActivity, lastTimelineAt) + Self.quietPeriod
    {
      finished = true
    }
  }

  /// Runs the simulation to its end on the virtual clock and reports what happened.
  public mutating func run() -> SimulationResult {
    while nextWakeUp != nil { step() }
    return finish()
  }

  /// Runs on `clock`, waiting for each wake-up, until the run is over, `limit` (seconds since
  /// the start) is reached or the task is cancelled (Ctrl-C, SIGTERM); `observe` is handed the
  /// log lines and Kubernetes Events of every step as they happen. Returns the report as of
  /// the moment it stopped.
  public mutating func run<C: ControllerClock>(
    on clock: C, until limit: Double = .infinity,
    observe: (ArraySlice<LogRecord>, ArraySlice<KubernetesEventRecord>) -> Void = { _, _ in }
  ) async -> SimulationResult {
    while let next = nextWakeUp, next <= limit {
      do {
        try await clock.wait(until: next)
      } catch {
        return finish(at: max(now, min(limit, clock.elapsed ?? now)))
      }
      let (logCount, eventCount) = (logs.count, kubernetesEvents.count)
      step()
      observe(logs[logCount...], kubernetesEvents[eventCount...])
      if !options.keepsHistory {
        logs.removeAll(keepingCapacity: true)
        kubernetesEvents.removeAll(keepingCapacity: true)
      }
    }
    return finish(at: nextWakeUp == nil ? nil : limit)
  }

  /// The report at the end of the run (or at `time`, when a live run is stopped early).
  public mutating func finish(at time: Double? = nil) -> SimulationResult {
    recordSample()
    let endTime =
      time ?? duration ?? min(Self.maxDuration, max(lastActivity, lastTimelineAt) + Self.quietPeriod)
    return result(endTime: endTime)
  }

  mutating func handle(_ action: Action) {
    switch action {
    case .kubeScheduler:
      kubeSchedulerScheduledAt = nil
      runKubeScheduler()
    case .nodeReady(let name):
      nodeBecameReady(name)
    case .timeline(let i):
      applyTimelineEntry(i)
    case .offeringsChanged:
      refreshOfferings()
    case .initialize(let name):
      initialize(name)
    case .karpenter(let wake, let incarnation):
      if incarnation == karpenterIncarnation { deliver(.wake(wake)) }
    case .reclaim(let name):
      if store[node: name] != nil { terminate(name) }
    }
  }

  mutating func scheduleKubeScheduler(at time: Double) {
    if let at = kubeSchedulerScheduledAt, at <= time { return }
    kubeSchedulerScheduledAt = time
    queue.schedule(.kubeScheduler, at: time)
  }
}

extension Simulation {
  /// The scheduling problem the provisioner faces at its first batch: every pod pending at
  /// time 0 against the NodePools. For the scheduling benchmark, which times `Scheduler.solve`
  /// on exactly this.
  public func initialSchedulingInput() -> SchedulingInput {
    store.provisioningInput(packing: options.packing).0
  }
}
