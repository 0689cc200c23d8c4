/// Upstream's `ZonalSubnetsForLaunch`: per zone, the subnet with the most free addresses (ties
/// to the smaller id), leaving out subnets recently found full.
public enum ZonalSubnets {
  /// - Parameters:
  ///   - subnets: the class's subnets with their free-address counts (in-flight launches already
  ///     subtracted by the caller, as upstream's tracker does).
  ///   - excluding: subnets a launch just failed on with InsufficientFreeAddressesInSubnet.
  public static func forLaunch(_ subnets: [Subnet], excluding: Set<String> = []) -> [String: Subnet] {
    var result: [String: Subnet] = [:]
    for subnet in subnets where !excluding.contains(subnet.id) {
      if let current = result[subnet.zone],
        (current.availableIPAddressCount, subnet.id) >= (subnet.availableIPAddressCount, current.id)
      {
        continue
      }
      result[subnet.zone] = subnet
    }
    return result
  }
}
