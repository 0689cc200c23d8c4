import Foundation
import KarpenterAPI
import Testing

@testable import InstanceCatalogs

private let mi: Int64 = 1 << 20
private let gi: Int64 = 1 << 30

private func shape(
  _ name: String, kubelet: KubeletConfiguration? = nil, amiFamily: String = "AL2023",
  options: AWSShapeOptions = AWSShapeOptions()
) throws -> AWSInstanceTypeShape {
  let facts = try #require(AWSInstanceTypes.facts(named: name))
  return try #require(
    AWSInstanceTypes.shape(for: facts, kubelet: kubelet, amiFamily: amiFamily, options: options))
}

@Suite struct AWSCatalogTests {
  @Test func catalogParsesSortedAndUnique() {
    let all = AWSInstanceTypes.all
    #expect(all.count > 500)
    #expect(all.count == AWSInstanceTypeData.rowCount)
    #expect(all.map(\.name) == all.map(\.name).sorted())
    #expect(Set(all.map(\.name)).count == all.count)
    for facts in all {
      #expect(!facts.zones.isEmpty, "\(facts.name) has no zone")
      #expect(facts.onDemandPrice > 0, "\(facts.name) has no price")
      #expect(["amd64", "arm64"].contains(facts.architecture), "\(facts.name)")
      #expect(facts.usageClasses.contains("on-demand"), "\(facts.name)")
    }
  }

  @Test func m5LargeFacts() throws {
    let m5 = try #require(AWSInstanceTypes.facts(named: "m5.large"))
    #expect(m5.vCPUs == 2)
    #expect(m5.memoryMiB == 8192)
    #expect(m5.family == "m5" && m5.category == "m" && m5.generation == 5 && m5.size == "large")
    #expect(m5.architectures == ["amd64"])
    #expect(m5.hypervisor == "nitro" && !m5.bareMetal)
    #expect(m5.cpuManufacturer == "Intel" && m5.cpuSustainedClockSpeedMHz == 3100)
    #expect(m5.maximumENIs == 3 && m5.ipv4AddressesPerENI == 10)
    #expect(AWSInstanceTypes.eniLimitedPods(m5) == 29)
    #expect(m5.onDemandPrice == 0.096)
    #expect(m5.usageClasses == ["on-demand", "spot"])
    #expect(m5.zones.allSatisfy { $0.hasPrefix("us-east-1") })
    #expect(m5.networkBandwidthMbps == 750 && m5.ebsBandwidthMbps == 4750)
  }

  /// Upstream's instance-types reference (website/content/en/preview/reference/instance-types.md,
  /// AL2023, no block device mappings) gives m5.large cpu 1930m, ephemeral-storage 17Gi,
  /// memory 6903Mi, pods 29.
  @Test func m5LargeMatchesUpstreamAllocatable() throws {
    let s = try shape("m5.large")
    #expect(s.capacity["cpu"] == 2000)
    #expect(s.capacity["memory"] == (8192 - 615) * mi)  // ceil(8192 MiB × 7.5%) = 615 MiB
    #expect(s.capacity["ephemeral-storage"] == 20 * gi)
    #expect(s.capacity["pods"] == 29)
    #expect(s.kubeReserved == ["cpu": 70, "memory": (11 * 29 + 255) * mi, "ephemeral-storage": gi])
    #expect(s.systemReserved.isEmpty)
    #expect(s.evictionThreshold == ["memory": 100 * mi, "ephemeral-storage": 2 * gi])
    #expect(s.allocatable["cpu"] == 1930)
    #expect(s.allocatable["memory"] == 6903 * mi)
    #expect(s.allocatable["ephemeral-storage"] == 17 * gi)
    #expect(s.allocatable["pods"] == 29)
    #expect(s.onDemandPrice == 0.096)
    #expect(s.capacityTypes == ["on-demand", "spot"])
    #expect(Set(s.spotPrices.keys) == Set(s.zones))
  }

