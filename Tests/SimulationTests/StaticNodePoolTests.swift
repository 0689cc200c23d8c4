import Foundation
import KarpenterCLI
import Manifests
import Testing

/// Static NodePools (`spec.replicas`, behind the staticCapacity feature gate), as upstream's
/// static provisioning, deprovisioning and static drift controllers run them.
@Suite struct StaticNodePoolTests {
  static let small = instanceType("small", cpu: "2", memory: "8Gi", offerings: ["zone-a:on-demand:0.1"])
  static let big = instanceType("big", cpu: "8", memory: "32Gi", offerings: ["zone-a:on-demand:0.4"])
  static let dnd = "{karpenter.sh/do-not-disrupt: \"true\"}"

  /// A NodePool `name` with `spec.replicas` (other arguments as `nodePool(...)`); `templateSpec`
  /// adds fields to its template spec (`expireAfter: 1h`).
  static func staticPool(
    _ name: String = "static", replicas: Int, requirements: String = "[]", limits: String? = nil,
    labels: String? = nil, disruption: String? = nil, templateSpec: [String] = []
  ) -> String {
    var pool = nodePool(
      name, requirements: requirements, limits: limits, labels: labels, disruption: disruption)
    pool = pool.replacingOccurrences(
      of: "metadata: {name: \(name)}\nspec:\n",
      with: "metadata: {name: \(name)}\nspec:\n  replicas: \(replicas)\n")
    return templateSpec.isEmpty ? pool : withTemplateSpec(pool, templateSpec)
  }

  /// A Scenario (as `scenario(...)`) with the staticCapacity gate on, unless `gate` is false.
  static func world(
    types: [String] = [small, big], duration: String = "1h", timeline: [String] = [], gate: Bool = true
  ) -> String {
    let text =
      timeline.isEmpty
      ? scenario(types: types, duration: duration)
      : scenario(types: types, duration: duration, timeline: timeline)
    guard gate else { return text }
    return text.replacingOccurrences(
      of: "spec:\n  cloud:", with: "spec:\n  featureGates: {staticCapacity: true}\n  cloud:")
  }

  static func nodes(_ r: SimResult, pool: String = "static") -> [SimResult.SimNode] {
    r.nodes.filter { $0.nodePool == pool }
  }

  // MARK: Provisioning

  @Test func launchesExactlyReplicasAtTimeZeroOnTheCheapestTypeWithoutPods() throws {
    let r = try simulate(Self.world(duration: "3h"), Self.staticPool(replicas: 3))
    let nodes = Self.nodes(r)
    #expect(nodes.count == 3)
    #expect(nodes.allSatisfy { $0.instanceType == "small" && $0.createdAt == 0 }, "\(nodes.map(\.name))")
    #expect(r.events("NodeClaimCreated").map(\.time) == [0, 0, 0])
    #expect(r.pendingPods.isEmpty)
    // Empty for three hours, yet never consolidated (emptiness included).
    #expect(r.events("DisruptionDecided").isEmpty)
    #expect(r.events("NodeTerminated").isEmpty)
    #expect(abs(r.cost.perHour - 0.3) < 1e-9)
  }

  @Test func zeroReplicasLaunchNothing() throws {
    let r = try simulate(Self.world(), Self.staticPool(replicas: 0))
    #expect(r.nodes.isEmpty)
    #expect(r.events("NodeClaimCreated").isEmpty)
  }

  @Test func requirementsChooseTheInstanceType() throws {
    let r = try simulate(
      Self.world(),
      Self.staticPool(
        replicas: 2, requirements: "[{key: node.kubernetes.io/instance-type, operator: In, values: [big]}]"))
    #expect(Self.nodes(r).map(\.instanceType) == ["big", "big"])
  }

  @Test func podsRunOnStaticNodesAndThoseThatDoNotFitStayPending() throws {
    // One small static node holds one 1500m pod; a static pool launches nothing for the others.
    let r = try simulate(
      Self.world(), Self.staticPool(replicas: 1), deployment("web", replicas: 3, cpu: "1500m"))
    let nodes = Self.nodes(r)
    #expect(nodes.count == 1)
    #expect(r.count(prefix: "web") == [nodes[0].name: 1])
    #expect(r.pendingPods.count == 2, "\(r.pendingPods)")
    #expect(r.events("NodeClaimCreated").count == 1)
  }

