import KarpenterAPI
import KubernetesAPI

/// Settings of upstream's AWS provider that change instance-type shapes, besides the kubelet
/// configuration and the AMI family.
public struct AWSShapeOptions: Sendable, Hashable {
  /// `--vm-memory-overhead-percent`: the share of memory the hypervisor keeps; upstream's default.
  public var vmMemoryOverheadPercent: Double
  /// `--reserved-enis`: ENIs kept out of the ENI-limited max-pods figure.
  public var reservedENIs: Int
  /// The EC2NodeClass's `blockDeviceMappings`, which may size the ephemeral-storage volume.
  public var blockDeviceMappings: [BlockDeviceMapping]?
  /// The EC2NodeClass's `instanceStorePolicy`; `RAID0` makes instance storage the ephemeral storage.
  public var instanceStorePolicy: String?

  public init(
    vmMemoryOverheadPercent: Double = 0.075, reservedENIs: Int = 0,
    blockDeviceMappings: [BlockDeviceMapping]? = nil, instanceStorePolicy: String? = nil
  ) {
    self.vmMemoryOverheadPercent = vmMemoryOverheadPercent
    self.reservedENIs = reservedENIs
    self.blockDeviceMappings = blockDeviceMappings
    self.instanceStorePolicy = instanceStorePolicy
  }
}

/// The EC2 instance types of us-east-1 and upstream Karpenter's AWS arithmetic over them
/// (`pkg/providers/instancetype/types.go` of aws/karpenter-provider-aws).
public enum AWSInstanceTypes {
  /// The region the catalog describes.
  public static let region = AWSInstanceTypeData.region

  /// Every instance type in the catalog, sorted by name; parsed on first use.
  public static var all: [AWSInstanceTypeFacts] { Catalog.shared.all }

  /// The facts for one instance type, or nil if the catalog does not have it.
  public static func facts(named name: String) -> AWSInstanceTypeFacts? {
    Catalog.shared.byName[name].map { Catalog.shared.all[$0] }
  }

  /// What upstream's AWS provider computes for one instance type.
  ///
  /// - Parameters:
  ///   - kubelet: the EC2NodeClass's kubelet configuration; `maxPods`, `podsPerCore`,
  ///     `kubeReserved`, `systemReserved` and `evictionHard` are honoured. Reserved values that are
  ///     not quantities (upstream's CEL expressions) are ignored, as upstream does with its
  ///     `NodeClassCEL` gate off.
  ///   - amiFamily: `AL2023` (default), `AL2`, `Bottlerocket`, `Windows2019`, `Windows2022`,
  ///     `Windows2025` or `Custom`; anything else is AL2, as in upstream's `GetAMIFamily`.
  /// - Returns: nil when the AMI family cannot run the type (a Windows family on arm64, for which
  ///   upstream's OS requirement is empty).
  public static func shape(
    for facts: AWSInstanceTypeFacts, kubelet: KubeletConfiguration? = nil,
    amiFamily: String = "AL2023", options: AWSShapeOptions = AWSShapeOptions(),
    pricing: AWSPricing = AWSPricing()
  ) -> AWSInstanceTypeShape? {
    let family = AMIFamilyTraits(amiFamily)
    let os: String
    if family.windowsBuild != nil {
      guard facts.architecture == "amd64" else { return nil }
      os = "windows"
    } else {
      os = "linux"
    }

    let memory = memoryCapacity(facts, vmMemoryOverheadPercent: options.vmMemoryOverheadPercent)
    let storage = ephemeralStorage(facts, family: family, options: options)
    let podCount = pods(
      facts, family: family, maxPods: kubelet?.maxPods, podsPerCore: kubelet?.podsPerCore,
      reservedENIs: options.reservedENIs)

    var capacity: [String: Int64] = [
      ResourceNames.cpu: Int64(facts.vCPUs) * 1000,
      ResourceNames.memory: memory,
      ResourceNames.ephemeralStorage: storage,
      ResourceNames.pods: podCount,
    ]
    for (resource, count) in extendedResources(facts) where count > 0 {
      capacity[resource] = count
    }

    let kubeReservedPods =
      family.usesENILimitedMemoryOverhead ? eniLimitedPods(facts, reservedENIs: 0) : podCount
    let kubeReserved = kubeReservedResources(
      milliCPU: Int64(facts.vCPUs) * 1000, pods: kubeReservedPods,
      overrides: kubelet?.kubeReserved)
    let systemReserved = quantities(kubelet?.systemReserved)
    let eviction = evictionThreshold(
      memory: memory, storage: storage, evictionHard: kubelet?.evictionHard)

    let onDemand = pricing.onDemandPrice(for: facts)
    let capacityTypes = facts.usageClasses
    var spotPrices: [String: Double] = [:]
    if capacityTypes.contains("spot") {
      for zone in facts.zones {
        spotPrices[zone] = pricing.spotPrice(instanceType: facts.name, zone: zone, onDemand: onDemand)
      }
    }

    return AWSInstanceTypeShape(
      name: facts.name, labels: labels(facts, os: os, windowsBuild: family.windowsBuild),
      capacity: capacity, kubeReserved: kubeReserved, systemReserved: systemReserved,
      evictionThreshold: eviction, zones: facts.zones, capacityTypes: capacityTypes,
      onDemandPrice: onDemand, spotPrices: spotPrices)
  }

