import Foundation
import KarpenterCLI
import Testing

/// The documented limits (docs/simulation.md, "Limits"): an input beyond them stops before
/// anything is allocated, with a sentence naming what asks too much; inside them, work that
/// repeats (pods of one shape that fit nowhere) is done once.
@Suite struct LimitsTests {
  static let std = instanceType("std", cpu: "4", offerings: ["zone-a:on-demand:0.4"])

  func run(_ documents: String...) throws -> (exitCode: Int32, stdout: String, stderr: String) {
    let path = try scenarioFile(documents.joined(separator: "\n---\n"))
    let output = SimulateRun.run(paths: [path], output: .json)
    return (output.exitCode, output.stdout, output.stderr)
  }

  @Test func aTenMillionReplicaDeploymentIsRefusedBeforeAnythingRuns() throws {
    let out = try run(
      scenario(types: [Self.std]), nodePool(), deployment("huge", replicas: 10_000_000, cpu: "1"))
    #expect(out.exitCode == 1)
    #expect(out.stdout.isEmpty)
    #expect(
      out.stderr
        == "the input can create 10,000,000 pods, more than a simulation holds (at most 1,000,000); the largest is Deployment \"default/huge\" with 10,000,000 replicas\n"
    )
  }

  @Test func aTimelineScaleCountsTowardsTheLimit() throws {
    let s =
      scenario(types: [Self.std])
      + "  timeline:\n"
      + indent(step("1m", scale: ["{kind: Deployment, name: web, replicas: 2000000}"]), 2)
    let out = try run(s, nodePool(), deployment("web", replicas: 1, cpu: "1"))
    #expect(out.exitCode == 1)
    #expect(out.stderr.contains("the input can create 2,000,000 pods"))
    #expect(out.stderr.contains("Deployment \"default/web\" with 2,000,000 replicas"))
  }

  @Test func aDurationBeyondSevenDaysIsAnInputError() throws {
    let out = try run(scenario(types: [Self.std], duration: "2562047h"), nodePool())
    #expect(out.exitCode == 1)
    #expect(out.stdout.isEmpty)
    #expect(
      out.stderr.contains(
        "spec.duration: Invalid value: \"2562047h\": must be at most 168h (7 days), the longest simulation"))
  }

  @Test func aDurationBeyondGoDurationsIsAnInputErrorNotACrash() throws {
    let out = try run(scenario(types: [Self.std], duration: "9999999999999h"), nodePool())
    #expect(out.exitCode == 1)
    #expect(out.stderr.contains("spec.duration: Invalid value: \"9999999999999h\""))
  }

  @Test func sevenDaysIsAllowed() throws {
    let r = try simulate(scenario(types: [Self.std], duration: "168h"), nodePool())
    #expect(r.endTime == 168 * 3600)
  }

  @Test func aTimelineEntryAfterSevenDaysIsAnInputError() throws {
    let s =
      scenario(types: [Self.std]) + "  timeline:\n"
      + indent(step("200h", scale: ["{kind: Deployment, name: web, replicas: 2}"]), 2)
    let out = try run(s, nodePool(), deployment("web", replicas: 1, cpu: "1"))
    #expect(out.exitCode == 1)
    #expect(out.stderr.contains("spec.timeline[0].at: Invalid value: \"200h\": must be at most 168h (7 days)"))
  }

  @Test func aScaleBeyondInt32IsAnInputErrorNotACrash() throws {
    let s =
      scenario(types: [Self.std]) + "  timeline:\n"
      + indent(step("1m", scale: ["{kind: Deployment, name: web, replicas: 3000000000}"]), 2)
    let out = try run(s, nodePool(), deployment("web", replicas: 1, cpu: "1"))
    #expect(out.exitCode == 1)
    #expect(
      out.stderr.contains(
        "spec.timeline[0].scale[0].replicas: Invalid value: \"3000000000\": must be an integer from -2147483648 to 2147483647"
      ))
  }

  /// 2,000 pods of one shape that no instance type can hold: every one is reported pending with
  /// the same reason, and nothing launches.
  @Test func twoThousandUnplaceablePodsOfOneShape() throws {
    let r = try simulate(
      scenario(types: [Self.std]), nodePool(), deployment("big", replicas: 2000, cpu: "1000"),
      deployment("small", replicas: 3, cpu: "1"))
    #expect(r.pendingPods.count == 2000)
    #expect(Set(r.pendingPods.map(\.reason)).count == 1)
    #expect(r.pendingPods.allSatisfy { $0.pod.hasPrefix("default/big-") })
    #expect(r.pendingPods.first?.reason.contains("no instance type has room for its requests (cpu)") == true)
    #expect(r.managedNodes.count == 1)
    #expect(r.node(of: "small-0") != nil)
  }

  /// Pods with a host port need a node each; those of one shape share the work, and every one
  /// still gets its own node.
  @Test func hostPortPodsGetANodeEach() throws {
    let hostPorts = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: hp, namespace: default}
      spec:
        replicas: 60
        selector: {matchLabels: {app: hp}}
        template:
          metadata: {labels: {app: hp}}
          spec:
            containers:
            - name: app
              ports: [{containerPort: 80, hostPort: 80}]
              resources: {requests: {cpu: 100m, memory: 128Mi}}
      """
    let r = try simulate(scenario(types: [Self.std]), nodePool(), hostPorts)
    #expect(r.pendingPods.isEmpty)
    #expect(r.managedNodes.count == 60)
    #expect(r.managedNodes.allSatisfy { $0.pods.filter { $0.hasPrefix("default/hp-") }.count == 1 })
  }
}
