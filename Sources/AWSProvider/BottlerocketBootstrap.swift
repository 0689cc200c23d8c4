import Foundation

/// Bottlerocket: the user's TOML settings with Karpenter's `[settings.kubernetes]` values merged
/// over them (upstream's `bootstrap.Bottlerocket`): cluster name, API server, CA, DNS, max pods,
/// kubelet reservations and eviction, node labels merged over the user's, node taints replaced.
enum BottlerocketBootstrap {
  static let kubernetes = "settings.kubernetes"

  static func script(_ b: NodeBootstrap) throws -> String {
    var doc = try TOMLDocument(parsing: b.userData ?? "")
    doc.set(kubernetes, "cluster-name", TOMLDocument.string(b.clusterName))
    doc.set(kubernetes, "api-server", TOMLDocument.string(b.clusterEndpoint))
    if let ca = b.caBundle { doc.set(kubernetes, "cluster-certificate", TOMLDocument.string(ca)) }
    if let dns = b.dnsIP { doc.set(kubernetes, "cluster-dns-ip", TOMLDocument.string(dns)) }
    if let maxPods = b.effectiveMaxPods { doc.set(kubernetes, "max-pods", String(maxPods)) }
    let k = b.kubelet
    func table(_ name: String, _ map: [String: String]?) {
      guard let map else { return }
      doc.replaceTable("\(kubernetes).\(name)", map.mapValues(TOMLDocument.string))
    }
    table("system-reserved", k?.systemReserved)
    table("kube-reserved", k?.kubeReserved)
    table("eviction-hard", k?.evictionHard)
    table("eviction-soft", k?.evictionSoft)
    table("eviction-soft-grace-period", k?.evictionSoftGracePeriod)
    if let v = k?.evictionMaxPodGracePeriod {
      doc.set(kubernetes, "eviction-max-pod-grace-period", String(v))
    }
    if let v = k?.imageGCHighThresholdPercent {
      doc.set(kubernetes, "image-gc-high-threshold-percent", TOMLDocument.string(String(v)))
    }
    if let v = k?.imageGCLowThresholdPercent {
      doc.set(kubernetes, "image-gc-low-threshold-percent", TOMLDocument.string(String(v)))
    }
    if let v = k?.cpuCFSQuota { doc.set(kubernetes, "cpu-cfs-quota", String(v)) }
    for key in b.labels.keys.sorted() {
      doc.set("\(kubernetes).node-labels", key, TOMLDocument.string(b.labels[key] ?? ""))
    }
    var taints: [String: [String]] = [:]
    for taint in b.taints { taints[taint.key, default: []].append("\(taint.value ?? ""):\(taint.effect)") }
    doc.replaceTable(
      "\(kubernetes).node-taints",
      taints.mapValues { "[" + $0.map(TOMLDocument.string).joined(separator: ", ") + "]" })
    if b.instanceStorePolicy == "RAID0" {
      let name = "settings.bootstrap-commands.000-mount-instance-storage"
      doc.set(
        name, "commands",
        "[['apiclient', 'ephemeral-storage', 'init'], ['apiclient', 'ephemeral-storage', 'bind', '--dirs', '/var/lib/containerd', '/var/lib/kubelet', '/var/log/pods']]"
      )
      doc.set(name, "essential", "true")
      doc.set(name, "mode", TOMLDocument.string("always"))
    }
    return doc.serialized
  }
}

/// A TOML document kept as tables of raw `key = value` entries, enough to merge settings over
/// a user's document without losing what Karpenter does not set. Values are kept as TOML text;
/// a multi-line array is joined onto one line. Inline-table and dotted keys are kept as written.
struct TOMLDocument: Hashable {
  /// Tables in document order; the root table (keys before any header) is named "".
  var tables: [(name: String, entries: [(key: String, value: String)])] = [("", [])]

  static func == (a: TOMLDocument, b: TOMLDocument) -> Bool { a.serialized == b.serialized }
  func hash(into hasher: inout Hasher) { hasher.combine(serialized) }

