/// What the apiserver does to a custom resource before validating it: drops the fields its
/// schema does not know (pruning), drops nulls the schema does not allow, and fills in the
/// `default:` of absent fields, recursively (a defaulted object gets its own defaults too).
enum SchemaDefaulting {
  /// Prunes and defaults `value` in place; returns the pruned fields' paths
  /// (`spec.unknownField`, `spec.items[0].typo`) so that callers can warn, as kubectl does.
  static func apply(_ value: inout JSON, _ node: SchemaNode, path: String, isRoot: Bool) -> [String] {
    var pruned: [String] = []
    walk(&value, node, path: path, isRoot: isRoot, pruned: &pruned)
    return pruned
  }

  private static func walk(
    _ value: inout JSON, _ node: SchemaNode, path: String, isRoot: Bool, pruned: inout [String]
  ) {
    switch value {
    case .object(var members):
      value = .null  // release the storage so the dictionary is changed in place
      defer { value = .object(members) }
      // Fields the schema does not know are dropped, unless it keeps unknown fields.
      for key in Array(members.keys) {
        if (isRoot || node.embeddedResource), key == "apiVersion" || key == "kind" || key == "metadata" {
          continue
        }
        guard let child = node.child(key) else {
          if !node.preservesUnknownFields {
            members[key] = nil
            pruned.append(join(path, key))
          }
          continue
        }
        if members[key] == .null, !child.nullable {
          // A null the schema does not allow: the default, or nothing.
          members[key] = child.defaultValue
        }
      }
      for (key, child) in node.properties where members[key] == nil {
        if let defaultValue = child.defaultValue { members[key] = defaultValue }
      }
      for key in Array(members.keys) {
        if (isRoot || node.embeddedResource), key == "apiVersion" || key == "kind" || key == "metadata" {
          continue
        }
        guard let child = node.child(key), child.needsWalk else { continue }
        var member = members[key]!
        members[key] = .null
        walk(&member, child, path: join(path, key), isRoot: false, pruned: &pruned)
        members[key] = member
      }
    case .array(var items):
      guard let itemSchema = node.items else { return }
      value = .null
      defer { value = .array(items) }
      for i in items.indices {
        if items[i] == .null, !itemSchema.nullable, let defaultValue = itemSchema.defaultValue {
          items[i] = defaultValue
        }
        if itemSchema.needsWalk {
          walk(&items[i], itemSchema, path: "\(path)[\(i)]", isRoot: false, pruned: &pruned)
        }
      }
    default:
      return
    }
  }

  static func join(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }
}

extension SchemaNode {
  /// Whether pruning or defaulting can change anything below this node: it describes an object
  /// (members to prune or default) or an array of such.
  var needsWalk: Bool {
    if type == "object" || !properties.isEmpty || additionalProperties != nil { return true }
    if let items { return items.needsWalk || items.defaultValue != nil }
    return false
  }
}
