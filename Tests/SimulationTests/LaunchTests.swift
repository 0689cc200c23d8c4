import Foundation
import Testing

/// The simulated cloud's launch decision: spot first when allowed, then the cheapest offering,
/// ties to the instance type then the zone that sorts first; unavailable offerings skipped.
@Suite struct LaunchTests {
  @Test func spotIsChosenOverACheaperOnDemandOfferingWhenThePoolAllowsSpot() throws {
    let types = scenario(types: [
      instanceType("od-cheap", cpu: "4", offerings: ["zone-a:on-demand:0.05"]),
      instanceType("spot-type", cpu: "4", offerings: ["zone-a:spot:0.2"]),
    ])
    let r = try simulate(
      types,
      nodePool(requirements: "[{key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand]}]"),
      pod("p"))
    #expect(r.node(of: "p")?.capacityType == "spot")
    #expect(r.node(of: "p")?.instanceType == "spot-type")
    #expect(r.node(of: "p")?.pricePerHour == 0.2)
  }

  @Test func sameTypeLaunchesAsSpotEvenWhenOnDemandIsCheaper() throws {
    let types = scenario(types: [
      instanceType("std", cpu: "4", offerings: ["zone-a:on-demand:0.1", "zone-a:spot:0.3"])
    ])
    let r = try simulate(types, nodePool(), pod("p"))
    #expect(r.node(of: "p")?.capacityType == "spot")
    #expect(r.node(of: "p")?.labels["karpenter.sh/capacity-type"] == "spot")
  }

  @Test func onDemandOnlyPoolLaunchesOnDemandEvenWhenSpotIsCheaper() throws {
    let types = scenario(types: [
      instanceType("std", cpu: "4", offerings: ["zone-a:on-demand:0.1", "zone-a:spot:0.03"])
    ])
    let r = try simulate(
      types, nodePool(requirements: "[{key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}]"),
      pod("p"))
    #expect(r.node(of: "p")?.capacityType == "on-demand")
    #expect(r.node(of: "p")?.pricePerHour == 0.1)
  }

  @Test func podRequiringOnDemandGetsOnDemand() throws {
    let types = scenario(types: [
      instanceType("std", cpu: "4", offerings: ["zone-a:on-demand:0.1", "zone-a:spot:0.03"])
    ])
    let r = try simulate(
      types, nodePool(), pod("p", spec: "nodeSelector: {karpenter.sh/capacity-type: on-demand}"))
    #expect(r.node(of: "p")?.capacityType == "on-demand")
  }

  @Test func cheapestSpotOfferingAcrossTypesAndZones() throws {
    let types = scenario(types: [
      instanceType("a-type", cpu: "4", offerings: ["zone-a:spot:0.3", "zone-b:spot:0.12"]),
      instanceType("b-type", cpu: "4", offerings: ["zone-a:spot:0.11", "zone-b:spot:0.2"]),
    ])
    let r = try simulate(types, nodePool(), pod("p"))
    #expect(r.node(of: "p")?.instanceType == "b-type")
    #expect(r.node(of: "p")?.zone == "zone-a")
  }

  @Test func equalPricesGoToTheInstanceTypeThatSortsFirst() throws {
    let types = scenario(types: [
      instanceType("zeta", cpu: "4", offerings: ["zone-a:on-demand:0.1"]),
      instanceType("alpha", cpu: "4", offerings: ["zone-b:on-demand:0.1"]),
    ])
    let r = try simulate(types, nodePool(), pod("p"))
    // The type decides before the zone.
    #expect(r.node(of: "p")?.instanceType == "alpha")
    #expect(r.node(of: "p")?.zone == "zone-b")
  }

  @Test func equalPricesWithinATypeGoToTheZoneThatSortsFirst() throws {
    let types = scenario(types: [
      instanceType("std", cpu: "4", offerings: ["zone-c:on-demand:0.1", "zone-b:on-demand:0.1"])
    ])
    let r = try simulate(types, nodePool(), pod("p"))
    #expect(r.node(of: "p")?.zone == "zone-b")
  }

  @Test func unavailableOfferingsAreNeverLaunched() throws {
    let types = scenario(types: [
      instanceType(
        "std", cpu: "4",
        offerings: ["zone-a:spot:0.01:false", "zone-a:on-demand:0.05:false", "zone-b:on-demand:0.2"])
    ])
    let r = try simulate(types, nodePool(), pod("p"))
    #expect(r.node(of: "p")?.zone == "zone-b")
    #expect(r.node(of: "p")?.capacityType == "on-demand")
  }

  @Test func offeringsTheCloudDoesNotSellStayUnavailableAfterATimelineEntry() throws {
    // Before issue 9 a timeline entry refreshed Karpenter's view from the launch-failure cache
    // alone, so an offering the Scenario marks unavailable became launchable afterwards.
    let types = scenario(
      types: [
        instanceType(
          "std", cpu: "4",
          offerings: ["zone-a:spot:0.01:false", "zone-a:on-demand:0.05:false", "zone-b:on-demand:0.2"])
      ],
      timeline: [step("1m", apply: [pod("late", cpu: "3")])])
    let r = try simulate(types, nodePool(), pod("p", cpu: "3"))
    #expect(r.node(of: "late")?.zone == "zone-b")
    #expect(r.node(of: "late")?.capacityType == "on-demand")
  }

  @Test func scenarioZonesRestrictTheOfferings() throws {
    let types = scenario(
      types: [instanceType("std", cpu: "4", offerings: ["zone-a:on-demand:0.1", "zone-b:on-demand:0.2"])],
      zones: ["zone-b"])
    let r = try simulate(types, nodePool(), pod("p"))
    #expect(r.node(of: "p")?.zone == "zone-b")
  }

  @Test func launchedNodeCarriesTheWellKnownLabels() throws {
    let types = scenario(types: [
      instanceType(
        "std", cpu: "4", labels: ["kubernetes.io/arch": "arm64"], offerings: ["zone-a:on-demand:0.1"])
    ])
    let r = try simulate(types, nodePool(labels: "{team: blue}"), pod("p"))
    let node = try #require(r.node(of: "p"))
    #expect(node.labels["karpenter.sh/nodepool"] == "default")
    #expect(node.labels["node.kubernetes.io/instance-type"] == "std")
    #expect(node.labels["topology.kubernetes.io/zone"] == "zone-a")
    #expect(node.labels["karpenter.sh/capacity-type"] == "on-demand")
    #expect(node.labels["kubernetes.io/hostname"] == node.name)
    #expect(node.labels["kubernetes.io/arch"] == "arm64")
    #expect(node.labels["kubernetes.io/os"] == "linux")
    #expect(node.labels["team"] == "blue")
  }
}
