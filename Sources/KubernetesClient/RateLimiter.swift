/// Client-side request throttling as client-go's token bucket does it: `qps` tokens a second
/// up to `burst` held; a request takes one token, and when none is left it waits until one is
/// due. Upstream Karpenter sets KUBE_CLIENT_QPS=200 and KUBE_CLIENT_BURST=300. Time is passed in
/// (seconds on any monotonic clock), so the limiter is a value the caller can test and sleep on.
public struct RateLimiter: Sendable, Equatable {
  public let qps: Double
  public let burst: Int
  /// Tokens held at `updated`.
  private var tokens: Double
  private var updated: Double?

  /// Upstream Karpenter's settings.
  public static let karpenterDefault = RateLimiter(qps: 200, burst: 300)

  public init(qps: Double, burst: Int) {
    precondition(qps > 0 && burst > 0, "a rate limiter needs a positive rate and burst")
    self.qps = qps
    self.burst = burst
    self.tokens = Double(burst)
  }

  /// Takes a token for a request made at `time`; returns how long the request must wait first
  /// (0 when a token was there). Tokens taken ahead of time are owed: later requests wait longer.
  public mutating func reserve(at time: Double) -> Double {
    if let updated, time > updated {
      tokens = min(Double(burst), tokens + (time - updated) * qps)
    }
    updated = max(updated ?? time, time)
    tokens -= 1
    return tokens >= 0 ? 0 : -tokens / qps
  }
}
