import Foundation

/// The patch formats PATCH accepts, by Content-Type.
public enum PatchType: String, Sendable, Hashable, CaseIterable {
  /// RFC 6902, `application/json-patch+json`.
  case json = "application/json-patch+json"
  /// RFC 7386, `application/merge-patch+json`.
  case merge = "application/merge-patch+json"
  /// `application/strategic-merge-patch+json`; built-in kinds only.
  case strategic = "application/strategic-merge-patch+json"
  /// Server-side apply, `application/apply-patch+yaml` (the body must reach the store as JSON).
  case apply = "application/apply-patch+yaml"

  /// The patch type of a Content-Type header (parameters ignored).
  public init?(contentType: String) {
    let bare = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    if bare == "application/apply-patch+json" { self = .apply; return }
    self.init(rawValue: bare)
  }
}

extension APIStore {
  /// Patches an object as PATCH does.
  ///
  /// The patched object then goes through the same rules as an update (resourceVersion in the
  /// patch as a precondition, status subresource semantics, generation, finalizers). Strategic
  /// merge on a custom resource is 415, as the real server answers (kubectl then falls back to a
  /// merge patch). Server-side apply creates the object when it is absent, records the
  /// manager's fields in `metadata.managedFields`, and refuses (409) to change a field another
  /// manager owns with a different value unless `force` is set.
  public mutating func patch(
    _ type: ResourceType, namespace: String?, name: String, _ patch: [UInt8], as patchType: PatchType,
    subresource: Subresource? = nil, fieldManager: String? = nil, force: Bool = false, dryRun: Bool = false,
    now: Date
  ) throws(APIError) -> JSON {
    let document: JSON
    do {
      document = try JSON(parsing: patch)
    } catch {
      throw .badRequest("error decoding patch: \(error)")
    }
    if patchType == .strategic, type.isCustom {
      throw .unsupportedMediaType(
        "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")
    }
    let key = try objectKey(type, namespace: namespace, name: name)
    if patchType == .apply {
      return try apply(type, key, document, subresource: subresource, fieldManager: fieldManager, force: force, dryRun: dryRun, now: now)
    }
    guard let old = objects[type.storageKey]?[key] else { throw .notFound(type, name: name) }
    if subresource == .scale {
      return try patchScale(type, key, document, as: patchType, now: now)
    }
    let current = served(old, as: type)
    var patched: JSON
    switch patchType {
    case .json: patched = try JSONPatch.apply(document, to: current)
    case .merge:
      guard document.object != nil else { throw .badRequest("a merge patch must be a JSON object") }
      patched = MergePatch.apply(document, to: current)
    case .strategic: patched = try StrategicMergePatch.apply(document, to: current, kind: type.kind)
    case .apply: patched = current
    }
    patched = try checkedBody(type, patched)
    if patched[path: ["metadata", "name"]]?.string != name {
      throw .badRequest("metadata.name cannot be changed by a patch (\(name))")
    }
    if let rv = patched[path: ["metadata", "resourceVersion"]]?.string, !rv.isEmpty,
      rv != old[path: ["metadata", "resourceVersion"]]?.string
    {
      throw .conflict(type, name: name)
    }
    return try replace(type, key, old: old, with: patched, subresource: subresource, dryRun: dryRun, fieldManager: fieldManager, operation: "Update", now: now)
  }

  /// A patch of the `autoscaling/v1 Scale` view (what `kubectl scale` sends).
  mutating func patchScale(_ type: ResourceType, _ key: ObjectKey, _ document: JSON, as patchType: PatchType, now: Date) throws(APIError) -> JSON {
    let current = try scale(type, namespace: type.namespaced ? key.namespace : nil, name: key.name)
    let patched: JSON
    switch patchType {
    case .json: patched = try JSONPatch.apply(document, to: current)
    case .merge, .strategic, .apply: patched = MergePatch.apply(document, to: current)
    }
    return try updateScale(type, namespace: type.namespaced ? key.namespace : nil, name: key.name, patched, now: now)
  }

  /// Server-side apply of a configuration.
  mutating func apply(
    _ type: ResourceType, _ key: ObjectKey, _ config: JSON, subresource: Subresource?, fieldManager: String?,
    force: Bool, dryRun: Bool, now: Date
  ) throws(APIError) -> JSON {
    guard let manager = fieldManager, !manager.isEmpty else {
      throw .badRequest("PATCH /apply requires fieldManager to be set")
    }
    guard config.object != nil else { throw .badRequest("an apply configuration must be a JSON object") }
    guard config["apiVersion"]?.string?.isEmpty == false, config["kind"]?.string?.isEmpty == false else {
      throw .badRequest("invalid object type: an apply configuration needs apiVersion and kind")
    }
    let config = try checkedBody(type, config)
    if let configName = config[path: ["metadata", "name"]]?.string, configName != key.name {
      throw .badRequest("the name of the object (\(configName)) does not match the name on the URL (\(key.name))")
    }
    let fields = ManagedFields.fieldSet(of: config)
    let entry = ManagedFields.entry(
      manager: manager, operation: "Apply", apiVersion: type.apiVersion, time: now, fields: fields,
      subresource: subresource == .status ? "status" : nil)
    guard let old = objects[type.storageKey]?[key] else {
      var object = config
      object[path: ["metadata", "name"]] = .string(key.name)
      object[path: ["metadata", "managedFields"]] = [entry]
      return try create(type, namespace: type.namespaced ? key.namespace : nil, object, dryRun: dryRun, now: now)
    }
    let conflicts = ServerSideApply.conflicts(applying: config, as: manager, live: old)
    if !conflicts.isEmpty, !force { throw ServerSideApply.conflictError(conflicts, type: type, name: key.name) }
    var merged: JSON
    var applied = config
    applied[path: ["metadata", "managedFields"]] = nil
    applied[path: ["metadata", "resourceVersion"]] = nil
    if type.isCustom {
      merged = MergePatch.apply(applied, to: old)
    } else {
      merged = try StrategicMergePatch.apply(applied, to: old, kind: type.kind)
    }
    var managed = old[path: ["metadata", "managedFields"]]?.array ?? []
    // Fields this manager applied before and no longer does, and nobody else owns, are removed.
    let previous = managed.first { $0["manager"]?.string == manager && $0["operation"]?.string == "Apply" }
    if let previous {
      let before = Set(ManagedFields.leafPaths(previous["fieldsV1"] ?? [:]))
      let now = Set(ManagedFields.leafPaths(fields))
      let others = Set(
        managed.filter { !($0["manager"]?.string == manager && $0["operation"]?.string == "Apply") }
          .flatMap { ManagedFields.leafPaths($0["fieldsV1"] ?? [:]) })
      for path in before.subtracting(now).subtracting(others).sorted(by: { $0.count > $1.count }) {
        merged = ServerSideApply.deleteField(path, from: merged)
      }
    }
    if force, !conflicts.isEmpty {
      managed = ServerSideApply.disown(Set(conflicts.map(\.path)), in: managed, except: manager)
    }
    if let index = managed.firstIndex(where: { $0["manager"]?.string == manager && $0["operation"]?.string == "Apply" }) {
      managed[index] = entry
    } else {
      managed.append(entry)
    }
    merged[path: ["metadata", "managedFields"]] = .array(managed)
    merged[path: ["metadata", "resourceVersion"]] = old[path: ["metadata", "resourceVersion"]]
    return try replace(type, key, old: old, with: merged, subresource: subresource, dryRun: dryRun, fieldManager: nil, operation: "Apply", now: now)
  }
}
