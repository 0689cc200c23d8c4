import Foundation
import Synchronization
import Yams

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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
  /// The parts of objects that passed validation in this load.
  public let valid = ValidParts()

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
    let s = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)]), as: UTF8.self)
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
          && (wanted.isEmpty
            || memcmp(bytes.baseAddress! + Int(node.start), wanted.baseAddress!, wanted.count) == 0)
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
            if let fields, let current = unmodeled {
              unmodeled = current.union(fields)
            } else {
              unmodeled = nil
            }
          }
        }
        guard let accepted = unmodeled else { break }
        if !accepted.contains(string(key)) { return false }
      }
    }
    return true
  }
}
