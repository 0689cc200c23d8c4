import Controllers
import Testing

/// Upstream's unavailable-offerings cache as a value: an offering a launch failed on is held
/// for three minutes from the failure, then forgotten.
@Suite struct UnavailableOfferingsTests {
  static let spot = OfferingKey(instanceType: "m5.large", zone: "us-east-1a", capacityType: "spot")
  static let onDemand = OfferingKey(instanceType: "m5.large", zone: "us-east-1a", capacityType: "on-demand")

  @Test(arguments: [(10.0, true), (100, true), (189.999, true), (190, false), (1000, false)])
  func anOfferingMarkedAtTenIsUnavailableUntilThreeMinutesLater(time: Double, unavailable: Bool) {
    var cache = UnavailableOfferings()
    cache.markUnavailable(Self.spot, at: 10)
    #expect(cache.isUnavailable(Self.spot, at: time) == unavailable)
    #expect(!cache.isUnavailable(Self.onDemand, at: time))
  }

  @Test func expiringForgetsOnlyTheEntriesThatAreOver() {
    var cache = UnavailableOfferings()
    cache.markUnavailable(Self.spot, at: 0)
    cache.markUnavailable(Self.onDemand, at: 100)
    #expect(cache.offerings == [Self.spot, Self.onDemand])

    cache.expire(at: 179)
    #expect(cache.offerings == [Self.spot, Self.onDemand])
    cache.expire(at: 180)
    #expect(cache.offerings == [Self.onDemand])
    cache.expire(at: 280)
    #expect(cache.isEmpty)
  }

  @Test func anotherFailureStartsTheThreeMinutesAgain() {
    var cache = UnavailableOfferings()
    cache.markUnavailable(Self.spot, at: 0)
    cache.markUnavailable(Self.spot, at: 100)
    #expect(cache.expiry(of: Self.spot) == 280)
    #expect(cache.isUnavailable(Self.spot, at: 200))
    #expect(UnavailableOfferings.ttl == 180)
  }
}
