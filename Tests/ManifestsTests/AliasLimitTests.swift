import Foundation
import KubernetesAPI
import ManifestCoding
import Manifests
import Testing

/// go-yaml's alias expansion limit, and the alias keys refused before parsing, without
/// refusing the aliasing real manifests use.
@Suite struct AliasLimitTests {
  /// `levels` anchors, each a list of nine aliases of the one before; the first holds nine
  /// scalars.
  static func laughs(levels: Int) -> String {
    var text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n"
    text += "  l0: &l0 [a, a, a, a, a, a, a, a, a]\n"
    for level in 1...levels {
      text += "  l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
    }
    return text
  }

  /// Counted as go-yaml counts (an alias node, then everything it stands for): two levels
  /// visit about 1,050 nodes, 94% of them from aliases, which go-yaml allows (99%); three
  /// levels pass 99% partway through the third list and are refused at its line.
  @Test func theLimitIsGoYAMLs() {
    let accepted = ManifestLoader().load(text: Self.laughs(levels: 2), file: "l.yaml")
    #expect(accepted.errors.isEmpty, "\(accepted.errors)")
    let refused = ManifestLoader().load(text: Self.laughs(levels: 3), file: "l.yaml")
    #expect(
      refused.errors.map(\.description) == [
        "l.yaml: document 1, line 8: the document contains excessive aliasing: its aliases expand to far more than was written (go-yaml's limit, which the Kubernetes API server applies); write the repeated parts out, or use fewer aliases"
      ])
  }

  @Test func ordinaryAliasesDecodeToTheirValues() throws {
    let set = ManifestLoader().load(
      text: """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          labels: &labels {app: web, tier: front}
          annotations: *labels
        spec:
          containers:
          - &container {name: a, image: nginx, resources: {requests: {cpu: 100m}}}
          - {name: b, image: nginx}
        """, file: "p.yaml")
    #expect(set.errors.isEmpty, "\(set.errors)")
    guard case .pod(let pod) = set.documents.first?.object else {
      Issue.record("no pod")
      return
    }
    #expect(pod.metadata.annotations == ["app": "web", "tier": "front"])
  }

  /// `what? yes` is text, and `?` inside quotes or comments is nothing: only a `? ` that
  /// starts a key is an explicit key.
  @Test func aQuestionMarkInTextIsNotAKey() {
    let set = ManifestLoader().load(
      text: """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          labels: &l {app: web}
          annotations: {note: what? yes, q: "? x", r: '[a]: b'}  # ? [x]: y
        spec: {containers: [{name: c, image: i}], nodeSelector: *l}
        """, file: "p.yaml")
    #expect(set.errors.isEmpty, "\(set.errors)")
  }

  @Test func aliasKeysAreRefusedOnlyInTextsWithAliases() {
    let withAlias = ManifestLoader().load(text: "a: &k key\n*k : 1\n", file: "k.yaml")
    #expect(
      withAlias.errors.map(\.description) == [
        "k.yaml: document 1, line 2: an alias is used as a mapping key in a text that uses aliases: Kubernetes keys are strings, and such a key can stand for an unbounded expansion; nothing of this file was read"
      ])
    // Without aliases, a collection key is left to the parser and the decoder.
    let without = ManifestLoader().load(text: "---\n---\n[a, b]: 1\n", file: "k.yaml")
    #expect(!without.errors.contains { $0.description.contains("in a text that uses aliases") })
  }
}

extension AliasLimitTests {
  /// An unbalanced quote in a block scalar must not hide what follows it, and an alias after
  /// a JSON-style key (`"a":*b`) is an alias.
  @Test func nothingHidesAnAliasKey() {
    let hidden = ManifestLoader().load(
      text: "script: |\n  echo \"\na: &a [x]\n? *a\n: 1\n", file: "h.yaml")
    #expect(hidden.errors.map(\.description).first?.hasPrefix("h.yaml: document 1, line 4: an explicit key") == true)
    let json = ManifestLoader().load(text: "{\"a\": &a [x], \"b\":*a, *a : 1}\n", file: "j.yaml")
    #expect(json.errors.map(\.description).first?.hasPrefix("j.yaml: document 1, line 1: an alias is used") == true)
  }

  /// A bomb behind an unbalanced quote in a block scalar is still counted.
  @Test func aBombBehindAQuoteIsStillRefused() {
    let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nnote: |\n  it's \"open\n" + Self.laughs(levels: 5)
      .split(separator: "\n").dropFirst(3).map { $0 + "\n" }.joined()
    let set = ManifestLoader().load(text: text, file: "b.yaml")
    #expect(set.errors.contains { $0.description.contains("the document contains excessive aliasing") }, "\(set.errors)")
  }
}
