import KarpenterAPI
import Scheduling

/// The operating-system families an EC2NodeClass can launch (upstream's `amifamily` package):
/// each decides the default disks, the SSM parameters an alias resolves through, and the user
/// data format that bootstraps the node.
public enum AMIFamily: String, Sendable, Hashable, CaseIterable {
  case al2 = "AL2"
  case al2023 = "AL2023"
  case bottlerocket = "Bottlerocket"
  case windows2019 = "Windows2019"
  case windows2022 = "Windows2022"
  case windows2025 = "Windows2025"
  case custom = "Custom"

  /// The family an EC2NodeClass launches, as upstream's `AMIFamily()`: `spec.amiFamily` when
  /// set, else the alias's family, else Custom.
  public init(nodeClass spec: EC2NodeClassSpec) {
    if let name = spec.amiFamily, let family = AMIFamily(rawValue: name) {
      self = family
    } else if let alias = spec.amiSelectorTerms?.lazy.compactMap(\.alias).first,
      let parsed = AMIAlias(alias)
    {
      self = parsed.family
    } else {
      self = .custom
    }
  }

  /// The Windows Server version (`2022`) of a Windows family; nil otherwise.
  public var windowsVersion: String? {
    switch self {
    case .windows2019: "2019"
    case .windows2022: "2022"
    case .windows2025: "2025"
    default: nil
    }
  }

  /// The `node.kubernetes.io/windows-build` of a Windows family.
  public var windowsBuild: String? {
    switch self {
    case .windows2019: "10.0.17763"
    case .windows2022: "10.0.20348"
    case .windows2025: "10.0.26100"
    default: nil
    }
  }

  public var isWindows: Bool { windowsVersion != nil }

  /// The device whose volume holds the node's ephemeral storage; nil for Custom, whose volumes
  /// are unknown.
  public var ephemeralBlockDevice: String? {
    switch self {
    case .al2, .al2023: "/dev/xvda"
    case .bottlerocket: "/dev/xvdb"
    case .windows2019, .windows2022, .windows2025: "/dev/sda1"
    case .custom: nil
    }
  }

  /// The disks a node gets when the EC2NodeClass names none, as upstream's
  /// `DefaultBlockDeviceMappings`: gp3, encrypted, 20Gi on the ephemeral device; Bottlerocket
  /// adds a 4Gi OS volume, Windows takes 50Gi; Custom has none.
  public var defaultBlockDeviceMappings: [BlockDeviceMapping] {
    func ebs(_ size: String) -> BlockDevice {
      BlockDevice(volumeSize: size, volumeType: "gp3", encrypted: true)
    }
    switch self {
    case .al2, .al2023:
      return [BlockDeviceMapping(deviceName: "/dev/xvda", ebs: ebs("20Gi"))]
    case .bottlerocket:
      return [
        BlockDeviceMapping(deviceName: "/dev/xvda", ebs: ebs("4Gi")),
        BlockDeviceMapping(deviceName: "/dev/xvdb", ebs: ebs("20Gi")),
      ]
    case .windows2019, .windows2022, .windows2025:
      return [BlockDeviceMapping(deviceName: "/dev/sda1", ebs: ebs("50Gi"))]
    case .custom:
      return []
    }
  }

