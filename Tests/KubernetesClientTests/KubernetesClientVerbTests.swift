import Foundation
import KubernetesClient
import Testing

@Suite struct KubernetesClientVerbTests {
  @Test func getDecodesTheObjectAndSendsTokenAndUserAgent() async throws {
    let server = try await ScriptedAPIServer(replies: [.json(200, TestPod.json("web-1", nodeName: "n1"))])
    let pod = try await withClient(server) { client in
      try await client.get(TestPod.self, .pods(namespace: "default", name: "web-1"))
    }
    #expect(pod.metadata.name == "web-1")
    #expect(pod.spec.nodeName == "n1")
    let request = try #require(server.requests.first)
    #expect(request.method == "GET")
    #expect(request.path == "/api/v1/namespaces/default/pods/web-1")
    #expect(request.headers["authorization"] == "Bearer s3cr3t-token")
    #expect(request.headers["user-agent"] == "karpenter/0.1.0")
  }

  @Test func listSendsSelectorsWithPlusSignsIntact() async throws {
    let server = try await ScriptedAPIServer(replies: [.json(200, podList(["a", "b"]))])
    let list = try await withClient(server) { client in
      try await client.list(
        TestPod.self, .pods(),
        options: ListOptions(
          labelSelector: "app in (a+b),tier!=db", fieldSelector: "spec.nodeName=n1", limit: 2))
    }
    #expect(list.items.map(\.metadata.name) == ["a", "b"])
    #expect(list.metadata.resourceVersion == "10")
    let query = try #require(server.requests.first).query
    #expect(query["labelSelector"] == "app in (a+b),tier!=db")
    #expect(query["fieldSelector"] == "spec.nodeName=n1")
    #expect(query["limit"] == "2")
  }

  @Test func listAllFollowsContinueTokens() async throws {
    let server = try await ScriptedAPIServer(replies: [
      .json(200, podList(["a", "b"], resourceVersion: "7", continueToken: "page2")),
      .json(200, podList(["c", "d"], resourceVersion: "7", continueToken: "page3")),
      .json(200, podList(["e"], resourceVersion: "7")),
    ])
    let list = try await withClient(server) { client in try await client.listAll(TestPod.self, .pods()) }
    #expect(list.items.map(\.metadata.name) == ["a", "b", "c", "d", "e"])
    #expect(list.metadata.resourceVersion == "7")
    #expect(server.requests.map { $0.query["continue"] } == [nil, "page2", "page3"])
    #expect(server.requests.allSatisfy { $0.query["limit"] == "500" })
  }

  @Test func listAllStartsOverWhenTheContinueTokenExpires() async throws {
    let server = try await ScriptedAPIServer(replies: [
      .json(200, podList(["a", "b"], resourceVersion: "7", continueToken: "page2")),
      .json(410, statusJSON(410, reason: "Expired", message: "The provided continue parameter is too old")),
      .json(200, podList(["a", "b"], resourceVersion: "9", continueToken: "page2b")),
      .json(200, podList(["c"], resourceVersion: "9")),
    ])
    let list = try await withClient(server) { client in try await client.listAll(TestPod.self, .pods()) }
    #expect(list.items.map(\.metadata.name) == ["a", "b", "c"])
    #expect(list.metadata.resourceVersion == "9")
    #expect(server.requests.map { $0.query["continue"] } == [nil, "page2", nil, "page2b"])
  }

  @Test func updateRetryingReadsAgainAfterAConflict() async throws {
    let server = try await ScriptedAPIServer(replies: [
      .json(200, TestPod.json("web", resourceVersion: "1")),
      .json(409, statusJSON(409, reason: "Conflict", message: "the object has been modified")),
      .json(200, TestPod.json("web", resourceVersion: "2")),
      .json(200, TestPod.json("web", resourceVersion: "3", nodeName: "n9")),
    ])
    let updated = try await withClient(server) { client in
      try await client.update(TestPod.self, .pods(namespace: "default", name: "web")) { pod in
        pod.spec.nodeName = "n9"
      }
    }
    #expect(updated.metadata.resourceVersion == "3")
    #expect(server.requests.map(\.method) == ["GET", "PUT", "GET", "PUT"])
    let second = try JSONDecoder().decode(TestPod.self, from: Data(server.requests[3].body))
    #expect(second.metadata.resourceVersion == "2")
    #expect(second.spec.nodeName == "n9")
  }

  @Test func updateRetryingGivesUpAfterItsAttempts() async throws {
    let conflict = ScriptedAPIServer.Reply.json(409, statusJSON(409, reason: "Conflict", message: "modified"))
    let get = ScriptedAPIServer.Reply.json(200, TestPod.json("web"))
    let server = try await ScriptedAPIServer(replies: [get, conflict, get, conflict])
    let error = await expectClientError {
      try await withClient(server) { client in
        _ = try await client.update(TestPod.self, .pods(namespace: "default", name: "web"), retrying: 2) {
          _ in
        }
      }
    }
    #expect(error?.isConflict == true)
    #expect(server.requests.count == 4)
  }

  @Test func tooManyRequestsWaitsTheRetryAfterSeconds() async throws {
    let server = try await ScriptedAPIServer(replies: [
      .json(
        429, statusJSON(429, reason: "TooManyRequests", message: "slow down"), headers: ["Retry-After": "1"]),
      .json(201, TestPod.json("web")),
    ])
    let started = ContinuousClock.now
    let pod = try await withClient(server) { client in
      try await client.create(
        TestPod(metadata: .init(name: "web", namespace: "default"), spec: .init()),
        in: .pods(namespace: "default"))
    }
    #expect(pod.metadata.name == "web")
    #expect(ContinuousClock.now - started >= .seconds(1))
    #expect(server.requests.map(\.method) == ["POST", "POST"])
  }

