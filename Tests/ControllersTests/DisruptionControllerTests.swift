import Controllers
import ControllersTestSupport
import KarpenterAPI
import Testing

/// The disruption controller through Karpenter: a pass every 10 s looks for one disruption within
/// the NodePools' budgets and explains once what holds nodes and NodePools back; a decision is
/// validated 15 s later, launches its replacements, is reported and marks its nodes, and deletes
/// them once the replacements have initialized (undone if they do not within 10 minutes).
@Suite struct DisruptionControllerTests {
  let now = 100.0

  /// One empty node past consolidateAfter (0 s by default).
  static let empty = ClusterStore.build {
    $0.nodePool("default")
    $0.node("n1")
  }

  /// A node four times bigger (and dearer) than its one pod needs, and a type that would do.
  static let oversized = ClusterStore.build {
    $0.nodePool("default")
    $0.instanceType("m5.large", cpu: "2", memory: "8Gi", price: 0.096)
    $0.instanceType("m5.2xlarge", cpu: "8", memory: "32Gi", price: 0.384)
    $0.node("n1", instanceType: "m5.2xlarge", price: 0.384)
    $0.pod("default/a", on: "n1")
  }

  static let emptyDecision = "1 empty node(s) deleted, saving $0.096/h"
  static let consolidationDecision =
    "n1 (1 node, $0.384/h) replaced by the rest of the cluster and 1 new m5.large on-demand node at $0.096/h; 1 pods move; saves $0.288/h"

  /// The effects of a decision about n1, at `time`.
  func decided(_ reason: NodeRemovalReason, _ message: String, at time: Double) -> [Effect] {
    [
      .record(
        SimulationEvent(
          time: time, type: .disruptionDecided, node: "n1", reason: reason.rawValue, message: message)),
      .disruptionTerminating("n1", reason: reason.rawValue, message: message, at: time),
      .markDisrupted(node: "n1", reason: reason, drainDeadline: nil),
      .taint(node: "n1", .disrupted),
      .log(
        LogRecord(
          time: time, level: "INFO", controller: "disruption", message: "disrupting node(s)",
          fields: ["reason": reason.rawValue, "nodes": "n1", "decision": message])),
    ]
  }

  /// A Kubernetes Event about a Node (or `kind`), at `time` (now by default).
  func event(
    _ reason: String, kind: String = "Node", _ name: String, _ message: String, type: String = "Normal",
    at time: Double? = nil
  ) -> Effect {
    .post(
      KubernetesEventRecord(
        time: time ?? now, type: type, reason: reason, involvedObject: .init(kind: kind, name: name),
        message: message))
  }

  /// The NodeClaim lifecycle's line for a node that initialized, all `nodeInitialized` gives
  /// when no disruption command waits for it.
  func initialized(_ name: String, at time: Double) -> Effect {
    .log(
      LogRecord(
        time: time, level: "INFO", controller: "nodeclaim.lifecycle", message: "initialized nodeclaim",
        fields: ["NodeClaim": name, "Node": name]))
  }

  // MARK: Passes

  @Test func startingSchedulesTheFirstPassOnce() {
    var karpenter = Karpenter()
    #expect(karpenter.handle(.started, now: 0, store: Self.empty) == [.wake(at: 10, .disruption)])
    #expect(karpenter.handle(.started, now: 0, store: Self.empty) == [])
  }

