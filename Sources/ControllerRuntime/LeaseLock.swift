import Foundation
import KubernetesClient
import KubernetesAPI

/// The Lease behind leader election, read and written through the API: every write is guarded
/// by the resourceVersion read, so two replicas never both win (the loser's write gets 409).
public struct LeaseLock: Sendable {
  public let api: any ClusterAPI
  public let namespace: String
  public let name: String

  public init(api: any ClusterAPI, namespace: String, name: String = LeaderElector.leaseName) {
    self.api = api
    self.namespace = namespace
    self.name = name
  }

  /// The Lease as read, with the resourceVersion a write over it must carry.
  public struct Observed: Sendable {
    public var record: LeaderElector.Record
    public var resourceVersion: String?
  }

  /// The Lease and its resourceVersion; nil when there is none.
  public func read() async throws -> Observed? {
    let request = APIRequest(.get, APIPaths.lease(namespace: namespace, name: name))
    let response = try await api.send(request)
    if response.status == 404 { return nil }
    guard response.isSuccess else { throw ClusterAPIError(request, response) }
    let lease = try response.decode(Lease.self)
    let spec = lease.spec
    let record = LeaderElector.Record(
      holderIdentity: spec?.holderIdentity, leaseDurationSeconds: Int(spec?.leaseDurationSeconds ?? 15),
      acquireTime: spec?.acquireTime.flatMap(Self.parse), renewTime: spec?.renewTime.flatMap(Self.parse),
      leaseTransitions: Int(spec?.leaseTransitions ?? 0))
    return Observed(record: record, resourceVersion: lease.metadata.resourceVersion)
  }

  /// Creates the Lease (nil resourceVersion) or replaces it; false when someone else wrote it
  /// first (409 Conflict or 409 AlreadyExists).
  public func write(_ record: LeaderElector.Record, over resourceVersion: String?, creating: Bool) async throws -> Bool {
    var metadata: [String: Any] = ["name": name, "namespace": namespace]
    if let resourceVersion { metadata["resourceVersion"] = resourceVersion }
    var spec: [String: Any] = [
      "holderIdentity": record.holderIdentity ?? "", "leaseDurationSeconds": record.leaseDurationSeconds,
      "leaseTransitions": record.leaseTransitions,
    ]
    if let t = record.acquireTime { spec["acquireTime"] = Self.format(t) }
    if let t = record.renewTime { spec["renewTime"] = Self.format(t) }
    let body = APIRequest.json([
      "apiVersion": Lease.apiVersion, "kind": Lease.kind, "metadata": metadata, "spec": spec,
    ])
    let request =
      creating
      ? APIRequest(.post, APIPaths.leases(namespace: namespace), body: body)
      : APIRequest(.put, APIPaths.lease(namespace: namespace, name: name), body: body)
    let response = try await api.send(request)
    if response.status == 409 { return false }
    guard response.isSuccess else { throw ClusterAPIError(request, response) }
    return true
  }

  /// MicroTime: RFC 3339 with microseconds.
  static func format(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let text = f.string(from: date)  // milliseconds
    return text.replacingOccurrences(of: "Z", with: "000Z")
  }

  static func parse(_ text: String) -> Date? { Timestamps.parse(text) }
}

/// Runs leader election until the task is cancelled: `lead` runs while this replica holds the
/// Lease; losing it (no renewal for the renew deadline) ends `lead` by cancellation and the
/// call returns `.lost`, as upstream's manager exits then. On cancellation the Lease is released.
public enum LeaderElection {
  public enum Outcome: Sendable { case lost, stopped }

  public static func run(
    lock: LeaseLock, identity: String, log: @escaping @Sendable (String, [String: String]) -> Void,
    clock: @escaping @Sendable () -> Date = Date.init,
    standby: @escaping @Sendable () -> Void = {},
    lead: @escaping @Sendable () async -> Void
  ) async -> Outcome {
    var elector = LeaderElector(identity: identity)
    // Acquire.
    while !Task.isCancelled {
      let now = clock()
      do {
        let current = try await lock.read()
        switch elector.decide(current?.record, now: now) {
        case .create(let record):
          if try await lock.write(record, over: nil, creating: true) { elector.wrote(at: now) }
        case .update(let record):
          if try await lock.write(record, over: current?.resourceVersion, creating: false) { elector.wrote(at: now) }
        case .wait(let until):
          standby()
          try? await Task.sleep(for: .seconds(max(0.05, until.timeIntervalSince(clock()))))
          continue
        }
      } catch {
        log("leader election: reading or writing the lease failed", ["error": "\(error)"])
      }
      if elector.isLeader { break }
      try? await Task.sleep(for: .seconds(LeaderElector.retryPeriod))
    }
    if Task.isCancelled { return .stopped }
    log("successfully acquired lease", ["lease": "\(lock.namespace)/\(lock.name)", "identity": identity])

    // Lead, renewing every retry period, until the lease is lost or the task cancelled.
    let acquired = elector
    let outcome = await withTaskGroup(of: Outcome?.self) { group in
      group.addTask {
        await lead()
        return nil
      }
      group.addTask {
        var elector = acquired
        while !Task.isCancelled {
          try? await Task.sleep(for: .seconds(LeaderElector.retryPeriod))
          if Task.isCancelled { break }
          let now = clock()
          do {
            if let current = try await lock.read(), current.record.holderIdentity == identity,
              case .update(let record) = elector.decide(current.record, now: now),
              try await lock.write(record, over: current.resourceVersion, creating: false)
            {
              elector.wrote(at: now)
              continue
            }
          } catch {
            log("leader election: renewing the lease failed", ["error": "\(error)"])
          }
          if elector.mustStepDown(at: clock()) { return .lost }
          if let current = try? await lock.read(), current.record.holderIdentity != identity { return .lost }
        }
        return .stopped
      }
      let first = await group.next() ?? nil
      group.cancelAll()
      return first ?? .stopped
    }
    if outcome == .lost {
      log("leader election lost", ["lease": "\(lock.namespace)/\(lock.name)", "identity": identity])
      return .lost
    }
    // Release, so the other replica takes over at once. This task is cancelled (shutdown), and
    // the client refuses to start requests for a cancelled task: a task of its own releases it.
    let releasing = elector
    await Task {
      if let current = try? await lock.read(), let released = releasing.released(current.record, now: clock()),
        (try? await lock.write(released, over: current.resourceVersion, creating: false)) == true
      {
        log("released lease", ["lease": "\(lock.namespace)/\(lock.name)", "identity": identity])
      }
    }.value
    return .stopped
  }
}