  @Test func aDynamicPoolTakesWhatTheStaticNodesCannot() throws {
    let r = try simulate(
      Self.world(), Self.staticPool(replicas: 1),
      nodePool(
        "dynamic", requirements: "[{key: node.kubernetes.io/instance-type, operator: In, values: [big]}]"),
      deployment("web", replicas: 3, cpu: "1500m"))
    let staticNodes = Self.nodes(r)
    let dynamicNodes = Self.nodes(r, pool: "dynamic")
    #expect(staticNodes.count == 1)
    #expect(r.count(prefix: "web")[staticNodes[0].name] == 1)
    #expect(dynamicNodes.count == 1)
    #expect(r.count(prefix: "web")[dynamicNodes.first?.name ?? ""] == 2)
    #expect(r.pendingPods.isEmpty)
  }

  @Test func anUnderusedStaticNodeIsNeverConsolidated() throws {
    // A big static node with one small pod: a dynamic pool's node would be replaced by a small one.
    let r = try simulate(
      Self.world(duration: "3h"),
      Self.staticPool(
        replicas: 1, requirements: "[{key: node.kubernetes.io/instance-type, operator: In, values: [big]}]"),
      deployment("web", replicas: 1, cpu: "500m"))
    #expect(Self.nodes(r).map(\.instanceType) == ["big"])
    #expect(r.node(of: "web-0")?.nodePool == "static")
    #expect(r.events("DisruptionDecided").isEmpty)
  }

  @Test func limitsNodesCapsTheReplicas() throws {
    let r = try simulate(Self.world(), Self.staticPool(replicas: 5, limits: "{nodes: 3}"))
    #expect(Self.nodes(r).count == 3)
    #expect(r.events("NodeClaimCreated").count == 3)
  }

  @Test func aLaunchWithoutCapacityGoesToAnotherOfferingAndRetriesWhenOfferingsChange() throws {
    let twoZones = instanceType(
      "small", cpu: "2", memory: "8Gi", offerings: ["zone-a:on-demand:0.1", "zone-b:on-demand:0.2"])
    let r = try simulate(
      Self.world(
        types: [twoZones],
        timeline: [
          step("5m", unavailable: ["{zone: zone-a, for: 2h}"]),
          step("6m", scale: ["{kind: NodePool, name: static, replicas: 2}"]),
          step("20m", unavailable: ["{zone: zone-b, for: 10m}"]),
          step("21m", scale: ["{kind: NodePool, name: static, replicas: 3}"]),
        ]),
      Self.staticPool(replicas: 1))
    // 6m: zone-a has no capacity, so the NodeClaim goes to zone-b. 21m: neither zone has any
    // until zone-b's window ends at 30m, when the controller tries again.
    #expect(r.events("NodeClaimCreated").map(\.time) == [0, 360, 1800])
    #expect(Self.nodes(r).compactMap(\.zone).sorted() == ["zone-a", "zone-b", "zone-b"])
    #expect(r.events("LaunchFailed").filter { $0.time == 360 }.count == 1)
    // 21m: zone-a, then zone-b have no capacity, then no offering is left: reported once.
    let at21m = r.events("LaunchFailed").filter { $0.time == 1260 }.compactMap(\.reason)
    #expect(at21m.count == 3, "\(at21m)")
    #expect(at21m.last == "no available offering among 1 instance types")
  }

  // MARK: Scaling

  @Test func theTimelineScalesTheNodePoolUpAndDown() throws {
    let r = try simulate(
      Self.world(
        timeline: [
          step("10m", scale: ["{kind: NodePool, name: static, replicas: 3}"]),
          step("30m", scale: ["{kind: NodePool, name: static, replicas: 2}"]),
        ]),
      Self.staticPool(replicas: 1))
    #expect(r.events("NodeClaimCreated").map(\.time) == [0, 600, 600])
    let terminated = r.events("NodeTerminated")
    #expect(terminated.map(\.time) == [1800])
    #expect(terminated.map(\.reason) == ["Overprovisioned"])
    #expect(Self.nodes(r).count == 2)
  }

  @Test func reapplyingTheNodePoolScalesItEvenWhereBudgetsAllowNoDisruption() throws {
    let budgets = "{budgets: [{nodes: \"0\"}]}"
    let r = try simulate(
      Self.world(
        timeline: [
          step("10m", apply: [Self.staticPool(replicas: 4, disruption: budgets)]),
          step("20m", apply: [Self.staticPool(replicas: 1, disruption: budgets)]),
        ]),
      Self.staticPool(replicas: 2, disruption: budgets))
    #expect(r.events("NodeClaimCreated").map(\.time) == [0, 0, 600, 600])
    #expect(r.events("NodeTerminated").map(\.time) == [1200, 1200, 1200])
    #expect(Self.nodes(r).count == 1)
  }

