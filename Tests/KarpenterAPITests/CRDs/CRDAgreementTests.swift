import Foundation
import KarpenterAPI
import KubernetesAPI
import ManifestCoding
import Testing
import Yams

/// config/crds and the Swift model describe the same fields: every field of the model is in the
/// CRD's schema and every field of the schema is decoded and kept by the model, and the
/// schema's enums are the values the model's validation accepts. Each kind has a maximal
/// fixture (``MaximalFixtures``) setting every field; adding a field to one side only fails here.
@Suite struct CRDAgreementTests {
  struct Kind: CustomTestStringConvertible, Sendable {
    var file: String
    var fixture: String
    var decode: @Sendable (String) throws -> (value: Any?, errors: [FieldError], reencoded: Data?)
    var validate: @Sendable (String) throws -> [FieldError]
    var testDescription: String { file }

    static func of<T: KubernetesObject & Encodable>(
      _ type: T.Type, file: String, fixture: String, validate: @escaping @Sendable (T) -> [FieldError]
    ) -> Kind {
      Kind(
        file: file, fixture: fixture,
        decode: { yaml in
          let (value, errors) = try ManifestDecoder(reportsUnknownFields: true).decode(T.self, yaml: yaml)
          let encoder = JSONEncoder()
          return (value, errors, try value.map { try encoder.encode($0) })
        },
        validate: { yaml in
          let (value, errors) = try ManifestDecoder().decode(T.self, yaml: yaml)
          return errors + (value.map(validate) ?? [])
        })
    }
  }

  static let kinds: [Kind] = [
    .of(NodePool.self, file: "karpenter.sh_nodepools.yaml", fixture: MaximalFixtures.nodePool) { $0.validate() },
    .of(NodeClaim.self, file: "karpenter.sh_nodeclaims.yaml", fixture: MaximalFixtures.nodeClaim) { $0.validate() },
    .of(EC2NodeClass.self, file: "karpenter.k8s.aws_ec2nodeclasses.yaml", fixture: MaximalFixtures.ec2NodeClass) {
      $0.validate()
    },
    .of(NodeOverlay.self, file: "karpenter.sh_nodeoverlays.yaml", fixture: MaximalFixtures.nodeOverlay) {
      $0.validate()
    },
  ]

  @Test("the maximal fixture sets exactly the schema's fields", arguments: kinds)
  func fixtureCoversSchema(kind: Kind) throws {
    let crd = try CRDSchema(file: kind.file)
    let fixture = try Self.load(kind.fixture)
    let set = crd.paths(setBy: fixture)
    #expect(crd.paths.subtracting(set).sorted() == [], "schema fields the fixture does not set")
    #expect(set.subtracting(crd.paths).sorted() == [], "fixture fields the schema does not declare")
  }

  @Test("the model decodes every field of the schema (no unknown field)", arguments: kinds)
  func modelDecodesSchema(kind: Kind) throws {
    let (value, errors, _) = try kind.decode(kind.fixture)
    #expect(value != nil)
    #expect(errors.map(\.description) == [])
  }

  @Test("every field of the model is in the schema and set by the fixture", arguments: kinds)
  func schemaCoversModel(kind: Kind) throws {
    let crd = try CRDSchema(file: kind.file)
    let value = try #require(try kind.decode(kind.fixture).value)
    let walk = ModelWalk(value)
    #expect(walk.unset.sorted() == [], "model fields the fixture leaves unset (add them to the CRD and the fixture)")
    #expect(walk.leaves.subtracting(crd.paths).sorted() == [], "model fields the schema does not declare")
    #expect(crd.paths.subtracting(walk.leaves).sorted() == [], "schema fields the model does not have")
  }

  @Test("re-encoding the decoded fixture gives the fixture back", arguments: kinds)
  func nothingLost(kind: Kind) throws {
    let data = try #require(try kind.decode(kind.fixture).reencoded)
    let reencoded = try JSONSerialization.jsonObject(with: data)
    let fixture = try Self.load(kind.fixture)
    #expect(try Self.canonical(reencoded) == Self.canonical(fixture))
  }

