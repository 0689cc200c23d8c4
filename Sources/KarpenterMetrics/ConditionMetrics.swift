import Foundation
import KarpenterAPI

/// operatorpkg's status-condition metrics (`operator_<kind>_status_condition_*`) for NodeClaims,
/// NodePools and EC2NodeClasses: a gauge series per condition of each object (its count, 1, and
/// how long it has held its status), and, as conditions change between two readings, a
/// transition counted with the time spent in the status before.
public struct ConditionMetrics: Sendable {
  /// One object's conditions, with the extra labels its kind carries (a NodeClaim's NodePool
  /// and EC2NodeClass).
  public struct Object: Sendable {
    public var name: String
    public var conditions: [Condition]
    public var extra: [String: String]

    public init(name: String, conditions: [Condition], extra: [String: String] = [:]) {
      self.name = name
      self.conditions = conditions
      self.extra = extra
    }
  }

  /// The kinds recorded, as the metric names spell them.
  public enum Kind: String, Sendable, CaseIterable {
    case nodeClaim = "nodeclaim"
    case nodePool = "nodepool"
    case ec2NodeClass = "ec2nodeclass"
  }

  private struct Seen: Sendable {
    var status: String
    var since: Double
  }

  /// The status each condition held at the last reading, by kind, object and type.
  private var seen: [Kind: [String: [String: Seen]]] = [:]

  public init() {}

  /// A NodeClaim's extra labels: its NodePool and EC2NodeClass, as operatorpkg names them.
  public static func nodeClaimLabels(_ claim: NodeClaim) -> [String: String] {
    let labels = claim.metadata.labels ?? [:]
    return [
      "karpenter_sh_nodepool": labels[WellKnown.nodePoolLabel] ?? "",
      "karpenter_k8s_aws_ec2nodeclass": labels["karpenter.k8s.aws/ec2nodeclass"] ?? "",
    ]
  }

  /// Records the objects of `kind` as they are at `now` (seconds since 1970).
  public mutating func record(_ kind: Kind, _ objects: [Object], now: Double, into registry: MetricsRegistry) {
    let prefix = "operator_\(kind.rawValue)_status_condition_"
    var count: StateMetrics.Samples = []
    var current: StateMetrics.Samples = []
    var next: [String: [String: Seen]] = [:]
    let before = seen[kind] ?? [:]
    for object in objects {
      for condition in object.conditions {
        let since = ControllerMetrics.time(condition.lastTransitionTime) ?? now
        var labels = object.extra
        labels["namespace"] = ""
        labels["name"] = object.name
        labels["type"] = condition.type
        labels["status"] = condition.status
        labels["reason"] = condition.reason ?? ""
        count.append((labels, 1))
        current.append((labels, max(0, now - since)))
        next[object.name, default: [:]][condition.type] = Seen(status: condition.status, since: since)
        if let old = before[object.name]?[condition.type], old.status != condition.status {
          var transition = object.extra
          transition["type"] = condition.type
          transition["status"] = condition.status
          var counted = transition
          counted["reason"] = condition.reason ?? ""
          registry.increment(prefix + "transitions_total", counted)
          var timed = transition
          timed["status"] = old.status
          registry.observe(prefix + "transition_seconds", timed, max(0, since - old.since))
        }
      }
    }
    seen[kind] = next
    registry.replaceGauge(prefix + "count", with: count)
    registry.replaceGauge(prefix + "current_status_seconds", with: current)
  }
}
