import Foundation
import KubernetesClient
import Testing

/// Cuts `text` into pieces at these byte offsets (any offset, even inside a multi-byte character
/// or a string, as TCP may).
func cut(_ text: String, every size: Int) -> [String] {
  let bytes = Array(text.utf8)
  return stride(from: 0, to: bytes.count, by: size).map {
    String(decoding: bytes[$0..<min($0 + size, bytes.count)], as: UTF8.self)
  }
}

func watchEvent(_ type: String, _ object: String) -> String {
  #"{"type":"\#(type)","object":\#(object)}"# + "\n"
}

func bookmark(_ version: String) -> String {
  watchEvent("BOOKMARK", #"{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"\#(version)"}}"#)
}

@Suite struct WatchTests {
  @Test func eventsSplitAtOddByteBoundariesArriveWhole() async throws {
    let body =
      watchEvent("ADDED", TestPod.json("a", resourceVersion: "11"))
      + watchEvent("MODIFIED", TestPod.json("a", resourceVersion: "12", nodeName: "n1"))
      + bookmark("15") + watchEvent("DELETED", TestPod.json("a", resourceVersion: "16"))
    // Pieces of 7 bytes: the ByteBuffers the client sees end anywhere. The raw pieces are
    // bytes, so the pieces must not be re-encoded: they are ASCII here.
    let server = try await ScriptedAPIServer(replies: [.stream(cut(body, every: 7), gapMilliseconds: 1)])
    var seen: [String] = []
    try await withClient(server) { client in
      for try await event in client.watch(
        TestPod.self, .pods(namespace: "default"),
        options: WatchOptions(resourceVersion: "10", timeoutSeconds: 60))
      {
        switch event {
        case .added(let pod): seen.append("added \(pod.metadata.name)")
        case .modified(let pod): seen.append("modified \(pod.metadata.name) on \(pod.spec.nodeName ?? "")")
        case .deleted(let pod): seen.append("deleted \(pod.metadata.name)")
        case .bookmark(let version): seen.append("bookmark \(version)")
        case .error(let status): seen.append("error \(status.code ?? 0)")
        case .undecodable(let failure): seen.append("undecodable \(failure)")
        }
      }
    }
    #expect(seen == ["added a", "modified a on n1", "bookmark 15", "deleted a"])
    let query = try #require(server.requests.first).query
    #expect(query["watch"] == "true")
    #expect(query["resourceVersion"] == "10")
    #expect(query["allowWatchBookmarks"] == "true")
    #expect(query["timeoutSeconds"] == "60")
  }

  @Test func anUndecodableObjectIsReportedWithItsNameAndField() async throws {
    let bad =
      #"{"kind":"Pod","metadata":{"name":"broken","namespace":"default","resourceVersion":"3"},"spec":{"nodeName":5}}"#
    let server = try await ScriptedAPIServer(replies: [
      .stream([watchEvent("ADDED", bad), watchEvent("ADDED", TestPod.json("good"))])
    ])
    var seen: [String] = []
    try await withClient(server) { client in
      for try await event in client.watch(TestPod.self, .pods()) {
        if case .undecodable(let failure) = event { seen.append("\(failure)") }
        if case .added(let pod) = event { seen.append(pod.metadata.name) }
      }
    }
    #expect(seen.count == 2)
    #expect(seen.first?.hasPrefix(#"Pod "default/broken" does not decode: spec.nodeName"#) == true)
    #expect(seen.last == "good")
  }

  @Test func aGoneWatchIsAnErrorEventWithCode410() async throws {
    let server = try await ScriptedAPIServer(replies: [
      .stream([
        watchEvent("ERROR", statusJSON(410, reason: "Expired", message: "too old resource version: 5 (90)"))
      ])
    ])
    var statuses: [APIStatus] = []
    try await withClient(server) { client in
      for try await event in client.watch(TestPod.self, .pods(), options: WatchOptions(resourceVersion: "5"))
      {
        if case .error(let status) = event { statuses.append(status) }
      }
    }
    #expect(statuses.map(\.code) == [410])
  }

  @Test func anOverlongEventEndsTheWatchWithAClearError() async throws {
    let server = try await ScriptedAPIServer(replies: [
      .stream([watchEvent("ADDED", TestPod.json(String(repeating: "x", count: 400)))])
    ])
    let error = await expectClientError {
      try await withClient(server, options: quickOptions { $0.maxWatchEventBytes = 256 }) { client in
        for try await _ in client.watch(TestPod.self, .pods()) {}
      }
    }
    #expect(error.map { "\($0)" }?.contains("an event is longer than 256 bytes") == true)
  }
}

@Suite struct ConnectionTests {
  @Test func requestsStillGoThroughWhileManyWatchesHoldConnections() async throws {
    let watches = 12
    let server = try await ScriptedAPIServer(
      replies: Array(repeating: .stream([], holdOpen: true), count: watches) + [.json(200, TestPod.json("a"))]
    )
    try await withClient(server) { client in
      let tasks = (0..<watches).map { _ in
        Task { for try await _ in client.watch(TestPod.self, .pods()) {} }
      }
      let deadline = ContinuousClock.now + .seconds(60)
      while server.requests.count < watches && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(10))
      }
      let pod = try await client.get(TestPod.self, .pods(namespace: "default", name: "a"))
      #expect(pod.metadata.name == "a")
      for task in tasks { task.cancel() }
      for task in tasks { _ = await task.result }
    }
    #expect(server.requests.count == watches + 1)
  }
}
