import Foundation
import KarpenterCLI
import Scheduling
import Testing

// Shared helpers for the `karpenter simulate` scenario tests: write a scenario to a file, run
// it through `SimulateRun` with JSON output, decode the SimulationResult, and look things up.

/// The SimulationResult document, as the contract (docs/simulation.md) fixes it.
struct SimResult: Decodable {
  var apiVersion: String
  var kind: String
  var endTime: Double
  var nodes: [SimNode]
  var pendingPods: [PendingPod]
  var cost: Cost
  var events: [Event]

  struct SimNode: Decodable {
    var name: String
    var nodePool: String?
    var instanceType: String?
    var zone: String?
    var capacityType: String?
    var pricePerHour: Double
    var labels: [String: String]
    var taints: [Taint]
    var allocatable: [String: String]
    var pods: [String]
    var createdAt: Double
  }

  struct Taint: Decodable, Equatable {
    var key: String
    var value: String?
    var effect: String
  }

  struct PendingPod: Decodable {
    var pod: String
    var reason: String
  }

  struct Cost: Decodable {
    var perHour: Double
    var total: Double
  }

  struct Event: Decodable {
    var time: Double
    var type: String
    var node: String?
    var pod: String?
    var reason: String?
  }

  /// Nodes that some NodePool manages (launched by the simulation or labelled in the input).
  var managedNodes: [SimNode] { nodes.filter { $0.nodePool != nil } }

  /// The node a pod (`namespace/name`, or a bare name in `default`) is bound to.
  func node(of pod: String) -> SimNode? {
    let key = pod.contains("/") ? pod : "default/\(pod)"
    return nodes.first { $0.pods.contains(key) }
  }

  func node(named name: String) -> SimNode? { nodes.first { $0.name == name } }

  /// The pending entry of a pod, if it is pending.
  func pending(_ pod: String) -> PendingPod? {
    let key = pod.contains("/") ? pod : "default/\(pod)"
    return pendingPods.first { $0.pod == key }
  }

  var pendingNames: [String] { pendingPods.map(\.pod) }

  /// Pods of the input (not DaemonSet pods) on a node: those whose name starts with `prefix`.
  func pods(on node: SimNode, prefix: String) -> [String] {
    node.pods.filter { $0.hasPrefix("default/\(prefix)") || $0.hasPrefix(prefix) }
  }

  /// How many pods named `<prefix>...` run on each node, by node name.
  func count(prefix: String) -> [String: Int] {
    var out: [String: Int] = [:]
    for n in nodes {
      let c = n.pods.filter { $0.hasPrefix("default/\(prefix)") }.count
      if c > 0 { out[n.name] = c }
    }
    return out
  }
}

/// The raw output of one run and, when it succeeded, its decoded result.
struct Run {
  var stdout: String
  var stderr: String
  var exitCode: Int32
  var result: SimResult
}

