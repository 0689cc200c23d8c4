import Foundation
import Testing

@testable import ControllerRuntime

@Suite struct LeaderElectorTests {
  let t0 = Date(timeIntervalSince1970: 1_800_000_000)

  func held(by holder: String, renewedAt: Date, transitions: Int = 0) -> LeaderElector.Record {
    LeaderElector.Record(
      holderIdentity: holder, leaseDurationSeconds: 15, acquireTime: renewedAt, renewTime: renewedAt,
      leaseTransitions: transitions)
  }

  @Test func theFirstReplicaCreatesTheLease() {
    let elector = LeaderElector(identity: "a")
    guard case .create(let record) = elector.decide(nil, now: t0) else {
      Issue.record("expected a create")
      return
    }
    #expect(record.holderIdentity == "a")
    #expect(record.leaseDurationSeconds == 15)
  }

  @Test func theHolderRenews() {
    let elector = LeaderElector(identity: "a")
    let decision = elector.decide(held(by: "a", renewedAt: t0), now: t0 + 2)
    #expect(decision == .update(LeaderElector.Record(holderIdentity: "a", leaseDurationSeconds: 15, acquireTime: t0, renewTime: t0 + 2, leaseTransitions: 0)))
  }

  @Test(arguments: [(0.0, false), (5, false), (14.9, false), (15, true), (40, true)])
  func aStandbyTakesOverOnceTheLeaseRanOutSinceTheLastRenewal(after seconds: Double, takesOver: Bool) {
    let elector = LeaderElector(identity: "b")
    let decision = elector.decide(held(by: "a", renewedAt: t0, transitions: 3), now: t0 + seconds)
    if takesOver {
      #expect(decision == .update(LeaderElector.Record(holderIdentity: "b", leaseDurationSeconds: 15, acquireTime: t0 + seconds, renewTime: t0 + seconds, leaseTransitions: 4)))
    } else if case .wait(let until) = decision {
      // It looks again no later than the retry period, and not after the lease runs out.
      #expect(until <= t0 + 15)
      #expect(until <= t0 + seconds + LeaderElector.retryPeriod)
    } else {
      Issue.record("expected to wait, got \(decision)")
    }
  }

  @Test func aReleasedLeaseIsTakenAtOnce() {
    let leader = LeaderElector(identity: "a")
    let released = leader.released(held(by: "a", renewedAt: t0), now: t0 + 1)!
    #expect(released.holderIdentity == "")
    let standby = LeaderElector(identity: "b")
    guard case .update(let record) = standby.decide(released, now: t0 + 1.5) else {
      Issue.record("expected a takeover")
      return
    }
    #expect(record.holderIdentity == "b")
    #expect(record.leaseTransitions == 0)
  }

  @Test func aLeaderThatCannotRenewStepsDownAfterTheRenewDeadline() {
    var elector = LeaderElector(identity: "a")
    elector.wrote(at: t0)
    #expect(!elector.mustStepDown(at: t0 + 9.9))
    #expect(elector.mustStepDown(at: t0 + 10))
  }

  @Test func onlyTheHolderReleases() {
    #expect(LeaderElector(identity: "b").released(held(by: "a", renewedAt: t0), now: t0) == nil)
  }
}
