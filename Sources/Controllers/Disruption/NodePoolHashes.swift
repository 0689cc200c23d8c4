import Foundation
import KarpenterAPI

/// The hashes drift is judged by, as upstream's nodepool-hash and nodeclass-hash annotations:
/// stamped on a node when its NodeClaim is created, compared with the NodePool's and
/// EC2NodeClass's current ones.
public struct NodePoolHashes: Sendable {
  /// Each NodePool's template hash, with the template it was computed from.
  private var templates: [String: (spec: NodeClaimTemplate?, hash: String)] = [:]

  public init() {}

  /// The hash of the NodePool's template (computed again only when the template changed).
  public mutating func template(_ pool: NodePool) -> String {
    if let cached = templates[pool.name], cached.spec == pool.spec?.template { return cached.hash }
    let hash = Self.hash(pool.spec?.template)
    templates[pool.name] = (pool.spec?.template, hash)
    return hash
  }

  /// The hash of the EC2NodeClass the pool's nodes are launched from (nil when the class is not
  /// known): when it changes, the nodes have drifted from their provider settings.
  public static func nodeClass(_ pool: NodePool, nodeClasses: [String: EC2NodeClass]) -> String? {
    guard let ref = pool.spec?.template?.spec?.nodeClassRef, ref.kind == nil || ref.kind == EC2NodeClass.kind,
      let name = ref.name, let nodeClass = nodeClasses[name]
    else { return nil }
    return Self.nodeClass(nodeClass)
  }

  /// The hash of an EC2NodeClass, prefixed with its name.
  public static func nodeClass(_ nodeClass: EC2NodeClass) -> String {
    "\(nodeClass.name)/" + hash(nodeClass.spec)
  }

  /// FNV-1a of the value's JSON with sorted keys.
  public static func hash<T: Encodable>(_ value: T?) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = (try? encoder.encode(value)) ?? Data()
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return String(hash, radix: 16)
  }
}
