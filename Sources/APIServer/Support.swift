import Foundation

/// A small deterministic random generator (SplitMix64), so that generated names and uids are
/// the same run after run for the same seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The alphabet of `generateName` suffixes: no vowels, no easily confused characters.
  static let nameAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

  /// A 5-character suffix as the real server appends to `generateName`.
  mutating func nameSuffix() -> String {
    String((0..<5).map { _ in SeededGenerator.nameAlphabet[Int(next() % UInt64(SeededGenerator.nameAlphabet.count))] })
  }

  /// A version-4 UUID string.
  mutating func uuid() -> String {
    var bytes = [UInt8](repeating: 0, count: 16)
    let a = next()
    let b = next()
    for i in 0..<8 {
      bytes[i] = UInt8(truncatingIfNeeded: a >> (8 * UInt64(i)))
      bytes[i + 8] = UInt8(truncatingIfNeeded: b >> (8 * UInt64(i)))
    }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = bytes.map { String($0, radix: 16).leftPadded(to: 2) }
    return hex[0..<4].joined() + "-" + hex[4..<6].joined() + "-" + hex[6..<8].joined() + "-"
      + hex[8..<10].joined() + "-" + hex[10..<16].joined()
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}

/// RFC 3339 timestamps in UTC with second precision, as Kubernetes writes `metav1.Time`.
public enum Timestamp {
  /// "2024-05-01T12:00:00Z".
  public static func format(_ date: Date) -> String {
    let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
    let secondOfDay = seconds - days * 86400
    // Civil date from days since the epoch (Howard Hinnant's algorithm).
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ v: Int64) -> String { String(v).leftPadded(to: 2) }
    return "\(String(year).leftPadded(to: 4))-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):"
      + "\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60))Z"
  }

  /// Parses "2024-05-01T12:00:00Z" (fractions and offsets accepted); nil when malformed.
  public static func parse(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    if let d = formatter.date(from: text) { return d }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.date(from: text)
  }
}

/// Object name rules (DNS-1123), with the real server's messages.
enum NameRules {
  static let subdomainMessage =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
  static let labelMessage =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

  static func isAlphanumeric(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
  }

  static func isLabel(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard !bytes.isEmpty, bytes.count <= 63, isAlphanumeric(bytes.first!), isAlphanumeric(bytes.last!) else {
      return false
    }
    return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
  }

  static func isSubdomain(_ name: String) -> Bool {
    guard name.utf8.count <= 253 else { return false }
    return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isLabel(String($0)) }
  }

  /// The causes against a name, empty when it is valid for the kind.
  static func problems(name: String, for type: ResourceType) -> [FieldCause] {
    let labelOnly = type.group.isEmpty && (type.plural == "namespaces" || type.plural == "services")
    if labelOnly {
      if !isLabel(name) {
        var causes = [FieldCause(message: "Invalid value: \"\(name)\": \(labelMessage)", field: "metadata.name")]
        if name.utf8.count > 63 {
          causes[0].message = "Invalid value: \"\(name)\": must be no more than 63 characters"
        }
        return causes
      }
      return []
    }
    if name.utf8.count > 253 {
      return [FieldCause(message: "Invalid value: \"\(name)\": must be no more than 253 characters", field: "metadata.name")]
    }
    if !isSubdomain(name) {
      return [FieldCause(message: "Invalid value: \"\(name)\": \(subdomainMessage)", field: "metadata.name")]
    }
    return []
  }
}
