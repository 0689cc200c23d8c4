import ManifestCoding
import Manifests
import Testing

/// `karpenter validate` on NodeOverlays: upstream's CRD schema, its CEL rules and
/// `RuntimeValidate`, worded as `kubectl apply` words them.
@Suite struct NodeOverlayValidationTests {
  static func overlay(_ spec: String, name: String = "overlay") -> String {
    """
    apiVersion: karpenter.sh/v1alpha1
    kind: NodeOverlay
    metadata: {name: \(name)}
    spec:
    \(spec.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    """
  }

  static let anyType = "requirements: [{key: node.kubernetes.io/instance-type, operator: Exists}]"

  /// One invalid overlay: the error's full text after the document prefix.
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var spec: String
    var error: String
    var testDescription: String { name }
  }

  static let invalid: [Case] = [
    .init(
      name: "price and priceAdjustment", spec: anyType + "\nprice: \"1\"\npriceAdjustment: \"+10%\"",
      error: "spec: Invalid value: \"object\": cannot set both 'price' and 'priceAdjustment'"),
    .init(
      name: "price with a sign", spec: anyType + "\nprice: \"+42\"",
      error:
        #"spec.price: Invalid value: "+42": must be a non-negative decimal such as 0.42 (pattern ^\d+(\.\d+)?$)"#
    ),
    .init(
      name: "price as a number", spec: anyType + "\nprice: 0.5",
      error: "spec.price: Invalid type: \"0.5\": must be a string, not a number (quote it in YAML)"),
    .init(
      name: "unsigned adjustment", spec: anyType + "\npriceAdjustment: \"10%\"",
      error:
        #"spec.priceAdjustment: Invalid value: "10%": must be a signed amount such as +0.1 or -0.05, or a percentage such as +10% or -15% (at most -100%) (pattern ^(([+-]{1}(\d*\.?\d+))|(\+{1}\d*\.?\d+%)|(^(-\d{1,2}(\.\d+)?%)$)|(-100%))$)"#
    ),
    .init(
      name: "adjustment below -100%", spec: anyType + "\npriceAdjustment: \"-101%\"",
      error: "spec.priceAdjustment: Invalid value: \"-101%\": must be a signed amount"),
    .init(
      name: "weight 0", spec: anyType + "\nweight: 0",
      error: "spec.weight: Invalid value: \"0\": must be between 1 and 10000"),
    .init(
      name: "weight above 10000", spec: anyType + "\nweight: 10001",
      error: "spec.weight: Invalid value: \"10001\": must be between 1 and 10000"),
    .init(
      name: "capacity overriding cpu", spec: anyType + "\ncapacity: {cpu: \"4\", example.com/gpu: \"1\"}",
      error:
        "spec.capacity: Invalid value: \"object\": invalid resource restricted: cpu may not be set; capacity adds extended resources only"
    ),
    .init(
      name: "capacity overriding pods and memory", spec: anyType + "\ncapacity: {pods: \"300\", memory: 1Gi}",
      error:
        "spec.capacity: Invalid value: \"object\": invalid resource restricted: memory, pods may not be set"),
    .init(
      name: "negative capacity", spec: anyType + "\ncapacity: {example.com/gpu: \"-1\"}",
      error: "spec.capacity[example.com/gpu]: Invalid value: \"-1\": must be greater than or equal to 0"),
    .init(
      name: "capacity that is no quantity", spec: anyType + "\ncapacity: {example.com/gpu: lots}",
      error: "spec.capacity[example.com/gpu]"),
    .init(name: "no requirements", spec: "price: \"1\"", error: "spec.requirements: Required value"),
    .init(
      name: "In without values", spec: "requirements: [{key: kubernetes.io/arch, operator: In}]",
      error:
        "spec.requirements[0].values: Required value: requirements with operator 'In' must have a value defined"
    ),
    .init(
      name: "NotIn without values", spec: "requirements: [{key: kubernetes.io/arch, operator: NotIn}]",
      error:
        "spec.requirements[0].values: Required value: requirements with operator 'NotIn' must have a value defined"
    ),
    .init(
      name: "Gt with a negative value",
      spec: "requirements: [{key: karpenter.k8s.aws/instance-cpu, operator: Gt, values: [\"-1\"]}]",
      error:
        "spec.requirements[0].values: Invalid value: \"-1\": requirements operator 'Gt', 'Lt', 'Gte' or 'Lte' must have a single positive integer value"
    ),
    .init(
      name: "Lte with two values",
      spec: "requirements: [{key: karpenter.k8s.aws/instance-cpu, operator: Lte, values: [\"1\", \"2\"]}]",
      error: "spec.requirements[0].values: Invalid value: \"1,2\": requirements operator"),
    .init(
      name: "unknown operator",
      spec: "requirements: [{key: kubernetes.io/arch, operator: Near, values: [a]}]",
      error:
        "spec.requirements[0].operator: Unsupported value: \"Near\": supported values: \"In\", \"NotIn\", \"Exists\", \"DoesNotExist\", \"Gt\", \"Lt\", \"Gte\", \"Lte\""
    ),
    .init(
      name: "hostname", spec: "requirements: [{key: kubernetes.io/hostname, operator: In, values: [a]}]",
      error:
        "spec.requirements[0].key: Invalid value: \"kubernetes.io/hostname\": label \"kubernetes.io/hostname\" is restricted"
    ),
    .init(
      name: "karpenter.sh domain", spec: "requirements: [{key: karpenter.sh/foo, operator: Exists}]",
      error:
        "spec.requirements[0].key: Invalid value: \"karpenter.sh/foo\": label domain \"karpenter.sh\" is restricted"
    ),
    .init(
      name: "key that is no qualified name", spec: "requirements: [{key: test/test/test, operator: Exists}]",
      error: "spec.requirements[0].key: Invalid value: \"test/test/test\""),
    .init(
      name: "capacity type nobody sells",
      spec: "requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [cheap]}]",
      error:
        "spec.requirements[0].values: Unsupported value: \"cheap\": supported values: \"on-demand\", \"reserved\", \"spot\""
    ),
    .init(
      name: "value that is no label value",
      spec: "requirements: [{key: kubernetes.io/arch, operator: In, values: [\"a b\"]}]",
      error: "spec.requirements[0].values[0]: Invalid value: \"a b\""),
    .init(name: "no spec", spec: "", error: "spec: Required value"),
  ]

  @Test(arguments: invalid)
  func rejects(_ invalid: Case) {
    let yaml =
      invalid.spec.isEmpty
      ? "apiVersion: karpenter.sh/v1alpha1\nkind: NodeOverlay\nmetadata: {name: overlay}\n"
      : Self.overlay(invalid.spec)
    let set = ManifestLoader().load(text: yaml, file: "overlay.yaml")
    let messages = set.errors.compactMap { $0.field?.description }
    #expect(messages.contains { $0.hasPrefix(invalid.error) }, "errors were: \(messages)")
    #expect(set.documents.isEmpty, "an invalid document must not be loaded")
    for error in set.errors {
      #expect(
        error.description.hasPrefix("overlay.yaml: document 1 (NodeOverlay \"overlay\"), line "), "\(error)")
    }
  }

  static let valid = [
    anyType + "\nprice: \"0.42\"\nweight: 10",
    anyType + "\npriceAdjustment: \"-100%\"\nweight: 10000",
    anyType + "\npriceAdjustment: \"+0.1\"",
    "requirements: []\ncapacity: {smarter-devices/fuse: \"1\", nvidia.com/gpu: 2}",
    "requirements: [{key: karpenter.sh/nodepool, operator: In, values: [default]}]\nprice: \"1\"",
    "requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [spot]}, {key: team, operator: Exists}]\npriceAdjustment: \"-15%\"",
    "requirements: [{key: topology.kubernetes.io/zone, operator: In, values: [test, foo]}, {key: topology.kubernetes.io/zone, operator: NotIn, values: [test, bar]}]",
    "requirements: [{key: karpenter.k8s.aws/instance-cpu, operator: Gte, values: [\"4\"]}]\nprice: \"3\"",
  ]

  @Test(arguments: valid)
  func accepts(spec: String) {
    let set = ManifestLoader().load(text: Self.overlay(spec), file: "overlay.yaml")
    #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map(\.description))")
    #expect(set.documents.count == 1)
  }

  @Test func everyErrorOfOneOverlayIsReported() {
    let set = ManifestLoader().load(
      text: Self.overlay(
        "requirements: [{key: kubernetes.io/hostname, operator: In}]\nprice: \"x\"\nweight: 0"),
      file: "overlay.yaml")
    let paths = set.errors.compactMap { $0.field?.path.description }.sorted()
    #expect(
      paths == ["spec.price", "spec.requirements[0].key", "spec.requirements[0].values", "spec.weight"],
      "\(set.errors.map(\.description))")
  }
}
