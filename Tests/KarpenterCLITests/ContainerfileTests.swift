import Foundation
import KarpenterCLI
import Testing

/// The Containerfile, checked without a container engine (none runs here): its stages, user and
/// entrypoint, and that the runtime stage installs a package for every shared library a built
/// `karpenter` loads outside the Swift toolchain (those are linked statically there).
@Suite struct ContainerfileTests {
  static let text = (try? String(contentsOf: repositoryRoot.appendingPathComponent("Containerfile"), encoding: .utf8)) ?? ""

  /// The instructions, continuation lines joined, comments dropped.
  static var instructions: [(keyword: String, rest: String)] {
    var joined: [String] = []
    var current = ""
    for line in text.components(separatedBy: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("#") || (trimmed.isEmpty && current.isEmpty) { continue }
      if trimmed.hasSuffix("\\") {
        current += trimmed.dropLast() + " "
      } else {
        current += trimmed
        if !current.isEmpty { joined.append(current) }
        current = ""
      }
    }
    return joined.map { line in
      let parts = line.split(separator: " ", maxSplits: 1)
      return (parts[0].uppercased(), parts.count > 1 ? String(parts[1]) : "")
    }
  }

  /// The instructions of each stage (the ARGs before the first FROM are stage -1's).
  static var stages: [[(keyword: String, rest: String)]] {
    var stages: [[(keyword: String, rest: String)]] = []
    for instruction in instructions {
      if instruction.keyword == "FROM" { stages.append([]) }
      if !stages.isEmpty { stages[stages.count - 1].append(instruction) }
    }
    return stages
  }

  /// The global ARGs' defaults, to resolve `FROM ${SWIFT_IMAGE}`.
  static var arguments: [String: String] {
    var values: [String: String] = [:]
    for instruction in instructions.prefix(while: { $0.keyword != "FROM" }) where instruction.keyword == "ARG" {
      let pair = instruction.rest.split(separator: "=", maxSplits: 1).map(String.init)
      if pair.count == 2 { values[pair[0]] = pair[1] }
    }
    return values
  }

  @Test func bothStagesNameABaseImageAndTheBuilderLinksSwiftStatically() throws {
    let stages = Self.stages
    try #require(stages.count == 2, "a builder and a runtime stage")
    let images = stages.map { stage -> String in
      var image = stage[0].rest.split(separator: " ").first.map(String.init) ?? ""
      for (name, value) in Self.arguments { image = image.replacingOccurrences(of: "${\(name)}", with: value) }
      return image
    }
    #expect(images[0].hasPrefix("swift:6.3"), "builder: \(images[0])")
    #expect(images[1].contains(":") && !images[1].contains("$"), "runtime: \(images[1])")
    let build = stages[0].filter { $0.keyword == "RUN" }.map(\.rest).joined(separator: "\n")
    #expect(build.contains("swift build -c release --static-swift-stdlib"))
  }

  /// A fresh clone has only what git tracks: a COPY of anything else (Package.resolved,
  /// .build) fails the image build.
  @Test func everyFileTheBuilderCopiesIsInTheRepository() throws {
    let tracked = try run("/usr/bin/git", ["-C", repositoryRoot.path, "ls-files"], timeout: 30).stdout
      .split(separator: "\n").map(String.init)
    let copies = Self.stages.flatMap { $0 }.filter { $0.keyword == "COPY" && !$0.rest.hasPrefix("--from") }
    #expect(!copies.isEmpty)
    for copy in copies {
      let sources = copy.rest.split(separator: " ").map(String.init).dropLast()
      for source in sources where source != "." {
        #expect(tracked.contains(source), "COPY \(source): not in the repository, so not in a fresh clone")
      }
    }
  }

  @Test func theRuntimeRunsAsANonRootUserWithTheChartsEntrypoint() async throws {
    let runtime = try #require(Self.stages.last)
    let user = runtime.last { $0.keyword == "USER" }?.rest ?? "root"
    #expect(user == "65532:65532")
    let entrypoint = try #require(runtime.last { $0.keyword == "ENTRYPOINT" }?.rest)
    let parsed = try JSONSerialization.jsonObject(with: Data(entrypoint.utf8)) as? [String]
    let documents = try await renderChart()
    #expect(parsed == (try controllerContainer(documents)["command"] as? [String]))
    #expect(runtime.contains { $0.keyword == "COPY" && $0.rest.contains("--from=build") && $0.rest.hasSuffix(parsed?.first ?? "?") })
  }

  /// The Debian/Ubuntu package of each shared library a Swift binary built here may load
  /// (the same names on Debian 12 and Ubuntu 24.04). ICU comes as libxml2's dependency, with
  /// a version in its name that differs between distributions.
  static let packages: [(soname: String, package: String)] = [
    ("libc.so.6", "libc6"), ("libm.so.6", "libc6"), ("libdl.so.2", "libc6"), ("libpthread.so.0", "libc6"),
    ("librt.so.1", "libc6"), ("libutil.so.1", "libc6"), ("libgcc_s.so.1", "libgcc-s1"),
    ("libstdc++.so.6", "libstdc++6"), ("libz.so.1", "zlib1g"), ("libxml2.so.2", "libxml2"),
    ("liblzma.so.5", "liblzma5"), ("libicu", "libxml2"),
  ]

  @Test func everySharedLibraryOfABuiltBinaryComesFromARuntimePackage() throws {
    let release = repositoryRoot.appendingPathComponent(".build/release/karpenter").path
    let binary =
      FileManager.default.isExecutableFile(atPath: release)
      ? release : repositoryRoot.appendingPathComponent(".build/debug/karpenter").path
    let ldd = try run("/usr/bin/env", ["ldd", binary], timeout: 60)
    try #require(ldd.status == 0, "ldd \(binary): \(ldd.stderr)")
    let installs = Self.stages.last?.filter { $0.keyword == "RUN" && $0.rest.contains("apt-get install") } ?? []
    let installed = Set(installs.flatMap { $0.rest.split(separator: " ").map(String.init) })
    var checked = 0
    for line in ldd.stdout.components(separatedBy: "\n") {
      let fields = line.trimmingCharacters(in: .whitespaces).components(separatedBy: " ")
      guard let soname = fields.first, !soname.isEmpty, soname.hasPrefix("lib"), !soname.hasPrefix("linux-vdso") else { continue }
      let path = fields.count > 2 ? fields[2] : ""
      if path.contains("/lib/swift/") { continue }  // the toolchain's: static with --static-swift-stdlib
      let package = Self.packages.first { soname.hasPrefix($0.soname) }?.package
      #expect(package != nil, "\(soname) (\(path)) is loaded by \(binary) but neither the Containerfile nor this test knows its package")
      if let package { #expect(installed.contains(package), "\(soname) needs \(package), which the runtime stage does not install") }
      checked += 1
    }
    #expect(checked >= 4, "ldd listed too little: \(ldd.stdout)")
  }
}
