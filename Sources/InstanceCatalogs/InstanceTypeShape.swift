/// An instance type as a scheduler sees it, in plain values: what it offers, what the node keeps
/// for itself, which labels a node of this type carries, and where and at what price it can run.
///
/// Resource maps use base units: `cpu` in millicores, `memory` and `ephemeral-storage` in bytes,
/// everything else (`pods`, `nvidia.com/gpu`, `pid`, ...) as a plain count.
public struct AWSInstanceTypeShape: Sendable, Hashable {
  public var name: String
  /// The labels a node of this type carries whatever offering it was launched from: instance
  /// type, architecture, OS, region and the provider's instance-* labels. Zone and capacity type
  /// vary per offering and are in ``zones`` and ``capacityTypes`` instead.
  public var labels: [String: String]
  /// `cpu`, `memory`, `ephemeral-storage` and `pods` always; extended resources (GPUs, Neuron,
  /// EFA) only when the type has them.
  public var capacity: [String: Int64]
  /// The sum of ``kubeReserved``, ``systemReserved`` and ``evictionThreshold``.
  public var overhead: [String: Int64]
  public var kubeReserved: [String: Int64]
  public var systemReserved: [String: Int64]
  public var evictionThreshold: [String: Int64]
  /// Zones offering the type, sorted.
  public var zones: [String]
  /// `on-demand` and/or `spot`, in that order.
  public var capacityTypes: [String]
  /// USD per hour.
  public var onDemandPrice: Double
  /// Spot price per zone, USD per hour; empty when the type has no spot capacity.
  public var spotPrices: [String: Double]

  public init(
    name: String, labels: [String: String], capacity: [String: Int64],
    kubeReserved: [String: Int64] = [:], systemReserved: [String: Int64] = [:],
    evictionThreshold: [String: Int64] = [:], zones: [String], capacityTypes: [String],
    onDemandPrice: Double, spotPrices: [String: Double]
  ) {
    self.name = name
    self.labels = labels
    self.capacity = capacity
    self.kubeReserved = kubeReserved
    self.systemReserved = systemReserved
    self.evictionThreshold = evictionThreshold
    self.overhead = kubeReserved.merging(systemReserved, uniquingKeysWith: +)
      .merging(evictionThreshold, uniquingKeysWith: +)
    self.zones = zones
    self.capacityTypes = capacityTypes
    self.onDemandPrice = onDemandPrice
    self.spotPrices = spotPrices
  }

  /// Capacity minus overhead for each resource in ``capacity``, as upstream's
  /// `resources.Subtract(capacity, overhead.Total())`; may be negative for absurd overrides.
  public var allocatable: [String: Int64] {
    capacity.reduce(into: [:]) { result, entry in
      result[entry.key] = entry.value - (overhead[entry.key] ?? 0)
    }
  }
}

/// The same shape for any provider (the kwok catalog uses it too).
public typealias InstanceTypeShape = AWSInstanceTypeShape

/// Resource names used in the shape maps.
public enum ResourceNames {
  public static let cpu = "cpu"
  public static let memory = "memory"
  public static let ephemeralStorage = "ephemeral-storage"
  public static let pods = "pods"
  public static let nvidiaGPU = "nvidia.com/gpu"
  public static let amdGPU = "amd.com/gpu"
  public static let awsNeuron = "aws.amazon.com/neuron"
  public static let awsNeuronCore = "aws.amazon.com/neuroncore"
  public static let habanaGaudi = "habana.ai/gaudi"
  public static let efa = "vpc.amazonaws.com/efa"
}
