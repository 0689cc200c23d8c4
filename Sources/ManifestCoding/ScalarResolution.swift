/// Types plain YAML scalars as YAML 1.1 does (the rules Kubernetes' YAML-to-JSON step
/// follows): `~`/`null`/empty are null, `yes`/`on`/`true`... are booleans, `12`, `0x1F`, `0o17`,
/// `1_000` are integers, `1.5`, `1e3`, `.inf` are floats, anything else is a string.
///
/// Written by hand instead of Yams' regular-expression resolver: parsing 20,000 pods spent a
/// fifth of its time in `NSRegularExpression` otherwise. Documents are parsed with
/// `Resolver.basic` and typed here.
public enum ScalarResolution {
  static let nulls: Set<String> = ["~", "null", "Null", "NULL", ""]
  static let bools: Set<String> = [
    "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
    "on", "On", "ON", "off", "Off", "OFF",
  ]

  static func kind(ofPlain text: String) -> ScalarKind {
    if nulls.contains(text) { return .null }
    guard let first = text.utf8.first else { return .null }
    // Every number starts with a sign, a digit or a dot.
    let isDigit = first >= 48 && first <= 57
    if !(isDigit || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: ".")) {
      return bools.contains(text) ? .bool : .string
    }
    if isInteger(text) { return .int }
    if isFloat(text) { return .float }
    return .string
  }

  static func isInteger(_ text: String) -> Bool {
    var s = Substring(text)
    if s.first == "+" || s.first == "-" { s = s.dropFirst() }
    guard !s.isEmpty else { return false }
    func all(_ t: Substring, _ allowed: (Character) -> Bool) -> Bool { !t.isEmpty && t.allSatisfy(allowed) }
    if s.hasPrefix("0b") { return all(s.dropFirst(2)) { $0 == "0" || $0 == "1" || $0 == "_" } }
    if s.hasPrefix("0x") { return all(s.dropFirst(2)) { $0.isHexDigit || $0 == "_" } }
    if s.hasPrefix("0o") { return all(s.dropFirst(2)) { ("0"..."7").contains($0) || $0 == "_" } }
    if s == "0" { return true }
    if s.hasPrefix("0") { return all(s.dropFirst()) { ("0"..."7").contains($0) || $0 == "_" } }
    if s.contains(":") {  // sexagesimal, 1:30
      let parts = s.split(separator: ":", omittingEmptySubsequences: false)
      guard let head = parts.first, let h = head.first, ("1"..."9").contains(h),
        head.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "_") })
      else { return false }
      return parts.dropFirst().allSatisfy { p in
        (1...2).contains(p.count) && p.allSatisfy { $0.isASCII && $0.isNumber } && Int(p)! < 60
      }
    }
    guard let h = s.first, ("1"..."9").contains(h) else { return false }
    return s.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "_") }
  }

  static func isFloat(_ text: String) -> Bool {
    var s = Substring(text)
    if [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(String(s.drop { $0 == "+" || $0 == "-" })) {
      return !(s.hasSuffix("nan") || s.hasSuffix("NaN") || s.hasSuffix("NAN")) || s.first == "."
    }
    if s.first == "+" || s.first == "-" { s = s.dropFirst() }
    var mantissa = s
    var exponent: Substring?
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = s[..<e]
      exponent = s[s.index(after: e)...]
    }
    if let exponent {
      var digits = exponent
      if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
      guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
    }
    let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = pieces[0]
    let fraction = pieces.count > 1 ? pieces[1] : nil
    let isNumberish: (Character) -> Bool = { $0.isASCII && ($0.isNumber || $0 == "_") }
    if whole.isEmpty {
      // .5, .5e+3: YAML 1.1 needs digits after the dot.
      guard let fraction, !fraction.isEmpty, fraction.first!.isNumber else { return false }
      return fraction.allSatisfy(isNumberish)
    }
    guard whole.first!.isNumber, whole.allSatisfy(isNumberish) else { return false }
    return fraction?.allSatisfy(isNumberish) ?? true
  }
}
