import Foundation
import Testing

/// Cluster dumps (`kubectl get ... -A -o yaml`): owner references decide which workload a pod
/// belongs to, workloads make only the pods they lack, cordoned and NotReady nodes take no
/// new pod, NodeClaims attach to their Nodes.
@Suite struct ClusterDumpTests {
  static let std = instanceType(
    "std", cpu: "4", memory: "16Gi", offerings: ["zone-a:on-demand:0.1", "zone-a:spot:0.05"])
  static let types = scenario(types: [std])

  /// A node of the dump; `extra` is more YAML for the Node's `spec`, `ready` its Ready condition.
  static func node(_ name: String, ready: String = "True", spec: String = "{}", labels: String = "") -> String {
    """
    apiVersion: v1
    kind: Node
    metadata:
      name: \(name)
      labels: {kubernetes.io/hostname: \(name), topology.kubernetes.io/zone: zone-a, node.kubernetes.io/instance-type: std\(labels)}
    spec: \(spec)
    status:
      allocatable: {cpu: "4", memory: 16Gi, pods: "110"}
      conditions: [{type: Ready, status: "\(ready)"}]
    """
  }

  /// A ReplicaSet of Deployment `web` at `revision`, wanting `replicas`.
  static func replicaSet(_ name: String, revision: Int, replicas: Int, deployment: String = "web") -> String {
    """
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: \(name)
      namespace: default
      annotations: {deployment.kubernetes.io/revision: "\(revision)"}
      ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: \(deployment), uid: d-uid, controller: true}]
    spec:
      replicas: \(replicas)
      selector: {matchLabels: {app: \(deployment)}}
      template:
        metadata: {labels: {app: \(deployment)}}
        spec:
          containers: [{name: app, image: registry.example/app, resources: {requests: {cpu: "1", memory: 1Gi}}}]
    """
  }

  /// A running pod of ReplicaSet `rs` on `node`.
  static func podOf(_ name: String, kind: String = "ReplicaSet", owner: String, node: String?, cpu: String = "1")
    -> String
  {
    """
    apiVersion: v1
    kind: Pod
    metadata:
      name: \(name)
      namespace: default
      labels: {app: web}
      ownerReferences: [{apiVersion: apps/v1, kind: \(kind), name: \(owner), uid: o-uid, controller: true}]
    spec:
      \(node.map { "nodeName: \($0)" } ?? "")
      containers: [{name: app, image: registry.example/app, resources: {requests: {cpu: "\(cpu)", memory: 1Gi}}}]
    status: {phase: \(node == nil ? "Pending" : "Running")}
    """
  }

  static func allPods(_ r: SimResult) -> [String] { r.nodes.flatMap(\.pods).sorted() + r.pendingNames }

  @Test func aDeploymentItsReplicaSetAndItsPodsAreOneWorkload() throws {
    let r = try simulate(
      Self.types, nodePool(), Self.node("n1"), deployment("web", replicas: 2, cpu: "1"),
      Self.replicaSet("web-abc", revision: 1, replicas: 2),
      Self.podOf("web-abc-x1", owner: "web-abc", node: "n1"), Self.podOf("web-abc-x2", owner: "web-abc", node: "n1"))
    #expect(Self.allPods(r) == ["default/web-abc-x1", "default/web-abc-x2"])
    #expect(r.nodes.map(\.name) == ["n1"])
  }

