import APIServer
import Testing

@testable import Sandbox

@Suite("The protobuf writer and the OpenAPI v2 document")
struct ProtobufWriterTests {
  @Test("varints: 1 is one byte, 300 is AC 02, as the protobuf documentation encodes them")
  func varints() {
    var w = ProtobufWriter()
    w.int64(1, 300)
    #expect(w.bytes == [0x08, 0xAC, 0x02])
    var negative = ProtobufWriter()
    negative.int64(2, -1)
    #expect(negative.bytes == [0x10] + Array(repeating: 0xFF, count: 9) + [0x01])
  }

  @Test("strings and nested messages are length-delimited; empty strings and false are left out")
  func lengthDelimited() {
    var w = ProtobufWriter()
    w.string(2, "testing")
    w.string(3, "")
    w.bool(4, false)
    w.message(5) { $0.bool(1, true) }
    #expect(w.bytes == [0x12, 0x07] + Array("testing".utf8) + [0x2A, 0x02, 0x08, 0x01])
  }

  @Test("a double is fixed 64 bits, little-endian")
  func double() {
    var w = ProtobufWriter()
    w.double(7, 1.0)
    #expect(w.bytes == [0x39, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
  }

  /// Reads the (field, bytes) pairs of length-delimited fields at the top of a message.
  func fields(_ bytes: [UInt8]) -> [(Int, [UInt8])] {
    var out: [(Int, [UInt8])] = []
    var i = 0
    func varint() -> UInt64 {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        let b = bytes[i]
        i += 1
        value |= UInt64(b & 0x7F) << shift
        if b < 0x80 { return value }
        shift += 7
      }
    }
    while i < bytes.count {
      let key = varint()
      guard key & 7 == 2 else { return out }
      let length = Int(varint())
      out.append((Int(key >> 3), Array(bytes[i..<i + length])))
      i += length
    }
    return out
  }

  @Test("the v2 document carries swagger 2.0, info, and Pod's containers with their patch merge key")
  func document() throws {
    let v2 = OpenAPIDocuments.v2(types: ResourceRegistry().types, gitVersion: "v1.31.0")
    let bytes = OpenAPIV2Protobuf.encode(v2)
    let top = fields(bytes)
    #expect(top.first?.0 == 1)
    #expect(top.first.map { String(decoding: $0.1, as: UTF8.self) } == "2.0")
    let definitions = try #require(top.first { $0.0 == 9 }?.1)
    let named = fields(definitions).map { fields($0.1) }
    let podSpec = try #require(
      named.first { String(decoding: $0.first?.1 ?? [], as: UTF8.self) == "io.k8s.api.core.v1.PodSpec" })
    let schema = try #require(podSpec.first { $0.0 == 2 }?.1)
    let text = String(decoding: schema, as: UTF8.self)
    #expect(text.contains("x-kubernetes-patch-merge-key"))
    #expect(text.contains("containers"))
    #expect(
      v2[path: [
        "definitions", "io.k8s.api.core.v1.PodSpec", "properties", "containers",
        "x-kubernetes-patch-merge-key",
      ]] == "name")
    #expect(
      v2[path: [
        "definitions", "io.k8s.api.apps.v1.Deployment", "properties", "spec", "properties", "template",
        "$ref",
      ]] == "#/definitions/io.k8s.api.core.v1.PodTemplateSpec")
  }

  @Test(
    "the v3 document of karpenter.sh/v1 has NodePool with its group-version-kind and PATCH taking fieldValidation"
  )
  func v3() throws {
    let doc = try #require(
      OpenAPIDocuments.v3(
        group: "karpenter.sh", version: "v1", types: ResourceRegistry().types, gitVersion: "v1.31.0"))
    let nodePool = try #require(doc[path: ["components", "schemas", "sh.karpenter.v1.NodePool"]])
    #expect(
      nodePool["x-kubernetes-group-version-kind"] == [
        ["group": "karpenter.sh", "version": "v1", "kind": "NodePool"]
      ])
    #expect(nodePool[path: ["properties", "spec", "properties", "weight", "type"]] == "integer")
    let patch = try #require(doc[path: ["paths", "/apis/karpenter.sh/v1/nodepools/{name}", "patch"]])
    let aws = try #require(OpenAPIDocuments.v3(group: "karpenter.k8s.aws", version: "v1", types: ResourceRegistry().types, gitVersion: "v1.31.0"))
    #expect(aws[path: ["components", "schemas", "aws.k8s.karpenter.v1.EC2NodeClass", "properties", "spec", "required"]] == ["amiSelectorTerms", "securityGroupSelectorTerms", "subnetSelectorTerms"])
    #expect(patch["parameters"]?.array?.contains { $0["name"] == "fieldValidation" } == true)
    let index = OpenAPIDocuments.v3Index(types: ResourceRegistry().types) { g, v in
      OpenAPIDocuments.v3(group: g, version: v, types: ResourceRegistry().types, gitVersion: "v1.31.0")
    }
    #expect(
      index[path: ["paths", "apis/karpenter.sh/v1", "serverRelativeURL"]]?.string?.hasPrefix(
        "/openapi/v3/apis/karpenter.sh/v1?hash=") == true)
    #expect(index[path: ["paths", "api/v1"]] != nil)
  }
}
