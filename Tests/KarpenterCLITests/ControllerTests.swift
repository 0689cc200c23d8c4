import Foundation
import KarpenterCLI
import Simulation
import Testing

/// The controllers are one state machine driven by a clock: the virtual clock (`simulate`) and
/// the wall clock (`controller --in-memory`) must take exactly the same steps.
@Suite struct ControllerTests {
  static let scenario = """
    apiVersion: simulation.karpenter.sh/v1alpha1
    kind: Scenario
    metadata: {name: clock}
    spec:
      cloud:
        instanceTypes:
          list:
          - name: small
            capacity: {cpu: "2", memory: 4Gi}
            offerings: [{zone: zone-a, capacityType: spot, price: 0.03}, {zone: zone-a, capacityType: on-demand, price: 0.1}]
          - name: large
            capacity: {cpu: "8", memory: 16Gi}
            offerings: [{zone: zone-a, capacityType: spot, price: 0.1}, {zone: zone-a, capacityType: on-demand, price: 0.35}]
      timeline:
      - {at: 5m, scale: [{kind: Deployment, name: web, replicas: 7}]}
      - {at: 20m, scale: [{kind: Deployment, name: web, replicas: 1}]}
      - {at: 30m, interrupt: [{node: "*"}]}
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
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 2
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec: {containers: [{name: web, image: nginx, resources: {requests: {cpu: "1"}}}]}
    """

  func load(_ options: SimulationOptions = SimulationOptions()) throws -> Simulation {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("clock-\(UUID().uuidString).yaml")
    try Self.scenario.write(to: url, atomically: true, encoding: .utf8)
    guard case .ready(let simulation, _) = InMemoryWorld.load(paths: [url.path], options: options)
    else {
      Issue.record("the scenario did not load")
      throw CancellationError()
    }
    return simulation
  }

  @Test func theWallClockTakesTheSameStepsAsTheVirtualClock() async throws {
    var virtual = try load()
    let expected = virtual.run()
    var live = try load()
    var streamed = 0
    let result = await live.run(on: WallClock(speed: 1e7)) { logs, events in
      streamed += logs.count + events.count
    }
    #expect(try result.json() == expected.json())
    #expect(result.logLines() == expected.logLines())
    #expect(streamed == expected.logs.count + expected.kubernetesEvents.count, "every line is streamed once")
    #expect(expected.events.contains { $0.type == .disruptionDecided })
  }

  @Test func aControllerWithoutHistoryStreamsEverythingAndKeepsNothing() async throws {
    var full = try load()
    let expected = full.run()
    var lean = try load(SimulationOptions(keepsHistory: false))
    var streamed: [String] = []
    let result = await lean.run(on: VirtualClock()) { logs, events in
      streamed += logs.map { $0.json(epoch: 0) } + events.map { $0.logLine(epoch: 0) }
    }
    #expect(result.events.isEmpty && result.logs.isEmpty && result.kubernetesEvents.isEmpty)
    #expect(streamed.count == expected.logs.count + expected.kubernetesEvents.count)
    #expect(result.nodes.map(\.name) == expected.nodes.map(\.name))
    #expect(result.cost.total == expected.cost.total)
  }

  @Test func aLiveRunStopsAtItsLimit() async throws {
    var simulation = try load()
    let result = await simulation.run(on: VirtualClock(), until: 600)
    #expect(result.endTime == 600)
    #expect(result.events.allSatisfy { $0.time <= 600 })
    #expect(result.events.contains { $0.type == .nodeReady })
  }

  @Test func controllerWithoutInMemoryIsBadUsage() throws {
    let run = try runKarpenter(["controller", "examples/quickstart.yaml"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("--in-memory"))
    #expect(run.stdout.isEmpty)
  }

  @Test func controllerStreamsJSONLogLines() throws {
    let path = repositoryRoot.appendingPathComponent("examples/quickstart.yaml").path
    let run = try runKarpenter(["controller", "--in-memory", path, "--speed", "100000", "--for", "2m"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(!lines.isEmpty)
    let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    #expect(objects.contains { $0["message"] as? String == "created nodeclaim" })
    #expect(objects.contains { $0["message"] as? String == "initialized nodeclaim" })
    #expect(objects.allSatisfy { $0["time"] is String && $0["level"] is String })
    #expect(run.stderr.contains("Simulated 2m"))
  }

  @Test func sigtermStopsTheControllerGracefullyWithItsReport() throws {
    let process = Process()
    process.executableURL = repositoryRoot.appendingPathComponent(".build/debug/karpenter")
    process.arguments = [
      "controller", "--in-memory", repositoryRoot.appendingPathComponent("examples/quickstart.yaml").path,
      "--speed", "20",
    ]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    Thread.sleep(forTimeInterval: 3)  // 60 s of controller time: the first nodes are up
    process.terminate()  // SIGTERM
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(stderr)")
    #expect(stdout.contains("\"message\":\"initialized nodeclaim\""))
    #expect(stderr.hasPrefix("Simulated "), "the report of where it stopped: \(stderr)")
    #expect(stderr.contains("pods running"))
  }

  @Test func controllerRejectsInvalidInputLikeSimulate() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml")
    try "apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: x}\nspec: {weight: 1000}\n".write(
      to: url, atomically: true, encoding: .utf8)
    let run = try runKarpenter(["controller", "--in-memory", url.path, "--speed", "1000"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("spec.weight"))
    #expect(run.stdout.isEmpty)
  }
}
