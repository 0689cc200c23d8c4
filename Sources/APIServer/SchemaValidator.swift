import Foundation

/// The OpenAPI pass of custom resource validation: types, bounds, enums, patterns, formats,
/// required fields and list-type uniqueness, with the apiserver's messages.
///
/// Validation ratchets, as the apiserver does since Kubernetes 1.30: on an update, a subtree
/// equal to the old object's (correlated by property name, map key, or list-map key) is not
/// validated again, so that a schema tightened after objects were stored does not block
/// unrelated writes (and a status update does not re-validate an unchanged spec).
struct SchemaValidator {
  private(set) var causes: [FieldCause] = []

  /// Whether any cause stops the CEL pass, as `hasBlockingErr` decides in the apiserver.
  var hasBlockingError: Bool {
    causes.contains {
      [
        "FieldValueNotSupported", "FieldValueRequired", "FieldValueTooLong", "FieldValueTooMany",
        "FieldValueTypeInvalid",
      ].contains($0.reason)
    }
  }

  mutating func validate(_ value: JSON, _ node: SchemaNode, path: String, old: JSON?, isRoot: Bool = false) {
    if let old, old == value { return }
    if value == .null {
      if node.nullable || (node.type.isEmpty && !node.intOrString) { return }
      causes.append(
        FieldMessages.typeInvalid(
          path, actual: "null", expected: node.intOrString ? "integer,string" : node.type))
      return
    }
    guard checkType(value, node, path: path) else { return }
    checkValue(value, node, path: path)
    switch value {
    case .object(let members):
      for name in node.required where members[name] == nil {
        causes.append(FieldMessages.required(SchemaDefaulting.join(path, name)))
      }
      if let max = node.maxProperties, members.count > max {
        causes.append(FieldMessages.tooMany(path, actual: members.count, max: max))
      }
      if let min = node.minProperties, members.count < min {
        causes.append(
          FieldMessages.invalid(
            path, .int(Int64(members.count)),
            "\(FieldMessages.bodyName(path)) in body should have at least \(min) properties"))
      }
      for key in members.keys.sorted() {
        if isRoot || node.embeddedResource, key == "apiVersion" || key == "kind" || key == "metadata" {
          continue
        }
        guard let child = node.child(key) else { continue }
        let childPath = node.properties[key] != nil ? SchemaDefaulting.join(path, key) : "\(path)[\(key)]"
        validate(members[key]!, child, path: childPath, old: old?[key])
      }
    case .array(let items):
      if let max = node.maxItems, items.count > max {
        causes.append(FieldMessages.tooMany(path, actual: items.count, max: max))
      }
      if let min = node.minItems, items.count < min {
        causes.append(
          FieldMessages.invalid(
            path, .int(Int64(items.count)),
            "\(FieldMessages.bodyName(path)) in body should have at least \(min) items"))
      }
      checkListType(items, node, path: path)
      if let itemSchema = node.items {
        let oldItems = ListCorrelation(old: old, node: node)
        for (i, item) in items.enumerated() {
          validate(item, itemSchema, path: "\(path)[\(i)]", old: oldItems.old(for: item))
        }
      }
    default: break
    }
  }

