import Foundation

/// What DescribeInstanceTypes says about one type: the fields Karpenter turns into capacity,
/// labels and offerings (see `AWSInstanceTypeFacts` in InstanceCatalogs).
public struct EC2InstanceTypeInfo: Sendable, Hashable {
  public struct GPU: Sendable, Hashable {
    public var name: String
    public var manufacturer: String
    public var count: Int
    public var memoryMiB: Int64

    public init(
      name: String, manufacturer: String, count: Int, memoryMiB: Int64
    ) {
      self.name = name
      self.manufacturer = manufacturer
      self.count = count
      self.memoryMiB = memoryMiB
    }
  }

  /// An inference accelerator or a Neuron device.
  public struct Accelerator: Sendable, Hashable {
    public var name: String
    public var manufacturer: String
    public var count: Int
    /// Neuron cores per device; 0 for `InferenceAcceleratorInfo` entries.
    public var coresPerDevice: Int
    public var isNeuron: Bool

    public init(
      name: String, manufacturer: String, count: Int, coresPerDevice: Int, isNeuron: Bool
    ) {
      self.name = name
      self.manufacturer = manufacturer
      self.count = count
      self.coresPerDevice = coresPerDevice
      self.isNeuron = isNeuron
    }
  }

  public struct NetworkCard: Sendable, Hashable {
    public var index: Int
    public var maximumNetworkInterfaces: Int
    public var baselineBandwidthGbps: Double?
    public var peakBandwidthGbps: Double?
    public var networkPerformance: String?

    public init(
      index: Int, maximumNetworkInterfaces: Int, baselineBandwidthGbps: Double? = nil,
      peakBandwidthGbps: Double? = nil, networkPerformance: String? = nil
    ) {
      self.index = index
      self.maximumNetworkInterfaces = maximumNetworkInterfaces
      self.baselineBandwidthGbps = baselineBandwidthGbps
      self.peakBandwidthGbps = peakBandwidthGbps
      self.networkPerformance = networkPerformance
    }
  }

  public var instanceType: String
  public var currentGeneration: Bool
  public var vCPUs: Int
  public var memoryMiB: Int64
  /// EC2's names: `x86_64`, `arm64`, `i386`, `x86_64_mac`.
  public var architectures: [String]
  public var cpuManufacturer: String?
  public var sustainedClockSpeedGHz: Double?
  /// `nitro`, `xen`, or nil (bare metal).
  public var hypervisor: String?
  public var bareMetal: Bool
  public var gpus: [GPU]
  public var accelerators: [Accelerator]
  public var maximumNetworkInterfaces: Int
  public var defaultNetworkCardIndex: Int
  public var networkCards: [NetworkCard]
  public var ipv4AddressesPerInterface: Int
  public var ipv6Supported: Bool
  public var efaSupported: Bool
  public var maximumEFAInterfaces: Int
  public var networkPerformance: String?
  public var encryptionInTransitSupported: Bool
  public var ebsOptimizedSupport: String?
  public var ebsMaximumBandwidthMbps: Int64?
  public var instanceStorageSupported: Bool
  public var instanceStorageTotalGB: Int64
  /// `required`, `supported`, `unsupported`.
  public var instanceStorageNVMeSupport: String?
  /// `on-demand`, `spot`, `capacity-block`.
  public var supportedUsageClasses: [String]
  /// `supported`, `unsupported`.
  public var nitroEnclavesSupport: String?
  public var burstablePerformanceSupported: Bool
  public var supportedVirtualizationTypes: [String]

  public init(
    instanceType: String, currentGeneration: Bool, vCPUs: Int, memoryMiB: Int64, architectures: [String] = [],
    cpuManufacturer: String? = nil, sustainedClockSpeedGHz: Double? = nil, hypervisor: String? = nil,
    bareMetal: Bool, gpus: [GPU] = [], accelerators: [Accelerator] = [], maximumNetworkInterfaces: Int,
    defaultNetworkCardIndex: Int, networkCards: [NetworkCard] = [], ipv4AddressesPerInterface: Int,
    ipv6Supported: Bool, efaSupported: Bool, maximumEFAInterfaces: Int, networkPerformance: String? = nil,
    encryptionInTransitSupported: Bool, ebsOptimizedSupport: String? = nil,
    ebsMaximumBandwidthMbps: Int64? = nil, instanceStorageSupported: Bool, instanceStorageTotalGB: Int64,
    instanceStorageNVMeSupport: String? = nil, supportedUsageClasses: [String] = [],
    nitroEnclavesSupport: String? = nil, burstablePerformanceSupported: Bool,
    supportedVirtualizationTypes: [String] = []
  ) {
    self.instanceType = instanceType
    self.currentGeneration = currentGeneration
    self.vCPUs = vCPUs
    self.memoryMiB = memoryMiB
    self.architectures = architectures
    self.cpuManufacturer = cpuManufacturer
    self.sustainedClockSpeedGHz = sustainedClockSpeedGHz
    self.hypervisor = hypervisor
    self.bareMetal = bareMetal
    self.gpus = gpus
    self.accelerators = accelerators
    self.maximumNetworkInterfaces = maximumNetworkInterfaces
    self.defaultNetworkCardIndex = defaultNetworkCardIndex
    self.networkCards = networkCards
    self.ipv4AddressesPerInterface = ipv4AddressesPerInterface
    self.ipv6Supported = ipv6Supported
    self.efaSupported = efaSupported
    self.maximumEFAInterfaces = maximumEFAInterfaces
    self.networkPerformance = networkPerformance
    self.encryptionInTransitSupported = encryptionInTransitSupported
    self.ebsOptimizedSupport = ebsOptimizedSupport
    self.ebsMaximumBandwidthMbps = ebsMaximumBandwidthMbps
    self.instanceStorageSupported = instanceStorageSupported
    self.instanceStorageTotalGB = instanceStorageTotalGB
    self.instanceStorageNVMeSupport = instanceStorageNVMeSupport
    self.supportedUsageClasses = supportedUsageClasses
    self.nitroEnclavesSupport = nitroEnclavesSupport
    self.burstablePerformanceSupported = burstablePerformanceSupported
    self.supportedVirtualizationTypes = supportedVirtualizationTypes
  }

