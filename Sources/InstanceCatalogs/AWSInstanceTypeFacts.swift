/// What EC2's DescribeInstanceTypes, DescribeInstanceTypeOfferings and the price list say about one
/// instance type, as plain values: one row of ``AWSInstanceTypeData``.
///
/// No Karpenter arithmetic is applied here; ``AWSInstanceTypes/shape(for:kubelet:amiFamily:options:pricing:)``
/// turns the facts into capacity, overhead and labels the way upstream's AWS provider does.
public struct AWSInstanceTypeFacts: Sendable, Hashable {
  /// How an accelerator other than a GPU is described.
  public enum AcceleratorKind: String, Sendable, Hashable {
    /// `NeuronInfo` (Inferentia, Trainium): exposes `aws.amazon.com/neuron` and `neuroncore`.
    case neuron
    /// `InferenceAcceleratorInfo` without `NeuronInfo`: labels only.
    case inference
  }

  /// `m5.large`.
  public var name: String
  /// `m5`; empty when the name does not have exactly one dot.
  public var family: String
  /// `m`; empty when upstream's instance-category pattern does not match.
  public var category: String
  /// `5`; nil when upstream's instance-category pattern does not match.
  public var generation: Int?
  /// `large`; empty when the name does not have exactly one dot.
  public var size: String
  public var vCPUs: Int
  public var memoryMiB: Int64
  /// Supported architectures as Kubernetes names (`amd64`, `arm64`), in EC2's order.
  public var architectures: [String]
  /// `nitro`, `xen`, or empty (bare metal).
  public var hypervisor: String
  public var bareMetal: Bool
  /// As EC2 publishes it: `Intel`, `AMD`, `AWS`.
  public var cpuManufacturer: String
  /// Sustained clock speed in MHz, nil when EC2 does not publish it.
  public var cpuSustainedClockSpeedMHz: Int?
  /// As EC2 publishes it (`A100`, `Radeon Pro V520`); nil without a GPU.
  public var gpuName: String?
  /// `NVIDIA`, `AMD`, `Habana`; nil without a GPU.
  public var gpuManufacturer: String?
  public var gpuCount: Int
  /// Memory of one GPU in MiB.
  public var gpuMemoryMiB: Int64
  public var acceleratorKind: AcceleratorKind?
  /// `Inferentia2`, `Trainium`; nil without an accelerator.
  public var acceleratorName: String?
  /// `AWS` for Neuron devices.
  public var acceleratorManufacturer: String?
  public var acceleratorCount: Int
  /// Neuron cores per device; 0 unless ``acceleratorKind`` is `.neuron`.
  public var neuronCoresPerDevice: Int
  /// Sum of the network cards' baseline bandwidth in Mbps; nil when EC2 gives only a vague figure.
  public var networkBandwidthMbps: Int64?
  /// `default`, `supported` or `unsupported`.
  public var ebsOptimizedSupport: String
  /// Maximum EBS bandwidth in Mbps; nil when the type has no EBS-optimized figures.
  public var ebsBandwidthMbps: Int64?
  /// Total instance-store size in decimal GB; 0 without instance storage.
  public var instanceStorageGB: Int64
  /// Instance-store NVMe support: `required`, `supported`, `unsupported`, or empty.
  public var instanceStorageNVMe: String
  public var encryptionInTransitSupported: Bool
  public var nitroEnclavesSupported: Bool
  /// Maximum network interfaces of the default network card (what the VPC CNI uses).
  public var maximumENIs: Int
  public var ipv4AddressesPerENI: Int
  public var efaInterfaces: Int
  /// `on-demand` and/or `spot`, in that order.
  public var usageClasses: [String]
  /// us-east-1 zones offering the type, sorted (`us-east-1a` ...).
  public var zones: [String]
  /// Published on-demand Linux price, USD per hour.
  public var onDemandPrice: Double

  /// The first supported architecture, as upstream's `getArchitecture` picks it.
  public var architecture: String { architectures.first ?? "" }

  /// Whether the type has instance-store NVMe that upstream labels as `instance-local-nvme`.
  public var hasLocalNVMe: Bool {
    instanceStorageGB > 0 && instanceStorageNVMe != "unsupported"
  }

