import KarpenterAPI
import KubernetesAPI

/// Where a pod would go: an existing node (its labels fix every domain) or a NodeClaim being
/// planned (its requirements say which domains are still possible).
enum Location {
  case node(name: String, labels: [String: String])
  case claim(hostname: String, requirements: Requirements)
}

/// The topology state of one scheduling run: every group, its per-domain counts, and the
/// domains each topology key can take.
struct Topology {
  private(set) var groups: [TopologyGroup] = []
  private var index: [TopologyGroup.Identity: Int] = [:]
  private var groupsByKey: [String: [Int]] = [:]
  /// Every value a topology key can take in this run (zones offered, node labels, ...).
  var universe: [String: [String]] = [:]
  /// Under the kube-scheduler's skew rule: the existing nodes, whose counts give a hostname
  /// spread its minimum; nil under Karpenter's rule.
  private var skewNodes: [(name: String, requirements: Requirements)]?
  /// Under the kube-scheduler's skew rule, per hostname spread group: how many existing nodes
  /// hold each count, so the minimum over all nodes costs no scan.
  private var nodesByCount: [Int: [Int: Int]] = [:]

  /// The groups a pod carries, by kind, at its current relaxation.
  struct PodGroups {
    var spreads: [Int] = []
    var affinities: [Int] = []
    var antiAffinities: [Int] = []
    /// The anti-affinity groups from required terms: they keep matching pods out.
    var requiredAntiAffinities: [Int] = []
    var all: [Int] { spreads + affinities + antiAffinities }
  }

  mutating func register(_ identity: TopologyGroup.Identity) -> Int {
    if let i = index[identity] { return i }
    groups.append(TopologyGroup(identity))
    index[identity] = groups.count - 1
    groupsByKey[identity.key, default: []].append(groups.count - 1)
    if let nodes = skewNodes, identity.kind == .spread, identity.key == WellKnown.hostnameLabel {
      nodesByCount[groups.count - 1] = [0: nodes.count]
    }
    return groups.count - 1
  }

  /// Switches hostname spreads to the kube-scheduler's rule over these nodes; call before any
  /// pod is recorded.
  mutating func useKubeSchedulerSkew(nodes: [(name: String, labels: [String: String])]) {
    skewNodes = nodes.map { ($0.name, Requirements(labels: $0.labels)) }
    for (g, group) in groups.enumerated() where group.kind == .spread && group.key == WellKnown.hostnameLabel {
      nodesByCount[g] = [0: nodes.count]
    }
  }

  /// Adds `delta` to a group's count in a domain, keeping the hostname histogram in step.
  private mutating func add(_ delta: Int, to g: Int, domain: String) {
    let old = groups[g].count(domain)
    groups[g].counts[domain] = old + delta
    guard nodesByCount[g] != nil else { return }
    nodesByCount[g]![old, default: 0] -= 1
    nodesByCount[g]![old + delta, default: 0] += 1
  }

  /// The kube-scheduler's global minimum for a hostname spread: the lowest count over the
  /// existing nodes the pod may go to (nodeAffinityPolicy Honor), 0 below minDomains; nil when
  /// the domain is not one of those nodes.
  private func kubeSchedulerMinimum(_ g: Int, nodes: [(name: String, requirements: Requirements)], domain: String,
    pod: SchedulingPod) -> Int?
  {
    let group = groups[g]
    let requirements = pod.constraints.spreadRequirements
    var eligibleCount = nodes.count
    var minimum: Int
    if !group.identity.honorsNodeAffinity || requirements.isEmpty {
      minimum = nodesByCount[g]?.filter { $0.value > 0 }.keys.min() ?? 0
    } else {
      eligibleCount = 0
      minimum = Int.max
      var found = false
      for node in nodes where node.requirements.compatibilityProblem(requirements) == nil {
        eligibleCount += 1
        minimum = min(minimum, group.count(node.name))
        if node.name == domain { found = true }
      }
      guard found else { return nil }
    }
    if let minDomains = group.identity.minDomains, eligibleCount < minDomains { minimum = 0 }
    return minimum == Int.max ? 0 : minimum
  }

  mutating func groups(of pod: SchedulingPod) -> PodGroups {
    var out = PodGroups()
    let c = pod.constraints
    for s in c.spreads {
      out.spreads.append(
        register(TopologyGroup.identity(spread: s, namespace: pod.namespace, labels: pod.labels)))
    }
    for t in c.affinityTerms {
      out.affinities.append(
        register(TopologyGroup.identity(term: t, anti: false, namespace: pod.namespace, labels: pod.labels)))
    }
    for (n, t) in c.antiAffinityTerms.enumerated() {
      let g = register(
        TopologyGroup.identity(term: t, anti: true, namespace: pod.namespace, labels: pod.labels))
      out.antiAffinities.append(g)
      if n < c.requiredAntiAffinityCount { out.requiredAntiAffinities.append(g) }
    }
    return out
  }