  /// Maximum interfaces of the default network card (what the VPC CNI can use).
  public var defaultCardMaximumNetworkInterfaces: Int {
    networkCards.first { $0.index == defaultNetworkCardIndex }?.maximumNetworkInterfaces
      ?? maximumNetworkInterfaces
  }

  static func parse(_ n: XMLNode) -> EC2InstanceTypeInfo {
    let gpus = n.list("gpuInfo", "gpus").map {
      GPU(
        name: $0.string("name") ?? "", manufacturer: $0.string("manufacturer") ?? "",
        count: $0.int("count") ?? 0,
        memoryMiB: Int64($0.int("memoryInfo", "sizeInMiB") ?? 0))
    }
    var accelerators = n.list("neuronInfo", "neuronDevices").map {
      Accelerator(
        name: $0.string("name") ?? "", manufacturer: "AWS", count: $0.int("count") ?? 0,
        coresPerDevice: $0.int("coreInfo", "count") ?? 0, isNeuron: true)
    }
    if accelerators.isEmpty {
      accelerators = n.list("inferenceAcceleratorInfo", "accelerators").map {
        Accelerator(
          name: $0.string("name") ?? "", manufacturer: $0.string("manufacturer") ?? "",
          count: $0.int("count") ?? 0, coresPerDevice: 0, isNeuron: false)
      }
    }
    let cards = n.list("networkInfo", "networkCards").map {
      NetworkCard(
        index: $0.int("networkCardIndex") ?? 0,
        maximumNetworkInterfaces: $0.int("maximumNetworkInterfaces") ?? 0,
        baselineBandwidthGbps: $0.double("baselineBandwidthInGbps"),
        peakBandwidthGbps: $0.double("peakBandwidthInGbps"),
        networkPerformance: $0.string("networkPerformance"))
    }
    return EC2InstanceTypeInfo(
      instanceType: n.string("instanceType") ?? "", currentGeneration: n.bool("currentGeneration") ?? false,
      vCPUs: n.int("vCpuInfo", "defaultVCpus") ?? 0, memoryMiB: Int64(n.int("memoryInfo", "sizeInMiB") ?? 0),
      architectures: n.strings("processorInfo", "supportedArchitectures"),
      cpuManufacturer: n.string("processorInfo", "manufacturer"),
      sustainedClockSpeedGHz: n.double("processorInfo", "sustainedClockSpeedInGhz"),
      hypervisor: n.string("hypervisor").flatMap { $0.isEmpty ? nil : $0 },
      bareMetal: n.bool("bareMetal") ?? false,
      gpus: gpus, accelerators: accelerators,
      maximumNetworkInterfaces: n.int("networkInfo", "maximumNetworkInterfaces") ?? 0,
      defaultNetworkCardIndex: n.int("networkInfo", "defaultNetworkCardIndex") ?? 0, networkCards: cards,
      ipv4AddressesPerInterface: n.int("networkInfo", "ipv4AddressesPerInterface") ?? 0,
      ipv6Supported: n.bool("networkInfo", "ipv6Supported") ?? false,
      efaSupported: n.bool("networkInfo", "efaSupported") ?? false,
      maximumEFAInterfaces: n.int("networkInfo", "efaInfo", "maximumEfaInterfaces") ?? 0,
      networkPerformance: n.string("networkInfo", "networkPerformance"),
      encryptionInTransitSupported: n.bool("networkInfo", "encryptionInTransitSupported") ?? false,
      ebsOptimizedSupport: n.string("ebsInfo", "ebsOptimizedSupport"),
      ebsMaximumBandwidthMbps: n.int("ebsInfo", "ebsOptimizedInfo", "maximumBandwidthInMbps").map(Int64.init),
      instanceStorageSupported: n.bool("instanceStorageSupported") ?? false,
      instanceStorageTotalGB: Int64(n.int("instanceStorageInfo", "totalSizeInGB") ?? 0),
      instanceStorageNVMeSupport: n.string("instanceStorageInfo", "nvmeSupport"),
      supportedUsageClasses: n.strings("supportedUsageClasses"),
      nitroEnclavesSupport: n.string("nitroEnclavesSupport"),
      burstablePerformanceSupported: n.bool("burstablePerformanceSupported") ?? false,
      supportedVirtualizationTypes: n.strings("supportedVirtualizationTypes"))
  }
}

extension EC2Client {
  /// All instance types, or those named, with every page followed.
  public func describeInstanceTypes(_ types: [String] = [], filters: [EC2Filter] = []) async throws
    -> [EC2InstanceTypeInfo]
  {
    try await collectPages { token in
      var p = QueryParameters()
      p.set(list: "InstanceType", types)
      p.set(filters: filters)
      if types.isEmpty { p.set("MaxResults", 100) }
      p.set("NextToken", token)
      let root = try await query.call("DescribeInstanceTypes", p)
      return (root.list("instanceTypeSet").map(EC2InstanceTypeInfo.parse), root.string("nextToken"))
    }
  }
}