  public init(
    name: String, family: String, category: String, generation: Int?, size: String, vCPUs: Int,
    memoryMiB: Int64, architectures: [String], hypervisor: String, bareMetal: Bool,
    cpuManufacturer: String, cpuSustainedClockSpeedMHz: Int?, gpuName: String?,
    gpuManufacturer: String?, gpuCount: Int, gpuMemoryMiB: Int64, acceleratorKind: AcceleratorKind?,
    acceleratorName: String?, acceleratorManufacturer: String?, acceleratorCount: Int,
    neuronCoresPerDevice: Int, networkBandwidthMbps: Int64?, ebsOptimizedSupport: String,
    ebsBandwidthMbps: Int64?, instanceStorageGB: Int64, instanceStorageNVMe: String,
    encryptionInTransitSupported: Bool, nitroEnclavesSupported: Bool, maximumENIs: Int,
    ipv4AddressesPerENI: Int, efaInterfaces: Int, usageClasses: [String], zones: [String],
    onDemandPrice: Double
  ) {
    self.name = name
    self.family = family
    self.category = category
    self.generation = generation
    self.size = size
    self.vCPUs = vCPUs
    self.memoryMiB = memoryMiB
    self.architectures = architectures
    self.hypervisor = hypervisor
    self.bareMetal = bareMetal
    self.cpuManufacturer = cpuManufacturer
    self.cpuSustainedClockSpeedMHz = cpuSustainedClockSpeedMHz
    self.gpuName = gpuName
    self.gpuManufacturer = gpuManufacturer
    self.gpuCount = gpuCount
    self.gpuMemoryMiB = gpuMemoryMiB
    self.acceleratorKind = acceleratorKind
    self.acceleratorName = acceleratorName
    self.acceleratorManufacturer = acceleratorManufacturer
    self.acceleratorCount = acceleratorCount
    self.neuronCoresPerDevice = neuronCoresPerDevice
    self.networkBandwidthMbps = networkBandwidthMbps
    self.ebsOptimizedSupport = ebsOptimizedSupport
    self.ebsBandwidthMbps = ebsBandwidthMbps
    self.instanceStorageGB = instanceStorageGB
    self.instanceStorageNVMe = instanceStorageNVMe
    self.encryptionInTransitSupported = encryptionInTransitSupported
    self.nitroEnclavesSupported = nitroEnclavesSupported
    self.maximumENIs = maximumENIs
    self.ipv4AddressesPerENI = ipv4AddressesPerENI
    self.efaInterfaces = efaInterfaces
    self.usageClasses = usageClasses
    self.zones = zones
    self.onDemandPrice = onDemandPrice
  }
}

// MARK: - Parsing the generated table

extension AWSInstanceTypeFacts {
  /// Parses the generated table. A malformed row is a generator bug, so it stops the process with
  /// the row's name rather than being skipped silently.
  static func parseTable(_ tsv: String, region: String, columnCount: Int) -> [AWSInstanceTypeFacts] {
    var result: [AWSInstanceTypeFacts] = []
    result.reserveCapacity(AWSInstanceTypeData.rowCount)
    for line in tsv.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
      let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
      guard fields.count == columnCount, let facts = Self(row: fields, region: region) else {
        preconditionFailure(
          "AWSInstanceTypeData: malformed row \(String(decoding: line, as: UTF8.self).prefix(40))")
      }
      result.append(facts)
    }
    return result
  }

  private init?(row f: [String], region: String) {
    func int(_ i: Int) -> Int? { Int(f[i]) }
    func int64(_ i: Int) -> Int64? { Int64(f[i]) }
    func optional(_ i: Int) -> String? { f[i].isEmpty ? nil : f[i] }
    func list(_ i: Int) -> [String] { f[i].split(separator: ",").map(String.init) }
    func flag(_ i: Int) -> Bool? {
      switch f[i] {
      case "1": true
      case "0": false
      default: nil
      }
    }
    guard let vCPUs = int(5), let memoryMiB = int64(6), let bareMetal = flag(9),
      let gpuCount = int(14), let gpuMemoryMiB = int64(15), let acceleratorCount = int(19),
      let neuronCores = int(20), let storageGB = int64(24), let encryption = flag(26),
      let enclaves = flag(27), let enis = int(28), let ipv4 = int(29), let efa = int(30),
      let price = Double(f[33])
    else { return nil }
    let kind: AcceleratorKind?
    if f[16].isEmpty {
      kind = nil
    } else {
      guard let k = AcceleratorKind(rawValue: f[16]) else { return nil }
      kind = k
    }
    self.init(
      name: f[0], family: f[1], category: f[2], generation: int(3), size: f[4], vCPUs: vCPUs,
      memoryMiB: memoryMiB, architectures: list(7), hypervisor: f[8], bareMetal: bareMetal,
      cpuManufacturer: f[10], cpuSustainedClockSpeedMHz: int(11), gpuName: optional(12),
      gpuManufacturer: optional(13), gpuCount: gpuCount, gpuMemoryMiB: gpuMemoryMiB,
      acceleratorKind: kind, acceleratorName: optional(17), acceleratorManufacturer: optional(18),
      acceleratorCount: acceleratorCount, neuronCoresPerDevice: neuronCores,
      networkBandwidthMbps: int64(21), ebsOptimizedSupport: f[22], ebsBandwidthMbps: int64(23),
      instanceStorageGB: storageGB, instanceStorageNVMe: f[25],
      encryptionInTransitSupported: encryption, nitroEnclavesSupported: enclaves,
      maximumENIs: enis, ipv4AddressesPerENI: ipv4, efaInterfaces: efa, usageClasses: list(31),
      zones: f[32].map { region + String($0) }, onDemandPrice: price)
  }
}
