import APIServer
import Foundation
import Testing

@testable import Sandbox

@Suite("Stand-ins: workload controllers")
struct StandInsWorkloadTests {
  /// A cluster with two roomy Ready nodes.
  func cluster() throws -> StandInCluster {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("node-a", cpu: "8", memory: "16Gi"))
    try c.create("", "nodes", Fixture.node("node-b", cpu: "8", memory: "16Gi"))
    c.settle()
    return c
  }

  func activePods(_ c: StandInCluster, app: String) -> [JSON] {
    c.pods.filter { $0[path: ["metadata", "labels", "app"]]?.string == app && !$0.beingDeleted }
  }

  @Test("a Deployment of 3 gets one ReplicaSet named after its template hash and 3 running pods")
  func deploymentCreatesReplicaSetAndPods() throws {
    var c = try cluster()
    try c.create("apps", "deployments", Fixture.deployment("web", replicas: 3))
    c.settle()
    let sets = c.list("apps", "replicasets")
    try #require(sets.count == 1)
    let rs = sets[0]
    let hash = try #require(rs[path: ["metadata", "labels", "pod-template-hash"]]?.string)
    #expect(rs.metaName == "web-\(hash)")
    #expect(rs.ownedBy("Deployment", "web"))
    #expect(rs[path: ["spec", "selector", "matchLabels", "pod-template-hash"]]?.string == hash)
    let pods = activePods(c, app: "web")
    #expect(pods.count == 3)
    for pod in pods {
      #expect(pod.metaName.hasPrefix("web-\(hash)-"))
      #expect(pod[path: ["metadata", "generateName"]]?.string == "web-\(hash)-")
      #expect(pod.ownedBy("ReplicaSet", rs.metaName))
      let owner = pod[path: ["metadata", "ownerReferences"]]?.array?.first
      #expect(owner?["blockOwnerDeletion"]?.bool == true)
      #expect(owner?["uid"]?.string == rs[path: ["metadata", "uid"]]?.string)
      #expect(pod[path: ["metadata", "labels", "pod-template-hash"]]?.string == hash)
      #expect(pod.phase == "Running")
      #expect(pod.nodeName != nil)
    }
    let deployment = try #require(c.get("apps", "deployments", namespace: "default", "web"))
    #expect(deployment[path: ["status", "replicas"]]?.int == 3)
    #expect(deployment[path: ["status", "readyReplicas"]]?.int == 3)
    #expect(deployment[path: ["status", "availableReplicas"]]?.int == 3)
    #expect(deployment[path: ["status", "updatedReplicas"]]?.int == 3)
    #expect(deployment[path: ["status", "observedGeneration"]]?.int == 1)
    #expect(deployment.condition("Available")?["status"]?.string == "True")
    #expect(deployment.condition("Progressing")?["reason"]?.string == "NewReplicaSetAvailable")
  }

  @Test("a Deployment scales", arguments: [(from: 3, to: 5), (from: 3, to: 1), (from: 2, to: 0)])
  func deploymentScales(from: Int, to: Int) throws {
    var c = try cluster()
    try c.create("apps", "deployments", Fixture.deployment("web", replicas: Int64(from)))
    c.settle()
    #expect(activePods(c, app: "web").count == from)
    try c.edit("apps", "deployments", namespace: "default", "web", ["spec", "replicas"], .int(Int64(to)))
    c.settle()
    // Pods scaled away on a node are finished by the kubelet stand-in: none is left over.
    #expect(c.pods.filter { $0[path: ["metadata", "labels", "app"]]?.string == "web" }.count == to)
    #expect(c.list("apps", "replicasets").count == 1)
    let deployment = try #require(c.get("apps", "deployments", namespace: "default", "web"))
    #expect(deployment[path: ["status", "replicas"]]?.int == Int64(to))
    #expect(deployment[path: ["status", "availableReplicas"]]?.int == Int64(to))
    #expect(deployment[path: ["status", "observedGeneration"]]?.int == 2)
  }

  @Test("a deleted or evicted pod is replaced")
  func deletedPodIsReplaced() throws {
    var c = try cluster()
    try c.create("apps", "deployments", Fixture.deployment("web", replicas: 3))
    c.settle()
    let victim = try #require(activePods(c, app: "web").first)
    try c.delete("", "pods", namespace: "default", victim.metaName)
    c.settle()
    let pods = activePods(c, app: "web")
    #expect(pods.count == 3)
    #expect(!pods.contains { $0.metaName == victim.metaName })
    #expect(pods.allSatisfy { $0.phase == "Running" })
  }

  @Test("scaling down deletes unscheduled pods before running ones")
  func scaleDownPrefersPendingPods() throws {
    var c = StandInCluster()
    // Room for two pods of 1 CPU: the third stays pending.
    try c.create("", "nodes", Fixture.node("node-a", cpu: "2", memory: "4Gi"))
    try c.create(
      "apps", "deployments", Fixture.deployment("web", replicas: 3, spec: Fixture.podSpec(cpu: "1")))
    c.settle()
    let pending = activePods(c, app: "web").filter { $0.nodeName == nil }
    try #require(pending.count == 1)
    try c.edit("apps", "deployments", namespace: "default", "web", ["spec", "replicas"], 2)
    c.settle()
    let left = activePods(c, app: "web")
    #expect(left.count == 2)
    #expect(!left.contains { $0.metaName == pending[0].metaName })
    #expect(left.allSatisfy { $0.phase == "Running" })
  }

  @Test("a changed template rolls out: a new ReplicaSet takes all pods, the old one is scaled to 0")
  func templateChangeRollsOut() throws {
    var c = try cluster()
    try c.create("apps", "deployments", Fixture.deployment("web", replicas: 4))
    c.settle()
    let first = try #require(c.list("apps", "replicasets").first)
    var containers = try #require(
      c.get("apps", "deployments", namespace: "default", "web")?[path: [
        "spec", "template", "spec", "containers",
      ]]?.array)
    containers[0]["image"] = "nginx:2"
    try c.edit(
      "apps", "deployments", namespace: "default", "web", ["spec", "template", "spec", "containers"],
      .array(containers))
    c.settle()
    let sets = c.list("apps", "replicasets")
    #expect(sets.count == 2)
    let new = try #require(sets.first { $0.metaName != first.metaName })
    #expect(new[path: ["spec", "replicas"]]?.int == 4)
    #expect(new[path: ["metadata", "annotations", "deployment.kubernetes.io/revision"]]?.string == "2")
    #expect(
      c.get("apps", "replicasets", namespace: "default", first.metaName)?[path: ["spec", "replicas"]]?.int
        == 0)
    let pods = activePods(c, app: "web")
    #expect(pods.count == 4)
    #expect(pods.allSatisfy { $0.ownedBy("ReplicaSet", new.metaName) })
    let deployment = try #require(c.get("apps", "deployments", namespace: "default", "web"))
    #expect(deployment[path: ["status", "updatedReplicas"]]?.int == 4)
    #expect(deployment[path: ["status", "replicas"]]?.int == 4)
  }

  @Test("a rolling update keeps within maxSurge: never more than replicas + surge pods")
  func rollingUpdateRespectsSurge() throws {
    var c = try cluster()
    let strategy: JSON = ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": 1, "maxUnavailable": 0]]
    try c.create("apps", "deployments", Fixture.deployment("web", replicas: 4, strategy: strategy))
    c.settle()
    var containers = try #require(
      c.get("apps", "deployments", namespace: "default", "web")?[path: [
        "spec", "template", "spec", "containers",
      ]]?.array)
    containers[0]["image"] = "nginx:2"
    try c.edit(
      "apps", "deployments", namespace: "default", "web", ["spec", "template", "spec", "containers"],
      .array(containers))
    var most = 0
    for _ in 0..<60 {
      most = max(most, activePods(c, app: "web").count)
      if !c.standIns.reconcile(&c.store, now: c.now) { break }
    }
    #expect(most <= 5)
    #expect(activePods(c, app: "web").count == 4)
  }

  @Test("a StatefulSet creates its pods in ordinal order, with their claims, and removes the highest first")
  func statefulSetOrdinals() throws {
    var c = try cluster()
    let set: JSON = [
      "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": "db", "namespace": "default"],
      "spec": [
        "replicas": 3, "serviceName": "db", "selector": ["matchLabels": ["app": "db"]],
        "template": Fixture.template(app: "db"),
        "volumeClaimTemplates": [
          [
            "metadata": ["name": "data"],
            "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]],
          ]
        ],
      ],
    ]
    try c.create("apps", "statefulsets", set)
    // OrderedReady: one pod per pass, each after the one before it runs.
    c.standIns.reconcile(&c.store, now: c.now)
    #expect(activePods(c, app: "db").map(\.metaName) == ["db-0"])
    c.settle()
    let pods = activePods(c, app: "db")
    #expect(pods.map(\.metaName).sorted() == ["db-0", "db-1", "db-2"])
    let pod1 = try #require(pods.first { $0.metaName == "db-1" })
    #expect(pod1[path: ["metadata", "labels", "statefulset.kubernetes.io/pod-name"]]?.string == "db-1")
    #expect(pod1[path: ["spec", "hostname"]]?.string == "db-1")
    #expect(pod1[path: ["spec", "subdomain"]]?.string == "db")
    #expect(
      pod1[path: ["spec", "volumes"]]?.array?.first?[path: ["persistentVolumeClaim", "claimName"]]?.string
        == "data-db-1")
    #expect(
      c.list("", "persistentvolumeclaims").map(\.metaName).sorted() == [
        "data-db-0", "data-db-1", "data-db-2",
      ])
    let status = c.get("apps", "statefulsets", namespace: "default", "db")?["status"]
    #expect(status?["readyReplicas"]?.int == 3)
    try c.edit("apps", "statefulsets", namespace: "default", "db", ["spec", "replicas"], 1)
    c.settle()
    #expect(activePods(c, app: "db").map(\.metaName) == ["db-0"])
  }

  @Test("a Job runs parallelism pods, counts successes and completes")
  func jobCompletes() throws {
    var c = try cluster()
    var spec = Fixture.podSpec(cpu: "100m")
    spec["restartPolicy"] = "Never"
    var template = Fixture.template(app: "batch", spec: spec)
    template[path: ["metadata", "annotations", "sandbox.karpenter.sh/run-seconds"]] = "30"
    let job: JSON = [
      "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "crunch", "namespace": "default"],
      "spec": ["parallelism": 2, "completions": 3, "template": template],
    ]
    try c.create("batch", "jobs", job)
    c.settle()
    var running = activePods(c, app: "batch")
    #expect(running.count == 2)
    #expect(running.allSatisfy { $0.phase == "Running" && $0.ownedBy("Job", "crunch") })
    #expect(
      running.allSatisfy {
        $0[path: ["metadata", "labels", "batch.kubernetes.io/job-name"]]?.string == "crunch"
      })
    c.now += 31
    c.settle()
    // Two succeeded; one more is needed.
    running = activePods(c, app: "batch").filter { $0.phase == "Running" }
    #expect(running.count == 1)
    #expect(c.get("batch", "jobs", namespace: "default", "crunch")?[path: ["status", "succeeded"]]?.int == 2)
    c.now += 31
    c.settle()
    let done = try #require(c.get("batch", "jobs", namespace: "default", "crunch"))
    #expect(done[path: ["status", "succeeded"]]?.int == 3)
    #expect(done[path: ["status", "active"]]?.int == 0)
    #expect(done.condition("Complete")?["status"]?.string == "True")
    #expect(done[path: ["status", "completionTime"]] != nil)
    #expect(c.pods.filter { $0.phase == "Succeeded" }.count == 3)
  }

  @Test("a DaemonSet puts one pod on each eligible node, including tainted and new ones")
  func daemonSetOnePodPerNode() throws {
    var c = try cluster()
    try c.create(
      "", "nodes",
      Fixture.node("node-c", taints: [Fixture.taint("node.kubernetes.io/unschedulable")], unschedulable: true)
    )
    try c.create(
      "", "nodes", Fixture.node("gpu-1", labels: ["gpu": "true"], taints: [Fixture.taint("gpu", "true")]))
    let ds: JSON = [
      "apiVersion": "apps/v1", "kind": "DaemonSet",
      "metadata": ["name": "agent", "namespace": "kube-system"],
      "spec": [
        "selector": ["matchLabels": ["app": "agent"]],
        "template": Fixture.template(app: "agent", spec: Fixture.podSpec(cpu: "50m")),
      ],
    ]
    try c.create("apps", "daemonsets", ds)
    c.settle()
    var pods = activePods(c, app: "agent")
    // The gpu node's taint is not tolerated; the cordoned node is, as the real controller adds it.
    #expect(pods.compactMap(\.nodeName).sorted() == ["node-a", "node-b", "node-c"])
    #expect(pods.allSatisfy { $0.phase == "Running" && $0.ownedBy("DaemonSet", "agent") })
    try c.create("", "nodes", Fixture.node("node-d"))
    c.settle()
    pods = activePods(c, app: "agent")
    #expect(pods.compactMap(\.nodeName).sorted() == ["node-a", "node-b", "node-c", "node-d"])
    let status = c.get("apps", "daemonsets", namespace: "kube-system", "agent")?["status"]
    #expect(status?["desiredNumberScheduled"]?.int == 4)
    #expect(status?["numberReady"]?.int == 4)
  }
}

