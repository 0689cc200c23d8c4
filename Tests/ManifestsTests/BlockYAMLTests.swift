import Foundation
import ManifestCoding
import Testing

@testable import Manifests

/// Documents of the plain block subset are read without libyaml; what a load reads must not
/// depend on it: the same documents, numbers, lines and values, and the same diagnostics, as
/// reading every document with Yams.
@Suite struct BlockYAMLTests {
  static func read(_ text: String, blocks: Bool, pieces: Int = 1) -> (
    documents: [String], diagnostics: [Diagnostic]
  ) {
    var loader = ManifestLoader()
    loader.readsBlockYAML = blocks
    loader.parallelPieces = pieces
    loader.parallelMinimumBytes = pieces == 1 ? Int.max : 2_000
    let set = loader.load(text: text, file: "f.yaml")
    return (
      set.documents.map {
        "\($0.displayName) \($0.apiVersion) \($0.location.document) \($0.location.line ?? -1) \(canonical($0.object))"
      },
      set.diagnostics
    )
  }

  /// A value's description with dictionary and set entries sorted, so that two equal values
  /// describe alike whatever their hash order.
  static func canonical(_ value: Any) -> String {
    let mirror = Mirror(reflecting: value)
    if mirror.children.isEmpty {
      return mirror.displayStyle == .optional ? "nil" : "\(value)"
    }
    let children = mirror.children.map { ($0.label.map { $0 + ": " } ?? "") + canonical($0.value) }
    switch mirror.displayStyle {
    case .dictionary, .set: return "[" + children.sorted().joined(separator: ", ") + "]"
    case .optional: return children[0]
    default: return "\(mirror.subjectType)(" + children.joined(separator: ", ") + ")"
    }
  }

  static func expectSameReading(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let yams = read(text, blocks: false)
    let blocks = read(text, blocks: true)
    #expect(blocks.documents == yams.documents, sourceLocation: sourceLocation)
    #expect(blocks.diagnostics == yams.diagnostics, sourceLocation: sourceLocation)
  }

  static let pod = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: web-1
      namespace: shop
      labels:
        app: web
        'app.kubernetes.io/name': "double"
    spec:
      containers:
      - name: c   # a comment
        image: nginx:1.2
        resources:
          requests:
            cpu: 1000m
            memory: 256Mi
      nodeSelector: {}
      tolerations: []
      priority: 10
      terminationGracePeriodSeconds: 0x1F

