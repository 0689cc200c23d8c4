import Scheduling

/// Upstream's in-flight IP accounting of the subnet provider (`ZonalSubnetsForLaunch`,
/// `UpdateInflightIPs`, `UpdateICEdSubnet`) as a value the provider owns: each launch
/// provisionally takes, in each zone's chosen subnet, as many addresses as the smallest pod limit
/// among the instance types that could land there, so that concurrent launches spread over
/// subnets before DescribeSubnets reports the addresses used; the subnets the fleet did not
/// launch into get theirs back.
public struct SubnetIPTracker: Sendable, Hashable {
  /// Subnet id → the free addresses believed left.
  public private(set) var inflight: [String: Int] = [:]

  public init() {}

  /// The subnet per zone for one launch, judged on the in-flight counts, with each chosen
  /// subnet's count reduced by `predictedIPs(zone)`.
  public mutating func forLaunch(
    _ subnets: [Subnet], excluding: Set<String> = [], predictedIPs: (String) -> Int
  ) -> [String: Subnet] {
    var believed = subnets
    for i in believed.indices {
      if let count = inflight[believed[i].id] { believed[i].availableIPAddressCount = count }
    }
    let chosen = ZonalSubnets.forLaunch(believed, excluding: excluding)
    for (zone, subnet) in chosen {
      inflight[subnet.id] = subnet.availableIPAddressCount - predictedIPs(zone)
    }
    return chosen
  }

  /// After the fleet answered: every chosen subnet but the one launched into gets its
  /// addresses back.
  public mutating func settle(
    chosen: [String: Subnet], launchedSubnetID: String?, predictedIPs: (String) -> Int
  ) {
    for (zone, subnet) in chosen where subnet.id != launchedSubnetID {
      if let count = inflight[subnet.id] { inflight[subnet.id] = count + predictedIPs(zone) }
    }
  }

  /// A subnet EC2 found full: its tracking ends (the next description is the truth).
  public mutating func subnetFull(_ id: String) { inflight[id] = nil }

  /// Fresh counts arrived from DescribeSubnets: nothing is in flight any more.
  public mutating func reset() { inflight = [:] }

  /// The smallest pod limit among `types` with an available offering of `capacityType` in
  /// `zone`: the addresses a launch there needs at least (upstream's `minPods`).
  public static func minPods(_ types: [InstanceType], zone: String, capacityType: String) -> Int {
    let pods = types.filter { t in
      t.offerings.contains { $0.available && $0.zone == zone && $0.capacityType == capacityType }
    }.map { Int($0.capacity.pods) }
    return pods.min() ?? 0
  }
}
