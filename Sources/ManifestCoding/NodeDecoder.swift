import Foundation
import Yams

/// The `Decoder` behind ``ManifestDecoder``: it walks a Yams node tree, resolves scalars the way
/// Kubernetes' YAML-to-JSON step does, and records errors in a shared sink.
struct NodeDecoder: Decoder {
  let node: Yams.Node
  let codingPath: [CodingKey]
  let sink: ErrorSink
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(node: Yams.Node, path: [CodingKey], sink: ErrorSink) {
    self.node = node
    self.codingPath = path
    self.sink = sink
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .mapping(let mapping) = node.resolvedAlias else {
      throw mismatch(expected: "an object")
    }
    return KeyedDecodingContainer(
      KeyedNodeContainer<Key>(mapping: mapping, decoder: self))
  }

  func unkeyedContainer() throws -> UnkeyedDecodingContainer {
    guard case .sequence(let sequence) = node.resolvedAlias else {
      throw mismatch(expected: "a list")
    }
    return UnkeyedNodeContainer(elements: Array(sequence), decoder: self)
  }

  func singleValueContainer() throws -> SingleValueDecodingContainer {
    SingleNodeContainer(decoder: self)
  }

  func mismatch(expected: String) -> FieldError {
    FieldError(
      .typeMismatch, FieldPath(codingPath: codingPath), value: node.shortText,
      "must be \(expected), not \(node.kindDescription)", line: node.mark?.line)
  }

  func child(_ node: Yams.Node, key: CodingKey) -> NodeDecoder {
    NodeDecoder(node: node, path: codingPath + [key], sink: sink)
  }

  /// Decodes `T` from this node, or takes the value a same-shaped subtree decoded to earlier
  /// in the load when `T` is `MemoizedDecodable`; a clean decode (no error, no unknown field)
  /// is remembered.
  func decodeRemembering<T: Decodable>(_ type: T.Type) throws -> T {
    guard let memo = sink.memo, T.self is any MemoizedDecodable.Type else { return try T(from: self) }
    let shape = NodeShape(node)
    if let known = memo.value(T.self, at: shape) { return known }
    let errors = sink.errors.count
    let objects = sink.usage?.objectCount ?? 0
    let value = try T(from: self)
    if sink.errors.count == errors, !(sink.usage?.hasUnknownFields(since: objects) ?? false),
      let memoized = value as? any MemoizedDecodable
    {
      memo.remember(memoized, at: shape)
    }
    return value
  }
}

extension Yams.Node {
  var resolvedAlias: Yams.Node { self }

  /// A short rendering of the node for error messages.
  var shortText: String? {
    switch self {
    case .scalar(let s): return s.string.count > 80 ? String(s.string.prefix(77)) + "..." : s.string
    default: return nil
    }
  }

  var isNull: Bool {
    if case .scalar(let s) = self, s.resolvedKind == .null { return true }
    return false
  }
}

extension Yams.Node.Scalar {
  /// True for a plain `~`, `null` or empty scalar.
  public var isNull: Bool { resolvedKind == .null }
}

struct KeyedNodeContainer<Key: CodingKey>: RecordingDecodeIfPresent {
  let decoder: NodeDecoder
  let entries: [String: Yams.Node]
  let orderedKeys: [String]
  /// True when `Key` is a dictionary's key type rather than a struct's `CodingKeys`.
  let isMap: Bool
  /// The object's record of read fields, when unknown fields are reported.
  let usageID: Int?

  init(mapping: Yams.Node.Mapping, decoder: NodeDecoder) {
    self.decoder = decoder
    var entries: [String: Yams.Node] = [:]
    var ordered: [String] = []
    for (k, v) in mapping {
      let key = k.scalar?.string ?? ""
      if entries[key] == nil { ordered.append(key) }
      entries[key] = v
    }
    self.entries = entries
    self.orderedKeys = ordered
    // A synthesized CodingKeys enum rejects a string it does not know; a dictionary's key
    // type accepts any.
    self.isMap = Key(stringValue: "\u{1}map-probe") != nil
    if !isMap, let usage = decoder.sink.usage {
      usageID = usage.open(decoder.codingPath, mapping: mapping)
    } else {
      usageID = nil
    }
  }

