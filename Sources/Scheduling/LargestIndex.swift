/// The largest (and the smallest) of a pool's per-type amounts over any subset of its types,
/// found without a pass over the subset: for each resource where the types differ, the positions in order of
/// decreasing amount, so the answer in that resource is the first position the subset holds.
/// A NodeClaim keeps its largest types (it loses small ones, or those of other zones), so the
/// walk is a step or two where a pass is every type (up to 800 on AWS).
struct LargestIndex {
  /// In the resources where every type has the same amount: that amount (else 0).
  private let uniform: SIMD16<Int64>
  /// The resources where the types differ, each with its positions from largest to smallest.
  private let varying: [(lane: Int, order: [Int32])]
  private let values: [Resources]

  init(_ values: [Resources]) {
    self.values = values
    var uniform = SIMD16<Int64>.zero
    var varying: [(lane: Int, order: [Int32])] = []
    for lane in 0..<16 {
      guard let first = values.first?.values[lane] else { break }
      if values.allSatisfy({ $0.values[lane] == first }) {
        uniform[lane] = first
        continue
      }
      // Ties keep position order, as a pass in increasing position would find them.
      let order = values.indices.sorted { (values[$0].values[lane], -$0) > (values[$1].values[lane], -$1) }
      varying.append((lane, order.map { Int32($0) }))
    }
    self.uniform = uniform
    self.varying = varying
  }

  /// The same as `types.largest(of: values, floor: floor)`.
  func largest(in types: Bitset, floor: Int64 = 0) -> Resources {
    guard !types.isEmpty else { return Resources(SIMD16(repeating: floor)) }
    var out = uniform
    for (lane, order) in varying {
      for position in order where types.contains(Int(position)) {
        out[lane] = values[Int(position)].values[lane]
        break
      }
    }
    return Resources(out.lanewiseMax(SIMD16(repeating: floor)))
  }

  /// The smallest amounts over `types`, lane by lane (zero when it is empty): when a NodeClaim's
  /// requests fit in these, they fit in every one of its types.
  func smallest(in types: Bitset) -> Resources {
    guard !types.isEmpty else { return Resources() }
    var out = uniform
    for (lane, order) in varying {
      for position in order.reversed() where types.contains(Int(position)) {
        out[lane] = values[Int(position)].values[lane]
        break
      }
    }
    return Resources(out)
  }
}
