import Foundation
import Synchronization
import Yams

/// Decodes a ``BlockYAML`` document into a `Decodable` value when the document is clean: no
/// field fails to decode and no field is unknown. Otherwise it gives up (nil), and the
/// document is decoded again by ``ManifestDecoder`` from a Yams tree, which reports every
/// problem with its path and line. Clean documents decode to the same values either way: the
/// scalars resolve by the same rules (``ScalarResolution`` and Yams' constructors), keyed
/// containers read the same keys, and fields are unknown under the same `UnmodeledFields`
/// declarations.
public enum BlockDecoder {
  public static func decode<T: Decodable>(
    _ type: T.Type, from document: BlockYAML, bytes: UnsafeBufferPointer<UInt8>, memo: BlockMemo?
  ) -> T? {
    let context = BlockDecoding(bytes: bytes, nodes: document.nodes, memo: memo)
    context.declare(type, at: 0)
    guard let value = try? T(from: BlockNodeDecoder(context: context, index: 0)),
      !context.tainted, context.allFieldsKnown()
    else { return nil }
    context.commitRemembered()
    return value
  }
}

/// Values of `MemoizedDecodable` types decoded from clean documents, by type and source text
/// (the text and its column determine the subtree). At most ``DecodingMemo/limit`` per type.
public final class BlockMemo: Sendable {
  struct Entry {
    var column: Int32
    var text: [UInt8]
    var value: any MemoizedDecodable
  }

  private let values = Mutex<[ObjectIdentifier: (count: Int, byHash: [Int: [Entry]])]>([:])

  public init() {}

  func value<T>(_ type: T.Type, hash: Int, column: Int32, text: UnsafeRawBufferPointer) -> T? {
    values.withLock { values in
      guard let entries = values[ObjectIdentifier(type)]?.byHash[hash] else { return nil }
      for entry in entries where entry.column == column && entry.text.count == text.count {
        let same = entry.text.withUnsafeBytes { memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 }
        if same { return entry.value as? T }
      }
      return nil
    }
  }

  func remember(_ value: any MemoizedDecodable, hash: Int, column: Int32, text: [UInt8]) {
    values.withLock { values in
      let key = ObjectIdentifier(type(of: value))
      var table = values[key] ?? (0, [:])
      guard table.count < DecodingMemo.limit else { return }
      table.count += 1
      table.byHash[hash, default: []].append(Entry(column: column, text: text, value: value))
      values[key] = table
    }
  }
}

/// What one document's decoding shares: the nodes, which keys were read, and whether anything
/// went wrong anywhere (even inside a `try?`, where the Yams path would have recorded it).
final class BlockDecoding {
  let bytes: UnsafeBufferPointer<UInt8>
  let nodes: [BlockYAML.Node]
  let memo: BlockMemo?
  /// Per node: a key that a struct's container asked for.
  var read: [Bool]
  /// Mappings opened as structs, whose every key must be read or declared unmodelled.
  var structs: [Int] = []
  var declarations: [Int: [Set<String>?]] = [:]
  var tainted = false
  var remembered: [(value: any MemoizedDecodable, hash: Int, column: Int32, text: [UInt8])] = []

  init(bytes: UnsafeBufferPointer<UInt8>, nodes: [BlockYAML.Node], memo: BlockMemo?) {
    self.bytes = bytes
    self.nodes = nodes
    self.memo = memo
    read = Array(repeating: false, count: nodes.count)
  }

  struct Failed: Error {}

  /// An error, noting that the document is not clean.
  func failure() -> Failed {
    tainted = true
    return Failed()
  }

  func declare(_ type: Any.Type, at index: Int) {
    guard let unmodeled = type as? UnmodeledFields.Type else { return }
    declarations[index, default: []].append(unmodeled.unmodeledFields)
  }