  /// Notes that the type asked for `key`, so it is not reported as unknown. Only keys the
  /// object has are noted, so an object whose every key was read is known to hold no unknown one.
  private func noteRead(_ key: Key) {
    guard let usageID, entries[key.stringValue] != nil else { return }
    decoder.sink.usage?.read(key.stringValue, in: usageID)
  }

  /// The decoder for a field's value, telling the usage record which type reads it.
  private func child<T>(_ node: Yams.Node, key: Key, for type: T.Type) -> NodeDecoder {
    let child = decoder.child(node, key: pathKey(key))
    decoder.sink.usage?.declare(type, at: child.codingPath)
    return child
  }

  var codingPath: [CodingKey] { decoder.codingPath }
  var allKeys: [Key] { orderedKeys.compactMap { Key(stringValue: $0) } }

  func contains(_ key: Key) -> Bool {
    noteRead(key)
    return entries[key.stringValue] != nil
  }

  private func pathKey(_ key: Key) -> CodingKey {
    isMap ? PathKey(mapKey: key.stringValue) : PathKey(stringValue: key.stringValue)
  }

  private func node(for key: Key) throws -> Yams.Node {
    noteRead(key)
    guard let node = entries[key.stringValue] else {
      throw FieldError(
        .required, FieldPath(codingPath: codingPath + [pathKey(key)]), "",
        line: decoder.node.mark?.line)
    }
    return node
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    noteRead(key)
    return entries[key.stringValue]?.isNull ?? true
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    let child = child(try node(for: key), key: key, for: type)
    do {
      return try child.decodeRemembering(T.self)
    } catch {
      decoder.sink.markFailed(child.codingPath)
      throw error
    }
  }

  func decodeAnyIfPresent<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
    noteRead(key)
    guard let node = entries[key.stringValue], !node.isNull else { return nil }
    let child = child(node, key: key, for: type)
    do {
      return try child.decodeRemembering(T.self)
    } catch {
      decoder.sink.markFailed(child.codingPath)
      decoder.sink.record(error, at: child.codingPath, node: node)
      return nil
    }
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try decoder.child(try node(for: key), key: pathKey(key)).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
    try decoder.child(try node(for: key), key: pathKey(key)).unkeyedContainer()
  }

  func superDecoder() throws -> Decoder { decoder }
  func superDecoder(forKey key: Key) throws -> Decoder {
    decoder.child(try node(for: key), key: pathKey(key))
  }
}

struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
  let elements: [Yams.Node]
  let decoder: NodeDecoder
  var currentIndex = 0

  init(elements: [Yams.Node], decoder: NodeDecoder) {
    self.elements = elements
    self.decoder = decoder
  }

  var codingPath: [CodingKey] { decoder.codingPath }
  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  private mutating func nextDecoder() throws -> NodeDecoder {
    guard !isAtEnd else {
      throw FieldError(
        .invalid, FieldPath(codingPath: codingPath), "has fewer items than expected")
    }
    defer { currentIndex += 1 }
    return decoder.child(elements[currentIndex], key: PathKey(intValue: currentIndex))
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, elements[currentIndex].isNull else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let child = try nextDecoder()
    decoder.sink.usage?.declare(type, at: child.codingPath)
    do {
      return try T(from: child)
    } catch {
      // Record this element's error, then look at the rest of the list so that every bad
      // element is reported, not only the first.
      decoder.sink.markFailed(child.codingPath)
      decoder.sink.record(error, at: child.codingPath, node: child.node)
      while !isAtEnd {
        let next = try nextDecoder()
        decoder.sink.usage?.declare(type, at: next.codingPath)
        do { _ = try T(from: next) } catch {
          decoder.sink.markFailed(next.codingPath)
          decoder.sink.record(error, at: next.codingPath, node: next.node)
        }
      }
      throw AlreadyRecorded()
    }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try nextDecoder().container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
    try nextDecoder().unkeyedContainer()
  }

  mutating func superDecoder() throws -> Decoder { try nextDecoder() }
}

