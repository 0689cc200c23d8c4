import Foundation
import Testing

/// NodeOverlays (karpenter.sh/v1alpha1) change what the provisioner believes an instance type
/// costs or holds, behind upstream's NodeOverlay feature gate: the scheduler chooses by the
/// overlaid prices and resources, and the launched node carries the overlaid price (reported
/// as its cost) and allocatable.
@Suite struct NodeOverlayTests {
  /// Two equal types; `b` costs twice as much as `a`.
  static let types = [
    instanceType("a", cpu: "2", memory: "4Gi", offerings: ["zone-a:on-demand:0.1"]),
    instanceType("b", cpu: "2", memory: "4Gi", offerings: ["zone-a:on-demand:0.2"]),
  ]

  static func gated(_ types: [String] = types, gate: Bool = true) -> String {
    scenario(types: types) + "  featureGates: {nodeOverlay: \(gate)}\n"
  }

  /// A NodeOverlay; `requirements` is a YAML flow sequence, `capacity` a flow map.
  static func overlay(
    _ name: String,
    requirements: String = "[{key: node.kubernetes.io/instance-type, operator: In, values: [b]}]",
    price: String? = nil, adjustment: String? = nil, capacity: String? = nil, weight: Int? = nil
  ) -> String {
    var spec = "  requirements: \(requirements)\n"
    if let price { spec += "  price: \"\(price)\"\n" }
    if let adjustment { spec += "  priceAdjustment: \"\(adjustment)\"\n" }
    if let capacity { spec += "  capacity: \(capacity)\n" }
    if let weight { spec += "  weight: \(weight)\n" }
    return """
      apiVersion: karpenter.sh/v1alpha1
      kind: NodeOverlay
      metadata: {name: \(name)}
      spec:
      \(spec)
      """
  }

  // MARK: Prices

