import APIServer
import Foundation
import Testing

@testable import Sandbox

/// A store with the stand-ins running over it, as the sandbox runs them, on a clock the test
/// moves. No HTTP: writes go straight to the store, as the sandbox's handlers make them.
struct StandInCluster {
  var store = APIStore(seed: 7)
  var standIns = StandIns()
  var now = Date(timeIntervalSince1970: 1_750_000_000)

  /// Runs the stand-ins until they write nothing more; fails the test past `rounds`.
  @discardableResult
  mutating func settle(rounds: Int = 40, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    for round in 0..<rounds {
      if !standIns.reconcile(&store, now: now) { return round }
    }
    Issue.record("the stand-ins were still writing after \(rounds) rounds", sourceLocation: sourceLocation)
    return rounds
  }

  func type(_ group: String, _ plural: String) -> ResourceType {
    store.registry.types.first { $0.group == group && $0.plural == plural }!
  }

  @discardableResult
  mutating func create(_ group: String, _ plural: String, _ object: JSON) throws -> JSON {
    try store.create(
      type(group, plural), namespace: object[path: ["metadata", "namespace"]]?.string, object, now: now)
  }

  mutating func delete(
    _ group: String, _ plural: String, namespace: String?, _ name: String, grace: Int? = nil
  ) throws {
    _ = try store.delete(
      type(group, plural), namespace: namespace, name: name,
      options: DeleteOptions(gracePeriodSeconds: grace), now: now)
  }

  /// Replaces `path` of a stored object by `value` (an edit as `kubectl edit` makes it; a
  /// path under `status` goes through the status subresource).
  mutating func edit(
    _ group: String, _ plural: String, namespace: String?, _ name: String, _ path: [String], _ value: JSON
  ) throws {
    var object = try store.get(type(group, plural), namespace: namespace, name: name)
    object[path: path] = value
    _ = try store.update(
      type(group, plural), namespace: namespace, name: name, object,
      subresource: path.first == "status" ? .status : nil,
      now: now)
  }

  func get(_ group: String, _ plural: String, namespace: String?, _ name: String) -> JSON? {
    store.lookup(type(group, plural), namespace: namespace, name: name)
  }

  func list(_ group: String, _ plural: String, namespace: String? = nil) -> [JSON] {
    (try? store.list(type(group, plural), namespace: namespace).items) ?? []
  }

  var pods: [JSON] { list("", "pods") }
}

/// Small fixtures: the least JSON that shows each behaviour.
enum Fixture {
  /// A node with the given allocatable, labels and taints; `ready: false` leaves its status
  /// without conditions for the kubelet stand-in to fill.
  static func node(
    _ name: String, cpu: String = "4", memory: String = "8Gi", pods: Int = 110,
    labels: [String: String] = [:],
    taints: [JSON] = [], unschedulable: Bool = false
  ) -> JSON {
    var labelsJSON: [String: JSON] = ["kubernetes.io/hostname": .string(name)]
    for (k, v) in labels { labelsJSON[k] = .string(v) }
    let resources: JSON = ["cpu": .string(cpu), "memory": .string(memory), "pods": .string(String(pods))]
    var node: JSON = [
      "apiVersion": "v1", "kind": "Node", "metadata": ["name": .string(name), "labels": .object(labelsJSON)],
      "status": ["capacity": resources, "allocatable": resources],
    ]
    if !taints.isEmpty { node[path: ["spec", "taints"]] = .array(taints) }
    if unschedulable { node[path: ["spec", "unschedulable"]] = true }
    return node
  }

  static func taint(_ key: String, _ value: String? = nil, effect: String = "NoSchedule") -> JSON {
    var t: JSON = ["key": .string(key), "effect": .string(effect)]
    if let value { t["value"] = .string(value) }
    return t
  }

  /// A pod spec with one container requesting `cpu` and `memory`.
  static func podSpec(cpu: String? = nil, memory: String? = nil, hostPort: Int64? = nil) -> JSON {
    var container: JSON = ["name": "app", "image": "registry.k8s.io/pause:3.9"]
    var requests: [String: JSON] = [:]
    if let cpu { requests["cpu"] = .string(cpu) }
    if let memory { requests["memory"] = .string(memory) }
    if !requests.isEmpty { container["resources"] = ["requests": .object(requests)] }
    if let hostPort { container["ports"] = [["containerPort": .int(hostPort), "hostPort": .int(hostPort)]] }
    return ["containers": [container]]
  }

  static func pod(_ name: String, namespace: String = "default", spec: JSON = podSpec()) -> JSON {
    [
      "apiVersion": "v1", "kind": "Pod",
      "metadata": ["name": .string(name), "namespace": .string(namespace)], "spec": spec,
    ]
  }

  static func template(app: String, spec: JSON = podSpec(cpu: "100m")) -> JSON {
    ["metadata": ["labels": ["app": .string(app)]], "spec": spec]
  }

  static func deployment(
    _ name: String, replicas: Int64, spec: JSON = podSpec(cpu: "100m"), strategy: JSON? = nil
  ) -> JSON {
    var d: JSON = [
      "apiVersion": "apps/v1", "kind": "Deployment",
      "metadata": ["name": .string(name), "namespace": "default"],
      "spec": [
        "replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(name)]],
        "template": template(app: name, spec: spec),
      ],
    ]
    if let strategy { d[path: ["spec", "strategy"]] = strategy }
    return d
  }
}

extension JSON {
  var metaName: String { self[path: ["metadata", "name"]]?.string ?? "" }
  var nodeName: String? { self[path: ["spec", "nodeName"]]?.string }
  var phase: String? { self[path: ["status", "phase"]]?.string }
  var beingDeleted: Bool { self[path: ["metadata", "deletionTimestamp"]] != nil }

  /// The condition of `type` in `status.conditions`.
  func condition(_ type: String) -> JSON? {
    self[path: ["status", "conditions"]]?.array?.first { $0["type"]?.string == type }
  }

  func ownedBy(_ kind: String, _ name: String) -> Bool {
    (self[path: ["metadata", "ownerReferences"]]?.array ?? []).contains {
      $0["kind"]?.string == kind && $0["name"]?.string == name && $0["controller"]?.bool == true
    }
  }
}
