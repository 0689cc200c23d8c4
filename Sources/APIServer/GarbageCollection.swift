import Foundation

/// The garbage collector and namespace controller, run synchronously inside each write: what a
/// real cluster converges to a moment after a delete, the store does at once.
extension APIStore {
  /// What removing an object sets off: its dependents are collected (or lose the dangling
  /// reference when another owner remains), a foreground-deleting owner may now go, a
  /// terminating namespace may now be empty.
  mutating func afterRemoval(of type: ResourceType, key: ObjectKey, object: JSON, now: Date) {
    if let uid = object.uid, let dependents = dependentsByOwner[uid] {
      for dependent in dependents.sorted(by: { $0.key < $1.key }) {
        collectDependent(dependent, goneOwner: uid, now: now)
      }
    }
    for ownerUID in object.ownerUIDs {
      guard let owner = byUID[ownerUID], let ownerObject = self.object(at: owner),
        ownerObject.finalizers.contains("foregroundDeletion"),
        let ownerType = self.type(group: owner.group, plural: owner.plural)
      else { continue }
      completeForegroundDeletion(ownerType, owner.key, now: now)
    }
    if !key.namespace.isEmpty, namespaceObjectCounts[key.namespace] == nil {
      let nsKey = ObjectKey(namespace: "", name: key.namespace)
      if let ns = objects[namespacesType.storageKey]?[nsKey], ns.isTerminating {
        finishNamespace(nsKey, now: now)
      }
    }
  }

  /// A dependent whose owner `goneOwner` was removed: deleted in the background when no other
  /// owner exists, otherwise stripped of the dangling reference.
  mutating func collectDependent(_ ref: ObjectRef, goneOwner: String, now: Date) {
    guard var dependent = object(at: ref), let type = self.type(group: ref.group, plural: ref.plural) else { return }
    let references = dependent[path: ["metadata", "ownerReferences"]]?.array ?? []
    let living = references.filter { reference in reference["uid"]?.string.map { byUID[$0] != nil } ?? false }
    if living.isEmpty {
      if !dependent.isTerminating || dependent.finalizers.isEmpty {
        _ = deleteObject(type, ref.key, policy: .background, gracePeriod: nil, now: now)
      }
    } else if living.count != references.count {
      dependent[path: ["metadata", "ownerReferences"]] = .array(living)
      put(type, ref.key, dependent, event: .modified)
    }
  }

  /// Removes the owner reference to `uid` from every dependent (Orphan propagation).
  mutating func orphanDependents(of uid: String) {
    for ref in (dependentsByOwner[uid] ?? []).sorted(by: { $0.key < $1.key }) {
      guard var dependent = object(at: ref), let type = self.type(group: ref.group, plural: ref.plural) else { continue }
      let references = dependent[path: ["metadata", "ownerReferences"]]?.array ?? []
      let kept = references.filter { $0["uid"]?.string != uid }
      dependent[path: ["metadata", "ownerReferences"]] = kept.isEmpty ? nil : .array(kept)
      put(type, ref.key, dependent, event: .modified)
    }
  }

  /// Removes `foregroundDeletion` from an owner once no dependent blocks it, and removes the
  /// owner when no finalizer is left.
  mutating func completeForegroundDeletion(_ type: ResourceType, _ key: ObjectKey, now: Date) {
    guard var owner = objects[type.storageKey]?[key], let uid = owner.uid,
      owner.finalizers.contains("foregroundDeletion")
    else { return }
    let blocking = (dependentsByOwner[uid] ?? []).contains { ref in
      guard let dependent = object(at: ref) else { return false }
      return (dependent[path: ["metadata", "ownerReferences"]]?.array ?? []).contains {
        $0["uid"]?.string == uid && $0["blockOwnerDeletion"]?.bool == true
      }
    }
    if blocking { return }
    let remaining = owner.finalizers.filter { $0 != "foregroundDeletion" }
    owner[path: ["metadata", "finalizers"]] = remaining.isEmpty ? nil : .array(remaining.map(JSON.string))
    if remaining.isEmpty {
      objects[type.storageKey]![key] = owner
      remove(type, key, now: now)
    } else {
      put(type, key, owner, event: .modified)
    }
  }

