/// A parsed label selector (`a=b,c!=d,e in (x,y),f notin (z),g,!h`), or one built from a
/// `metav1.LabelSelector` object (`matchLabels`, `matchExpressions`).
public struct LabelSelector: Sendable, Hashable {
  /// One requirement on one label.
  public enum Requirement: Sendable, Hashable {
    case equals(String, String)
    case notEquals(String, String)
    case `in`(String, Set<String>)
    case notIn(String, Set<String>)
    case exists(String)
    case doesNotExist(String)
    case greaterThan(String, Int64)
    case lessThan(String, Int64)

    func matches(_ labels: [String: String]) -> Bool {
      switch self {
      case .equals(let k, let v): return labels[k] == v
      case .notEquals(let k, let v): return labels[k] != v
      case .in(let k, let vs): return labels[k].map(vs.contains) ?? false
      case .notIn(let k, let vs): return labels[k].map { !vs.contains($0) } ?? true
      case .exists(let k): return labels[k] != nil
      case .doesNotExist(let k): return labels[k] == nil
      case .greaterThan(let k, let n): return labels[k].flatMap { Int64($0) }.map { $0 > n } ?? false
      case .lessThan(let k, let n): return labels[k].flatMap { Int64($0) }.map { $0 < n } ?? false
      }
    }
  }

  public var requirements: [Requirement]
  /// A selector that matches nothing (a nil `metav1.LabelSelector` in a PDB or a
  /// `matchExpressions` operator this server does not know).
  public var matchesNothing = false

  public init(requirements: [Requirement]) { self.requirements = requirements }

  /// Whether the labels satisfy every requirement (an empty selector matches everything).
  public func matches(_ labels: [String: String]) -> Bool {
    !matchesNothing && requirements.allSatisfy { $0.matches(labels) }
  }

  /// Whether the object's `metadata.labels` satisfy the selector.
  public func matches(object: JSON) -> Bool { matches(object.labels) }

  /// Parses the string syntax used in `?labelSelector=`; a malformed selector is a 400.
  public init(parsing text: String) throws(APIError) {
    var parser = LabelSelectorParser(text: text)
    requirements = try parser.parse()
  }

  /// The selector a `metav1.LabelSelector` object describes.
  public init(object: JSON) throws(APIError) {
    var requirements: [Requirement] = []
    for (key, value) in (object["matchLabels"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
      guard let value = value.string else { throw .badRequest("matchLabels[\(key)] must be a string") }
      requirements.append(.equals(key, value))
    }
    for expression in object["matchExpressions"]?.array ?? [] {
      guard let key = expression["key"]?.string, let op = expression["operator"]?.string else {
        throw .badRequest("a matchExpressions entry needs a key and an operator")
      }
      let values = Set((expression["values"]?.array ?? []).compactMap(\.string))
      switch op {
      case "In": requirements.append(.in(key, values))
      case "NotIn": requirements.append(.notIn(key, values))
      case "Exists": requirements.append(.exists(key))
      case "DoesNotExist": requirements.append(.doesNotExist(key))
      default: throw .badRequest("\"\(op)\" is not a valid label selector operator")
      }
    }
    self.requirements = requirements
  }
}

extension JSON {
  /// `metadata.labels` as strings.
  public var labels: [String: String] {
    var out: [String: String] = [:]
    for (k, v) in self[path: ["metadata", "labels"]]?.object ?? [:] {
      if let s = v.string { out[k] = s }
    }
    return out
  }
}

/// The label selector grammar of k8s.io/apimachinery/pkg/labels.
private struct LabelSelectorParser {
  let text: String
  var chars: [Character]
  var index = 0

  init(text: String) {
    self.text = text
    self.chars = Array(text)
  }

  func fail(_ found: String, _ expected: String) -> APIError {
    .badRequest("unable to parse requirement: found '\(found)', expected: \(expected)")
  }

  mutating func skipSpaces() {
    while index < chars.count, chars[index].isWhitespace { index += 1 }
  }

  static let special: Set<Character> = [",", "=", "!", "(", ")", "<", ">"]

