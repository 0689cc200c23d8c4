import Foundation
import Testing

@testable import APIServer

/// An owner chain: a ReplicaSet owning two pods (blockOwnerDeletion as the controller sets it).
func storeWithReplicaSet() throws -> (APIStore, JSON) {
  var store = APIStore(now: t0)
  let rs = try store.create(
    replicaSets, namespace: "default",
    [
      "apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": ["name": "rs"],
      "spec": [
        "selector": ["matchLabels": ["app": "web"]], "template": ["metadata": ["labels": ["app": "web"]]],
      ],
    ],
    now: t0)
  for name in ["a", "b"] {
    var p = pod(name, labels: ["app": "web"])
    p[path: ["metadata", "ownerReferences"]] = [
      [
        "apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "rs", "uid": rs["metadata"]!["uid"]!,
        "controller": true, "blockOwnerDeletion": true,
      ]
    ]
    _ = try store.create(pods, namespace: "default", p, now: t0)
  }
  return (store, rs)
}

@Suite struct FinalizerTests {
  @Test func finalizersHoldTheObjectUntilTheLastOneIsRemoved() throws {
    var store = APIStore(now: t0)
    var cm = configMap("a")
    cm[path: ["metadata", "finalizers"]] = ["example.com/one", "example.com/two"]
    _ = try store.create(configMaps, namespace: "default", cm, now: t0)
    let later = t0.addingTimeInterval(60)
    let result = try store.delete(configMaps, namespace: "default", name: "a", now: later)
    guard case .markedForDeletion(let marked) = result else {
      Issue.record("expected the object to stay")
      return
    }
    #expect(marked[path: ["metadata", "deletionTimestamp"]] == .string(Timestamp.format(later)))
    #expect(marked[path: ["metadata", "deletionGracePeriodSeconds"]] == 0)
    // New finalizers cannot be added to an object being deleted.
    var adding = marked
    adding[path: ["metadata", "finalizers"]] = ["example.com/one", "example.com/two", "example.com/three"]
    #expect(
      apiError { _ = try store.update(configMaps, namespace: "default", name: "a", adding, now: t0) }?.code
        == 422)
    var one = marked
    one[path: ["metadata", "finalizers"]] = ["example.com/two"]
    let afterOne = try store.update(configMaps, namespace: "default", name: "a", one, now: t0)
    #expect(store.lookup(configMaps, namespace: "default", name: "a") != nil)
    _ = store.drainEvents()
    _ = try store.patch(
      configMaps, namespace: "default", name: "a",
      bytes(#"{"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/two"]}}"#),
      as: .strategic, now: t0)
    #expect(store.lookup(configMaps, namespace: "default", name: "a") == nil)
    #expect(store.drainEvents().map(\.type) == [.deleted])
    _ = afterOne
  }

  @Test func preconditionsMustMatch() throws {
    var store = APIStore(now: t0)
    let cm = try store.create(configMaps, namespace: "default", configMap("a"), now: t0)
    let wrongUID = apiError {
      _ = try store.delete(
        configMaps, namespace: "default", name: "a", options: DeleteOptions(preconditionUID: "nope"), now: t0)
    }
    #expect(wrongUID?.code == 409)
    let wrongRV = apiError {
      _ = try store.delete(
        configMaps, namespace: "default", name: "a", options: DeleteOptions(preconditionResourceVersion: "1"),
        now: t0)
    }
    #expect(wrongRV?.message.contains("Precondition failed: ResourceVersion in precondition: 1") == true)
    let ok = try store.delete(
      configMaps, namespace: "default", name: "a", options: DeleteOptions(preconditionUID: cm.uid), now: t0)
    #expect(ok == .deleted(ok.object))
    #expect(
      apiError { _ = try store.delete(configMaps, namespace: "default", name: "a", now: t0) }?.code == 404)
  }

  @Test func deleteOptionsParseFromABody() throws {
    let options = try DeleteOptions(parsing: [
      "propagationPolicy": "Foreground", "gracePeriodSeconds": 0, "preconditions": ["uid": "u"],
    ])
    #expect(
      options == DeleteOptions(preconditionUID: "u", propagationPolicy: .foreground, gracePeriodSeconds: 0))
    #expect(try DeleteOptions(parsing: ["orphanDependents": true]).propagationPolicy == .orphan)
    #expect(apiError { _ = try DeleteOptions(parsing: ["propagationPolicy": "Sideways"]) }?.code == 422)
  }
}

