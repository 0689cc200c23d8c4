import Foundation
import Logging

/// What a reflector tells its handler.
public enum ReflectorEvent<Object: Sendable>: Sendable {
  /// The whole collection as (re)listed at `resourceVersion`: the handler's view is exactly this.
  case replace([Object], resourceVersion: String)
  case added(Object)
  case modified(Object)
  case deleted(Object)
  /// Sent once, after the first `replace`: the handler's view is complete.
  case synced
}

/// Keeps a handler's view of a resource in step with the server, as client-go's reflector
/// does: it lists (page by page), then watches from the list's version; when the watch ends it
/// watches again from the last version seen (bookmarks advance it); when the server no longer
/// holds that version (410 Gone) it lists again; after a failure it waits, 0.8 s doubling to
/// 30 s with jitter, and a healthy watch resets the wait. Objects that do not decode are logged
/// with their kind, namespace, name and the field at fault, and skipped. `run()` returns when
/// its task is cancelled.
public struct Reflector<Object: Decodable & Sendable>: Sendable {
  public typealias Backoff = WatchBackoff

  public let client: KubernetesClient
  public let path: ResourcePath
  public var labelSelector: String?
  public var fieldSelector: String?
  /// Objects per page of a list.
  public var pageSize: Int
  public var backoff: Backoff
  /// Each watch asks the server to end it after a random time in this range, in seconds.
  public var watchTimeoutSeconds: ClosedRange<Int>
  let handler: @Sendable (ReflectorEvent<Object>) async -> Void

  public init(
    _ type: Object.Type, client: KubernetesClient, path: ResourcePath, labelSelector: String? = nil,
    fieldSelector: String? = nil, pageSize: Int = 500, backoff: Backoff = Backoff(),
    watchTimeoutSeconds: ClosedRange<Int> = 300...600,
    handler: @escaping @Sendable (ReflectorEvent<Object>) async -> Void
  ) {
    self.client = client
    self.path = path
    self.labelSelector = labelSelector
    self.fieldSelector = fieldSelector
    self.pageSize = pageSize
    self.backoff = backoff
    self.watchTimeoutSeconds = watchTimeoutSeconds
    self.handler = handler
  }

  /// The server ended a watch with an ERROR event.
  private struct WatchEnded: Error {
    var status: APIStatus
  }

