import Foundation
import KarpenterCLI
import Testing

/// Spot-to-spot consolidation is behind upstream's feature gate: off, a spot node is never
/// replaced by spot; on, a single spot node is replaced when at least 15 cheaper spot instance
/// types could be launched.
@Suite struct SpotToSpotTests {
  /// A big spot node running one small pod, and `cheaper` small spot-only types.
  func scenario(gate: Bool?, cheaper: Int) -> String {
    var types = [
      "{name: big, capacity: {cpu: \"16\", memory: 32Gi}, offerings: [{zone: zone-a, capacityType: spot, price: 1.0}]}"
    ]
    for i in 0..<cheaper {
      types.append(
        "{name: small-\(i), capacity: {cpu: \"2\", memory: 4Gi}, offerings: [{zone: zone-a, capacityType: spot, price: \(0.1 + Double(i) * 0.01)}]}"
      )
    }
    let gates = gate.map { "  featureGates: {spotToSpotConsolidation: \($0)}\n" } ?? ""
    return """
      apiVersion: simulation.karpenter.sh/v1alpha1
      kind: Scenario
      metadata: {name: s2s}
      spec:
        duration: 1h
      \(gates)  cloud:
          instanceTypes:
            list: [\(types.joined(separator: ", "))]
      ---
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: default}
      spec:
        template:
          spec:
            requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [spot]}]
            nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      ---
      apiVersion: v1
      kind: Node
      metadata:
        name: old
        labels: {karpenter.sh/nodepool: default, node.kubernetes.io/instance-type: big, topology.kubernetes.io/zone: zone-a, karpenter.sh/capacity-type: spot}
      status: {allocatable: {cpu: "16", memory: 32Gi, pods: "110"}}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
        ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: app, uid: app, controller: true}]
      spec:
        nodeName: old
        containers: [{name: app, image: app, resources: {requests: {cpu: "1", memory: 1Gi}}}]
      """
  }

  func replaced(_ yaml: String) throws -> Bool {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("s2s-\(UUID().uuidString).yaml")
    try yaml.write(to: url, atomically: true, encoding: .utf8)
    let out = SimulateRun.run(paths: [url.path], output: .json)
    try #require(out.exitCode == 0, "\(out.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
    let nodes = json["nodes"] as! [[String: Any]]
    return !nodes.contains { $0["name"] as? String == "old" }
  }

  @Test func offByDefault() throws {
    #expect(try !replaced(scenario(gate: nil, cheaper: 16)))
  }

  @Test func onWithFifteenCheaperTypesReplaces() throws {
    #expect(try replaced(scenario(gate: true, cheaper: 16)))
  }

  @Test func onWithTooFewCheaperTypesKeepsTheNode() throws {
    #expect(try !replaced(scenario(gate: true, cheaper: 10)))
  }

  /// The Unconsolidatable explanation for the node `old`, in upstream's words.
  func why(_ yaml: String) throws -> String? {
    let events = try simulateJSON(yaml)["kubernetesEvents"] as! [[String: Any]]
    return events.last {
      $0["reason"] as? String == "Unconsolidatable"
        && ($0["involvedObject"] as? [String: Any])?["name"] as? String == "old"
    }?["message"] as? String
  }

  @Test func eachRefusalSaysWhy() throws {
    #expect(
      try why(scenario(gate: nil, cheaper: 16))
        == "SpotToSpotConsolidation is disabled, can't replace a spot node with a spot node")
    #expect(try why(scenario(gate: true, cheaper: 0)) == "Can't replace spot node with a cheaper spot node")
    #expect(
      try why(scenario(gate: true, cheaper: 10))
        == "SpotToSpotConsolidation requires 15 cheaper instance type options than the current candidate to consolidate, got 10"
    )
  }
}
