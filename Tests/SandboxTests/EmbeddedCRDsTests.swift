import APIServer
import Foundation
import Testing

@testable import Sandbox

/// The sandbox serves config/crds as they are in the repository (scripts/embed-crds.sh).
@Suite struct EmbeddedCRDsTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("config/crds")

  @Test("the embedded CRDs equal config/crds byte for byte (else run scripts/embed-crds.sh)")
  func embeddedEqualsConfig() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
      .filter { $0.hasSuffix(".yaml") }.sorted()
    #expect(EmbeddedCRDs.files.map(\.name) == names)
    for file in EmbeddedCRDs.files {
      let onDisk = try Data(contentsOf: Self.directory.appendingPathComponent(file.name))
      #expect(Array(file.text.utf8) == Array(onDisk), "\(file.name) differs from config/crds")
    }
  }

  @Test("the sandbox starts with Karpenter's four CRDs, established, and its kinds still built in")
  func crdsInstalledAtStart() throws {
    let api = SandboxAPI()
    let store = api.storeSnapshot
    let crdType = try #require(
      store.registry.type(group: "apiextensions.k8s.io", version: "v1", plural: "customresourcedefinitions"))
    let crds = try store.list(crdType).items
    #expect(
      crds.compactMap { $0[path: ["metadata", "name"]]?.string }.sorted() == [
        "ec2nodeclasses.karpenter.k8s.aws", "nodeclaims.karpenter.sh", "nodeoverlays.karpenter.sh",
        "nodepools.karpenter.sh",
      ])
    for crd in crds {
      let established = crd[path: ["status", "conditions"]]?.array?.contains {
        $0["type"]?.string == "Established" && $0["status"]?.string == "True"
      }
      #expect(established == true, "\(crd[path: ["metadata", "name"]]?.string ?? "") is established")
    }
    #expect(store.registry.types == ResourceRegistry().types, "the CRDs change no registered type")
  }

  @Test("the OpenAPI v3 document of karpenter.sh/v1 is the CRD's schema")
  func openAPIFromCRD() throws {
    let api = SandboxAPI()
    let schemas = api.crdSchemas()
    let nodePool = try #require(schemas["karpenter.sh/v1/NodePool"])
    let document = try #require(
      OpenAPIDocuments.v3(
        group: "karpenter.sh", version: "v1", types: api.storeSnapshot.registry.types, crdSchemas: schemas,
        gitVersion: "v1.33.0"))
    let served = try #require(document[path: ["components", "schemas", "sh.karpenter.v1.NodePool"]])
    #expect(
      served[path: ["properties", "spec", "properties", "disruption"]]
        == nodePool[path: ["properties", "spec", "properties", "disruption"]])
    #expect(schemas.keys.sorted() == [
      "karpenter.k8s.aws/v1/EC2NodeClass", "karpenter.sh/v1/NodeClaim", "karpenter.sh/v1/NodePool",
      "karpenter.sh/v1alpha1/NodeOverlay",
    ])
  }
}
