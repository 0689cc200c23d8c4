import Synchronization
import Yams

/// A type whose value depends only on the YAML subtree it is decoded from: when a load meets
/// the same subtree again (20,000 Pods of a few Deployments' specs), the value decoded the
/// first time is reused. Only a subtree that decoded with no error and no unknown field is
/// remembered, so every problem is still reported where it occurs.
public protocol MemoizedDecodable: Decodable, Sendable {}

/// The values decoded so far in one load, by type and subtree; shared by the documents of a
/// load. At most `limit` values are kept per type, so hostile input (every subtree different)
/// costs bounded memory.
public final class DecodingMemo: Sendable {
  public static let limit = 4096

  private let values = Mutex<[ObjectIdentifier: [NodeShape: any MemoizedDecodable]]>([:])
  /// The parts of objects that passed validation in this load.
  public let valid = ValidParts()

  public init() {}

  func value<T>(_ type: T.Type, at shape: NodeShape) -> T? {
    values.withLock { $0[ObjectIdentifier(type)]?[shape] as? T }
  }

  func remember(_ value: any MemoizedDecodable, at shape: NodeShape) {
    values.withLock { values in
      let key = ObjectIdentifier(type(of: value))
      guard values[key, default: [:]].count < Self.limit else { return }
      values[key, default: [:]][shape] = value
    }
  }
}

/// A YAML subtree as the decoder reads it: scalars by their text, whether they are plain or
/// quoted, and their tag (from which the decoder takes the JSON type Kubernetes gives them;
/// marks and anchors do not matter), mappings and sequences in order. The hash is taken once.
struct NodeShape: Hashable, @unchecked Sendable {  // a Yams.Node is an immutable value
  let node: Yams.Node
  let hash: Int

  init(_ node: Yams.Node) {
    self.node = node
    var hasher = Hasher()
    Self.combine(node, into: &hasher)
    hash = hasher.finalize()
  }

  func hash(into hasher: inout Hasher) { hasher.combine(hash) }

  static func == (a: NodeShape, b: NodeShape) -> Bool {
    a.hash == b.hash && same(a.node, b.node)
  }

  private static func combine(_ node: Yams.Node, into hasher: inout Hasher) {
    switch node {
    case .scalar(let s):
      hasher.combine(0)
      hasher.combine(s.string)
      hasher.combine(isPlain(s))
    case .mapping(let m):
      hasher.combine(1)
      hasher.combine(m.count)
      for (k, v) in m {
        combine(k, into: &hasher)
        combine(v, into: &hasher)
      }
    case .sequence(let q):
      hasher.combine(2)
      hasher.combine(q.count)
      for e in q { combine(e, into: &hasher) }
    case .alias:
      hasher.combine(3)
    }
  }

  /// `resolvedKind` is a function of this, the tag and the text.
  private static func isPlain(_ s: Yams.Node.Scalar) -> Bool { s.style == .plain || s.style == .any }

  private static func same(_ a: Yams.Node, _ b: Yams.Node) -> Bool {
    switch (a, b) {
    case (.scalar(let x), .scalar(let y)):
      return x.string == y.string && isPlain(x) == isPlain(y) && x.tag == y.tag
    case (.mapping(let x), .mapping(let y)):
      guard x.count == y.count else { return false }
      for (p, q) in zip(x, y) where !same(p.key, q.key) || !same(p.value, q.value) { return false }
      return true
    case (.sequence(let x), .sequence(let y)):
      guard x.count == y.count else { return false }
      for (p, q) in zip(x, y) where !same(p, q) { return false }
      return true
    default:
      return false
    }
  }
}