  /// ``shape(for:kubelet:amiFamily:options:pricing:)`` for every type in the catalog the AMI
  /// family can run, sorted by name.
  public static func shapes(
    kubelet: KubeletConfiguration? = nil, amiFamily: String = "AL2023",
    options: AWSShapeOptions = AWSShapeOptions(), pricing: AWSPricing = AWSPricing()
  ) -> [AWSInstanceTypeShape] {
    all.compactMap {
      shape(for: $0, kubelet: kubelet, amiFamily: amiFamily, options: options, pricing: pricing)
    }
  }

  // MARK: - Upstream's arithmetic

  /// Memory capacity in bytes: the published MiB, minus 64 MiB of CMA on Graviton (arm64), minus
  /// the VM overhead rounded up to a whole MiB (`memory()` upstream).
  public static func memoryCapacity(
    _ facts: AWSInstanceTypeFacts, vmMemoryOverheadPercent: Double = 0.075
  ) -> Int64 {
    var mib = facts.memoryMiB
    if facts.architecture == "arm64" { mib -= 64 }
    let bytes = mib * mebi
    // Same float operations, in the same order, as upstream.
    let overheadMiB = Int64((Double(bytes) * vmMemoryOverheadPercent / 1024 / 1024).rounded(.up))
    return bytes - overheadMiB * mebi
  }

  /// The VPC CNI's pod limit: ENIs × (IPv4 addresses per ENI − 1) + 2, over the ENIs left after
  /// `reservedENIs`; 0 when none are left (`ENILimitedPods()` upstream).
  public static func eniLimitedPods(_ facts: AWSInstanceTypeFacts, reservedENIs: Int = 0) -> Int64 {
    let usable = Int64(max(facts.maximumENIs - reservedENIs, 0))
    if usable == 0 { return 0 }
    return usable * (Int64(facts.ipv4AddressesPerENI) - 1) + 2
  }

  static func pods(
    _ facts: AWSInstanceTypeFacts, family: AMIFamilyTraits, maxPods: Int32?, podsPerCore: Int32?,
    reservedENIs: Int
  ) -> Int64 {
    var count: Int64
    if let maxPods {
      count = Int64(maxPods)
    } else if family.supportsENILimitedPodDensity {
      count = eniLimitedPods(facts, reservedENIs: reservedENIs)
    } else {
      count = 110
    }
    if let podsPerCore, podsPerCore > 0, family.podsPerCoreEnabled {
      count = min(Int64(podsPerCore) * Int64(facts.vCPUs), count)
    }
    return count
  }

  static func ephemeralStorage(
    _ facts: AWSInstanceTypeFacts, family: AMIFamilyTraits, options: AWSShapeOptions
  ) -> Int64 {
    if options.instanceStorePolicy == "RAID0", facts.instanceStorageGB > 0 {
      return facts.instanceStorageGB * 1_000_000_000
    }
    func size(_ mapping: BlockDeviceMapping) -> Int64? {
      guard let text = mapping.ebs?.volumeSize, let q = try? Quantity(parsing: text) else {
        return nil
      }
      return q.value
    }
    if let mappings = options.blockDeviceMappings, let last = mappings.last {
      if let root = mappings.first(where: { $0.rootVolume == true }), let s = size(root) {
        return s
      }
      if let device = family.ephemeralBlockDevice {
        if let mapping = mappings.first(where: { $0.deviceName == device }), let s = size(mapping) {
          return s
        }
      } else {
        // Custom: the AMI's volumes are unknown, so upstream takes the last mapping's size.
        return size(last) ?? defaultVolumeBytes
      }
    }
    return family.defaultEphemeralBytes
  }

