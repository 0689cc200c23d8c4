import Foundation
import Testing

@testable import APIServer

/// The store validating NodePools against upstream's CRD once that CRD exists, as a real
/// apiserver does: schema, defaults, pruning, CEL rules and transition rules.
@Suite struct CustomResourceValidationTests {
  static func storeWithCRD() throws -> APIStore {
    var store = APIStore()
    _ = try store.create(crds, namespace: nil, nodePoolCRD, now: t0)
    return store
  }

  static func nodePool(_ name: String, requirements: JSON? = nil, spec: JSON = [:]) -> JSON {
    let object: JSON = [
      "apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": ["name": .string(name)],
      "spec": [
        "template": [
          "spec": [
            "nodeClassRef": ["group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"],
            "requirements": requirements ?? [
              ["key": "karpenter.sh/capacity-type", "operator": "In", "values": ["spot"]]
            ],
          ]
        ]
      ],
    ]
    return MergePatch.apply(["spec": spec], to: object)
  }

  var type: ResourceType { nodePools }

  @Test func aGoodNodePoolIsStoredWithUpstreamsDefaultsAndWithoutUnknownFields() throws {
    var store = try Self.storeWithCRD()
    var object = Self.nodePool("default")
    object[path: ["spec", "typo"]] = "dropped"
    let stored = try store.create(type, namespace: nil, object, now: t0)
    #expect(
      stored[path: ["spec", "disruption"]]
        == [
          "consolidateAfter": "0s", "consolidationPolicy": "WhenEmptyOrUnderutilized",
          "budgets": [["nodes": "10%"]],
        ])
    #expect(stored[path: ["spec", "template", "spec", "expireAfter"]] == "720h")
    #expect(stored[path: ["spec", "typo"]] == nil)
    #expect(store.customResourceSchema(for: type) != nil)
  }

  @Test func anUnsupportedOperatorIsRefusedInTheApiserversWords() throws {
    var store = try Self.storeWithCRD()
    let bad = Self.nodePool(
      "bad", requirements: [["key": "kubernetes.io/arch", "operator": "Foo", "values": ["amd64"]]])
    let error = apiError { _ = try store.create(type, namespace: nil, bad, now: t0) }
    #expect(error?.code == 422)
    #expect(
      error?.message
        == #"NodePool.karpenter.sh "bad" is invalid: [spec.template.spec.requirements[0].operator: Unsupported value: "Foo": supported values: "Gte", "Lte", "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt", <nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation]"#
    )
    #expect(error?.causes.first?.field == "spec.template.spec.requirements[0].operator")
    #expect(error?.causes.first?.reason == "FieldValueNotSupported")
    #expect(store.lookup(type, namespace: nil, name: "bad") == nil)
  }

  @Test(arguments: [
    (
      ["template": ["metadata": ["labels": ["karpenter.sh/custom": "x"]]]] as JSON,
      #"spec.template.metadata.labels: Invalid value: "object": label domain "karpenter.sh" is restricted"#
    ),
    (
      ["replicas": 2, "weight": 10] as JSON,
      #"spec: Invalid value: "object": 'weight' is not supported on static NodePools"#
    ),
    (
      ["replicas": 2, "limits": ["cpu": "10"]] as JSON,
      #"spec: Invalid value: "object": only 'limits.nodes' is supported on static NodePools"#
    ),
    (
      ["disruption": ["consolidateAfter": "30s", "budgets": [["nodes": "1", "schedule": "@daily"]]]] as JSON,
      #"spec.disruption.budgets: Invalid value: "array": 'schedule' must be set with 'duration'"#
    ),
  ])
  func ruleViolationsAreRefusedWithTheRulesMessage(spec: JSON, message: String) throws {
    var store = try Self.storeWithCRD()
    let object = Self.nodePool("bad", spec: spec)
    let error = apiError { _ = try store.create(type, namespace: nil, object, now: t0) }
    #expect(error.map { rendered($0.causes) } == [message])
  }

  @Test func aMissingRequiredFieldIsNamed() throws {
    var store = try Self.storeWithCRD()
    var object = Self.nodePool("bad")
    object[path: ["spec", "template", "spec", "nodeClassRef"]] = nil
    let error = apiError { _ = try store.create(type, namespace: nil, object, now: t0) }
    #expect(error.map { rendered($0.causes) }?.first == "spec.template.spec.nodeClassRef: Required value")
  }

  @Test func transitionRulesGuardUpdatesAndPatches() throws {
    var store = try Self.storeWithCRD()
    var stored = try store.create(type, namespace: nil, Self.nodePool("default"), now: t0)
    stored[path: ["spec", "template", "spec", "nodeClassRef", "group"]] = "other.example.com"
    let updateError = apiError {
      _ = try store.update(type, namespace: nil, name: "default", stored, now: t0)
    }
    #expect(
      updateError.map { rendered($0.causes) }
        == [#"spec.template.spec.nodeClassRef: Invalid value: "object": nodeClassRef.group is immutable"#])
    let patch = Array(#"{"spec":{"template":{"spec":{"nodeClassRef":{"kind":"Other"}}}}}"#.utf8)
    let patchError = apiError {
      _ = try store.patch(type, namespace: nil, name: "default", patch, as: .merge, now: t0)
    }
    #expect(
      patchError.map { rendered($0.causes) }
        == [#"spec.template.spec.nodeClassRef: Invalid value: "object": nodeClassRef.kind is immutable"#])
    // Changing what no rule guards is fine, and the name may change.
    let rename = Array(#"{"spec":{"weight":5,"template":{"spec":{"nodeClassRef":{"name":"b"}}}}}"#.utf8)
    let patched = try store.patch(type, namespace: nil, name: "default", rename, as: .merge, now: t0)
    #expect(patched[path: ["spec", "weight"]] == 5)
  }

  @Test func statusWritesValidateTheStatus() throws {
    var store = try Self.storeWithCRD()
    var stored = try store.create(type, namespace: nil, Self.nodePool("default"), now: t0)
    stored["status"] = ["nodes": "three"]
    let error = apiError {
      _ = try store.update(type, namespace: nil, name: "default", stored, subresource: .status, now: t0)
    }
    #expect(
      error.map { rendered($0.causes) }?.first
        == #"status.nodes: Invalid value: "string": status.nodes in body must be of type integer: "string""#)
    stored["status"] = ["nodes": 3, "unknown": true]
    let updated = try store.update(
      type, namespace: nil, name: "default", stored, subresource: .status, now: t0)
    #expect(updated["status"] == ["nodes": 3])
  }

  @Test func serverSideApplyCreatesWithDefaults() throws {
    var store = try Self.storeWithCRD()
    let config = Array(Self.nodePool("applied").description.utf8)
    let applied = try store.patch(
      type, namespace: nil, name: "applied", config, as: .apply, fieldManager: "kubectl", now: t0)
    #expect(applied[path: ["spec", "disruption", "consolidationPolicy"]] == "WhenEmptyOrUnderutilized")
  }

  @Test func theAdmissionHookStillRunsAfterTheSchema() throws {
    var store = try Self.storeWithCRD()
    store.admission = { type, object, _ in
      // The hook sees the defaulted object.
      object[path: ["spec", "disruption", "consolidateAfter"]] == "0s" && type.kind == "NodePool"
        ? [FieldCause(message: "Invalid value: \"hook\": seen", field: "spec")] : []
    }
    let error = apiError { _ = try store.create(type, namespace: nil, Self.nodePool("a"), now: t0) }
    #expect(error.map { rendered($0.causes) } == [#"spec: Invalid value: "hook": seen"#])
  }

  @Test func withoutACRDObjectNothingIsValidated() throws {
    var store = APIStore()
    let bad = Self.nodePool("bad", requirements: [["key": "k", "operator": "Foo"]])
    let stored = try store.create(type, namespace: nil, bad, now: t0)
    #expect(stored[path: ["spec", "disruption"]] == nil)
  }

  @Test func objectsStoredBeforeTheCRDRatchet() throws {
    var store = APIStore()
    let legacy = Self.nodePool("legacy", requirements: [["key": "k", "operator": "Foo"]])
    _ = try store.create(type, namespace: nil, legacy, now: t0)
    _ = try store.create(crds, namespace: nil, nodePoolCRD, now: t0)
    // An unrelated change passes; the invalid requirement is left as it was...
    let weight = Array(#"{"spec":{"weight":3}}"#.utf8)
    _ = try store.patch(type, namespace: nil, name: "legacy", weight, as: .merge, now: t0)
    // ...and touching it is validated.
    let worse = Array(#"{"spec":{"template":{"spec":{"requirements":[{"key":"k","operator":"Bar"}]}}}}"#.utf8)
    let error = apiError {
      _ = try store.patch(type, namespace: nil, name: "legacy", worse, as: .merge, now: t0)
    }
    #expect(error?.causes.first?.field == "spec.template.spec.requirements[0].operator")
  }

  @Test func aCRDUpdateTakesEffectOnTheNextWrite() throws {
    var store = try Self.storeWithCRD()
    var crd = try store.get(crds, namespace: nil, name: "nodepools.karpenter.sh")
    var versions = crd[path: ["spec", "versions"]]!.array!
    versions[0][path: ["schema", "openAPIV3Schema", "properties", "spec", "properties", "weight", "maximum"]
    ] = 5
    crd[path: ["spec", "versions"]] = .array(versions)
    _ = try store.update(crds, namespace: nil, name: "nodepools.karpenter.sh", crd, now: t0)
    let error = apiError {
      _ = try store.create(type, namespace: nil, Self.nodePool("heavy", spec: ["weight": 10]), now: t0)
    }
    #expect(
      error.map { rendered($0.causes) } == [
        "spec.weight: Invalid value: 10: spec.weight in body should be less than or equal to 5"
      ])
  }

  @Test func aCRDWithARuleThatDoesNotCompileIsRefused() throws {
    var store = APIStore()
    var crd = nodePoolCRD
    var versions = crd[path: ["spec", "versions"]]!.array!
    versions[0][path: ["schema", "openAPIV3Schema", "x-kubernetes-validations"]] = [
      ["rule": "self.spec ==", "message": "m"]
    ]
    crd[path: ["spec", "versions"]] = .array(versions)
    let error = apiError { _ = try store.create(crds, namespace: nil, crd, now: t0) }
    #expect(error?.code == 422)
    #expect(
      error?.causes.first?.field == "spec.versions[0].schema.openAPIV3Schema.x-kubernetes-validations[0].rule"
    )
  }
}
