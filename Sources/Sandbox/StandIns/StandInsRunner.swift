import APIServer
import Foundation
import Synchronization

/// The stand-ins as the sandbox's reconcilers run them: one ``StandIns`` value behind its own
/// lock (it keeps a cache between calls), run until quiet after every write and on every tick.
///
/// The sandbox calls reconcilers while it holds the store's lock, so this lock is only ever
/// taken inside that one and the two cannot deadlock.
public final class StandInsRunner: Sendable {
  private let standIns = Mutex(StandIns())
  /// The most rounds one call runs: a workload whose writes keep failing admission would
  /// otherwise keep the caller busy for ever.
  public let maxRounds: Int

  public init(maxRounds: Int = 64) { self.maxRounds = maxRounds }

  /// Runs the stand-ins until they write nothing more (at most ``maxRounds`` rounds); returns
  /// the number of rounds that wrote.
  @discardableResult
  public func reconcile(_ store: inout APIStore, now: Date) -> Int {
    standIns.withLock { $0.reconcileUntilQuiet(&store, now: now, maxRounds: maxRounds) }
  }

  /// The closure `SandboxOptions.reconcilers` takes.
  public var reconciler: @Sendable (inout APIStore, Date) -> Void {
    { [self] store, now in reconcile(&store, now: now) }
  }

  /// The writes the stand-ins could not make lately, oldest first.
  public var problems: [StandInProblem] { standIns.withLock { $0.problems } }
}