  /// Lists and watches until the task is cancelled.
  public func run() async {
    var logger = client.logger
    logger[metadataKey: "resource"] = "\(path)"
    var failures = 0
    var synced = false
    var resourceVersion: String?
    while !Task.isCancelled {
      if resourceVersion == nil {
        do {
          let version = try await relist(logger: logger)
          resourceVersion = version
          if !synced {
            synced = true
            await handler(.synced)
          }
        } catch {
          if Task.isCancelled { return }
          failures += 1
          logger.warning("cannot list", metadata: ["error": "\(error)"])
          guard await pause(failures) else { return }
          continue
        }
      }
      let started = ContinuousClock.now
      var delivered = false
      let options = WatchOptions(
        resourceVersion: resourceVersion, labelSelector: labelSelector, fieldSelector: fieldSelector,
        allowBookmarks: true,
        timeoutSeconds: Int.random(in: watchTimeoutSeconds))
      do {
        try await client.streamWatch(LenientlyDecoded.self, path, options: options) { event, eventVersion in
          switch event {
          case .added(let object), .modified(let object), .deleted(let object):
            if let version = eventVersion, !version.isEmpty { resourceVersion = version }
            switch object.result {
            case .success(let value):
              delivered = true
              switch event {
              case .added: await handler(.added(value))
              case .modified: await handler(.modified(value))
              default: await handler(.deleted(value))
              }
            case .failure(let failure):
              Self.report(failure, logger: logger)
            }
          case .bookmark(let bookmarked):
            if !bookmarked.isEmpty { resourceVersion = bookmarked }
          case .error(let status):
            throw WatchEnded(status: status)
          case .undecodable(let failure):
            Self.report(failure, logger: logger)
          }
        }
        let lasted = ContinuousClock.now - started
        if delivered || lasted >= backoff.healthyAfter {
          failures = 0
        } else if lasted < .seconds(1) {
          // A watch the server ends at once, again and again, must not spin.
          failures += 1
          guard await pause(failures) else { return }
        }
      } catch let ended as WatchEnded {
        if ended.status.code == 410 || ended.status.reason == "Expired" || ended.status.reason == "Gone" {
          logger.debug("the watch's version is gone; listing again")
          resourceVersion = nil
          guard await pauseIfGoneAtOnce(started: started, delivered: delivered, failures: &failures) else {
            return
          }
        } else {
          failures += 1
          logger.warning("the server ended the watch", metadata: ["status": "\(ended.status.message ?? "")"])
          guard await pause(failures) else { return }
        }
      } catch let error as KubernetesClientError where error.isGone {
        logger.debug("the watch's version is gone; listing again")
        resourceVersion = nil
        guard await pauseIfGoneAtOnce(started: started, delivered: delivered, failures: &failures) else {
          return
        }
      } catch {
        if Task.isCancelled { return }
        // A watch that ran a while (or delivered) and then broke is a connection lost, as
        // when an API server restarts: it resumes after the first wait, however often that
        // happens. Only failures in a row (the watch cannot even be opened) wait longer.
        let lasted = ContinuousClock.now - started
        failures = delivered || lasted >= .seconds(1) ? 1 : failures + 1
        logger.warning("the watch failed", metadata: ["error": "\(error)"])
        // A connection failure resumes from the last version; anything else lists again.
        if (error as? KubernetesClientError)?.kind != .transport { resourceVersion = nil }
        guard await pause(failures) else { return }
      }
    }
  }

  /// Each object decoded on its own, so one bad object cannot stop the others.
  typealias LenientlyDecoded = LenientObject<Object>

  /// Lists every page, hands the objects over in a `replace`, and returns the list's version.
  private func relist(logger: Logger) async throws -> String {
    let list = try await client.listAll(
      LenientlyDecoded.self, path,
      options: ListOptions(labelSelector: labelSelector, fieldSelector: fieldSelector, limit: pageSize))
    var objects: [Object] = []
    objects.reserveCapacity(list.items.count)
    for item in list.items {
      switch item.result {
      case .success(let object): objects.append(object)
      case .failure(let failure): Self.report(failure, logger: logger)
      }
    }
    let version = list.metadata.resourceVersion ?? ""
    await handler(.replace(objects, resourceVersion: version))
    return version
  }

  private static func report(_ failure: UndecodableObject, logger: Logger) {
    logger.error(
      "skipping an object that does not decode",
      metadata: [
        "object.kind": "\(failure.identity.kind ?? "")",
        "object.namespace": "\(failure.identity.namespace ?? "")",
        "object.name": "\(failure.identity.name ?? "")", "error": "\(failure.reason)",
      ])
  }

  /// A version gone right after a list is listed again at once, as client-go does; but a server
  /// that answers 410 to every fresh list's version must not make the reflector spin, so a
  /// watch gone within a second with nothing delivered counts as a failure. False when cancelled.
  private func pauseIfGoneAtOnce(started: ContinuousClock.Instant, delivered: Bool, failures: inout Int) async
    -> Bool
  {
    if delivered || ContinuousClock.now - started >= .seconds(1) {
      failures = 0
      return true
    }
    failures += 1
    // The first time is the usual case (the list's version compacted meanwhile): no wait.
    return failures < 2 ? true : await pause(failures - 1)
  }

  /// Waits out the backoff of the `failures`th failure in a row; false when cancelled.
  private func pause(_ failures: Int) async -> Bool {
    do {
      try await Task.sleep(for: backoff.delay(afterFailures: failures, random: Double.random(in: 0...1)))
      return true
    } catch {
      return false
    }
  }
}
