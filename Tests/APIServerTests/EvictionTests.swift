import Foundation
import Testing

@testable import APIServer

@Suite struct EvictionTests {
  /// Pods labelled app=web: `healthy` Running and Ready, `unready` Running but not Ready.
  func store(healthy: Int, unready: Int = 0, budget: JSON?) throws -> APIStore {
    var store = APIStore(now: t0)
    for i in 0..<healthy {
      _ = try store.create(
        pods, namespace: "default",
        pod("h\(i)", labels: ["app": "web"], node: "n", phase: "Running", ready: true), now: t0)
    }
    for i in 0..<unready {
      _ = try store.create(
        pods, namespace: "default", pod("u\(i)", labels: ["app": "web"], node: "n", phase: "Running"), now: t0
      )
    }
    if let budget {
      var spec = budget
      spec["selector"] = ["matchLabels": ["app": "web"]]
      _ = try store.create(
        pdbs, namespace: "default",
        [
          "apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": ["name": "pdb"], "spec": spec,
        ], now: t0)
    }
    return store
  }

  func evicted(_ store: inout APIStore, _ name: String) -> APIError? {
    apiError {
      _ = try store.evict(
        namespace: "default", name: name,
        body: ["apiVersion": "policy/v1", "kind": "Eviction", "metadata": ["name": .string(name)]], now: t0)
    }
  }

  @Test(arguments: [
    // (healthy pods, budget, evictions allowed before the first refusal)
    (3, ["minAvailable": 2] as JSON, 1),
    (3, ["minAvailable": 3] as JSON, 0),
    (4, ["minAvailable": "50%"] as JSON, 2),
    (3, ["minAvailable": "50%"] as JSON, 1),  // 50% of 3 rounds up to 2
    (4, ["maxUnavailable": 1] as JSON, 1),
    (4, ["maxUnavailable": "30%"] as JSON, 2),  // 30% of 4 rounds up to 2
    (4, ["maxUnavailable": 0] as JSON, 0),
    (2, ["maxUnavailable": "100%"] as JSON, 2),
  ])
  func budgetsAllowExactlyTheirDisruptions(healthy: Int, budget: JSON, allowed: Int) throws {
    var store = try store(healthy: healthy, budget: budget)
    for i in 0..<allowed {
      #expect(evicted(&store, "h\(i)") == nil, "eviction \(i) should be allowed")
    }
    if allowed < healthy {
      let error = evicted(&store, "h\(allowed)")
      #expect(error?.code == 429)
      #expect(error?.reason == .tooManyRequests)
      #expect(error?.message == "Cannot evict pod as it would violate the pod's disruption budget.")
      #expect(error?.causes.first?.reason == "DisruptionBudget")
    }
  }

  @Test func theRefusalNamesTheBudgetAndItsCounts() throws {
    var store = try store(healthy: 2, budget: ["minAvailable": 2])
    let error = evicted(&store, "h0")
    #expect(
      error?.causes.first?.message == "The disruption budget pdb needs 2 healthy pods and has 2 currently")
    #expect(
      error?.status()[path: ["details", "causes"]] == [
        [
          "reason": "DisruptionBudget",
          "message": "The disruption budget pdb needs 2 healthy pods and has 2 currently",
        ]
      ])
  }

  @Test func anUnhealthyPodIsEvictableWhileTheBudgetIsMet() throws {
    var store = try store(healthy: 2, unready: 1, budget: ["minAvailable": 2])
    #expect(evicted(&store, "u0") == nil)
    var short = try self.store(healthy: 1, unready: 1, budget: ["minAvailable": 2])
    #expect(evicted(&short, "u0")?.code == 429)
    var always = try self.store(
      healthy: 1, unready: 1, budget: ["minAvailable": 2, "unhealthyPodEvictionPolicy": "AlwaysAllow"])
    #expect(evicted(&always, "u0") == nil)
  }

  @Test func aPendingPodIsEvictedRegardless() throws {
    var store = try store(healthy: 1, budget: ["minAvailable": 1])
    _ = try store.create(pods, namespace: "default", pod("pending", labels: ["app": "web"]), now: t0)
    #expect(evicted(&store, "pending") == nil)
    #expect(store.lookup(pods, namespace: "default", name: "pending") == nil)
  }

  @Test func evictionDeletesThePodGracefully() throws {
    var store = try store(healthy: 2, budget: nil)
    #expect(evicted(&store, "h0") == nil)
    #expect(store.lookup(pods, namespace: "default", name: "h0")?.isTerminating == true)
    // A pod already terminating is accepted again without change.
    #expect(evicted(&store, "h0") == nil)
    #expect(evicted(&store, "missing")?.code == 404)
  }

  @Test func twoMatchingBudgetsAreAnInternalError() throws {
    var store = try store(healthy: 3, budget: ["minAvailable": 1])
    _ = try store.create(
      pdbs, namespace: "default",
      [
        "metadata": ["name": "second"],
        "spec": ["minAvailable": 1, "selector": ["matchLabels": ["app": "web"]]],
      ], now: t0)
    let error = evicted(&store, "h0")
    #expect(error?.code == 500)
    #expect(
      error?.message
        == "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.")
  }

  @Test func budgetStatusIsWrittenForKarpenterToRead() throws {
    var store = try store(healthy: 3, budget: ["minAvailable": 1])
    store.refreshDisruptionBudgets(now: t0)
    let pdb = try store.get(pdbs, namespace: "default", name: "pdb")
    #expect(pdb["status"]?["disruptionsAllowed"] == 2)
    #expect(pdb["status"]?["currentHealthy"] == 3)
    #expect(pdb["status"]?["desiredHealthy"] == 1)
  }
}

