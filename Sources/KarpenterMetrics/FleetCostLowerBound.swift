import Controllers
import Scheduling

/// A lower bound on the hourly cost of any fleet that hosts the pods Karpenter is responsible
/// for: those on its nodes and those pending. For each resource, the pods' summed requests
/// priced at the cheapest dollars per unit any instance type's available offering sells; no
/// fleet can cost less than the largest of these, whatever packer built it. The bound ignores
/// DaemonSet overhead, topology and affinity, which only raise the true optimum, so the gap
/// between `karpenter_fleet_cost_dollars_per_hour` and this bounds how far the fleet is from the
/// cheapest possible. (`tools/cost_lower_bound.py` solves the tighter linear program offline.)
public enum FleetCostLowerBound {
  public static func dollarsPerHour(_ store: ClusterStore) -> Double {
    var demand = Resources()
    for pod in store.pods.values where !pod.isDaemon {
      if let node = pod.node {
        guard store[node: node]?.nodePool != nil else { continue }
      } else if pod.pendingReason.map({ !$0.isSchedulable }) ?? false {
        continue
      }
      demand += pod.requests
    }
    var cheapest = [Double](repeating: .infinity, count: ResourceSchema.slotCount)
    for type in store.instanceTypes.all {
      guard let price = type.offerings.filter(\.available).map(\.price).min(), price >= 0 else { continue }
      let allocatable = type.allocatable
      for slot in 0..<ResourceSchema.slotCount where allocatable[slot] > 0 {
        cheapest[slot] = min(cheapest[slot], price / Double(allocatable[slot]))
      }
    }
    var bound = 0.0
    for slot in 0..<ResourceSchema.slotCount where demand[slot] > 0 && cheapest[slot].isFinite {
      bound = max(bound, Double(demand[slot]) * cheapest[slot])
    }
    return bound
  }
}
