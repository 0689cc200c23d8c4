import Foundation

/// Leader election on a coordination.k8s.io/v1 Lease, as controller-runtime does it for
/// upstream Karpenter: Lease `karpenter-leader-election`, 15 s lease, renewed every 2 s, given
/// up when it could not be renewed for 10 s, released on shutdown (upstream sets
/// `LeaderElectionReleaseOnCancel`).
///
/// A value without I/O: `decide` looks at the Lease as read and says what to write. A
/// candidate takes over once the holder's last renewal plus the lease duration has passed
/// (client-go counts from when it saw the record change; the record's own renewTime is used here
/// so that a standby replica takes over within the lease duration of the leader's last renewal,
/// which assumes the replicas' clocks agree to within a second, as NTP keeps them).
public struct LeaderElector: Sendable {
  public static let leaseName = "karpenter-leader-election"
  public static let leaseDuration: TimeInterval = 15
  public static let renewDeadline: TimeInterval = 10
  public static let retryPeriod: TimeInterval = 2

  public let identity: String
  /// When this replica last renewed its lease, while it leads.
  public private(set) var renewedAt: Date?

  public init(identity: String) {
    self.identity = identity
  }

  public var isLeader: Bool { renewedAt != nil }

  /// The Lease's spec as it matters here.
  public struct Record: Sendable, Equatable {
    public var holderIdentity: String?
    public var leaseDurationSeconds: Int
    public var acquireTime: Date?
    public var renewTime: Date?
    public var leaseTransitions: Int

    public init(
      holderIdentity: String?, leaseDurationSeconds: Int, acquireTime: Date?, renewTime: Date?, leaseTransitions: Int
    ) {
      self.holderIdentity = holderIdentity
      self.leaseDurationSeconds = leaseDurationSeconds
      self.acquireTime = acquireTime
      self.renewTime = renewTime
      self.leaseTransitions = leaseTransitions
    }
  }

  public enum Decision: Sendable, Equatable {
    /// No Lease yet: create it holding it.
    case create(Record)
    /// Write this record over the one read (a renewal or a takeover), guarded by its
    /// resourceVersion.
    case update(Record)
    /// Someone else holds it: look again at `until` at the latest.
    case wait(until: Date)
  }

  /// What to do with the Lease as read at `now` (nil: it does not exist).
  public func decide(_ current: Record?, now: Date) -> Decision {
    let duration = Int(Self.leaseDuration)
    guard let current else {
      return .create(
        Record(holderIdentity: identity, leaseDurationSeconds: duration, acquireTime: now, renewTime: now, leaseTransitions: 0))
    }
    if current.holderIdentity == identity {
      var renewed = current
      renewed.renewTime = now
      renewed.leaseDurationSeconds = duration
      return .update(renewed)
    }
    let held = !(current.holderIdentity ?? "").isEmpty
    if held, let renewed = current.renewTime {
      let expiry = min(renewed, now).addingTimeInterval(TimeInterval(current.leaseDurationSeconds))
      if expiry > now { return .wait(until: min(expiry, now.addingTimeInterval(Self.retryPeriod))) }
    }
    return .update(
      Record(
        holderIdentity: identity, leaseDurationSeconds: duration, acquireTime: now, renewTime: now,
        leaseTransitions: current.leaseTransitions + (held ? 1 : 0)))
  }

  /// The write of `decision` succeeded at `now`.
  public mutating func wrote(at now: Date) { renewedAt = now }

  /// Whether a leader that could not renew since `renewedAt` must give up at `now`.
  public func mustStepDown(at now: Date) -> Bool {
    guard let renewedAt else { return false }
    return now.timeIntervalSince(renewedAt) >= Self.renewDeadline
  }

  /// The record that gives the Lease up (client-go's release: no holder, a one-second lease).
  public func released(_ current: Record, now: Date) -> Record? {
    guard current.holderIdentity == identity else { return nil }
    return Record(
      holderIdentity: "", leaseDurationSeconds: 1, acquireTime: now, renewTime: now,
      leaseTransitions: current.leaseTransitions)
  }

  public mutating func stepDown() { renewedAt = nil }
}
