import Yams

// The Decoder and containers of ``BlockDecoder``. Each asks its ``BlockDecoding`` for nodes
// and notes in it what the Yams path would record: a key read by a struct, a type's
// unmodelled fields, and any failure (which makes the document go the Yams way).

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

struct BlockKeyedContainer<Key: CodingKey>: RecordingDecodeIfPresent {
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

  func decodeAnyIfPresent<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
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

struct BlockSingleContainer: IntegerDecodingContainer {
  let decoder: BlockNodeDecoder
  var codingPath: [CodingKey] { [] }
  var context: BlockDecoding { decoder.context }
  var index: Int { decoder.index }

  /// The scalar for Yams' constructors, when the node is one of `kinds`.
  private func scalar(_ kinds: ScalarKind...) throws -> Yams.Node.Scalar {
    guard context.isScalar(index), kinds.contains(context.resolvedKind(index)) else {
      throw context.failure()
    }
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
