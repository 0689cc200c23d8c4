/// The Kubernetes syntax rules for names, label keys and values, durations and tags, written
/// out by hand so that validation and scheduling share one fast definition. It lives in
/// KubernetesAPI so that both the core kinds and the Karpenter kinds (which depend on this
/// module) validate with the same rules.
public enum Syntax {
  /// `IsQualifiedName`: an optional DNS-subdomain prefix and `/`, then a name of at most 63
  /// characters made of alphanumerics, `-`, `_` and `.`, starting and ending alphanumeric.
  /// Returns what is wrong, or nil.
  public static func qualifiedNameProblem(_ key: String) -> String? {
    isPlainASCII(key, where: ASCII.isQualifiedName) ? nil : qualifiedNameProblemByCharacter(key)
  }

  static func qualifiedNameProblemByCharacter(_ key: String) -> String? {
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
    isPlainASCII(s, where: ASCII.isDNSSubdomain) ? nil : dnsSubdomainProblemByCharacter(s)
  }

  static func dnsSubdomainProblemByCharacter(_ s: Substring) -> String? {
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
    isPlainASCII(s, where: { ASCII.isDNSLabel($0[...]) }) ? nil : dnsLabelProblemByCharacter(s)
  }

  static func dnsLabelProblemByCharacter(_ s: String) -> String? {
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
    if isPlainASCII(value, where: { $0.isEmpty || ($0.count <= 63 && ASCII.isLabelValueShape($0[...])) }) {
      return nil
    }
    return labelValueProblemByCharacter(value)
  }

  static func labelValueProblemByCharacter(_ value: String) -> String? {
    if value.isEmpty { return nil }
    if value.count > 63 { return "must be no more than 63 characters" }
    if !isLabelValueShape(Substring(value)) {
      return
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345')"
    }
    return nil
  }

  static func isLabelValueShape(_ s: Substring) -> Bool {
    isPlainASCII(s, where: { ASCII.isLabelValueShape($0[...]) }) || isLabelValueShapeByCharacter(s)
  }

  static func isLabelValueShapeByCharacter(_ s: Substring) -> Bool {
    guard let first = s.first, let last = s.last, isAlnum(first), isAlnum(last) else {
      return false
    }
    return s.allSatisfy { isAlnum($0) || $0 == "-" || $0 == "_" || $0 == "." }
  }

  /// True when `s` is ASCII without a carriage return (so that a byte is a character, as the
  /// checks below count them) and `valid` holds for its bytes. The checks above answer a valid
  /// name from this alone; anything else takes the character-wise path, which words the problem.
  @inline(__always)
  static func isPlainASCII<S: StringProtocol>(
    _ s: S, where valid: (UnsafeBufferPointer<UInt8>) -> Bool
  ) -> Bool {
    s.utf8.withContiguousStorageIfAvailable { bytes in
      for b in bytes where b >= 0x80 || b == 0x0D { return false }
      return valid(bytes)
    } ?? false
  }

  /// The same rules over the bytes of a plain ASCII text.
  enum ASCII {
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    static func isAlnum(_ b: UInt8) -> Bool { isLowerAlnum(b) || (b >= 0x41 && b <= 0x5A) }
    static func isLowerAlnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) }

    static func isLabelValueShape(_ s: Bytes) -> Bool {
      guard let first = s.first, let last = s.last, isAlnum(first), isAlnum(last) else { return false }
      return s.allSatisfy {
        isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
      }
    }

    static func isDNSLabel(_ s: Bytes) -> Bool {
      guard s.count <= 63, let first = s.first, let last = s.last, isLowerAlnum(first), isLowerAlnum(last)
      else { return false }
      return s.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    static func isDNSSubdomain(_ s: UnsafeBufferPointer<UInt8>) -> Bool { isDNSSubdomain(s[...]) }

    static func isDNSSubdomain(_ s: Bytes) -> Bool {
      guard s.count <= 253 else { return false }
      return s.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
        guard let first = label.first, let last = label.last, isLowerAlnum(first), isLowerAlnum(last) else {
          return false
        }
        return label.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
      }
    }

    static func isQualifiedName(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
      let parts = s[...].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
      guard parts.count <= 2, let name = parts.last else { return false }
      if parts.count == 2 && (parts[0].isEmpty || !isDNSSubdomain(parts[0])) { return false }
      return !name.isEmpty && name.count <= 63 && isLabelValueShape(name)
    }
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
