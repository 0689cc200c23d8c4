/// The protocol buffers wire format, only as much as the sandbox writes: varints, strings,
/// bytes, nested messages, doubles and booleans. Enough to encode the OpenAPI v2 document
/// kubectl asks for as protobuf, without a protobuf library.
public struct ProtobufWriter: Sendable {
  public private(set) var bytes: [UInt8] = []

  public init() {}

  /// The wire types a field key carries in its low three bits.
  enum WireType: UInt64 {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
  }

  mutating func key(_ field: Int, _ wireType: WireType) {
    varint(UInt64(field) << 3 | wireType.rawValue)
  }

  /// Base 128, least significant group first, the high bit marking that more follow.
  mutating func varint(_ value: UInt64) {
    var value = value
    while value >= 0x80 {
      bytes.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }

  /// A string field; proto3 leaves empty strings out.
  public mutating func string(_ field: Int, _ value: String) {
    guard !value.isEmpty else { return }
    self.bytes(field, Array(value.utf8))
  }

  /// A repeated string field: one key and value per element.
  public mutating func strings(_ field: Int, _ values: [String]) {
    for value in values { self.bytes(field, Array(value.utf8)) }
  }

  public mutating func bytes(_ field: Int, _ value: [UInt8]) {
    key(field, .lengthDelimited)
    varint(UInt64(value.count))
    bytes.append(contentsOf: value)
  }

  /// A boolean field; false is the default and left out.
  public mutating func bool(_ field: Int, _ value: Bool) {
    guard value else { return }
    key(field, .varint)
    varint(1)
  }

  /// An int64 field (two's complement for negatives, ten bytes); zero is left out.
  public mutating func int64(_ field: Int, _ value: Int64) {
    guard value != 0 else { return }
    key(field, .varint)
    varint(UInt64(bitPattern: value))
  }

  /// A double field, little-endian IEEE 754; zero is left out.
  public mutating func double(_ field: Int, _ value: Double) {
    guard value != 0 else { return }
    key(field, .fixed64)
    var bits = value.bitPattern
    for _ in 0..<8 {
      bytes.append(UInt8(bits & 0xFF))
      bits >>= 8
    }
  }

  /// A nested message, written by `body` into a writer of its own and framed by its length.
  public mutating func message(_ field: Int, _ body: (inout ProtobufWriter) -> Void) {
    var nested = ProtobufWriter()
    body(&nested)
    bytes(field, nested.bytes)
  }
}
