import Foundation
import Synchronization

/// What `/healthz` and `/readyz` answer, as upstream's manager does: live while the process
/// serves and, when this replica leads, while its controllers' loop keeps turning; ready once
/// this replica either waits as a standby or leads with every informer synced.
public final class ControllerHealth: Sendable {
  public enum Phase: Sendable, Equatable {
    /// Starting up: leader election has not answered yet.
    case starting
    /// Another replica holds the Lease; this one waits to take over.
    case standby
    /// This replica leads; `synced` once every informer has listed.
    case leading(synced: Bool)
  }

  /// How long the leader's loop may go without a turn before /healthz fails (the loop turns
  /// every 100 ms; a minute without one means it is stuck).
  public static let stallLimit: TimeInterval = 60

  private let state = Mutex<(phase: Phase, lastTurn: Date)>((.starting, Date()))
  private let clock: @Sendable () -> Date

  public init(clock: @escaping @Sendable () -> Date = Date.init) { self.clock = clock }

  public var phase: Phase { state.withLock { $0.phase } }

  public func set(_ phase: Phase) {
    let now = clock()
    state.withLock { $0 = (phase, now) }
  }

  /// The controllers' loop turned.
  public func turned() {
    let now = clock()
    state.withLock { $0.lastTurn = now }
  }

  /// Nil when live, else why not.
  public var livenessProblem: String? {
    let (phase, lastTurn) = state.withLock { ($0.phase, $0.lastTurn) }
    guard case .leading = phase else { return nil }
    let idle = clock().timeIntervalSince(lastTurn)
    return idle > Self.stallLimit
      ? "the controllers' loop has not turned for \(Int(idle)) s" : nil
  }

  /// Nil when ready, else why not.
  public var readinessProblem: String? {
    switch phase {
    case .starting: "leader election has not answered yet"
    case .standby: nil
    case .leading(synced: false): "the informers have not listed every resource yet"
    case .leading(synced: true): livenessProblem
    }
  }
}
