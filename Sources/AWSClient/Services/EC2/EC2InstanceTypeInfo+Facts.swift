/// The derived figures Karpenter's instance-type facts use, computed the way upstream does.
extension EC2InstanceTypeInfo {
  /// Kubernetes names of the architectures (`x86_64` → `amd64`, `arm64` → `arm64`), EC2's order;
  /// others (`i386`, `x86_64_mac`) are dropped.
  public var kubernetesArchitectures: [String] {
    architectures.compactMap { ["x86_64": "amd64", "arm64": "arm64"][$0] }
  }

  /// Sustained clock speed in MHz.
  public var sustainedClockSpeedMHz: Int? {
    sustainedClockSpeedGHz.map { Int(($0 * 1000).rounded()) }
  }

  /// Sum of the network cards' baseline bandwidth in Mbps; nil when a card has no figure.
  public var baselineBandwidthMbps: Int64? {
    guard !networkCards.isEmpty else { return nil }
    var total: Int64 = 0
    for card in networkCards {
      guard let gbps = card.baselineBandwidthGbps else { return nil }
      total += Int64((gbps * 1000).rounded())
    }
    return total
  }

  /// The first GPU entry (EC2 lists one per model; types carry one model).
  public var gpu: GPU? { gpus.first }

  /// The first accelerator entry, Neuron devices first.
  public var accelerator: Accelerator? { accelerators.first }
}