  @Test func scaleDownRemovesEmptyNodesFirst() throws {
    let r = try simulate(
      Self.world(timeline: [step("10m", scale: ["{kind: NodePool, name: static, replicas: 1}"])]),
      Self.staticPool(replicas: 3), deployment("web", replicas: 1, cpu: "1500m"))
    let nodes = Self.nodes(r)
    #expect(nodes.count == 1)
    #expect(r.node(of: "web-0")?.name == nodes.first?.name)
    #expect(r.events("PodEvicted").isEmpty)
    #expect(r.events("NodeTerminated").map(\.reason) == ["Overprovisioned", "Overprovisioned"])
  }

  @Test func scaleDownTakesNodesWithDoNotDisruptPodsLast() throws {
    let r = try simulate(
      Self.world(timeline: [step("10m", scale: ["{kind: NodePool, name: static, replicas: 1}"])]),
      Self.staticPool(replicas: 2),
      ownedPod("a", node: nil, cpu: "1500m", annotations: Self.dnd), ownedPod("b", node: nil, cpu: "1500m"))
    let kept = try #require(Self.nodes(r).first)
    #expect(Self.nodes(r).count == 1)
    #expect(r.node(of: "a")?.name == kept.name)
    #expect(r.events("PodEvicted").map(\.pod) == ["default/b"])
    #expect(r.pending("b") != nil, "no static node has room for b and no dynamic pool exists")
  }

  @Test func scaleDownWaitsForAPodDisruptionBudget() throws {
    let run = try simulateRun([
      Self.world(timeline: [step("10m", scale: ["{kind: NodePool, name: static, replicas: 1}"])]),
      Self.staticPool(replicas: 2), deployment("web", replicas: 2, cpu: "1500m"),
      podDisruptionBudget("web", app: "web", minAvailable: "2"),
    ])
    let r = run.result
    #expect(Self.nodes(r).count == 2, "the drain waits for the PodDisruptionBudget")
    #expect(r.events("PodEvicted").isEmpty)
    #expect(r.events("NodeTerminated").isEmpty)
    let draining = Self.nodes(r).filter { $0.taints.contains { $0.key == "karpenter.sh/disrupted" } }
    #expect(draining.count == 1)
    #expect(run.stdout.contains("Failed to drain node, 1 pods are waiting to be evicted"))
  }

  @Test func scaleDownEvictsWhatAPodDisruptionBudgetAllows() throws {
    let r = try simulate(
      Self.world(timeline: [step("10m", scale: ["{kind: NodePool, name: static, replicas: 1}"])]),
      Self.staticPool(replicas: 2), deployment("web", replicas: 2, cpu: "1500m"),
      podDisruptionBudget("web", app: "web", maxUnavailable: "1"))
    #expect(Self.nodes(r).count == 1)
    #expect(r.events("PodEvicted").count == 1)
    #expect(r.events("NodeTerminated").map(\.time) == [600])
    #expect(r.pendingPods.count == 1)
  }

  @Test func terminationGracePeriodEndsAScaleDownThatABudgetHoldsBack() throws {
    let r = try simulate(
      Self.world(timeline: [step("10m", scale: ["{kind: NodePool, name: static, replicas: 1}"])]),
      Self.staticPool(replicas: 2, templateSpec: ["terminationGracePeriod: 20m"]),
      deployment("web", replicas: 2, cpu: "1500m"), podDisruptionBudget("web", app: "web", minAvailable: "2"))
    #expect(Self.nodes(r).count == 1)
    #expect(r.events("NodeTerminated").map(\.time) == [1800])
  }

  // MARK: Drift and expiration

