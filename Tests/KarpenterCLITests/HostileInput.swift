import Foundation

/// Hostile manifests for the fuzz tests: mutations of the examples (bytes, lines, scalars) and
/// generated attacks (alias bombs, deep nesting, huge numbers, wrong types, invalid UTF-8).
/// Everything is derived from one seed, so a failing case is reproduced from its seed alone.
struct HostileInput {
  /// A small deterministic generator (SplitMix64), independent of the platform.
  struct Random: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
  }

  /// The example manifests and the corpus's kitchen sink (every kind the simulation reads),
  /// as bytes.
  static let examples: [(name: String, bytes: [UInt8])] = {
    let names = [
      "examples/nodepool.yaml", "examples/quickstart.yaml", "examples/day-night.yaml",
      "examples/legacy/provisioner.yaml", "Tests/Corpus/hostile/kitchen-sink.yaml",
    ]
    return names.compactMap { name in
      (try? Data(contentsOf: repositoryRoot.appendingPathComponent(name))).map {
        (String(name.split(separator: "/").last!), Array($0))
      }
    }
  }()

  /// Scalars that have broken parsers and converters: out-of-range integers, non-finite and
  /// extreme floats, YAML 1.1 oddities, tags, anchors, unbalanced quotes.
  static let oddScalars = [
    "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "99999999999999999999999",
    "-1", "0", "1e308", "-1e308", "1e-300", "4.9e-324", ".inf", "-.inf", ".nan", "1e999", "0x7fffffffffffffff",
    "0o777777777777777777777", "1_000_000", "1:30:00", "0b101", "~", "null", "yes", "off", "\"\"", "''",
    "!!binary aGVsbG8=", "!!int 12", "!!float x", "!!str", "&a x", "*undefined", "[", "{", "\"unterminated",
    "'x''y'", "|", ">-", "? x", "- x", "@x", "`x", "%x", "\u{FEFF}", "\u{200B}", "é", "🙂",
    "2562047h47m16.854775807s", "2562048h", "-1s", "1h-1m", "1e3m", "9999999999999Ki", "1E", "1Ei", "0.000000001m",
    "999999999999999999999Ti", "-1Gi", "NaN", "Infinity", "10000000", "[NodePool]", "{a: b}", "[[[]]]",
  ]

  /// A value that is not what any field expects.
  static func wrongValue(_ random: inout Random) -> String {
    switch random.int(0...4) {
    case 0: return random.pick(oddScalars)
    case 1: return "[" + (0..<random.int(0...3)).map { _ in random.pick(oddScalars) }.joined(separator: ", ") + "]"
    case 2: return "{k: \(random.pick(oddScalars))}"
    case 3: return String(repeating: "x", count: random.int(1000...200_000))
    default: return "\"" + String(repeating: "\\u00e9", count: random.int(1...50)) + "\""
    }
  }

  /// A billion-laughs document: `levels` anchors, each `fanout` aliases of the one before.
  static func aliasBomb(levels: Int, fanout: Int, asKey: Bool = false) -> String {
    var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: laughs\ndata:\n"
    text += "  l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
    for level in 1...levels {
      text +=
        "  l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: fanout).joined(separator: ", ")
        + "]\n"
    }
    if asKey { text += "  ? *l\(levels)\n  : 1\n  other: 2\n" }
    return text
  }

  /// A Pod whose labels hold a bomb, so that the decoder (not only the loader) would walk it.
  static func aliasBombInPod(levels: Int, fanout: Int) -> String {
    var text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n"
    text += "    l0: &l0 [a, a, a, a, a, a, a, a, a]\n"
    for level in 1...levels {
      text +=
        "    l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: fanout).joined(separator: ", ")
        + "]\n"
    }
    return text + "spec:\n  containers: [{name: c, image: i}]\n"
  }

  /// Nesting `depth` levels deep, in one of YAML's styles.
  static func deepNesting(depth: Int, style: Int) -> String {
    let head = "apiVersion: v1\nkind: Pod\nmetadata: {name: deep}\nspec:\n  containers: [{name: c}]\n  x: "
    switch style {
    case 0: return head + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
    case 1: return head + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth) + "\n"
    case 2:
      var text = head + "\n"
      for level in 0..<depth { text += String(repeating: " ", count: 4 + level) + "a:\n" }
      return text
    default:
      // A List of Lists.
      var text = ""
      for _ in 0..<depth { text += "{apiVersion: v1, kind: List, items: [" }
      text += "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c}]}}"
      return text + String(repeating: "]}", count: depth) + "\n"
    }
  }

  /// A small valid run whose numbers sit at the edges: prices, quantities, durations, weights,
  /// replicas and times at their largest and smallest, in an explicit list catalog.
  static func extremeScenario(_ random: inout Random) -> String {
    let price = random.pick(["0", "1e-300", "4.9e-324", "0.0001", "1000000", "999999.9999", "1e6", "123.456"])
    let cpu = random.pick(["1", "1m", "100000", "4096", "999999999", "0.001", "1Ei"])
    let memory = random.pick(["1", "1Ki", "1Ei", "8Ei", "999999999999Ti", "1Gi", "64Pi"])
    let request = random.pick(["1m", "1", "999", "1n", "0", "100000", "1Ei"])
    let pods = random.pick(["1", "110", "2147483647", "9223372036854775807", "0"])
    let duration = random.pick(["0s", "1ns", "1s", "10m", "24h", "2562047h", "168h", "1h30m"])
    let at = random.pick(["0s", "1ns", "1s", "10m", "2562047h", "167h59m59s"])
    let replicas = random.int(0...40)
    let scale = random.pick(["0", "1", "50", "2147483647"])
    let weight = random.pick(["1", "100", "50"])
    let limit = random.pick(["1", "0", "1000", "1Ei", "999999999999999"])
    let expire = random.pick(["1ns", "1s", "Never", "2562047h", "720h"])
    let consolidateAfter = random.pick(["0s", "1ns", "Never", "2562047h"])
    let budget = random.pick(["0", "100%", "0%", "2147483647", "1"])
    return """
      apiVersion: simulation.karpenter.sh/v1alpha1
      kind: Scenario
      metadata: {name: edges}
      spec:
        duration: \(random.chance(0.5) ? duration : "1h")
        cloud:
          nodeStartup: \(random.pick(["0s", "1ns", "30s", "2562047h"]))
          instanceTypes:
            list:
            - name: edge
              capacity: {cpu: "\(cpu)", memory: "\(memory)", pods: "\(pods)"}
              offerings:
              - {zone: z1, capacityType: on-demand, price: \(price)}
              - {zone: z1, capacityType: spot, price: \(price)}
            - name: plain
              capacity: {cpu: "4", memory: 16Gi}
              offerings: [{zone: z1, capacityType: on-demand, price: 0.2}]
        timeline:
        - at: \(at)
          scale: [{kind: Deployment, namespace: default, name: web, replicas: \(scale)}]
          interrupt: [{node: "*"}]
      ---
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: default}
      spec:
        weight: \(weight)
        limits: {cpu: "\(limit)"}
        disruption:
          consolidateAfter: \(consolidateAfter)
          budgets: [{nodes: "\(budget)"}]
        template:
          spec:
            expireAfter: \(expire)
            requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand]}]
            nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: \(replicas)
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: c, resources: {requests: {cpu: "\(request)", memory: "\(request)"}}}]

      """
  }

  /// One hostile input from `seed`, and what it is, for failure messages.
  static func make(seed: UInt64) -> (what: String, bytes: [UInt8]) {
    var random = Random(seed: seed)
    switch random.int(0...19) {
    case 5...9:
      return ("extreme scenario", Array(extremeScenario(&random).utf8))
    case 0:
      let (levels, fanout) = (random.int(2...12), random.int(2...10))
      return ("alias bomb \(levels)x\(fanout)", Array(aliasBomb(levels: levels, fanout: fanout).utf8))
    case 1:
      let (levels, fanout) = (random.int(2...12), random.int(2...10))
      return (
        "alias bomb as a key \(levels)x\(fanout)",
        Array(aliasBomb(levels: levels, fanout: fanout, asKey: true).utf8)
      )
    case 2:
      let (levels, fanout) = (random.int(2...9), random.int(2...9))
      return ("alias bomb in a Pod \(levels)x\(fanout)", Array(aliasBombInPod(levels: levels, fanout: fanout).utf8))
    case 3:
      let (depth, style) = (random.int(10...3000), random.int(0...3))
      return ("nesting \(depth) deep, style \(style)", Array(deepNesting(depth: depth, style: style).utf8))
    case 4:
      let count = random.int(100...20_000)
      return ("\(count) empty documents", Array(String(repeating: "---\n", count: count).utf8))
    default:
      let example = random.pick(examples)
      var bytes = example.bytes
      let rounds = random.int(1...4)
      var steps: [String] = []
      for _ in 0..<rounds { steps.append(mutate(&bytes, &random)) }
      return ("\(example.name): " + steps.joined(separator: "; "), bytes)
    }
  }

  /// One mutation of `bytes`; returns what it did.
  static func mutate(_ bytes: inout [UInt8], _ random: inout Random) -> String {
    guard !bytes.isEmpty else {
      bytes = Array(random.pick(oddScalars).utf8)
      return "replaced the empty text"
    }
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    func join() { bytes = Array(lines.joined(separator: [0x0A])) }
    switch random.int(0...16) {
    case 0 where random.chance(0.5):
      let at = random.int(0...bytes.count - 1)
      bytes[at] = UInt8.random(in: 0...255, using: &random)
      return "byte \(at) replaced"
    case 1 where random.chance(0.5):
      let at = random.int(0...bytes.count)
      let junk = (0..<random.int(1...8)).map { _ in UInt8.random(in: 0x80...0xFF, using: &random) }
      bytes.insert(contentsOf: junk, at: at)
      return "\(junk.count) non-ASCII bytes inserted at \(at)"
    case 2:
      let at = random.int(0...bytes.count - 1)
      bytes.removeSubrange(at...)
      return "truncated at \(at)"
    case 3:
      let i = random.int(0...lines.count - 1)
      lines.insert(lines[i], at: i)
      join()
      return "line \(i + 1) doubled"
    case 4:
      let i = random.int(0...lines.count - 1)
      lines.remove(at: i)
      join()
      return "line \(i + 1) removed"
    case 5:
      let (i, j) = (random.int(0...lines.count - 1), random.int(0...lines.count - 1))
      lines.swapAt(i, j)
      join()
      return "lines \(i + 1) and \(j + 1) swapped"
    case 6:
      let i = random.int(0...lines.count - 1)
      let indent = random.chance(0.5)
      if indent { lines[i].insert(contentsOf: [0x20, 0x20], at: 0) } else if lines[i].first == 0x20 {
        lines[i].removeFirst()
      }
      join()
      return "line \(i + 1) \(indent ? "indented" : "dedented")"
    case 7:
      let from = random.int(0...bytes.count - 1)
      let to = min(bytes.count, from + random.int(1...400))
      let copies = random.int(1...50)
      let piece = Array(bytes[from..<to])
      for _ in 0..<copies { bytes.insert(contentsOf: piece, at: to) }
      return "bytes \(from)..<\(to) repeated \(copies) times"
    case 8...11:
      // A number replaced by an extreme one of the same kind, which often stays valid.
      let candidates = lines.indices.filter { i in
        guard let colon = lines[i].firstRange(of: Array(": ".utf8)) else { return false }
        return lines[i][colon.upperBound...].first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
      }
      guard let i = candidates.isEmpty ? nil : random.pick(candidates),
        let colon = lines[i].firstRange(of: Array(": ".utf8))
      else { return "no number to replace" }
      let value = random.pick([
        "0", "1", "2147483647", "2147483648", "1e308", "0.0000001", "100000", "999999999999", "-1", "1e-300",
      ])
      lines[i].replaceSubrange(colon.upperBound..., with: Array(value.utf8))
      join()
      return "line \(i + 1) number replaced by \(value)"
    default:
      // A value after `key: ` replaced by a hostile one.
      let candidates = lines.indices.filter { lines[$0].firstRange(of: Array(": ".utf8)) != nil }
      guard let i = candidates.isEmpty ? nil : random.pick(candidates),
        let colon = lines[i].firstRange(of: Array(": ".utf8))
      else { return "nothing to replace" }
      let value = wrongValue(&random)
      lines[i].replaceSubrange(colon.upperBound..., with: Array(value.utf8))
      join()
      return "line \(i + 1) value replaced by \(value.prefix(40))\(value.count > 40 ? "..." : "")"
    }
  }
}
