import Controllers
import ControllersTestSupport
import Testing

/// Interruption: a message about an instance deletes its node at once, taking over a
/// voluntary disruption under way; a spot interruption warning also gives the instance two
/// minutes; a rebalance recommendation is only reported.
@Suite struct InterruptionHandlerTests {
  let now = 1000.0

  static let spot = ClusterStore.build {
    $0.nodePool("default")
    $0.node("n1", capacityType: "spot")
    $0.pod("default/a", on: "n1", doNotDisrupt: true)
    $0.pod("kube-system/proxy-n1", on: "n1", owner: .daemonSet("kube-proxy"))
  }

  static let onDemand = ClusterStore.build {
    $0.nodePool("default")
    $0.node("n1", capacityType: "on-demand")
    $0.pod("default/a", on: "n1")
  }

  func initiating(_ kind: String) -> Effect {
    .log(
      LogRecord(
        time: now, level: "INFO", controller: "interruption",
        message: "initiating delete from interruption message",
        fields: ["Node": "n1", "NodeClaim": "n1", "messageKind": kind]))
  }

  func warning(_ reason: String, _ message: String) -> Effect {
    .post(
      KubernetesEventRecord(
        time: now, type: "Warning", reason: reason, involvedObject: .init(kind: "Node", name: "n1"),
        message: message))
  }

  func decision(_ message: String) -> [Effect] {
    [
      .record(
        SimulationEvent(
          time: now, type: .disruptionDecided, node: "n1", reason: "Interrupted", message: message)),
      .disruptionTerminating("n1", reason: "Interrupted", message: message, at: now),
      .log(
        LogRecord(
          time: now, level: "INFO", controller: "interruption", message: "disrupting node(s)",
          fields: ["reason": "Interrupted", "nodes": "n1", "decision": message])),
    ]
  }

  @Test func aSpotInterruptionDrainsTheNodeAndGivesTheInstanceTwoMinutes() {
    var karpenter = Karpenter()
    let message = "spot interruption notice for n1; the instance is reclaimed at 1120s; 1 pods move now"
    let expected: [Effect] =
      [
        initiating("SpotInterruptionKind"),
        warning("SpotInterrupted", "Spot interruption warning was triggered"),
      ] + decision(message) + [
        .taint(node: "n1", .disrupted),
        .markTerminating(node: "n1", reason: .interrupted, drainDeadline: nil),
        .releaseNominations(node: "n1"),
        // do-not-disrupt does not hold an interruption back.
        .evict(pod: "default/a", node: "n1", reason: .interrupted, honouringBudgets: true),
        .requestProvisioning,
        .requestStaticCapacity,
      ]
    #expect(
      karpenter.handle(.interruption(node: "n1", .spotInterruption), now: now, store: Self.spot) == expected)
  }

  @Test func onlySpotCapacityGetsSpotInterruptionWarnings() {
    var karpenter = Karpenter()
    #expect(
      karpenter.handle(.interruption(node: "n1", .spotInterruption), now: now, store: Self.onDemand) == [])
  }

  @Test func aScheduledChangeDrainsTheNodeWithoutADeadline() {
    var karpenter = Karpenter()
    let expected: [Effect] =
      [
        initiating("ScheduledChangeKind"),
        warning("InstanceUnhealthy", "A scheduled maintenance event was received"),
      ] + decision("a scheduled maintenance event for n1; 1 pods move now") + [
        .taint(node: "n1", .disrupted),
        .markTerminating(node: "n1", reason: .interrupted, drainDeadline: nil),
        .releaseNominations(node: "n1"),
        .evict(pod: "default/a", node: "n1", reason: .interrupted, honouringBudgets: true),
        .requestProvisioning,
        .requestStaticCapacity,
      ]
    #expect(
      karpenter.handle(.interruption(node: "n1", .scheduledChange), now: now, store: Self.onDemand)
        == expected)
  }

  @Test func aStateChangeDrainsTheNodeWithoutADeadline() {
    var karpenter = Karpenter()
    let expected: [Effect] =
      [
        initiating("StateChangeKind"),
        warning("InstanceTerminating", "Instance is stopping or terminating"),
      ] + decision("an instance state change for n1; 1 pods move now") + [
        .taint(node: "n1", .disrupted),
        .markTerminating(node: "n1", reason: .interrupted, drainDeadline: nil),
        .releaseNominations(node: "n1"),
        .evict(pod: "default/a", node: "n1", reason: .interrupted, honouringBudgets: true),
        .requestProvisioning,
        .requestStaticCapacity,
      ]
    #expect(
      karpenter.handle(.interruption(node: "n1", .stateChange), now: now, store: Self.onDemand) == expected)
  }

  @Test func aRebalanceRecommendationIsOnlyReported() {
    var karpenter = Karpenter()
    #expect(
      karpenter.handle(.interruption(node: "n1", .rebalanceRecommendation), now: now, store: Self.spot) == [
        .post(
          KubernetesEventRecord(
            time: now, type: "Normal", reason: "SpotRebalanceRecommendation",
            involvedObject: .init(kind: "Node", name: "n1"),
            message: "Spot rebalance recommendation was triggered")),
        .log(
          LogRecord(
            time: now, level: "INFO", controller: "interruption",
            message: "received rebalance recommendation",
            fields: ["Node": "n1", "NodeClaim": "n1"])),
      ])
    #expect(
      karpenter.handle(.interruption(node: "n1", .rebalanceRecommendation), now: now, store: Self.onDemand)
        == [])
  }

  @Test func anInterruptionTakesOverAVoluntaryDisruption() {
    var karpenter = Karpenter()
    var store = Self.spot
    store.update { $0.disrupting("n1", .underutilized) }
    let effects = karpenter.handle(.interruption(node: "n1", .spotInterruption), now: now, store: store)
    var undisrupted = Karpenter()
    #expect(
      effects == undisrupted.handle(.interruption(node: "n1", .spotInterruption), now: now, store: Self.spot))
  }

  @Test(arguments: [Interruption.spotInterruption, .scheduledChange, .stateChange])
  func aNodeAlreadyInterruptedIsLeftAlone(kind: Interruption) {
    var karpenter = Karpenter()
    var store = Self.spot
    store.update { $0.disrupting("n1", .interrupted) }
    #expect(karpenter.handle(.interruption(node: "n1", kind), now: now, store: store) == [])
  }

  @Test(arguments: [Interruption.spotInterruption, .scheduledChange, .stateChange])
  func aNodeWhoseInstanceIsGoneIsLeftAlone(kind: Interruption) {
    var karpenter = Karpenter()
    var store = Self.spot
    store.update { $0.instanceGone("n1", at: 900) }
    #expect(karpenter.handle(.interruption(node: "n1", kind), now: now, store: store) == [])
  }

  @Test func aMessageAboutANodeThatIsGoneChangesNothing() {
    var karpenter = Karpenter()
    #expect(karpenter.handle(.interruption(node: "n9", .spotInterruption), now: now, store: Self.spot) == [])
    #expect(
      karpenter.handle(.interruption(node: "n9", .rebalanceRecommendation), now: now, store: Self.spot) == [])
  }
}
