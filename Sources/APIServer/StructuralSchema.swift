import Foundation

/// One node of a CRD's `openAPIV3Schema`, compiled: patterns and CEL rules parsed once, so that
/// validating an object is a walk over values with nothing left to parse.
///
/// Only what structural schemas (the ones `apiextensions.k8s.io/v1` accepts) use is read:
/// `type`, `properties`, `additionalProperties`, `items`, `required`, `enum`, `pattern`,
/// `format`, the length, item, property and numeric bounds, `nullable`, `default`,
/// `anyOf`/`allOf`/`oneOf`/`not` (value validations only), and the `x-kubernetes-*` extensions
/// (`preserve-unknown-fields`, `int-or-string`, `embedded-resource`, `list-type`,
/// `list-map-keys`, `validations`).
final class SchemaNode: Sendable {
  let type: String
  let nullable: Bool
  let intOrString: Bool
  let preservesUnknownFields: Bool
  let embeddedResource: Bool
  let properties: [String: SchemaNode]
  let required: [String]
  /// The schema of the values of a map (`additionalProperties: {...}`).
  let additionalProperties: SchemaNode?
  let items: SchemaNode?
  let enumValues: [JSON]?
  let pattern: CELRegex?
  let format: String?
  let minLength: Int?
  let maxLength: Int?
  let minItems: Int?
  let maxItems: Int?
  let minProperties: Int?
  let maxProperties: Int?
  let minimum: Double?
  let maximum: Double?
  let exclusiveMinimum: Bool
  let exclusiveMaximum: Bool
  let multipleOf: Double?
  /// `atomic` (the default), `set` or `map`.
  let listType: String?
  let listMapKeys: [String]
  let rules: [SchemaRule]
  let defaultValue: JSON?
  let allOf: [SchemaNode]
  let anyOf: [SchemaNode]
  let oneOf: [SchemaNode]
  let not: SchemaNode?
  /// Whether this node or any below it has CEL rules (the rule pass skips subtrees without).
  let hasRules: Bool

  /// Compiles a schema; rules that do not compile are kept with their error (the apiserver
  /// refuses such CRDs; a stored one reports the error on every write rather than skipping).
  init(_ schema: JSON, path: String, problems: inout [FieldCause]) {
    let o = schema.object ?? [:]
    type = o["type"]?.string ?? ""
    nullable = o["nullable"]?.bool ?? false
    intOrString = o["x-kubernetes-int-or-string"]?.bool ?? false
    preservesUnknownFields = o["x-kubernetes-preserve-unknown-fields"]?.bool ?? false
    embeddedResource = o["x-kubernetes-embedded-resource"]?.bool ?? false
    var properties: [String: SchemaNode] = [:]
    for (name, child) in o["properties"]?.object ?? [:] {
      properties[name] = SchemaNode(child, path: "\(path).properties[\(name)]", problems: &problems)
    }
    self.properties = properties
    required = o["required"]?.array?.compactMap(\.string) ?? []
    if let additional = o["additionalProperties"], additional.object != nil {
      additionalProperties = SchemaNode(additional, path: "\(path).additionalProperties", problems: &problems)
    } else {
      additionalProperties = nil
    }
    items = o["items"].flatMap {
      $0.object != nil ? SchemaNode($0, path: "\(path).items", problems: &problems) : nil
    }
    enumValues = o["enum"]?.array
    if let source = o["pattern"]?.string {
      do {
        pattern = try CELRegex(source)
      } catch {
        problems.append(
          FieldCause(
            message:
              "Invalid value: \(FieldMessages.render(.string(source))): must be a valid regular expression",
            field: "\(path).pattern"))
        pattern = nil
      }
    } else {
      pattern = nil
    }
    format = o["format"]?.string
    func int(_ key: String) -> Int? { o[key]?.int.map { Int(clamping: $0) } }
    minLength = int("minLength")
    maxLength = int("maxLength")
    minItems = int("minItems")
    maxItems = int("maxItems")
    minProperties = int("minProperties")
    maxProperties = int("maxProperties")
    minimum = o["minimum"]?.double
    maximum = o["maximum"]?.double
    exclusiveMinimum = o["exclusiveMinimum"]?.bool ?? false
    exclusiveMaximum = o["exclusiveMaximum"]?.bool ?? false
    multipleOf = o["multipleOf"]?.double
    listType = o["x-kubernetes-list-type"]?.string
    listMapKeys = o["x-kubernetes-list-map-keys"]?.array?.compactMap(\.string) ?? []
    var rules: [SchemaRule] = []
    for (i, rule) in (o["x-kubernetes-validations"]?.array ?? []).enumerated() {
      let compiled = SchemaRule(rule)
      if case .failure(let error) = compiled.program {
        problems.append(
          FieldCause(
            message:
              "Invalid value: \(FieldMessages.render(.string(compiled.source))): compilation failed: ERROR: <input>: \(error)",
            field: "\(path).x-kubernetes-validations[\(i)].rule"))
      }
      rules.append(compiled)
    }
    self.rules = rules
    defaultValue = o["default"]
    func nodes(_ key: String) -> [SchemaNode] {
      (o[key]?.array ?? []).enumerated().map {
        SchemaNode($1, path: "\(path).\(key)[\($0)]", problems: &problems)
      }
    }
    allOf = nodes("allOf")
    anyOf = nodes("anyOf")
    oneOf = nodes("oneOf")
    not = o["not"].map { SchemaNode($0, path: "\(path).not", problems: &problems) }
    hasRules =
      !rules.isEmpty || properties.values.contains { $0.hasRules } || additionalProperties?.hasRules == true
      || items?.hasRules == true
  }

  /// The schema of a member of an object: a declared property, or the map's value schema.
  func child(_ key: String) -> SchemaNode? {
    properties[key] ?? additionalProperties
  }

  /// Whether this node only constrains values (no type, no structure): an `anyOf` branch.
  var typeName: String { type }
}

/// One `x-kubernetes-validations` entry, compiled.
struct SchemaRule: Sendable {
  let source: String
  let program: Result<CELProgram, CELCompileError>
  let message: String?
  let messageExpression: CELProgram?
  /// `FieldValueInvalid` (the default), `FieldValueForbidden`, `FieldValueRequired`, `FieldValueDuplicate`.
  let reason: String?
  /// A path relative to the node (`.spec.name`, `.tags['x']`) the error is reported at.
  let fieldPath: String?
  let optionalOldSelf: Bool

  init(_ rule: JSON) {
    source = rule["rule"]?.string ?? ""
    do {
      program = .success(try CELProgram(source))
    } catch {
      program = .failure(error)
    }
    message = rule["message"]?.string.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    messageExpression = rule["messageExpression"]?.string.flatMap { try? CELProgram($0) }
    reason = rule["reason"]?.string
    fieldPath = rule["fieldPath"]?.string
    optionalOldSelf = rule["optionalOldSelf"]?.bool ?? false
  }

  var isTransitionRule: Bool {
    if case .success(let program) = program { return program.isTransitionRule }
    return false
  }

  /// The rule as messages name it: its message when it has one, else its source.
  var errorString: String {
    (message ?? source).trimmingCharacters(in: .whitespaces)
  }
}
