// Load and latency against a Kubernetes API (the sandbox, or any cluster), for
// scripts/bench-live.sh. Release build only; figures go to docs/performance.md.
//
//   karpenter-live-bench nodes --kubeconfig F --count N            Ready kwok-style Nodes
//   karpenter-live-bench pods --kubeconfig F --count N [--bound]   Pods (spread over the nodes when --bound)
//   karpenter-live-bench watch-latency --kubeconfig F --samples N  create -> watch event delay
//
// Each prints one line: what it did, how long it took, and the rate.
import Foundation
import KubernetesClient
import Logging

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
  guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
  return arguments[i + 1]
}
guard let mode = arguments.first, let kubeconfig = option("--kubeconfig") else {
  FileHandle.standardError.write(Data("usage: karpenter-live-bench nodes|pods|watch-latency --kubeconfig F ...\n".utf8))
  exit(2)
}
let count = Int(option("--count") ?? "") ?? 1000
let concurrency = Int(option("--concurrency") ?? "") ?? 16
let bound = arguments.contains("--bound")
/// Pod names start with this; `--node-selector k=v` keeps them off the benchmark's own nodes.
let prefix = option("--prefix") ?? "bench-pod"
let nodeSelector = option("--node-selector")
let configuration = try ClientConfiguration.load(kubeconfig: kubeconfig)
let client = try KubernetesClient(
  configuration: configuration,
  options: KubernetesClient.Options(rateLimiter: RateLimiter(qps: 1_000_000, burst: 1_000_000)),
  logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() })

func seconds(since start: ContinuousClock.Instant) -> Double {
  let d = ContinuousClock.now - start
  return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

@Sendable func json(_ object: [String: Any]) -> [UInt8] {
  [UInt8](try! JSONSerialization.data(withJSONObject: object))
}

@Sendable func node(_ i: Int) -> [UInt8] {
  let name = String(format: "bench-node-%05d", i)
  return json([
    "apiVersion": "v1", "kind": "Node",
    "metadata": [
      "name": name,
      "labels": [
        "kubernetes.io/hostname": name, "node.kubernetes.io/instance-type": "c-16x-amd64-linux",
        "topology.kubernetes.io/zone": "test-zone-a", "kubernetes.io/arch": "amd64", "kubernetes.io/os": "linux",
        "type": "kwok",
      ],
      "annotations": ["kwok.x-k8s.io/node": "fake"],
    ],
    "status": [
      "capacity": ["cpu": "16", "memory": "32Gi", "pods": "110"],
      "allocatable": ["cpu": "15900m", "memory": "32Gi", "pods": "110"],
      "conditions": [["type": "Ready", "status": "True"]],
    ],
  ])
}

@Sendable func pod(_ i: Int, nodes: Int) -> [UInt8] {
  var spec: [String: Any] = [
    "containers": [["name": "app", "image": "pause", "resources": ["requests": ["cpu": "100m", "memory": "128Mi"]]]]
  ]
  if bound { spec["nodeName"] = String(format: "bench-node-%05d", i % max(nodes, 1)) }
  if let nodeSelector, let eq = nodeSelector.firstIndex(of: "=") {
    spec["nodeSelector"] = [String(nodeSelector[..<eq]): String(nodeSelector[nodeSelector.index(after: eq)...])]
  }
  return json([
    "apiVersion": "v1", "kind": "Pod",
    "metadata": ["name": "\(prefix)-" + String(format: "%06d", i), "namespace": "default", "labels": ["app": prefix]],
    "spec": spec,
  ])
}

/// Creates `count` objects with `concurrency` requests in flight.
func create(_ path: ResourcePath, _ body: @escaping @Sendable (Int) -> [UInt8]) async throws -> Double {
  let start = ContinuousClock.now
  try await withThrowingTaskGroup(of: Void.self) { group in
    var next = 0
    for _ in 0..<min(concurrency, count) {
      let i = next
      next += 1
      group.addTask { _ = try await client.create(path, body: body(i)) }
    }
    while try await group.next() != nil {
      if next < count {
        let i = next
        next += 1
        group.addTask { _ = try await client.create(path, body: body(i)) }
      }
    }
  }
  return seconds(since: start)
}

switch mode {
case "nodes":
  let t = try await create(.nodes()) { node($0) }
  print(String(format: "created %d nodes in %.2f s (%.0f/s)", count, t, Double(count) / t))
case "pods":
  let nodes = Int(option("--nodes") ?? "") ?? 1000
  let t = try await create(.pods(namespace: "default")) { pod($0, nodes: nodes) }
  print(String(format: "created %d pods in %.2f s (%.0f/s)", count, t, Double(count) / t))
case "watch-latency":
  let samples = Int(option("--samples") ?? "") ?? 100
  struct Meta: Decodable, Sendable {
    struct M: Decodable, Sendable { var name: String? }
    var metadata: M?
  }
  let path = ResourcePath(plural: "configmaps", namespace: "default")
  let seen = AsyncStream<String>.makeStream()
  let watcher = Task {
    for try await event in client.watch(Meta.self, path) {
      if case .added(let o) = event, let name = o.metadata?.name { seen.continuation.yield(name) }
    }
  }
  try await Task.sleep(for: .milliseconds(500))
  var delays: [Double] = []
  var iterator = seen.stream.makeAsyncIterator()
  for i in 0..<samples {
    let name = "latency-\(i)-\(UInt32.random(in: 0...UInt32.max))"
    let start = ContinuousClock.now
    _ = try await client.create(path, body: json(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": name]]))
    while let got = await iterator.next(), got != name {}
    delays.append(seconds(since: start) * 1000)
  }
  watcher.cancel()
  delays.sort()
  print(
    String(
      format: "watch latency over %d creates: median %.1f ms, p99 %.1f ms, max %.1f ms (create to event)", samples,
      delays[delays.count / 2], delays[min(delays.count - 1, delays.count * 99 / 100)], delays.last!))
default:
  FileHandle.standardError.write(Data("unknown mode \(mode)\n".utf8))
  exit(2)
}
try await client.shutdown()
