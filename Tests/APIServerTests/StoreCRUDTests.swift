import Foundation
import Testing

@testable import APIServer

@Suite struct StoreCreateTests {
  @Test func startsWithTheFourNamespacesAndTheirServiceAccounts() throws {
    let store = APIStore(now: t0)
    let names = try store.list(namespaces).items.map(\.name)
    #expect(names == ["default", "kube-node-lease", "kube-public", "kube-system"])
    let sa = try store.get(registry.type(group: "", version: "v1", plural: "serviceaccounts")!, namespace: "default", name: "default")
    #expect(sa["kind"] == "ServiceAccount")
    let ns = try store.get(namespaces, namespace: nil, name: "default")
    #expect(ns[path: ["spec", "finalizers"]] == ["kubernetes"])
    #expect(ns[path: ["status", "phase"]] == "Active")
  }

  @Test func createStampsSystemFieldsAndEachWriteIncrementsTheResourceVersion() throws {
    var store = APIStore(now: t0)
    let before = store.resourceVersion
    let a = try store.create(configMaps, namespace: "default", configMap("a"), now: t0)
    let b = try store.create(configMaps, namespace: "default", configMap("b"), now: t0)
    #expect(a[path: ["metadata", "resourceVersion"]] == .string(String(before + 1)))
    #expect(b[path: ["metadata", "resourceVersion"]] == .string(String(before + 2)))
    #expect(store.resourceVersion == before + 2)
    #expect(a[path: ["metadata", "namespace"]] == "default")
    #expect(a[path: ["metadata", "creationTimestamp"]] == "2023-11-14T22:13:20Z")
    let uid = try #require(a.uid)
    #expect(uid.count == 36 && uid.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
    #expect(a.uid != b.uid)
    #expect(try store.get(configMaps, namespace: "default", name: "a") == a)
  }

  @Test func createOfAnExistingNameIsAlreadyExists() throws {
    var store = APIStore(now: t0)
    _ = try store.create(configMaps, namespace: "default", configMap("a"), now: t0)
    let error = apiError { _ = try store.create(configMaps, namespace: "default", configMap("a"), now: t0) }
    #expect(error?.code == 409)
    #expect(error?.reason == .alreadyExists)
    #expect(error?.message == #"configmaps "a" already exists"#)
  }

  @Test func generateNameAppendsFiveCharactersFromTheRealAlphabet() throws {
    var store = APIStore(now: t0)
    var seen: Set<String> = []
    for _ in 0..<20 {
      var object = pod("")
      object[path: ["metadata", "name"]] = nil
      object[path: ["metadata", "generateName"]] = "web-"
      let created = try store.create(pods, namespace: "default", object, now: t0)
      let suffix = created.name.dropFirst(4)
      #expect(created.name.hasPrefix("web-") && suffix.count == 5)
      #expect(suffix.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
      seen.insert(created.name)
    }
    #expect(seen.count == 20)
  }

  @Test(arguments: ["Upper", "under_score", "-lead", "trail-", String(repeating: "a", count: 254)])
  func rejectsInvalidNames(name: String) {
    var store = APIStore(now: t0)
    let error = apiError { _ = try store.create(configMaps, namespace: "default", configMap(name), now: t0) }
    #expect(error?.code == 422)
    #expect(error?.causes.first?.field == "metadata.name")
  }

  @Test func missingNameIsInvalid() {
    var store = APIStore(now: t0)
    var object = configMap("x")
    object[path: ["metadata", "name"]] = nil
    let error = apiError { _ = try store.create(configMaps, namespace: "default", object, now: t0) }
    #expect(error?.message == #"ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required"#)
  }

  @Test func namespacedCreateNeedsAnExistingNamespace() {
    var store = APIStore(now: t0)
    let error = apiError { _ = try store.create(configMaps, namespace: "nope", configMap("a"), now: t0) }
    #expect(error?.code == 404)
    #expect(error?.message == #"namespaces "nope" not found"#)
  }

  @Test func apiVersionMustMatchTheEndpoint() {
    var store = APIStore(now: t0)
    var object = configMap("a")
    object["apiVersion"] = "apps/v1"
    let error = apiError { _ = try store.create(configMaps, namespace: "default", object, now: t0) }
    #expect(error?.code == 400)
  }

