import Foundation
import Testing

/// The controllers know no world: `Sources/Controllers` imports only the model and scheduling
/// modules and Foundation (JSON for hashes, number formatting), never Simulation, the CLI or a
/// module that does I/O.
@Suite struct ModuleBoundaryTests {
  static let allowed: Set<String> = ["Foundation", "KarpenterAPI", "KubernetesAPI", "Scheduling"]

  @Test func controllersImportNoWorld() throws {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/Controllers")
    let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    #expect(files.count > 10)
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.hasPrefix("@testable import ") {
        let module = String(line.split(separator: " ").last ?? "")
        #expect(Self.allowed.contains(module), "\(file.lastPathComponent) imports \(module)")
      }
    }
  }
}
