import Foundation
import Testing

@testable import APIServer

@Suite struct ListTests {
  func storeWithPods(_ count: Int) throws -> APIStore {
    var store = APIStore(now: t0)
    _ = try store.create(namespaces, namespace: nil, ["metadata": ["name": "other"]], now: t0)
    for i in 0..<count {
      _ = try store.create(
        pods, namespace: i % 2 == 0 ? "default" : "other",
        pod(String(format: "p%02d", i), labels: ["i": String(i % 3)]), now: t0)
    }
    return store
  }

  @Test func listsAreSortedByNamespaceThenNameAndCarryTheCurrentVersion() throws {
    let store = try storeWithPods(6)
    let all = try store.list(pods)
    #expect(
      all.items.map { "\($0.namespace)/\($0.name)" } == [
        "default/p00", "default/p02", "default/p04", "other/p01", "other/p03", "other/p05",
      ])
    #expect(all.resourceVersion == store.resourceVersion)
    #expect(all.continueToken == nil)
    #expect(try store.list(pods, namespace: "other").items.count == 3)
    #expect(try store.list(pods, labelSelector: "i=0").items.map(\.name) == ["p00", "p03"])
    #expect(
      try store.list(pods, fieldSelector: "metadata.namespace=other,metadata.name!=p01").items.map(\.name)
        == ["p03", "p05"])
    let json = all.json(pods)
    #expect(json["kind"] == "PodList")
    #expect(json[path: ["metadata", "resourceVersion"]] == .string(String(store.resourceVersion)))
  }

  @Test func paginatesWithContinueTokensAndRemainingItemCount() throws {
    var store = try storeWithPods(7)
    let first = try store.list(pods, limit: 3)
    #expect(first.items.map(\.name) == ["p00", "p02", "p04"])
    #expect(first.remainingItemCount == 4)
    let token = try #require(first.continueToken)
    _ = try store.create(pods, namespace: "default", pod("p99"), now: t0)
    let second = try store.list(pods, limit: 3, continue: token)
    #expect(second.items.map(\.name) == ["p06", "p99", "p01"])
    #expect(second.resourceVersion == first.resourceVersion)
    let secondToken = try #require(second.continueToken)
    let third = try store.list(pods, limit: 3, continue: secondToken)
    #expect(third.items.map(\.name) == ["p03", "p05"])
    #expect(third.continueToken == nil)
  }

  @Test func anExpiredContinueTokenIsGone() throws {
    var store = try storeWithPods(4)
    let token = try #require(try store.list(pods, limit: 1).continueToken)
    _ = try store.create(pods, namespace: "default", pod("late"), now: t0)
    store.expireAll()
    let error = apiError { _ = try store.list(pods, limit: 1, continue: token) }
    #expect(error?.code == 410)
    #expect(error?.reason == .expired)
    #expect(apiError { _ = try store.list(pods, continue: "garbage!") }?.code == 400)
  }

  @Test func aBadSelectorIsABadRequest() throws {
    let store = try storeWithPods(1)
    #expect(apiError { _ = try store.list(pods, labelSelector: "a in") }?.code == 400)
    #expect(apiError { _ = try store.list(pods, fieldSelector: "spec.image=x") }?.code == 400)
  }
}

@Suite struct WatchTests {
  @Test func eventsSinceAVersionReplayTheChangesAfterIt() throws {
    var store = APIStore(now: t0)
    let start = store.resourceVersion
    var a = try store.create(configMaps, namespace: "default", configMap("a"), now: t0)
    a["data"] = ["k": "v"]
    a = try store.update(configMaps, namespace: "default", name: "a", a, now: t0)
    _ = try store.delete(configMaps, namespace: "default", name: "a", now: t0)
    let events = try store.events(configMaps, since: start).get()
    #expect(events.map(\.type) == [.added, .modified, .deleted])
    #expect(events.map(\.resourceVersion) == [start + 1, start + 2, start + 3])
    #expect(events[2].object[path: ["metadata", "resourceVersion"]] == .string(String(start + 3)))
    #expect(try store.events(configMaps, since: start + 2).get().map(\.type) == [.deleted])
    #expect(try store.events(pods, since: start).get().isEmpty)
  }

  @Test func aVersionOlderThanTheHistoryIsGone() throws {
    var store = APIStore(historyLimit: 5, now: t0)
    let start = store.resourceVersion
    for i in 0..<10 { _ = try store.create(configMaps, namespace: "default", configMap("c\(i)"), now: t0) }
    let result = store.events(configMaps, since: start)
    guard case .failure(let error) = result else {
      Issue.record("expected 410")
      return
    }
    #expect(error.code == 410)
    #expect(error.message == "too old resource version: \(start) (\(store.resourceVersion - 4))")
    #expect(try store.events(configMaps, since: store.resourceVersion - 5).get().count == 5)
  }

