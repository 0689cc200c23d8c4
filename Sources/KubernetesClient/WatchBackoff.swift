/// The waits of a reflector between failed attempts, as client-go's reflector spaces them: 0.8 s
/// after the first failure, doubling up to 30 s, each lengthened at random by up to `jitter`
/// of itself so that many clients restarted together do not return together. A healthy watch
/// resets the count.
public struct WatchBackoff: Sendable, Hashable {
  public var initial: Duration
  public var maximum: Duration
  /// Each wait is lengthened by up to this fraction of itself, at random.
  public var jitter: Double
  /// A watch that lasted this long, or delivered an event, counts as healthy.
  public var healthyAfter: Duration

  public init(
    initial: Duration = .milliseconds(800), maximum: Duration = .seconds(30), jitter: Double = 1.0,
    healthyAfter: Duration = .seconds(120)
  ) {
    self.initial = initial
    self.maximum = maximum
    self.jitter = max(0, jitter)
    self.healthyAfter = healthyAfter
  }

  /// The wait after `failures` failures in a row (1 for the first), `random` in 0...1 choosing
  /// the jitter.
  public func delay(afterFailures failures: Int, random: Double) -> Duration {
    let doubled = initial * (1 << min(max(failures - 1, 0), 30))
    let base = min(doubled, maximum)
    return base * (1 + jitter * min(max(random, 0), 1))
  }
}