  @Test func anEmptyNodeIsDeletedAfterValidation() {
    var karpenter = Karpenter()
    #expect(
      karpenter.handle(.wake(.disruption), now: now, store: Self.empty) == [
        .wake(at: now + 15, .validate(0)),
        .wake(at: now + 10, .disruption),
      ])
    // One decision at a time: a pass while it waits decides nothing.
    #expect(
      karpenter.handle(.wake(.disruption), now: now + 10, store: Self.empty) == [
        .wake(at: now + 20, .disruption)
      ])
    #expect(
      karpenter.handle(.wake(.validate(0)), now: now + 15, store: Self.empty)
        == decided(.empty, Self.emptyDecision, at: now + 15) + [
          .deleteNodeClaim(Deletion(node: "n1", reason: .empty, supersedes: true))
        ])
    #expect(karpenter.handle(.wake(.validate(0)), now: now + 16, store: Self.empty) == [])
  }

  @Test func anEmptyNodeThatGotAPodDuringValidationStays() {
    var karpenter = Karpenter()
    _ = karpenter.handle(.wake(.disruption), now: now, store: Self.empty)
    var store = Self.empty
    store.update { $0.pod("default/a", on: "n1") }
    #expect(karpenter.handle(.wake(.validate(0)), now: now + 15, store: store) == [])
  }

  @Test func anEmptyNodeThatAPodWasNominatedToDuringValidationStays() {
    var karpenter = Karpenter()
    _ = karpenter.handle(.wake(.disruption), now: now, store: Self.empty)
    var store = Self.empty
    store.update {
      $0.pod("default/a")
      $0.nominate("default/a", to: "n1")
    }
    #expect(karpenter.handle(.wake(.validate(0)), now: now + 15, store: store) == [])
  }

  @Test func anEmptyNodeThatBecameDoNotDisruptDuringValidationStays() {
    var karpenter = Karpenter()
    _ = karpenter.handle(.wake(.disruption), now: now, store: Self.empty)
    var store = Self.empty
    store.update { $0.node("n1", doNotDisrupt: true) }
    #expect(karpenter.handle(.wake(.validate(0)), now: now + 15, store: store) == [])
  }

  @Test func ofSeveralEmptyNodesOnlyThoseStillEmptyAfterValidationGo() {
    var karpenter = Karpenter()
    var store = ClusterStore.build {
      $0.nodePool("default", budgets: [Budget(nodes: "2")])
      $0.node("n1")
      $0.node("n2")
    }
    _ = karpenter.handle(.wake(.disruption), now: now, store: store)
    store.update { $0.pod("default/a", on: "n2") }
    #expect(
      karpenter.handle(.wake(.validate(0)), now: now + 15, store: store)
        == decided(.empty, Self.emptyDecision, at: now + 15) + [
          .deleteNodeClaim(Deletion(node: "n1", reason: .empty, supersedes: true))
        ])
  }

  @Test func anEmptyNodeWaitsForConsolidateAfter() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", consolidateAfter: "30s")
      $0.node("n1")
    }
    #expect(karpenter.handle(.wake(.disruption), now: 10, store: store) == [.wake(at: 20, .disruption)])
    // The store did not change, but consolidateAfter runs out at 30 s: that pass judges again.
    #expect(karpenter.handle(.wake(.disruption), now: 20, store: store) == [.wake(at: 30, .disruption)])
    #expect(
      karpenter.handle(.wake(.disruption), now: 30, store: store) == [
        .wake(at: 45, .validate(0)), .wake(at: 40, .disruption),
      ])
  }

  @Test func aPassOverAnUnchangedStoreDecidesNothingNew() {
    var karpenter = Karpenter()
    _ = karpenter.handle(.wake(.disruption), now: now, store: Self.empty)
    _ = karpenter.handle(.wake(.validate(0)), now: now + 15, store: Self.empty)
    // The command is carried out and gone; the store is still the one it was decided on (the
    // executor's mark on n1 would be a change of it): the last pass's answer holds.
    #expect(
      karpenter.handle(.wake(.disruption), now: now + 20, store: Self.empty) == [
        .wake(at: now + 30, .disruption)
      ])
    var changed = Self.empty
    changed.update { $0.node("n2", pool: nil) }
    #expect(
      karpenter.handle(.wake(.disruption), now: now + 30, store: changed) == [
        .wake(at: now + 45, .validate(1)), .wake(at: now + 40, .disruption),
      ])
  }

  @Test func aPassWaitsWhilePodsArePendingOrNominated() {
    var karpenter = Karpenter()
    var pending = Self.empty
    pending.update { $0.pod("default/a") }
    #expect(
      karpenter.handle(.wake(.disruption), now: now, store: pending) == [.wake(at: now + 10, .disruption)])
    var nominated = pending
    nominated.update { $0.nominate("default/a", to: "n1") }
    #expect(
      karpenter.handle(.wake(.disruption), now: now + 10, store: nominated) == [
        .wake(at: now + 20, .disruption)
      ])
    // A pending pod the provisioner looked at and could not place holds nothing back.
    var unschedulable = pending
    unschedulable.update { $0.seenByProvisioner("default/a", pendingReason: .unschedulable("too big")) }
    #expect(
      karpenter.handle(.wake(.disruption), now: now + 20, store: unschedulable) == [
        .wake(at: now + 35, .validate(0)), .wake(at: now + 30, .disruption),
      ])
  }

  @Test func aPassWaitsWhileANodeIsBeingDeleted() {
    var karpenter = Karpenter()
    var store = Self.empty
    store.update {
      $0.node("n2")
      $0.disrupting("n2", .expired, terminatingSince: now - 5)
    }
    #expect(
      karpenter.handle(.wake(.disruption), now: now, store: store) == [.wake(at: now + 10, .disruption)])
  }

  // MARK: Why not

  @Test func aDoNotDisruptNodeIsExplainedOnce() {
    var karpenter = Karpenter()
    var store = ClusterStore.build {
      $0.nodePool("default")
      $0.node("n1", doNotDisrupt: true)
    }
    #expect(
      karpenter.handle(.wake(.disruption), now: now, store: store) == [
        event("DisruptionBlocked", "n1", "Node has \"karpenter.sh/do-not-disrupt\" annotation"),
        .wake(at: now + 10, .disruption),
      ])
    // The store changed, so the next pass judges every node again; n1's explanation still holds
    // and is not posted again, n2's is new.
    store.update {
      $0.node("n2")
      $0.pod("default/a", on: "n2", doNotDisrupt: true)
    }
    #expect(
      karpenter.handle(.wake(.disruption), now: now + 10, store: store) == [
        event(
          "DisruptionBlocked", "n2", "Pod default/a has \"karpenter.sh/do-not-disrupt\" annotation",
          at: now + 10),
        .wake(at: now + 20, .disruption),
      ])
  }

  @Test func aBudgetOfZeroBlocksTheNodePool() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool("default", budgets: [Budget(nodes: "0")])
      $0.node("n1")
    }
    #expect(
      karpenter.handle(.wake(.disruption), now: now, store: store) == [
        event(
          "DisruptionBlocked", kind: "NodePool", "default",
          "No allowed disruptions for disruption reason Empty due to blocking budget"),
        event(
          "DisruptionBlocked", kind: "NodePool", "default",
          "No allowed disruptions for disruption reason Underutilized due to blocking budget"),
        .wake(at: now + 10, .disruption),
      ])
  }

  @Test func aBudgetForOneReasonBlocksOnlyThatReason() {
    var karpenter = Karpenter()
    let store = ClusterStore.build {
      $0.nodePool(
        "default", consolidationPolicy: "WhenEmpty", budgets: [Budget(nodes: "0", reasons: ["Underutilized"])]
      )
      $0.node("n1")
    }
    #expect(
      karpenter.handle(.wake(.disruption), now: now, store: store) == [
        event(
          "DisruptionBlocked", kind: "NodePool", "default",
          "No allowed disruptions for disruption reason Underutilized due to blocking budget"),
        .wake(at: now + 15, .validate(0)),
        .wake(at: now + 10, .disruption),
      ])
  }

  @Test func staticNodePoolsAreNeverConsolidated() {
    var karpenter = Karpenter(settings: KarpenterSettings(staticCapacity: true))
    let store = ClusterStore.build {
      $0.nodePool("static", replicas: 1)
      $0.node("n1", pool: "static")
    }
    #expect(
      karpenter.handle(.wake(.disruption), now: now, store: store) == [.wake(at: now + 10, .disruption)])
  }

  // MARK: Replacements

  /// The replacement's launch as validation asks for it.
  static let replacement = LaunchRequest(
    claim: oversized.plannedNodeClaim("default", types: ["m5.large", "m5.2xlarge"]), pods: [],
    reason: "replacement for n1 (Underutilized) for 1 pods", origin: .disruption(0))

  static let launchedInstance = LaunchedInstance(
    name: "default-r", instanceType: "m5.large", zone: "us-east-1a", capacityType: "on-demand", price: 0.096)
  static let launchedReplacement = LaunchOutcome.launched(launchedInstance)

  /// Karpenter that decided to replace n1 and has asked for the replacement's launch.
  func replacing() -> Karpenter {
    var karpenter = Karpenter()
    #expect(
      karpenter.handle(.wake(.disruption), now: now, store: Self.oversized) == [
        .wake(at: now + 15, .validate(0)), .wake(at: now + 10, .disruption),
      ])
    #expect(
      karpenter.handle(.wake(.validate(0)), now: now + 15, store: Self.oversized) == [
        .launch(Self.replacement)
      ])
    return karpenter
  }

  @Test func aConsolidationWhoseNodeAPodWasNominatedToDuringValidationIsDropped() {
    var karpenter = Karpenter()
    _ = karpenter.handle(.wake(.disruption), now: now, store: Self.oversized)
    var store = Self.oversized
    store.update {
      $0.pod("default/b")
      $0.nominate("default/b", to: "n1")
    }
    #expect(karpenter.handle(.wake(.validate(0)), now: now + 15, store: store) == [])
  }

  @Test func aConsolidationWhoseNodeGotAPodThatNoLongerFitsElsewhereIsDropped() {
    var karpenter = Karpenter()
    _ = karpenter.handle(.wake(.disruption), now: now, store: Self.oversized)
    var store = Self.oversized
    store.update { $0.pod("default/big", on: "n1", cpu: "6") }
    #expect(karpenter.handle(.wake(.validate(0)), now: now + 15, store: store) == [])
  }

  @Test func aLaunchedReplacementMarksTheNodeAndWaitsForItsReadiness() {
    var karpenter = replacing()
    let t = now + 15
    let reason =
      "replacement for n1 (Underutilized) for 1 pods, m5.large on-demand in us-east-1a at $0.096/h (cheapest of 2 fitting types)"
    let created =
      Effect.nodeClaimCreated("default-r", reason: reason, at: t) + [
        .launchedNodeClaim(Self.launchedInstance, at: t)
      ]
    let waiting: [Effect] = [
      event(
        "DisruptionLaunching", kind: "NodeClaim", "default-r", "Launching NodeClaim: Underutilized", at: t),
      event("DisruptionWaitingReadiness", "n1", "Waiting on readiness to continue disruption", at: t),
      .wake(at: t + 600, .replacementTimeout(0)),
    ]
    #expect(
      karpenter.handle(.launched(Self.replacement, Self.launchedReplacement), now: t, store: Self.oversized)
        == created + decided(.underutilized, Self.consolidationDecision, at: t) + waiting)
  }

  @Test func theNodeIsDeletedOnceItsReplacementHasInitialized() {
    var karpenter = replacing()
    _ = karpenter.handle(
      .launched(Self.replacement, Self.launchedReplacement), now: now + 15, store: Self.oversized)
    var store = Self.oversized
    store.update {
      $0.disrupting("n1", .underutilized)
      $0.node("default-r", launchedAt: now + 15, registered: false)
    }
    #expect(
      karpenter.handle(.nodeInitialized("other"), now: now + 60, store: store) == [
        initialized("other", at: now + 60)
      ])
    store.update { $0.node("default-r", launchedAt: now + 15) }
    #expect(
      karpenter.handle(.nodeInitialized("default-r"), now: now + 75, store: store) == [
        initialized("default-r", at: now + 75),
        .deleteNodeClaim(Deletion(node: "n1", reason: .underutilized, supersedes: true)),
      ])
    #expect(karpenter.handle(.wake(.replacementTimeout(0)), now: now + 615, store: store) == [])
  }

  @Test func aReplacementThatDoesNotInitializeInTimeUndoesTheDecision() {
    var karpenter = replacing()
    _ = karpenter.handle(
      .launched(Self.replacement, Self.launchedReplacement), now: now + 15, store: Self.oversized)
    var store = Self.oversized
    store.update {
      $0.disrupting("n1", .underutilized)
      $0.node("default-r", launchedAt: now + 15, registered: false)
    }
    let t = now + 615
    #expect(
      karpenter.handle(.wake(.replacementTimeout(0)), now: t, store: store) == [
        .unmarkDisrupted(node: "n1"),
        event(
          "DisruptionBlocked", "n1",
          "Replacements default-r did not initialize within 10m; disruption undone",
          type: "Warning", at: t),
        .log(
          LogRecord(
            time: t, level: "INFO", controller: "disruption",
            message: "failed to disrupt nodes, replacements did not initialize",
            fields: ["command": Self.consolidationDecision, "reason": "Underutilized"])),
        .requestStaticCapacity,
      ])
    store.update { $0.node("default-r", launchedAt: now + 15) }
    #expect(
      karpenter.handle(.nodeInitialized("default-r"), now: t + 1, store: store) == [
        initialized("default-r", at: t + 1)
      ])
  }

  @Test func aReplacementThatFailedToLaunchDropsTheDecision() {
    var karpenter = replacing()
    let t = now + 15
    let offering = OfferingKey(instanceType: "m5.large", zone: "us-east-1a", capacityType: "on-demand")
    let failed = LaunchOutcome.failed(
      name: "default-r", .insufficientCapacity(offering, nodeClaim: "default-r"))
    // Reported as any launch failure; the replacement was made for no pending pod.
    #expect(
      karpenter.handle(.launched(Self.replacement, failed), now: t, store: Self.oversized)
        == Effect.launchFailed(
          "default-r",
          reason:
            "insufficient capacity for m5.large on-demand in us-east-1a; offering marked unavailable for 3m",
          at: t) + [.wake(at: t + 1, .provision)])
    #expect(
      karpenter.handle(.nodeInitialized("default-r"), now: t + 60, store: Self.oversized) == [
        initialized("default-r", at: t + 60)
      ])
    #expect(karpenter.handle(.wake(.replacementTimeout(0)), now: t + 600, store: Self.oversized) == [])
    #expect(karpenter.handle(.wake(.validate(0)), now: t + 600, store: Self.oversized) == [])
  }
}
