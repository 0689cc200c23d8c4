import Foundation
import KarpenterAPI
import KubernetesAPI
import ManifestCoding
import Manifests
import Testing

@Suite struct ManifestLoaderTests {
  @Test func readsEveryDocumentOfEveryKind() throws {
    let yaml = """
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: default}
      spec:
        template:
          spec:
            requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [spot]}]
            nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      ---
      # an empty document is skipped
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop}
      spec: {containers: [{name: web, image: nginx, resources: {requests: {cpu: 250m}}}]}
      ---
      apiVersion: v1
      kind: List
      items:
      - {apiVersion: scheduling.k8s.io/v1, kind: PriorityClass, metadata: {name: high}, value: 1000}
      - {apiVersion: policy/v1, kind: PodDisruptionBudget, metadata: {name: web}, spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}}
      """
    let set = ManifestLoader().load(text: yaml, file: "all.yaml")
    #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.description))")
    #expect(set.documents.map(\.kind) == ["NodePool", "Pod", "PriorityClass", "PodDisruptionBudget"])
    #expect(set.documents.map(\.location.document) == [1, 3, 4, 4])
    #expect(set.documents[1].displayName == "Pod \"shop/web\"")
    guard case .pod(let pod) = set.documents[1].object else {
      Issue.record("expected a pod")
      return
    }
    #expect(pod.spec?.containers.first?.resources?.requests?["cpu"] == Quantity(milli: 250))
  }

  @Test func readsJSON() {
    let json = """
      {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1", "labels": {"kubernetes.io/arch": "arm64"}},
       "status": {"allocatable": {"cpu": "3920m", "memory": "14Gi", "pods": 58}}}
      """
    let set = ManifestLoader().load(text: json, file: "node.json")
    #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.description))")
    guard case .node(let node) = set.documents.first?.object else {
      Issue.record("expected a node")
      return
    }
    #expect(node.status?.allocatable?["pods"] == Quantity(58))
  }

  @Test func malformedYAMLIsAnErrorWithItsLine() {
    let yaml = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
       labels: {app: web
      """
    let set = ManifestLoader().load(text: yaml, file: "broken.yaml")
    #expect(set.hasErrors)
    let message = set.errors.first?.description ?? ""
    #expect(message.hasPrefix("broken.yaml: document 1"))
    #expect(message.contains("malformed"))
    #expect(message.contains("line"))
  }

  @Test func documentsBeforeASyntaxErrorAreKept() {
    let yaml = """
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata: {name: high}
      value: 10
      ---
      apiVersion: v1
      kind: Pod
      metadata: [unclosed
      """
    let set = ManifestLoader().load(text: yaml, file: "two.yaml")
    #expect(set.documents.count == 1)
    #expect(set.errors.count == 1)
    #expect(set.errors.first?.location.document == 2)
  }

  @Test func wrongTypeNamesThePathAndWhatWasExpected() {
    let yaml = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: [3]
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: {name: web}
      """
    let set = ManifestLoader().load(text: yaml, file: "web.yaml")
    let messages = set.errors.map(\.description)
    #expect(messages.count == 2, "\(messages)")
    #expect(
      messages.contains {
        $0.contains("spec.replicas: Invalid type") && $0.contains("must be an integer, not a list")
      })
    #expect(
      messages.contains {
        $0.contains("spec.template.spec.containers: Invalid type")
          && $0.contains("must be a list, not an object")
      })
    #expect(messages.allSatisfy { $0.hasPrefix("web.yaml: document 1 (Deployment \"default/web\"), line ") })
  }

  @Test func everyErrorOfADocumentIsReported() {
    let yaml = """
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: default}
      spec:
        weight: 500
        limits: {cpu: many}
        template:
          spec:
            requirements:
            - {key: kubernetes.io/hostname, operator: In, values: [a]}
            - {key: team, operator: Maybe}
            nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
            expireAfter: 1d
      """
    let set = ManifestLoader().load(text: yaml, file: "np.yaml")
    let paths = Set(set.errors.compactMap { $0.field?.path.description })
    #expect(
      paths == [
        "spec.weight", "spec.limits[cpu]", "spec.template.spec.requirements[0].key",
        "spec.template.spec.requirements[1].operator", "spec.template.spec.expireAfter",
      ])
  }

  @Test func everyBadListElementIsReported() {
    let yaml = """
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
        - {name: a, resources: {requests: {cpu: x1}}}
        - {name: b}
        - {name: c, resources: {requests: {memory: 1GG}}}
      """
    let set = ManifestLoader().load(text: yaml, file: "p.yaml")
    let paths = set.errors.compactMap { $0.field?.path.description }
    #expect(
      paths == [
        "spec.containers[0].resources.requests[cpu]", "spec.containers[2].resources.requests[memory]",
      ])
  }

  @Test func unknownKindIsAWarningAndOthersStillLoad() {
    let yaml = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data: {a: b}
      ---
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata: {name: high}
      value: 10
      """
    let set = ManifestLoader().load(text: yaml, file: "mixed.yaml")
    #expect(!set.hasErrors)
    #expect(set.warnings.count == 1)
    #expect(set.warnings.first?.description.contains("ConfigMap") == true)
    #expect(set.documents.count == 1)
  }

  @Test func missingKindAndNonObjectDocumentsAreErrors() {
    let yaml = """
      metadata: {name: x}
      ---
      just a string
      """
    let set = ManifestLoader().load(text: yaml, file: "odd.yaml")
    let messages = set.errors.map(\.description)
    #expect(messages.contains { $0.contains("apiVersion: Required value") })
    #expect(messages.contains { $0.contains("kind: Required value") })
    #expect(messages.contains { $0.contains("document 2") && $0.contains("must be an object") })
  }

  @Test func unreadableFileIsAnError() {
    let set = ManifestLoader().load(paths: ["/nonexistent/nodepool.yaml"])
    #expect(set.errors.count == 1)
    #expect(set.errors.first?.description.hasPrefix("/nonexistent/nodepool.yaml") == true)
  }

  /// An unknown field is a warning, not an error: the object still loads.
  @Test func unknownFieldsDoNotBreakDecoding() {
    let yaml = """
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: default, managedFields: [{manager: kubectl}]}
      spec:
        futureField: {anything: [1, 2]}
        template:
          spec:
            requirements: []
            nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      status:
        somethingNew: true
      """
    let set = ManifestLoader().load(text: yaml, file: "np.yaml")
    #expect(set.errors.isEmpty)
    #expect(
      set.warnings.map(\.description) == [
        "np.yaml: document 1 (NodePool \"default\"), line 5: warning: unknown field \"spec.futureField\""
      ])
    #expect(set.documents.count == 1)
  }

  /// A 10 MB file of 20,000 pods loads without a problem; the same file with one bad quantity
  /// reports that one error and keeps the rest.
  @Test func tenMegabyteManifest() {
    var yaml = ""
    let padding = String(repeating: "x", count: 330)
    for i in 0..<20_000 {
      yaml += """
        apiVersion: v1
        kind: Pod
        metadata: {name: pod-\(i), namespace: default, annotations: {note: \(padding)}}
        spec: {containers: [{name: c, image: app, resources: {requests: {cpu: \(i == 12_345 ? "1z" : "100m"), memory: 128Mi}}}]}
        ---

        """
    }
    #expect(yaml.utf8.count > 10_000_000)
    let set = ManifestLoader().load(text: yaml, file: "big.yaml")
    #expect(set.documents.count == 19_999)
    #expect(set.errors.count == 1)
    #expect(set.errors.first?.location.document == 12_346)
  }
}
