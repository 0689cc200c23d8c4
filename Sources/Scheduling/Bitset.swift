/// A fixed-size set of small integers (instance-type positions), intersected a word at a time.
struct Bitset: Hashable, Sendable {
  private(set) var words: [UInt64]
  let count: Int

  init(count: Int, full: Bool = false) {
    self.count = count
    words = Array(repeating: full ? ~0 : 0, count: (count + 63) / 64)
    if full && count % 64 != 0 { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
  }

  func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
  mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }
  mutating func remove(_ i: Int) { words[i >> 6] &= ~(1 << UInt64(i & 63)) }

  var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
  var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

  func intersection(_ other: Bitset) -> Bitset {
    var out = self
    for i in 0..<words.count { out.words[i] &= other.words[i] }
    return out
  }

  mutating func formIntersection(_ other: Bitset) {
    for i in 0..<words.count { words[i] &= other.words[i] }
  }

  /// Members in increasing order.
  func forEach(_ body: (Int) -> Void) {
    for (w, word) in words.enumerated() {
      var bits = word
      while bits != 0 {
        let t = bits.trailingZeroBitCount
        body(w << 6 + t)
        bits &= bits - 1
      }
    }
  }

  var members: [Int] {
    var out: [Int] = []
    forEach { out.append($0) }
    return out
  }

  /// The first member satisfying `predicate`, in increasing order.
  func first(where predicate: (Int) -> Bool) -> Int? {
    for (w, word) in words.enumerated() {
      var bits = word
      while bits != 0 {
        let i = w << 6 + bits.trailingZeroBitCount
        if predicate(i) { return i }
        bits &= bits - 1
      }
    }
    return nil
  }
}

/// A set of small integers that grows as needed (NodeClaim positions).
struct GrowableBitset {
  private var words: [UInt64] = []

  func contains(_ i: Int) -> Bool {
    let w = i >> 6
    return w < words.count && words[w] & (1 << UInt64(i & 63)) != 0
  }

  mutating func insert(_ i: Int) {
    let w = i >> 6
    if w >= words.count { words += Array(repeating: 0, count: w - words.count + 1) }
    words[w] |= 1 << UInt64(i & 63)
  }

  /// The first position at or after `i` that is not in the set: a run of members costs a
  /// word, not a position, each.
  func firstAbsent(from i: Int) -> Int {
    var w = i >> 6
    guard w < words.count else { return i }
    var word = ~words[w] & (~0 << UInt64(i & 63))
    while word == 0 {
      w += 1
      if w == words.count { return w << 6 }
      word = ~words[w]
    }
    return w << 6 + word.trailingZeroBitCount
  }
}
