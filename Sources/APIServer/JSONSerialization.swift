import Foundation

extension JSON {
  /// The compact serialization with object keys sorted by their UTF-8 bytes (as Go's
  /// encoding/json sorts map keys), so that equal objects serialize to equal bytes.
  public func serialized() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256)
    write(to: &out)
    return out
  }

  /// Appends the compact serialization to `out`.
  public func write(to out: inout [UInt8]) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .int(let i): out.append(contentsOf: String(i).utf8)
    case .double(let d): JSON.writeDouble(d, to: &out)
    case .string(let s): JSON.writeString(s, to: &out)
    case .array(let elements):
      out.append(UInt8(ascii: "["))
      for (i, element) in elements.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        element.write(to: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      out.append(UInt8(ascii: "{"))
      let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      for (i, key) in keys.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        JSON.writeString(key, to: &out)
        out.append(UInt8(ascii: ":"))
        members[key]!.write(to: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  static func writeDouble(_ d: Double, to out: inout [UInt8]) {
    guard d.isFinite else {
      // JSON has no NaN or infinity; null is what a client can at least parse.
      out.append(contentsOf: "null".utf8)
      return
    }
    if d.rounded() == d, abs(d) < 1e15 {
      out.append(contentsOf: String(Int64(d)).utf8)
      return
    }
    out.append(contentsOf: "\(d)".utf8)
  }

  static func writeString(_ s: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      out.append(contentsOf: s.utf8)
      out.append(UInt8(ascii: "\""))
      return
    }
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
      case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
      case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
      default: out.append(b)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}

/// Why a value could not cross between JSON and a Codable type.
public struct JSONCodingError: Error, Sendable, CustomStringConvertible {
  /// What was being converted, e.g. "Pod".
  public var typeName: String
  /// The underlying failure, as a sentence.
  public var reason: String

  public var description: String { "cannot convert JSON to or from \(typeName): \(reason)" }
}

extension JSON {
  /// The JSON form of a Codable value, for tests and for stand-ins that build objects as structs.
  public init<T: Encodable>(encoding value: T) throws {
    let encoder = JSONEncoder()
    let data: Data
    do {
      data = try encoder.encode(value)
    } catch {
      throw JSONCodingError(typeName: "\(T.self)", reason: "\(error)")
    }
    try self.init(parsing: Array(data))
  }

  /// Decodes this value as a Codable type.
  public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
    do {
      return try JSONDecoder().decode(T.self, from: Data(serialized()))
    } catch {
      throw JSONCodingError(typeName: "\(T.self)", reason: "\(error)")
    }
  }
}

extension JSON: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let b = try? container.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? container.decode(Int64.self) {
      self = .int(i)
    } else if let d = try? container.decode(Double.self) {
      self = .double(d)
    } else if let s = try? container.decode(String.self) {
      self = .string(s)
    } else if let a = try? container.decode([JSON].self) {
      self = .array(a)
    } else {
      self = .object(try container.decode([String: JSON].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let b): try container.encode(b)
    case .int(let i): try container.encode(i)
    case .double(let d): try container.encode(d)
    case .string(let s): try container.encode(s)
    case .array(let a): try container.encode(a)
    case .object(let o): try container.encode(o)
    }
  }
}
