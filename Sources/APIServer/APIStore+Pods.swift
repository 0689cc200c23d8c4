import Foundation

extension APIStore {
  var podsType: ResourceType {
    get throws(APIError) {
      guard let t = registry.type(group: "", version: "v1", plural: "pods") else {
        throw .badRequest("pods are not served")
      }
      return t
    }
  }

  /// Binds a pod to a node as `POST pods/<name>/binding` does (the scheduler's write): sets
  /// `spec.nodeName` and the PodScheduled condition; 409 when the pod is already bound.
  public mutating func bind(namespace: String, name: String, body: JSON, now: Date) throws(APIError) -> JSON {
    let pods = try podsType
    let key = ObjectKey(namespace: namespace, name: name)
    guard var pod = objects[pods.storageKey]?[key] else { throw .notFound(pods, name: name) }
    guard let node = body[path: ["target", "name"]]?.string, !node.isEmpty else {
      throw .invalid(
        pods, name: name,
        causes: [FieldCause(reason: "FieldValueRequired", message: "Required value", field: "target.name")])
    }
    if let uid = body[path: ["metadata", "uid"]]?.string, !uid.isEmpty, uid != pod.uid {
      throw .conflict(
        pods, name: name,
        detail: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(pod.uid ?? "")")
    }
    if pod.isTerminating {
      throw APIError(
        code: 409, reason: .conflict,
        message:
          "Operation cannot be fulfilled on pods/binding \"\(name)\": pod \(name) is being deleted, cannot be assigned to a host",
        name: name, kind: "pods/binding")
    }
    if let current = pod[path: ["spec", "nodeName"]]?.string, !current.isEmpty {
      throw APIError(
        code: 409, reason: .conflict,
        message:
          "Operation cannot be fulfilled on pods/binding \"\(name)\": pod \(name) is already assigned to node \"\(current)\"",
        name: name, kind: "pods/binding")
    }
    pod[path: ["spec", "nodeName"]] = .string(node)
    var conditions = pod[path: ["status", "conditions"]]?.array ?? []
    let scheduled: JSON = [
      "type": "PodScheduled", "status": "True", "lastProbeTime": nil,
      "lastTransitionTime": .string(Timestamp.format(now)),
    ]
    if let i = conditions.firstIndex(where: { $0["type"]?.string == "PodScheduled" }) {
      conditions[i] = scheduled
    } else {
      conditions.append(scheduled)
    }
    pod[path: ["status", "conditions"]] = .array(conditions)
    return put(pods, key, pod, event: .modified)
  }

  /// Evicts a pod as `POST pods/<name>/eviction` does: checks the PodDisruptionBudget whose
  /// selector matches the pod, then deletes the pod with the eviction's delete options.
  ///
  /// A pod that is not Running (Pending, Succeeded, Failed) is evicted regardless of budgets; a
  /// pod already being deleted is accepted without change. Refusals are 429 with the real
  /// message and a `DisruptionBudget` cause; more than one matching budget is a 500.
  public mutating func evict(namespace: String, name: String, body: JSON, now: Date) throws(APIError)
    -> DeleteResult
  {
    let pods = try podsType
    let key = ObjectKey(namespace: namespace, name: name)
    guard let pod = objects[pods.storageKey]?[key] else { throw .notFound(pods, name: name) }
    let options = try DeleteOptions(parsing: body["deleteOptions"] ?? .null)
    if let uid = options.preconditionUID, uid != pod.uid {
      throw .conflict(
        pods, name: name,
        detail: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(pod.uid ?? "")")
    }
    if pod.isTerminating { return .markedForDeletion(pod) }
    if pod[path: ["status", "phase"]]?.string == "Running" {
      try checkDisruptionBudgets(for: pod, pods: pods, now: now)
    }
    if options.dryRun { return .deleted(pod) }
    let result = deleteObject(
      pods, key, policy: options.propagationPolicy, gracePeriod: options.gracePeriodSeconds, now: now)
    refreshDisruptionBudgets(namespace: namespace, now: now)
    return result
  }

  /// Refuses an eviction that would take the pod's budget below its desired healthy pods.
  func checkDisruptionBudgets(for pod: JSON, pods: ResourceType, now: Date) throws(APIError) {
    let budgets = matchingBudgets(for: pod)
    if budgets.count > 1 {
      throw APIError(
        code: 500, reason: .internalError,
        message:
          "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.")
    }
    guard let pdb = budgets.first else { return }
    let budget = disruptionBudget(pdb)
    let healthy = APIStore.isHealthy(pod)
    let alwaysAllowUnhealthy = pdb[path: ["spec", "unhealthyPodEvictionPolicy"]]?.string == "AlwaysAllow"
    let allowed: Bool
    if healthy {
      allowed = budget.currentHealthy - budget.desiredHealthy >= 1
    } else {
      allowed = alwaysAllowUnhealthy || budget.currentHealthy >= budget.desiredHealthy
    }
    if !allowed {
      throw APIError(
        code: 429, reason: .tooManyRequests,
        message: "Cannot evict pod as it would violate the pod's disruption budget.",
        causes: [
          FieldCause(
            reason: "DisruptionBudget",
            message:
              "The disruption budget \(pdb.name) needs \(budget.desiredHealthy) healthy pods and has \(budget.currentHealthy) currently"
          )
        ])
    }
  }

  /// The PodDisruptionBudgets in the pod's namespace whose selector matches it.
  func matchingBudgets(for pod: JSON) -> [JSON] {
    guard let pdbs = registry.type(group: "policy", version: "v1", plural: "poddisruptionbudgets") else {
      return []
    }
    return (objects[pdbs.storageKey] ?? [:]).filter { $0.key.namespace == pod.namespace }.sorted {
      $0.key < $1.key
    }
    .map(\.value).filter { pdb in
      guard let selector = pdb[path: ["spec", "selector"]], let parsed = try? LabelSelector(object: selector)
      else {
        return false
      }
      return parsed.matches(object: pod)
    }
  }

  /// A budget's arithmetic, as the disruption controller computes it.
  public struct DisruptionBudgetState: Sendable, Hashable {
    public var expectedPods: Int
    public var currentHealthy: Int
    public var desiredHealthy: Int
    public var disruptionsAllowed: Int { max(0, currentHealthy - desiredHealthy) }
  }

  /// The budget's expected, healthy and desired-healthy pod counts over the pods it selects.
  public func disruptionBudget(_ pdb: JSON) -> DisruptionBudgetState {
    let selected: [JSON]
    if let pods = try? podsType, let selector = pdb[path: ["spec", "selector"]],
      let parsed = try? LabelSelector(object: selector)
    {
      selected = (objects[pods.storageKey] ?? [:]).filter { $0.key.namespace == pdb.namespace }.map(\.value)
        .filter { parsed.matches(object: $0) }
    } else {
      selected = []
    }
    let expected = selected.filter {
      !["Succeeded", "Failed"].contains($0[path: ["status", "phase"]]?.string ?? "")
    }.count
    let healthy = selected.filter { APIStore.isHealthy($0) }.count
    var desired = 0
    if let minAvailable = pdb[path: ["spec", "minAvailable"]] {
      desired = APIStore.scaled(minAvailable, of: expected)
    } else if let maxUnavailable = pdb[path: ["spec", "maxUnavailable"]] {
      desired = max(0, expected - APIStore.scaled(maxUnavailable, of: expected))
    } else {
      desired = expected  // policy/v1 without either field: no voluntary disruption
    }
    return DisruptionBudgetState(expectedPods: expected, currentHealthy: healthy, desiredHealthy: desired)
  }

  /// An int-or-percent against a total; percentages round up, as the disruption controller does.
  static func scaled(_ value: JSON, of total: Int) -> Int {
    if let i = value.int { return Int(min(max(i, 0), Int64(Int32.max))) }
    if let s = value.string, s.hasSuffix("%"), let percent = Int(s.dropLast()) {
      return (min(max(percent, 0), 100) * total + 99) / 100
    }
    if let s = value.string, let i = Int(s) { return i }
    return 0
  }

  /// Running, Ready and not being deleted.
  static func isHealthy(_ pod: JSON) -> Bool {
    guard !pod.isTerminating, pod[path: ["status", "phase"]]?.string == "Running" else { return false }
    return (pod[path: ["status", "conditions"]]?.array ?? []).contains {
      $0["type"]?.string == "Ready" && $0["status"]?.string == "True"
    }
  }

  /// Writes each budget's status (currentHealthy, desiredHealthy, expectedPods,
  /// disruptionsAllowed, observedGeneration) as the disruption controller would; Karpenter reads
  /// `disruptionsAllowed`. Only budgets whose status changes are written.
  public mutating func refreshDisruptionBudgets(namespace: String? = nil, now: Date) {
    guard let pdbs = registry.type(group: "policy", version: "v1", plural: "poddisruptionbudgets") else {
      return
    }
    for key in (objects[pdbs.storageKey]?.keys.sorted() ?? [])
    where namespace == nil || key.namespace == namespace {
      guard var pdb = objects[pdbs.storageKey]?[key] else { continue }
      let state = disruptionBudget(pdb)
      var status = pdb["status"] ?? [:]
      status["currentHealthy"] = .int(Int64(state.currentHealthy))
      status["desiredHealthy"] = .int(Int64(state.desiredHealthy))
      status["expectedPods"] = .int(Int64(state.expectedPods))
      status["disruptionsAllowed"] = .int(Int64(state.disruptionsAllowed))
      status["observedGeneration"] = pdb[path: ["metadata", "generation"]] ?? 1
      if status != pdb["status"] {
        pdb["status"] = status
        put(pdbs, key, pdb, event: .modified)
      }
    }
  }

  /// The Priority admission plugin: a pod's `priorityClassName` becomes its `priority` (and
  /// `preemptionPolicy`); an unknown class is 403; without a class the global default applies.
  mutating func resolvePriority(_ pod: inout JSON, name: String) throws(APIError) {
    let builtIn: [String: Int64] = [
      "system-node-critical": 2_000_001_000, "system-cluster-critical": 2_000_000_000,
    ]
    let classes = registry.type(group: "scheduling.k8s.io", version: "v1", plural: "priorityclasses")
    let stored = classes.map { objects[$0.storageKey] ?? [:] } ?? [:]
    var className = pod[path: ["spec", "priorityClassName"]]?.string ?? ""
    if className.isEmpty {
      let global = stored.values.filter { $0["globalDefault"]?.bool == true }.sorted { $0.name < $1.name }
        .first
      guard let global else {
        // The real server refuses a priority given without a class; the sandbox keeps it, so
        // that tests and stand-ins can set priorities without creating PriorityClasses.
        if pod[path: ["spec", "priority"]]?.int == nil { pod[path: ["spec", "priority"]] = 0 }
        return
      }
      className = global.name
      pod[path: ["spec", "priorityClassName"]] = .string(className)
    }
    let value: Int64
    var preemption: JSON = "PreemptLowerPriority"
    if let priorityClass = stored[ObjectKey(namespace: "", name: className)] {
      value = priorityClass["value"]?.int ?? 0
      preemption = priorityClass["preemptionPolicy"] ?? preemption
    } else if let known = builtIn[className] {
      value = known
    } else {
      throw APIError(
        code: 403, reason: .forbidden,
        message: "pods \"\(name)\" is forbidden: no PriorityClass with name \(className) was found",
        name: name, kind: "pods")
    }
    if let given = pod[path: ["spec", "priority"]]?.int, given != value {
      throw .invalid(
        (try? podsType)
          ?? ResourceType(group: "", version: "v1", kind: "Pod", plural: "pods", namespaced: true),
        name: name,
        causes: [
          FieldCause(
            reason: "FieldValueForbidden",
            message:
              "Forbidden: the integer value of priority (\(given)) must not be provided in pod spec; priority admission controller computed \(value) from the given PriorityClass name",
            field: "spec")
        ])
    }
    pod[path: ["spec", "priority"]] = .int(value)
    if pod[path: ["spec", "preemptionPolicy"]] == nil {
      pod[path: ["spec", "preemptionPolicy"]] = preemption
    }
  }
}
