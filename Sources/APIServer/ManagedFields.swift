import Foundation

/// `metadata.managedFields`: which manager set which fields, in the FieldsV1 format
/// (`{"f:spec":{"f:replicas":{}}}`), as server-side apply records it.
enum ManagedFields {
  /// One managedFields entry.
  static func entry(
    manager: String, operation: String, apiVersion: String, time: Date, fields: JSON,
    subresource: String? = nil
  ) -> JSON {
    var entry: JSON = [
      "manager": .string(manager), "operation": .string(operation), "apiVersion": .string(apiVersion),
      "time": .string(Timestamp.format(time)), "fieldsType": "FieldsV1", "fieldsV1": fields,
    ]
    if let subresource { entry["subresource"] = .string(subresource) }
    return entry
  }

  /// The fields an object sets, as a FieldsV1 tree; system metadata is left out.
  static func fieldSet(of object: JSON) -> JSON {
    var copy = object
    for key in ["apiVersion", "kind"] { copy[key] = nil }
    if var metadata = copy["metadata"] {
      for key in [
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields",
        "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink",
      ] {
        metadata[key] = nil
      }
      copy["metadata"] = metadata.object?.isEmpty == true ? nil : metadata
    }
    return tree(copy)
  }

  static func tree(_ value: JSON) -> JSON {
    switch value {
    case .object(let members):
      var out: [String: JSON] = [:]
      for (key, member) in members { out["f:" + key] = tree(member) }
      return .object(out)
    case .array(let elements):
      var out: [String: JSON] = [:]
      for element in elements {
        if let name = element["name"]?.string {
          // An element of a list keyed by name; "." marks the element itself as owned.
          out["k:{\"name\":\(JSON.string(name).description)}"] = tree(element).merging([".": [:]])
        } else if element.object == nil {
          out["v:" + element.description] = [:]
        }
      }
      return .object(out)
    default:
      return [:]
    }
  }

  /// The leaf paths of a FieldsV1 tree, e.g. ["f:spec", "f:replicas"].
  static func leafPaths(_ fields: JSON, prefix: [String] = []) -> [[String]] {
    guard let members = fields.object, !members.isEmpty else { return [prefix] }
    return members.flatMap { key, child -> [[String]] in
      key == "." ? [] : leafPaths(child, prefix: prefix + [key])
    }
  }
}

extension JSON {
  /// The object with `other`'s members added (theirs win).
  func merging(_ other: [String: JSON]) -> JSON {
    var members = object ?? [:]
    for (k, v) in other { members[k] = v }
    return .object(members)
  }
}

extension ManagedFields {
  /// The FieldsV1 tree of what differs from `old` in `new`.
  static func changedFields(from old: JSON, to new: JSON) -> JSON {
    var a = old
    var b = new
    for key in ["apiVersion", "kind"] {
      a[key] = nil
      b[key] = nil
    }
    for key in ["resourceVersion", "managedFields", "generation", "uid", "creationTimestamp"] {
      a[path: ["metadata", key]] = nil
      b[path: ["metadata", key]] = nil
    }
    return diff(a, b)
  }

  static func diff(_ old: JSON, _ new: JSON) -> JSON {
    guard let newMembers = new.object else { return [:] }
    let oldMembers = old.object ?? [:]
    var out: [String: JSON] = [:]
    for (key, value) in newMembers where oldMembers[key] != value {
      if let oldValue = oldMembers[key], oldValue.object != nil, value.object != nil {
        out["f:" + key] = diff(oldValue, value)
      } else {
        out["f:" + key] = tree(value)
      }
    }
    return .object(out)
  }

  /// managedFields with `fields` added to the entry of (manager, operation, subresource).
  static func recording(
    in existing: JSON?, manager: String, operation: String, apiVersion: String, time: Date, fields: JSON,
    subresource: String?
  ) -> JSON {
    var entries = existing?.array ?? []
    let match = entries.firstIndex {
      $0["manager"]?.string == manager && $0["operation"]?.string == operation
        && $0["subresource"]?.string == subresource
    }
    var union = fields
    if let match { union = merge(entries[match]["fieldsV1"] ?? [:], fields) }
    let entry = self.entry(
      manager: manager, operation: operation, apiVersion: apiVersion, time: time, fields: union,
      subresource: subresource)
    if let match { entries[match] = entry } else { entries.append(entry) }
    return .array(entries)
  }

  /// The union of two FieldsV1 trees.
  static func merge(_ a: JSON, _ b: JSON) -> JSON {
    var out = a.object ?? [:]
    for (key, value) in b.object ?? [:] {
      out[key] = out[key].map { merge($0, value) } ?? value
    }
    return .object(out)
  }
}