    """

  /// Documents in and out of the subset, clean and with problems, each alone and after others.
  static let cases: [String] = [
    pod,
    pod.replacingOccurrences(of: "spec:", with: "spek:"),  // unknown field
    pod.replacingOccurrences(of: "priority: 10", with: "priority: ten"),  // type mismatch
    pod.replacingOccurrences(of: "priority: 10", with: "priority: 10\n      priority: 11"),  // duplicate key
    pod.replacingOccurrences(of: "image: nginx:1.2", with: "image: 'it''s'"),
    pod.replacingOccurrences(of: "image: nginx:1.2", with: "image: a\n          b"),  // multi-line plain
    pod.replacingOccurrences(of: "image: nginx:1.2", with: "image: \"tab\\tin\""),  // escape
    pod.replacingOccurrences(of: "image: nginx:1.2", with: "image: |\n          block"),
    pod.replacingOccurrences(of: "image: nginx:1.2", with: "image: &a x\n        workingDir: *a"),
    pod.replacingOccurrences(of: "image: nginx:1.2", with: "image: 'unclosed"),
    pod.replacingOccurrences(of: "cpu: 1000m", with: "cpu: [1, 2]"),
    pod.replacingOccurrences(of: "cpu: 1000m", with: "cpu: a: b"),
    pod.replacingOccurrences(of: "cpu: 1000m", with: "cpu: ~"),
    pod.replacingOccurrences(of: "priority: 10", with: "hostNetwork: true\n  activeDeadlineSeconds: 30"),
    pod.replacingOccurrences(of: "priority: 10", with: "hostNetwork: 'true'"),
    pod.replacingOccurrences(of: "priority: 10", with: "hostNetwork: on"),
    pod.replacingOccurrences(of: "priority: 10", with: "priority: 1.5"),
    pod.replacingOccurrences(of: "namespace: shop", with: "namespace: [shop]"),
    pod.replacingOccurrences(of: "name: web-1", with: "name: true"),
    pod.replacingOccurrences(of: "kind: Pod", with: "kind: List"),
    pod.replacingOccurrences(of: "kind: Pod", with: "kind: Widget"),
    pod.replacingOccurrences(of: "  labels:", with: "\tlabels:"),
    "---\n" + pod + "---\n" + pod.replacingOccurrences(of: "web-1", with: "web-2"),
    "# header\n\n---  # first\n" + pod + "...\n---\n" + pod,
    pod + "---\n",
    pod + "---\n---\n# nothing\n---\n" + pod,
    "%YAML 1.1\n---\n" + pod,
    "\u{FEFF}" + pod,
    pod.replacingOccurrences(of: "\n", with: "\r\n"),
    "apiVersion: v1\nkind: Pod\nmetadata: {name: flow}\nspec:\n  containers: [{name: a, image: x}]\n",
    "- a list\n",
    "just a scalar\n",
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\nspec:\n  containers:\n  - name: c\n    image: i\n    args:\n    - -x\n    - 'y'\n    -\n    - \"z\"\n",
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n    b: c\n",
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n- x\n",
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: n\nspec:\n  containers:\n  - - nested\n",
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n    \(String(repeating: "k", count: 1100)): v\n",
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n    a: yes\n    b: 1.5e3\n    c: .inf\n    d: 0o17\n",
    """
    apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata:
      name: default
    spec:
      template:
        spec:
          requirements:
          - key: karpenter.sh/capacity-type
            operator: In
            values:
            - spot
            - on-demand
          nodeClassRef:
            group: karpenter.k8s.aws
            kind: EC2NodeClass
            name: default
      disruption:
        consolidationPolicy: WhenEmptyOrUnderutilized
        consolidateAfter: 1m
      limits:
        cpu: 1000
      weight: 10

