import Controllers
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The virtual clock's queue: actions ordered by time, then by insertion, so every run of the
/// same input takes the same steps.
struct EventQueue<Action: Sendable>: Sendable {
  private var heap: [(time: Double, seq: Int, action: Action)] = []
  private var nextSeq = 0

  var isEmpty: Bool { heap.isEmpty }
  var nextTime: Double? { heap.first?.time }

  mutating func schedule(_ action: Action, at time: Double) {
    heap.append((time, nextSeq, action))
    nextSeq += 1
    var i = heap.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard less(i, parent) else { break }
      heap.swapAt(i, parent)
      i = parent
    }
  }

  mutating func pop() -> (time: Double, action: Action)? {
    guard !heap.isEmpty else { return nil }
    heap.swapAt(0, heap.count - 1)
    let top = heap.removeLast()
    var i = 0
    while true {
      let l = 2 * i + 1, r = l + 1
      var m = i
      if l < heap.count && less(l, m) { m = l }
      if r < heap.count && less(r, m) { m = r }
      if m == i { break }
      heap.swapAt(i, m)
      i = m
    }
    return (top.time, top.action)
  }

  private func less(_ a: Int, _ b: Int) -> Bool {
    (heap[a].time, heap[a].seq) < (heap[b].time, heap[b].seq)
  }
}

/// Deterministic node names in the style of Kubernetes' generateName: `<pool>-<5 chars>`.
struct NodeNamer {
  private var used = Set<String>()
  private var counter: UInt64 = 0

  static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

  mutating func name(prefix: String) -> String {
    while true {
      counter += 1
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in "\(prefix)/\(counter)".utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
      }
      var suffix = ""
      for _ in 0..<5 {
        suffix.append(Self.alphabet[Int(hash % UInt64(Self.alphabet.count))])
        hash /= UInt64(Self.alphabet.count)
      }
      let name = "\(prefix)-\(suffix)"
      if used.insert(name).inserted { return name }
    }
  }
}