  init(parsing text: String) throws {
    var current = 0
    var pending: (key: String, value: String)?
    var depth = 0
    for raw in text.replacingOccurrences(of: "\r", with: "").split(separator: "\n") {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if var entry = pending {
        entry.value += " " + line
        depth += Self.bracketDelta(line)
        if depth <= 0 {
          tables[current].entries.append(entry)
          pending = nil
        } else {
          pending = entry
        }
        continue
      }
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasPrefix("[") {
        guard line.hasSuffix("]") else {
          throw UserDataError("the Bottlerocket user data has a malformed table header: \(line)")
        }
        if line.hasPrefix("[[") {
          // An array of tables: each header is a new element, kept as written ("[x]" prints
          // as "[[x]]") and never merged into.
          tables.append(("[" + Self.normalizeName(String(line.dropFirst(2).dropLast(2))) + "]", []))
          current = tables.count - 1
          continue
        }
        let name = Self.normalizeName(String(line.dropFirst().dropLast()))
        if let existing = tables.firstIndex(where: { $0.name == name }) {
          current = existing
        } else {
          tables.append((name, []))
          current = tables.count - 1
        }
        continue
      }
      guard let eq = Self.assignment(in: line) else {
        throw UserDataError("the Bottlerocket user data is not TOML: \(line) has no key = value")
      }
      let key = Self.unquote(line[..<eq].trimmingCharacters(in: .whitespaces))
      let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
      depth = Self.bracketDelta(value)
      if depth > 0 {
        pending = (key, value)
      } else {
        tables[current].entries.append((key, value))
      }
    }
    if pending != nil { throw UserDataError("the Bottlerocket user data has an unterminated array") }
  }

  /// Sets `key` in the table (created after its parent's last child when missing).
  mutating func set(_ table: String, _ key: String, _ value: String) {
    let index = tableIndex(table)
    if let e = tables[index].entries.firstIndex(where: { $0.key == key }) {
      tables[index].entries[e].value = value
    } else {
      tables[index].entries.append((key, value))
    }
  }

  /// Replaces the table's entries (keys sorted).
  mutating func replaceTable(_ table: String, _ entries: [String: String]) {
    let index = tableIndex(table)
    tables[index].entries = entries.keys.sorted().map { ($0, entries[$0] ?? "") }
  }

  private mutating func tableIndex(_ name: String) -> Int {
    if let i = tables.firstIndex(where: { $0.name == name }) { return i }
    // After the last table that is the parent or one of its children, so related tables group.
    var insertAt = tables.count
    if let dot = name.lastIndex(of: ".") {
      let parent = String(name[..<dot])
      if let last = tables.lastIndex(where: { $0.name == parent || $0.name.hasPrefix(parent + ".") }) {
        insertAt = last + 1
      }
    }
    tables.insert((name, []), at: insertAt)
    return insertAt
  }

  var serialized: String {
    var out: [String] = []
    for table in tables {
      if table.name.isEmpty {
        out += table.entries.map { "\(Self.key($0.key)) = \($0.value)" }
        continue
      }
      if !out.isEmpty { out.append("") }
      out.append("[\(table.name)]")
      out += table.entries.map { "\(Self.key($0.key)) = \($0.value)" }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// A TOML literal string ('...'), or a basic string when the text has a quote.
  static func string(_ s: String) -> String {
    if !s.contains("'") && !s.contains("\n") { return "'\(s)'" }
    return "\""
      + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n") + "\""
  }

  /// A key bare when TOML allows it, else quoted.
  static func key(_ k: String) -> String {
    let bare =
      !k.isEmpty && k.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    return bare ? k : string(k)
  }

  static func unquote(_ s: String) -> String {
    if s.count >= 2, let f = s.first, f == s.last, f == "'" || f == "\"" {
      return String(s.dropFirst().dropLast())
    }
    return s
  }

  /// `settings . "kubernetes"` → `settings.kubernetes` (quoted segments without dots unquoted).
  static func normalizeName(_ s: String) -> String {
    s.split(separator: ".").map { unquote($0.trimmingCharacters(in: .whitespaces)) }.joined(separator: ".")
  }

  /// The `=` of a `key = value` line, outside quotes.
  static func assignment(in line: String) -> String.Index? {
    var quote: Character?
    for i in line.indices {
      let c = line[i]
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "'" || c == "\"" {
        quote = c
      } else if c == "=" {
        return i
      }
    }
    return nil
  }

  static func bracketDelta(_ s: String) -> Int {
    var d = 0
    var quote: Character?
    for c in s {
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "'" || c == "\"" {
        quote = c
      } else if c == "[" {
        d += 1
      } else if c == "]" {
        d -= 1
      }
    }
    return d
  }
}