@Suite struct CascadingDeletionTests {
  @Test func backgroundDeletesTheOwnerAtOnceThenItsDependents() throws {
    var (store, _) = try storeWithReplicaSet()
    _ = store.drainEvents()
    let result = try store.delete(
      replicaSets, namespace: "default", name: "rs", options: DeleteOptions(propagationPolicy: .background),
      now: t0)
    #expect(result == .deleted(result.object))
    #expect(try store.list(pods).items.isEmpty)
    #expect(
      store.drainEvents().map { "\($0.type.rawValue) \($0.object.name)" } == [
        "DELETED rs", "DELETED a", "DELETED b",
      ])
  }

  @Test func foregroundKeepsTheOwnerUntilBlockingDependentsAreGone() throws {
    var (store, _) = try storeWithReplicaSet()
    // One pod is held by a finalizer, so the owner must wait for it.
    var held = try store.get(pods, namespace: "default", name: "a")
    held[path: ["metadata", "finalizers"]] = ["example.com/hold"]
    held = try store.update(pods, namespace: "default", name: "a", held, now: t0)
    let result = try store.delete(
      replicaSets, namespace: "default", name: "rs", options: DeleteOptions(propagationPolicy: .foreground),
      now: t0)
    guard case .markedForDeletion(let owner) = result else {
      Issue.record("expected the owner to wait")
      return
    }
    #expect(owner.finalizers == ["foregroundDeletion"])
    #expect(store.lookup(pods, namespace: "default", name: "b") == nil)
    #expect(store.lookup(pods, namespace: "default", name: "a")?.isTerminating == true)
    var release = try store.get(pods, namespace: "default", name: "a")
    release[path: ["metadata", "finalizers"]] = nil
    _ = try store.update(pods, namespace: "default", name: "a", release, now: t0)
    #expect(store.lookup(pods, namespace: "default", name: "a") == nil)
    #expect(store.lookup(replicaSets, namespace: "default", name: "rs") == nil)
  }

  @Test func foregroundWithoutDependentsDeletesAtOnce() throws {
    var store = APIStore(now: t0)
    _ = try store.create(configMaps, namespace: "default", configMap("a"), now: t0)
    let result = try store.delete(
      configMaps, namespace: "default", name: "a", options: DeleteOptions(propagationPolicy: .foreground),
      now: t0)
    #expect(result == .deleted(result.object))
  }

  @Test func orphanLeavesDependentsWithoutTheOwnerReference() throws {
    var (store, _) = try storeWithReplicaSet()
    _ = try store.delete(
      replicaSets, namespace: "default", name: "rs", options: DeleteOptions(propagationPolicy: .orphan),
      now: t0)
    let remaining = try store.list(pods).items
    #expect(remaining.map(\.name) == ["a", "b"])
    #expect(remaining.allSatisfy { $0[path: ["metadata", "ownerReferences"]] == nil })
  }

  @Test func aDependentWithAnotherLivingOwnerOnlyLosesTheDanglingReference() throws {
    var store = APIStore(now: t0)
    let one = try store.create(configMaps, namespace: "default", configMap("one"), now: t0)
    let two = try store.create(configMaps, namespace: "default", configMap("two"), now: t0)
    var dep = configMap("dep")
    dep[path: ["metadata", "ownerReferences"]] = [
      ["apiVersion": "v1", "kind": "ConfigMap", "name": "one", "uid": .string(one.uid!)],
      ["apiVersion": "v1", "kind": "ConfigMap", "name": "two", "uid": .string(two.uid!)],
    ]
    _ = try store.create(configMaps, namespace: "default", dep, now: t0)
    _ = try store.delete(configMaps, namespace: "default", name: "one", now: t0)
    let left = try store.get(configMaps, namespace: "default", name: "dep")
    #expect(left[path: ["metadata", "ownerReferences"]]?.array?.map { $0["name"]! } == ["two"])
  }

  @Test func dependentsOfAMissingOwnerAreCollectedBySweep() throws {
    var store = APIStore(now: t0)
    var orphan = configMap("orphan")
    orphan[path: ["metadata", "ownerReferences"]] = [
      [
        "apiVersion": "v1", "kind": "ConfigMap", "name": "gone",
        "uid": "00000000-0000-4000-8000-000000000000",
      ]
    ]
    _ = try store.create(configMaps, namespace: "default", orphan, now: t0)
    store.collectGarbage(now: t0)
    #expect(store.lookup(configMaps, namespace: "default", name: "orphan") == nil)
  }

  @Test func deletingANamespaceDeletesItsContentAndThenItself() throws {
    var store = APIStore(now: t0)
    _ = try store.create(namespaces, namespace: nil, ["metadata": ["name": "team"]], now: t0)
    var held = configMap("held")
    held[path: ["metadata", "finalizers"]] = ["example.com/x"]
    _ = try store.create(configMaps, namespace: "team", held, now: t0)
    _ = try store.create(configMaps, namespace: "team", configMap("free"), now: t0)
    let result = try store.delete(namespaces, namespace: nil, name: "team", now: t0)
    #expect(result.object[path: ["status", "phase"]] == "Terminating")
    #expect(store.lookup(configMaps, namespace: "team", name: "free") == nil)
    #expect(
      apiError { _ = try store.create(configMaps, namespace: "team", configMap("new"), now: t0) }?.code == 403
    )
    _ = try store.patch(
      configMaps, namespace: "team", name: "held", bytes(#"{"metadata":{"finalizers":null}}"#), as: .merge,
      now: t0)
    #expect(store.lookup(namespaces, namespace: nil, name: "team") == nil)
  }
}