  /// The groups of a pod already running on a node. A pod without pod affinity, anti-affinity
  /// or spread constraints (most of a cluster) has none, which is known without working out
  /// its constraints.
  mutating func groups(ofRunning pod: Pod) -> PodGroups {
    if pod.spec?.affinity == nil && (pod.spec?.topologySpreadConstraints ?? []).isEmpty { return PodGroups() }
    return groups(of: SchedulingPod(index: -1, pod: pod, requests: Resources()))
  }

  /// The groups whose selector matches pods of this namespace and labels (they count in
  /// them), by number. Worked out once per kind of pod: a match is a few dictionary lookups and
  /// a pod is judged against thousands of places. Covers the groups registered so far.
  func selection(namespace: String, labels: [String: String]) -> Bitset {
    var out = Bitset(count: groups.count)
    for g in groups.indices where groups[g].selects(namespace: namespace, labels: labels) { out.insert(g) }
    return out
  }

  /// Keys on which the pod's placement matters: its own groups' keys and the keys of groups
  /// that select it.
  func relevantKeys(selected: Bitset, own: PodGroups) -> [String] {
    var keys = Set(own.all.map { groups[$0].key })
    for (key, ids) in groupsByKey where !keys.contains(key) {
      if ids.contains(where: selected.contains) { keys.insert(key) }
    }
    return keys.sorted()
  }

  /// The domains a location may take for `key`, before any topology rule.
  func domains(of location: Location, key: String) -> [String] {
    switch location {
    case .node(let name, let labels):
      if key == WellKnown.hostnameLabel { return [name] }
      return labels[key].map { [$0] } ?? []
    case .claim(let hostname, let requirements):
      if key == WellKnown.hostnameLabel { return [hostname] }
      guard let r = requirements[key] else { return universe[key] ?? [] }
      if !r.complement { return r.values }
      return (universe[key] ?? []).filter(r.has)
    }
  }

  /// Why the pod cannot go to `location`, or, when it can, the domains it takes for each
  /// relevant key (one domain except for keys only anti-affinity cares about, where an
  /// undecided NodeClaim counts in every domain it could land in).
  enum Decision {
    case rejected(Rejection, monotone: Bool)
    case accepted([String: [String]])
  }

  /// Why a location is rejected, kept as data: the words are wanted only when a pod fits
  /// nowhere, and a pod is rejected by thousands of NodeClaims on the way.
  enum Rejection: CustomStringConvertible {
    case noLabel(key: String)
    case noAffinityMatch(key: String)
    case noDomain(key: String)

    var description: String {
      switch self {
      case .noLabel(let key): "the node has no \(key) label for its topology constraint"
      case .noAffinityMatch(let key): "no pod matches its required pod affinity on \(key)"
      case .noDomain(let key): "its topology constraints on \(key) leave no domain"
      }
    }
  }

  /// `keys` are the pod's relevant keys (``relevantKeys(selected:own:)``) and `selected` the
  /// groups selecting it (``selection(namespace:labels:)``), both computed once per kind of pod
  /// by the caller.
  func evaluate(
    _ pod: SchedulingPod, groups own: PodGroups, keys: [String], selected: Bitset, at location: Location
  ) -> Decision {
    var chosen: [String: [String]] = [:]
    for key in keys {
      var candidates = domains(of: location, key: key)
      let ownOnKey = own.all.filter { groups[$0].key == key }
      if candidates.isEmpty {
        if ownOnKey.isEmpty { continue }
        return .rejected(.noLabel(key: key), monotone: true)
      }
      var pinned = false
      var monotone = true
      for g in own.spreads where groups[g].key == key {
        candidates = candidates.filter { spreadAllows(g, domain: $0, pod: pod, selected: selected) }
        pinned = true
        // Karpenter's hostname rule only gets stricter as pods land; other minimums can rise.
        if key != WellKnown.hostnameLabel || skewNodes != nil { monotone = false }
      }
      for g in own.affinities where groups[g].key == key {
        if groups[g].counts.values.contains(where: { $0 > 0 }) {
          candidates = candidates.filter { groups[g].count($0) > 0 }
          monotone = false
        } else if !selected.contains(g) {
          return .rejected(.noAffinityMatch(key: key), monotone: false)
        }
        pinned = true
      }
      for g in own.antiAffinities where groups[g].key == key {
        candidates = candidates.filter { groups[g].count($0) == 0 }
      }
      // Pods already placed whose anti-affinity selects this pod keep it out of their domains.
      for g in groupsByKey[key] ?? [] where groups[g].kind == .antiAffinity {
        if !groups[g].ownerDomains.isEmpty && selected.contains(g) {
          candidates = candidates.filter { (groups[g].ownerDomains[$0] ?? 0) == 0 }
        }
      }
      if candidates.isEmpty {
        return .rejected(.noDomain(key: key), monotone: monotone)
      }
      // The pod counts in spread or affinity groups that select it: its domain must be known.
      if !pinned {
        pinned = (groupsByKey[key] ?? []).contains {
          groups[$0].kind != .antiAffinity && selected.contains($0)
        }
      }
      if pinned && candidates.count > 1 {
        candidates = [preferredDomain(candidates, pod: pod, own: own, key: key)]
      }
      chosen[key] = candidates
    }
    return .accepted(chosen)
  }