  @Test func serverErrorsAreRetriedForReadsOnly() async throws {
    let unavailable = ScriptedAPIServer.Reply.json(
      503, statusJSON(503, reason: "ServiceUnavailable", message: "etcd"))
    let server = try await ScriptedAPIServer(replies: [
      unavailable, .json(200, TestPod.json("web")), unavailable,
    ])
    try await withClient(server) { client in
      let pod = try await client.get(TestPod.self, .pods(namespace: "default", name: "web"))
      #expect(pod.metadata.name == "web")
      let error = await expectClientError {
        _ = try await client.create(.pods(namespace: "default"), body: Array(TestPod.json("x").utf8))
      }
      #expect(error?.statusCode == 503)
    }
    #expect(server.requests.map(\.method) == ["GET", "GET", "POST"])
  }

  @Test func patchSendsItsContentTypeAndFieldManager() async throws {
    let server = try await ScriptedAPIServer(replies: [
      .json(200, TestPod.json("web")), .json(200, TestPod.json("web")), .json(200, TestPod.json("web")),
    ])
    try await withClient(server) { client in
      let path = ResourcePath.pods(namespace: "default", name: "web")
      _ = try await client.patch(path, .merge, body: Array(#"{"metadata":{"labels":{"a":"b"}}}"#.utf8))
      _ = try await client.patch(path, .json, body: Array(#"[{"op":"remove","path":"/spec/nodeName"}]"#.utf8))
      _ = try await client.patch(
        TestPod.self, path, .apply(fieldManager: "karpenter", force: true),
        body: Array("metadata: {name: web}".utf8))
    }
    let requests = server.requests
    #expect(requests.map(\.method) == ["PATCH", "PATCH", "PATCH"])
    #expect(
      requests.map { $0.headers["content-type"] } == [
        "application/merge-patch+json", "application/json-patch+json", "application/apply-patch+yaml",
      ])
    #expect(requests[2].query == ["fieldManager": "karpenter", "force": "true"])
  }

  @Test func deleteSendsPreconditionsAndPropagation() async throws {
    let server = try await ScriptedAPIServer(replies: [.json(200, #"{"kind":"Status","status":"Success"}"#)])
    try await withClient(server) { client in
      try await client.delete(
        .nodeClaims(name: "c1"),
        options: DeleteOptions(
          preconditions: .init(uid: "u-1", resourceVersion: "5"), propagationPolicy: .foreground,
          gracePeriodSeconds: 0))
    }
    let request = try #require(server.requests.first)
    #expect(request.method == "DELETE")
    #expect(request.path == "/apis/karpenter.sh/v1/nodeclaims/c1")
    let options = try JSONDecoder().decode(DeleteOptions.self, from: Data(request.body))
    #expect(options.preconditions == .init(uid: "u-1", resourceVersion: "5"))
    #expect(options.propagationPolicy == .foreground)
    #expect(options.gracePeriodSeconds == 0)
  }

  @Test func evictPostsAnEvictionAndADisruptionBudgetRefusalIsNotRetried() async throws {
    let server = try await ScriptedAPIServer(replies: [
      .json(201, #"{"kind":"Status","status":"Success"}"#),
      .json(
        429,
        statusJSON(
          429, reason: "TooManyRequests",
          message: "Cannot evict pod as it would violate the pod's disruption budget."),
        headers: ["Retry-After": "1"]),
    ])
    try await withClient(server) { client in
      try await client.evict(pod: "web", namespace: "default", options: DeleteOptions(gracePeriodSeconds: 30))
      let error = await expectClientError { try await client.evict(pod: "web", namespace: "default") }
      #expect(error?.isTooManyRequests == true)
      #expect(error.map { "\($0)" }?.contains("disruption budget") == true)
    }
    let request = try #require(server.requests.first)
    #expect(request.path == "/api/v1/namespaces/default/pods/web/eviction")
    #expect(
      request.bodyText.contains(#""apiVersion":"policy\/v1""#)
        || request.bodyText.contains(#""apiVersion":"policy/v1""#))
    #expect(request.bodyText.contains(#""gracePeriodSeconds":30"#))
    #expect(server.requests.count == 2)
  }

  @Test func anAnswerThatDoesNotDecodeNamesTheField() async throws {
    let server = try await ScriptedAPIServer(replies: [.json(200, #"{"metadata":{"name":7},"spec":{}}"#)])
    let error = await expectClientError {
      try await withClient(server) { client in
        _ = try await client.get(TestPod.self, .pods(namespace: "default", name: "web"))
      }
    }
    #expect(error?.kind == .invalidResponse)
    #expect(error.map { "\($0)" }?.contains("metadata.name") == true)
  }

  @Test func theRateLimiterSpacesRequestsPastTheBurst() async throws {
    let server = try await ScriptedAPIServer(replies: Array(repeating: .json(200, "{}"), count: 4))
    let started = ContinuousClock.now
    try await withClient(server, options: quickOptions { $0.rateLimiter = RateLimiter(qps: 10, burst: 1) }) {
      client in
      for _ in 0..<4 { _ = try await client.get(.nodes(name: "a")) }
    }
    // One at once, then three spaced 100 ms apart.
    #expect(ContinuousClock.now - started >= .milliseconds(290))
    #expect(server.requests.count == 4)
  }
}