  /// Status enums are written by the controllers and kept as text by the model, which does not
  /// validate status.
  static let unvalidatedEnums: Set<String> = [
    "status.conditions[].status",
    "status.capacityReservations[].instanceMatchCriteria",
    "status.capacityReservations[].reservationType",
    "status.capacityReservations[].state",
  ]

  @Test("the model's validation accepts exactly the schema's enum values", arguments: kinds)
  func enumsAgree(kind: Kind) throws {
    let crd = try CRDSchema(file: kind.file)
    let fixture = try Self.load(kind.fixture)
    for (path, values) in crd.enums.sorted(by: { $0.key < $1.key }) where !Self.unvalidatedEnums.contains(path) {
      let errorPath = path.replacingOccurrences(of: "[]", with: "[0]")
      for value in values + ["NotAnEnumValue"] {
        let yaml = try Yams.dump(object: Self.setting(value, at: path.split(separator: ".").map(String.init), in: fixture))
        let errors = try kind.validate(yaml).filter { $0.path.description == errorPath }
        if value == "NotAnEnumValue" {
          #expect(!errors.isEmpty, "\(kind.file): \(path) accepts a value outside the schema's enum")
        } else {
          // Other rules may tie the field to others (amiFamily to the alias): only the enum's own
          // error counts.
          let unsupported = errors.filter { $0.kind == .unsupported }
          #expect(unsupported.map(\.description) == [], "\(kind.file): \(path) rejects \(value)")
        }
      }
    }
  }

  @Test("the schema's enums equal the model's lists of values")
  func enumListsAgree() throws {
    let pool = try CRDSchema(file: "karpenter.sh_nodepools.yaml").enums
    #expect(Set(pool["spec.template.spec.requirements[].operator"] ?? []) == Set(NodeSelectorRequirementWithMinValues.operators))
    #expect(pool["spec.template.spec.taints[].effect"] == Taint.effects)
    #expect(pool["spec.disruption.consolidationPolicy"] == Disruption.policies)
    #expect(pool["spec.disruption.budgets[].reasons[]"] == Budget.reasonValues)
    let nodeClass = try CRDSchema(file: "karpenter.k8s.aws_ec2nodeclasses.yaml").enums
    #expect(nodeClass["spec.amiFamily"] == EC2NodeClassSpec.amiFamilies)
    #expect(nodeClass["spec.blockDeviceMappings[].ebs.volumeType"] == BlockDevice.volumeTypes)
    #expect(nodeClass["spec.networkInterfaces[].interfaceType"] == NetworkInterface.interfaceTypes)
    #expect(nodeClass["spec.cpuOptions.nestedVirtualization"] == CPUOptions.nestedVirtualizationValues)
  }

  /// `object` with `value` at `path` (a `name[]` component goes into the list's first element).
  static func setting(_ value: String, at path: [String], in object: Any) -> Any {
    guard let first = path.first else { return value }
    let rest = Array(path.dropFirst())
    if first.hasSuffix("[]") {
      let name = String(first.dropLast(2))
      var map = object as? [String: Any] ?? [:]
      var list = map[name] as? [Any] ?? []
      if list.isEmpty { list = [[String: Any]()] }
      list[0] = setting(value, at: rest, in: list[0])
      if name.isEmpty { return list }
      map[name] = list
      return map
    }
    var map = object as? [String: Any] ?? [:]
    map[first] = setting(value, at: rest, in: map[first] as Any)
    return map
  }

  /// A YAML document as a tree of `[String: Any]`, `[Any]` and scalars.
  static func load(_ yaml: String) throws -> Any {
    func normalized(_ value: Any) -> Any {
      if let map = value as? [AnyHashable: Any] {
        return Dictionary(uniqueKeysWithValues: map.map { ("\($0.key)", normalized($0.value)) })
      }
      if let list = value as? [Any] { return list.map(normalized) }
      return value
    }
    return normalized(try #require(try Yams.load(yaml: yaml)))
  }

  /// JSON text with sorted keys, for comparing a YAML tree with a JSON one.
  static func canonical(_ value: Any) throws -> String {
    let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
    return String(decoding: data, as: UTF8.self)
  }
}
