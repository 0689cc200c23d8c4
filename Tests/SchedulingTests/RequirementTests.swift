import KarpenterAPI
import KubernetesAPI
import PropertyBased
import Testing

@testable import Scheduling

/// The requirements algebra: each operator's set, intersection, upstream's `Intersects` and
/// `Compatible`, minValues; Resources arithmetic; Bitset.
@Suite struct RequirementTests {
  let key = "example.com/key"

  func r(_ op: String, _ values: [String] = [], minValues: Int? = nil) -> Requirement {
    Requirement(key: key, operator: op, values: values, minValues: minValues)
  }

  // MARK: Operators

  @Test func operatorsAsSets() {
    #expect(r("In", ["a", "b"]).has("a"))
    #expect(!r("In", ["a", "b"]).has("c"))
    #expect(r("NotIn", ["a"]).has("b"))
    #expect(!r("NotIn", ["a"]).has("a"))
    #expect(r("Exists").has("anything"))
    #expect(!r("DoesNotExist").has("anything"))
    #expect(r("DoesNotExist").isEmpty)
    #expect(r("Gt", ["5"]).has("6"))
    #expect(!r("Gt", ["5"]).has("5"))
    #expect(!r("Gt", ["5"]).has("five"))
    #expect(r("Gte", ["5"]).has("5"))
    #expect(!r("Gte", ["5"]).has("4"))
    #expect(r("Lt", ["5"]).has("4"))
    #expect(!r("Lt", ["5"]).has("5"))
    #expect(r("Lte", ["5"]).has("5"))
    #expect(!r("Lte", ["5"]).has("6"))
    #expect(!r("Near", ["a"]).has("a"), "an unknown operator matches nothing")
  }

  @Test func operatorNames() {
    #expect(r("In", ["a"]).operatorName == "In")
    #expect(r("NotIn", ["a"]).operatorName == "NotIn")
    #expect(r("Exists").operatorName == "Exists")
    #expect(r("DoesNotExist").operatorName == "DoesNotExist")
    #expect(r("In", ["b", "a", "a"]).values == ["a", "b"], "values are sorted and unique")
    #expect(r("In", ["a"]).count == 1)
    #expect(r("NotIn", ["a"]).count == Int.max)
  }

  // MARK: Intersection

  @Test func intersectionOfFiniteAndComplementSets() {
    #expect(r("In", ["a", "b"]).intersection(r("In", ["b", "c"])).values == ["b"])
    let inNotIn = r("In", ["a", "b"]).intersection(r("NotIn", ["a"]))
    #expect(!inNotIn.complement && inNotIn.values == ["b"])
    let notInIn = r("NotIn", ["a"]).intersection(r("In", ["a", "b"]))
    #expect(!notInIn.complement && notInIn.values == ["b"])
    let notInNotIn = r("NotIn", ["a"]).intersection(r("NotIn", ["b"]))
    #expect(notInNotIn.complement && notInNotIn.values == ["a", "b"])
    #expect(notInNotIn.operatorName == "NotIn")
    #expect(r("Exists").intersection(r("In", ["a"])).values == ["a"])
    #expect(r("Exists").intersection(r("Exists")).operatorName == "Exists")
    #expect(r("DoesNotExist").intersection(r("Exists")).isEmpty)
    #expect(r("DoesNotExist").intersection(r("NotIn", ["a"])).isEmpty)
    #expect(r("In", ["a"]).intersection(r("In", ["b"])).isEmpty)
  }

  @Test func boundsIntersect() {
    let between = r("Gt", ["2"]).intersection(r("Lt", ["6"]))
    #expect(["3", "4", "5"].allSatisfy(between.has))
    #expect(!["2", "6", "x"].contains(where: between.has))
    #expect(r("Gt", ["5"]).intersection(r("Lt", ["6"])).isEmpty, "no integer is above 5 and below 6")
    #expect(r("Gte", ["5"]).intersection(r("Lte", ["5"])).has("5"))
    #expect(r("Gt", ["5"]).intersection(r("Lt", ["3"])).isEmpty)
    // Bounds filter a finite set.
    let filtered = r("In", ["1", "4", "9", "x"]).intersection(r("Gt", ["3"]))
    #expect(filtered.values == ["4", "9"])
    #expect(!r("In", ["1", "4"]).intersection(r("Lt", ["4"])).has("4"))
    // Tighter bounds win.
    let tight = r("Gt", ["2"]).intersection(r("Gt", ["4"]))
    #expect(!tight.has("4") && tight.has("5"))
    let tightUpper = r("Lt", ["9"]).intersection(r("Lte", ["5"]))
    #expect(tightUpper.has("5") && !tightUpper.has("6"))
  }