  func text(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    let node = nodes[index]
    return UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)])
  }

  func string(_ index: Int) -> String { Self.string(index, nodes: nodes, bytes: bytes) }

  static func string(_ index: Int, nodes: [BlockYAML.Node], bytes: UnsafeBufferPointer<UInt8>) -> String {
    let node = nodes[index]
    let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)]), as: UTF8.self)
    if node.kind == .singleQuoted && s.utf8.contains(UInt8(ascii: "'")) {
      return s.replacingOccurrences(of: "''", with: "'")
    }
    return s
  }

  func isScalar(_ index: Int) -> Bool { nodes[index].kind.rawValue <= BlockYAML.Kind.doubleQuoted.rawValue }

  func resolvedKind(_ index: Int) -> ScalarKind {
    nodes[index].kind == .plain ? ScalarResolution.kind(ofPlain: string(index)) : .string
  }

  func isNull(_ index: Int) -> Bool {
    guard nodes[index].kind == .plain else { return false }
    let t = text(index)
    return t.isEmpty || ScalarResolution.nulls.contains(String(decoding: t, as: UTF8.self))
  }

  /// The key nodes of mapping `index`; each value follows its key.
  func keys(of index: Int) -> [Int] {
    var keys: [Int] = []
    var i = index + 1
    for _ in 0..<Int(nodes[index].count) {
      keys.append(i)
      i = Int(nodes[i + 1].next)
    }
    return keys
  }

  func elements(of index: Int) -> [Int] {
    var elements: [Int] = []
    var i = index + 1
    for _ in 0..<Int(nodes[index].count) {
      elements.append(i)
      i = Int(nodes[i].next)
    }
    return elements
  }

  /// The value of `key` in mapping `index`, noting the key as read when `note`.
  func value(of key: String, in index: Int, note: Bool) -> Int? {
    guard let value = Self.value(of: key, in: index, nodes: nodes, bytes: bytes) else { return nil }
    if note { read[value - 1] = true }
    return value
  }

  static func value(
    of key: String, in index: Int, nodes: [BlockYAML.Node], bytes: UnsafeBufferPointer<UInt8>
  ) -> Int? {
    var key = key
    return key.withUTF8 { wanted in
      var i = index + 1
      for _ in 0..<Int(nodes[index].count) {
        let node = nodes[i]
        if Int(node.end - node.start) == wanted.count
          && (wanted.isEmpty || memcmp(bytes.baseAddress! + Int(node.start), wanted.baseAddress!, wanted.count) == 0)
        {
          return i + 1
        }
        i = Int(nodes[i + 1].next)
      }
      return nil
    }
  }

  /// Decodes `T` at `index`, or takes the value the same text decoded to before.
  func decode<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
    let node = nodes[index]
    guard let memo, T.self is any MemoizedDecodable.Type, !isScalar(index) else {
      return try T(from: BlockNodeDecoder(context: self, index: index))
    }
    let text = UnsafeRawBufferPointer(self.text(index))
    var hasher = Hasher()
    hasher.combine(bytes: text)
    let hash = hasher.finalize()
    if let known = memo.value(T.self, hash: hash, column: node.column, text: text) { return known }
    let value = try T(from: BlockNodeDecoder(context: self, index: index))
    if let memoized = value as? any MemoizedDecodable {
      remembered.append((memoized, hash, node.column, Array(text)))
    }
    return value
  }

  func commitRemembered() {
    guard let memo else { return }
    for r in remembered { memo.remember(r.value, hash: r.hash, column: r.column, text: r.text) }
  }

  /// Whether every key of every struct-decoded mapping was read or is declared unmodelled.
  func allFieldsKnown() -> Bool {
    for mapping in structs {
      var unmodeled: Set<String>? = []
      var looked = false
      for key in keys(of: mapping) where !read[key] {
        if !looked {
          looked = true
          for fields in declarations[mapping] ?? [] {
            if let fields, let current = unmodeled { unmodeled = current.union(fields) } else { unmodeled = nil }
          }
        }
        guard let accepted = unmodeled else { break }
        if !accepted.contains(string(key)) { return false }
      }
    }
    return true
  }
}

struct BlockNodeDecoder: Decoder {
  let context: BlockDecoding
  let index: Int
  var codingPath: [CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard context.nodes[index].kind == .mapping else { throw context.failure() }
    return KeyedDecodingContainer(BlockKeyedContainer<Key>(decoder: self))
  }

  func unkeyedContainer() throws -> UnkeyedDecodingContainer {
    guard context.nodes[index].kind == .sequence else { throw context.failure() }
    return BlockUnkeyedContainer(decoder: self, elements: context.elements(of: index))
  }

  func singleValueContainer() throws -> SingleValueDecodingContainer {
    BlockSingleContainer(decoder: self)
  }
}