  @Test func driftReplacesEachNodeOneForOneBeforeDrainingIt() throws {
    let r = try simulate(
      Self.world(timeline: [step("10m", apply: [Self.staticPool(replicas: 2, labels: "{team: blue}")])]),
      Self.staticPool(replicas: 2), deployment("web", replicas: 2, cpu: "1500m"))
    let decided = r.events("DisruptionDecided")
    #expect(decided.map(\.reason) == ["Drifted", "Drifted"])
    let terminated = r.events("NodeTerminated")
    #expect(terminated.map(\.reason) == ["Drifted", "Drifted"])
    let replacements = r.events("NodeClaimCreated").filter { $0.time > 600 }
    #expect(replacements.count == 2)
    // Each replacement launches before the node it replaces is drained, one node at a time (the
    // default 10% budget of 2 nodes is 1).
    for (replacement, old) in zip(replacements, terminated) { #expect(replacement.time < old.time) }
    #expect(replacements[1].time >= terminated[0].time)
    let nodes = Self.nodes(r)
    #expect(nodes.count == 2)
    #expect(nodes.allSatisfy { $0.labels["team"] == "blue" && $0.createdAt > 600 })
    #expect(r.pendingPods.isEmpty)
  }

  @Test func driftWaitsWhileLimitsNodesLeavesNoRoomForAReplacement() throws {
    let r = try simulate(
      Self.world(
        timeline: [
          step("10m", apply: [Self.staticPool(replicas: 2, limits: "{nodes: 2}", labels: "{team: blue}")])
        ]),
      Self.staticPool(replicas: 2, limits: "{nodes: 2}"))
    #expect(r.events("DisruptionDecided").isEmpty)
    #expect(Self.nodes(r).map(\.createdAt) == [0, 0])
  }

  @Test func driftHonoursTheDisruptionBudgets() throws {
    let budgets = "{budgets: [{nodes: \"0\"}]}"
    let r = try simulate(
      Self.world(
        timeline: [
          step("10m", apply: [Self.staticPool(replicas: 2, labels: "{team: blue}", disruption: budgets)])
        ]),
      Self.staticPool(replicas: 2, disruption: budgets))
    #expect(r.events("DisruptionDecided").isEmpty)
    #expect(Self.nodes(r).count == 2)
  }

  @Test func expirationReplacesTheNodeAtOnce() throws {
    let r = try simulate(
      Self.world(duration: "90m"), Self.staticPool(replicas: 1, templateSpec: ["expireAfter: 1h"]),
      deployment("web", replicas: 1, cpu: "1500m"))
    #expect(r.events("DisruptionDecided").map(\.reason) == ["Expired"])
    #expect(r.events("DisruptionDecided").map(\.time) == [3600])
    #expect(r.events("NodeClaimCreated").map(\.time) == [0, 3600])
    let nodes = Self.nodes(r)
    #expect(nodes.map(\.createdAt) == [3600])
    #expect(r.node(of: "web-0")?.name == nodes.first?.name)
  }

  @Test func expirationWithLimitsNodesReplacesOnlyOnceTheOldNodeIsGone() throws {
    // A do-not-disrupt pod holds the drain until terminationGracePeriod (10m); limits.nodes = 1
    // leaves no room for the replacement until then.
    let pool = { (limits: String?) in
      Self.staticPool(
        replicas: 1, limits: limits, templateSpec: ["expireAfter: 1h", "terminationGracePeriod: 10m"])
    }
    let held = ownedPod("a", node: nil, cpu: "1500m", annotations: Self.dnd)
    let capped = try simulate(Self.world(duration: "90m"), pool("{nodes: 1}"), held)
    #expect(capped.events("NodeClaimCreated").map(\.time) == [0, 4200])
    #expect(capped.events("NodeTerminated").map(\.time) == [4200])
    let uncapped = try simulate(Self.world(duration: "90m"), pool(nil), held)
    #expect(uncapped.events("NodeClaimCreated").map(\.time) == [0, 3600])
    #expect(uncapped.events("NodeTerminated").map(\.time) == [4200])
  }

  @Test func anInterruptedStaticNodeIsReplaced() throws {
    let r = try simulate(
      Self.world(
        types: [instanceType("spot", cpu: "2", offerings: ["zone-a:spot:0.05"])],
        timeline: [step("10m", interrupt: ["{node: \"*\"}"])]),
      Self.staticPool(replicas: 1))
    #expect(r.events("NodeClaimCreated").map(\.time) == [0, 600])
    #expect(Self.nodes(r).map(\.createdAt) == [600])
  }

  @Test func theExampleRunsAsItsCommentSays() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("examples/static-nodepool.yaml").path
    let out = SimulateRun.run(paths: [path], output: .json)
    #expect(out.exitCode == 0, "\(out.stderr)")
    let r = try JSONDecoder().decode(SimResult.self, from: Data(out.stdout.utf8))
    #expect(
      r.events("NodeClaimCreated").filter { $0.node?.hasPrefix("system-") == true }.map(\.time) == [
        0, 0, 0, 3600, 3600,
      ])
    #expect(
      r.events("NodeTerminated").map(\.reason) == ["Overprovisioned", "Overprovisioned", "Overprovisioned"])
    #expect(Self.nodes(r, pool: "system").count == 2)
    #expect(r.pendingNames == ["default/monitoring-0", "default/monitoring-1"])
  }

  // MARK: The feature gate and the API server's rules

  @Test func withoutTheGateAStaticNodePoolLaunchesNothingAndAWarningSaysWhy() throws {
    let run = try simulateRun([
      Self.world(gate: false), Self.staticPool(replicas: 2), deployment("web", replicas: 1, cpu: "500m"),
    ])
    #expect(run.result.nodes.isEmpty)
    #expect(run.result.pending("web-0") != nil)
    #expect(
      run.stderr.contains(
        "document 2 (NodePool \"static\"), line 13: warning: spec.replicas is ignored: the staticCapacity feature gate is off"
      ),
      "\(run.stderr)")
  }

  /// Runs `simulate` expecting invalid input; returns standard error.
  static func rejected(_ documents: [String]) throws -> String {
    let path = try scenarioFile(documents.joined(separator: "\n---\n"))
    let out = SimulateRun.run(paths: [path], output: .json)
    #expect(out.exitCode == 1)
    #expect(out.stdout.isEmpty)
    return out.stderr
  }

  @Test func scalingADynamicNodePoolIsRejected() throws {
    let stderr = try Self.rejected([
      Self.world(timeline: [step("10m", scale: ["{kind: NodePool, name: default, replicas: 3}"])]),
      nodePool(),
    ])
    #expect(
      stderr.contains(
        "spec.timeline[0].scale[0]: Invalid value: \"NodePool/default\": NodePool \"default\" is not static (it has no spec.replicas): Cannot transition NodePool between static (replicas set) and dynamic (replicas unset) provisioning modes"
      ), "\(stderr)")
  }

  @Test func reapplyingAStaticNodePoolAsDynamicIsRejected() throws {
    let stderr = try Self.rejected([
      Self.world(timeline: [step("10m", apply: [nodePool("static")])]), Self.staticPool(replicas: 1),
    ])
    #expect(
      stderr.contains(
        "(NodePool \"static\"), line 1: spec: Invalid value: \"object\": Cannot transition NodePool between static (replicas set) and dynamic (replicas unset) provisioning modes"
      ), "\(stderr)")
  }

  @Test func moreReplicasThanSimulateLaunchesAreRejectedUnlessLimitsNodesBoundsThem() throws {
    let stderr = try Self.rejected([
      Self.world(timeline: [step("10m", scale: ["{kind: NodePool, name: static, replicas: 20001}"])]),
      Self.staticPool(replicas: 1_000_000),
    ])
    #expect(
      stderr.contains(
        "(NodePool \"static\"), line 18: spec.replicas: Invalid value: \"1000000\": simulate launches at most 10000 nodes for a static NodePool; lower replicas (or limits.nodes)"
      ), "\(stderr)")
    #expect(stderr.contains("spec.timeline[0].scale[0].replicas: Invalid value: \"20001\""), "\(stderr)")
    let r = try simulate(Self.world(), Self.staticPool(replicas: 1_000_000, limits: "{nodes: 4}"))
    #expect(Self.nodes(r).count == 4)
  }

  @Test func scaleNamesOnlyScalableKinds() throws {
    let stderr = try Self.rejected([
      Self.world(timeline: [step("10m", scale: ["{kind: DaemonSet, name: logs, replicas: 3}"])]),
      Self.staticPool(replicas: 1),
    ])
    #expect(
      stderr.contains(
        "spec.timeline[0].scale[0].kind: Unsupported value: \"DaemonSet\": supported values: \"Deployment\", \"ReplicaSet\", \"StatefulSet\", \"Job\", \"NodePool\""
      ), "\(stderr)")
  }

  @Test(arguments: [
    (
      "replicas: 3\n  weight: 10",
      "spec.weight: Invalid value: \"10\": 'weight' is not supported on static NodePools"
    ),
    (
      "replicas: 3\n  limits: {cpu: \"8\", nodes: \"4\"}",
      "spec.limits: Invalid value: \"\": only 'limits.nodes' is supported on static NodePools"
    ),
    ("replicas: -1", "spec.replicas: Invalid value: \"-1\": must be greater than or equal to 0"),
  ])
  func validationRejectsWhatUpstreamRejects(spec: String, message: String) {
    let yaml = Self.staticPool(replicas: 0).replacingOccurrences(of: "  replicas: 0\n", with: "  \(spec)\n")
    let set = ManifestLoader().load(text: yaml, file: "pool.yaml")
    #expect(set.errors.contains { $0.description.contains(message) }, "\(set.errors.map(\.description))")
  }

  @Test func validationAcceptsLimitsNodesOnAStaticNodePool() {
    let set = ManifestLoader().load(
      text: Self.staticPool(replicas: 3, limits: "{nodes: 5}"), file: "pool.yaml")
    #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.description))")
    #expect(set.documents.count == 1)
  }
}