  @Test func dryRunStoresNothing() throws {
    var store = APIStore(now: t0)
    let rv = store.resourceVersion
    let result = try store.create(configMaps, namespace: "default", configMap("a"), dryRun: true, now: t0)
    #expect(result.name == "a")
    #expect(store.resourceVersion == rv)
    #expect(store.lookup(configMaps, namespace: "default", name: "a") == nil)
  }

  @Test func podDefaultsAreFilledIn() throws {
    var store = APIStore(now: t0)
    let created = try store.create(pods, namespace: "default", pod("p"), now: t0)
    #expect(created[path: ["status", "phase"]] == "Pending")
    #expect(created[path: ["spec", "restartPolicy"]] == "Always")
    #expect(created[path: ["spec", "dnsPolicy"]] == "ClusterFirst")
    #expect(created[path: ["spec", "schedulerName"]] == "default-scheduler")
    #expect(created[path: ["spec", "terminationGracePeriodSeconds"]] == 30)
    let container = try #require(created[path: ["spec", "containers"]]?.array?.first)
    #expect(container["terminationMessagePath"] == "/dev/termination-log")
    #expect(container["imagePullPolicy"] == "IfNotPresent")
  }

  @Test func deploymentAndServiceDefaults() throws {
    var store = APIStore(now: t0)
    let deployment: JSON = [
      "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"],
      "spec": ["selector": ["matchLabels": ["app": "web"]], "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "c", "image": "nginx"]]]]],
    ]
    let d = try store.create(deployments, namespace: "default", deployment, now: t0)
    #expect(d[path: ["spec", "replicas"]] == 1)
    #expect(d[path: ["spec", "strategy"]] == ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": "25%", "maxSurge": "25%"]])
    #expect(d[path: ["spec", "revisionHistoryLimit"]] == 10)
    #expect(d[path: ["spec", "progressDeadlineSeconds"]] == 600)
    #expect(d[path: ["metadata", "generation"]] == 1)
    #expect(d[path: ["spec", "template", "spec", "containers"]]?.array?.first?["imagePullPolicy"] == "Always")
    let s = try store.create(services, namespace: "default", ["metadata": ["name": "svc"], "spec": ["ports": [["port": 80]]]], now: t0)
    #expect(s[path: ["spec", "type"]] == "ClusterIP")
    #expect(s[path: ["spec", "clusterIP"]] == "10.96.0.1")
    #expect(s[path: ["spec", "ports"]] == [["port": 80, "protocol": "TCP", "targetPort": 80]])
  }

  @Test func builtInsKeepStatusOnCreateButCustomResourcesDropIt() throws {
    var store = APIStore(now: t0)
    let created = try store.create(pods, namespace: "default", pod("p", phase: "Running"), now: t0)
    #expect(created[path: ["status", "phase"]] == "Running")
    let pool: JSON = ["apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": ["name": "default"], "spec": ["weight": 1], "status": ["nodes": 3]]
    let createdPool = try store.create(nodePools, namespace: nil, pool, now: t0)
    #expect(createdPool["status"] == nil)
    #expect(createdPool[path: ["metadata", "namespace"]] == nil)
  }

  @Test func admissionHookRefusesWithInvalid() {
    var store = APIStore(now: t0)
    store.admission = { type, object, operation in
      type.kind == "ConfigMap" && object["data"]?["bad"] != nil ? [FieldCause(message: "Invalid value: \"x\": bad key", field: "data.bad")] : []
    }
    let error = apiError { _ = try store.create(configMaps, namespace: "default", configMap("a", data: ["bad": "x"]), now: t0) }
    #expect(error?.code == 422)
    #expect(error?.message == #"ConfigMap "a" is invalid: data.bad: Invalid value: "x": bad key"#)
  }
}

