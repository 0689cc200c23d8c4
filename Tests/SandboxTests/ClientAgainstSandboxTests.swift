import Foundation
import KubernetesClient
import Sandbox
import Testing

/// The smallest pod, for the client's typed verbs against the sandbox.
struct SandboxPod: Codable, Sendable {
  struct Metadata: Codable, Sendable {
    var name: String
    var namespace: String?
    var resourceVersion: String?
    var uid: String?
    var labels: [String: String]?
  }
  struct Container: Codable, Sendable {
    var name: String
    var image: String
  }
  struct Spec: Codable, Sendable {
    var nodeName: String?
    var containers: [Container]
  }
  var apiVersion = "v1"
  var kind = "Pod"
  var metadata: Metadata
  var spec: Spec

  init(_ name: String, labels: [String: String]? = nil) {
    metadata = Metadata(name: name, namespace: "default", labels: labels)
    spec = Spec(containers: [Container(name: "c", image: "pause")])
  }
}

final class Seen: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String] = []
  func add(_ entry: String) { lock.withLock { entries.append(entry) } }
  var all: [String] { lock.withLock { entries } }
}

@Suite(.serialized) struct ClientAgainstSandboxTests {
  @Test func verbsListsWatchesAndTheReflectorWorkAgainstTheSandbox() async throws {
    let sandbox = try await Sandbox.start()
    let client = try KubernetesClient(
      configuration: ClientConfiguration(
        server: URL(string: sandbox.url)!, credentials: .bearerToken("sandbox")),
      contextName: "sandbox")
    do {
      // create, get, AlreadyExists
      for index in 0..<7 {
        _ = try await client.create(
          SandboxPod("web-\(index)", labels: ["app": "web"]), in: .pods(namespace: "default"))
      }
      let got = try await client.get(SandboxPod.self, .pods(namespace: "default", name: "web-0"))
      #expect(got.metadata.name == "web-0")
      do {
        _ = try await client.create(SandboxPod("web-0"), in: .pods(namespace: "default"))
        Issue.record("a second create succeeded")
      } catch let error as KubernetesClientError {
        #expect(error.isAlreadyExists, "\(error)")
      }
      // paging
      let page = try await client.list(
        SandboxPod.self, .pods(namespace: "default"), options: ListOptions(limit: 3))
      #expect(page.items.count == 3)
      #expect(page.metadata.continueToken?.isEmpty == false)
      let all = try await client.listAll(
        SandboxPod.self, .pods(), options: ListOptions(labelSelector: "app=web", limit: 2))
      #expect(all.items.count == 7)
      // conflict helper, patch
      let updated = try await client.update(SandboxPod.self, .pods(namespace: "default", name: "web-1")) {
        $0.metadata.labels?["touched"] = "yes"
      }
      #expect(updated.metadata.labels?["touched"] == "yes")
      let patched = try await client.patch(
        SandboxPod.self, .pods(namespace: "default", name: "web-1"), .merge,
        body: Array(#"{"metadata":{"labels":{"patched":"yes"}}}"#.utf8))
      #expect(patched.metadata.labels?["patched"] == "yes")
      // a stale update is a conflict
      var stale = got
      stale.metadata.resourceVersion = "1"
      stale.metadata.labels = ["x": "y"]
      do {
        _ = try await client.update(stale, at: .pods(namespace: "default", name: "web-0"))
        Issue.record("a stale update succeeded")
      } catch let error as KubernetesClientError {
        #expect(error.isConflict, "\(error)")
      }
      // not found reads as a sentence
      do {
        _ = try await client.get(.pods(namespace: "default", name: "nothing"))
        Issue.record("a missing pod was found")
      } catch let error as KubernetesClientError {
        #expect(error.isNotFound)
        #expect(
          "\(error)".hasPrefix(
            #"cannot get pods "nothing" in namespace "default" on \#(sandbox.url) (context "sandbox"): NotFound (404)"#
          ), "\(error)")
      }
      // the reflector: list, then watch events
      let seen = Seen()
      let reflector = Reflector(
        SandboxPod.self, client: client, path: .pods(namespace: "default"), pageSize: 2
      ) { event in
        switch event {
        case .replace(let pods, _): seen.add("replace \(pods.count)")
        case .synced: seen.add("synced")
        case .added(let pod): seen.add("added \(pod.metadata.name)")
        case .modified(let pod): seen.add("modified \(pod.metadata.name)")
        case .deleted(let pod): seen.add("deleted \(pod.metadata.name)")
        }
      }
      let task = Task { await reflector.run() }
      var deadline = ContinuousClock.now + .seconds(10)
      while !seen.all.contains("synced") && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(20))
      }
      try await Task.sleep(for: .milliseconds(300))
      _ = try await client.create(SandboxPod("late"), in: .pods(namespace: "default"))
      try await client.delete(
        .pods(namespace: "default", name: "web-6"), options: DeleteOptions(gracePeriodSeconds: 0))
      try await client.evict(pod: "web-5", namespace: "default")
      deadline = ContinuousClock.now + .seconds(10)
      while !(seen.all.contains("added late") && seen.all.contains("deleted web-6"))
        && ContinuousClock.now < deadline
      {
        try await Task.sleep(for: .milliseconds(20))
      }
      task.cancel()
      await task.value
      #expect(Array(seen.all.prefix(2)) == ["replace 7", "synced"], "\(seen.all)")
      #expect(seen.all.contains("added late"), "\(seen.all)")
      #expect(seen.all.contains("deleted web-6"), "\(seen.all)")
    } catch {
      Issue.record("\(error)")
    }
    try await client.shutdown()
    await sandbox.stop()
  }

  @Test func theReflectorResumesAcrossWatchTimeoutsWithoutLosingOrRepeatingEvents() async throws {
    let sandbox = try await Sandbox.start(options: SandboxOptions(bookmarkInterval: 0.2))
    let client = try KubernetesClient(
      configuration: ClientConfiguration(
        server: URL(string: sandbox.url)!, credentials: .bearerToken("sandbox")),
      contextName: "sandbox")
    let seen = Seen()
    let reflector = Reflector(
      SandboxPod.self, client: client, path: .pods(namespace: "default"), watchTimeoutSeconds: 1...1
    ) { event in
      if case .added(let pod) = event { seen.add(pod.metadata.name) }
      if case .synced = event { seen.add("synced") }
    }
    let task = Task { await reflector.run() }
    // Pods made before the first list would come in its `replace`, not as events.
    let synced = ContinuousClock.now + .seconds(10)
    while !seen.all.contains("synced") && ContinuousClock.now < synced { try await Task.sleep(for: .milliseconds(10)) }
    let names = (0..<12).map { "p\($0)" }
    for name in names {
      _ = try await client.create(SandboxPod(name), in: .pods(namespace: "default"))
      try await Task.sleep(for: .milliseconds(300))
    }
    let deadline = ContinuousClock.now + .seconds(5)
    while seen.all.count < names.count + 1 && ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(20))
    }
    task.cancel()
    await task.value
    #expect(seen.all == ["synced"] + names)
    try await client.shutdown()
    await sandbox.stop()
  }

  @Test func aWatchFromAVersionPastTheHistoryIsGone() async throws {
    let sandbox = try await Sandbox.start(options: SandboxOptions(historyLimit: 3))
    let client = try KubernetesClient(
      configuration: ClientConfiguration(
        server: URL(string: sandbox.url)!, credentials: .bearerToken("sandbox")),
      contextName: "sandbox")
    let first = try await client.create(SandboxPod("first"), in: .pods(namespace: "default"))
    for index in 0..<10 {
      _ = try await client.create(SandboxPod("p\(index)"), in: .pods(namespace: "default"))
    }
    var gone = false
    do {
      for try await event in client.watch(
        SandboxPod.self, .pods(namespace: "default"), resourceVersion: first.metadata.resourceVersion,
        timeoutSeconds: 2)
      {
        if case .error(let status) = event, status.code == 410 { gone = true }
      }
    } catch let error as KubernetesClientError {
      gone = error.isGone
    }
    #expect(gone)
    try await client.shutdown()
    await sandbox.stop()
  }
}
