import Foundation
import Testing

@testable import APIServer

/// A fixed clock for the store: tests pass time in, as the sandbox does.
let t0 = Date(timeIntervalSince1970: 1_700_000_000)

let registry = ResourceRegistry()
let pods = registry.type(group: "", version: "v1", plural: "pods")!
let nodes = registry.type(group: "", version: "v1", plural: "nodes")!
let namespaces = registry.type(group: "", version: "v1", plural: "namespaces")!
let configMaps = registry.type(group: "", version: "v1", plural: "configmaps")!
let services = registry.type(group: "", version: "v1", plural: "services")!
let events = registry.type(group: "", version: "v1", plural: "events")!
let secrets = registry.type(group: "", version: "v1", plural: "secrets")!
let deployments = registry.type(group: "apps", version: "v1", plural: "deployments")!
let replicaSets = registry.type(group: "apps", version: "v1", plural: "replicasets")!
let pdbs = registry.type(group: "policy", version: "v1", plural: "poddisruptionbudgets")!
let nodePools = registry.type(group: "karpenter.sh", version: "v1", plural: "nodepools")!
let crds = registry.type(group: "apiextensions.k8s.io", version: "v1", plural: "customresourcedefinitions")!

func pod(_ name: String, labels: [String: String] = [:], node: String? = nil, phase: String? = nil, ready: Bool = false) -> JSON {
  var object: JSON = [
    "apiVersion": "v1", "kind": "Pod",
    "metadata": ["name": .string(name), "labels": .object(labels.mapValues(JSON.string))],
    "spec": ["containers": [["name": "app", "image": "nginx:1.27"]]],
  ]
  if let node { object[path: ["spec", "nodeName"]] = .string(node) }
  if let phase { object[path: ["status", "phase"]] = .string(phase) }
  if ready { object[path: ["status", "conditions"]] = [["type": "Ready", "status": "True"]] }
  return object
}

func configMap(_ name: String, data: JSON = [:]) -> JSON {
  ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)], "data": data]
}

/// Runs a throwing store call and returns its APIError, failing the test when none is thrown.
func apiError(_ body: () throws -> Void) -> APIError? {
  do {
    try body()
    return nil
  } catch let error as APIError {
    return error
  } catch {
    Issue.record("expected an APIError, got \(error)")
    return nil
  }
}
