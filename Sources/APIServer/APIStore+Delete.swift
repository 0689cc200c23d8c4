import Foundation

extension APIStore {
  /// Deletes an object as `DELETE` does.
  ///
  /// Preconditions on uid and resourceVersion are checked (409 on mismatch). An object with
  /// finalizers gets a deletionTimestamp and stays until the last finalizer is removed. A pod
  /// bound to a node is marked with a grace period for the kubelet to finish
  /// (`finalizePodDeletion`) unless the grace period is 0. Dependents are handled by the
  /// propagation policy (the kind's default when none is given: Orphan for Jobs, else Background).
  public mutating func delete(
    _ type: ResourceType, namespace: String?, name: String, options: DeleteOptions = DeleteOptions(),
    now: Date
  ) throws(APIError) -> DeleteResult {
    let key = try objectKey(type, namespace: namespace, name: name)
    guard let object = objects[type.storageKey]?[key] else { throw .notFound(type, name: name) }
    if type.group.isEmpty, type.plural == "namespaces",
      ["default", "kube-system", "kube-public"].contains(name)
    {
      throw APIError(
        code: 403, reason: .forbidden,
        message: "namespaces \"\(name)\" is forbidden: this namespace may not be deleted",
        name: name, kind: "namespaces")
    }
    if let uid = options.preconditionUID, uid != object.uid {
      throw .conflict(
        type, name: name,
        detail: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(object.uid ?? "")")
    }
    let currentRV = object[path: ["metadata", "resourceVersion"]]?.string ?? ""
    if let rv = options.preconditionResourceVersion, rv != currentRV {
      throw .conflict(
        type, name: name,
        detail:
          "Precondition failed: ResourceVersion in precondition: \(rv), ResourceVersion in object meta: \(currentRV)"
      )
    }
    if options.dryRun { return .deleted(served(object, as: type)) }
    let result = deleteObject(
      type, key, policy: options.propagationPolicy, gracePeriod: options.gracePeriodSeconds, now: now)
    switch result {
    case .deleted(let o): return .deleted(served(o, as: type))
    case .markedForDeletion(let o): return .markedForDeletion(served(o, as: type))
    }
  }

  /// Deletes every object matching the selectors in the namespace (or everywhere), one by one.
  public mutating func deleteCollection(
    _ type: ResourceType, namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil,
    options: DeleteOptions = DeleteOptions(), now: Date
  ) throws(APIError) -> [DeleteResult] {
    let matching = try list(
      type, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector)
    if options.dryRun { return matching.items.map { .deleted($0) } }
    var results: [DeleteResult] = []
    for item in matching.items {
      let key = ObjectKey(namespace: type.namespaced ? item.namespace : "", name: item.name)
      guard objects[type.storageKey]?[key] != nil else { continue }  // gone in a cascade
      results.append(
        deleteObject(
          type, key, policy: options.propagationPolicy, gracePeriod: options.gracePeriodSeconds, now: now))
    }
    return results
  }

  /// The kubelet stand-in's last word on a pod marked for graceful deletion: the pod goes
  /// (or, with finalizers left, waits for them with a grace period of 0).
  @discardableResult
  public mutating func finalizePodDeletion(namespace: String, name: String, now: Date) throws(APIError)
    -> DeleteResult
  {
    guard let pods = registry.type(group: "", version: "v1", plural: "pods") else {
      throw .badRequest("pods are not served")
    }
    let key = ObjectKey(namespace: namespace, name: name)
    guard var pod = objects[pods.storageKey]?[key] else { throw .notFound(pods, name: name) }
    if pod.finalizers.isEmpty {
      return .deleted(remove(pods, key, now: now) ?? pod)
    }
    if !pod.isTerminating { pod[path: ["metadata", "deletionTimestamp"]] = .string(Timestamp.format(now)) }
    pod[path: ["metadata", "deletionGracePeriodSeconds"]] = 0
    return .markedForDeletion(put(pods, key, pod, event: .modified))
  }

  /// The propagation a DELETE without one gets: Orphan for batch/v1 Jobs (kept for backward
  /// compatibility by the real server), Background for everything else served here.
  static func defaultPropagation(_ type: ResourceType) -> PropagationPolicy {
    type.group == "batch" && type.kind == "Job" ? .orphan : .background
  }

  /// The deletion itself, shared by delete, deleteCollection, eviction and the garbage collector.
  mutating func deleteObject(
    _ type: ResourceType, _ key: ObjectKey, policy requested: PropagationPolicy?, gracePeriod: Int?, now: Date
  ) -> DeleteResult {
    guard var object = objects[type.storageKey]?[key] else { return .deleted([:]) }
    let policy = requested ?? APIStore.defaultPropagation(type)
    if type.group.isEmpty, type.plural == "namespaces" { return deleteNamespace(type, key, object, now: now) }
    if type.group == "apiextensions.k8s.io", type.plural == "customresourcedefinitions" {
      deleteCustomResources(of: object, now: now)
    }
    var finalizers = object.finalizers
    if policy == .orphan, let uid = object.uid {
      orphanDependents(of: uid)
    }
    if policy == .foreground, let uid = object.uid, dependentsByOwner[uid]?.isEmpty == false,
      !finalizers.contains("foregroundDeletion")
    {
      finalizers.append("foregroundDeletion")
    }
    // Pods on a node are finished by the kubelet after their grace period.
    let isPod = type.group.isEmpty && type.plural == "pods"
    if isPod, !object.isTerminating, let node = object[path: ["spec", "nodeName"]]?.string, !node.isEmpty {
      let grace = gracePeriod ?? Int(object[path: ["spec", "terminationGracePeriodSeconds"]]?.int ?? 30)
      let finished = ["Succeeded", "Failed"].contains(object[path: ["status", "phase"]]?.string ?? "")
      if grace > 0, !finished {
        object[path: ["metadata", "deletionTimestamp"]] = .string(
          Timestamp.format(now.addingTimeInterval(Double(grace))))
        object[path: ["metadata", "deletionGracePeriodSeconds"]] = .int(Int64(grace))
        if finalizers != object.finalizers {
          object[path: ["metadata", "finalizers"]] = .array(finalizers.map(JSON.string))
        }
        return .markedForDeletion(put(type, key, object, event: .modified))
      }
    }
    if isPod, object.isTerminating, gracePeriod != 0,
      !(object[path: ["metadata", "deletionGracePeriodSeconds"]]?.int == 0)
    {
      // Already terminating gracefully: a second delete changes nothing.
      return .markedForDeletion(object)
    }
    if finalizers.isEmpty {
      return .deleted(remove(type, key, now: now) ?? object)
    }
    var changed = false
    if !object.isTerminating {
      object[path: ["metadata", "deletionTimestamp"]] = .string(Timestamp.format(now))
      object[path: ["metadata", "deletionGracePeriodSeconds"]] = 0
      changed = true
    }
    if finalizers != object.finalizers {
      object[path: ["metadata", "finalizers"]] = .array(finalizers.map(JSON.string))
      changed = true
    }
    var current = changed ? put(type, key, object, event: .modified) : object
    if policy == .foreground, let uid = object.uid {
      for dependent in (dependentsByOwner[uid] ?? []).sorted(by: { $0.key < $1.key }) {
        guard let dependentType = self.type(group: dependent.group, plural: dependent.plural) else {
          continue
        }
        _ = deleteObject(dependentType, dependent.key, policy: .foreground, gracePeriod: nil, now: now)
      }
      completeForegroundDeletion(type, key, now: now)
      current = objects[type.storageKey]?[key] ?? current
      if objects[type.storageKey]?[key] == nil { return .deleted(current) }
    }
    return .markedForDeletion(current)
  }
}
