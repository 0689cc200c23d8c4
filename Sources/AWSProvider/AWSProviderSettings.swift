import Foundation

/// Upstream AWS provider's settings (`pkg/operator/options`), read from the environment as its
/// chart sets them. Each bad value is an error naming the variable, what it got and what it takes.
public struct AWSProviderSettings: Sendable, Equatable {
  /// CLUSTER_NAME: the cluster the instances join; tags and launch templates carry it. Required.
  public var clusterName: String
  /// CLUSTER_ENDPOINT: the API server's URL the nodes join; found through EKS DescribeCluster
  /// when unset.
  public var clusterEndpoint: String?
  /// CLUSTER_CA_BUNDLE: the API server's CA certificate (base64) for the nodes; from EKS when unset.
  public var clusterCABundle: String?
  /// INTERRUPTION_QUEUE: the SQS queue of EventBridge messages; no interruption handling when unset.
  public var interruptionQueue: String?
  /// VM_MEMORY_OVERHEAD_PERCENT: the share of memory the hypervisor keeps (0.075).
  public var vmMemoryOverheadPercent = 0.075
  /// RESERVED_ENIS: ENIs kept out of the max-pods figure (0).
  public var reservedENIs = 0
  /// ISOLATED_VPC: no route to the Pricing API; the embedded prices are used.
  public var isolatedVPC = false
  /// EKS_CONTROL_PLANE: whether the cluster is EKS (DescribeCluster may be asked).
  public var eksControlPlane = true

  public struct Problem: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(description: String) { self.description = description }
  }

  public init(clusterName: String) {
    self.clusterName = clusterName
  }

  /// The settings the environment sets.
  public static func from(environment env: [String: String]) throws -> AWSProviderSettings {
    guard let name = env["CLUSTER_NAME"], !name.isEmpty else {
      throw Problem(description: "--cloud-provider aws needs CLUSTER_NAME: the name of the cluster the instances join")
    }
    var s = AWSProviderSettings(clusterName: name)
    if let v = env["CLUSTER_ENDPOINT"], !v.isEmpty {
      guard let url = URL(string: v), url.scheme == "https" || url.scheme == "http", url.host != nil else {
        throw Problem(description: "CLUSTER_ENDPOINT must be the API server's URL such as https://ABC.gr7.us-east-1.eks.amazonaws.com, got \"\(v)\"")
      }
      s.clusterEndpoint = v
    }
    if let v = env["CLUSTER_CA_BUNDLE"], !v.isEmpty {
      guard Data(base64Encoded: v) != nil else {
        throw Problem(description: "CLUSTER_CA_BUNDLE must be the base64 of the API server's CA certificate")
      }
      s.clusterCABundle = v
    }
    if let v = env["INTERRUPTION_QUEUE"], !v.isEmpty { s.interruptionQueue = v }
    if let v = env["VM_MEMORY_OVERHEAD_PERCENT"] {
      guard let share = Double(v), share >= 0, share < 1 else {
        throw Problem(description: "VM_MEMORY_OVERHEAD_PERCENT must be a fraction from 0 to below 1 such as 0.075, got \"\(v)\"")
      }
      s.vmMemoryOverheadPercent = share
    }
    if let v = env["RESERVED_ENIS"] {
      guard let count = Int(v), count >= 0 else {
        throw Problem(description: "RESERVED_ENIS must be a whole number of ENIs, 0 or more, got \"\(v)\"")
      }
      s.reservedENIs = count
    }
    if let v = env["ISOLATED_VPC"] { s.isolatedVPC = try bool("ISOLATED_VPC", v) }
    if let v = env["EKS_CONTROL_PLANE"] { s.eksControlPlane = try bool("EKS_CONTROL_PLANE", v) }
    return s
  }

  static func bool(_ name: String, _ text: String) throws -> Bool {
    switch text.lowercased() {
    case "true", "1": return true
    case "false", "0": return false
    default: throw Problem(description: "\(name) must be true or false, got \"\(text)\"")
    }
  }
}