  @Test func m5LargeLabels() throws {
    let s = try shape("m5.large")
    let expected: [String: String] = [
      "node.kubernetes.io/instance-type": "m5.large",
      "kubernetes.io/arch": "amd64",
      "kubernetes.io/os": "linux",
      "topology.kubernetes.io/region": "us-east-1",
      "karpenter.k8s.aws/instance-capability-flex": "false",
      "karpenter.k8s.aws/instance-category": "m",
      "karpenter.k8s.aws/instance-cpu": "2",
      "karpenter.k8s.aws/instance-cpu-manufacturer": "intel",
      "karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz": "3100",
      "karpenter.k8s.aws/instance-ebs-bandwidth": "4750",
      "karpenter.k8s.aws/instance-encryption-in-transit-supported": "false",
      "karpenter.k8s.aws/instance-family": "m5",
      "karpenter.k8s.aws/instance-generation": "5",
      "karpenter.k8s.aws/instance-hypervisor": "nitro",
      "karpenter.k8s.aws/instance-memory": "8192",
      "karpenter.k8s.aws/instance-network-bandwidth": "750",
      "karpenter.k8s.aws/instance-size": "large",
      "karpenter.k8s.aws/nitro-sandbox": "false",
    ]
    #expect(s.labels == expected)
  }

  /// Figures from upstream's instance-types reference.
  @Test func acceleratedTypesMatchUpstream() throws {
    let p4d = try shape("p4d.24xlarge")
    #expect(p4d.allocatable["cpu"] == 95690)
    #expect(p4d.allocatable["memory"] == 1_082_712 * mi)
    #expect(p4d.allocatable["pods"] == 737)
    #expect(p4d.capacity["nvidia.com/gpu"] == 8)
    #expect(p4d.capacity["vpc.amazonaws.com/efa"] == 4)
    #expect(p4d.labels["karpenter.k8s.aws/instance-gpu-name"] == "a100")
    #expect(p4d.labels["karpenter.k8s.aws/instance-gpu-manufacturer"] == "nvidia")
    #expect(p4d.labels["karpenter.k8s.aws/instance-gpu-count"] == "8")
    #expect(p4d.labels["karpenter.k8s.aws/instance-gpu-memory"] == "40960")
    #expect(p4d.labels["karpenter.k8s.aws/instance-local-nvme"] == "8000")

    let inf2 = try shape("inf2.xlarge")
    #expect(inf2.capacity["aws.amazon.com/neuron"] == 1)
    #expect(inf2.capacity["aws.amazon.com/neuroncore"] == 2)
    #expect(inf2.allocatable["cpu"] == 3920 && inf2.allocatable["memory"] == 14162 * mi)
    #expect(inf2.allocatable["pods"] == 58)
    #expect(inf2.labels["karpenter.k8s.aws/instance-accelerator-name"] == "inferentia2")
    #expect(inf2.labels["karpenter.k8s.aws/instance-accelerator-manufacturer"] == "aws")
    #expect(inf2.labels["karpenter.k8s.aws/instance-accelerator-count"] == "1")
    #expect(inf2.capacity["nvidia.com/gpu"] == nil)

    let g4ad = try shape("g4ad.xlarge")
    #expect(g4ad.capacity["amd.com/gpu"] == 1)
    #expect(g4ad.labels["karpenter.k8s.aws/instance-gpu-name"] == "radeon-pro-v520")
    #expect(g4ad.labels["karpenter.k8s.aws/instance-local-nvme"] == "150")
  }

  @Test func gravitonLosesCMAMemory() throws {
    let m6g = try shape("m6g.large")
    #expect(m6g.labels["kubernetes.io/arch"] == "arm64")
    #expect(m6g.labels["karpenter.k8s.aws/instance-memory"] == "8192")
    // (8192 − 64) MiB minus ceil(8128 × 0.075) = 610 MiB.
    #expect(m6g.capacity["memory"] == (8128 - 610) * mi)
  }

  @Test func flexAndBareMetalLabels() throws {
    #expect(try shape("c7i-flex.large").labels["karpenter.k8s.aws/instance-capability-flex"] == "true")
    #expect(try shape("c7i-flex.large").labels["karpenter.k8s.aws/instance-family"] == "c7i-flex")
    #expect(try shape("m5.metal").labels["karpenter.k8s.aws/instance-hypervisor"] == "")
  }
}

@Suite struct KubeletOverrideTests {
  @Test func maxPodsReplacesENILimit() throws {
    let s = try shape("m5.large", kubelet: KubeletConfiguration(maxPods: 110))
    #expect(s.capacity["pods"] == 110)
    // AL2023 sizes kube-reserved memory from the ENI-limited pods whatever maxPods says.
    #expect(s.kubeReserved["memory"] == (11 * 29 + 255) * mi)
    // Bottlerocket sizes it from the pods the node will run.
    let br = try shape("m5.large", kubelet: KubeletConfiguration(maxPods: 110), amiFamily: "Bottlerocket")
    #expect(br.kubeReserved["memory"] == (11 * 110 + 255) * mi)
  }

