import APIServer
import Foundation
import Testing

@testable import Sandbox

/// Starts a sandbox on a free port for the length of `body`.
func withSandbox<T>(_ options: SandboxOptions = SandboxOptions(), _ body: (Sandbox) async throws -> T)
  async throws -> T
{
  let sandbox = try await Sandbox.start(options: options)
  do {
    let result = try await body(sandbox)
    await sandbox.stop()
    return result
  } catch {
    await sandbox.stop()
    throw error
  }
}

let configMapJSON = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"NAME"},"data":{"k":"v"}}"#

@Suite("The HTTP server, seen on the wire")
struct ServerTests {
  @Test("/version, /healthz and the aggregated discovery with its Content-Type")
  func basics() async throws {
    try await withSandbox(SandboxOptions(gitVersion: "v1.33.1")) { sandbox in
      let version = try RawHTTP.request(port: sandbox.port, "GET", "/version")
      #expect(version.status == 200)
      let json = try JSON(parsing: version.body)
      #expect(json["gitVersion"] == "v1.33.1")
      #expect(json["minor"] == "33")
      #expect(try RawHTTP.request(port: sandbox.port, "GET", "/healthz").text == "ok")
      let aggregated = try RawHTTP.request(
        port: sandbox.port, "GET", "/apis",
        headers: [
          "Accept": "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"
        ])
      #expect(
        aggregated.headers["content-type"]
          == "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
      #expect(try JSON(parsing: aggregated.body)["kind"] == "APIGroupDiscoveryList")
      let legacy = try RawHTTP.request(port: sandbox.port, "GET", "/api")
      #expect(try JSON(parsing: legacy.body)["versions"] == ["v1"])
      #expect(try RawHTTP.request(port: sandbox.port, "GET", "/apis/nothing.example.com/v1").status == 404)
    }
  }

