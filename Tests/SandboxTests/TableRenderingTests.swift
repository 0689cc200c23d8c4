import APIServer
import Foundation
import Testing

@testable import Sandbox

@Suite("Tables for kubectl get")
struct TableRenderingTests {
  let now = Date(timeIntervalSince1970: 1_000_000)
  let created = "1970-01-12T13:41:40Z"  // 1_000_000 - 300 s

  func cells(_ table: JSON) -> [JSON] { table["rows"]?.array?.first?["cells"]?.array ?? [] }
  func names(_ table: JSON) -> [String] { (table["columnDefinitions"]?.array ?? []).compactMap { $0["name"]?.string } }

  @Test("pods: NAME READY STATUS RESTARTS AGE, and IP NODE NOMINATED NODE READINESS GATES with -o wide")
  func pods() {
    let pod: JSON = [
      "metadata": ["name": "web-1", "creationTimestamp": .string(created)],
      "spec": ["containers": [["name": "a"], ["name": "b"]], "nodeName": "node-1"],
      "status": [
        "phase": "Running", "podIP": "10.0.0.7",
        "containerStatuses": [["ready": true, "restartCount": 2], ["ready": false, "restartCount": 1, "state": ["waiting": ["reason": "CrashLoopBackOff"]]]],
      ],
    ]
    let table = TableRendering.table(group: "", kind: "Pod", objects: [pod], now: now)
    #expect(names(table) == ["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"])
    #expect(cells(table) == ["web-1", "1/2", "CrashLoopBackOff", "3", "5m", "10.0.0.7", "node-1", "<none>", "<none>"])
    #expect(table["rows"]?.array?.first?[path: ["object", "kind"]] == "PartialObjectMetadata")
    #expect(table["columnDefinitions"]?.array?[5]["priority"] == 1)
  }

  @Test("a pod being deleted is Terminating; a pending pod without a node shows <none>")
  func podStatus() {
    let pod: JSON = ["metadata": ["name": "p", "deletionTimestamp": "2026-01-01T00:00:00Z"], "spec": ["containers": [["name": "a"]]], "status": ["phase": "Running"]]
    #expect(PodPrinter.status(pod) == "Terminating")
    let pending: JSON = ["metadata": ["name": "p"], "spec": ["containers": [["name": "a"]]]]
    #expect(cells(TableRendering.table(group: "", kind: "Pod", objects: [pending], now: now))[2] == "Pending")
    #expect(cells(TableRendering.table(group: "", kind: "Pod", objects: [pending], now: now))[6] == "<none>")
  }

  @Test("nodes: STATUS from Ready and cordoning, ROLES from labels, VERSION from the kubelet")
  func nodes() {
    let node: JSON = [
      "metadata": ["name": "n1", "creationTimestamp": .string(created), "labels": ["node-role.kubernetes.io/control-plane": "", "karpenter.sh/nodepool": "default"]],
      "spec": ["unschedulable": true],
      "status": ["conditions": [["type": "Ready", "status": "True"]], "nodeInfo": ["kubeletVersion": "v1.31.0"]],
    ]
    let table = TableRendering.table(group: "", kind: "Node", objects: [node], now: now)
    #expect(Array(names(table).prefix(5)) == ["Name", "Status", "Roles", "Age", "Version"])
    #expect(Array(cells(table).prefix(5)) == ["n1", "Ready,SchedulingDisabled", "control-plane", "5m", "v1.31.0"])
  }

  @Test("deployments: READY UP-TO-DATE AVAILABLE AGE")
  func deployments() {
    let deployment: JSON = [
      "metadata": ["name": "web", "creationTimestamp": .string(created)],
      "spec": ["replicas": 3, "selector": ["matchLabels": ["app": "web"]], "template": ["spec": ["containers": [["name": "c", "image": "nginx"]]]]],
      "status": ["readyReplicas": 2, "updatedReplicas": 3, "availableReplicas": 2],
    ]
    let table = TableRendering.table(group: "apps", kind: "Deployment", objects: [deployment], now: now)
    #expect(names(table) == ["Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector"])
    #expect(cells(table) == ["web", "2/3", 3, 2, "5m", "c", "nginx", "app=web"])
  }

  @Test("nodeclaims and nodepools: upstream Karpenter's printer columns, AGE as a date")
  func karpenter() {
    let claim: JSON = [
      "metadata": ["name": "default-x", "creationTimestamp": .string(created), "labels": ["node.kubernetes.io/instance-type": "m5.large", "karpenter.sh/capacity-type": "spot", "topology.kubernetes.io/zone": "us-east-1a"]],
      "status": ["nodeName": "ip-1", "conditions": [["type": "Ready", "status": "True"]]],
    ]
    let claims = TableRendering.table(group: "karpenter.sh", kind: "NodeClaim", objects: [claim], now: now)
    #expect(Array(names(claims).prefix(7)) == ["Name", "Type", "Capacity", "Zone", "Node", "Ready", "Age"])
    #expect(Array(cells(claims).prefix(7)) == ["default-x", "m5.large", "spot", "us-east-1a", "ip-1", "True", "5m"])
    #expect(claims["columnDefinitions"]?.array?[6]["type"] == "date")
    let pool: JSON = ["metadata": ["name": "default"], "spec": ["template": ["spec": ["nodeClassRef": ["name": "default"]]]], "status": ["resources": ["nodes": "2"]]]
    let pools = TableRendering.table(group: "karpenter.sh", kind: "NodePool", objects: [pool], now: now)
    #expect(Array(names(pools).prefix(5)) == ["Name", "NodeClass", "Nodes", "Ready", "Age"])
    #expect(Array(cells(pools).prefix(4)) == ["default", "default", "2", nil])
  }

  @Test("any other kind: NAME AGE; includeObject=Object carries the object, None nothing")
  func fallback() {
    let map: JSON = ["kind": "ConfigMap", "metadata": ["name": "c", "creationTimestamp": .string(created)]]
    let table = TableRendering.table(group: "", kind: "ConfigMap", objects: [map], include: .object, now: now)
    #expect(names(table) == ["Name", "Age"])
    #expect(table["rows"]?.array?.first?["object"] == map)
    let bare = TableRendering.table(group: "", kind: "ConfigMap", objects: [map], include: .none, withColumnDefinitions: false, now: now)
    #expect(bare["rows"]?.array?.first?["object"] == nil)
    #expect(bare["columnDefinitions"] == [])
  }

  static let humanAges: [(Double, String)] = [
    (0, "0s"), (119, "119s"), (120, "2m"), (185, "3m5s"), (600, "10m"), (10860, "3h1m"), (32400, "9h"),
    (180_000, "2d2h"), (864_000, "10d"), (69_120_000, "2y70d"), (283_824_000, "9y"), (-0.5, "0s"), (-5, "<invalid>"),
  ]

  @Test("ages read as apimachinery's HumanDuration", arguments: humanAges)
  func ages(seconds: Double, text: String) {
    #expect(HumanDuration.string(seconds: seconds) == text)
  }
}
