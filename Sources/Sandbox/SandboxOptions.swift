import APIServer
import Foundation

/// How a sandbox is set up: the Kubernetes version it claims, the faults it starts with,
/// and the stand-ins that play the cluster's other components.
public struct SandboxOptions: Sendable {
  /// The `gitVersion` /version answers; kubectl's dispatcher picks the kubectl it runs by it.
  public var gitVersion: String
  public var faults: FaultSettings
  /// Seeds the store's generated names and uids.
  public var seed: UInt64
  /// How many changes a watch can resume across before it gets 410 Gone.
  public var historyLimit: Int
  /// Seconds between two BOOKMARK events of a watch that asked for them.
  public var bookmarkInterval: Double
  /// Seconds between two runs of the stand-ins and of the repeating faults.
  public var tickInterval: Double
  /// The components that act on the store besides its clients (the kube-scheduler,
  /// kubelet and workload-controller stand-ins): each runs after every write and on every tick.
  public var reconcilers: [@Sendable (inout APIStore, Date) -> Void]

  public init(
    gitVersion: String = "v1.31.0", faults: FaultSettings = FaultSettings(), seed: UInt64 = 1,
    historyLimit: Int = 10_000, bookmarkInterval: Double = 1, tickInterval: Double = 0.1,
    reconcilers: [@Sendable (inout APIStore, Date) -> Void] = []
  ) {
    self.gitVersion = gitVersion
    self.faults = faults
    self.seed = seed
    self.historyLimit = historyLimit
    self.bookmarkInterval = bookmarkInterval
    self.tickInterval = tickInterval
    self.reconcilers = reconcilers
  }

  /// The /version document: major and minor read from `gitVersion`.
  var versionDocument: JSON {
    let numbers = gitVersion.dropFirst(gitVersion.hasPrefix("v") ? 1 : 0).split(separator: ".")
    let major = numbers.first.map(String.init) ?? "1"
    let minor = numbers.count > 1 ? String(numbers[1].prefix { $0.isNumber }) : "0"
    return [
      "major": .string(major), "minor": .string(minor), "gitVersion": .string(gitVersion),
      "gitCommit": "0000000000000000000000000000000000000000", "gitTreeState": "clean",
      "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.22.0", "compiler": "gc", "platform": "linux/amd64",
    ]
  }
}