  /// The SSM parameters an alias of this family resolves through for a Kubernetes minor version
  /// (`1.30`) and an AMI version (`latest` or e.g. `v20240807`), each with the variants its
  /// image serves (upstream's `DescribeImageQuery`). Empty for Custom.
  public func ssmParameters(kubernetesVersion k8s: String, amiVersion: String) -> [AMIParameter] {
    let latest = amiVersion == AMIAlias.latest
    switch self {
    case .al2:
      func path(_ suffix: String, _ prefix: String) -> String {
        let name = latest ? "recommended" : "amazon-eks-\(prefix)node-\(k8s)-\(amiVersion)"
        return "/aws/service/eks/optimized-ami/\(k8s)/amazon-linux-2\(suffix)/\(name)/image_id"
      }
      return [
        AMIParameter(name: path("", ""), variants: [.standard]),
        AMIParameter(name: path("-arm64", "arm64-"), variants: [.standard]),
        AMIParameter(name: path("-gpu", "gpu-"), variants: [.neuron, .nvidia]),
      ]
    case .al2023:
      var result: [AMIParameter] = []
      let variantsByArch: [(Architecture, [AMIVariant])] = [
        (.amd64, [.standard, .nvidia, .neuron]), (.arm64, [.standard, .nvidia]),
      ]
      for (arch, variants) in variantsByArch {
        for variant in variants {
          let name =
            latest
            ? "recommended"
            : "amazon-eks-node-al2023-\(arch.ec2Name)-\(variant.rawValue)-\(k8s)-\(amiVersion)"
          result.append(
            AMIParameter(
              name:
                "/aws/service/eks/optimized-ami/\(k8s)/amazon-linux-2023/\(arch.ec2Name)/\(variant.rawValue)/\(name)/image_id",
              variants: [variant]))
        }
      }
      return result
    case .bottlerocket:
      let version = latest ? AMIAlias.latest : String(amiVersion.drop { $0 == "v" })
      func path(_ flavour: String, _ arch: Architecture) -> String {
        "/aws/service/bottlerocket/aws-k8s-\(k8s)\(flavour)/\(arch.ec2Name)/\(version)/image_id"
      }
      return [
        AMIParameter(name: path("", .amd64), variants: [.standard, .neuron]),
        AMIParameter(name: path("", .arm64), variants: [.standard]),
        AMIParameter(name: path("-nvidia", .amd64), variants: [.nvidia]),
        AMIParameter(name: path("-nvidia", .arm64), variants: [.nvidia]),
      ]
    case .windows2019, .windows2022, .windows2025:
      let version = windowsVersion ?? ""
      return [
        AMIParameter(
          name:
            "/aws/service/ami-windows-latest/Windows_Server-\(version)-English-Core-EKS_Optimized-\(k8s)/image_id",
          variants: [], windowsBuild: windowsBuild)
      ]
    case .custom:
      return []
    }
  }
}

/// `family@version` from an AMI selector term, e.g. `al2023@latest`, `bottlerocket@v1.20.0`.
public struct AMIAlias: Sendable, Hashable, CustomStringConvertible {
  public static let latest = "latest"
  public var family: AMIFamily
  public var version: String

  /// Nil unless the text is `family@version` with a family upstream accepts as an alias
  /// (Custom has none).
  public init?(_ text: String) {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[1].isEmpty,
      let family = AMIFamily.allCases.first(where: {
        $0 != .custom && $0.rawValue.lowercased() == parts[0].lowercased()
      })
    else { return nil }
    self.family = family
    self.version = String(parts[1])
  }

  public init(family: AMIFamily, version: String) {
    self.family = family
    self.version = version
  }

  public var description: String { "\(family.rawValue.lowercased())@\(version)" }
}

/// Which instance types an EKS-optimized image serves (upstream's `Variant`).
public enum AMIVariant: String, Sendable, Hashable, CaseIterable {
  /// Neither GPU nor accelerator.
  case standard
  /// NVIDIA GPUs.
  case nvidia
  /// Inferentia / Trainium accelerators.
  case neuron

  public static let gpuCountLabel = "karpenter.k8s.aws/instance-gpu-count"
  public static let acceleratorCountLabel = "karpenter.k8s.aws/instance-accelerator-count"

  /// The instance-type requirements of the variant: standard needs neither label, nvidia a GPU
  /// count, neuron an accelerator count.
  public var requirements: Requirements {
    switch self {
    case .standard:
      Requirements([
        Requirement(key: Self.acceleratorCountLabel, operator: "DoesNotExist"),
        Requirement(key: Self.gpuCountLabel, operator: "DoesNotExist"),
      ])
    case .nvidia:
      Requirements([Requirement(key: Self.gpuCountLabel, operator: "Exists")])
    case .neuron:
      Requirements([Requirement(key: Self.acceleratorCountLabel, operator: "Exists")])
    }
  }
}

/// One SSM parameter an alias reads, and what the image it names serves.
public struct AMIParameter: Sendable, Hashable {
  public var name: String
  /// Empty for Windows, whose image serves every type of its architecture.
  public var variants: [AMIVariant]
  /// Windows only: the build the image's nodes report.
  public var windowsBuild: String?

  public init(name: String, variants: [AMIVariant], windowsBuild: String? = nil) {
    self.name = name
    self.variants = variants
    self.windowsBuild = windowsBuild
  }

  /// The requirement sets the parameter's image serves once its architecture is known
  /// (upstream's `RequirementsForImageWithArchitecture`): one per variant, plus the arch.
  public func requirements(architecture: Architecture) -> [Requirements] {
    let arch = Requirement.exactly(WellKnown.archLabel, architecture.rawValue)
    if let windowsBuild {
      return [
        Requirements([
          arch, .exactly(WellKnown.osLabel, "windows"), .exactly(WellKnown.windowsBuildLabel, windowsBuild),
        ])
      ]
    }
    if variants.isEmpty { return [Requirements([arch])] }
    return variants.map { $0.requirements.adding(Requirements([arch])) }
  }
}