  mutating func identifier() -> String {
    skipSpaces()
    let start = index
    while index < chars.count, !chars[index].isWhitespace, !LabelSelectorParser.special.contains(chars[index]) { index += 1 }
    return String(chars[start..<index])
  }

  func peek() -> Character? {
    var i = index
    while i < chars.count, chars[i].isWhitespace { i += 1 }
    return i < chars.count ? chars[i] : nil
  }

  mutating func parse() throws(APIError) -> [LabelSelector.Requirement] {
    var requirements: [LabelSelector.Requirement] = []
    if text.allSatisfy(\.isWhitespace) { return [] }
    while true {
      requirements.append(try requirement())
      skipSpaces()
      if index >= chars.count { return requirements }
      guard chars[index] == "," else { throw fail(String(chars[index]), "',' or 'end of string'") }
      index += 1
    }
  }

  mutating func key() throws(APIError) -> String {
    let key = identifier()
    if key.isEmpty { throw fail(peek().map(String.init) ?? "", "identifier") }
    if let problem = LabelSyntax.keyProblem(key) {
      throw .badRequest("unable to parse requirement: Invalid value: \"\(key)\": \(problem)")
    }
    return key
  }

  mutating func value() throws(APIError) -> String {
    let value = identifier()
    if let problem = LabelSyntax.valueProblem(value) {
      throw .badRequest("unable to parse requirement: Invalid value: \"\(value)\": \(problem)")
    }
    return value
  }

  mutating func requirement() throws(APIError) -> LabelSelector.Requirement {
    skipSpaces()
    if index < chars.count, chars[index] == "!" {
      index += 1
      return .doesNotExist(try key())
    }
    let key = try key()
    skipSpaces()
    guard index < chars.count, chars[index] != "," else { return .exists(key) }
    let c = chars[index]
    if c == "=" {
      index += 1
      if index < chars.count, chars[index] == "=" { index += 1 }
      return .equals(key, try value())
    }
    if c == "!" {
      index += 1
      guard index < chars.count, chars[index] == "=" else { throw fail("!", "'!='") }
      index += 1
      return .notEquals(key, try value())
    }
    if c == ">" || c == "<" {
      index += 1
      let v = identifier()
      guard let n = Int64(v) else { throw fail(v, "an integer") }
      return c == ">" ? .greaterThan(key, n) : .lessThan(key, n)
    }
    let op = identifier()
    guard op == "in" || op == "notin" else {
      throw fail(op, "'=', '!=', '==', 'in', notin'")
    }
    skipSpaces()
    guard index < chars.count, chars[index] == "(" else { throw fail(peek().map(String.init) ?? "", "'('") }
    index += 1
    var values: Set<String> = []
    while true {
      values.insert(try value())
      skipSpaces()
      guard index < chars.count else { throw fail("", "',' or ')'") }
      if chars[index] == "," {
        index += 1
        continue
      }
      if chars[index] == ")" {
        index += 1
        break
      }
      throw fail(String(chars[index]), "',' or ')'")
    }
    return op == "in" ? .in(key, values) : .notIn(key, values)
  }
}

/// Label key and value syntax (qualified names), with the real server's messages.
enum LabelSyntax {
  static func isNameChar(_ c: Character) -> Bool {
    c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".")
  }

  static func isAlnum(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

  static let nameMessage =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

  static func keyProblem(_ key: String) -> String? {
    var name = Substring(key)
    if let slash = key.firstIndex(of: "/") {
      let prefix = String(key[..<slash])
      name = key[key.index(after: slash)...]
      if prefix.isEmpty || !NameRules.isSubdomain(prefix) { return "prefix part \(NameRules.subdomainMessage)" }
    }
    if name.isEmpty { return "name part must be non-empty" }
    if name.count > 63 { return "name part must be no more than 63 characters" }
    if !name.allSatisfy(isNameChar) || !isAlnum(name.first!) || !isAlnum(name.last!) { return nameMessage }
    return nil
  }

  static func valueProblem(_ value: String) -> String? {
    if value.isEmpty { return nil }
    if value.count > 63 { return "must be no more than 63 characters" }
    if !value.allSatisfy(isNameChar) || !isAlnum(value.first!) || !isAlnum(value.last!) {
      return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    }
    return nil
  }
}