@Suite("Stand-ins: timing and the sandbox's runner")
struct StandInsTimingTests {
  @Test("with minReadySeconds, ready pods count as available only after that long")
  func minReadySeconds() throws {
    var c = StandInCluster()
    let start = c.now
    try c.create("", "nodes", Fixture.node("a"))
    var deployment = Fixture.deployment("web", replicas: 2)
    deployment[path: ["spec", "minReadySeconds"]] = 10
    try c.create("apps", "deployments", deployment)
    c.settle()
    var status = c.get("apps", "deployments", namespace: "default", "web")?["status"]
    #expect(status?["readyReplicas"]?.int == 2)
    #expect(status?["availableReplicas"]?.int == 0)
    #expect(c.standIns.nextDeadline == c.now + 10)
    c.now += 10
    c.settle()
    status = c.get("apps", "deployments", namespace: "default", "web")?["status"]
    #expect(status?["availableReplicas"]?.int == 2)
    // What is left to wait for is the scheduler's Events expiring.
    #expect(c.standIns.nextDeadline == start + SchedulingEvents.timeToLive)
  }

  @Test("a daemon pod stays when its node is tainted NoSchedule, and goes with NoExecute")
  func daemonPodAndTaints() throws {
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a"))
    let ds: JSON = [
      "apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": ["name": "agent", "namespace": "default"],
      "spec": ["selector": ["matchLabels": ["app": "agent"]], "template": Fixture.template(app: "agent")],
    ]
    try c.create("apps", "daemonsets", ds)
    c.settle()
    let pod = try #require(c.pods.first)
    try c.edit(
      "", "nodes", namespace: nil, "a", ["spec", "taints"], [Fixture.taint("karpenter.sh/disrupted")])
    c.settle()
    #expect(c.pods.map(\.metaName) == [pod.metaName])
    try c.edit(
      "", "nodes", namespace: nil, "a", ["spec", "taints"],
      [Fixture.taint("karpenter.sh/disrupted", effect: "NoExecute")])
    c.settle()
    #expect(c.pods.isEmpty)
    #expect(
      c.get("apps", "daemonsets", namespace: "default", "agent")?[path: ["status", "desiredNumberScheduled"]]?
        .int == 0)
  }

  @Test("the runner the sandbox installs settles the cluster in one call and is quiet after")
  func runner() throws {
    let runner = StandInsRunner()
    var c = StandInCluster()
    try c.create("", "nodes", Fixture.node("a"))
    try c.create("apps", "deployments", Fixture.deployment("web", replicas: 2))
    let reconcile = runner.reconciler
    reconcile(&c.store, c.now)
    #expect(c.pods.count == 2)
    #expect(c.pods.allSatisfy { $0.phase == "Running" })
    #expect(runner.reconcile(&c.store, now: c.now) == 0)
    #expect(runner.problems.isEmpty)
  }
}