  @Test func expireMakesVersionsUnreachableEarly() throws {
    var store = APIStore(now: t0)
    let start = store.resourceVersion
    _ = try store.create(configMaps, namespace: "default", configMap("a"), now: t0)
    store.expire(through: start + 1)
    #expect(throws: APIError.self) { try store.events(configMaps, since: start).get() }
    #expect(try store.events(configMaps, since: start + 1).get().isEmpty)
  }

  @Test func versionZeroStartsWithTheCurrentObjects() throws {
    var store = APIStore(now: t0)
    _ = try store.create(configMaps, namespace: "default", configMap("a"), now: t0)
    let events = try store.events(configMaps, since: 0).get()
    #expect(events.map(\.type) == [.added])
    #expect(events.first?.object.name == "a")
  }

  @Test func aFilteredWatchSeesObjectsEnterAndLeaveItsSelection() throws {
    var store = APIStore(now: t0)
    let start = store.resourceVersion
    var p = try store.create(pods, namespace: "default", pod("p", labels: ["app": "web"]), now: t0)
    p[path: ["metadata", "labels", "app"]] = "db"
    p = try store.update(pods, namespace: "default", name: "p", p, now: t0)
    p[path: ["metadata", "labels", "app"]] = "web"
    p = try store.update(pods, namespace: "default", name: "p", p, now: t0)
    _ = try store.create(pods, namespace: "default", pod("q", labels: ["app": "db"]), now: t0)
    let seen = try store.events(pods, since: start, labelSelector: "app=web").get()
    #expect(seen.map(\.type) == [.added, .deleted, .added])
    #expect(seen.allSatisfy { $0.object.name == "p" })
    let byNode = try store.events(pods, namespace: "default", since: start, fieldSelector: "spec.nodeName=")
      .get()
    #expect(byNode.count == 4)
  }

  @Test func everyWriteIsDrainedOnceIncludingCascades() throws {
    var store = APIStore(now: t0)
    _ = store.drainEvents()
    let owner = try store.create(configMaps, namespace: "default", configMap("owner"), now: t0)
    var dependent = configMap("dep")
    dependent[path: ["metadata", "ownerReferences"]] = [
      ["apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": owner["metadata"]!["uid"]!]
    ]
    _ = try store.create(configMaps, namespace: "default", dependent, now: t0)
    _ = try store.delete(configMaps, namespace: "default", name: "owner", now: t0)
    let drained = store.drainEvents()
    #expect(
      drained.map { "\($0.type.rawValue) \($0.object.name)" } == [
        "ADDED owner", "ADDED dep", "DELETED owner", "DELETED dep",
      ])
    #expect(store.drainEvents().isEmpty)
    #expect(drained[2].frame()["type"] == "DELETED")
  }
}

@Suite struct WatchFilterTests {
  @Test func aLiveFilterServesTheWatchedVersionAndIgnoresOtherResources() throws {
    var store = APIStore(now: t0)
    let v1beta1 = ResourceType(
      group: "karpenter.sh", version: "v1beta1", kind: "NodePool", plural: "nodepools", namespaced: false,
      isCustom: true)
    _ = store.drainEvents()
    _ = try store.create(
      nodePools, namespace: nil,
      ["apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": ["name": "p"], "spec": [:]], now: t0)
    _ = try store.create(configMaps, namespace: "default", configMap("c"), now: t0)
    let filter = WatchFilter(type: v1beta1, namespace: nil, labels: nil, fields: nil)
    let delivered = store.drainEvents().compactMap(filter.deliver)
    #expect(delivered.count == 1)
    #expect(delivered.first?.object["apiVersion"] == "karpenter.sh/v1beta1")
  }
}

@Suite struct ChangeCursorTests {
  @Test func aCursorSeesEveryResourceInOrderWithoutDraining() throws {
    var store = APIStore(historyLimit: 4, now: t0)
    let cursor = store.resourceVersion
    _ = try store.create(configMaps, namespace: "default", configMap("c"), now: t0)
    _ = try store.create(pods, namespace: "default", pod("p"), now: t0)
    let changes = try store.changes(since: cursor).get()
    #expect(changes.map(\.plural) == ["configmaps", "pods"])
    #expect(store.pendingEvents.count == 2)
    for i in 0..<5 { _ = try store.create(configMaps, namespace: "default", configMap("x\(i)"), now: t0) }
    #expect(throws: APIError.self) { try store.changes(since: cursor).get() }
  }
}