  @Test func aWorkloadMakesOnlyThePodsItLacksFromItsCurrentReplicaSet() throws {
    let r = try simulate(
      Self.types, nodePool(), Self.node("n1"), deployment("web", replicas: 4, cpu: "1"),
      Self.replicaSet("web-old", revision: 1, replicas: 1), Self.replicaSet("web-new", revision: 2, replicas: 3),
      Self.podOf("web-old-a", owner: "web-old", node: "n1"), Self.podOf("web-new-b", owner: "web-new", node: "n1"))
    // Two owned through either ReplicaSet; two more made, named as the contract says.
    #expect(
      Self.allPods(r).filter { $0.hasPrefix("default/web") }
        == ["default/web-0", "default/web-1", "default/web-new-b", "default/web-old-a"])
  }

  @Test func aBareReplicaSetAndAStatefulSetCountThePodsTheyOwn() throws {
    let statefulSet = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db, namespace: default}
      spec:
        replicas: 3
        serviceName: db
        selector: {matchLabels: {app: db}}
        template:
          metadata: {labels: {app: db}}
          spec:
            containers: [{name: db, image: registry.example/db, resources: {requests: {cpu: "1", memory: 1Gi}}}]
      """
    let r = try simulate(
      Self.types, nodePool(), Self.node("n1"), statefulSet,
      Self.replicaSet("batch", revision: 1, replicas: 1).replacingOccurrences(
        of: "  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d-uid, controller: true}]\n",
        with: ""),
      Self.podOf("batch-zz", owner: "batch", node: "n1"),
      Self.podOf("db-1", kind: "StatefulSet", owner: "db", node: "n1"))
    #expect(Self.allPods(r) == ["default/batch-zz", "default/db-0", "default/db-1", "default/db-2"])
  }

  @Test func aCompletedJobMakesNoNewPod() throws {
    let job = """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: report, namespace: default}
      spec:
        completions: 1
        parallelism: 1
        template:
          spec:
            restartPolicy: Never
            containers: [{name: r, image: registry.example/r, resources: {requests: {cpu: "1"}}}]
      status: {succeeded: 1}
      """
    let done =
      Self.podOf("report-x", kind: "Job", owner: "report", node: "n1").replacingOccurrences(
        of: "status: {phase: Running}", with: "status: {phase: Succeeded}")
    let r = try simulate(Self.types, nodePool(), Self.node("n1"), job, done)
    #expect(Self.allPods(r).isEmpty)
  }

  @Test func cordonedAndNotReadyNodesTakeNoNewPodButTheirDaemons() throws {
    let r = try simulate(
      Self.types, nodePool(), Self.node("cordoned", spec: "{unschedulable: true}"),
      Self.node("down", ready: "Unknown"), daemonSet("agent"), pod("new", cpu: "1"))
    let placed = try #require(r.node(of: "new"))
    #expect(!["cordoned", "down"].contains(placed.name))
    #expect(r.events("NodeClaimCreated").count == 1)
    #expect(r.node(named: "cordoned")?.taints.contains(.init(key: "node.kubernetes.io/unschedulable", effect: "NoSchedule")) == true)
    #expect(r.node(named: "down")?.taints.contains(.init(key: "node.kubernetes.io/not-ready", effect: "NoSchedule")) == true)
    #expect(r.node(of: "default/agent-cordoned")?.name == "cordoned")
    #expect(r.node(of: "default/agent-down")?.name == "down")
  }

  @Test func aDisruptedTaintNoDecisionHoldsIsRemovedAtTheFirstDisruptionPass() throws {
    // A dump taken while Karpenter was disrupting n1: the restarted controller no longer has
    // the decision, so its first pass un-taints the node (upstream's disruption controller does
    // this at every pass), and the pending pod binds there.
    let tainted = Self.node(
      "n1", spec: "{taints: [{key: karpenter.sh/disrupted, effect: NoSchedule}]}",
      labels: ", karpenter.sh/nodepool: default, karpenter.sh/capacity-type: on-demand")
    // On-demand only: a cheaper spot node would otherwise replace n1 later.
    let types = scenario(types: [instanceType("std", cpu: "4", memory: "16Gi", offerings: ["zone-a:on-demand:0.1"])])
    let r = try simulate(types, nodePool(), tainted, pod("p", cpu: "1"))
    #expect(r.node(named: "n1")?.taints.contains { $0.key == "karpenter.sh/disrupted" } == false)
    #expect(r.node(of: "p")?.name == "n1")
    #expect(r.events("PodBound").first { $0.pod == "default/p" }?.time == 10)
  }

  @Test func aDaemonSetDoesNotDoubleThePodItAlreadyRunsOnANode() throws {
    let running = Self.podOf("agent-q7x", kind: "DaemonSet", owner: "agent", node: "n1", cpu: "100m")
    let r = try simulate(Self.types, nodePool(), Self.node("n1"), daemonSet("agent"), running)
    #expect(r.node(named: "n1")?.pods == ["default/agent-q7x"])
  }

  @Test func aNodeClaimAttachesByProviderIDAndCarriesItsPoolAndDrift() throws {
    let claim = """
      apiVersion: karpenter.sh/v1
      kind: NodeClaim
      metadata:
        name: default-abcde
        labels: {karpenter.sh/nodepool: default}
      spec:
        nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
        requirements: []
      status:
        providerID: aws:///zone-a/i-0001
        conditions: [{type: Drifted, status: "True", reason: AMIDrift}]
      """
    let node = Self.node(
      "n1", spec: "{providerID: \"aws:///zone-a/i-0001\"}",
      labels: ", karpenter.sh/capacity-type: on-demand")
    let (r, events) = try simulateDetailed(
      [Self.types, nodePool(), node, claim, Self.podOf("web-1", owner: "web-rs", node: "n1")])
    #expect(r.node(named: "n1") == nil || r.node(named: "n1")?.nodePool == "default")
    let drift = try #require(events.first { $0.type == "DisruptionDecided" })
    #expect(drift.reason == "Drifted")
    #expect(drift.node == "n1")
    #expect(drift.message?.contains("its NodeClaim was already Drifted (AMIDrift)") == true)
    #expect(r.node(named: "n1") == nil, "the drifted node was replaced")
    #expect(r.node(of: "web-1")?.nodePool == "default")
  }

  @Test func aNodeClaimWithoutANodeIsSkippedWithAWarning() throws {
    let claim = """
      apiVersion: karpenter.sh/v1
      kind: NodeClaim
      metadata: {name: default-launching, labels: {karpenter.sh/nodepool: default}}
      spec:
        nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
        requirements: []
      """
    let run = try simulateRun([Self.types, nodePool(), claim])
    #expect(run.stderr.contains("NodeClaim \"default-launching\""))
    #expect(run.stderr.contains("the NodeClaim has no Node in the input"))
  }

  @Test func scalingAndDeletingADumpedDeploymentReachItsReplicaSetsPods() throws {
    let pods = ["web-rs-a", "web-rs-b", "web-rs-c"].map { Self.podOf($0, owner: "web-rs", node: "n1") }
    let down = try simulate(
      [
        scenario(types: [Self.std], timeline: [step("5m", scale: [scaleTo("web", 1)])]),
        nodePool(), Self.node("n1"), deployment("web", replicas: 3, cpu: "1"),
        Self.replicaSet("web-rs", revision: 1, replicas: 3),
      ] + pods)
    #expect(Self.allPods(down) == ["default/web-rs-a"])
    let deleted = try simulate(
      [
        scenario(types: [Self.std], timeline: [step("5m", delete: [ref("Deployment", "web")])]),
        nodePool(), Self.node("n1"), deployment("web", replicas: 3, cpu: "1"),
        Self.replicaSet("web-rs", revision: 1, replicas: 3),
      ] + pods)
    #expect(Self.allPods(deleted).isEmpty)
  }

  @Test func theExampleDumpIsTakenAsItIs() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "../../examples/cluster-dump.yaml"
    ).standardized.path
    let (output, events) = try simulateDetailed([String(contentsOfFile: path, encoding: .utf8)])
    let pods = output.nodes.flatMap(\.pods)
    // web wants 4 and has 3; coredns has its 2; kube-proxy runs once on each of 4 nodes;
    // analytics-0 is its StatefulSet's one pod; the finished Job pod is gone.
    #expect(pods.filter { $0.hasPrefix("default/web") }.count == 4)
    #expect(pods.filter { $0.hasPrefix("kube-system/coredns") }.count == 2)
    #expect(pods.filter { $0.hasPrefix("kube-system/kube-proxy") }.count == output.nodes.count)
    #expect(pods.contains("default/analytics-0"))
    #expect(!pods.contains { $0.contains("nightly-report") })
    #expect(output.pendingPods.isEmpty)
    let drift = events.filter { $0.type == "DisruptionDecided" && $0.reason == "Drifted" }
    #expect(drift.map(\.node) == ["ip-10-0-2-41.ec2.internal"])
  }
}
