import Foundation
import KubernetesClient
import Testing

/// What a reflector's handler saw, in order.
final class ReflectorLog: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String] = []

  func record(_ event: ReflectorEvent<TestPod>) {
    let entry: String
    switch event {
    case .replace(let pods, let version):
      entry = "replace \(pods.map(\.metadata.name).joined(separator: ",")) @\(version)"
    case .added(let pod): entry = "added \(pod.metadata.name)"
    case .modified(let pod): entry = "modified \(pod.metadata.name)"
    case .deleted(let pod): entry = "deleted \(pod.metadata.name)"
    case .synced: entry = "synced"
    }
    lock.withLock { entries.append(entry) }
  }

  var all: [String] { lock.withLock { entries } }

  /// Waits (at most `seconds`) until `count` entries have been seen.
  /// Waits for `count` events. The deadline is long: at the start of a full `swift test` every
  /// suite starts at once on two cooperative threads, and a reflector's first answers can wait a
  /// minute for a turn (seen once: nothing passed in the first 56 s).
  func wait(for count: Int, seconds: Double = 180) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while all.count < count && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
  }
}

@Suite struct ReflectorTests {
  let quick = Reflector<TestPod>.Backoff(initial: .milliseconds(10), maximum: .milliseconds(50), jitter: 0.1)

  @Test func listsThenResumesFromTheBookmarkAfterADroppedWatchAndRelistsOnGone() async throws {
    let undecodable =
      #"{"kind":"Pod","metadata":{"name":"bad","namespace":"default"},"spec":{"nodeName":[]}}"#
    let server = try await ScriptedAPIServer(replies: [
      // The first list, in two pages, one object of which does not decode.
      .json(
        200,
        #"{"kind":"PodList","metadata":{"resourceVersion":"10","continue":"p2"},"items":[\#(TestPod.json("a")),\#(undecodable)]}"#
      ),
      .json(200, podList(["b"], resourceVersion: "10")),
      // A watch that delivers an event and a bookmark, then is dropped.
      .stream(cut(watchEvent("ADDED", TestPod.json("c", resourceVersion: "12")) + bookmark("20"), every: 5)),
      // Resumed from the bookmark, the version is gone: list again.
      .json(410, statusJSON(410, reason: "Expired", message: "too old resource version: 20 (30)")),
      .json(200, podList(["a", "b", "c", "d"], resourceVersion: "30")),
      // The next watch delivers an ERROR 410 event: list again.
      .stream([watchEvent("ERROR", statusJSON(410, reason: "Expired", message: "too old"))]),
      .json(200, podList(["d"], resourceVersion: "40")),
      .stream([watchEvent("DELETED", TestPod.json("d", resourceVersion: "41"))], holdOpen: true),
    ])
    let log = ReflectorLog()
    try await withClient(server) { client in
      let reflector = Reflector(
        TestPod.self, client: client, path: .pods(), labelSelector: "app=web", backoff: quick,
        watchTimeoutSeconds: 300...300
      ) { event in log.record(event) }
      let task = Task { await reflector.run() }
      try await log.wait(for: 6)
      task.cancel()
      await task.value
    }
    #expect(
      log.all == [
        "replace a,b @10", "synced", "added c", "replace a,b,c,d @30", "replace d @40", "deleted d",
      ])
    let requests = server.requests
    #expect(
      requests.map { $0.query["watch"] != nil ? "watch@\($0.query["resourceVersion"] ?? "")" : "list" } == [
        "list", "list", "watch@10", "watch@20", "list", "watch@30", "list", "watch@40",
      ])
    #expect(requests.allSatisfy { $0.query["labelSelector"] == "app=web" })
    try #require(requests.count >= 3)
    #expect(requests[0].query["limit"] == "500")
    #expect(requests[2].query["timeoutSeconds"] == "300")
  }

  @Test func aFailingServerIsRetriedWithBackoffUntilTheListSucceeds() async throws {
    let server = try await ScriptedAPIServer(replies: [
      .json(403, statusJSON(403, reason: "Forbidden", message: "pods is forbidden")),
      .json(403, statusJSON(403, reason: "Forbidden", message: "pods is forbidden")),
      .json(200, podList(["a"], resourceVersion: "5")),
      .stream([], holdOpen: true),
    ])
    let log = ReflectorLog()
    try await withClient(server) { client in
      let reflector = Reflector(TestPod.self, client: client, path: .pods(), backoff: quick) {
        log.record($0)
      }
      let task = Task { await reflector.run() }
      try await log.wait(for: 2)
      // The watch after the list is the fourth request.
      let deadline = ContinuousClock.now + .seconds(60)
      while server.requests.count < 4 && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(10))
      }
      let cancelled = ContinuousClock.now
      task.cancel()
      await task.value
      #expect(ContinuousClock.now - cancelled < .seconds(2))
    }
    #expect(log.all == ["replace a @5", "synced"])
    #expect(server.requests.count == 4)
  }

  @Test func aVersionGoneAgainAndAgainRightAfterEachListBacksOff() async throws {
    let gone = ScriptedAPIServer.Reply.json(
      410, statusJSON(410, reason: "Expired", message: "too old resource version"))
    let list = ScriptedAPIServer.Reply.json(200, podList(["a"], resourceVersion: "5"))
    let server = try await ScriptedAPIServer(replies: [
      list, gone, list, gone, list, gone, list, .stream([], holdOpen: true),
    ])
    let log = ReflectorLog()
    try await withClient(server) { client in
      let reflector = Reflector(
        TestPod.self, client: client, path: .pods(),
        backoff: WatchBackoff(initial: .seconds(1), maximum: .seconds(4), jitter: 0)
      ) { log.record($0) }
      let task = Task { await reflector.run() }
      let deadline = ContinuousClock.now + .seconds(180)
      while server.requests.count < 8 && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(10))
      }
      task.cancel()
      await task.value
    }
    let times = server.requests.map(\.receivedAt)
    try #require(times.count == 8)
    // The first 410 relists at once (sooner than the waits that follow: with waits of a second
    // and more, a loaded machine's few hundred milliseconds do not blur the difference); the
    // next ones wait 1 s, then 2 s.
    #expect(times[2] - times[1] < times[4] - times[3])
    #expect(times[4] - times[3] >= .milliseconds(990))
    #expect(times[6] - times[5] >= .milliseconds(1990))
    #expect(log.all == ["replace a @5", "synced", "replace a @5", "replace a @5", "replace a @5"])
  }
}
