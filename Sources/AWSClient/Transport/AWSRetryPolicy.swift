/// When and how long to wait before trying a call again: the SDKs' "standard" mode.
///
/// Throttling codes, HTTP 5xx and transport failures are retried up to ``maxAttempts`` in all,
/// waiting a random time in `0 ..< min(maxBackoff, baseDelay * 2^attempt)` (full jitter).
public struct AWSRetryPolicy: Sendable {
  /// Total attempts, the first included.
  public var maxAttempts: Int
  public var baseDelay: Duration
  public var maxBackoff: Duration
  /// Per-attempt timeout.
  public var timeout: Duration

  public init(
    maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(100), maxBackoff: Duration = .seconds(20),
    timeout: Duration = .seconds(30)
  ) {
    self.maxAttempts = max(1, maxAttempts)
    self.baseDelay = baseDelay
    self.maxBackoff = maxBackoff
    self.timeout = timeout
  }

  public static let `default` = AWSRetryPolicy()

  /// The codes AWS services use for "slow down".
  public static let throttlingCodes: Set<String> = [
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
    "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
    "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
  ]

  /// Codes that mean a transient server-side failure whatever the status.
  public static let transientCodes: Set<String> = [
    "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
  ]

  /// Whether an error answer is worth another attempt.
  public func isRetryable(_ error: AWSError) -> Bool {
    switch error.kind {
    case .transport: return true
    case .credentials: return false
    case .service, .malformedResponse:
      if let code = error.code, Self.throttlingCodes.contains(code) || Self.transientCodes.contains(code) {
        return true
      }
      if let status = error.statusCode, status >= 500 || status == 429 { return true }
      return false
    }
  }

  /// The wait before attempt `attempt + 1` (attempt counts from 1), with full jitter.
  public func backoff(afterAttempt attempt: Int, random: Double = Double.random(in: 0..<1)) -> Duration {
    let exponent = min(attempt - 1, 30)
    let ceiling = min(maxBackoff, baseDelay * (1 << exponent))
    return ceiling * random
  }
}
