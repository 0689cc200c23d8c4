import KubernetesAPI

/// Which resource each slot of a ``Resources`` vector holds. The first four are fixed; up to
/// four extended resources (GPUs, Neuron cores, ...) get the remaining slots in the order
/// they are first seen, so one run's vectors all agree.
public struct ResourceSchema: Sendable {
  public static let cpu = 0
  public static let memory = 1
  public static let pods = 2
  public static let ephemeralStorage = 3
  public static let slotCount = 16

  public private(set) var names: [String] = [
    ResourceName.cpu, ResourceName.memory, ResourceName.pods, ResourceName.ephemeralStorage,
  ]
  private var index: [String: Int] = [
    ResourceName.cpu: 0, ResourceName.memory: 1, ResourceName.pods: 2,
    ResourceName.ephemeralStorage: 3,
  ]

  public init() {}

  public struct TooManyResources: Error, CustomStringConvertible {
    public var name: String
    public var description: String {
      "cannot track resource \"\(name)\": at most \(ResourceSchema.slotCount - 4) extended resource names (besides cpu, memory, pods and ephemeral-storage) are supported in one run"
    }
  }

  /// The slot of `name`, registering it when new.
  public mutating func slot(for name: String) throws -> Int {
    if let i = index[name] { return i }
    guard names.count < Self.slotCount else { throw TooManyResources(name: name) }
    index[name] = names.count
    names.append(name)
    return names.count - 1
  }

  public func existingSlot(for name: String) -> Int? { index[name] }

  /// A vector from a resource list: cpu in millicores, everything else in whole units
  /// (bytes, pods, devices), rounded up as Kubernetes does.
  public mutating func vector(_ list: ResourceList) throws -> Resources {
    var r = Resources()
    for (name, quantity) in list {
      let i = try slot(for: name)
      r[i] = i == Self.cpu ? quantity.milliValue : quantity.value
    }
    return r
  }

  /// A vector from amounts already in base units (cpu in millicores, the rest whole units).
  public mutating func vector(baseUnits: [String: Int64]) throws -> Resources {
    var r = Resources()
    for (name, amount) in baseUnits { r[try slot(for: name)] = amount }
    return r
  }

  /// The resource list a vector stands for, for output; zero entries are left out except cpu,
  /// memory and pods.
  public func list(_ r: Resources) -> ResourceList {
    var out: ResourceList = [:]
    for (i, name) in names.enumerated() {
      let v = r[i]
      if v == 0 && i > Self.pods { continue }
      switch i {
      case Self.cpu: out[name] = Quantity(milli: v)
      case Self.memory, Self.ephemeralStorage: out[name] = Quantity(v, format: .binarySI)
      default: out[name] = Quantity(v)
      }
    }
    return out
  }
}

/// Amounts of every tracked resource, in the units of ``ResourceSchema``; arithmetic and
/// comparison are a few vector instructions, which is what the packing loop needs.
public struct Resources: Hashable, Sendable {
  public var values: SIMD16<Int64>

  public init() { values = .zero }
  public init(_ values: SIMD16<Int64>) { self.values = values }

  public init(cpuMilli: Int64 = 0, memory: Int64 = 0, pods: Int64 = 0, ephemeralStorage: Int64 = 0) {
    values = SIMD16(cpuMilli, memory, pods, ephemeralStorage, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  }

  public subscript(_ slot: Int) -> Int64 {
    get { values[slot] }
    set { values[slot] = newValue }
  }

  public var cpuMilli: Int64 { values[ResourceSchema.cpu] }
  public var memory: Int64 { values[ResourceSchema.memory] }
  public var pods: Int64 { values[ResourceSchema.pods] }

  public static let zero = Resources()

  @inline(__always)
  public static func + (a: Resources, b: Resources) -> Resources { Resources(a.values &+ b.values) }
  @inline(__always)
  public static func - (a: Resources, b: Resources) -> Resources { Resources(a.values &- b.values) }
  public static func += (a: inout Resources, b: Resources) { a.values &+= b.values }
  public static func -= (a: inout Resources, b: Resources) { a.values &-= b.values }

  /// True when every amount is at most the one in `capacity`.
  @inline(__always)
  public func fits(in capacity: Resources) -> Bool {
    all(values .<= capacity.values)
  }

  /// The larger amount, slot by slot.
  public func maximum(_ other: Resources) -> Resources {
    Resources(values.lanewiseMax(other.values))
  }

  /// True when some amount is negative.
  public var hasNegative: Bool { any(values .< 0) }

  /// The slots where `self` exceeds `capacity`.
  public func exceeding(_ capacity: Resources) -> [Int] {
    (0..<ResourceSchema.slotCount).filter { values[$0] > capacity.values[$0] }
  }
}

extension Bitset {
  /// The largest of `values` at this set's positions, lane by lane (`floor` where it has none):
  /// the most any of a NodeClaim's instance types offers or reserves.
  func largest(of values: [Resources], floor: Int64 = 0) -> Resources {
    var largest = SIMD16<Int64>(repeating: floor)
    forEach { largest = largest.lanewiseMax(values[$0].values) }
    return Resources(largest)
  }
}

extension SIMD16 where Scalar == Int64 {
  /// The larger amount, lane by lane; inlined where the standard library's generic
  /// `pointwiseMax` is an out-of-line call (the scheduler takes it over every instance type).
  @inline(__always)
  func lanewiseMax(_ other: Self) -> Self { replacing(with: other, where: other .> self) }
}