  /// The JSON type name kube-openapi reports for a value.
  static func typeName(_ value: JSON) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "boolean"
    case .int: return "integer"
    case .double: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }

  private mutating func checkType(_ value: JSON, _ node: SchemaNode, path: String) -> Bool {
    let ok: Bool
    switch node.type {
    case "object": ok = value.object != nil
    case "array": ok = value.array != nil
    case "string": ok = value.string != nil
    case "integer": ok = value.int != nil && value.double != nil
    case "number": ok = value.double != nil
    case "boolean": ok = value.bool != nil
    default:
      if node.intOrString {
        ok = value.string != nil || (value.int != nil && value.double != nil)
        if !ok {
          causes.append(
            FieldMessages.typeInvalid(path, actual: Self.typeName(value), expected: "integer,string"))
        }
        return ok
      }
      return true
    }
    if !ok {
      causes.append(FieldMessages.typeInvalid(path, actual: Self.typeName(value), expected: node.type))
    }
    return ok
  }

  /// Enum, string, number and format constraints, and the value-only `allOf`/`anyOf`/`oneOf`/`not`.
  private mutating func checkValue(_ value: JSON, _ node: SchemaNode, path: String) {
    let name = FieldMessages.bodyName(path)
    if let allowed = node.enumValues, !allowed.contains(where: { Self.sameValue($0, value) }) {
      causes.append(FieldMessages.notSupported(path, value, supported: allowed))
    }
    if case .string(let s) = value {
      let length = s.unicodeScalars.count
      if let max = node.maxLength, length > max { causes.append(FieldMessages.tooLong(path, max: max)) }
      if let min = node.minLength, length < min {
        causes.append(
          FieldMessages.invalid(path, value, "\(name) in body should be at least \(min) chars long"))
      }
      if let pattern = node.pattern, !pattern.matches(s) {
        causes.append(FieldMessages.invalid(path, value, "\(name) in body should match '\(pattern.pattern)'"))
      }
      if let format = node.format, !Self.conforms(s, to: format) {
        causes.append(
          FieldMessages.invalid(
            path, value, "\(name) in body must be of type \(format): \(FieldMessages.quoted(s))"))
      }
    }
    if let number = value.double, value.string == nil {
      if let min = node.minimum, node.exclusiveMinimum ? number <= min : number < min {
        let relation = node.exclusiveMinimum ? "greater than" : "greater than or equal to"
        causes.append(
          FieldMessages.invalid(path, value, "\(name) in body should be \(relation) \(Self.number(min))"))
      }
      if let max = node.maximum, node.exclusiveMaximum ? number >= max : number > max {
        let relation = node.exclusiveMaximum ? "less than" : "less than or equal to"
        causes.append(
          FieldMessages.invalid(path, value, "\(name) in body should be \(relation) \(Self.number(max))"))
      }
      if let factor = node.multipleOf, factor != 0, (number / factor).rounded() != number / factor {
        causes.append(
          FieldMessages.invalid(path, value, "\(name) in body should be a multiple of \(Self.number(factor))")
        )
      }
      if node.format == "int32", let i = value.int, i < Int64(Int32.min) || i > Int64(Int32.max) {
        causes.append(
          FieldMessages.invalid(
            path, value, "\(name) in body must be of type int32: \(FieldMessages.quoted(String(i)))"))
      }
    }
    if !node.allOf.isEmpty || !node.anyOf.isEmpty || !node.oneOf.isEmpty || node.not != nil {
      checkCombinators(value, node, path: path)
    }
  }

  private mutating func checkCombinators(_ value: JSON, _ node: SchemaNode, path: String) {
    func failures(_ branch: SchemaNode) -> [FieldCause] {
      var sub = SchemaValidator()
      sub.validate(value, branch, path: path, old: nil)
      return sub.causes
    }
    for branch in node.allOf { causes += failures(branch) }
    let name = FieldMessages.bodyName(path)
    if !node.anyOf.isEmpty, !node.anyOf.contains(where: { failures($0).isEmpty }) {
      // int-or-string's anyOf of the two types is already what its type check enforced.
      if !node.intOrString {
        causes.append(
          FieldMessages.invalid(path, value, "\(name) in body must validate at least one schema (anyOf)"))
      }
    }
    if !node.oneOf.isEmpty {
      let passing = node.oneOf.filter { failures($0).isEmpty }.count
      if passing != 1 {
        causes.append(
          FieldMessages.invalid(path, value, "\(name) in body must validate one and only one schema (oneOf)"))
      }
    }
    if let not = node.not, failures(not).isEmpty {
      causes.append(FieldMessages.invalid(path, value, "\(name) in body must not validate the schema (not)"))
    }
  }

  /// `x-kubernetes-list-type: set` items are unique; `map` items are unique by their keys.
  private mutating func checkListType(_ items: [JSON], _ node: SchemaNode, path: String) {
    switch node.listType {
    case "set":
      var seen: Set<JSON> = []
      for (i, item) in items.enumerated() where !seen.insert(item).inserted {
        causes.append(FieldMessages.duplicate("\(path)[\(i)]", item))
      }
    case "map":
      var seen: Set<JSON> = []
      for (i, item) in items.enumerated() {
        let key = ListCorrelation.key(of: item, keys: node.listMapKeys)
        if !seen.insert(key).inserted { causes.append(FieldMessages.duplicate("\(path)[\(i)]", key)) }
      }
    default: break
    }
  }

  /// Enum membership: numbers compare by value (1 matches 1.0), everything else structurally.
  static func sameValue(_ a: JSON, _ b: JSON) -> Bool {
    if let x = a.double, let y = b.double, a.string == nil, b.string == nil { return x == y }
    return a == b
  }

  static func number(_ d: Double) -> String { CELFunctions.formatDouble(d) }

  /// The formats kube-openapi checks that CRDs use; unknown formats pass, as they do there.
  static func conforms(_ s: String, to format: String) -> Bool {
    switch format {
    case "date-time":
      // RFC 3339, loosely: a date, "T" (or space), a time, an optional fraction and a zone.
      let pattern = #"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#
      return s.range(of: pattern, options: .regularExpression) != nil
    case "date": return s.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
    case "int-or-string", "int32", "int64", "byte", "password", "": return true
    case "uuid":
      return s.range(
        of: #"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"#,
        options: .regularExpression) != nil
    default: return true
    }
  }
}

/// Finds the old item an item of a list stands for, as the apiserver correlates them for
/// ratcheting and transition rules: only `x-kubernetes-list-type: map` items, by their keys.
struct ListCorrelation {
  private var byKey: [JSON: JSON] = [:]
  private let keys: [String]

  init(old: JSON?, node: SchemaNode) {
    keys = node.listType == "map" ? node.listMapKeys : []
    guard !keys.isEmpty, let items = old?.array else { return }
    for item in items { byKey[ListCorrelation.key(of: item, keys: keys)] = item }
  }

  func old(for item: JSON) -> JSON? {
    keys.isEmpty ? nil : byKey[ListCorrelation.key(of: item, keys: keys)]
  }

  /// The key fields of a list-map item, as an object.
  static func key(of item: JSON, keys: [String]) -> JSON {
    var key: [String: JSON] = [:]
    for name in keys { key[name] = item[name] ?? .null }
    return .object(key)
  }
}