/// Writes `yaml` to a fresh temporary file and returns its path.
func scenarioFile(_ yaml: String, name: String = "scenario.yaml") throws -> String {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("karpenter-sim-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  let url = directory.appendingPathComponent(name)
  try yaml.write(to: url, atomically: true, encoding: .utf8)
  return url.path
}

struct SimulationFailed: Error, CustomStringConvertible {
  var description: String
}

/// Runs the documents through `karpenter simulate --output json` and decodes the result.
/// Fails the test (and throws) when the run does not exit 0.
func simulate(
  _ documents: String..., packing: PackingStrategy = .costAware,
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> SimResult {
  try simulateRun(documents, packing: packing, sourceLocation: sourceLocation).result
}

func simulate(
  _ documents: [String], packing: PackingStrategy = .costAware,
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> SimResult {
  try simulateRun(documents, packing: packing, sourceLocation: sourceLocation).result
}

func simulateRun(
  _ documents: [String], packing: PackingStrategy = .costAware,
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> Run {
  let path = try scenarioFile(documents.joined(separator: "\n---\n"))
  let output = SimulateRun.run(paths: [path], output: .json, packing: packing)
  guard output.exitCode == 0 else {
    Issue.record("simulate exited \(output.exitCode): \(output.stderr)", sourceLocation: sourceLocation)
    throw SimulationFailed(description: output.stderr)
  }
  do {
    let result = try JSONDecoder().decode(SimResult.self, from: Data(output.stdout.utf8))
    return Run(stdout: output.stdout, stderr: output.stderr, exitCode: output.exitCode, result: result)
  } catch {
    Issue.record("cannot decode the result: \(error)\n\(output.stdout)", sourceLocation: sourceLocation)
    throw error
  }
}

// MARK: Documents

/// Indents every line of `text` by `spaces` (for nesting YAML fragments).
func indent(_ text: String, _ spaces: Int) -> String {
  let pad = String(repeating: " ", count: spaces)
  return text.split(separator: "\n", omittingEmptySubsequences: false)
    .map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
}

/// A Scenario with an explicit instance-type list; each entry is one YAML flow map, e.g.
/// `{name: small, capacity: {cpu: "2", memory: 4Gi}, offerings: [{zone: a, capacityType: on-demand, price: 0.1}]}`.
func scenario(types: [String], zones: [String]? = nil, nodeStartup: String? = nil, duration: String? = nil)
  -> String
{
  var cloud = "  cloud:\n"
  if let zones { cloud += "    zones: [\(zones.joined(separator: ", "))]\n" }
  if let nodeStartup { cloud += "    nodeStartup: \(nodeStartup)\n" }
  cloud += "    instanceTypes:\n      list:\n"
  for t in types { cloud += "      - \(t)\n" }
  return """
    apiVersion: simulation.karpenter.sh/v1alpha1
    kind: Scenario
    metadata: {name: test}
    spec:
    \(cloud)\(duration.map { "  duration: \($0)\n" } ?? "")
    """
}

/// One instance type of a Scenario list, as a flow map. `offerings` are `zone:capacityType:price`.
func instanceType(
  _ name: String, cpu: String, memory: String = "8Gi", pods: String? = nil, extra: [String: String] = [:],
  labels: [String: String] = [:], overhead: String? = nil, offerings: [String]
) -> String {
  var capacity = ["cpu: \"\(cpu)\"", "memory: \(memory)"]
  if let pods { capacity.append("pods: \"\(pods)\"") }
  for (k, v) in extra.sorted(by: { $0.key < $1.key }) { capacity.append("\(k): \"\(v)\"") }
  let offeringMaps = offerings.map { o -> String in
    let parts = o.split(separator: ":").map(String.init)
    var map = "{zone: \(parts[0]), capacityType: \(parts[1]), price: \(parts[2])"
    if parts.count > 3 { map += ", available: \(parts[3])" }
    return map + "}"
  }
  var out = "{name: \(name), capacity: {\(capacity.joined(separator: ", "))}"
  if let overhead { out += ", overhead: {\(overhead)}" }
  if !labels.isEmpty {
    out +=
      ", labels: {"
      + labels.sorted { $0.key < $1.key }.map { "\($0.key): \"\($0.value)\"" }.joined(separator: ", ") + "}"
  }
  return out + ", offerings: [\(offeringMaps.joined(separator: ", "))]}"
}

/// A v1 NodePool. `requirements`, `taints`, `startupTaints` are YAML flow sequences;
/// `limits` and `labels` flow maps.
func nodePool(
  _ name: String = "default", requirements: String = "[]", weight: Int? = nil, limits: String? = nil,
  taints: String? = nil, startupTaints: String? = nil, labels: String? = nil, disruption: String? = nil
) -> String {
  var spec = ""
  if let weight { spec += "  weight: \(weight)\n" }
  if let disruption { spec += "  disruption: \(disruption)\n" }
  if let limits { spec += "  limits: \(limits)\n" }
  var template = ""
  if let labels { template += "    metadata: {labels: \(labels)}\n" }
  template += "    spec:\n      requirements: \(requirements)\n"
  if let taints { template += "      taints: \(taints)\n" }
  if let startupTaints { template += "      startupTaints: \(startupTaints)\n" }
  template += "      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}\n"
  return """
    apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata: {name: \(name)}
    spec:
    \(spec)  template:
    \(template)
    """
}

/// A container list with one container requesting `cpu` and `memory` (and `extra` resources).
private func containers(cpu: String, memory: String, extra: [String: String] = [:]) -> String {
  var requests = ["cpu: \(cpu)", "memory: \(memory)"]
  for (k, v) in extra.sorted(by: { $0.key < $1.key }) { requests.append("\(k): \"\(v)\"") }
  var limits = ""
  if !extra.isEmpty {
    limits =
      ", limits: {"
      + extra.sorted { $0.key < $1.key }.map { "\($0.key): \"\($0.value)\"" }.joined(separator: ", ") + "}"
  }
  return """
    containers:
    - name: app
      image: registry.example/app
      resources: {requests: {\(requests.joined(separator: ", "))}\(limits)}
    """
}

/// A Deployment of `replicas` pods `<name>-<i>` labelled `app: <name>` (plus `labels`); `spec`
/// is extra YAML for the pod spec (block style, unindented).
func deployment(
  _ name: String, replicas: Int, cpu: String = "100m", memory: String = "128Mi",
  extra: [String: String] = [:],
  labels: [String: String] = [:], spec: String = ""
) -> String {
  var all = labels
  all["app"] = all["app"] ?? name
  let labelMap =
    "{" + all.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
  return """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: \(name), namespace: default}
    spec:
      replicas: \(replicas)
      selector: {matchLabels: {app: \(all["app"]!)}}
      template:
        metadata: {labels: \(labelMap)}
        spec:
    \(indent(containers(cpu: cpu, memory: memory, extra: extra), 6))
    \(indent(spec, 6))
    """
}

/// A bare Pod `default/<name>`; `spec` is extra YAML for its spec (block style, unindented).
func pod(
  _ name: String, cpu: String = "100m", memory: String = "128Mi", extra: [String: String] = [:],
  labels: [String: String] = [:], spec: String = ""
) -> String {
  let labelMap =
    "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
  return """
    apiVersion: v1
    kind: Pod
    metadata: {name: \(name), namespace: default, labels: \(labelMap)}
    spec:
    \(indent(containers(cpu: cpu, memory: memory, extra: extra), 2))
    \(indent(spec, 2))
    """
}

/// A DaemonSet whose pods request `cpu` and `memory`; `spec` is extra pod-spec YAML.
func daemonSet(_ name: String, cpu: String = "100m", memory: String = "128Mi", spec: String = "") -> String {
  """
  apiVersion: apps/v1
  kind: DaemonSet
  metadata: {name: \(name), namespace: default}
  spec:
    selector: {matchLabels: {app: \(name)}}
    template:
      metadata: {labels: {app: \(name)}}
      spec:
  \(indent(containers(cpu: cpu, memory: memory), 6))
  \(indent(spec, 6))
  """
}

/// Quantities as the output writes them, compared numerically: "1930m" -> 1.93, "2Gi" -> 2^31.
func quantityValue(_ text: String) -> Double {
  let suffixes: [(String, Double)] = [
    ("Ki", 1024), ("Mi", 1024 * 1024), ("Gi", 1024 * 1024 * 1024), ("Ti", 1024 * 1024 * 1024 * 1024),
    ("m", 0.001), ("k", 1000), ("M", 1e6), ("G", 1e9),
  ]
  for (suffix, factor) in suffixes where text.hasSuffix(suffix) {
    return (Double(text.dropLast(suffix.count)) ?? .nan) * factor
  }
  return Double(text) ?? .nan
}

// MARK: Over time: timelines, disruption, events with messages

/// An event with its `message` (DisruptionDecided explanations), decoded from the raw output.
struct DetailedEvent: Decodable {
  var time: Double
  var type: String
  var node: String?
  var pod: String?
  var reason: String?
  var message: String?
}

private struct DetailedEvents: Decodable {
  var events: [DetailedEvent]
}

/// Runs the documents and returns the result together with the events and their messages.
func simulateDetailed(
  _ documents: [String], sourceLocation: SourceLocation = #_sourceLocation
) throws -> (SimResult, [DetailedEvent]) {
  let run = try simulateRun(documents, sourceLocation: sourceLocation)
  let events = try JSONDecoder().decode(DetailedEvents.self, from: Data(run.stdout.utf8)).events
  return (run.result, events)
}

/// A Scenario (as `scenario(...)`) followed by a timeline made of `step(...)` entries.
func scenario(
  types: [String], zones: [String]? = nil, nodeStartup: String? = nil, duration: String? = nil,
  timeline: [String]
) -> String {
  var text = scenario(types: types, zones: zones, nodeStartup: nodeStartup, duration: duration)
  if !text.hasSuffix("\n") { text += "\n" }
  text += "  timeline:\n"
  for entry in timeline { text += indent(entry, 2) + "\n" }
  return text
}

/// One timeline entry. `apply` holds whole manifests (block YAML, as the document helpers
/// write them); `delete`, `scale`, `interrupt`, `unavailable` hold YAML flow maps, e.g.
/// `ref("Deployment", "web")`, `"{kind: Deployment, name: web, replicas: 3}"`, `"{node: n1}"`.
func step(
  _ at: String, apply: [String] = [], delete: [String] = [], scale: [String] = [], interrupt: [String] = [],
  unavailable: [String] = []
) -> String {
  var out = "- at: \(at)\n"
  if !apply.isEmpty {
    out += "  apply:\n"
    for document in apply {
      let lines = document.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.allSatisfy(\.isWhitespace) }
      for (i, line) in lines.enumerated() { out += (i == 0 ? "  - " : "    ") + line + "\n" }
    }
  }
  if !delete.isEmpty { out += "  delete: [\(delete.joined(separator: ", "))]\n" }
  if !scale.isEmpty { out += "  scale: [\(scale.joined(separator: ", "))]\n" }
  if !interrupt.isEmpty { out += "  interrupt: [\(interrupt.joined(separator: ", "))]\n" }
  if !unavailable.isEmpty { out += "  unavailable: [\(unavailable.joined(separator: ", "))]\n" }
  return out
}

/// A reference for a timeline `delete`.
func ref(_ kind: String, _ name: String) -> String { "{kind: \(kind), namespace: default, name: \(name)}" }

/// A timeline `scale` of a Deployment.
func scaleTo(_ name: String, _ replicas: Int) -> String {
  "{kind: Deployment, namespace: default, name: \(name), replicas: \(replicas)}"
}

/// Adds fields (one `key: value` per entry) to a NodePool's `spec.template.spec`, e.g.
/// `withTemplateSpec(nodePool(), ["expireAfter: 1h"])`.
func withTemplateSpec(_ pool: String, _ fields: [String]) -> String {
  pool.replacingOccurrences(
    of: "    spec:\n      requirements:",
    with: "    spec:\n" + fields.map { "      \($0)\n" }.joined() + "      requirements:")
}

/// A `policy/v1` PodDisruptionBudget selecting `app: <app>`.
func podDisruptionBudget(
  _ name: String, app: String, minAvailable: String? = nil, maxUnavailable: String? = nil
) -> String {
  func value(_ v: String) -> String { Int(v) != nil ? v : "\"\(v)\"" }
  var spec = "  selector: {matchLabels: {app: \(app)}}\n"
  if let minAvailable { spec += "  minAvailable: \(value(minAvailable))\n" }
  if let maxUnavailable { spec += "  maxUnavailable: \(value(maxUnavailable))\n" }
  return """
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: \(name), namespace: default}
    spec:
    \(spec)
    """
}

/// An existing Node managed by `pool`, priced from the catalog by its type, zone and capacity
/// type; `annotations` is a flow map or nil.
func managedNode(
  _ name: String, type: String, zone: String = "zone-a", capacityType: String = "on-demand",
  pool: String = "default",
  cpu: String, memory: String = "16Gi", annotations: String? = nil
) -> String {
  let labels = [
    "kubernetes.io/hostname: \(name)", "karpenter.sh/nodepool: \(pool)",
    "node.kubernetes.io/instance-type: \(type)",
    "topology.kubernetes.io/zone: \(zone)", "karpenter.sh/capacity-type: \(capacityType)",
    "kubernetes.io/arch: amd64", "kubernetes.io/os: linux",
  ]
  return """
    apiVersion: v1
    kind: Node
    metadata: {name: \(name), labels: {\(labels.joined(separator: ", "))}\(annotations.map { ", annotations: \($0)" } ?? "")}
    status: {allocatable: {cpu: "\(cpu)", memory: \(memory), pods: "110"}}
    """
}

/// A pod bound to `node` (or pending when nil) that a ReplicaSet controls, so it is recreated
/// when evicted and may be disrupted voluntarily; labelled `app: <app>`.
func ownedPod(
  _ name: String, node: String?, app: String = "web", cpu: String = "1", memory: String = "1Gi",
  annotations: String? = nil
) -> String {
  """
  apiVersion: v1
  kind: Pod
  metadata:
    name: \(name)
    namespace: default
    labels: {app: \(app)}
    \(annotations.map { "annotations: \($0)" } ?? "")
    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: \(app)-rs, uid: \(app)-uid, controller: true}]
  spec:
    \(node.map { "nodeName: \($0)" } ?? "")
    containers:
    - name: app
      image: registry.example/app
      resources: {requests: {cpu: \(cpu), memory: \(memory)}}
  """
}

extension SimResult {
  func events(_ type: String, node: String? = nil) -> [Event] {
    events.filter { $0.type == type && (node == nil || $0.node == node) }
  }

  func firstTime(_ type: String, node: String? = nil) -> Double? { events(type, node: node).first?.time }

  /// Nodes that are NodeTerminated during the run, in order.
  var terminated: [String] { events("NodeTerminated").compactMap(\.node) }
}

/// A Kubernetes Event from the result's `kubernetesEvents`.
struct KubernetesEvent: Decodable {
  var time: Double
  var type: String
  var reason: String
  var message: String
}

private struct KubernetesEvents: Decodable {
  var kubernetesEvents: [KubernetesEvent]
}

/// Runs the documents and returns the result with the Kubernetes Events Karpenter posted.
func simulateWithKubernetesEvents(
  _ documents: [String], sourceLocation: SourceLocation = #_sourceLocation
) throws -> (SimResult, [KubernetesEvent]) {
  let run = try simulateRun(documents, sourceLocation: sourceLocation)
  let events = try JSONDecoder().decode(KubernetesEvents.self, from: Data(run.stdout.utf8)).kubernetesEvents
  return (run.result, events)
}

/// Runs one YAML text through `simulate --output json` (and `--log` when `log` is given) and
/// returns the JSON object, for tests that read fields the typed `SimResult` leaves out.
func simulateJSON(_ yaml: String, log: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws
  -> [String: Any]
{
  let path = try scenarioFile(yaml)
  let out = SimulateRun.run(paths: [path], output: .json, log: log?.path)
  try #require(out.exitCode == 0, "\(out.stderr)", sourceLocation: sourceLocation)
  return try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
}