@Suite struct BindingAndScaleTests {
  @Test func bindingSetsTheNodeOnceAndThenConflicts() throws {
    var store = APIStore(now: t0)
    _ = try store.create(pods, namespace: "default", pod("p"), now: t0)
    let bound = try store.bind(
      namespace: "default", name: "p",
      body: [
        "apiVersion": "v1", "kind": "Binding", "metadata": ["name": "p"],
        "target": ["kind": "Node", "name": "n1"],
      ], now: t0)
    #expect(bound[path: ["spec", "nodeName"]] == "n1")
    #expect(bound[path: ["status", "conditions"]]?.array?.first?["type"] == "PodScheduled")
    let again = apiError {
      _ = try store.bind(namespace: "default", name: "p", body: ["target": ["name": "n2"]], now: t0)
    }
    #expect(again?.code == 409)
    #expect(
      again?.message
        == #"Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "n1""#)
    #expect(
      apiError {
        _ = try store.bind(namespace: "default", name: "zz", body: ["target": ["name": "n2"]], now: t0)
      }?.code == 404)
  }

  @Test func scaleReadsAndWritesReplicas() throws {
    var store = APIStore(now: t0)
    _ = try store.create(
      deployments, namespace: "default",
      [
        "metadata": ["name": "web"],
        "spec": [
          "replicas": 2, "selector": ["matchLabels": ["app": "web"]],
          "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": []]],
        ],
      ],
      now: t0)
    let scale = try store.scale(deployments, namespace: "default", name: "web")
    #expect(scale["kind"] == "Scale")
    #expect(scale[path: ["spec", "replicas"]] == 2)
    #expect(scale[path: ["status", "selector"]] == "app=web")
    var up = scale
    up[path: ["spec", "replicas"]] = 5
    let after = try store.updateScale(deployments, namespace: "default", name: "web", up, now: t0)
    #expect(after[path: ["spec", "replicas"]] == 5)
    #expect(
      try store.get(deployments, namespace: "default", name: "web")[path: ["metadata", "generation"]] == 2)
    #expect(
      apiError { _ = try store.updateScale(deployments, namespace: "default", name: "web", up, now: t0) }?
        .code == 409)
    #expect(apiError { _ = try store.scale(configMaps, namespace: "default", name: "web") }?.code == 404)
  }
}

@Suite struct RegistryAndErrorTests {
  @Test(arguments: [
    ("", "v1", "pods", "Pod", ["po"], ["all"]),
    ("", "v1", "nodes", "Node", ["no"], []),
    ("apps", "v1", "deployments", "Deployment", ["deploy"], ["all"]),
    ("apps", "v1", "statefulsets", "StatefulSet", ["sts"], ["all"]),
    ("batch", "v1", "cronjobs", "CronJob", ["cj"], ["all"]),
    ("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", ["pdb"], []),
    (
      "apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", ["crd", "crds"],
      ["api-extensions"]
    ),
    ("karpenter.sh", "v1", "nodepools", "NodePool", [], ["karpenter"]),
  ])
  func builtInsCarryKubectlNames(
    group: String, version: String, plural: String, kind: String, short: [String], categories: [String]
  ) throws {
    let type = try #require(registry.type(group: group, version: version, plural: plural))
    #expect(type.kind == kind)
    #expect(type.shortNames == short)
    #expect(type.categories == categories)
    #expect(registry.type(apiVersion: type.apiVersion, kind: kind) == type)
  }

  @Test func apiVersionSpellsTheCoreGroupAlone() {
    #expect(pods.apiVersion == "v1")
    #expect(deployments.apiVersion == "apps/v1")
    #expect(pods.subresources == [.status, .eviction, .binding])
  }