  @Test func podsPerCoreCapsPods() throws {
    let s = try shape("m5.large", kubelet: KubeletConfiguration(podsPerCore: 10))
    #expect(s.capacity["pods"] == 20)
    let both = try shape("m5.large", kubelet: KubeletConfiguration(maxPods: 15, podsPerCore: 10))
    #expect(both.capacity["pods"] == 15)
    // Bottlerocket ignores podsPerCore.
    let br = try shape("m5.large", kubelet: KubeletConfiguration(podsPerCore: 10), amiFamily: "Bottlerocket")
    #expect(br.capacity["pods"] == 29)
  }

  @Test func reservedOverrides() throws {
    let kubelet = KubeletConfiguration(
      systemReserved: ["cpu": "100m", "memory": "100Mi", "pid": "1000"],
      kubeReserved: ["cpu": "200m", "memory": "1Gi", "ephemeral-storage": "3Gi", "bogus": "cel()"])
    let s = try shape("m5.large", kubelet: kubelet)
    #expect(s.kubeReserved == ["cpu": 200, "memory": gi, "ephemeral-storage": 3 * gi])
    #expect(s.systemReserved == ["cpu": 100, "memory": 100 * mi, "pid": 1000])
    #expect(s.overhead["cpu"] == 300)
    #expect(s.allocatable["cpu"] == 1700)
    #expect(s.allocatable["memory"] == (8192 - 615 - 1024 - 100 - 100) * mi)
    #expect(s.allocatable["ephemeral-storage"] == 15 * gi)
  }

  @Test func evictionHardOverrides() throws {
    let s = try shape(
      "m5.large",
      kubelet: KubeletConfiguration(evictionHard: ["memory.available": "5%", "nodefs.available": "500Mi"]))
    let memory = (8192 - 615) * mi
    #expect(s.evictionThreshold["memory"] == Int64((Double(memory) / 100 * 5).rounded(.up)))
    #expect(s.evictionThreshold["ephemeral-storage"] == 500 * mi)
    let disabled = try shape(
      "m5.large", kubelet: KubeletConfiguration(evictionHard: ["nodefs.available": "100%"]))
    #expect(disabled.evictionThreshold["ephemeral-storage"] == 0)
  }

  @Test func amiFamilies() throws {
    let windows = try shape("m5.large", amiFamily: "Windows2022")
    #expect(windows.labels["kubernetes.io/os"] == "windows")
    #expect(windows.labels["node.kubernetes.io/windows-build"] == "10.0.20348")
    #expect(windows.capacity["pods"] == 110)
    #expect(windows.capacity["ephemeral-storage"] == 50 * gi)
    let graviton = try #require(AWSInstanceTypes.facts(named: "m6g.large"))
    #expect(AWSInstanceTypes.shape(for: graviton, amiFamily: "Windows2022") == nil)
    #expect(try shape("m5.large", amiFamily: "Bottlerocket").capacity["ephemeral-storage"] == 20 * gi)
  }

  @Test func blockDevicesAndInstanceStore() throws {
    let root = AWSShapeOptions(blockDeviceMappings: [
      BlockDeviceMapping(deviceName: "/dev/xvda", ebs: BlockDevice(volumeSize: "100Gi"), rootVolume: true)
    ])
    #expect(try shape("m5.large", options: root).capacity["ephemeral-storage"] == 100 * gi)
    let raid = AWSShapeOptions(instanceStorePolicy: "RAID0")
    #expect(try shape("m5d.large", options: raid).capacity["ephemeral-storage"] == 75_000_000_000)
    #expect(try shape("m5.large", options: raid).capacity["ephemeral-storage"] == 20 * gi)
  }
}

@Suite struct AWSPricingTests {
  @Test func fnvVectors() {
    #expect(AWSPricing.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
    #expect(AWSPricing.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
    #expect(AWSPricing.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
  }