    """,
  ]

  @Test(arguments: cases.indices)
  func readsAsYamsDoes(index: Int) {
    let text = Self.cases[index]
    Self.expectSameReading(text)
    // After a clean document, and before one.
    Self.expectSameReading(
      Self.pod + "---\n" + text + (text.hasSuffix("\n") ? "" : "\n") + "---\n" + Self.pod)
  }

  @Test func everyCaseInOneText() {
    let text = Self.cases.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined(separator: "---\n")
    Self.expectSameReading(text)
  }

  @Test func manyDocumentsGoingTheYamsWayStillReadTheSame() {
    // More than yamsDocumentsBeforeGivingUp documents outside the subset, then clean ones.
    var docs = (0..<40).map {
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p\($0)}\nspec: {containers: []}\n"
    }
    docs += (0..<10).map { _ in Self.pod }
    Self.expectSameReading(docs.joined(separator: "---\n"))
    Self.expectSameReading(PiecewiseLoadTests.text(documents: 200))
  }

  @Test func piecesOnSeveralCoresReadTheSame() {
    let text = Array(repeating: Self.cases.joined(separator: "---\n"), count: 4).joined(separator: "---\n")
    let yams = Self.read(text, blocks: false)
    let blocks = Self.read(text, blocks: true, pieces: 3)
    #expect(blocks.documents == yams.documents)
    #expect(blocks.diagnostics == yams.diagnostics)
  }

  @Test(arguments: [
    "quickstart.yaml", "nodepool.yaml", "day-night.yaml", "static-nodepool.yaml", "cluster-dump.yaml",
  ])
  func examplesReadTheSame(name: String) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "../../examples/\(name)")
    Self.expectSameReading(try String(contentsOf: url, encoding: .utf8))
  }

  @Test func corpusReadsTheSame() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../")
    let files = ["Corpus/hostile", "Golden/inputs"].flatMap { dir in
      ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(dir).path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.map { root.appendingPathComponent(dir).appendingPathComponent($0) }
    }
    #expect(files.count >= 15)
    for file in files {
      guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
      let yams = Self.read(text, blocks: false)
      let blocks = Self.read(text, blocks: true)
      #expect(blocks.documents == yams.documents, "\(file.lastPathComponent)")
      #expect(blocks.diagnostics == yams.diagnostics, "\(file.lastPathComponent)")
    }
  }

  /// Documents near the subset's edges: each case with a few characters that matter to YAML
  /// inserted, removed or changed at random places (seeded, so a failure repeats). Whatever
  /// the text became, both ways read it alike.
  @Test(arguments: 0..<8)
  func mutatedDocumentsReadAlike(round: Int) {
    var random = SplitMix(seed: UInt64(round) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
    let alphabet = Array(" :-#'\"\n[]{}&*!|>?,%@`\tab1.~x".utf8)
    for (index, original) in Self.cases.enumerated() where index % 8 == round % 8 || index < 3 {
      for _ in 0..<12 {
        var bytes = Array(original.utf8)
        for _ in 0..<(1 + Int(random.next() % 3)) {
          let at = Int(random.next() % UInt64(bytes.count))
          let c = alphabet[Int(random.next() % UInt64(alphabet.count))]
          switch random.next() % 3 {
          case 0: bytes.insert(c, at: at)
          case 1: bytes.remove(at: at)
          default: bytes[at] = c
          }
        }
        Self.expectSameReading(String(decoding: bytes, as: UTF8.self))
      }
    }
  }

  /// Long mappings cost linear time both to check for duplicate keys and to decode, and a
  /// duplicate far down is still left to Yams to report.
  @Test(arguments: [nil, 20_000])
  func longMappings(duplicateAt: Int?) {
    var labels = (0..<30_000).map { "    k\($0): v" }
    if let duplicateAt { labels[duplicateAt] = "    k7: again" }
    let text =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: many\n  labels:\n" + labels.joined(separator: "\n")
      + "\nspec:\n  containers:\n  - name: c\n    image: i\n"
    let blocks = Self.read(text, blocks: true)
    #expect(blocks.documents.count == (duplicateAt == nil ? 1 : 0))
    #expect(blocks.diagnostics.count == (duplicateAt == nil ? 0 : 1))
    Self.expectSameReading(text)
  }

  /// The subset is what the fast way is for: a clean generated Pod goes that way.
  @Test(arguments: ["priority: 10", "hostNetwork: on"])
  func aCleanPodIsReadWithoutYams(field: String) {
    var text = Self.pod.replacingOccurrences(of: "priority: 10", with: field)
    let outcome = text.withUTF8 { bytes in
      ManifestLoader().loadBlock(bytes, 0..<bytes.count, line: 1, file: "f.yaml")
    }
    guard case .document(let document) = outcome, case .pod(let pod) = document.object else {
      Issue.record("the Pod went the Yams way")
      return
    }
    #expect(document.displayName == "Pod \"shop/web-1\"")
    #expect(document.location.line == 1)
    #expect(pod.spec?.terminationGracePeriodSeconds == 31)
    #expect(pod.spec?.priority == (field == "priority: 10" ? 10 : nil))
    #expect(pod.spec?.hostNetwork == (field == "hostNetwork: on" ? true : nil))
  }

  @Test(arguments: [
    "a: &x 1\n", "a: !!str 1\n", "a: [1]\n", "a: |\n  x\n", "a:\tb\n", "a: 'x\n  y'\n", "? a\n: b\n",
    "a: 1\na: 2\n", "a: \"\\n\"\n", "a:\n  b\n", "a:\n- - b\n", "a: b: c\n", "- a\n",
  ])
  func outsideTheSubset(text: String) {
    var text = text
    let parsed = text.withUTF8 { bytes in
      BlockYAML.isPlainASCII(bytes, 0..<bytes.count) ? BlockYAML.parse(bytes, 0..<bytes.count, line: 1) : nil
    }
    #expect(parsed == nil)
  }

  @Test func theTreeOfADocument() {
    var text = "a: 1\nb:\n- x\n- k: 'v'\n  m: \"w\" # c\nc: {}\n"
    let kinds = text.withUTF8 { bytes in BlockYAML.parse(bytes, 0..<bytes.count, line: 1)?.nodes.map(\.kind) }
    #expect(
      kinds == [
        .mapping, .plain, .plain, .plain, .sequence, .plain, .mapping, .plain, .singleQuoted, .plain,
        .doubleQuoted, .plain, .mapping,
      ])
  }
}

/// A small seeded generator, so that a failing mutation repeats.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
