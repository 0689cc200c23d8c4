import Scheduling

/// Karpenter's settings that change what its controllers decide.
public struct KarpenterSettings: Sendable {
  /// How the scheduler packs pods: upstream's first-fit, or cost-aware.
  public var packing: PackingStrategy
  /// The SpotToSpotConsolidation feature gate.
  public var spotToSpotConsolidation: Bool
  /// The StaticCapacity feature gate (NodePools with `replicas`).
  public var staticCapacity: Bool
  /// The Unix time of second 0, for budget schedules (cron in UTC).
  public var epoch: Int64
  /// The provisioner's batch ends once no pod arrived for `batchIdleDuration` seconds, and at
  /// most `batchMaxDuration` seconds after its first pod (upstream's BATCH_IDLE_DURATION, 1s,
  /// and BATCH_MAX_DURATION, 10s).
  public var batchIdleDuration: Double = 1
  public var batchMaxDuration: Double = 10

  public init(
    packing: PackingStrategy = .costAware, spotToSpotConsolidation: Bool = false, staticCapacity: Bool = false,
    epoch: Int64 = 0
  ) {
    self.packing = packing
    self.spotToSpotConsolidation = spotToSpotConsolidation
    self.staticCapacity = staticCapacity
    self.epoch = epoch
  }
}