  /// Among allowed domains: the emptiest for spreads, the fullest for affinity, else by name.
  private func preferredDomain(_ candidates: [String], pod: SchedulingPod, own: PodGroups, key: String)
    -> String
  {
    let spreads = own.spreads.filter { groups[$0].key == key }
    let affinities = own.affinities.filter { groups[$0].key == key }
    func score(_ d: String) -> Int {
      spreads.reduce(0) { $0 + groups[$1].count(d) } - affinities.reduce(0) { $0 + groups[$1].count(d) }
    }
    return candidates.min { (score($0), $0) < (score($1), $1) }!
  }

  /// For each non-hostname key the pod spreads over or has affinity on, the domains it may
  /// take right now. A NodeClaim already pinned outside them cannot take the pod, which the
  /// scheduler checks before evaluating anything else.
  func allowedDomains(_ pod: SchedulingPod, groups own: PodGroups, selected: Bitset)
    -> [String: Set<String>]
  {
    var out: [String: Set<String>] = [:]
    for g in own.spreads where groups[g].key != WellKnown.hostnameLabel {
      let key = groups[g].key
      let allowed = Set(
        (universe[key] ?? []).filter { spreadAllows(g, domain: $0, pod: pod, selected: selected) })
      out[key] = out[key].map { $0.intersection(allowed) } ?? allowed
    }
    for g in own.affinities where groups[g].key != WellKnown.hostnameLabel {
      let group = groups[g]
      let occupied = Set(group.counts.filter { $0.value > 0 }.keys)
      if occupied.isEmpty { continue }
      out[group.key] = out[group.key].map { $0.intersection(occupied) } ?? occupied
    }
    return out
  }

  /// Whether placing the pod in `domain` keeps the spread within maxSkew. For hostname, a new
  /// node can always be created, so the global minimum is 0 and a node holds at most maxSkew.
  func spreadAllows(_ g: Int, domain: String, pod: SchedulingPod, selected: Bitset) -> Bool {
    // The group is read in place: a copy of it is a reference count per dictionary and string.
    let selfMatch = selected.contains(g) ? 1 : 0
    let maxSkew = groups[g].identity.maxSkew
    let key = groups[g].key
    if key == WellKnown.hostnameLabel {
      guard let nodes = skewNodes else { return groups[g].count(domain) + selfMatch <= maxSkew }
      guard let minimum = kubeSchedulerMinimum(g, nodes: nodes, domain: domain, pod: pod) else { return false }
      return groups[g].count(domain) + selfMatch - minimum <= maxSkew
    }
    var eligible = universe[key] ?? []
    if groups[g].identity.honorsNodeAffinity, let r = pod.constraints.spreadRequirements[key] {
      eligible = eligible.filter(r.has)
    }
    guard eligible.contains(domain) else { return false }
    var minimum = eligible.map { groups[g].count($0) }.min() ?? 0
    if let minDomains = groups[g].identity.minDomains, eligible.count < minDomains { minimum = 0 }
    return groups[g].count(domain) + selfMatch - minimum <= maxSkew
  }

  /// Counts a placed pod: in every group selecting it (`selected`), for the domains it took,
  /// and as an owner of its anti-affinity groups.
  mutating func record(selected: Bitset, own: PodGroups, domains: [String: [String]]) {
    for (key, values) in domains {
      for g in groupsByKey[key] ?? [] where selected.contains(g) {
        for d in values { add(1, to: g, domain: d) }
      }
    }
    for g in own.requiredAntiAffinities {
      for d in domains[groups[g].key] ?? [] { groups[g].ownerDomains[d, default: 0] += 1 }
    }
  }

  /// Counts a pod already running on a node, with its labels fixing every domain; `by: -1`
  /// takes it out again (the pod is leaving the node).
  mutating func recordExisting(
    namespace: String, labels: [String: String], own: PodGroups, node: String, nodeLabels: [String: String],
    by delta: Int = 1
  ) {
    for (key, ids) in groupsByKey {
      let values = self.domains(of: .node(name: node, labels: nodeLabels), key: key)
      for g in ids where groups[g].selects(namespace: namespace, labels: labels) {
        for d in values { add(delta, to: g, domain: d) }
      }
      for g in own.requiredAntiAffinities where groups[g].key == key {
        for d in values { groups[g].ownerDomains[d, default: 0] += delta }
      }
    }
  }
}
