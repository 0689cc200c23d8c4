import KubernetesClient
import Testing

@Suite struct WatchBackoffTests {
  @Test func waitsDoubleFromPointEightSecondsToThirtySeconds() {
    let backoff = WatchBackoff()
    let waits = (1...8).map { backoff.delay(afterFailures: $0, random: 0) }
    #expect(
      waits == [
        .milliseconds(800), .milliseconds(1600), .milliseconds(3200), .milliseconds(6400),
        .milliseconds(12800),
        .milliseconds(25600), .seconds(30), .seconds(30),
      ])
    #expect(backoff.delay(afterFailures: 1000, random: 0) == .seconds(30))
  }

  @Test func jitterLengthensAWaitByUpToItsFraction() {
    let backoff = WatchBackoff(jitter: 0.5)
    #expect(backoff.delay(afterFailures: 1, random: 1) == .milliseconds(1200))
    #expect(backoff.delay(afterFailures: 7, random: 1) == .seconds(45))
  }
}
