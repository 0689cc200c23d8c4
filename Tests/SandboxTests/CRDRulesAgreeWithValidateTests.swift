import APIServer
import Foundation
import Manifests
import Testing
import Yams

@testable import Sandbox

/// config/crds (what the API server admits) and `karpenter validate` (the project's own
/// validation, `ManifestLoader`) agree on Karpenter's four kinds:
/// - every CEL rule (`x-kubernetes-validations`) has a case that breaks it and only it, which
///   both refuse (``CRDRuleCases``); transition rules are checked on an update;
/// - the enums, patterns, bounds and required fields users trip over are refused by both
///   (``CRDSchemaCases``);
/// - what `validate` refuses beyond the CRD (mostly checks upstream makes at runtime) is a
///   named list (``CRDSchemaCases/validateOnly``), each entry accepted by the CRD; what the CRD
///   refuses and `validate` misses is another (``CRDSchemaCases/crdOnly``), to be emptied;
/// - the examples and a maximal valid object of each kind pass both.
@Suite struct CRDRulesAgreeWithValidateTests {
  @Test(
    "every CEL rule of the four CRDs has a case, and every case names one rule",
    arguments: KarpenterKind.allCases)
  func everyRuleHasACase(kind: KarpenterKind) {
    let rules = kind.rules
    #expect(!rules.isEmpty)
    for rule in rules {
      let cases = CRDRuleCases.all.filter { $0.covers(rule) }
      #expect(!cases.isEmpty, "no case breaks \(kind) \(rule.path): \(rule.message)")
    }
    for ruleCase in CRDRuleCases.all where ruleCase.kind == kind {
      let matching = rules.filter { ruleCase.covers($0) }
      #expect(matching.count == 1, "\(ruleCase) names \(matching.count) rules, not one")
    }
  }

