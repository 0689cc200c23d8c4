import Testing

@testable import KubernetesClient

@Suite struct RateLimiterTests {
  @Test func aBurstGoesAtOnceThenRequestsAreSpacedByTheRate() {
    var limiter = RateLimiter(qps: 10, burst: 3)
    #expect((0..<3).map { _ in limiter.reserve(at: 0) } == [0, 0, 0])
    // The fourth waits one token's time, the fifth two.
    #expect(abs(limiter.reserve(at: 0) - 0.1) < 1e-9)
    #expect(abs(limiter.reserve(at: 0) - 0.2) < 1e-9)
  }

  @Test func tokensComeBackWithTimeButNoMoreThanTheBurst() {
    var limiter = RateLimiter(qps: 10, burst: 3)
    for _ in 0..<3 { _ = limiter.reserve(at: 0) }
    #expect(limiter.reserve(at: 0.1) == 0)  // one token came back
    #expect(abs(limiter.reserve(at: 0.1) - 0.1) < 1e-9)
    // After a long quiet spell only `burst` requests go at once.
    #expect((0..<3).map { _ in limiter.reserve(at: 100) } == [0, 0, 0])
    #expect(limiter.reserve(at: 100) > 0)
  }

  @Test func karpentersDefaultIs200PerSecondWithABurstOf300() {
    var limiter = RateLimiter.karpenterDefault
    #expect((0..<300).allSatisfy { _ in limiter.reserve(at: 0) == 0 })
    #expect(abs(limiter.reserve(at: 0) - 1.0 / 200) < 1e-9)
  }
}
