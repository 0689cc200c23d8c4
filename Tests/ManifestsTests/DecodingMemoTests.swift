import KubernetesAPI
import Testing

@testable import Manifests

/// A load decodes a repeated pod spec once; what it reports is what decoding every copy would.
@Suite struct DecodingMemoTests {
  func pod(_ name: String, spec: String) -> String {
    """
    apiVersion: v1
    kind: Pod
    metadata: {name: \(name)}
    spec:
    \(spec)
    ---

    """
  }

  func specs(_ set: ManifestSet) -> [PodSpec?] {
    set.documents.map { if case .pod(let p) = $0.object { return p.spec } else { return nil } }
  }

  @Test func repeatedSpecsDecodeToTheSameValue() {
    let spec = "  containers: [{name: c, image: app, resources: {requests: {cpu: 500m, memory: 1Gi}}}]"
    let set = ManifestLoader().load(text: (0..<3).map { pod("p\($0)", spec: spec) }.joined(), file: "pods.yaml")
    #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.description))")
    let decoded = specs(set)
    #expect(decoded.count == 3)
    #expect(Set(decoded.compactMap { $0 }).count == 1)
  }

  @Test func anUnknownFieldIsReportedInEveryCopy() {
    let spec = "  containers: [{name: c, image: app}]\n  nodeSelectr: {disk: ssd}"
    let set = ManifestLoader().load(text: pod("a", spec: spec) + pod("b", spec: spec), file: "pods.yaml")
    let warnings = set.warnings.map(\.description)
    #expect(warnings.count == 2, "\(warnings)")
    #expect(warnings.allSatisfy { $0.contains("spec.nodeSelectr") })
  }

  @Test func aQuotedNumberIsNotTakenForTheSameSpecAsAPlainOne() {
    let plain = "  containers: [{name: c, image: app}]\n  activeDeadlineSeconds: 5"
    let quoted = "  containers: [{name: c, image: app}]\n  activeDeadlineSeconds: \"5\""
    let set = ManifestLoader().load(text: pod("a", spec: plain) + pod("b", spec: quoted), file: "pods.yaml")
    let errors = set.errors.map(\.description)
    #expect(errors.count == 1, "\(errors)")
    #expect(errors.first?.contains("activeDeadlineSeconds") == true, "\(errors)")
    #expect(errors.first?.contains("document 2") == true, "\(errors)")
  }
}
