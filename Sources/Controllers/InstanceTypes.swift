import Scheduling

/// The instance types Karpenter may launch, as its cloud provider reports them (upstream's
/// `GetInstanceTypes(nodePool)`): one list, each NodePool pointing at the ones it may use (a
/// NodePool's own copies carry its NodeOverlays and its EC2NodeClass's kubelet settings), and
/// each offering marked available or not.
public struct InstanceTypes: Sendable {
  public var all: [InstanceType]
  /// Which of `all` each NodePool may launch; a NodePool not listed may launch any.
  public var indicesByNodePool: [String: [Int]]

  public init(all: [InstanceType] = [], indicesByNodePool: [String: [Int]] = [:]) {
    self.all = all
    self.indicesByNodePool = indicesByNodePool
  }

  /// The instance type of that name as the NodePool sees it (with its NodeOverlays), else as the
  /// cloud sells it.
  public func instanceType(named name: String, nodePool: String?) -> InstanceType? {
    if let indices = nodePool.flatMap({ indicesByNodePool[$0] }),
      let index = indices.first(where: { all[$0].name == name })
    {
      return all[index]
    }
    return all.first { $0.name == name }
  }

  /// Marks each offering available when the cloud offers it (`cloud`, the same types in the
  /// same order) and `unavailable` does not hold its key. Returns whether any offering changed,
  /// so that a store write happens only for a real change.
  public mutating func markAvailability(from cloud: [InstanceType], unavailable: Set<OfferingKey>) -> Bool {
    var changed = false
    for t in all.indices {
      for o in all[t].offerings.indices {
        let offering = all[t].offerings[o]
        let available =
          cloud[t].offerings[o].available
          && !unavailable.contains(OfferingKey(all[t], offering))
        if offering.available != available {
          all[t].offerings[o].available = available
          changed = true
        }
      }
    }
    return changed
  }
}