  @Test func spotModelIsDeterministicAndCheaper() {
    let pricing = AWSPricing()
    for facts in AWSInstanceTypes.all where facts.usageClasses.contains("spot") {
      for zone in facts.zones {
        let spot = pricing.spotPrice(instanceType: facts.name, zone: zone, onDemand: facts.onDemandPrice)
        #expect(spot > 0 && spot < facts.onDemandPrice, "\(facts.name) \(zone)")
        #expect(spot >= facts.onDemandPrice * 0.3 - 0.00005 && spot <= facts.onDemandPrice * 0.7 + 0.00005)
        #expect(
          spot
            == AWSPricing.modelledSpotPrice(
              instanceType: facts.name, zone: zone, onDemand: facts.onDemandPrice))
      }
    }
    // Pinned so that a change to the model is noticed.
    let factor = AWSPricing.spotFactor(instanceType: "m5.large", zone: "us-east-1a")
    let expected = 0.30 + 0.40 * Double(AWSPricing.fnv1a64("m5.large/us-east-1a") % 10_001) / 10_000
    #expect(factor == expected)
    #expect(
      AWSPricing.modelledSpotPrice(instanceType: "m5.large", zone: "us-east-1a", onDemand: 0.096)
        == (0.096 * expected * 10_000).rounded() / 10_000)
    // Prices differ between zones.
    let zones = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1f"]
    #expect(Set(zones.map { pricing.spotPrice(instanceType: "m5.large", zone: $0)! }).count > 1)
  }

  @Test func overridesFile() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("price-overrides-\(UUID().uuidString).json")
    try Data(
      #"{"onDemand": {"m5.large": 0.5}, "spot": {"m5.large": {"us-east-1a": 0.035}}}"#.utf8
    ).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let overrides = try PriceOverrides.load(from: url)
    #expect(overrides.onDemand == ["m5.large": 0.5])
    #expect(overrides.spot == ["m5.large": ["us-east-1a": 0.035]])

    let pricing = AWSPricing(overrides: overrides)
    let facts = try #require(AWSInstanceTypes.facts(named: "m5.large"))
    let s = try #require(AWSInstanceTypes.shape(for: facts, pricing: pricing))
    #expect(s.onDemandPrice == 0.5)
    #expect(s.spotPrices["us-east-1a"] == 0.035)
    #expect(
      s.spotPrices["us-east-1b"]
        == AWSPricing.modelledSpotPrice(instanceType: "m5.large", zone: "us-east-1b", onDemand: 0.5))
    #expect(pricing.onDemandPrice(instanceType: "m5.xlarge") == 0.192)

    let partial = try PriceOverrides(json: Data(#"{"spot": {}}"#.utf8))
    #expect(partial.onDemand.isEmpty)
  }
}

@Suite struct KwokInstanceTypesTests {
  @Test func crossProduct() {
    let all = KwokInstanceTypes.all
    #expect(all.count == 144)
    #expect(Set(all.map(\.name)).count == 144)
    #expect(
      all.prefix(4).map(\.name) == [
        "c-1x-amd64-linux", "c-1x-arm64-linux", "c-1x-amd64-windows", "c-1x-arm64-windows",
      ])
    #expect(all.last?.name == "m-256x-arm64-windows")
  }

  /// Figures from upstream's kwok/cloudprovider/instance_types.json.
  @Test func pricesAndResourcesMatchUpstream() throws {
    let byName = Dictionary(uniqueKeysWithValues: KwokInstanceTypes.all.map { ($0.name, $0) })
    let c1 = try #require(byName["c-1x-amd64-linux"])
    #expect(c1.onDemandPrice == 0.027147483648)
    #expect(c1.spotPrices["test-zone-a"] == 0.019003238553599998)
    #expect(c1.capacity == ["cpu": 1000, "memory": 2 * gi, "pods": 16, "ephemeral-storage": 20 * gi])
    #expect(c1.overhead == ["cpu": 100, "memory": 10 * mi])
    #expect(c1.zones == ["test-zone-a", "test-zone-b", "test-zone-c", "test-zone-d"])
    #expect(
      c1.labels == [
        "node.kubernetes.io/instance-type": "c-1x-amd64-linux", "kubernetes.io/arch": "amd64",
        "kubernetes.io/os": "linux", "karpenter.kwok.sh/instance-family": "c",
        "karpenter.kwok.sh/instance-size": "1", "karpenter.kwok.sh/instance-cpu": "1",
        "karpenter.kwok.sh/instance-memory": "2Gi",
      ])

    let c48 = try #require(byName["c-48x-arm64-windows"])
    // Upstream's JSON has 1.303079215104, one ulp off: its generator sums a Go map in random order
    // and, on arm64, Go fuses `price += 0.025 * cpu` into an FMA; 142 of the 144 prices match exactly.
    #expect(abs(c48.onDemandPrice - 1.303079215104) < 1e-12)
    #expect(c48.capacity["pods"] == 768)
    #expect(c48.labels["kubernetes.io/os"] == "windows")

    let m256 = try #require(byName["m-256x-amd64-linux"])
    #expect(m256.onDemandPrice == 8.599023255552)
    #expect(m256.spotPrices["test-zone-d"] == 6.019316278886399)
    #expect(m256.capacity["pods"] == 1024)
    #expect(m256.labels["karpenter.kwok.sh/instance-memory"] == "2Ti")
  }
}