struct BlockKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let decoder: BlockNodeDecoder
  /// True when `Key` is a dictionary's key type rather than a struct's `CodingKeys`.
  let isMap: Bool

  /// The value of each key, for a long mapping (a map of 100,000 labels is not searched
  /// from the start for each).
  let index: [String: Int]?

  init(decoder: BlockNodeDecoder) {
    self.decoder = decoder
    isMap = Key(stringValue: "\u{1}map-probe") != nil
    if !isMap { decoder.context.structs.append(decoder.index) }
    let context = decoder.context
    if context.nodes[decoder.index].count > 16 {
      var index: [String: Int] = [:]
      for key in context.keys(of: decoder.index) { index[context.string(key)] = key + 1 }
      self.index = index
    } else {
      index = nil
    }
  }

  var context: BlockDecoding { decoder.context }
  var codingPath: [CodingKey] { [] }

  var allKeys: [Key] { context.keys(of: decoder.index).compactMap { Key(stringValue: context.string($0)) } }

  private func value(_ key: Key) -> Int? {
    guard let index else { return context.value(of: key.stringValue, in: decoder.index, note: !isMap) }
    guard let value = index[key.stringValue] else { return nil }
    if !isMap { context.read[value - 1] = true }
    return value
  }

  func contains(_ key: Key) -> Bool { value(key) != nil }

  func decodeNil(forKey key: Key) throws -> Bool {
    guard let value = value(key) else { return true }
    return context.isNull(value)
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    guard let value = value(key) else { throw context.failure() }
    context.declare(type, at: value)
    return try context.decode(type, at: value)
  }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    try decodeIfPresent(type, key)
  }

  // As in KeyedNodeContainer: every primitive overload goes through the generic one.
  func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeIfPresent(type, key) }
  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
    try decodeIfPresent(type, key)
  }
  func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
    try decodeIfPresent(type, key)
  }
  func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
    try decodeIfPresent(type, key)
  }
  func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeIfPresent(type, key) }
  func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decodeIfPresent(type, key) }
  func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? {
    try decodeIfPresent(type, key)
  }
  func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? {
    try decodeIfPresent(type, key)
  }
  func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
    try decodeIfPresent(type, key)
  }
  func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decodeIfPresent(type, key) }
  func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? {
    try decodeIfPresent(type, key)
  }
  func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? {
    try decodeIfPresent(type, key)
  }
  func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? {
    try decodeIfPresent(type, key)
  }
  func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? {
    try decodeIfPresent(type, key)
  }

  private func decodeIfPresent<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
    guard let value = value(key), !context.isNull(value) else { return nil }
    context.declare(type, at: value)
    do {
      return try context.decode(type, at: value)
    } catch {
      // The Yams path records the error and goes on with nil.
      context.tainted = true
      return nil
    }
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    guard let value = value(key) else { throw context.failure() }
    return try BlockNodeDecoder(context: context, index: value).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
    guard let value = value(key) else { throw context.failure() }
    return try BlockNodeDecoder(context: context, index: value).unkeyedContainer()
  }

  func superDecoder() throws -> Decoder { decoder }
  func superDecoder(forKey key: Key) throws -> Decoder {
    guard let value = value(key) else { throw context.failure() }
    return BlockNodeDecoder(context: context, index: value)
  }
}

struct BlockUnkeyedContainer: UnkeyedDecodingContainer {
  let decoder: BlockNodeDecoder
  let elements: [Int]
  var currentIndex = 0

  var codingPath: [CodingKey] { [] }
  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }
  var context: BlockDecoding { decoder.context }

  private mutating func next() throws -> Int {
    guard !isAtEnd else { throw context.failure() }
    defer { currentIndex += 1 }
    return elements[currentIndex]
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, context.isNull(elements[currentIndex]) else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let element = try next()
    context.declare(type, at: element)
    do {
      return try T(from: BlockNodeDecoder(context: context, index: element))
    } catch {
      throw context.failure()
    }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try BlockNodeDecoder(context: context, index: try next()).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
    try BlockNodeDecoder(context: context, index: try next()).unkeyedContainer()
  }

  mutating func superDecoder() throws -> Decoder { BlockNodeDecoder(context: context, index: try next()) }
}

struct BlockSingleContainer: SingleValueDecodingContainer {
  let decoder: BlockNodeDecoder
  var codingPath: [CodingKey] { [] }
  var context: BlockDecoding { decoder.context }
  var index: Int { decoder.index }

  /// The scalar for Yams' constructors, when the node is one of `kinds`.
  private func scalar(_ kinds: ScalarKind...) throws -> Yams.Node.Scalar {
    guard context.isScalar(index), kinds.contains(context.resolvedKind(index)) else { throw context.failure() }
    return Yams.Node.Scalar(context.string(index))
  }

  func decodeNil() -> Bool { context.isNull(index) }

  func decode(_ type: Bool.Type) throws -> Bool {
    guard let value = Bool.construct(from: try scalar(.bool)) else { throw context.failure() }
    return value
  }

  func decode(_ type: String.Type) throws -> String {
    guard context.isScalar(index), context.resolvedKind(index) == .string else { throw context.failure() }
    return context.string(index)
  }

  func decode(_ type: Double.Type) throws -> Double {
    guard let value = Double.construct(from: try scalar(.int, .float)), value.isFinite else {
      throw context.failure()
    }
    return value
  }

  func decode(_ type: Float.Type) throws -> Float {
    let value = Float(try decode(Double.self))
    guard value.isFinite else { throw context.failure() }
    return value
  }

  func decodeInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    guard let wide = Int.construct(from: try scalar(.int)), let value = T(exactly: wide) else {
      throw context.failure()
    }
    return value
  }

  func decode(_ type: Int.Type) throws -> Int { try decodeInteger(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try decodeInteger(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try decodeInteger(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try decodeInteger(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try decodeInteger(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try decodeInteger(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeInteger(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeInteger(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeInteger(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeInteger(type) }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    context.declare(type, at: index)
    return try T(from: decoder)
  }

  /// The scalar as written, for `decodeScalarText`; nil for a null or a collection.
  var scalarText: String? {
    guard context.isScalar(index), !context.isNull(index) else { return nil }
    return context.string(index)
  }

  var isNumber: Bool {
    guard context.isScalar(index) else { return false }
    let kind = context.resolvedKind(index)
    return kind == .int || kind == .float
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
