import Controllers
import Foundation
import Scheduling

/// Upstream Karpenter's settings, read from the environment as its chart sets them (flags on
/// `karpenter controller` override them). Each bad value is an error naming the variable, what
/// it got and what it takes.
public struct ControllerSettings: Sendable, Equatable {
  public var clusterName = ""
  public var batchIdleDuration: Double = 1
  public var batchMaxDuration: Double = 10
  public var spotToSpotConsolidation = false
  public var staticCapacity = false
  /// `debug`, `info` (the default), `warn` or `error`.
  public var logLevel = LogLevel.info
  public var kubeClientQPS: Double = 200
  public var kubeClientBurst = 300
  public var disableLeaderElection = false
  /// Where the leader-election Lease lives (upstream's SYSTEM_NAMESPACE, the namespace Karpenter
  /// is installed in).
  public var systemNamespace = "kube-system"
  /// Where /metrics is served (upstream's METRICS_PORT).
  public var metricsPort = 8080
  /// Where /healthz and /readyz are served (upstream's HEALTH_PROBE_PORT).
  public var healthProbePort = 8081
  /// The identity this replica holds the Lease as (upstream: the hostname and a random id).
  public var identity = ProcessInfo.processInfo.hostName + "_" + UUID().uuidString.lowercased()

  public enum LogLevel: String, Sendable, CaseIterable, Comparable {
    case debug, info, warn, error

    var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rank < b.rank }
  }

  public struct Problem: Error, CustomStringConvertible, Equatable {
    public var description: String
  }

  public init() {}

  /// The settings the environment sets.
  public static func from(environment env: [String: String]) throws -> ControllerSettings {
    var s = ControllerSettings()
    if let v = env["CLUSTER_NAME"] { s.clusterName = v }
    if let v = env["BATCH_IDLE_DURATION"] { s.batchIdleDuration = try duration("BATCH_IDLE_DURATION", v) }
    if let v = env["BATCH_MAX_DURATION"] { s.batchMaxDuration = try duration("BATCH_MAX_DURATION", v) }
    if let v = env["FEATURE_GATES"] { try s.applyFeatureGates(v) }
    if let v = env["LOG_LEVEL"] {
      guard let level = LogLevel(rawValue: v.lowercased()) else {
        throw Problem(description: "LOG_LEVEL must be one of debug, info, warn or error, got \"\(v)\"")
      }
      s.logLevel = level
    }
    if let v = env["KUBE_CLIENT_QPS"] {
      guard let qps = Double(v), qps > 0 else {
        throw Problem(description: "KUBE_CLIENT_QPS must be a positive number of requests per second, got \"\(v)\"")
      }
      s.kubeClientQPS = qps
    }
    if let v = env["KUBE_CLIENT_BURST"] {
      guard let burst = Int(v), burst > 0 else {
        throw Problem(description: "KUBE_CLIENT_BURST must be a positive whole number of requests, got \"\(v)\"")
      }
      s.kubeClientBurst = burst
    }
    if let v = env["DISABLE_LEADER_ELECTION"] { s.disableLeaderElection = try bool("DISABLE_LEADER_ELECTION", v) }
    if let v = env["SYSTEM_NAMESPACE"], !v.isEmpty { s.systemNamespace = v }
    if let v = env["METRICS_PORT"] { s.metricsPort = try port("METRICS_PORT", v) }
    if let v = env["HEALTH_PROBE_PORT"] { s.healthProbePort = try port("HEALTH_PROBE_PORT", v) }
    if s.metricsPort == s.healthProbePort && s.metricsPort != 0 {
      throw Problem(
        description: "METRICS_PORT and HEALTH_PROBE_PORT must differ, both are \(s.metricsPort)")
    }
    if s.batchIdleDuration > s.batchMaxDuration {
      throw Problem(
        description:
          "BATCH_IDLE_DURATION (\(formatDuration(s.batchIdleDuration))) must not be longer than BATCH_MAX_DURATION (\(formatDuration(s.batchMaxDuration)))"
      )
    }
    return s
  }

  /// `SpotToSpotConsolidation=true,StaticCapacity=false`; gates this project does not know are
  /// an error, as upstream's flag parsing makes them.
  mutating func applyFeatureGates(_ text: String) throws {
    for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
      let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2 else {
        throw Problem(description: "FEATURE_GATES must be a list of Name=true|false, got \"\(item)\"")
      }
      let on = try Self.bool("FEATURE_GATES \(parts[0])", parts[1])
      switch parts[0] {
      case "SpotToSpotConsolidation": spotToSpotConsolidation = on
      case "StaticCapacity": staticCapacity = on
      case "NodeRepair", "ReservedCapacity", "NodeOverlay":
        break  // upstream's gates whose behaviour this controller has or lacks whatever the gate says
      default:
        throw Problem(
          description:
            "FEATURE_GATES names \"\(parts[0])\", which is not a feature gate (SpotToSpotConsolidation, StaticCapacity, NodeRepair, ReservedCapacity, NodeOverlay)"
        )
      }
    }
  }

  /// The controllers' settings.
  public func karpenterSettings(packing: PackingStrategy, epoch: Int64) -> KarpenterSettings {
    var settings = KarpenterSettings(
      packing: packing, spotToSpotConsolidation: spotToSpotConsolidation, staticCapacity: staticCapacity,
      epoch: epoch)
    settings.batchIdleDuration = batchIdleDuration
    settings.batchMaxDuration = batchMaxDuration
    return settings
  }

  static func duration(_ name: String, _ text: String) throws -> Double {
    guard let seconds = Durations.seconds(text), seconds > 0 else {
      throw Problem(description: "\(name) must be a positive Go duration such as 1s or 500ms, got \"\(text)\"")
    }
    return seconds
  }

  /// A TCP port; 0 takes a free one (for tests).
  static func port(_ name: String, _ text: String) throws -> Int {
    guard let port = Int(text), (0...65535).contains(port) else {
      throw Problem(description: "\(name) must be a port number from 0 to 65535, got \"\(text)\"")
    }
    return port
  }

  static func bool(_ name: String, _ text: String) throws -> Bool {
    switch text.lowercased() {
    case "true", "1": return true
    case "false", "0": return false
    default: throw Problem(description: "\(name) must be true or false, got \"\(text)\"")
    }
  }
}
