import Crypto
import Foundation

/// A canonical, order-independent encoding of a value's fields for content hashing: maps are
/// written sorted by key, sets sorted, every string length-prefixed so that no two different
/// values encode alike. The hash is SHA-256 over it, printed as lowercase hex.
///
/// Upstream hashes with `hashstructure` (FNV over Go's reflection of the struct); the numbers
/// differ, the properties (stable across processes, map order irrelevant, zero values ignored
/// where upstream ignores them) are the same.
struct CanonicalEncoder {
  private(set) var bytes: [UInt8] = []

  mutating func field(_ name: String) { write(name) }

  mutating func write(_ s: String) {
    let utf8 = Array(s.utf8)
    append(UInt64(utf8.count))
    bytes += utf8
  }

  mutating func write(_ s: String?) {
    if let s {
      bytes.append(1)
      write(s)
    } else {
      bytes.append(0)
    }
  }

  mutating func write(_ i: Int64?) { write(i.map { String($0) }) }
  mutating func write(_ b: Bool?) { write(b.map { String($0) }) }

  mutating func write(_ map: [String: String]?) {
    guard let map else { return bytes.append(0) }
    bytes.append(1)
    append(UInt64(map.count))
    for key in map.keys.sorted() {
      write(key)
      write(map[key] ?? "")
    }
  }

  /// An unordered list: its elements sorted first.
  mutating func write(set: [String]?) {
    guard let set else { return bytes.append(0) }
    bytes.append(1)
    let sorted = set.sorted()
    append(UInt64(sorted.count))
    for s in sorted { write(s) }
  }

  /// An ordered list.
  mutating func write(list: [String]?) {
    guard let list else { return bytes.append(0) }
    bytes.append(1)
    append(UInt64(list.count))
    for s in list { write(s) }
  }

  private mutating func append(_ n: UInt64) {
    withUnsafeBytes(of: n.bigEndian) { bytes += $0 }
  }

  /// SHA-256 of the encoding, lowercase hex.
  var sha256Hex: String {
    SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
  }
}