  @Test("the CRD and validate both refuse an object that breaks a CEL rule", arguments: CRDRuleCases.all)
  func ruleCase(_ ruleCase: RuleCase) throws {
    let kind = ruleCase.kind
    let rule = try #require(kind.rules.first { ruleCase.covers($0) }, "no such rule")
    let object = try kind.object(ruleCase.set)
    let field = ruleCase.rule.replacingOccurrences(of: "[]", with: "[0]")
    let expected = [rule.message] + ruleCase.also
    func onlyThisRule(_ causes: [FieldCause]) -> Bool {
      causes.allSatisfy { cause in expected.contains { cause.message.contains($0) } }
    }
    if let oldChanges = ruleCase.old {
      // A transition rule: only an update runs it, against the stored (defaulted) object.
      #expect(rule.isTransition)
      let stored = try kind.object(oldChanges)
      #expect(kind.crdCauses(stored).isEmpty, "the stored object is valid")
      #expect(kind.crdCauses(object).isEmpty, "on create the transition rule does not run")
      let causes = kind.crdCauses(object, old: kind.schema.admit(stored).object)
      #expect(causes.contains { $0.field == field && $0.message.contains(rule.message) }, "\(causes)")
      #expect(onlyThisRule(causes), "only this rule fails: \(causes)")
      // `validate` reads one object and has no stored one to compare with: it accepts the new
      // object, valid on its own. The API server refuses the update (the CRD's rule).
      #expect(kind.validateErrors(object).isEmpty)
      return
    }
    #expect(!rule.isTransition, "a transition rule needs an old object")
    let causes = kind.crdCauses(object)
    #expect(causes.contains { $0.field == field && $0.message.contains(rule.message) }, "\(causes)")
    #expect(onlyThisRule(causes), "only this rule fails: \(causes)")
    let errors = kind.validateErrors(object)
    #expect(!errors.isEmpty, "validate accepts what the CRD refuses")
    #expect(
      errors.contains { $0.description.contains(ruleCase.validateSays ?? ruleCase.message) },
      "validate says it in the rule's words: \(errors)")
  }

  @Test(
    "the CRD and validate both refuse a bad enum value, pattern, bound or missing field",
    arguments: CRDSchemaCases.refusedByBoth)
  func schemaCase(_ schemaCase: SchemaCase) throws {
    let object = try schemaCase.kind.object(schemaCase.set)
    let causes = schemaCase.kind.crdCauses(object)
    #expect(
      causes.contains { $0.field == schemaCase.field && $0.message.contains(schemaCase.message) },
      "\(causes)")
    let errors = schemaCase.kind.validateErrors(object)
    #expect(!errors.isEmpty, "validate accepts what the CRD refuses")
    #expect(
      errors.contains { $0.field?.path.description == schemaCase.field },
      "validate names \(schemaCase.field): \(errors)")
  }

  @Test(
    "the named exceptions: validate refuses what the CRD lets through",
    arguments: CRDSchemaCases.validateOnly)
  func validateOnly(_ exception: SchemaCase) throws {
    #expect(!exception.why.isEmpty, "every exception says why")
    let object = try exception.kind.object(exception.set)
    #expect(exception.kind.crdCauses(object).isEmpty, "the CRD refuses it too: make it a refusedByBoth case")
    let errors = exception.kind.validateErrors(object)
    #expect(
      errors.contains {
        $0.field?.path.description == exception.field && $0.description.contains(exception.message)
      },
      "\(errors)")
  }

  @Test("known gaps: the CRD refuses, validate accepts", arguments: CRDSchemaCases.crdOnly)
  func crdOnly(_ gap: SchemaCase) throws {
    #expect(!gap.why.isEmpty, "every gap says why")
    let object = try gap.kind.object(gap.set)
    let causes = gap.kind.crdCauses(object)
    #expect(causes.contains { $0.field == gap.field && $0.message.contains(gap.message) }, "\(causes)")
    #expect(gap.kind.validateErrors(object).isEmpty, "validate refuses it now: make it a refusedByBoth case")
  }

  @Test("the minimal objects the cases start from are valid for both", arguments: KarpenterKind.allCases)
  func minimalObjectsAreValid(kind: KarpenterKind) throws {
    let object = try kind.object([:])
    #expect(kind.crdCauses(object).isEmpty)
    #expect(kind.validateErrors(object).isEmpty)
  }

  @Test("every Karpenter object in examples/ and each maximal valid object passes both")
  func validObjectsPassBoth() throws {
    var objects = try Self.exampleObjects()
    #expect(objects.count >= 8, "the examples hold NodePools, NodeClaims and EC2NodeClasses")
    for (name, yaml) in ValidObjects.maximal {
      objects.append((name, try #require(Self.documents(yaml).first)))
    }
    for (origin, object) in objects {
      let kind = try #require(KarpenterKind(rawValue: object["kind"]?.string ?? ""), "\(origin)")
      #expect(kind.crdCauses(object).isEmpty, "\(origin): \(kind.crdCauses(object))")
      #expect(kind.validateErrors(object).isEmpty, "\(origin): \(kind.validateErrors(object))")
    }
    let kinds = Set(objects.compactMap { $0.1["kind"]?.string })
    #expect(kinds == Set(KarpenterKind.allCases.map(\.rawValue)))
  }

  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The Karpenter objects of examples/*.yaml: top-level documents and the items of a List.
  static func exampleObjects() throws -> [(String, JSON)] {
    let directory = repository.appendingPathComponent("examples")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".yaml") }.sorted()
    var out: [(String, JSON)] = []
    for name in names {
      let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      for document in try documents(text) {
        let candidates = document["kind"]?.string == "List" ? document["items"]?.array ?? [] : [document]
        for object in candidates where KarpenterKind(rawValue: object["kind"]?.string ?? "") != nil {
          out.append(("examples/\(name) \(object[path: ["metadata", "name"]]?.string ?? "")", object))
        }
      }
    }
    return out
  }

  /// The documents of a YAML text in the API server's JSON, as the sandbox reads a request.
  static func documents(_ text: String) throws -> [JSON] {
    try Yams.load_all(yaml: text).map(KarpenterCRDs.json).filter { $0 != .null }
  }
}

/// One of Karpenter's four kinds: its CRD, the rules in it, and the smallest object both the
/// CRD and `validate` accept, which every case changes.
enum KarpenterKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case nodePool = "NodePool", nodeClaim = "NodeClaim", ec2NodeClass = "EC2NodeClass"
  case nodeOverlay = "NodeOverlay"

  var testDescription: String { rawValue }

  var crd: JSON { KarpenterCRDs.objects.first { $0[path: ["spec", "names", "kind"]]?.string == rawValue }! }

  var schema: CustomResourceSchema {
    let version = crd[path: ["spec", "versions"]]!.array![0]["name"]!.string!
    return CustomResourceSchema(crd: crd, version: version)!
  }

  /// Every `x-kubernetes-validations` rule of the CRD's served version.
  var rules: [CELRule] {
    let versions = crd[path: ["spec", "versions"]]?.array ?? []
    return versions.flatMap { CELRule.all(in: $0[path: ["schema", "openAPIV3Schema"]] ?? .null, at: "") }
  }

  var minimal: String {
    switch self {
    case .nodePool:
      #"""
      {"apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": {"name": "case"},
       "spec": {"template": {"spec": {"requirements": [],
         "nodeClassRef": {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"}}}}}
      """#
    case .nodeClaim:
      #"""
      {"apiVersion": "karpenter.sh/v1", "kind": "NodeClaim", "metadata": {"name": "case"},
       "spec": {"requirements": [],
         "nodeClassRef": {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"}}}
      """#
    case .ec2NodeClass:
      #"""
      {"apiVersion": "karpenter.k8s.aws/v1", "kind": "EC2NodeClass", "metadata": {"name": "case"},
       "spec": {"role": "KarpenterNodeRole", "amiSelectorTerms": [{"alias": "al2023@latest"}],
         "subnetSelectorTerms": [{"tags": {"karpenter.sh/discovery": "demo"}}],
         "securityGroupSelectorTerms": [{"tags": {"karpenter.sh/discovery": "demo"}}]}}
      """#
    case .nodeOverlay:
      #"""
      {"apiVersion": "karpenter.sh/v1alpha1", "kind": "NodeOverlay", "metadata": {"name": "case"},
       "spec": {"requirements": []}}
      """#
    }
  }

  /// The minimal object with `changes` made: each dotted field path set to a JSON value, or
  /// removed when the value is `null`.
  func object(_ changes: [String: String]) throws -> JSON {
    var object = try JSON(parsing: minimal)
    for (path, value) in changes {
      let parsed = try JSON(parsing: value)
      object[path: path.split(separator: ".").map(String.init)] = parsed == .null ? nil : parsed
    }
    return object
  }

  /// What the API server says when the object is created (or, with `old`, updated).
  func crdCauses(_ object: JSON, old: JSON? = nil) -> [FieldCause] {
    schema.admit(object, old: old).causes
  }

  /// The errors `karpenter validate` reports, read as the sandbox's admission reads a request.
  func validateErrors(_ object: JSON) -> [Diagnostic] {
    ManifestLoader(registry: .standard).load(text: object.description, file: "case")
      .diagnostics.filter { $0.severity == .error }
  }
}

/// A CEL rule of a CRD, where it sits (`spec.amiSelectorTerms[].alias`, `[]` for a list's items)
/// and the message the API server gives when it fails.
struct CELRule: Hashable, Sendable, CustomStringConvertible {
  var path: String
  var message: String
  var isTransition: Bool

  var description: String { "\(path): \(message)" }

  static func all(in schema: JSON, at path: String) -> [CELRule] {
    var out = (schema["x-kubernetes-validations"]?.array ?? []).map { rule in
      CELRule(
        path: path, message: rule["message"]?.string ?? rule["rule"]?.string ?? "",
        isTransition: rule["rule"]?.string?.contains("oldSelf") == true)
    }
    for (name, child) in (schema["properties"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
      out += all(in: child, at: path.isEmpty ? name : "\(path).\(name)")
    }
    if let items = schema["items"] { out += all(in: items, at: path + "[]") }
    if let values = schema["additionalProperties"], values.object != nil {
      out += all(in: values, at: path + "[*]")
    }
    return out
  }
}
