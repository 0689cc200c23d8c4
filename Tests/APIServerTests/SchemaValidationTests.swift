import Testing

@testable import APIServer

/// A schema, an object, and the causes the apiserver gives for it ("field: message").
struct SchemaCase: Sendable, CustomTestStringConvertible {
  var name: String
  var schema: String
  var value: String
  var old: String? = nil
  var expected: [String]
  var testDescription: String { name }
}

func rendered(_ causes: [FieldCause]) -> [String] {
  causes.map { $0.field.isEmpty ? $0.message : "\($0.field): \($0.message)" }
}

func objectSchema(_ properties: String, extra: String = "") -> String {
  #"{"type":"object","properties":{"spec":{"type":"object","properties":"# + properties + "\(extra)}}}"
}

let schemaCases: [SchemaCase] = [
  SchemaCase(
    name: "type", schema: objectSchema(#"{"replicas":{"type":"integer"}}"#),
    value: #"{"spec":{"replicas":"3"}}"#,
    expected: [
      #"spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string""#
    ]),
  SchemaCase(
    name: "integral doubles are integers", schema: objectSchema(#"{"replicas":{"type":"integer"}}"#),
    value: #"{"spec":{"replicas":3.0}}"#, expected: []),
  SchemaCase(
    name: "required", schema: objectSchema(#"{"name":{"type":"string"}}"#, extra: #","required":["name"]"#),
    value: #"{"spec":{}}"#, expected: ["spec.name: Required value"]),
  SchemaCase(
    name: "enum", schema: objectSchema(#"{"operator":{"type":"string","enum":["In","NotIn"]}}"#),
    value: #"{"spec":{"operator":"Foo"}}"#,
    expected: [#"spec.operator: Unsupported value: "Foo": supported values: "In", "NotIn""#]),
  SchemaCase(
    name: "pattern", schema: objectSchema(#"{"after":{"type":"string","pattern":"^([0-9]+(s|m|h))+$"}}"#),
    value: #"{"spec":{"after":"10x"}}"#,
    expected: [#"spec.after: Invalid value: "10x": spec.after in body should match '^([0-9]+(s|m|h))+$'"#]),
  SchemaCase(
    name: "lengths",
    schema: objectSchema(#"{"a":{"type":"string","minLength":2},"b":{"type":"string","maxLength":3}}"#),
    value: #"{"spec":{"a":"x","b":"long"}}"#,
    expected: [
      #"spec.a: Invalid value: "x": spec.a in body should be at least 2 chars long"#,
      "spec.b: Too long: may not be more than 3 bytes",
    ]),
  SchemaCase(
    name: "items",
    schema: objectSchema(
      #"{"a":{"type":"array","minItems":1,"items":{"type":"string"}},"b":{"type":"array","maxItems":1,"items":{"type":"integer"}}}"#
    ),
    value: #"{"spec":{"a":[],"b":[1,"x"]}}"#,
    expected: [
      "spec.a: Invalid value: 0: spec.a in body should have at least 1 items",
      "spec.b: Too many: 2: must have at most 1 item",
      #"spec.b[1]: Invalid value: "string": spec.b[1] in body must be of type integer: "string""#,
    ]),
  SchemaCase(
    name: "numeric bounds",
    schema: objectSchema(
      #"{"a":{"type":"integer","minimum":1},"b":{"type":"number","maximum":1.5},"c":{"type":"integer","minimum":0,"exclusiveMinimum":true}}"#
    ),
    value: #"{"spec":{"a":0,"b":2,"c":0}}"#,
    expected: [
      "spec.a: Invalid value: 0: spec.a in body should be greater than or equal to 1",
      "spec.b: Invalid value: 2: spec.b in body should be less than or equal to 1.5",
      "spec.c: Invalid value: 0: spec.c in body should be greater than 0",
    ]),
  SchemaCase(
    name: "maxProperties and map values",
    schema: objectSchema(
      #"{"labels":{"type":"object","maxProperties":1,"additionalProperties":{"type":"string"}}}"#),
    value: #"{"spec":{"labels":{"a":"1","b":2}}}"#,
    expected: [
      "spec.labels: Too many: 2: must have at most 1 item",
      #"spec.labels[b]: Invalid value: "integer": spec.labels[b] in body must be of type string: "integer""#,
    ]),
  SchemaCase(
    name: "int-or-string",
    schema: objectSchema(
      #"{"a":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]},"b":{"x-kubernetes-int-or-string":true},"c":{"x-kubernetes-int-or-string":true}}"#
    ),
    value: #"{"spec":{"a":1,"b":"10%","c":true}}"#,
    expected: [#"spec.c: Invalid value: "boolean": spec.c in body must be of type integer,string: "boolean""#]
  ),
  SchemaCase(
    name: "date-time",
    schema: objectSchema(
      #"{"a":{"type":"string","format":"date-time"},"b":{"type":"string","format":"date-time"}}"#),
    value: #"{"spec":{"a":"2024-01-02T03:04:05Z","b":"yesterday"}}"#,
    expected: [#"spec.b: Invalid value: "yesterday": spec.b in body must be of type date-time: "yesterday""#]),
  SchemaCase(
    name: "nullable",
    schema: objectSchema(
      #"{"a":{"type":"string","nullable":true},"b":{"type":"array","items":{"type":"string"}}}"#),
    value: #"{"spec":{"a":null,"b":[null]}}"#,
    expected: [#"spec.b[0]: Invalid value: "null": spec.b[0] in body must be of type string: "null""#]),
  SchemaCase(
    name: "list types",
    schema: objectSchema(
      #"{"s":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},"m":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","properties":{"name":{"type":"string"},"v":{"type":"integer"}}}}}"#
    ),
    value: #"{"spec":{"s":["a","b","a"],"m":[{"name":"x","v":1},{"name":"x","v":2}]}}"#,
    expected: [
      #"spec.m[1]: Duplicate value: map[string]interface {}{"name":"x"}"#,
      #"spec.s[2]: Duplicate value: "a""#,
    ]),
  SchemaCase(
    name: "preserve unknown fields",
    schema: objectSchema(#"{"raw":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}"#),
    value: #"{"spec":{"raw":{"anything":[1,{"goes":true}]}}}"#, expected: []),
  SchemaCase(
    name: "rule with message, fieldPath and reason",
    schema: objectSchema(
      #"{"min":{"type":"integer"},"max":{"type":"integer"}}"#,
      extra:
        #","x-kubernetes-validations":[{"rule":"self.min <= self.max","message":"min must not exceed max","fieldPath":".min","reason":"FieldValueForbidden"}]"#
    ),
    value: #"{"spec":{"min":3,"max":2}}"#, expected: ["spec.min: Forbidden: min must not exceed max"]),
  SchemaCase(
    name: "rule without message",
    schema: objectSchema(#"{"a":{"type":"string","x-kubernetes-validations":[{"rule":"self.size() > 1"}]}}"#),
    value: #"{"spec":{"a":"x"}}"#,
    expected: [#"spec.a: Invalid value: "string": failed rule: self.size() > 1"#]),
  SchemaCase(
    name: "messageExpression",
    schema: objectSchema(
      #"{"a":{"type":"integer","x-kubernetes-validations":[{"rule":"self < 10","message":"too big","messageExpression":"'value ' + string(self) + ' exceeds 10'"}]}}"#
    ),
    value: #"{"spec":{"a":12}}"#, expected: [#"spec.a: Invalid value: "integer": value 12 exceeds 10"#]),
  SchemaCase(
    name: "evaluation error",
    schema: objectSchema(
      #"{"v":{"type":"array","items":{"type":"string"},"x-kubernetes-validations":[{"rule":"int(self[0]) >= 0","message":"must be a number"}]}}"#
    ),
    value: #"{"spec":{"v":["abc"]}}"#,
    expected: [
      #"spec.v: Invalid value: "array": type conversion error from 'string' to 'int' evaluating rule: must be a number"#
    ]),
  SchemaCase(
    name: "transition rules wait for an old object",
    schema: objectSchema(
      #"{"a":{"type":"string","x-kubernetes-validations":[{"rule":"self == oldSelf","message":"immutable"}]}}"#
    ),
    value: #"{"spec":{"a":"x"}}"#, expected: []),
  SchemaCase(
    name: "transition rules run on update",
    schema: objectSchema(
      #"{"a":{"type":"string","x-kubernetes-validations":[{"rule":"self == oldSelf","message":"immutable"}]}}"#
    ),
    value: #"{"spec":{"a":"x"}}"#, old: #"{"spec":{"a":"y"}}"#,
    expected: [#"spec.a: Invalid value: "string": immutable"#]),
  SchemaCase(
    name: "blocking errors skip the rules",
    schema: objectSchema(
      #"{"a":{"type":"string","enum":["x"],"x-kubernetes-validations":[{"rule":"false","message":"never"}]}}"#
    ),
    value: #"{"spec":{"a":"y"}}"#,
    expected: [
      #"spec.a: Unsupported value: "y": supported values: "x""#,
      #"<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"#,
    ]),
  SchemaCase(
    name: "ratcheting leaves unchanged invalid values alone",
    schema: objectSchema(#"{"a":{"type":"string","enum":["x"]},"b":{"type":"string"}}"#),
    value: #"{"spec":{"a":"legacy","b":"new"}}"#, old: #"{"spec":{"a":"legacy","b":"old"}}"#, expected: []),
]

@Suite struct SchemaValidationTests {
  @Test(arguments: schemaCases)
  func validates(_ c: SchemaCase) throws {
    let schema = CustomResourceSchema(openAPIV3Schema: try JSON(parsing: c.schema))
    #expect(schema.problems.isEmpty)
    let outcome = schema.admit(try JSON(parsing: c.value), old: try c.old.map { try JSON(parsing: $0) })
    #expect(rendered(outcome.causes) == c.expected)
  }

  @Test func reasonsAreTheApiserversCauseTypes() throws {
    let c = schemaCases.first { $0.name == "blocking errors skip the rules" }!
    let outcome = CustomResourceSchema(openAPIV3Schema: try JSON(parsing: c.schema)).admit(
      try JSON(parsing: c.value))
    #expect(outcome.causes.map(\.reason) == ["FieldValueNotSupported", "FieldValueInvalid"])
  }

  @Test func rulesThatDoNotCompileAreSchemaProblems() throws {
    let schema = CustomResourceSchema(
      openAPIV3Schema: try JSON(
        parsing: objectSchema(
          #"{"a":{"type":"string","x-kubernetes-validations":[{"rule":"self ==","message":"m"}]}}"#)))
    #expect(
      schema.problems.map(\.field) == [
        "openAPIV3Schema.properties[spec].properties[a].x-kubernetes-validations[0].rule"
      ])
  }

  @Test func statusWritesPruneTheStatusAndRatchetTheRest() throws {
    let schema = CustomResourceSchema(
      openAPIV3Schema: try JSON(
        parsing:
          #"{"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"integer"}}},"status":{"type":"object","properties":{"n":{"type":"integer"}}}}}"#
      ))
    let object = try JSON(
      parsing: #"{"spec":{"a":"invalid, but not looked at"},"status":{"n":"x","extra":1}}"#)
    // The spec is as stored (a status write keeps it), so it ratchets; the status is checked.
    let old = try JSON(parsing: #"{"spec":{"a":"invalid, but not looked at"}}"#)
    let outcome = schema.admit(object, old: old, statusOnly: true)
    #expect(
      rendered(outcome.causes) == [
        #"status.n: Invalid value: "string": status.n in body must be of type integer: "string""#
      ])
    #expect(outcome.prunedFields == ["status.extra"])
  }

  @Test func theCostBudgetStopsTheRules() throws {
    // Each item's rule is cheap; thousands of items with a quadratic rule are not.
    let schema = CustomResourceSchema(
      openAPIV3Schema: try JSON(
        parsing: objectSchema(
          #"{"v":{"type":"array","items":{"type":"integer"},"x-kubernetes-validations":[{"rule":"self.all(x, self.all(y, x == y || x != y))","message":"m"}]}}"#
        )))
    let items = JSON.array((0..<3_000).map { JSON.int(Int64($0)) })
    let outcome = schema.admit(["spec": ["v": items]])
    #expect(outcome.causes.count == 1)
    #expect(outcome.causes.first?.message.contains("cost") == true)
  }
}
