import KarpenterAPI
import KubernetesAPI

/// What the scheduler needs of one pending pod, derived once from the Pod and re-derived each
/// time a preference is relaxed.
public struct SchedulingPod: Sendable {
  /// Position in the scheduler's input; results refer to pods by it.
  public let index: Int
  public let namespace: String
  public let name: String
  public let labels: [String: String]
  public let requests: Resources
  /// The pod itself, shared rather than copied: the scheduler copies a SchedulingPod for every
  /// placement it tries, and a Pod's copy is dozens of reference counts.
  public var pod: Pod { podBox.pod }
  private let podBox: PodBox
  /// Extra requirements from the pod's volumes (PV node affinity, StorageClass topologies).
  public let volumeRequirements: Requirements
  public private(set) var relaxation = Relaxation()
  public private(set) var constraints: PodConstraints

  public init(index: Int, pod: Pod, requests: Resources, volumeRequirements: Requirements = Requirements()) {
    self.index = index
    self.namespace = pod.metadata.namespace ?? "default"
    self.name = pod.metadata.name ?? ""
    self.labels = pod.metadata.labels ?? [:]
    self.requests = requests
    self.podBox = PodBox(pod)
    self.volumeRequirements = volumeRequirements
    self.constraints = PodConstraints(
      pod: pod, relaxation: Relaxation(), volumeRequirements: volumeRequirements)
  }

  public var key: String { "\(namespace)/\(name)" }

  /// Relaxes the next preference in upstream's order; false when nothing is left to relax.
  public mutating func relax() -> Bool {
    guard let next = relaxation.next(for: pod) else { return false }
    relaxation = next
    constraints = PodConstraints(pod: pod, relaxation: relaxation, volumeRequirements: volumeRequirements)
    return true
  }
}

private final class PodBox: Sendable {
  let pod: Pod
  init(_ pod: Pod) { self.pod = pod }
}

/// How far a pod's preferences have been relaxed, in upstream Karpenter's order: required
/// node-affinity OR terms one at a time, then preferred pod affinity, preferred pod
/// anti-affinity, preferred node affinity (heaviest first), ScheduleAnyway spreads, and last
/// tolerating PreferNoSchedule taints.
public struct Relaxation: Hashable, Sendable {
  public var droppedRequiredTerms = 0
  public var droppedPreferredPodAffinity = 0
  public var droppedPreferredPodAntiAffinity = 0
  public var droppedPreferredNodeAffinity = 0
  public var droppedScheduleAnyway = 0
  public var toleratesPreferNoSchedule = false

  func next(for pod: Pod) -> Relaxation? {
    let affinity = pod.spec?.affinity
    var r = self
    let requiredTerms = affinity?.nodeAffinity?.required?.nodeSelectorTerms.count ?? 0
    if droppedRequiredTerms < requiredTerms - 1 {
      r.droppedRequiredTerms += 1
      return r
    }
    if droppedPreferredPodAffinity < (affinity?.podAffinity?.preferred.count ?? 0) {
      r.droppedPreferredPodAffinity += 1
      return r
    }
    if droppedPreferredPodAntiAffinity < (affinity?.podAntiAffinity?.preferred.count ?? 0) {
      r.droppedPreferredPodAntiAffinity += 1
      return r
    }
    if droppedPreferredNodeAffinity < (affinity?.nodeAffinity?.preferred.count ?? 0) {
      r.droppedPreferredNodeAffinity += 1
      return r
    }
    let anyway = (pod.spec?.topologySpreadConstraints ?? []).filter { !$0.isRequired }.count
    if droppedScheduleAnyway < anyway {
      r.droppedScheduleAnyway += 1
      return r
    }
    if !toleratesPreferNoSchedule {
      r.toleratesPreferNoSchedule = true
      return r
    }
    return nil
  }
}

