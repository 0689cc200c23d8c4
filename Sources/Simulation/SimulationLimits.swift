import Controllers
import KubernetesAPI
import Manifests

/// What one simulation may hold, so that a run's memory and time stay bounded by what the
/// input asks for (docs/simulation.md, "Limits"). An input beyond a limit is refused before
/// anything is allocated, with the object that asks too much.
public enum SimulationLimits {
  /// Pods the input can create: bare pods plus, for each workload, the largest replicas (or
  /// parallelism) it is ever given, at time 0 or in the timeline. DaemonSet pods are not
  /// counted: there is one per node.
  public static let maxPods = 1_000_000
  /// The longest run: `spec.duration` and every timeline `at` are at most this (7 days), and a
  /// run without `duration` stops there.
  public static let maxDuration = Simulation.maxDuration

  /// Throws when the input can create more than ``maxPods`` pods.
  static func check(_ input: SimulationInput) throws {
    var bare = Set<String>()
    var largest: [String: Int] = [:]
    func note(_ identity: String, _ replicas: Int32?) {
      largest[identity] = max(largest[identity] ?? 0, Int(max(0, replicas ?? 1)))
    }
    func add(_ object: ManifestObject) {
      switch object {
      case .pod(let p): bare.insert("\(p.namespace)/\(p.name)")
      case .deployment(let d): note("Deployment \"\(d.namespace)/\(d.name)\"", d.spec?.replicas)
      case .replicaSet(let r): note("ReplicaSet \"\(r.namespace)/\(r.name)\"", r.spec?.replicas)
      case .statefulSet(let s): note("StatefulSet \"\(s.namespace)/\(s.name)\"", s.spec?.replicas)
      case .job(let j): note("Job \"\(j.namespace)/\(j.name)\"", j.spec?.parallelism)
      default: break
      }
    }
    input.pods.forEach { add(.pod($0)) }
    input.deployments.forEach { add(.deployment($0)) }
    input.replicaSets.forEach { add(.replicaSet($0)) }
    input.statefulSets.forEach { add(.statefulSet($0)) }
    input.jobs.forEach { add(.job($0)) }
    for step in input.timeline {
      step.documents.forEach { add($0.object) }
      for scale in step.entry.scale ?? [] {
        let identity = "\(scale.kind) \"\(scale.namespace ?? "default")/\(scale.name)\""
        largest[identity] = max(largest[identity] ?? 0, max(0, Int(scale.replicas)))
      }
    }
    let total = largest.values.reduce(bare.count) { $0.addingReportingOverflow($1).partialValue }
    guard total > maxPods || total < 0 else { return }
    let biggest = largest.max { ($0.value, $1.key) < ($1.value, $0.key) }
    var message =
      "the input can create \(grouped(total)) pods, more than a simulation holds (at most \(grouped(maxPods)))"
    if let biggest, biggest.value > 0 {
      message += "; the largest is \(biggest.key) with \(grouped(biggest.value)) replicas"
    }
    throw SimulationError(message)
  }

  /// `1,000,000`: thousands separated, whatever the locale.
  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }
}