  static func extendedResources(_ facts: AWSInstanceTypeFacts) -> [(String, Int64)] {
    func gpus(_ manufacturer: String) -> Int64 {
      facts.gpuManufacturer == manufacturer ? Int64(facts.gpuCount) : 0
    }
    let neuron = facts.acceleratorKind == .neuron
    return [
      (ResourceNames.nvidiaGPU, gpus("NVIDIA")),
      (ResourceNames.amdGPU, gpus("AMD")),
      (ResourceNames.habanaGaudi, gpus("Habana")),
      (ResourceNames.awsNeuron, neuron ? Int64(facts.acceleratorCount) : 0),
      (
        ResourceNames.awsNeuronCore,
        neuron ? Int64(facts.acceleratorCount) * Int64(facts.neuronCoresPerDevice) : 0
      ),
      (ResourceNames.efa, Int64(facts.efaInterfaces)),
    ]
  }

  /// Upstream's kube-reserved: CPU by tiers (6% of the first core, 1% of the second, 0.5% of the
  /// next two, 0.25% above four), memory 11 MiB per pod + 255 MiB, ephemeral-storage 1 GiB; then
  /// the kubelet's `kubeReserved` replaces any of them and may add others (e.g. `pid`).
  static func kubeReservedResources(milliCPU: Int64, pods: Int64, overrides: [String: String]?)
    -> [String: Int64]
  {
    var cpu: Int64 = 0
    let tiers: [(start: Int64, end: Int64, percentage: Double)] = [
      (0, 1000, 0.06), (1000, 2000, 0.01), (2000, 4000, 0.005), (4000, 1 << 31, 0.0025),
    ]
    for tier in tiers where milliCPU >= tier.start {
      let range = Double(milliCPU < tier.end ? milliCPU - tier.start : tier.end - tier.start)
      cpu += Int64(range * tier.percentage)
    }
    var result: [String: Int64] = [
      ResourceNames.cpu: cpu,
      ResourceNames.memory: (11 * pods + 255) * mebi,
      ResourceNames.ephemeralStorage: gibi,
    ]
    result.merge(quantities(overrides)) { _, override in override }
    return result
  }

  /// Upstream's eviction threshold: `memory.available` 100Mi and `nodefs.available` 10% of the
  /// ephemeral storage, each replaced by the kubelet's `evictionHard` value (a quantity, or a
  /// percentage of the capacity, where 100% means disabled).
  static func evictionThreshold(memory: Int64, storage: Int64, evictionHard: [String: String]?)
    -> [String: Int64]
  {
    var result: [String: Int64] = [
      ResourceNames.memory: 100 * mebi,
      ResourceNames.ephemeralStorage: Int64((Double(storage) / 100 * 10).rounded(.up)),
    ]
    if let value = evictionHard?["memory.available"],
      let signal = evictionSignal(capacity: memory, value: value)
    {
      result[ResourceNames.memory] = signal
    }
    if let value = evictionHard?["nodefs.available"],
      let signal = evictionSignal(capacity: storage, value: value)
    {
      result[ResourceNames.ephemeralStorage] = signal
    }
    return result
  }

  static func evictionSignal(capacity: Int64, value: String) -> Int64? {
    if value.hasSuffix("%") {
      guard var percent = Double(value.dropLast()) else { return nil }
      if percent == 100 { percent = 0 }
      return Int64((Double(capacity) / 100 * percent).rounded(.up))
    }
    guard let q = try? Quantity(parsing: value) else { return nil }
    return q.value
  }

  /// Reserved-resource values in base units; values that are not quantities are dropped.
  static func quantities(_ map: [String: String]?) -> [String: Int64] {
    guard let map else { return [:] }
    var result: [String: Int64] = [:]
    for (name, text) in map {
      guard let q = try? Quantity(parsing: text) else { continue }
      result[name] = name == ResourceNames.cpu ? q.milliValue : q.value
    }
    return result
  }

  // MARK: - Labels

