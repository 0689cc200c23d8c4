/// Resource names the controllers reason about.
public enum ResourceName {
  public static let cpu = "cpu"
  public static let memory = "memory"
  public static let pods = "pods"
  public static let ephemeralStorage = "ephemeral-storage"
  public static let nvidiaGPU = "nvidia.com/gpu"
  public static let amdGPU = "amd.com/gpu"
}

/// A map from resource name to quantity, as in `resources.requests` or `status.allocatable`.
public typealias ResourceList = [String: Quantity]

extension Dictionary where Key == String, Value == Quantity {
  /// The sum of two lists, resource by resource.
  public static func + (lhs: ResourceList, rhs: ResourceList) -> ResourceList {
    var out = lhs
    for (name, q) in rhs { out[name] = (out[name] ?? .zero) + q }
    return out
  }

  /// The larger of two lists, resource by resource.
  public func maxMerged(with other: ResourceList) -> ResourceList {
    var out = self
    for (name, q) in other where q > (out[name] ?? .zero) { out[name] = q }
    return out
  }

  /// True when every resource of `self` fits in `capacity` (absent counts as zero).
  public func fits(in capacity: ResourceList) -> Bool {
    allSatisfy { name, q in q <= (capacity[name] ?? .zero) }
  }
}