  @Test func aPriceOverlayMakesThePricierTypeTheCheapestAndItsNodeCostsThatPrice() throws {
    let (r, events) = try simulateDetailed([
      Self.gated(), nodePool(), Self.overlay("savings-plan", price: "0.05"), pod("web", cpu: "1"),
    ])
    let node = try #require(r.node(of: "web"))
    #expect(node.instanceType == "b")
    #expect(node.pricePerHour == 0.05)
    #expect(r.cost.perHour == 0.05)
    let created = events.first { $0.type == "NodeClaimCreated" }
    #expect(
      created?.reason?.contains("b on-demand in zone-a at $0.05/h") == true, "\(String(describing: created))")
  }

  @Test func aPercentAdjustmentScalesThePrice() throws {
    let r = try simulate(
      Self.gated(), nodePool(), Self.overlay("discount", adjustment: "-60%"), pod("web", cpu: "1"))
    let node = try #require(r.node(of: "web"))
    #expect(node.instanceType == "b")
    #expect(abs(node.pricePerHour - 0.08) < 1e-9, "\(node.pricePerHour)")
  }

  @Test func aPercentIncreaseMakesTheCheapTypeTheDearOne() throws {
    let overlay = Self.overlay(
      "licence", requirements: "[{key: node.kubernetes.io/instance-type, operator: In, values: [a]}]",
      adjustment: "+150%")
    let r = try simulate(Self.gated(), nodePool(), overlay, pod("web", cpu: "1"))
    #expect(r.node(of: "web")?.instanceType == "b")
    #expect(r.node(of: "web")?.pricePerHour == 0.2)
  }

  @Test func anAmountAdjustmentNeverGoesBelowZero() throws {
    let r = try simulate(
      Self.gated(), nodePool(), Self.overlay("free", adjustment: "-1"), pod("web", cpu: "1"))
    #expect(r.node(of: "web")?.instanceType == "b")
    #expect(r.node(of: "web")?.pricePerHour == 0)
    #expect(r.cost.perHour == 0)
  }

  @Test func onlyTheOfferingsTheRequirementsAllowArePriced() throws {
    let types = [
      instanceType("a", cpu: "2", memory: "4Gi", offerings: ["zone-a:on-demand:0.1", "zone-b:on-demand:0.1"])
    ]
    let overlay = Self.overlay(
      "zone-b-discount",
      requirements: "[{key: topology.kubernetes.io/zone, operator: In, values: [zone-b]}]", price: "0.01")
    let r = try simulate(Self.gated(types), nodePool(), overlay, pod("web", cpu: "1"))
    let node = try #require(r.node(of: "web"))
    #expect(node.zone == "zone-b")
    #expect(node.pricePerHour == 0.01)
  }

  @Test func theHigherWeightDecidesThePrice() throws {
    let cheap = Self.overlay("cheap", price: "0.05", weight: 10)
    let dear = Self.overlay("dear", price: "0.5", weight: 20)
    let r = try simulate(Self.gated(), nodePool(), cheap, dear, pod("web", cpu: "1"))
    // dear (weight 20) sets b's price to 0.5, so a is the cheapest.
    #expect(r.node(of: "web")?.instanceType == "a")
    #expect(r.node(of: "web")?.pricePerHour == 0.1)

    let swapped = try simulate(
      Self.gated(), nodePool(), Self.overlay("cheap", price: "0.05", weight: 20),
      Self.overlay("dear", price: "0.5", weight: 10), pod("web", cpu: "1"))
    #expect(swapped.node(of: "web")?.instanceType == "b")
    #expect(swapped.node(of: "web")?.pricePerHour == 0.05)
  }

  @Test func ofTwoConflictingOverlaysOfEqualWeightTheLaterNameWinsAndTheOtherIsReported() throws {
    let run = try simulateRun([
      Self.gated(), nodePool(), Self.overlay("alpha", price: "0.5", weight: 5),
      Self.overlay("beta", price: "0.05", weight: 5), pod("web", cpu: "1"),
    ])
    #expect(run.result.node(of: "web")?.instanceType == "b")
    #expect(run.result.node(of: "web")?.pricePerHour == 0.05)
    #expect(
      run.stderr.contains(
        "warning: NodeOverlay \"alpha\" is not applied: it conflicts with NodeOverlay \"beta\" of the same weight 5"
      ),
      "\(run.stderr)")

    // The name decides, not the price: beta's 0.5 wins over alpha's 0.05.
    let swapped = try simulateRun([
      Self.gated(), nodePool(), Self.overlay("alpha", price: "0.05", weight: 5),
      Self.overlay("beta", price: "0.5", weight: 5), pod("web", cpu: "1"),
    ])
    #expect(swapped.result.node(of: "web")?.instanceType == "a")
    #expect(swapped.stderr.contains("NodeOverlay \"alpha\" is not applied"), "\(swapped.stderr)")
  }

  @Test func aConflictIsLoggedOnceThoughTheOverlaysAreAppliedAgain() throws {
    // The NodePool applied at 10m makes the overlays be applied again; the conflict stays.
    let text =
      scenario(types: Self.types, timeline: [step("10m", apply: [nodePool("late")])])
      + "  featureGates: {nodeOverlay: true}\n"
    let yaml = [
      text, nodePool(), Self.overlay("alpha", price: "0.5", weight: 5),
      Self.overlay("beta", price: "0.05", weight: 5),
    ].joined(separator: "\n---\n")
    let logURL = FileManager.default.temporaryDirectory.appendingPathComponent(
      "overlay-\(UUID().uuidString).log")
    _ = try simulateJSON(yaml, log: logURL)
    let lines = try String(contentsOf: logURL, encoding: .utf8).split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
    let conflicts = lines.filter { $0["message"] as? String == "nodeoverlay not applied" }
    #expect(conflicts.count == 1, "\(conflicts)")
    #expect(conflicts.first?["NodeOverlay"] as? String == "alpha")
    #expect(conflicts.first?["reason"] as? String == "Conflict")
    #expect(conflicts.first?["level"] as? String == "ERROR")
  }

  @Test func aConflictingOverlayIsLeftOutEverywhereNotJustWhereItConflicts() throws {
    // alpha would also discount a, where nothing else sets a price; a conflict on b keeps it
    // off a too (upstream applies an overlay to all or nothing).
    let alpha = Self.overlay(
      "alpha", requirements: "[{key: node.kubernetes.io/instance-type, operator: In, values: [a, b]}]",
      price: "0.01", weight: 5)
    let beta = Self.overlay("beta", price: "0.3", weight: 5)
    let run = try simulateRun([Self.gated(), nodePool(), alpha, beta, pod("web", cpu: "1")])
    #expect(run.result.node(of: "web")?.instanceType == "a")
    #expect(run.result.node(of: "web")?.pricePerHour == 0.1)
    #expect(run.stderr.contains("NodeOverlay \"alpha\" is not applied"), "\(run.stderr)")
  }

  @Test func overlaysSelectOnTheNodePoolAndItsTemplateLabels() throws {
    let blue = nodePool("blue", labels: "{team: blue}")
    let green = nodePool("green", labels: "{team: green}")
    let overlay = Self.overlay(
      "blue-discount", requirements: "[{key: team, operator: In, values: [blue]}]", price: "0.01")
    let r = try simulate(
      Self.gated(), blue, green, overlay,
      pod("on-blue", cpu: "1", spec: "nodeSelector: {karpenter.sh/nodepool: blue}"),
      pod("on-green", cpu: "1", spec: "nodeSelector: {karpenter.sh/nodepool: green}"))
    #expect(r.node(of: "on-blue")?.pricePerHour == 0.01)
    #expect(r.node(of: "on-green")?.instanceType == "a")
    #expect(r.node(of: "on-green")?.pricePerHour == 0.1)
  }

  @Test func anExistingManagedNodeIsPricedWithItsNodePoolsOverlays() throws {
    let r = try simulate(
      Self.gated(), nodePool(), Self.overlay("savings-plan", price: "0.07"),
      managedNode("existing", type: "b", cpu: "2", memory: "4Gi"), pod("pinned", spec: "nodeName: existing"))
    #expect(r.node(of: "pinned")?.name == "existing")
    #expect(r.node(named: "existing")?.pricePerHour == 0.07)
  }

  // MARK: Capacity

  @Test func aCapacityOverlayLetsExtendedResourcePodsScheduleOnTheSelectedTypesOnly() throws {
    let overlay = Self.overlay("fuse", capacity: "{example.com/fuse: \"2\"}")
    let r = try simulate(
      Self.gated(), nodePool(), overlay,
      deployment("mount", replicas: 2, cpu: "100m", extra: ["example.com/fuse": "1"]),
      pod("plain", cpu: "1900m"),
      pod("greedy", cpu: "100m", extra: ["example.com/fuse": "3"]))
    #expect(r.node(of: "mount-0")?.instanceType == "b")
    #expect(r.node(of: "mount-0")?.name == r.node(of: "mount-1")?.name)
    #expect(r.node(of: "mount-0")?.allocatable["example.com/fuse"] == "2")
    // Pods without the resource still go to the cheaper type, which has none.
    #expect(r.node(of: "plain")?.instanceType == "a")
    #expect(r.node(of: "plain")?.allocatable["example.com/fuse"] == nil)
    #expect(r.pendingNames == ["default/greedy"])
    #expect(r.pending("greedy")?.reason.contains("example.com/fuse") == true, "\(r.pendingPods)")
  }

  @Test func capacityReplacesWhatTheTypeReportsAndTheHigherWeightWinsPerResource() throws {
    let types = [
      instanceType("gpu", cpu: "8", extra: ["nvidia.com/gpu": "1"], offerings: ["zone-a:on-demand:1.0"])
    ]
    let all = "[{key: node.kubernetes.io/instance-type, operator: Exists}]"
    let slices = Self.overlay("slices", requirements: all, capacity: "{nvidia.com/gpu: \"4\"}", weight: 20)
    let both = Self.overlay(
      "both", requirements: all, capacity: "{nvidia.com/gpu: \"2\", example.com/nic: \"1\"}", weight: 10)
    let r = try simulate(
      Self.gated(types), nodePool(), slices, both,
      deployment("train", replicas: 4, cpu: "100m", extra: ["nvidia.com/gpu": "1"]))
    #expect(r.pendingPods.isEmpty)
    #expect(r.nodes.count == 1)
    #expect(r.nodes.first?.allocatable["nvidia.com/gpu"] == "4")
    #expect(r.nodes.first?.allocatable["example.com/nic"] == "1")
  }

  @Test func nodePoolLimitsCountTheOverlaidResourcesOfLaunchedNodes() throws {
    let overlay = Self.overlay("fuse", capacity: "{example.com/fuse: \"2\"}")
    let r = try simulate(
      Self.gated(), nodePool(limits: "{example.com/fuse: \"2\"}"), overlay,
      deployment("mount", replicas: 4, cpu: "100m", extra: ["example.com/fuse": "1"]))
    #expect(r.nodes.count == 1, "\(r.nodes.map(\.name))")
    #expect(r.nodes.first?.pods.count == 2)
    #expect(r.pendingPods.count == 2)
  }

  // MARK: The gate and the timeline

  @Test func withoutTheGateOverlaysAreIgnoredWithAWarning() throws {
    let run = try simulateRun([
      Self.gated(gate: false), nodePool(), Self.overlay("savings-plan", price: "0.05"), pod("web", cpu: "1"),
    ])
    #expect(run.result.node(of: "web")?.instanceType == "a")
    #expect(run.result.node(of: "web")?.pricePerHour == 0.1)
    #expect(run.stderr.contains("document 3 (NodeOverlay \"savings-plan\"), line "), "\(run.stderr)")
    #expect(
      run.stderr.contains(
        ": warning: ignored: the NodeOverlay feature gate is off (set spec.featureGates.nodeOverlay: true in the Scenario to apply it)"
      ), "\(run.stderr)")
  }

  @Test func anOverlayAppliedByTheTimelinePricesLaterLaunches() throws {
    let timeline =
      scenario(
        types: Self.types,
        timeline: [
          step("10m", apply: [Self.overlay("savings-plan", price: "0.05"), pod("late", cpu: "1500m")]),
          step(
            "30m", apply: [pod("last", cpu: "1500m")], delete: ["{kind: NodeOverlay, name: savings-plan}"]),
        ]) + "  featureGates: {nodeOverlay: true}\n"
    // WhenEmpty: consolidation would otherwise move the bare pods onto the cheaper overlaid type.
    let r = try simulate(
      timeline, nodePool(disruption: "{consolidationPolicy: WhenEmpty}"), pod("early", cpu: "1500m"))
    #expect(r.node(of: "early")?.instanceType == "a")
    #expect(r.node(of: "late")?.instanceType == "b")
    #expect(r.node(of: "late")?.pricePerHour == 0.05)
    // Deleted at 30m: the next launch is back to the catalog's prices.
    #expect(r.node(of: "last")?.instanceType == "a")
    #expect(r.node(of: "last")?.pricePerHour == 0.1)
  }

  @Test func aTimelineOverlayWithoutTheGateIsIgnoredWithAWarning() throws {
    let timeline = scenario(
      types: Self.types,
      timeline: [step("10m", apply: [Self.overlay("savings-plan", price: "0.05"), pod("late", cpu: "1")])])
    let run = try simulateRun([timeline, nodePool()])
    #expect(run.result.node(of: "late")?.instanceType == "a")
    #expect(run.stderr.contains("warning: ignored: the NodeOverlay feature gate is off"), "\(run.stderr)")
  }
}
