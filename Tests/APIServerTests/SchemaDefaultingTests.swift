import Testing

@testable import APIServer

@Suite struct SchemaDefaultingTests {
  let schema = CustomResourceSchema(
    openAPIV3Schema: try! JSON(
      parsing: #"""
        {"type": "object", "properties": {
          "spec": {"type": "object", "properties": {
            "disruption": {"type": "object", "default": {"consolidateAfter": "0s"}, "properties": {
              "consolidateAfter": {"type": "string"},
              "policy": {"type": "string", "default": "WhenEmpty"},
              "budgets": {"type": "array", "default": [{"nodes": "10%"}], "items": {"type": "object",
                "properties": {"nodes": {"type": "string", "default": "10%"}, "reasons": {"type": "array",
                  "items": {"type": "string"}}}}}}},
            "weight": {"type": "integer", "default": 1},
            "note": {"type": "string", "nullable": true},
            "raw": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
            "template": {"type": "object", "x-kubernetes-embedded-resource": true, "properties": {
              "spec": {"type": "object", "properties": {"image": {"type": "string"}}}}},
            "labels": {"type": "object", "additionalProperties": {"type": "string"}}}},
          "status": {"type": "object", "properties": {"ready": {"type": "boolean"}}}}}
        """#))

  @Test func absentFieldsGetDefaultsAndDefaultsGetTheirOwn() {
    let outcome = schema.admit(["apiVersion": "x/v1", "kind": "X", "metadata": ["name": "a"], "spec": [:]])
    #expect(outcome.causes.isEmpty)
    #expect(
      outcome.object["spec"]
        == [
          "disruption": ["consolidateAfter": "0s", "policy": "WhenEmpty", "budgets": [["nodes": "10%"]]],
          "weight": 1,
        ])
  }

  @Test func presentValuesAreKeptAndItemsAreDefaulted() {
    let outcome = schema.admit(["spec": ["weight": 5, "disruption": ["budgets": [["reasons": ["Empty"]]]]]])
    #expect(outcome.object[path: ["spec", "weight"]] == 5)
    #expect(
      outcome.object[path: ["spec", "disruption", "budgets"]] == [["nodes": "10%", "reasons": ["Empty"]]])
    #expect(outcome.object[path: ["spec", "disruption", "consolidateAfter"]] == nil)
  }

  @Test func nullsTheSchemaDoesNotAllowBecomeTheDefaultOrGo() {
    let outcome = schema.admit(["spec": ["weight": nil, "labels": nil, "note": nil]])
    #expect(outcome.object[path: ["spec", "weight"]] == 1)
    #expect(outcome.object[path: ["spec", "labels"]] == nil)
    #expect(outcome.object[path: ["spec", "note"]] == .null)
    #expect(outcome.causes.isEmpty)
  }

  @Test func unknownFieldsArePrunedAndReported() {
    let outcome = schema.admit([
      "apiVersion": "x/v1", "kind": "X", "metadata": ["name": "a", "labels": ["kept": "yes"]],
      "spec": [
        "typo": 1, "labels": ["any-key": "v"], "raw": ["free": ["form": true]],
        "disruption": ["budgets": [["nodes": "1", "extra": true]]],
        "template": [
          "apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"], "spec": ["image": "x", "bogus": 1],
        ],
      ],
      "status": ["ready": true, "phase": "Running"],
      "topLevel": "dropped",
    ])
    #expect(
      Set(outcome.prunedFields)
        == [
          "spec.typo", "spec.disruption.budgets[0].extra", "spec.template.spec.bogus", "status.phase",
          "topLevel",
        ])
    #expect(outcome.object[path: ["metadata", "labels", "kept"]] == "yes")
    #expect(outcome.object[path: ["spec", "raw"]] == ["free": ["form": true]])
    #expect(outcome.object[path: ["spec", "labels", "any-key"]] == "v")
    #expect(outcome.object[path: ["spec", "template", "kind"]] == "Pod")
    #expect(outcome.object[path: ["spec", "template", "spec"]] == ["image": "x"])
    #expect(outcome.object["topLevel"] == nil)
  }

  @Test func anObjectWithoutPropertiesKeepsNothing() throws {
    let bare = CustomResourceSchema(
      openAPIV3Schema: try JSON(parsing: #"{"type":"object","properties":{"spec":{"type":"object"}}}"#))
    let outcome = bare.admit(["spec": ["a": 1]])
    #expect(outcome.object["spec"] == [:])
    #expect(outcome.prunedFields == ["spec.a"])
  }
}
