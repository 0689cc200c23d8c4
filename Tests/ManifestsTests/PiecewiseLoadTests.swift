import Foundation
@testable import Manifests
import Testing

/// A large text is read in pieces on several cores; what it reads must be what reading it
/// whole reads: the same documents with the same numbers and lines, the same diagnostics, and
/// a syntax error still stops everything after it.
@Suite struct PiecewiseLoadTests {
  /// Many documents, with every kind of problem spread over the text.
  static func text(documents: Int, lineBreak: String = "\n", syntaxErrorAt: Int? = nil) -> String {
    var parts: [String] = []
    for i in 0..<documents {
      var doc: String
      switch i % 9 {
      case 1: doc = "apiVersion: v1\nkind: Pod\nmetadata: {name: p\(i)}\nspec:\n  containers: [{name: a, image: x}]\n  replicaz: 3"
      case 2: doc = "apiVersion: v1\nkind: Pod\nmetadata: {name: p\(i)}\nspec:\n  containers: notalist"
      case 3: doc = "# only a comment"
      case 4: doc = "- a list, not an object"
      case 5:
        doc =
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c\(i)}\ndata:\n  script: |\n    echo ---\n    done"
      case 6: doc = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\(i)\n  labels: {app: [oops]}\nspec: {containers: []}"
      default:
        doc =
          "apiVersion: v1\nkind: Pod\nmetadata: {name: p\(i), labels: {app: web}}\nspec:\n  containers:\n  - name: web\n    image: nginx\n    resources: {requests: {cpu: 100m}}"
      }
      if i == syntaxErrorAt { doc = "apiVersion: v1\nkind: Pod\nmetadata: {name: [unclosed" }
      parts.append(doc)
    }
    return parts.joined(separator: "\n---\n").replacingOccurrences(of: "\n", with: lineBreak) + lineBreak
  }

  static func read(_ text: String, pieces: Int) -> (documents: [String], diagnostics: [Diagnostic]) {
    var loader = ManifestLoader()
    loader.parallelPieces = pieces
    loader.parallelMinimumBytes = pieces == 1 ? Int.max : 2_000
    let set = loader.load(text: text, file: "big.yaml")
    return (set.documents.map { "\($0.displayName) \($0.location.document) \($0.location.line ?? -1)" }, set.diagnostics)
  }

  @Test(arguments: [2, 3, 7])
  func piecesReadAsTheWholeText(pieces: Int) {
    let text = Self.text(documents: 400)
    let whole = Self.read(text, pieces: 1)
    let split = Self.read(text, pieces: pieces)
    #expect(whole.documents.count > 150)
    #expect(DocumentChunks.split(text, into: pieces, minimumBytes: 2_000).count == pieces)
    #expect(whole.diagnostics.count > 100)
    #expect(split.documents == whole.documents)
    #expect(split.diagnostics == whole.diagnostics)
  }

  @Test func crlfLineBreaksCountAsOne() {
    let text = Self.text(documents: 400, lineBreak: "\r\n")
    let whole = Self.read(text, pieces: 1)
    #expect(DocumentChunks.split(text, into: 4, minimumBytes: 2_000).count == 4)
    #expect(Self.read(text, pieces: 4).diagnostics == whole.diagnostics)
    #expect(Self.read(text, pieces: 4).documents == whole.documents)
  }

  @Test func aSyntaxErrorStopsTheReadingInEveryPiece() {
    let text = Self.text(documents: 400, syntaxErrorAt: 120)
    let whole = Self.read(text, pieces: 1)
    let split = Self.read(text, pieces: 4)
    #expect(whole.diagnostics.last?.message?.contains("documents from here on were not read") == true)
    #expect(whole.diagnostics.last?.location.document == 121)
    #expect(split.documents == whole.documents)
    #expect(split.diagnostics == whole.diagnostics)
  }

  @Test func aTextWithADirectiveOrAnotherLineBreakIsReadWhole() {
    let withDirective = "%YAML 1.1\n---\n" + Self.text(documents: 400)
    #expect(DocumentChunks.split(withDirective, into: 4, minimumBytes: 2_000).count == 1)
    #expect(Self.read(withDirective, pieces: 4).diagnostics == Self.read(withDirective, pieces: 1).diagnostics)
    let withNEL = Self.text(documents: 400) + "# a comment with a NEL \u{85} in it\n"
    #expect(DocumentChunks.split(withNEL, into: 4, minimumBytes: 2_000).count == 1)
    #expect(Self.read(withNEL, pieces: 4).documents == Self.read(withNEL, pieces: 1).documents)
  }
}
