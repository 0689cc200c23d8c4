/// The Kubernetes syntax rules for names, label keys and values, durations and tags, written
/// out by hand so that validation and scheduling share one fast definition. It lives in
/// KubernetesAPI so that both the core kinds and the Karpenter kinds (which depend on this
/// module) validate with the same rules.
public enum Syntax {
  /// `IsQualifiedName`: an optional DNS-subdomain prefix and `/`, then a name of at most 63
  /// characters made of alphanumerics, `-`, `_` and `.`, starting and ending alphanumeric.
  /// Returns what is wrong, or nil.
  public static func qualifiedNameProblem(_ key: String) -> String? {
    let parts = key.split(separator: "/", omittingEmptySubsequences: false)
    let name: Substring
    switch parts.count {
    case 1:
      name = parts[0]
    case 2:
      let prefix = parts[0]
      if prefix.isEmpty { return "prefix part must be non-empty" }
      if let problem = dnsSubdomainProblem(prefix) { return "prefix part " + problem }
      name = parts[1]
    default:
      return
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
    }
    if name.isEmpty { return "name part must be non-empty" }
    if name.count > 63 { return "name part must be no more than 63 characters" }
    if !isLabelValueShape(name) {
      return
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name', or '123-abc')"
    }
    return nil
  }

  /// `IsDNS1123Subdomain`: lowercase alphanumerics, `-` and `.`, at most 253 characters.
  public static func dnsSubdomainProblem(_ s: Substring) -> String? {
    if s.count > 253 { return "must be no more than 253 characters" }
    for label in s.split(separator: ".", omittingEmptySubsequences: false) {
      guard let first = label.first, let last = label.last,
        isLowerAlnum(first), isLowerAlnum(last),
        label.allSatisfy({ isLowerAlnum($0) || $0 == "-" })
      else {
        return
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')"
      }
    }
    return nil
  }

  /// `IsDNS1123Label`: lowercase alphanumerics and `-`, at most 63 characters, starting and
  /// ending alphanumeric; namespaces, container, volume and port names use it.
  public static func dnsLabelProblem(_ s: String) -> String? {
    if s.count > 63 { return "must be no more than 63 characters" }
    guard let first = s.first, let last = s.last, isLowerAlnum(first), isLowerAlnum(last),
      s.allSatisfy({ isLowerAlnum($0) || $0 == "-" })
    else {
      return
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc')"
    }
    return nil
  }

  /// `IsValidPortName`: an IANA service name, at most 15 lowercase alphanumerics and `-`, with
  /// at least one letter and no `--`, not starting or ending with `-`.
  public static func portNameProblem(_ s: String) -> String? {
    if s.count > 15 { return "must be no more than 15 characters" }
    if !s.allSatisfy({ isLowerAlnum($0) || $0 == "-" }) {
      return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"
    }
    if !s.contains(where: { $0.isASCII && $0.isLetter }) {
      return "must contain at least one letter (a-z)"
    }
    if s.contains("--") { return "must not contain consecutive hyphens" }
    if s.hasPrefix("-") || s.hasSuffix("-") { return "must not begin or end with a hyphen" }
    return nil
  }

  /// `IsValidLabelValue`: empty, or at most 63 characters of alphanumerics, `-`, `_`, `.`,
  /// starting and ending alphanumeric.
  public static func labelValueProblem(_ value: String) -> String? {
    if value.isEmpty { return nil }
    if value.count > 63 { return "must be no more than 63 characters" }
    if !isLabelValueShape(Substring(value)) {
      return
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345')"
    }
    return nil
  }

  static func isLabelValueShape(_ s: Substring) -> Bool {
    guard let first = s.first, let last = s.last, isAlnum(first), isAlnum(last) else {
      return false
    }
    return s.allSatisfy { isAlnum($0) || $0 == "-" || $0 == "_" || $0 == "." }
  }

  static func isAlnum(_ c: Character) -> Bool {
    c.isASCII && (c.isLetter || c.isNumber)
  }

  static func isLowerAlnum(_ c: Character) -> Bool {
    c.isASCII && (c.isLowercase || c.isNumber)
  }

  /// Karpenter's duration pattern `^([0-9]+(s|m|h))+$`, optionally also `Never`.
  public static func isHMSDuration(_ s: String, allowNever: Bool) -> Bool {
    if allowNever && s == "Never" { return true }
    var sawDigit = false
    var sawComponent = false
    for c in s {
      if c.isASCII && c.isNumber {
        sawDigit = true
      } else if c == "s" || c == "m" || c == "h" {
        guard sawDigit else { return false }
        sawDigit = false
        sawComponent = true
      } else {
        return false
      }
    }
    return sawComponent && !sawDigit
  }

  /// Budget durations: `^((([0-9]+(h|m))|([0-9]+h[0-9]+m))(0s)?)$`.
  public static func isBudgetDuration(_ s: String) -> Bool {
    var body = Substring(s)
    if body.hasSuffix("0s") && body.count > 2 { body = body.dropLast(2) }
    guard let last = body.last, last == "h" || last == "m" else { return false }
    let pieces = body.split(separator: "h", omittingEmptySubsequences: false)
    func digits(_ t: Substring) -> Bool { !t.isEmpty && t.allSatisfy { $0.isASCII && $0.isNumber } }
    if last == "h" {
      return pieces.count == 2 && digits(pieces[0]) && pieces[1].isEmpty
    }
    // ends in m: either "<d>m" or "<d>h<d>m"
    if pieces.count == 1 { return digits(body.dropLast()) }
    return pieces.count == 2 && digits(pieces[0]) && digits(pieces[1].dropLast())
  }

  /// Budget node counts: `^((100|[0-9]{1,2})%|[0-9]+)$`.
  public static func isBudgetNodes(_ s: String) -> Bool {
    if s.hasSuffix("%") {
      let n = s.dropLast()
      return (n == "100") || (1...2).contains(n.count) && n.allSatisfy { $0.isASCII && $0.isNumber }
    }
    return !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber }
  }
}