  @Test(
    "bad input gets a Status, never a crash: bad JSON 400, YAML apply 415, an oversized body 413, unknown subresource 404"
  )
  func badInput() async throws {
    try await withSandbox { sandbox in
      let bad = try RawHTTP.request(
        port: sandbox.port, "POST", "/api/v1/namespaces/default/configmaps",
        headers: ["Content-Type": "application/json"],
        body: "{\"apiVersion\": ")
      #expect(bad.status == 400)
      #expect(try JSON(parsing: bad.body)["kind"] == "Status")
      let yaml = try RawHTTP.request(
        port: sandbox.port, "PATCH", "/api/v1/namespaces/default/configmaps/x?fieldManager=me",
        headers: ["Content-Type": "application/apply-patch+yaml"], body: "apiVersion: v1\nkind: ConfigMap\n")
      #expect(yaml.status == 415)
      #expect(yaml.text.contains("YAML"))
      let huge = String(repeating: "x", count: SandboxLimits.maxRequestBody + 10)
      let tooLarge = try RawHTTP.request(
        port: sandbox.port, "POST", "/api/v1/namespaces/default/configmaps",
        headers: ["Content-Type": "application/json"],
        body: huge)
      #expect(tooLarge.status == 413)
      #expect(
        try RawHTTP.request(port: sandbox.port, "GET", "/api/v1/namespaces/default/pods/x/logs").status == 404
      )
      #expect(
        try RawHTTP.request(port: sandbox.port, "GET", "/api/v1/namespaces/default/pods?limit=x").status
          == 400)
      #expect(
        try RawHTTP.request(port: sandbox.port, "GET", "/api/v1/pods?labelSelector=a%20in%20(").status == 400)
      // The server still answers.
      #expect(try RawHTTP.request(port: sandbox.port, "GET", "/readyz").status == 200)
    }
  }

  @Test("dryRun=All checks a create and stores nothing")
  func dryRun() async throws {
    try await withSandbox { sandbox in
      let created = try RawHTTP.request(
        port: sandbox.port, "POST", "/api/v1/namespaces/default/configmaps?dryRun=All",
        headers: ["Content-Type": "application/json"],
        body: configMapJSON.replacingOccurrences(of: "NAME", with: "dry"))
      #expect(created.status == 201)
      #expect(
        try RawHTTP.request(port: sandbox.port, "GET", "/api/v1/namespaces/default/configmaps/dry").status
          == 404)
    }
  }

  @Test("a watch sees a write within 50 ms, in order, and ends at timeoutSeconds")
  func watchLatency() async throws {
    try await withSandbox { sandbox in
      let list = try JSON(
        parsing: try RawHTTP.request(port: sandbox.port, "GET", "/api/v1/namespaces/default/configmaps").body)
      let rv = try #require(list[path: ["metadata", "resourceVersion"]]?.string)
      let watch = try RawHTTP(port: sandbox.port)
      watch.send(
        "GET", "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=\(rv)&timeoutSeconds=2")
      let (status, headers) = try watch.readHead()
      #expect(status == 200)
      #expect(headers["transfer-encoding"] == "chunked")
      var latencies: [Double] = []
      for i in 0..<5 {
        let start = Date()
        let created = try RawHTTP.request(
          port: sandbox.port, "POST", "/api/v1/namespaces/default/configmaps",
          headers: ["Content-Type": "application/json"],
          body: configMapJSON.replacingOccurrences(of: "NAME", with: "cm-\(i)"))
        #expect(created.status == 201)
        let line = try #require(watch.nextStreamLine())
        latencies.append(Date().timeIntervalSince(start))
        let event = try JSON(parsing: line)
        #expect(event["type"] == "ADDED")
        #expect(event[path: ["object", "metadata", "name"]] == .string("cm-\(i)"))
      }
      // The request and the event both count here. The median holds the 50 ms target; the
      // worst case is allowed more, for a machine shared with other builds.
      let sorted = latencies.sorted()
      #expect(sorted[sorted.count / 2] < 0.05, "write-to-event latencies: \(latencies)")
      #expect(sorted.last! < 0.25, "write-to-event latencies: \(latencies)")
      let ended = Date()
      #expect(watch.nextStreamLine() == nil)
      #expect(Date().timeIntervalSince(ended) < 3)
    }
  }

  @Test("a watch from a resource version older than the history gets an ERROR event with a 410 Status")
  func expired() async throws {
    try await withSandbox(SandboxOptions(historyLimit: 2)) { sandbox in
      for i in 0..<5 {
        _ = try RawHTTP.request(
          port: sandbox.port, "POST", "/api/v1/namespaces/default/configmaps",
          headers: ["Content-Type": "application/json"],
          body: configMapJSON.replacingOccurrences(of: "NAME", with: "cm-\(i)"))
      }
      let watch = try RawHTTP(port: sandbox.port)
      watch.send("GET", "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1")
      _ = try watch.readHead()
      let event = try JSON(parsing: try #require(watch.nextStreamLine()))
      #expect(event["type"] == "ERROR")
      #expect(event[path: ["object", "code"]] == 410)
      #expect(event[path: ["object", "reason"]] == "Expired")
      #expect(watch.nextStreamLine() == nil)
    }
  }

  @Test(
    "bookmarks come when asked, carrying only the resource version; sendInitialEvents ends with the initial-events-end bookmark"
  )
  func bookmarks() async throws {
    try await withSandbox(SandboxOptions(bookmarkInterval: 0.1)) { sandbox in
      let watch = try RawHTTP(port: sandbox.port)
      watch.send(
        "GET",
        "/api/v1/namespaces/default/configmaps?watch=1&allowWatchBookmarks=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan"
      )
      _ = try watch.readHead()
      let initialEnd = try JSON(parsing: try #require(watch.nextStreamLine()))
      #expect(initialEnd["type"] == "BOOKMARK")
      #expect(initialEnd[path: ["object", "metadata", "annotations", "k8s.io/initial-events-end"]] == "true")
      let bookmark = try JSON(parsing: try #require(watch.nextStreamLine()))
      #expect(bookmark["type"] == "BOOKMARK")
      #expect(bookmark[path: ["object", "kind"]] == "ConfigMap")
      #expect(bookmark[path: ["object", "metadata", "resourceVersion"]]?.string != nil)
      #expect(bookmark[path: ["object", "data"]] == nil)
    }
  }

  @Test("a client that stops reading is dropped and never slows the writers")
  func slowClient() async throws {
    try await withSandbox { sandbox in
      let watch = try RawHTTP(port: sandbox.port)
      watch.send("GET", "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=0")
      _ = try watch.readHead()
      try await Task.sleep(for: .milliseconds(50))
      #expect(sandbox.api.openWatchCount == 1)
      let big = String(repeating: "y", count: 64 * 1024)
      let start = Date()
      for i in 0..<(SandboxLimits.maxQueuedWatchEvents + 200) where sandbox.api.openWatchCount > 0 {
        _ = try sandbox.api.mutate { store, now throws(APIError) in
          let type = store.registry.type(group: "", version: "v1", plural: "configmaps")!
          return try store.create(
            type, namespace: "default",
            [
              "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string("big-\(i)")],
              "data": ["k": .string(big)],
            ], now: now)
        }
      }
      #expect(sandbox.api.openWatchCount == 0)
      #expect(Date().timeIntervalSince(start) < 30)
    }
  }

  @Test(
    "the fault switch: 429 with Retry-After for the chosen verb, set over HTTP; dropping watches ends them")
  func faults() async throws {
    try await withSandbox { sandbox in
      let set = try RawHTTP.request(
        port: sandbox.port, "POST", "/sandbox/faults", headers: ["Content-Type": "application/json"],
        body:
          #"{"errors":{"rate":1,"code":429,"retryAfterSeconds":3,"verbs":["list"],"resources":["configmaps"]}}"#
      )
      #expect(set.status == 200)
      let throttled = try RawHTTP.request(port: sandbox.port, "GET", "/api/v1/namespaces/default/configmaps")
      #expect(throttled.status == 429)
      #expect(throttled.headers["retry-after"] == "3")
      #expect(try JSON(parsing: throttled.body)["reason"] == "TooManyRequests")
      #expect(try RawHTTP.request(port: sandbox.port, "GET", "/api/v1/namespaces/default/pods").status == 200)
      let wrong = try RawHTTP.request(
        port: sandbox.port, "POST", "/sandbox/faults", headers: ["Content-Type": "application/json"],
        body: #"{"errors":{"rate":2}}"#)
      #expect(wrong.status == 400)
      #expect(wrong.text.contains("errors.rate"))

      let watch = try RawHTTP(port: sandbox.port)
      watch.send("GET", "/api/v1/namespaces/default/pods?watch=1")
      _ = try watch.readHead()
      try await Task.sleep(for: .milliseconds(50))
      #expect(sandbox.api.openWatchCount == 1)
      _ = try RawHTTP.request(
        port: sandbox.port, "POST", "/sandbox/faults", headers: ["Content-Type": "application/json"],
        body: #"{"dropWatches":{"now":true},"expireResourceVersions":{"now":true}}"#)
      #expect(watch.nextStreamLine() == nil)
      #expect(sandbox.api.openWatchCount == 0)
    }
  }

  @Test("a Karpenter kind is admitted as karpenter validate checks it: 422 with field causes")
  func admission() async throws {
    try await withSandbox { sandbox in
      let body =
        #"{"apiVersion":"karpenter.sh/v1","kind":"NodePool","metadata":{"name":"bad"},"spec":{"weight":0,"template":{"spec":{"nodeClassRef":{"group":"karpenter.k8s.aws","kind":"EC2NodeClass","name":"default"},"requirements":[]}}}}"#
      let refused = try RawHTTP.request(
        port: sandbox.port, "POST", "/apis/karpenter.sh/v1/nodepools",
        headers: ["Content-Type": "application/json"], body: body)
      #expect(refused.status == 422)
      let status = try JSON(parsing: refused.body)
      #expect(status["reason"] == "Invalid")
      #expect(status[path: ["details", "causes"]]?.array?.contains { $0["field"] == "spec.weight" } == true)
      let good = body.replacingOccurrences(of: #""weight":0"#, with: #""weight":10"#)
      let created = try RawHTTP.request(
        port: sandbox.port, "POST", "/apis/karpenter.sh/v1/nodepools",
        headers: ["Content-Type": "application/json"], body: good)
      #expect(created.status == 201, "\(created.text)")
    }
  }

  @Test("latency is added to every API request but not to the fault endpoint")
  func latency() async throws {
    var options = SandboxOptions()
    options.faults.latencyMilliseconds = 150
    try await withSandbox(options) { sandbox throws in
      let start = Date()
      #expect(try RawHTTP.request(port: sandbox.port, "GET", "/api/v1/namespaces").status == 200)
      #expect(Date().timeIntervalSince(start) >= 0.15)
      let quick = Date()
      #expect(try RawHTTP.request(port: sandbox.port, "GET", "/sandbox/faults").status == 200)
      #expect(Date().timeIntervalSince(quick) < 0.15)
    }
  }

  @Test("expiring resource versions makes a watch from before the expiry relist (410), and one from now work")
  func expireNow() async throws {
    try await withSandbox { sandbox in
      let create = { (name: String) throws -> RawHTTP.Response in
        try RawHTTP.request(
          port: sandbox.port, "POST", "/api/v1/namespaces/default/configmaps",
          headers: ["Content-Type": "application/json"],
          body: configMapJSON.replacingOccurrences(of: "NAME", with: name))
      }
      let first = try JSON(parsing: try create("a").body)
      let rv = try #require(first[path: ["metadata", "resourceVersion"]]?.string)
      _ = try create("b")
      var settings = FaultSettings()
      settings.expireResourceVersions.now = true
      sandbox.api.setFaults(settings)
      let old = try RawHTTP(port: sandbox.port)
      old.send("GET", "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=\(rv)")
      _ = try old.readHead()
      let error = try JSON(parsing: try #require(old.nextStreamLine()))
      #expect(error["type"] == "ERROR")
      #expect(error[path: ["object", "code"]] == 410)
      let list = try JSON(
        parsing: try RawHTTP.request(port: sandbox.port, "GET", "/api/v1/namespaces/default/configmaps").body)
      let fresh = try #require(list[path: ["metadata", "resourceVersion"]]?.string)
      let watch = try RawHTTP(port: sandbox.port)
      watch.send("GET", "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=\(fresh)")
      _ = try watch.readHead()
      _ = try create("c")
      let added = try JSON(parsing: try #require(watch.nextStreamLine()))
      #expect(added["type"] == "ADDED")
      #expect(added[path: ["object", "metadata", "name"]] == "c")
    }
  }

  @Test("stopping the server ends open watches with a clean end of stream")
  func stopEndsWatches() async throws {
    let sandbox = try await Sandbox.start()
    let watch = try RawHTTP(port: sandbox.port)
    watch.send("GET", "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=0")
    _ = try watch.readHead()
    try await Task.sleep(for: .milliseconds(50))
    #expect(sandbox.server.openWatchCount == 1)
    let started = Date()
    await sandbox.stop()
    #expect(Date().timeIntervalSince(started) < 10, "stopping must not wait for the watches to end on their own")
    #expect(watch.nextStreamLine() == nil)
    #expect(watch.sawEndOfStream)
  }

}