  @Test func intersectsAgreesWithIntersection() {
    #expect(r("In", ["a"]).intersects(r("In", ["a", "b"])))
    #expect(!r("In", ["a"]).intersects(r("In", ["b"])))
    #expect(r("NotIn", ["a"]).intersects(r("In", ["a", "b"])))
    #expect(!r("NotIn", ["a"]).intersects(r("In", ["a"])))
    #expect(r("Exists").intersects(r("NotIn", ["a"])))
    #expect(!r("DoesNotExist").intersects(r("Exists")))
    #expect(r("Gt", ["3"]).intersects(r("In", ["4"])))
    #expect(!r("Gt", ["3"]).intersects(r("In", ["3"])))
  }

  @Test func minValuesIsCarriedThroughIntersection() {
    #expect(r("In", ["a", "b", "c"], minValues: 2).intersection(r("In", ["a", "b"])).minValues == 2)
    #expect(r("In", ["a", "b"]).intersection(r("Exists", minValues: 3)).minValues == 3)
    #expect(
      r("In", ["a", "b"], minValues: 1).intersection(r("NotIn", ["c"], minValues: 2)).minValues == 2,
      "the larger minValues wins")
    #expect(r("In", ["a"]).intersection(r("In", ["a"])).minValues == nil)
    var requirements = Requirements([r("In", ["a", "b", "c"], minValues: 2)])
    requirements.add(r("NotIn", ["a"]))
    #expect(requirements[key]?.minValues == 2)
    #expect(requirements[key]?.values == ["b", "c"])
    let fromNodePool = Requirements(nodePoolRequirements: [
      NodeSelectorRequirementWithMinValues(
        key: WellKnown.instanceTypeLabel, operator: "In", values: ["m5.large", "c5.large"], minValues: 2)
    ])
    #expect(fromNodePool[WellKnown.instanceTypeLabel]?.minValues == 2)
  }

  // MARK: Property: intersection is set intersection

  static let sample = ["1", "2", "3", "5", "8", "a", "b", "c", "x"]
  static let operators = ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt", "Gte", "Lte"]

  /// A random requirement over a small universe of values.
  static let requirementGen = zip(
    Gen.int(in: 0...(operators.count - 1)).map { operators[$0] },
    Gen.int(in: 0...(sample.count - 1)).map { sample[$0] }.array(of: 0...3)
  ).map { op, values -> Requirement in
    let key = "example.com/key"
    switch op {
    case "Gt", "Lt", "Gte", "Lte":
      return Requirement(key: key, operator: op, values: [String(values.count * 2)])
    case "In", "NotIn": return Requirement(key: key, operator: op, values: values)
    default: return Requirement(key: key, operator: op)
    }
  }

  @Test func intersectionIsPointwiseAnd() async {
    await propertyCheck(count: 300, input: Self.requirementGen, Self.requirementGen) { a, b in
      let both = a.intersection(b)
      for v in Self.sample + ["0", "4", "9", "zz"] {
        #expect(both.has(v) == (a.has(v) && b.has(v)), "\(a) ∩ \(b) = \(both), value \(v)")
      }
      #expect(
        a.intersection(b) == b.intersection(a)
          || a.intersection(b).description == b.intersection(a).description)
    }
  }

  @Test func intersectionIsAssociativeOnValues() async {
    await propertyCheck(count: 200, input: Self.requirementGen, Self.requirementGen, Self.requirementGen) {
      a, b, c in
      let left = a.intersection(b).intersection(c)
      let right = a.intersection(b.intersection(c))
      for v in Self.sample + ["0", "4", "9"] {
        #expect(left.has(v) == right.has(v), "(\(a) ∩ \(b)) ∩ \(c) vs \(a) ∩ (\(b) ∩ \(c)) at \(v)")
      }
    }
  }

  @Test func intersectsMeansSomeValueIsShared() async {
    await propertyCheck(count: 300, input: Self.requirementGen, Self.requirementGen) { a, b in
      // Over a universe large enough to witness: the sample plus fresh values.
      let witnesses = Self.sample + ["0", "4", "6", "7", "9", "10", "fresh"]
      let shared = witnesses.contains { a.has($0) && b.has($0) }
      if shared { #expect(a.intersects(b), "\(a) and \(b) share a value") }
      if !a.intersects(b) { #expect(!shared) }
    }
  }

  // MARK: Requirements

  @Test func requirementsAddIntersectsPerKey() {
    var requirements = Requirements()
    requirements.add(Requirement(key: "b", operator: "In", values: ["1", "2"]))
    requirements.add(Requirement(key: "a", operator: "Exists"))
    requirements.add(Requirement(key: "b", operator: "NotIn", values: ["1"]))
    #expect(requirements.keys == ["a", "b"], "kept sorted by key")
    #expect(requirements["b"]?.values == ["2"])
    #expect(requirements.has("a"))
    #expect(!requirements.has("c"))
    #expect(requirements["c"] == nil)
    #expect(Requirements(labels: ["k": "v"])["k"]?.values == ["v"])
    #expect(
      Requirements(labels: ["failure-domain.beta.kubernetes.io/zone": "z"])[WellKnown.zoneLabel]?.values == [
        "z"
      ], "beta labels are normalized")
    #expect(
      requirements.adding(Requirements([Requirement(key: "b", operator: "In", values: ["3"])]))["b"]?.isEmpty
        == true)
  }

  @Test func intersectionProblem() {
    let zoneA = Requirements([Requirement(key: "zone", operator: "In", values: ["a"])])
    let zoneB = Requirements([Requirement(key: "zone", operator: "In", values: ["b"])])
    let zoneAB = Requirements([Requirement(key: "zone", operator: "In", values: ["a", "b"])])
    #expect(zoneA.intersectionProblem(zoneAB) == nil)
    #expect(zoneA.intersectionProblem(zoneB) != nil)
    #expect(!zoneA.intersects(zoneB))
    // Keys only one side constrains never conflict.
    let arch = Requirements([Requirement(key: "arch", operator: "In", values: ["arm64"])])
    #expect(zoneA.intersectionProblem(arch) == nil)
    // Two exclusions never conflict: a node without the label satisfies both.
    let notInA = Requirements([Requirement(key: "zone", operator: "NotIn", values: ["a"])])
    let doesNotExist = Requirements([Requirement(key: "zone", operator: "DoesNotExist")])
    #expect(notInA.intersectionProblem(doesNotExist) == nil)
    #expect(doesNotExist.intersectionProblem(doesNotExist) == nil)
    #expect(doesNotExist.intersectionProblem(notInA) == nil)
    // An exclusion against an inclusion can.
    #expect(notInA.intersectionProblem(zoneA) != nil)
    #expect(doesNotExist.intersectionProblem(zoneA) != nil)
    let exists = Requirements([Requirement(key: "zone", operator: "Exists")])
    #expect(doesNotExist.intersectionProblem(exists) != nil)
    #expect(exists.intersectionProblem(notInA) == nil)
  }

  @Test func compatibilityProblem() {
    let node = Requirements([
      Requirement(key: WellKnown.archLabel, operator: "In", values: ["amd64"]),
      Requirement(key: "team", operator: "In", values: ["a"]),
    ])
    // Keys the node does not define: only exclusions, or allowed-undefined keys, pass.
    let wantsZone = Requirements([Requirement(key: WellKnown.zoneLabel, operator: "In", values: ["z"])])
    #expect(node.compatibilityProblem(wantsZone) != nil)
    #expect(node.compatibilityProblem(wantsZone, allowUndefined: [WellKnown.zoneLabel]) == nil)
    #expect(node.compatibilityProblem(wantsZone, allowUndefined: WellKnown.wellKnownLabels) == nil)
    let wantsCustom = Requirements([Requirement(key: "example.com/gpu", operator: "Exists")])
    #expect(
      node.compatibilityProblem(wantsCustom, allowUndefined: WellKnown.wellKnownLabels)?.contains(
        "example.com/gpu") == true)
    let avoids = Requirements([
      Requirement(key: "example.com/gpu", operator: "NotIn", values: ["x"]),
      Requirement(key: "example.com/spot", operator: "DoesNotExist"),
    ])
    #expect(node.compatibilityProblem(avoids) == nil)
    // Keys both define must intersect.
    #expect(
      node.compatibilityProblem(Requirements([Requirement(key: "team", operator: "In", values: ["a", "b"])]))
        == nil)
    #expect(
      node.compatibilityProblem(Requirements([Requirement(key: "team", operator: "In", values: ["b"])]))
        != nil)
    #expect(
      node.compatibilityProblem(
        Requirements([Requirement(key: WellKnown.archLabel, operator: "NotIn", values: ["amd64"])]),
        allowUndefined: WellKnown.wellKnownLabels) != nil)
    #expect(node.compatibilityProblem(Requirements()) == nil)
  }

  @Test func singleValueLabels() {
    let requirements = Requirements([
      Requirement(key: "a", operator: "In", values: ["1"]),
      Requirement(key: "b", operator: "In", values: ["1", "2"]),
      Requirement(key: "c", operator: "NotIn", values: ["1"]),
    ])
    #expect(requirements.singleValueLabels == ["a": "1"])
  }

  @Test func instanceTypeRequirementsAndOfferings() {
    let type = InstanceType(
      name: "t1", labels: [WellKnown.archLabel: "amd64"],
      offerings: [
        Offering(zone: "b", capacityType: "on-demand", price: 0.2),
        Offering(zone: "a", capacityType: "spot", price: 0.3),
        Offering(zone: "c", capacityType: "spot", price: 0.1, available: false),
      ],
      capacity: Resources(cpuMilli: 2000, memory: 4 * gib, pods: 10), overhead: Resources(cpuMilli: 100))
    #expect(type.requirements[WellKnown.instanceTypeLabel]?.values == ["t1"])
    #expect(type.requirements[WellKnown.zoneLabel]?.values == ["a", "b", "c"])
    #expect(type.requirements[WellKnown.capacityTypeLabel]?.values == ["on-demand", "spot"])
    #expect(type.allocatable == Resources(cpuMilli: 1900, memory: 4 * gib, pods: 10))
    // Spot first when allowed, even when on-demand is cheaper; unavailable offerings never.
    #expect(type.cheapestOffering(allowedBy: Requirements())?.zone == "a")
    let onDemand = Requirements([
      Requirement(key: WellKnown.capacityTypeLabel, operator: "In", values: ["on-demand"])
    ])
    #expect(type.price(allowedBy: onDemand) == 0.2)
    let zoneC = Requirements([Requirement(key: WellKnown.zoneLabel, operator: "In", values: ["c"])])
    #expect(!type.hasOffering(allowedBy: zoneC))
  }

  // MARK: Resources

  @Test func resourcesArithmeticAndFits() {
    let a = Resources(cpuMilli: 1500, memory: 2 * gib, pods: 1)
    let b = Resources(cpuMilli: 500, memory: gib, pods: 2, ephemeralStorage: 10)
    let sum = a + b
    #expect(
      sum.cpuMilli == 2000 && sum.memory == 3 * gib && sum.pods == 3
        && sum[ResourceSchema.ephemeralStorage] == 10)
    #expect(sum - b == a)
    var c = a
    c += b
    c -= a
    #expect(c == b)
    #expect(a.fits(in: sum))
    #expect(!sum.fits(in: a))
    #expect(Resources.zero.fits(in: a))
    #expect(a.fits(in: a), "fitting is inclusive")
    #expect(!Resources(cpuMilli: 1).fits(in: Resources()))
    #expect(!(a - b - b - b).fits(in: Resources()) || (a - b - b - b).hasNegative)
    #expect((a - b - b - b).hasNegative)
    #expect(!a.hasNegative)
    #expect(a.maximum(b) == Resources(cpuMilli: 1500, memory: 2 * gib, pods: 2, ephemeralStorage: 10))
    #expect(
      sum.exceeding(a) == [
        ResourceSchema.cpu, ResourceSchema.memory, ResourceSchema.pods, ResourceSchema.ephemeralStorage,
      ])
    #expect(a.exceeding(sum).isEmpty)
  }

  @Test func resourcesFitIsPointwise() async {
    let vector = zip(Gen.int64(in: 0...4000), Gen.int64(in: 0...4000), Gen.int64(in: 0...20)).map {
      Resources(cpuMilli: $0, memory: $1, pods: $2)
    }
    await propertyCheck(count: 300, input: vector, vector) { a, b in
      #expect(a.fits(in: b) == (a.cpuMilli <= b.cpuMilli && a.memory <= b.memory && a.pods <= b.pods))
      #expect((a + b) - b == a)
      #expect(a.fits(in: a + b))
      #expect(a.maximum(b) == b.maximum(a))
      #expect(a.fits(in: a.maximum(b)) && b.fits(in: a.maximum(b)))
    }
  }

  @Test func resourceSchema() throws {
    var schema = ResourceSchema()
    let gpu = try schema.slot(for: "nvidia.com/gpu")
    #expect(gpu == 4)
    #expect(try schema.slot(for: "nvidia.com/gpu") == gpu)
    #expect(schema.existingSlot(for: "cpu") == ResourceSchema.cpu)
    let v = try schema.vector([
      "cpu": Quantity(milli: 1500), "memory": Quantity(gib, format: .binarySI), "nvidia.com/gpu": Quantity(2),
    ])
    #expect(v.cpuMilli == 1500 && v.memory == gib && v[gpu] == 2)
    for i in 0..<(ResourceSchema.slotCount - 5) { _ = try schema.slot(for: "example.com/r\(i)") }
    #expect(throws: ResourceSchema.TooManyResources.self) { try schema.slot(for: "example.com/one-too-many") }
  }

  // MARK: Bitset

  @Test func bitsetBasics() {
    var set = Bitset(count: 130)
    #expect(set.isEmpty && set.cardinality == 0)
    for i in [0, 63, 64, 129] { set.insert(i) }
    #expect(set.members == [0, 63, 64, 129])
    #expect(set.contains(64) && !set.contains(65))
    set.remove(63)
    #expect(set.cardinality == 3)
    let full = Bitset(count: 130, full: true)
    #expect(full.cardinality == 130, "a full set has exactly count members")
    #expect(full.members.last == 129)
    #expect(Bitset(count: 64, full: true).cardinality == 64)
    var evens = Bitset(count: 130)
    for i in stride(from: 0, to: 130, by: 2) { evens.insert(i) }
    #expect(set.intersection(evens).members == [0, 64])
    var copy = full
    copy.formIntersection(evens)
    #expect(copy == evens)
    #expect(evens.first { $0 > 100 } == 102)
    #expect(evens.first { $0 > 200 } == nil)
    var seen: [Int] = []
    set.forEach { seen.append($0) }
    #expect(seen == [0, 64, 129])
  }

  @Test func bitsetMatchesASet() async {
    await propertyCheck(
      count: 200, input: Gen.int(in: 0...199).array(of: 0...40), Gen.int(in: 0...199).array(of: 0...40)
    ) { a, b in
      var x = Bitset(count: 200)
      var y = Bitset(count: 200)
      for i in a { x.insert(i) }
      for i in b { y.insert(i) }
      #expect(x.members == Set(a).sorted())
      #expect(x.cardinality == Set(a).count)
      #expect(x.intersection(y).members == Set(a).intersection(b).sorted())
    }
  }

  @Test func growableBitset() {
    var set = GrowableBitset()
    #expect(!set.contains(1000))
    set.insert(1000)
    set.insert(3)
    #expect(set.contains(1000) && set.contains(3) && !set.contains(4))
  }
}
