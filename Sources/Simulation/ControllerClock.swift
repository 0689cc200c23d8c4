/// The time the controllers run on. Everything they schedule is a wake-up at a number of
/// seconds since they started; the clock decides how that time passes.
public protocol ControllerClock: Sendable {
  /// Returns once `time` (seconds since the start) is reached; throws CancellationError when
  /// the waiting task is cancelled.
  func wait(until time: Double) async throws
  /// Seconds since the start when the clock runs on its own (the wall clock); nil for virtual
  /// time, which is wherever the controllers last woke up.
  var elapsed: Double? { get }
}

/// Virtual time: nothing sleeps, so a day runs in seconds (`karpenter simulate`).
public struct VirtualClock: ControllerClock {
  public init() {}
  public func wait(until time: Double) async throws {}
  public var elapsed: Double? { nil }
}

/// Wall-clock time, optionally sped up (`karpenter controller`): a wake-up at second `t`
/// happens `t / speed` real seconds after the start.
public struct WallClock: ControllerClock {
  let start: ContinuousClock.Instant
  let speed: Double

  /// A clock whose second 0 is now.
  public init(speed: Double = 1) {
    start = ContinuousClock.now
    self.speed = speed
  }

  public var elapsed: Double? { now }

  /// Seconds since the start, in the controllers' time (real seconds times `speed`).
  public var now: Double {
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return seconds * speed
  }

  public func wait(until time: Double) async throws {
    // Running behind (a fast clock, a big cluster) must not make it deaf to cancellation.
    try Task.checkCancellation()
    // In steps of at most an hour of real time: `Duration.seconds` traps on a delay too large
    // for it (a far wake-up at a tiny speed), and a step that short costs nothing.
    while true {
      let delay = (time - now) / speed
      guard delay > 0 else { return }
      try await Task.sleep(for: .seconds(min(delay, 3600)))
    }
  }
}
