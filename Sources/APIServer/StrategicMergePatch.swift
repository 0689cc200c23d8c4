/// Strategic merge patch (`application/strategic-merge-patch+json`) for the built-in kinds:
/// lists with a merge key merge element by element, `finalizers` merges as a set, other lists
/// are replaced; the `$patch`, `$retainKeys`, `$deleteFromPrimitiveList/` and
/// `$setElementOrder/` directives are honoured.
enum StrategicMergePatch {
  /// How a list field merges, from the `patchStrategy`/`patchMergeKey` tags of the upstream types.
  enum ListStrategy: Equatable {
    case replace
    case mergeByKey(String)
    case mergeSet
  }

  /// The strategy of the list `field` whose parent object sits at `path` in a `kind`.
  static func strategy(kind: String, path: [String], field: String) -> ListStrategy {
    switch field {
    case "containers", "initContainers", "ephemeralContainers", "volumes", "env", "imagePullSecrets",
      "resourceClaims", "schedulingGates":
      return .mergeByKey("name")
    case "ports":
      if kind == "Service", path == ["spec"] { return .mergeByKey("port") }
      return .mergeByKey("containerPort")
    case "volumeMounts": return .mergeByKey("mountPath")
    case "volumeDevices": return .mergeByKey("devicePath")
    case "hostAliases", "podIPs", "hostIPs": return .mergeByKey("ip")
    case "conditions", "addresses": return .mergeByKey("type")
    case "ownerReferences": return .mergeByKey("uid")
    case "topologySpreadConstraints": return .mergeByKey("topologyKey")
    case "finalizers": return path == ["metadata"] ? .mergeSet : .replace
    default: return .replace
    }
  }

  static func apply(_ patch: JSON, to original: JSON, kind: String) throws(APIError) -> JSON {
    guard patch.object != nil else { throw .badRequest("a strategic merge patch must be a JSON object") }
    return try mergeObject(original, patch, kind: kind, path: []) ?? .object([:])
  }

  /// Merges a patch object into an object; nil means the object is deleted (`$patch: delete`).
  static func mergeObject(_ original: JSON, _ patch: JSON, kind: String, path: [String]) throws(APIError) -> JSON? {
    guard var patchMembers = patch.object else { return patch }
    if let directive = patchMembers.removeValue(forKey: "$patch") {
      switch directive.string {
      case "replace": return .object(patchMembers.filter { !$0.key.hasPrefix("$") })
      case "delete": return nil
      case "merge": break
      default: throw .badRequest("unknown patch type: \(directive) in map")
      }
    }
    var result = original.object ?? [:]
    let retainKeys = patchMembers.removeValue(forKey: "$retainKeys")
    var orders: [String: [JSON]] = [:]
    for key in patchMembers.keys.sorted() {
      let value = patchMembers[key]!
      if key.hasPrefix("$setElementOrder/") {
        orders[String(key.dropFirst("$setElementOrder/".count))] = value.array ?? []
        continue
      }
      if key.hasPrefix("$deleteFromPrimitiveList/") {
        let field = String(key.dropFirst("$deleteFromPrimitiveList/".count))
        let doomed = Set(value.array ?? [])
        if let list = result[field]?.array { result[field] = .array(list.filter { !doomed.contains($0) }) }
        continue
      }
      if key.hasPrefix("$") { continue }
      if value.isNull {
        result[key] = nil
        continue
      }
      let existing = result[key] ?? .null
      switch (existing, value) {
      case (.object, .object), (.null, .object):
        result[key] = try mergeObject(existing, value, kind: kind, path: path + [key])
      case (_, .array(let patchList)):
        result[key] = try mergeList(
          existing.array ?? [], patchList, strategy: strategy(kind: kind, path: path, field: key), kind: kind,
          path: path + [key])
      default:
        result[key] = value
      }
    }
    for (field, order) in orders {
      guard let list = result[field]?.array else { continue }
      result[field] = .array(reorder(list, by: order, strategy: strategy(kind: kind, path: path, field: field)))
    }
    if let retain = retainKeys?.array?.compactMap(\.string) {
      let keep = Set(retain)
      result = result.filter { keep.contains($0.key) }
    }
    return .object(result)
  }

  static func mergeList(
    _ original: [JSON], _ patch: [JSON], strategy: ListStrategy, kind: String, path: [String]
  ) throws(APIError) -> JSON {
    // `{"$patch": "replace"}` as an element replaces the whole list with the other elements.
    if patch.contains(where: { $0["$patch"]?.string == "replace" }) {
      return .array(patch.filter { $0["$patch"]?.string != "replace" })
    }
    switch strategy {
    case .replace:
      return .array(patch)
    case .mergeSet:
      var result = original
      for element in patch where !result.contains(element) { result.append(element) }
      return .array(result)
    case .mergeByKey(let mergeKey):
      var result = original
      for element in patch {
        guard element.object != nil else {
          if !result.contains(element) { result.append(element) }
          continue
        }
        let keyValue = element[mergeKey]
        let index = keyValue.flatMap { k in result.firstIndex { $0[mergeKey] == k } }
        if element["$patch"]?.string == "delete" {
          if let index { result.remove(at: index) }
          continue
        }
        if let index {
          if let merged = try mergeObject(result[index], element, kind: kind, path: path) {
            result[index] = merged
          } else {
            result.remove(at: index)
          }
        } else if let added = try mergeObject(.object([:]), element, kind: kind, path: path) {
          result.append(added)
        }
      }
      return .array(result)
    }
  }

  /// The list in the order `$setElementOrder` gives; elements it does not name keep their
  /// relative order after the named ones.
  static func reorder(_ list: [JSON], by order: [JSON], strategy: ListStrategy) -> [JSON] {
    func identity(_ element: JSON) -> JSON {
      if case .mergeByKey(let key) = strategy { return element[key] ?? element }
      return element
    }
    let position = Dictionary(
      order.enumerated().map { (identity($0.element), $0.offset) }, uniquingKeysWith: { first, _ in first })
    let indexed = list.enumerated().map { (offset: $0.offset, element: $0.element) }
    return indexed.sorted { a, b in
      let pa = position[identity(a.element)] ?? Int.max
      let pb = position[identity(b.element)] ?? Int.max
      return pa != pb ? pa < pb : a.offset < b.offset
    }.map(\.element)
  }
}