struct SingleNodeContainer: IntegerDecodingContainer {
  let decoder: NodeDecoder
  var codingPath: [CodingKey] { decoder.codingPath }

  private var scalar: Yams.Node.Scalar? { decoder.node.scalar }

  func decodeNil() -> Bool { decoder.node.isNull }

  func decode(_ type: Bool.Type) throws -> Bool {
    guard let s = scalar, s.resolvedKind == .bool, let value = Bool.construct(from: s) else {
      throw decoder.mismatch(expected: "a boolean")
    }
    return value
  }

  func decode(_ type: String.Type) throws -> String {
    guard let s = scalar, s.resolvedKind == .string else {
      if let s = scalar, s.resolvedKind != .null {
        throw FieldError(
          .typeMismatch, FieldPath(codingPath: codingPath), value: s.string,
          "must be a string, not \(decoder.node.kindDescription) (quote it in YAML)",
          line: decoder.node.mark?.line)
      }
      throw decoder.mismatch(expected: "a string")
    }
    return s.string
  }

  func decode(_ type: Double.Type) throws -> Double {
    guard let s = scalar, s.resolvedKind == .int || s.resolvedKind == .float,
      let value = Double.construct(from: s)
    else { throw decoder.mismatch(expected: "a number") }
    // JSON has no infinity or NaN: the API server refuses `.inf`, `.nan` and `1e999` (its
    // JSON encoding fails), and a run must never compute with them.
    guard value.isFinite else {
      throw FieldError(
        .invalid, FieldPath(codingPath: codingPath), value: s.string, "must be a finite number",
        line: decoder.node.mark?.line)
    }
    return value
  }

  func decode(_ type: Float.Type) throws -> Float {
    let value = Float(try decode(Double.self))
    guard value.isFinite else {
      throw FieldError(
        .invalid, FieldPath(codingPath: codingPath), value: scalar?.string,
        "must be a number from \(-Float.greatestFiniteMagnitude) to \(Float.greatestFiniteMagnitude)",
        line: decoder.node.mark?.line)
    }
    return value
  }

  func decodeInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    guard let s = scalar, s.resolvedKind == .int else {
      throw decoder.mismatch(expected: "an integer")
    }
    guard let wide = Int.construct(from: s), let value = T(exactly: wide) else {
      throw FieldError(
        .invalid, FieldPath(codingPath: codingPath), value: s.string,
        "must be an integer from \(T.min) to \(T.max)", line: decoder.node.mark?.line)
    }
    return value
  }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    decoder.sink.usage?.declare(type, at: codingPath)
    return try T(from: decoder)
  }
}

extension SingleValueDecodingContainer {
  /// The scalar as written, whatever YAML type it resolved to; nil for objects and lists.
  /// Lets types such as `Quantity` and `IntOrString` accept both `1` and `"1"`.
  public func decodeScalarText() throws -> String {
    if let container = self as? SingleNodeContainer, let s = container.decoder.node.scalar,
      s.resolvedKind != .null
    {
      return s.string
    }
    if let container = self as? BlockSingleContainer, let text = container.scalarText { return text }
    if let s = try? decode(String.self) { return s }
    if let i = try? decode(Int64.self) { return String(i) }
    if let d = try? decode(Double.self) { return String(d) }
    throw DecodingError.typeMismatch(
      String.self,
      DecodingError.Context(codingPath: codingPath, debugDescription: "must be a scalar value"))
  }

  /// True when the scalar was written as a YAML/JSON number rather than a string.
  public var scalarIsNumber: Bool {
    if let container = self as? SingleNodeContainer, let s = container.decoder.node.scalar {
      return s.resolvedKind == .int || s.resolvedKind == .float
    }
    if let container = self as? BlockSingleContainer { return container.isNumber }
    return (try? decode(Double.self)) != nil && (try? decode(String.self)) == nil
  }
}