  /// Deleting a namespace: it turns Terminating, its content is deleted, and it goes once empty.
  mutating func deleteNamespace(_ type: ResourceType, _ key: ObjectKey, _ object: JSON, now: Date) -> DeleteResult {
    var namespace = object
    if !namespace.isTerminating {
      namespace[path: ["metadata", "deletionTimestamp"]] = .string(Timestamp.format(now))
      namespace[path: ["metadata", "deletionGracePeriodSeconds"]] = 0
      namespace[path: ["status", "phase"]] = "Terminating"
      namespace = put(type, key, namespace, event: .modified)
    }
    for storage in objects.keys.sorted() {
      let parts = storage.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, let contentType = self.type(group: String(parts[0]), plural: String(parts[1])),
        contentType.namespaced
      else { continue }
      let keys = (objects[storage]?.keys.filter { $0.namespace == key.name } ?? []).sorted()
      for contentKey in keys where objects[storage]?[contentKey] != nil {
        _ = deleteObject(contentType, contentKey, policy: .background, gracePeriod: nil, now: now)
      }
    }
    if namespaceObjectCounts[key.name] == nil { finishNamespace(key, now: now) }
    if let left = objects[type.storageKey]?[key] { return .markedForDeletion(left) }
    return .deleted(namespace)
  }

  /// The namespace controller's last step: drop the `kubernetes` finalizer and remove the
  /// namespace unless other finalizers hold it.
  mutating func finishNamespace(_ key: ObjectKey, now: Date) {
    let type = namespacesType
    guard var namespace = objects[type.storageKey]?[key] else { return }
    namespace[path: ["spec", "finalizers"]] = nil
    if namespace.finalizers.isEmpty {
      objects[type.storageKey]![key] = namespace
      remove(type, key, now: now)
    } else if namespace[path: ["spec", "finalizers"]] != objects[type.storageKey]?[key]?[path: ["spec", "finalizers"]] {
      put(type, key, namespace, event: .modified)
    }
  }

  /// Deleting a CustomResourceDefinition deletes its objects and stops serving its types.
  mutating func deleteCustomResources(of crd: JSON, now: Date) {
    guard let group = crd[path: ["spec", "group"]]?.string, let plural = crd[path: ["spec", "names", "plural"]]?.string,
      let type = self.type(group: group, plural: plural)
    else { return }
    for key in (objects[type.storageKey]?.keys.sorted() ?? []) {
      objects[type.storageKey]![key]![path: ["metadata", "finalizers"]] = nil
      remove(type, key, now: now)
    }
    registry.unregister(group: group, plural: plural)
  }

  /// The garbage collector's sweep: objects whose every owner is gone are deleted in the
  /// background; references to missing owners are dropped when another owner remains.
  public mutating func collectGarbage(now: Date) {
    for (ownerUID, dependents) in dependentsByOwner.sorted(by: { $0.key < $1.key }) where byUID[ownerUID] == nil {
      for ref in dependents.sorted(by: { $0.key < $1.key }) {
        guard var dependent = object(at: ref), let type = self.type(group: ref.group, plural: ref.plural) else { continue }
        let references = dependent[path: ["metadata", "ownerReferences"]]?.array ?? []
        let living = references.filter { $0["uid"]?.string.map { byUID[$0] != nil } ?? false }
        if living.isEmpty {
          if !dependent.isTerminating { _ = deleteObject(type, ref.key, policy: .background, gracePeriod: nil, now: now) }
        } else if living.count != references.count {
          dependent[path: ["metadata", "ownerReferences"]] = .array(living)
          put(type, ref.key, dependent, event: .modified)
        }
      }
    }
  }
}