@Suite struct StoreUpdateTests {
  @Test func staleResourceVersionIsConflictAndEmptyIsUnconditional() throws {
    var store = APIStore(now: t0)
    let created = try store.create(configMaps, namespace: "default", configMap("a"), now: t0)
    var first = created
    first["data"] = ["k": "1"]
    let updated = try store.update(configMaps, namespace: "default", name: "a", first, now: t0)
    #expect(updated["data"] == ["k": "1"])
    var stale = created
    stale["data"] = ["k": "2"]
    let error = apiError { _ = try store.update(configMaps, namespace: "default", name: "a", stale, now: t0) }
    #expect(error?.code == 409)
    #expect(error?.reason == .conflict)
    #expect(error?.message == #"Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again"#)
    stale[path: ["metadata", "resourceVersion"]] = nil
    let forced = try store.update(configMaps, namespace: "default", name: "a", stale, now: t0)
    #expect(forced["data"] == ["k": "2"])
  }

  @Test func updateOfAMissingObjectIsNotFound() {
    var store = APIStore(now: t0)
    let error = apiError { _ = try store.update(configMaps, namespace: "default", name: "x", configMap("x"), now: t0) }
    #expect(error?.code == 404)
    #expect(error?.message == #"configmaps "x" not found"#)
  }

  @Test func noOpUpdateKeepsTheResourceVersion() throws {
    var store = APIStore(now: t0)
    let created = try store.create(configMaps, namespace: "default", configMap("a"), now: t0)
    let again = try store.update(configMaps, namespace: "default", name: "a", created, now: t0)
    #expect(again == created)
    #expect(store.drainEvents().filter { $0.type == .modified }.isEmpty)
  }

  @Test func systemFieldsCannotBeChanged() throws {
    var store = APIStore(now: t0)
    let created = try store.create(configMaps, namespace: "default", configMap("a"), now: t0)
    var changed = created
    changed[path: ["metadata", "creationTimestamp"]] = "2000-01-01T00:00:00Z"
    changed[path: ["metadata", "labels"]] = ["x": "y"]
    let updated = try store.update(configMaps, namespace: "default", name: "a", changed, now: t0)
    #expect(updated[path: ["metadata", "creationTimestamp"]] == created[path: ["metadata", "creationTimestamp"]])
    var renamed = updated
    renamed[path: ["metadata", "name"]] = "b"
    #expect(apiError { _ = try store.update(configMaps, namespace: "default", name: "a", renamed, now: t0) }?.code == 400)
  }

  @Test func mainResourceIgnoresStatusAndStatusSubresourceChangesOnlyStatus() throws {
    var store = APIStore(now: t0)
    let created = try store.create(pods, namespace: "default", pod("p"), now: t0)
    var main = created
    main[path: ["status", "phase"]] = "Running"
    main[path: ["metadata", "labels"]] = ["a": "b"]
    let afterMain = try store.update(pods, namespace: "default", name: "p", main, now: t0)
    #expect(afterMain[path: ["status", "phase"]] == "Pending")
    #expect(afterMain[path: ["metadata", "labels"]] == ["a": "b"])
    var status = afterMain
    status[path: ["status", "phase"]] = "Running"
    status[path: ["metadata", "labels"]] = ["a": "c"]
    let afterStatus = try store.update(pods, namespace: "default", name: "p", status, subresource: .status, now: t0)
    #expect(afterStatus[path: ["status", "phase"]] == "Running")
    #expect(afterStatus[path: ["metadata", "labels"]] == ["a": "b"])
  }

  @Test func generationBumpsOnSpecChangesOnly() throws {
    var store = APIStore(now: t0)
    let pool: JSON = ["apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": ["name": "p"], "spec": ["weight": 1]]
    var current = try store.create(nodePools, namespace: nil, pool, now: t0)
    #expect(current[path: ["metadata", "generation"]] == 1)
    current[path: ["metadata", "labels"]] = ["x": "y"]
    current = try store.update(nodePools, namespace: nil, name: "p", current, now: t0)
    #expect(current[path: ["metadata", "generation"]] == 1)
    current[path: ["spec", "weight"]] = 2
    current = try store.update(nodePools, namespace: nil, name: "p", current, now: t0)
    #expect(current[path: ["metadata", "generation"]] == 2)
    current[path: ["status", "nodes"]] = 1
    current = try store.update(nodePools, namespace: nil, name: "p", current, subresource: .status, now: t0)
    #expect(current[path: ["metadata", "generation"]] == 2)
    #expect(current[path: ["status", "nodes"]] == 1)
  }
}