@Suite struct PodDeletionTests {
  @Test func aPodOnANodeIsMarkedForTheKubeletAndFinalizedByIt() throws {
    var store = APIStore(now: t0)
    _ = try store.create(pods, namespace: "default", pod("p", node: "n1", phase: "Running"), now: t0)
    let result = try store.delete(pods, namespace: "default", name: "p", now: t0)
    guard case .markedForDeletion(let marked) = result else {
      Issue.record("expected a graceful deletion")
      return
    }
    #expect(marked[path: ["metadata", "deletionGracePeriodSeconds"]] == 30)
    #expect(
      marked[path: ["metadata", "deletionTimestamp"]] == .string(Timestamp.format(t0.addingTimeInterval(30))))
    let finished = try store.finalizePodDeletion(namespace: "default", name: "p", now: t0)
    #expect(finished == .deleted(finished.object))
    #expect(store.lookup(pods, namespace: "default", name: "p") == nil)
  }

  @Test func unscheduledPodsAndZeroGraceGoAtOnce() throws {
    var store = APIStore(now: t0)
    _ = try store.create(pods, namespace: "default", pod("pending"), now: t0)
    let result = try store.delete(pods, namespace: "default", name: "pending", now: t0)
    #expect(result == .deleted(result.object))
    #expect(store.lookup(pods, namespace: "default", name: "pending") == nil)
    _ = try store.create(pods, namespace: "default", pod("bound", node: "n1", phase: "Running"), now: t0)
    _ = try store.delete(
      pods, namespace: "default", name: "bound", options: DeleteOptions(gracePeriodSeconds: 0), now: t0)
    #expect(store.lookup(pods, namespace: "default", name: "bound") == nil)
  }

  @Test func aForcedDeleteFinishesATerminatingPod() throws {
    var store = APIStore(now: t0)
    _ = try store.create(pods, namespace: "default", pod("p", node: "n1", phase: "Running"), now: t0)
    _ = try store.delete(pods, namespace: "default", name: "p", now: t0)
    #expect(store.lookup(pods, namespace: "default", name: "p") != nil)
    _ = try store.delete(
      pods, namespace: "default", name: "p", options: DeleteOptions(gracePeriodSeconds: 0), now: t0)
    #expect(store.lookup(pods, namespace: "default", name: "p") == nil)
  }

  @Test func deleteCollectionDeletesTheSelectedObjects() throws {
    var store = APIStore(now: t0)
    for (name, app) in [("a", "x"), ("b", "x"), ("c", "y")] {
      _ = try store.create(pods, namespace: "default", pod(name, labels: ["app": app]), now: t0)
    }
    let results = try store.deleteCollection(pods, namespace: "default", labelSelector: "app=x", now: t0)
    #expect(results.map(\.object.name) == ["a", "b"])
    #expect(try store.list(pods).items.map(\.name) == ["c"])
  }
}

@Suite struct GracefulPodUpdateTests {
  @Test func aStatusUpdateDuringTheGracePeriodDoesNotFinishThePod() throws {
    var store = APIStore(now: t0)
    _ = try store.create(pods, namespace: "default", pod("p", node: "n1", phase: "Running"), now: t0)
    _ = try store.delete(pods, namespace: "default", name: "p", now: t0)
    var status = try store.get(pods, namespace: "default", name: "p")
    status[path: ["status", "phase"]] = "Succeeded"
    _ = try store.update(pods, namespace: "default", name: "p", status, subresource: .status, now: t0)
    #expect(store.lookup(pods, namespace: "default", name: "p")?[path: ["status", "phase"]] == "Succeeded")
  }

