import KubernetesAPI

/// The generic instance types of upstream Karpenter's kwok provider
/// (kubernetes-sigs/karpenter `kwok/tools/gen_instance_types.go`, embedded there as
/// `kwok/cloudprovider/instance_types.json`), computed rather than embedded.
///
/// 144 types: vCPUs 1, 2, 4, 8, 16, 32, 48, 64, 96, 128, 192, 256 × memory 2, 4 or 8 GiB per vCPU
/// (families `c`, `s`, `m`) × OS linux, windows × architecture amd64, arm64, named
/// `<family>-<vCPUs>x-<arch>-<os>` (`c-4x-amd64-linux`), in upstream's order.
///
/// - capacity: the vCPUs, the memory, 20Gi ephemeral storage and min(16 × vCPUs, 1024) pods;
/// - overhead: kube-reserved 100m CPU and 10Mi memory, as kwok's `newInstanceType`;
/// - labels: instance type, arch, os, and `karpenter.kwok.sh/instance-family` (`c`),
///   `instance-size` (the vCPU count, as the name does not follow AWS's `family.size` form),
///   `instance-cpu` (`4`) and `instance-memory` (the canonical quantity, `8Gi`, `2Ti`);
/// - offerings: spot and on-demand in `test-zone-a` … `test-zone-d`, on-demand price
///   0.025 × vCPUs + 0.001 × memory bytes / 10⁹ (memory in Gi, priced per decimal GB), spot 0.7 × that.
public enum KwokInstanceTypes {
  public static let zones = ["test-zone-a", "test-zone-b", "test-zone-c", "test-zone-d"]
  public static let vCPUCounts = [1, 2, 4, 8, 16, 32, 48, 64, 96, 128, 192, 256]
  /// GiB per vCPU and the family letter upstream gives it.
  public static let memoryFactors: [(gibPerVCPU: Int, family: String)] = [(2, "c"), (4, "s"), (8, "m")]
  public static let operatingSystems = ["linux", "windows"]
  public static let architectures = ["amd64", "arm64"]

  /// All 144 types, in upstream's generation order.
  public static let all: [AWSInstanceTypeShape] = {
    var result: [AWSInstanceTypeShape] = []
    for cpu in vCPUCounts {
      for (factor, family) in memoryFactors {
        for os in operatingSystems {
          for arch in architectures {
            result.append(make(cpu: cpu, gibPerVCPU: factor, family: family, os: os, arch: arch))
          }
        }
      }
    }
    return result
  }()

  /// Upstream's `priceFromResources`: 0.025 per vCPU plus 0.001 per 10⁹ bytes of memory.
  public static func onDemandPrice(vCPUs: Int, memoryBytes: Int64) -> Double {
    0.025 * Double(vCPUs) + 0.001 * Double(memoryBytes) / 1e9
  }

  /// Spot is 70% of on-demand everywhere.
  public static func spotPrice(onDemand: Double) -> Double { onDemand * 0.7 }

  static func make(cpu: Int, gibPerVCPU: Int, family: String, os: String, arch: String)
    -> AWSInstanceTypeShape
  {
    let name = "\(family)-\(cpu)x-\(arch)-\(os)"
    let memory = Int64(cpu * gibPerVCPU) << 30
    let price = onDemandPrice(vCPUs: cpu, memoryBytes: memory)
    let spot = spotPrice(onDemand: price)
    let group = "karpenter.kwok.sh/"
    return AWSInstanceTypeShape(
      name: name,
      labels: [
        "node.kubernetes.io/instance-type": name,
        "kubernetes.io/arch": arch,
        "kubernetes.io/os": os,
        group + "instance-family": family,
        group + "instance-size": String(cpu),
        group + "instance-cpu": String(cpu),
        group + "instance-memory": Quantity(memory, format: .binarySI).description,
      ],
      capacity: [
        ResourceNames.cpu: Int64(cpu) * 1000,
        ResourceNames.memory: memory,
        ResourceNames.ephemeralStorage: 20 << 30,
        ResourceNames.pods: Int64(min(max(cpu * 16, 0), 1024)),
      ],
      kubeReserved: [ResourceNames.cpu: 100, ResourceNames.memory: 10 << 20],
      zones: zones, capacityTypes: ["on-demand", "spot"], onDemandPrice: price,
      spotPrices: Dictionary(uniqueKeysWithValues: zones.map { ($0, spot) }))
  }
}