  @Test func aCustomResourceDefinitionRegistersItsVersionsUntilDeleted() throws {
    var store = APIStore(now: t0)
    let crd: JSON = [
      "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
      "metadata": ["name": "widgets.example.com"],
      "spec": [
        "group": "example.com", "scope": "Namespaced",
        "names": ["kind": "Widget", "plural": "widgets", "singular": "widget", "shortNames": ["wd"]],
        "versions": [
          ["name": "v1", "served": true, "storage": true, "subresources": ["status": [:]]],
          ["name": "v2", "served": false, "storage": false],
        ],
      ],
    ]
    let created = try store.create(crds, namespace: nil, crd, now: t0)
    #expect(created["status"] == nil)  // status is dropped on create for a /status kind...
    let established = try store.get(crds, namespace: nil, name: "widgets.example.com")
    #expect(
      established[path: ["status", "conditions"]]?.array?.contains {
        $0["type"] == "Established" && $0["status"] == "True"
      } == true)
    let widgets = try #require(store.registry.type(group: "example.com", version: "v1", plural: "widgets"))
    #expect(store.registry.type(group: "example.com", version: "v2", plural: "widgets") == nil)
    #expect(widgets.shortNames == ["wd"] && widgets.namespaced && widgets.subresources == [.status])
    _ = try store.create(
      widgets, namespace: "default",
      ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w"]], now: t0)
    _ = try store.delete(crds, namespace: nil, name: "widgets.example.com", now: t0)
    #expect(store.registry.type(group: "example.com", version: "v1", plural: "widgets") == nil)
    #expect(store.count(widgets) == 0)
  }

  @Test func statusBodiesMatchTheRealServer() {
    #expect(
      APIError.notFound(deployments, name: "web").status() == [
        "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
        "message": #"deployments.apps "web" not found"#, "reason": "NotFound",
        "details": ["name": "web", "group": "apps", "kind": "deployments"], "code": 404,
      ])
    let invalid = APIError.invalid(
      pods, name: "p",
      causes: [
        FieldCause(reason: "FieldValueRequired", message: "Required value", field: "spec.containers"),
        FieldCause(message: "Invalid value: \"x\": bad", field: "metadata.name"),
      ])
    #expect(
      invalid.message
        == #"Pod "p" is invalid: [spec.containers: Required value, metadata.name: Invalid value: "x": bad]"#)
    #expect(invalid.status()["code"] == 422)
    #expect(invalid.status()[path: ["details", "kind"]] == "Pod")
    #expect(APIError.expired("too old resource version: 1 (5)").status()["reason"] == "Expired")
  }
}

@Suite struct PriorityTests {
  @Test func priorityClassNamesResolveToPriorities() throws {
    var store = APIStore(now: t0)
    let classes = try #require(
      registry.type(group: "scheduling.k8s.io", version: "v1", plural: "priorityclasses"))
    _ = try store.create(classes, namespace: nil, ["metadata": ["name": "high"], "value": 1000], now: t0)
    var high = pod("high")
    high[path: ["spec", "priorityClassName"]] = "high"
    #expect(try store.create(pods, namespace: "default", high, now: t0)[path: ["spec", "priority"]] == 1000)
    var critical = pod("critical")
    critical[path: ["spec", "priorityClassName"]] = "system-node-critical"
    #expect(
      try store.create(pods, namespace: "default", critical, now: t0)[path: ["spec", "priority"]]
        == 2_000_001_000)
    #expect(
      try store.create(pods, namespace: "default", pod("plain"), now: t0)[path: ["spec", "priority"]] == 0)
    var unknown = pod("unknown")
    unknown[path: ["spec", "priorityClassName"]] = "nope"
    let error = apiError { _ = try store.create(pods, namespace: "default", unknown, now: t0) }
    #expect(error?.code == 403)
    #expect(error?.message == #"pods "unknown" is forbidden: no PriorityClass with name nope was found"#)
    _ = try store.create(
      classes, namespace: nil, ["metadata": ["name": "default-class"], "value": 7, "globalDefault": true],
      now: t0)
    #expect(
      try store.create(pods, namespace: "default", pod("defaulted"), now: t0)[path: ["spec", "priority"]] == 7
    )
  }
}

@Suite struct PriorityWithoutClassTests {
  @Test func aPriorityGivenWithoutAClassIsKept() throws {
    var store = APIStore(now: t0)
    var p = pod("p")
    p[path: ["spec", "priority"]] = 1000
    #expect(try store.create(pods, namespace: "default", p, now: t0)[path: ["spec", "priority"]] == 1000)
  }
}