  @Test func jobsOrphanTheirPodsByDefaultAsTheRealServerDoes() throws {
    var store = APIStore(now: t0)
    let jobs = try #require(registry.type(group: "batch", version: "v1", plural: "jobs"))
    let job = try store.create(
      jobs, namespace: "default",
      [
        "metadata": ["name": "j"],
        "spec": ["template": ["spec": ["containers": [], "restartPolicy": "Never"]]],
      ], now: t0)
    var p = pod("j-1")
    p[path: ["metadata", "ownerReferences"]] = [
      ["apiVersion": "batch/v1", "kind": "Job", "name": "j", "uid": .string(job.uid!)]
    ]
    _ = try store.create(pods, namespace: "default", p, now: t0)
    _ = try store.delete(jobs, namespace: "default", name: "j", now: t0)
    #expect(
      store.lookup(pods, namespace: "default", name: "j-1")?[path: ["metadata", "ownerReferences"]] == nil)
  }
}

@Suite struct HostileInputTests {
  @Test func anEnormousGracePeriodIsClampedNotATrap() throws {
    var store = APIStore(now: t0)
    _ = try store.create(pods, namespace: "default", pod("p", node: "n1", phase: "Running"), now: t0)
    let options = try DeleteOptions(parsing: ["gracePeriodSeconds": .int(Int64.max)])
    let result = try store.delete(pods, namespace: "default", name: "p", options: options, now: t0)
    #expect(result.object.isTerminating)
  }

  @Test func anAbsurdBudgetPercentageIsClamped() throws {
    #expect(APIStore.scaled("99999999999999999%", of: 10) == 10)
    #expect(APIStore.scaled(.int(Int64.max), of: 10) == Int(Int32.max))
  }

  @Test func malformedMetadataIsABadRequestOrInvalid() {
    var store = APIStore(now: t0)
    #expect(
      apiError { _ = try store.create(configMaps, namespace: "default", ["metadata": "x"], now: t0) }?.code
        == 400)
    #expect(
      apiError { _ = try store.create(configMaps, namespace: "default", ["metadata": ["name": 5]], now: t0) }?
        .code == 422)
    #expect(
      apiError { _ = try store.create(configMaps, namespace: "default", "not an object", now: t0) }?.code
        == 400)
    #expect(
      apiError {
        _ = try store.patch(
          configMaps, namespace: "default", name: "x", Array(String(repeating: "[", count: 10_000).utf8),
          as: .json, now: t0)
      }?.code == 400)
  }
}

@Suite struct OddRegistryAndImageTests {
  @Test func aRegistryWithoutNamespacesRefusesNamespacedCreatesInsteadOfTrapping() {
    var store = APIStore(registry: ResourceRegistry(types: [configMaps]), now: t0)
    #expect(
      apiError { _ = try store.create(configMaps, namespace: "default", configMap("a"), now: t0) }?.code
        == 404)
  }

  @Test(arguments: [":", "::", "a:", "/", "", "repo/app:latest", "app@sha256:abc"])
  func oddImageNamesGetAPullPolicy(image: String) throws {
    var store = APIStore(now: t0)
    var p = pod("p")
    p[path: ["spec", "containers"]] = [["name": "c", "image": .string(image)]]
    if image.isEmpty {
      #expect(apiError { _ = try store.create(pods, namespace: "default", p, now: t0) }?.code == 422)
    } else {
      let created = try store.create(pods, namespace: "default", p, now: t0)
      #expect(created[path: ["spec", "containers"]]?.array?.first?["imagePullPolicy"] != nil)
    }
  }
}

@Suite struct ProtectedNamespaceAndCRDVersionTests {
  @Test func theSystemNamespacesCannotBeDeleted() {
    var store = APIStore(now: t0)
    let error = apiError { _ = try store.delete(namespaces, namespace: nil, name: "kube-system", now: t0) }
    #expect(error?.code == 403)
    #expect(error?.message == #"namespaces "kube-system" is forbidden: this namespace may not be deleted"#)
  }

  @Test func aCRDUpdateStopsServingDroppedVersions() throws {
    var store = APIStore(now: t0)
    var crd: JSON = [
      "metadata": ["name": "widgets.example.com"],
      "spec": [
        "group": "example.com", "scope": "Cluster", "names": ["kind": "Widget", "plural": "widgets"],
        "versions": [
          ["name": "v1", "served": true, "storage": true],
          ["name": "v1beta1", "served": true, "storage": false],
        ],
      ],
    ]
    _ = try store.create(crds, namespace: nil, crd, now: t0)
    #expect(store.registry.type(group: "example.com", version: "v1beta1", plural: "widgets") != nil)
    crd = try store.get(crds, namespace: nil, name: "widgets.example.com")
    crd[path: ["spec", "versions"]] = [["name": "v1", "served": true, "storage": true]]
    _ = try store.update(crds, namespace: nil, name: "widgets.example.com", crd, now: t0)
    #expect(store.registry.type(group: "example.com", version: "v1beta1", plural: "widgets") == nil)
    #expect(store.registry.type(group: "example.com", version: "v1", plural: "widgets") != nil)
  }
}
