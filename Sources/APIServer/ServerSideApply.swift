/// Server-side apply's field ownership: which manager owns which leaf field, conflicts between
/// managers, and the fields an applier stopped setting.
enum ServerSideApply {
  /// A field a manager's applied configuration sets, where another manager owns a different value.
  struct Conflict: Hashable {
    var manager: String
    var apiVersion: String
    var path: [String]
  }

  /// The conflicts applying `config` as `manager` would raise against the live object.
  static func conflicts(applying config: JSON, as manager: String, live: JSON) -> [Conflict] {
    let applied = Set(ManagedFields.leafPaths(ManagedFields.fieldSet(of: config)))
    var found: [Conflict] = []
    for entry in live[path: ["metadata", "managedFields"]]?.array ?? [] {
      guard let other = entry["manager"]?.string else { continue }
      if other == manager, entry["operation"]?.string == "Apply" { continue }
      let owned = ManagedFields.leafPaths(entry["fieldsV1"] ?? [:])
      for path in owned where applied.contains(path) {
        if value(at: path, in: live) != value(at: path, in: config) {
          found.append(Conflict(manager: other, apiVersion: entry["apiVersion"]?.string ?? "", path: path))
        }
      }
    }
    return found.sorted { ($0.manager, render($0.path)) < ($1.manager, render($1.path)) }
  }

  /// The 409 the real server answers with.
  static func conflictError(_ conflicts: [Conflict], type: ResourceType, name: String) -> APIError {
    let causes = conflicts.map {
      FieldCause(reason: "FieldManagerConflict", message: "conflict with \"\($0.manager)\" using \($0.apiVersion)", field: render($0.path))
    }
    let message: String
    if conflicts.count == 1, let only = conflicts.first {
      message = "Apply failed with 1 conflict: conflict with \"\(only.manager)\" using \(only.apiVersion): \(render(only.path))"
    } else {
      let byManager = Dictionary(grouping: conflicts, by: \.manager)
      let parts = byManager.keys.sorted().map { manager in
        "conflicts with \"\(manager)\" using \(byManager[manager]!.first!.apiVersion):\n"
          + byManager[manager]!.map { "- \(render($0.path))" }.joined(separator: "\n")
      }
      message = "Apply failed with \(conflicts.count) conflicts: " + parts.joined(separator: "\n")
    }
    return APIError(code: 409, reason: .conflict, message: message, name: name, group: type.group, kind: type.plural, causes: causes)
  }

  /// ".spec.containers[name="app"].image" for a FieldsV1 path.
  static func render(_ path: [String]) -> String {
    var out = ""
    for element in path {
      if element.hasPrefix("f:") {
        out += "." + element.dropFirst(2)
      } else if element.hasPrefix("k:") {
        let key = (try? JSON(parsing: String(element.dropFirst(2)))) ?? .null
        let parts = (key.object ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        out += "[" + parts.joined(separator: ",") + "]"
      } else if element.hasPrefix("v:") {
        out += "[\(element.dropFirst(2))]"
      }
    }
    return out
  }

  /// The value a FieldsV1 path names in an object, nil when absent.
  static func value(at path: [String], in object: JSON) -> JSON? {
    var current: JSON? = object
    for element in path {
      guard let here = current else { return nil }
      if element.hasPrefix("f:") {
        current = here[String(element.dropFirst(2))]
      } else if element.hasPrefix("k:") {
        let key = (try? JSON(parsing: String(element.dropFirst(2)))) ?? .null
        current = here.array?.first { item in (key.object ?? [:]).allSatisfy { item[$0.key] == $0.value } }
      } else if element.hasPrefix("v:") {
        let value = (try? JSON(parsing: String(element.dropFirst(2)))) ?? .null
        current = here.array?.contains(value) == true ? value : nil
      } else {
        return current
      }
    }
    return current
  }

  /// Removes `paths` from every manager's field set (a forced apply takes the fields over).
  static func disown(_ paths: Set<[String]>, in managedFields: [JSON], except manager: String) -> [JSON] {
    managedFields.compactMap { entry in
      guard entry["manager"]?.string != manager || entry["operation"]?.string != "Apply" else { return entry }
      var fields = entry["fieldsV1"] ?? [:]
      for path in paths { fields = removing(path[...], from: fields) }
      if fields.object?.isEmpty == true { return nil }
      var copy = entry
      copy["fieldsV1"] = fields
      return copy
    }
  }

  static func removing(_ path: ArraySlice<String>, from tree: JSON) -> JSON {
    guard let first = path.first, var members = tree.object, let child = members[first] else { return tree }
    if path.count == 1 {
      members[first] = nil
    } else {
      let pruned = removing(path.dropFirst(), from: child)
      members[first] = pruned.object?.isEmpty == true ? nil : pruned
    }
    return .object(members)
  }

  /// Deletes from `object` a simple field path (only `f:` steps), leaving the rest alone.
  static func deleteField(_ path: [String], from object: JSON) -> JSON {
    guard path.allSatisfy({ $0.hasPrefix("f:") }) else { return object }
    var copy = object
    copy[path: path.map { String($0.dropFirst(2)) }] = nil
    return copy
  }
}