/// A pod's scheduling constraints at one relaxation level.
public struct PodConstraints: Hashable, Sendable {
  /// nodeSelector, the current required node-affinity term, the heaviest remaining preferred
  /// term, and volume topology.
  public var requirements: Requirements
  /// The requirements a topology spread honours when it counts eligible domains
  /// (`nodeAffinityPolicy: Honor`): nodeSelector, the required term and volume topology, never
  /// a preferred term, so a preference cannot narrow where the pods spread (as upstream's
  /// strict pod requirements).
  public var spreadRequirements: Requirements
  public var tolerations: [Toleration]
  public var toleratesPreferNoSchedule: Bool
  public var spreads: [TopologySpreadConstraint]
  public var affinityTerms: [PodAffinityTerm]
  public var antiAffinityTerms: [PodAffinityTerm]
  /// How many of `antiAffinityTerms` (the first ones) are required; only those keep other
  /// pods away, the preferred ones only steer this pod.
  public var requiredAntiAffinityCount: Int
  public var hostPorts: [HostPort]

  init(pod: Pod, relaxation: Relaxation, volumeRequirements: Requirements) {
    let spec = pod.spec
    var requirements = Requirements(labels: spec?.nodeSelector ?? [:])
    let affinity = spec?.affinity
    let terms = affinity?.nodeAffinity?.required?.nodeSelectorTerms ?? []
    if relaxation.droppedRequiredTerms < terms.count {
      requirements.add(
        Requirements(nodeSelectorRequirements: terms[relaxation.droppedRequiredTerms].matchExpressions ?? []))
    }
    var strict = requirements
    strict.add(volumeRequirements)
    self.spreadRequirements = strict
    // Preferred node affinity: the heaviest remaining term is treated as required.
    let preferred = (affinity?.nodeAffinity?.preferred ?? []).enumerated()
      .sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }.map(\.element)
    if relaxation.droppedPreferredNodeAffinity < preferred.count {
      requirements.add(
        Requirements(
          nodeSelectorRequirements: preferred[relaxation.droppedPreferredNodeAffinity].preference
            .matchExpressions ?? []))
    }
    requirements.add(volumeRequirements)
    self.requirements = requirements
    self.tolerations = spec?.tolerations ?? []
    self.toleratesPreferNoSchedule = relaxation.toleratesPreferNoSchedule
    let allSpreads = spec?.topologySpreadConstraints ?? []
    let anyway = allSpreads.filter { !$0.isRequired }
    self.spreads = allSpreads.filter(\.isRequired) + anyway.dropFirst(relaxation.droppedScheduleAnyway)
    let podAffinity = affinity?.podAffinity
    self.affinityTerms =
      (podAffinity?.required ?? [])
      + (podAffinity?.preferred ?? []).sorted { $0.weight > $1.weight }
      .dropFirst(relaxation.droppedPreferredPodAffinity).map(\.podAffinityTerm)
    let anti = affinity?.podAntiAffinity
    self.requiredAntiAffinityCount = anti?.required.count ?? 0
    self.antiAffinityTerms =
      (anti?.required ?? [])
      + (anti?.preferred ?? []).sorted { $0.weight > $1.weight }
      .dropFirst(relaxation.droppedPreferredPodAntiAffinity).map(\.podAffinityTerm)
    self.hostPorts = spec?.hostPorts ?? []
  }

  /// True when every NoSchedule/NoExecute taint (and PreferNoSchedule unless relaxed) is
  /// tolerated.
  public func tolerates(_ taints: [Taint]) -> Bool {
    for taint in taints {
      if taint.effect == "PreferNoSchedule" && toleratesPreferNoSchedule { continue }
      if !tolerations.tolerates(taint) { return false }
    }
    return true
  }

  /// The first taint not tolerated, for messages.
  public func untolerated(_ taints: [Taint]) -> Taint? {
    taints.first { taint in
      !(taint.effect == "PreferNoSchedule" && toleratesPreferNoSchedule) && !tolerations.tolerates(taint)
    }
  }

  /// What makes two pods interchangeable for instance-type and NodePool compatibility.
  var compatibilityKey: CompatibilityKey {
    CompatibilityKey(
      requirements: requirements, tolerations: tolerations,
      toleratesPreferNoSchedule: toleratesPreferNoSchedule)
  }
}

struct CompatibilityKey: Hashable {
  var requirements: Requirements
  var tolerations: [Toleration]
  var toleratesPreferNoSchedule: Bool
}
