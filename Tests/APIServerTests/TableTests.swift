import Foundation
import Testing

@testable import APIServer

@Suite struct TableTests {
  static let durations: [(Double, String)] = [
    (0, "0s"), (119, "119s"), (150, "2m30s"), (600, "10m"), (3 * 3600 + 60, "3h1m"), (30 * 3600, "30h"),
    (3 * 86400 + 7200, "3d2h"), (40 * 86400, "40d"), (3 * 365 * 86400 + 86400, "3y1d"),
  ]

  @Test(arguments: durations)
  func humanDurationsMatchApimachinery(seconds: Double, expected: String) {
    #expect(HumanDuration.format(seconds: seconds) == expected)
  }

  @Test func podTableHasKubectlsColumnsAndPartialMetadata() throws {
    var store = APIStore(now: t0)
    var p = pod("web", node: "n1", phase: "Running")
    p[path: ["status", "containerStatuses"]] = [
      ["name": "app", "ready": true, "restartCount": 2, "state": ["running": [:]]]
    ]
    let created = try store.create(pods, namespace: "default", p, now: t0)
    let table = store.table(
      pods, objects: [created], listMetadata: ["resourceVersion": "7"], now: t0.addingTimeInterval(300))
    #expect(table["kind"] == "Table")
    #expect(
      table["columnDefinitions"]?.array?.prefix(5).map { $0["name"]! } == [
        "Name", "Ready", "Status", "Restarts", "Age",
      ])
    let row = try #require(table["rows"]?.array?.first)
    #expect(row["cells"]?.array?.prefix(5).map { $0 } == ["web", "1/1", "Running", "2", "5m"])
    #expect(row[path: ["object", "kind"]] == "PartialObjectMetadata")
    #expect(row[path: ["object", "metadata", "namespace"]] == "default")
  }

  @Test func nodeStatusAndRoles() throws {
    let node: JSON = [
      "metadata": [
        "name": "n1", "labels": ["node-role.kubernetes.io/control-plane": ""],
        "creationTimestamp": "2023-11-14T22:13:20Z",
      ],
      "spec": ["unschedulable": true],
      "status": [
        "conditions": [["type": "Ready", "status": "True"]], "nodeInfo": ["kubeletVersion": "v1.31.0"],
      ],
    ]
    let cells = PrinterColumn.columns(for: nodes).prefix(5).map { $0.cell(node, t0) }
    #expect(cells == ["n1", "Ready,SchedulingDisabled", "control-plane", "0s", "v1.31.0"])
  }

  @Test func karpenterAndCustomColumnsFollowTheirJSONPaths() throws {
    let claim: JSON = [
      "metadata": [
        "name": "c1",
        "labels": ["node.kubernetes.io/instance-type": "m5.large", "karpenter.sh/capacity-type": "spot"],
      ],
      "status": [
        "nodeName": "ip-1",
        "conditions": [["type": "Launched", "status": "True"], ["type": "Ready", "status": "False"]],
      ],
    ]
    let claims = try #require(registry.type(group: "karpenter.sh", version: "v1", plural: "nodeclaims"))
    let columns = PrinterColumn.columns(for: claims).filter { $0.priority == 0 }
    #expect(columns.map(\.name) == ["Name", "Type", "Capacity", "Zone", "Node", "Ready", "Age"])
    #expect(columns.map { $0.cell(claim, t0) }.prefix(6) == ["c1", "m5.large", "spot", nil, "ip-1", "False"])
  }

  @Test func aCRDsPrinterColumnsAreUsedForItsKind() throws {
    var store = APIStore(now: t0)
    _ = try store.create(
      crds, namespace: nil,
      [
        "metadata": ["name": "widgets.example.com"],
        "spec": [
          "group": "example.com", "scope": "Cluster", "names": ["kind": "Widget", "plural": "widgets"],
          "versions": [
            [
              "name": "v1", "served": true, "storage": true,
              "additionalPrinterColumns": [["name": "Size", "type": "integer", "jsonPath": ".spec.size"]],
            ]
          ],
        ],
      ], now: t0)
    let widgets = try #require(store.registry.type(group: "example.com", version: "v1", plural: "widgets"))
    #expect(store.tableColumns(for: widgets).map(\.name) == ["Name", "Size"])
    let w = try store.create(
      widgets, namespace: nil,
      ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w"], "spec": ["size": 3]],
      now: t0)
    #expect(store.table(widgets, objects: [w], now: t0)["rows"]?.array?.first?["cells"] == ["w", 3])
  }
}
