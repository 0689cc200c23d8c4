import Foundation
import KarpenterCLI
import Testing

/// The `karpenter simulate` contract (docs: shared/specs/simulation.md): exit statuses, where
/// errors go and what they name, the JSON document's shape, standard input, determinism.
@Suite struct SimulateContractTests {
  /// A small valid world around the document under test, so that only that document is wrong.
  static let nodePool = """
    apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata: {name: default}
    spec:
      template:
        spec:
          requirements: [{key: kubernetes.io/arch, operator: In, values: [amd64]}]
          nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
    """

  static let pod = """
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec: {containers: [{name: c, resources: {requests: {cpu: 500m, memory: 256Mi}}}]}
    """

  /// Runs `simulate` in-process on one temporary file; checks the common shape of a rejection.
  func rejected(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [String]
  {
    let path = try temporaryFile(text, name: name)
    let output = SimulateRun.run(paths: [path], output: .json)
    #expect(output.exitCode == 1, "exit code", sourceLocation: sourceLocation)
    #expect(
      output.stdout.isEmpty, "nothing on standard output: \(output.stdout.prefix(200))",
      sourceLocation: sourceLocation)
    #expect(
      output.stderr.contains("nothing was simulated"), "\(output.stderr)", sourceLocation: sourceLocation)
    return output.stderr.split(separator: "\n").map(String.init)
  }

  @Test func nodePoolWithWeightZeroIsRejected() throws {
    let lines = try rejected(
      """
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: default}
      spec:
        weight: 0
        template:
          spec:
            requirements: [{key: kubernetes.io/arch, operator: In, values: [amd64]}]
            nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      ---
      \(Self.pod)
      """, name: "weight.yaml")
    #expect(
      lines.contains {
        $0.contains("weight.yaml: document 1 (NodePool \"default\")") && $0.contains("spec.weight")
          && $0.contains("\"0\"")
      }, "\(lines)")
  }

  @Test func podWithABadQuantityIsRejected() throws {
    let lines = try rejected(
      """
      \(Self.nodePool)
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: bad}
      spec: {containers: [{name: c, resources: {requests: {cpu: 1x}}}]}
      """, name: "quantity.yaml")
    #expect(
      lines.contains {
        $0.contains("quantity.yaml: document 2 (Pod \"default/bad\")")
          && $0.contains("spec.containers[0].resources.requests[cpu]") && $0.contains("\"1x\"")
      }, "\(lines)")
  }

  @Test func twoScenariosAreRejected() throws {
    let lines = try rejected(
      """
      apiVersion: simulation.karpenter.sh/v1alpha1
      kind: Scenario
      metadata: {name: first}
      spec: {cloud: {instanceTypes: {catalog: kwok}}}
      ---
      \(Self.nodePool)
      ---
      apiVersion: simulation.karpenter.sh/v1alpha1
      kind: Scenario
      metadata: {name: second}
      spec: {duration: 1h}
      """, name: "scenarios.yaml")
    #expect(
      lines.contains {
        $0.contains("scenarios.yaml: document 3 (Scenario \"second\")") && $0.contains("Scenario")
          && $0.contains("document 1")
      }, "\(lines)")
  }

  @Test func unknownCatalogIsRejected() throws {
    let lines = try rejected(
      """
      apiVersion: simulation.karpenter.sh/v1alpha1
      kind: Scenario
      metadata: {name: cloud}
      spec:
        cloud:
          instanceTypes: {catalog: gcp}
      ---
      \(Self.nodePool)
      """, name: "catalog.yaml")
    #expect(
      lines.contains {
        $0.contains("catalog.yaml: document 1 (Scenario \"cloud\")")
          && $0.contains("spec.cloud.instanceTypes.catalog") && $0.contains("\"gcp\"")
      }, "\(lines)")
  }

  @Test func everyErrorOfSeveralFilesIsReported() throws {
    let first = try temporaryFile(
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: bad}
      spec: {containers: [{name: c, resources: {requests: {cpu: 1x}}}]}
      """, name: "pods.yaml")
    let second = try temporaryFile(
      """
      apiVersion: simulation.karpenter.sh/v1alpha1
      kind: Scenario
      metadata: {name: cloud}
      spec: {cloud: {instanceTypes: {catalog: gcp}}}
      """, name: "scenario.yaml")
    let output = SimulateRun.run(paths: [first, second], output: .text)
    #expect(output.exitCode == 1)
    #expect(output.stdout.isEmpty)
    #expect(output.stderr.contains("pods.yaml: document 1"))
    #expect(output.stderr.contains("scenario.yaml: document 1"))
  }

  @Test func missingFileIsInvalidInput() {
    let output = SimulateRun.run(paths: ["/no/such/scenario.yaml"])
    #expect(output.exitCode == 1)
    #expect(output.stdout.isEmpty)
    #expect(output.stderr.contains("/no/such/scenario.yaml"))
  }

  @Test func aValidScenarioRunsInProcess() throws {
    let path = try temporaryFile(
      """
      apiVersion: simulation.karpenter.sh/v1alpha1
      kind: Scenario
      metadata: {name: small}
      spec: {cloud: {instanceTypes: {catalog: kwok}}}
      ---
      \(Self.nodePool)
      ---
      \(Self.pod)
      """, name: "valid.yaml")
    for output in [
      SimulateRun.run(paths: [path], output: .json, packing: .firstFit),
      SimulateRun.run(paths: [path], output: .json, packing: .costAware),
    ] {
      #expect(output.exitCode == 0, "\(output.stderr)")
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
      let nodes = try #require(json["nodes"] as? [[String: Any]])
      #expect(nodes.count == 1)
      #expect((nodes.first?["pods"] as? [String]) == ["default/web"])
      #expect((json["pendingPods"] as? [Any])?.isEmpty == true)
    }
  }

  // MARK: The built binary

  @Test func noFilesIsBadUsage() throws {
    let result = try runKarpenter(["simulate"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(!result.stderr.isEmpty)
  }

  @Test func unknownPackingIsBadUsage() throws {
    let result = try runKarpenter(["simulate", "--packing", "bogus", example("examples/quickstart.yaml")])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("bogus"))
    let output = try runKarpenter(["simulate", "--output", "yaml", example("examples/quickstart.yaml")])
    #expect(output.status == 2)
  }

  @Test func invalidInputExitsOneFromTheBinary() throws {
    let result = try runKarpenter(
      ["simulate", "-"],
      stdin: "apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: p}\nspec:\n  weight: 0\n")
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("<stdin>: document 1 (NodePool \"p\")"))
    #expect(result.stderr.contains("spec.weight"))
  }

  @Test func quickstartAsJSON() throws {
    let result = try runKarpenter(["simulate", "--output", "json", example("examples/quickstart.yaml")])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["apiVersion"] as? String == "simulation.karpenter.sh/v1alpha1")
    #expect(json["kind"] as? String == "SimulationResult")
    #expect(json["endTime"] is NSNumber)
    let nodes = try #require(json["nodes"] as? [[String: Any]])
    #expect(!nodes.isEmpty)
    #expect(json["pendingPods"] is [Any])
    let cost = try #require(json["cost"] as? [String: Any])
    #expect(cost["perHour"] is NSNumber && cost["total"] is NSNumber)
    let events = try #require(json["events"] as? [[String: Any]])
    #expect(!events.isEmpty)
    // Field names of the contract.
    let names = nodes.map { $0["name"] as? String ?? "" }
    #expect(names == names.sorted(), "nodes sorted by name")
    for node in nodes {
      for field in [
        "name", "nodePool", "instanceType", "zone", "capacityType", "pricePerHour", "labels", "taints",
        "allocatable", "pods", "createdAt",
      ] {
        #expect(node.keys.contains(field), "node field \(field)")
      }
      let pods = node["pods"] as? [String] ?? []
      #expect(pods == pods.sorted())
    }
    let perHour = (cost["perHour"] as? NSNumber)?.doubleValue ?? -1
    let sum = nodes.reduce(0.0) { $0 + ((($1["pricePerHour"] as? NSNumber)?.doubleValue) ?? 0) }
    #expect(abs(perHour - sum) < 1e-6, "cost.perHour is the sum of the nodes' prices")
    let times = events.map { ($0["time"] as? NSNumber)?.doubleValue ?? -1 }
    #expect(times == times.sorted(), "events in time order")
    let types: Set<String> = [
      "NodeClaimCreated", "NodeReady", "PodBound", "PodEvicted", "DisruptionDecided", "NodeTerminated",
      "LaunchFailed",
    ]
    #expect(events.allSatisfy { types.contains($0["type"] as? String ?? "") })
  }

  @Test func readsStandardInput() throws {
    let text = try String(contentsOfFile: example("examples/quickstart.yaml"), encoding: .utf8)
    let fromStdin = try runKarpenter(["simulate", "--output", "json", "-"], stdin: text)
    #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
    let fromFile = try runKarpenter(["simulate", "--output", "json", example("examples/quickstart.yaml")])
    #expect(fromStdin.stdout == fromFile.stdout, "standard input and the file give the same result")
    let json = try JSONSerialization.jsonObject(with: Data(fromStdin.stdout.utf8)) as? [String: Any]
    #expect(json?["kind"] as? String == "SimulationResult")
  }

  @Test func sameInputSameOutput() throws {
    for arguments in [
      ["--output", "json"], ["--output", "text"], ["--output", "json", "--packing", "first-fit"],
    ] {
      let first = try runKarpenter(["simulate"] + arguments + [example("examples/quickstart.yaml")])
      let second = try runKarpenter(["simulate"] + arguments + [example("examples/quickstart.yaml")])
      #expect(first.status == 0)
      #expect(!first.stdout.isEmpty)
      #expect(first.stdout == second.stdout, "\(arguments)")
    }
  }
}
