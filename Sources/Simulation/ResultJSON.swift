import Controllers
import Foundation
import KubernetesAPI

/// The result's two long lists (events and node reports) written as Foundation's
/// `JSONEncoder` writes them with `.sortedKeys`, `.prettyPrinted` and
/// `.withoutEscapingSlashes`, byte for byte, at a tenth of the cost: the encoder spent 200,000
/// instructions on each node report. `JSONPiecesTests` holds the two to the same bytes.
///
/// What the encoder does, and this repeats: members sorted by key, `"key" : value`, two
/// spaces per level, `[\n\n]` and `{\n\n}` (indented) when empty, absent optionals left out
/// where the type encodes them "if present" and written `null` where it encodes them always,
/// numbers as Swift prints them without a trailing `.0`, and strings with `"` and `\`
/// escaped. A string with a control character is escaped by the encoder itself.
struct ResultJSON {
  private(set) var bytes: [UInt8] = []
  /// Set when a number is not finite: the encoder refuses the document then, and so must this.
  private(set) var failed = false

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  /// One member of an object whose value is written by `write`.
  typealias Member = (key: String, write: (inout ResultJSON, Int) -> Void)

  mutating func events(_ events: [SimulationEvent], level: Int) {
    list(events, level: level) { json, event, level in
      var members: [Member] = []
      if let message = event.message { members.append(("message", { $0.string(message, level: $1) })) }
      if let node = event.node { members.append(("node", { $0.string(node, level: $1) })) }
      if let pod = event.pod { members.append(("pod", { $0.string(pod, level: $1) })) }
      if let reason = event.reason { members.append(("reason", { $0.string(reason, level: $1) })) }
      members.append(("time", { $0.number(event.time, level: $1) }))
      members.append(("type", { $0.string(event.type.rawValue, level: $1) }))
      json.object(members, level: level)
    }
  }

  mutating func nodes(_ nodes: [SimulationResult.NodeReport], level: Int) {
    list(nodes, level: level) { json, node, level in
      var members: [Member] = [
        ("allocatable", { $0.map(node.allocatable, level: $1) }),
        ("capacityType", { $0.optional(node.capacityType, level: $1) }),
        ("createdAt", { $0.number(node.createdAt, level: $1) }),
        ("instanceType", { $0.optional(node.instanceType, level: $1) }),
        ("labels", { $0.map(node.labels, level: $1) }),
        ("name", { $0.string(node.name, level: $1) }),
      ]
      if let claim = node.nodeClaim {
        members.append(
          (
            "nodeClaim",
            { json, level in
              json.object(
                [
                  ("initializedAt", { $0.optional(claim.initializedAt, level: $1) }),
                  ("launchedAt", { $0.optional(claim.launchedAt, level: $1) }),
                  ("registeredAt", { $0.optional(claim.registeredAt, level: $1) }),
                ], level: level)
            }
          ))
      }
      members += [
        ("nodePool", { $0.optional(node.nodePool, level: $1) }),
        ("pods", { json, level in json.list(node.pods, level: level) { $0.string($1, level: $2) } }),
        ("pricePerHour", { $0.number(node.pricePerHour, level: $1) }),
        ("taints", { json, level in json.list(node.taints, level: level) { $0.taint($1, level: $2) } }),
        ("zone", { $0.optional(node.zone, level: $1) }),
      ]
      json.object(members, level: level)
    }
  }

  private mutating func taint(_ taint: Taint, level: Int) {
    var members: [Member] = [
      ("effect", { $0.string(taint.effect, level: $1) }),
      ("key", { $0.string(taint.key, level: $1) }),
    ]
    if let timeAdded = taint.timeAdded { members.append(("timeAdded", { $0.string(timeAdded, level: $1) })) }
    if let value = taint.value { members.append(("value", { $0.string(value, level: $1) })) }
    object(members, level: level)
  }

  // MARK: The encoder's layout

  private mutating func newline(level: Int) {
    bytes.append(UInt8(ascii: "\n"))
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
  }

  /// `members` in key order.
  private mutating func object(_ members: [Member], level: Int) {
    bytes.append(UInt8(ascii: "{"))
    if members.isEmpty { bytes.append(UInt8(ascii: "\n")) }
    for (i, member) in members.enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      newline(level: level + 1)
      string(member.key, level: level + 1)
      bytes.append(contentsOf: Array(" : ".utf8))
      member.write(&self, level + 1)
    }
    newline(level: level)
    bytes.append(UInt8(ascii: "}"))
  }

  mutating func list<T>(_ items: [T], level: Int, _ write: (inout ResultJSON, T, Int) -> Void) {
    bytes.append(UInt8(ascii: "["))
    if items.isEmpty { bytes.append(UInt8(ascii: "\n")) }
    for (i, item) in items.enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      newline(level: level + 1)
      write(&self, item, level + 1)
    }
    newline(level: level)
    bytes.append(UInt8(ascii: "]"))
  }

  private mutating func map(_ map: [String: String], level: Int) {
    object(
      map.sorted { $0.key < $1.key }.map { entry in (entry.key, { $0.string(entry.value, level: $1) }) },
      level: level)
  }

  private mutating func optional(_ value: String?, level: Int) {
    if let value { string(value, level: level) } else { bytes.append(contentsOf: Array("null".utf8)) }
  }

  private mutating func optional(_ value: Double?, level: Int) {
    if let value { number(value, level: level) } else { bytes.append(contentsOf: Array("null".utf8)) }
  }

  mutating func number(_ value: Double, level: Int) {
    guard value.isFinite else {
      failed = true
      return
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  mutating func string(_ value: String, level: Int) {
    var value = value
    value.withUTF8 { utf8 in
      if utf8.contains(where: { $0 < 0x20 }) {
        bytes.append(contentsOf: Self.byEncoder(String(decoding: utf8, as: UTF8.self)))
        return
      }
      bytes.append(UInt8(ascii: "\""))
      var start = 0
      for i in utf8.indices where utf8[i] == UInt8(ascii: "\"") || utf8[i] == UInt8(ascii: "\\") {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
        bytes.append(UInt8(ascii: "\\"))
        start = i
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
      bytes.append(UInt8(ascii: "\""))
    }
  }

  /// A string the way the encoder writes it alone.
  static func byEncoder(_ value: String) -> [UInt8] {
    Array((try? SimulationResult.encoder.encode(value)) ?? Data("null".utf8))
  }
}
