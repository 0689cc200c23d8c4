import Foundation

extension APIStore {
  /// Replaces an object as `PUT` does.
  ///
  /// A non-empty `metadata.resourceVersion` must match the stored one (409 Conflict otherwise);
  /// an empty one makes the update unconditional. For kinds with a status subresource, an update
  /// of the main resource keeps the stored status and an update of `/status` changes only the
  /// status. System metadata (uid, creationTimestamp, deletion fields) is kept; the generation
  /// is bumped when anything but metadata and status changes. An update that changes nothing
  /// returns the stored object without a new resource version, as the real server does.
  /// Removing the last finalizer of an object being deleted deletes it.
  public mutating func update(
    _ type: ResourceType, namespace: String?, name: String, _ object: JSON, subresource: Subresource? = nil,
    dryRun: Bool = false, fieldManager: String? = nil, now: Date
  ) throws(APIError) -> JSON {
    switch subresource {
    case .scale: return try updateScale(type, namespace: namespace, name: name, object, now: now)
    case .eviction, .binding:
      throw .methodNotAllowed("the server does not allow this method on the requested resource")
    case .status, nil: break
    }
    let key = try objectKey(type, namespace: namespace, name: name)
    guard let old = objects[type.storageKey]?[key] else { throw .notFound(type, name: name) }
    let new = try checkedBody(type, object)
    if let bodyName = new[path: ["metadata", "name"]]?.string, !bodyName.isEmpty, bodyName != name {
      throw .badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
    }
    if type.namespaced, let bodyNamespace = new[path: ["metadata", "namespace"]]?.string,
      !bodyNamespace.isEmpty,
      bodyNamespace != key.namespace
    {
      throw .badRequest(
        "the namespace of the provided object does not match the namespace sent on the request")
    }
    if let rv = new[path: ["metadata", "resourceVersion"]]?.string, !rv.isEmpty,
      rv != old[path: ["metadata", "resourceVersion"]]?.string
    {
      throw .conflict(type, name: name)
    }
    if let uid = new[path: ["metadata", "uid"]]?.string, !uid.isEmpty, uid != old.uid {
      throw .conflict(
        type, name: name,
        detail: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(old.uid ?? "")")
    }
    return try replace(
      type, key, old: old, with: new, subresource: subresource, dryRun: dryRun, fieldManager: fieldManager,
      operation: "Update", now: now)
  }

  /// Stores `new` in place of `old` with the update rules; shared by update and patch.
  mutating func replace(
    _ type: ResourceType, _ key: ObjectKey, old: JSON, with proposed: JSON, subresource: Subresource?,
    dryRun: Bool,
    fieldManager: String?, operation: String, now: Date
  ) throws(APIError) -> JSON {
    var new = proposed
    if subresource == nil { applyDefaults(type, &new, now: now, previous: old) }
    if type.subresources.contains(.status) {
      if subresource == .status {
        var merged = old
        merged["status"] = new["status"]
        new = merged
      } else {
        new["status"] = old["status"]
      }
    }
    // System metadata the client cannot change.
    for field in [
      "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "name",
      "namespace",
    ] {
      new[path: ["metadata", field]] = old[path: ["metadata", field]]
    }
    new[path: ["metadata", "resourceVersion"]] = old[path: ["metadata", "resourceVersion"]]
    if new[path: ["metadata", "managedFields"]] == nil {
      new[path: ["metadata", "managedFields"]] = old[path: ["metadata", "managedFields"]]
    }
    if old.isTerminating {
      let added = Set(new.finalizers).subtracting(old.finalizers)
      if !added.isEmpty {
        throw .invalid(
          type, name: key.name,
          causes: [
            FieldCause(
              reason: "FieldValueForbidden",
              message:
                "Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers \(added.sorted())",
              field: "metadata.finalizers")
          ])
      }
    }
    if type.group.isEmpty, type.kind == "Pod", subresource == nil {
      // What the priority admission filled in on create need not be repeated by an update.
      for field in ["priority", "preemptionPolicy", "priorityClassName"]
      where new[path: ["spec", field]] == nil {
        new[path: ["spec", field]] = old[path: ["spec", field]]
      }
    }
    // The CRD's schema: pruning, defaults, OpenAPI validation and CEL rules (ratcheting on old).
    try admitAgainstSchema(type, &new, old: old, subresource: subresource, name: key.name)
    let immutable = ImmutableFields.problems(type, old: old, new: new)
    if !immutable.isEmpty { throw .invalid(type, name: key.name, causes: immutable) }
    if tracksGeneration(type), APIStore.specChanged(old, new) {
      new[path: ["metadata", "generation"]] = .int((old[path: ["metadata", "generation"]]?.int ?? 0) + 1)
    }
    if let fieldManager, new != old {
      new[path: ["metadata", "managedFields"]] = ManagedFields.recording(
        in: new[path: ["metadata", "managedFields"]], manager: fieldManager, operation: operation,
        apiVersion: type.apiVersion, time: now, fields: ManagedFields.changedFields(from: old, to: new),
        subresource: subresource == .status ? "status" : nil)
    }
    if new == old { return served(old, as: type) }
    // A graceful pod deletion is finished by the kubelet (finalizePodDeletion), not by updates.
    try admit(type, new, .update, name: key.name)
    if dryRun { return served(new, as: type) }
    if old.isTerminating, new.finalizers.isEmpty,
      (old[path: ["metadata", "deletionGracePeriodSeconds"]]?.int ?? 0) == 0
    {
      // The last finalizer is gone: the object goes now.
      let ref = ObjectRef(group: type.group, plural: type.plural, key: key)
      unindex(old, ref: ref)
      index(new, ref: ref)
      objects[type.storageKey]![key] = new
      let last = remove(type, key, now: now) ?? new
      return served(last, as: type)
    }
    let stored = put(type, key, new, event: .modified)
    afterUpdate(type, key, old: old, new: stored, now: now)
    return served(stored, as: type)
  }

  /// Whether anything but metadata and status differs.
  static func specChanged(_ old: JSON, _ new: JSON) -> Bool {
    var a = old
    var b = new
    for field in ["metadata", "status", "apiVersion", "kind"] {
      a[field] = nil
      b[field] = nil
    }
    return a != b
  }

  /// What an update sets off: a CustomResourceDefinition's served versions change.
  mutating func afterUpdate(_ type: ResourceType, _ key: ObjectKey, old: JSON, new: JSON, now: Date) {
    if type.group == "apiextensions.k8s.io", type.plural == "customresourcedefinitions" {
      // Versions no longer served stop being served; the objects stay (stored once per group).
      if let group = old[path: ["spec", "group"]]?.string,
        let plural = old[path: ["spec", "names", "plural"]]?.string
      {
        registry.unregister(group: group, plural: plural)
      }
      for served in ResourceRegistry.types(fromCRD: new) where !ResourceRegistry.isBuiltIn(served) {
        registry.register(served)
      }
    }
  }
}
