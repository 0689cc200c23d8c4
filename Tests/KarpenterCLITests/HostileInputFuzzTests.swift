import Foundation
import PropertyBased
import Testing

/// Property: no input, however hostile, crashes, hangs or blows up memory in `validate` or
/// `simulate`; every message is bounded and names the file; a run's JSON always encodes.
/// Inputs are mutated examples and generated attacks (`HostileInput`); a failure prints the
/// seed that makes the input again (`HostileInput.make(seed:)`). Inputs that once broke
/// something are kept in Tests/Corpus/hostile and replayed by `corpusStaysHandled`.
@Suite struct HostileInputFuzzTests {
  /// A case that takes longer than this is a hang (the slowest legitimate ones, big valid
  /// inputs simulated for their budget, take well under a second in a debug build).
  static let caseLimit: Duration = .seconds(5)
  /// The test process's peak may not grow by more than this, whatever it reads (the bombs of
  /// the corpus reached 2.2 GB). Measured from the peak when the first case started, so that
  /// other tests' memory does not count.
  static let memoryLimit = 1_000 * 1024 * 1024
  static let peakAtStart = HostileCase.peakResidentBytes
  /// The longest message line: a file name, a location and truncated values.
  static let messageLimit = 8 * 1024
  /// How many random inputs a run tries; `HOSTILE_FUZZ_RUNS` explores further.
  /// `HOSTILE_FUZZ_VERBOSE=1` prints every input and what became of it.
  static let verbose = ProcessInfo.processInfo.environment["HOSTILE_FUZZ_VERBOSE"] != nil
  static let runs = ProcessInfo.processInfo.environment["HOSTILE_FUZZ_RUNS"].flatMap(Int.init) ?? 300

  static func check(_ what: String, _ bytes: [UInt8], file: String = "fuzz.yaml") -> HostileCase.Outcome {
    let baseline = peakAtStart
    let clock = ContinuousClock()
    let start = clock.now
    let outcome = HostileCase.run(bytes, file: file)
    let elapsed = clock.now - start
    #expect(elapsed < caseLimit, "\(what): took \(elapsed)")
    let growth = HostileCase.peakResidentBytes - baseline
    #expect(growth < memoryLimit, "\(what): the peak memory grew by \(growth / 1024 / 1024) MB")
    #expect(outcome.reportFailure == nil, "\(what): \(outcome.reportFailure ?? "")")
    for message in outcome.messages {
      #expect(message.utf8.count <= messageLimit, "\(what): a message of \(message.utf8.count) bytes")
      #expect(message.hasPrefix(file), "\(what): a message that does not name the file: \(message.prefix(200))")
    }
    return outcome
  }

  @Test func mutatedAndHostileManifestsAreHandled() async {
    await propertyCheck(count: Self.runs, input: Gen.uint64()) { seed in
      let (what, bytes) = HostileInput.make(seed: seed)
      let outcome = Self.check("seed \(seed) (\(what))", bytes)
      if Self.verbose {
        print(
          "seed \(seed): \(what.prefix(120)) -> \(outcome.errorCount) errors, "
            + (outcome.notSimulated.map { "not simulated: \($0.prefix(60))" } ?? "\(outcome.steps) steps"))
      }
    }
  }

  /// Every `key: value` line of every example, its value replaced by a value of each wrong
  /// kind in turn (a list, an object, a string, an extreme number, a non-finite one, null):
  /// loading and validation never crash, and report a line for what they refuse.
  @Test func wrongTypesInEveryField() {
    let wrong = ["[x]", "{k: v}", "x", "1e308", ".inf", "~", "-9223372036854775809", "\"\""]
    var cases = 0
    for example in HostileInput.examples {
      var lines = example.bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
      for i in lines.indices {
        guard let colon = lines[i].firstRange(of: Array(": ".utf8)) else { continue }
        let original = lines[i]
        let value = wrong[(i + cases) % wrong.count]
        lines[i].replaceSubrange(colon.upperBound..., with: Array(value.utf8))
        let outcome = HostileCase.run(
          Array(lines.joined(separator: [0x0A])), file: example.name, simulate: false)
        for message in outcome.messages {
          #expect(message.hasPrefix(example.name), "\(example.name) line \(i + 1) = \(value): \(message)")
          #expect(message.contains(", line "), "\(example.name) line \(i + 1) = \(value): \(message)")
        }
        lines[i] = original
        cases += 1
      }
    }
    #expect(cases > 500)
  }

  /// Every file of the corpus: the first lines `# expect: TEXT` name what the messages must
  /// contain (`# expect: simulated` when the input is valid and runs).
  @Test(arguments: HostileCorpus.files)
  func corpusStaysHandled(_ name: String) throws {
    let bytes = try HostileCorpus.bytes(name)
    let outcome = Self.check(name, bytes, file: name)
    let expectations = HostileCorpus.expectations(bytes)
    #expect(!expectations.isEmpty, "\(name) says nothing it expects (# expect: ...)")
    for expected in expectations {
      if expected == "simulated" {
        #expect(outcome.notSimulated == nil, "\(name): not simulated: \(outcome.notSimulated ?? "")")
      } else {
        #expect(
          outcome.messages.contains { $0.contains(expected) },
          "\(name): no message contains \"\(expected)\"; got \(outcome.messages.map { $0.prefix(300) })")
      }
    }
  }

  /// The generators themselves produce what they say: a bomb is refused quickly and in
  /// go-yaml's words, deep nesting is refused by the parser's limit.
  @Test func generatedAttacksAreRefusedInTheirOwnWords() {
    let bomb = Self.check("bomb", Array(HostileInput.aliasBomb(levels: 9, fanout: 9).utf8))
    #expect(bomb.messages.contains { $0.contains("fuzz.yaml: document 1, line 9: the document contains excessive aliasing") })
    let key = Self.check("key bomb", Array(HostileInput.aliasBomb(levels: 9, fanout: 9, asKey: true).utf8))
    #expect(key.messages == [
      "fuzz.yaml: document 1, line 16: an explicit key (`? `) is used in a text that uses aliases: Kubernetes keys are strings, and such a key can stand for an unbounded expansion; nothing of this file was read"
    ])
    let pod = Self.check("pod bomb", Array(HostileInput.aliasBombInPod(levels: 8, fanout: 9).utf8))
    #expect(pod.messages.contains { $0.contains("the document contains excessive aliasing") })
    let deep = Self.check("deep", Array(HostileInput.deepNesting(depth: 2000, style: 0).utf8))
    #expect(deep.messages.contains { $0.contains("the YAML nests deeper than 1,000 levels at line 6") })
    let lists = Self.check("lists", Array(HostileInput.deepNesting(depth: 300, style: 3).utf8))
    #expect(lists.errorCount == 0, "\(lists.messages)")
  }
}

/// The corpus of hostile inputs kept from fuzzing and from reports (Tests/Corpus/hostile).
enum HostileCorpus {
  static let directory = repositoryRoot.appendingPathComponent("Tests/Corpus/hostile")

  static var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter {
      !$0.hasPrefix(".") && $0 != "README.md"
    }.sorted()
  }

  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: directory.appendingPathComponent(name)))
  }

  /// The `# expect: ...` lines at the top of a file.
  static func expectations(_ bytes: [UInt8]) -> [String] {
    let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
    return head.split(separator: "\n").prefix { $0.hasPrefix("#") }.compactMap { line in
      line.hasPrefix("# expect: ") ? String(line.dropFirst("# expect: ".count)) : nil
    }
  }
}
