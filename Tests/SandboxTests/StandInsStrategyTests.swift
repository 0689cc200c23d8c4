import APIServer
import Foundation
import Testing

@testable import Sandbox

@Suite("Stand-ins: rollout strategies and Job modes")
struct StandInsStrategyTests {
  func newImage(_ c: inout StandInCluster, _ name: String, _ image: String) throws {
    var containers = try #require(
      c.get("apps", "deployments", namespace: "default", name)?[path: [
        "spec", "template", "spec", "containers",
      ]]?.array)
    containers[0]["image"] = .string(image)
    try c.edit(
      "apps", "deployments", namespace: "default", name, ["spec", "template", "spec", "containers"],
      .array(containers))
  }

  @Test("Recreate: no new pod exists while an old one is left")
  func recreate() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a"))
    try c.create(
      "apps", "deployments", Fixture.deployment("web", replicas: 3, strategy: ["type": "Recreate"]))
    c.settle()
    let old = try #require(c.list("apps", "replicasets").first?.metaName)
    try newImage(&c, "web", "nginx:2")
    for _ in 0..<40 {
      let owners = Set(
        c.pods.filter { !$0.beingDeleted }.compactMap {
          $0[path: ["metadata", "ownerReferences"]]?.array?.first?["name"]?.string
        })
      #expect(owners.count <= 1, "old and new pods side by side: \(owners)")
      if !c.standIns.reconcile(&c.store, now: c.now) { break }
    }
    let pods = c.pods
    #expect(pods.count == 3)
    #expect(pods.allSatisfy { !$0.ownedBy("ReplicaSet", old) && $0.phase == "Running" })
  }

  @Test("an Indexed Job gives each pod its own completion index")
  func indexedJob() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a"))
    var spec = Fixture.podSpec()
    spec["restartPolicy"] = "Never"
    let job: JSON = [
      "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "shards", "namespace": "default"],
      "spec": [
        "completionMode": "Indexed", "completions": 3, "parallelism": 3,
        "template": Fixture.template(app: "shards", spec: spec),
      ],
    ]
    try c.create("batch", "jobs", job)
    c.settle()
    let indexes = c.pods.compactMap {
      $0[path: ["metadata", "annotations", "batch.kubernetes.io/job-completion-index"]]?.string
    }
    #expect(indexes.sorted() == ["0", "1", "2"])
    #expect(
      c.pods.allSatisfy {
        $0.metaName.hasPrefix(
          "shards-\($0[path: ["metadata", "labels", "batch.kubernetes.io/job-completion-index"]]?.string ?? "x")-"
        )
      })
  }

  @Test("a Job whose pods fail more than backoffLimit times is Failed and starts no more")
  func jobBackoffLimit() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a"))
    var spec = Fixture.podSpec()
    spec["restartPolicy"] = "Never"
    let job: JSON = [
      "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "flaky", "namespace": "default"],
      "spec": ["backoffLimit": 1, "template": Fixture.template(app: "flaky", spec: spec)],
    ]
    try c.create("batch", "jobs", job)
    c.settle()
    // The containers exit non-zero, twice: more than the one retry allowed.
    for _ in 0..<2 {
      let running = try #require(c.pods.first { $0.phase == "Running" })
      try c.edit("", "pods", namespace: "default", running.metaName, ["status", "phase"], "Failed")
      c.settle()
    }
    let failed = try #require(c.get("batch", "jobs", namespace: "default", "flaky"))
    #expect(failed.condition("Failed")?["reason"]?.string == "BackoffLimitExceeded")
    #expect(failed[path: ["status", "failed"]]?.int == 2)
    #expect(c.pods.count == 2)
    #expect(c.pods.allSatisfy { $0.phase == "Failed" })
  }
}
