import Testing

@testable import Scheduling

/// The index answers what a pass over the set's members answers, for any set: the largest
/// amounts (with a floor) and the smallest.
@Suite struct LargestIndexTests {
  @Test func theIndexAgreesWithAPassOverTheMembers() {
    var state: UInt64 = 42
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % bound
    }
    for round in 0..<300 {
      let count = 1 + next(150)
      // Some lanes equal for every type, some with few distinct amounts (ties), some negative
      // (allocatable after a large DaemonSet overhead).
      let values = (0..<count).map { _ in
        Resources(
          SIMD16<Int64>(
            Int64(next(64_000)), Int64(next(4)) << 30, 110, Int64(next(3)) - 1, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            Int64(next(2))))
      }
      let index = LargestIndex(values)
      for _ in 0..<20 {
        var types = Bitset(count: count)
        let density = 1 + next(100)
        for position in 0..<count where next(100) < density { types.insert(position) }
        var smallest = SIMD16<Int64>.zero
        if let first = types.members.first {
          smallest = values[first].values
          for position in types.members {
            let v = values[position].values
            smallest = smallest.replacing(with: v, where: v .< smallest)
          }
        }
        #expect(index.smallest(in: types) == Resources(smallest), "round \(round)")
        for floor in [0, Int64.min] {
          #expect(index.largest(in: types, floor: floor) == types.largest(of: values, floor: floor), "round \(round)")
        }
      }
    }
  }
}