  static func labels(_ facts: AWSInstanceTypeFacts, os: String, windowsBuild: String?)
    -> [String: String]
  {
    let group = "karpenter.k8s.aws/"
    var labels: [String: String] = [
      "node.kubernetes.io/instance-type": facts.name,
      "kubernetes.io/arch": facts.architecture,
      "kubernetes.io/os": os,
      "topology.kubernetes.io/region": region,
      group + "instance-cpu": String(facts.vCPUs),
      group + "instance-cpu-manufacturer": lowerKebabCase(facts.cpuManufacturer),
      group + "instance-cpu-sustained-clock-speed-mhz": String(facts.cpuSustainedClockSpeedMHz ?? 0),
      group + "instance-memory": String(facts.memoryMiB),
      group + "instance-hypervisor": facts.hypervisor,
      group + "instance-encryption-in-transit-supported": String(facts.encryptionInTransitSupported),
      group + "nitro-sandbox": String(facts.nitroEnclavesSupported),
    ]
    if let windowsBuild { labels["node.kubernetes.io/windows-build"] = windowsBuild }
    if let generation = facts.generation {
      labels[group + "instance-category"] = facts.category
      labels[group + "instance-generation"] = String(generation)
    }
    let nameParts = facts.name.split(separator: ".", omittingEmptySubsequences: false)
    if nameParts.count == 2 {
      labels[group + "instance-family"] = facts.family
      labels[group + "instance-size"] = facts.size
    }
    labels[group + "instance-capability-flex"] = String(nameParts[0].contains("-flex"))
    if facts.hasLocalNVMe {
      labels[group + "instance-local-nvme"] = String(facts.instanceStorageGB)
    }
    if let bandwidth = facts.networkBandwidthMbps {
      labels[group + "instance-network-bandwidth"] = String(bandwidth)
    }
    if let name = facts.gpuName, let manufacturer = facts.gpuManufacturer {
      labels[group + "instance-gpu-name"] = lowerKebabCase(name)
      labels[group + "instance-gpu-manufacturer"] = lowerKebabCase(manufacturer)
      labels[group + "instance-gpu-count"] = String(facts.gpuCount)
      labels[group + "instance-gpu-memory"] = String(facts.gpuMemoryMiB)
    }
    if facts.acceleratorKind != nil, let name = facts.acceleratorName {
      labels[group + "instance-accelerator-name"] = lowerKebabCase(name)
      labels[group + "instance-accelerator-manufacturer"] =
        lowerKebabCase(facts.acceleratorManufacturer ?? "")
      labels[group + "instance-accelerator-count"] = String(facts.acceleratorCount)
    }
    if facts.ebsOptimizedSupport == "default", let ebs = facts.ebsBandwidthMbps {
      labels[group + "instance-ebs-bandwidth"] = String(ebs)
    }
    return labels
  }

  /// Upstream's `lowerKabobCase`: spaces to dashes, lowercased (`Radeon Pro V520` → `radeon-pro-v520`).
  static func lowerKebabCase(_ s: String) -> String {
    String(s.map { $0 == " " ? "-" : $0 }).lowercased()
  }

  static let mebi: Int64 = 1 << 20
  static let gibi: Int64 = 1 << 30
  static let defaultVolumeBytes: Int64 = 20 * gibi
}

/// The parts of upstream's AMI families that change instance-type shapes.
struct AMIFamilyTraits {
  var usesENILimitedMemoryOverhead = true
  var podsPerCoreEnabled = true
  var supportsENILimitedPodDensity = true
  var ephemeralBlockDevice: String? = "/dev/xvda"
  var defaultEphemeralBytes = AWSInstanceTypes.defaultVolumeBytes
  var windowsBuild: String?

  init(_ name: String) {
    switch name {
    case "Bottlerocket":
      usesENILimitedMemoryOverhead = false
      podsPerCoreEnabled = false
      ephemeralBlockDevice = "/dev/xvdb"
    case "Windows2019", "Windows2022", "Windows2025":
      usesENILimitedMemoryOverhead = false
      supportsENILimitedPodDensity = false
      ephemeralBlockDevice = "/dev/sda1"
      defaultEphemeralBytes = 50 * AWSInstanceTypes.gibi
      windowsBuild =
        ["Windows2019": "10.0.17763", "Windows2022": "10.0.20348", "Windows2025": "10.0.26100"][name]
    case "Custom":
      ephemeralBlockDevice = nil
    default:  // AL2023, AL2 and anything unknown (AL2 upstream)
      break
    }
  }
}

/// The parsed catalog, built once on first use (a `static let` is initialised lazily and safely).
final class Catalog: Sendable {
  static let shared = Catalog()

  let all: [AWSInstanceTypeFacts]
  let byName: [String: Int]

  private init() {
    all = AWSInstanceTypeFacts.parseTable(
      AWSInstanceTypeData.tsv, region: AWSInstanceTypeData.region,
      columnCount: AWSInstanceTypeData.columnCount)
    byName = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($0.element.name, $0.offset) })
  }
}
