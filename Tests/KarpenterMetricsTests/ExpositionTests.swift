import Controllers
import ControllersTestSupport
import Foundation
import KarpenterAPI
import OperatorHTTP
import PrometheusTestSupport
import Scheduling
import Testing

@testable import KarpenterMetrics

/// The exposition as Prometheus' own tools read it.
@Suite struct ExpositionTests {
  /// A registry with every kind of series a running controller produces.
  func busyRegistry() -> MetricsRegistry {
    var store = ClusterStore.build {
      $0.nodePool("default", limits: ["cpu": "100"])
      $0.instanceType("m5.large", price: 0.096)
      $0.node("n1", pool: "default", capacityType: "spot", price: 0.04)
      $0.pod("default/a", on: "n1")
      $0.pod("default/b")
      $0.pod("kube-system/proxy", on: "n1", owner: .daemonSet("proxy"))
    }
    store[pod: "default/b"]!.pendingReason = .unschedulable("no instance type fits")
    var metrics = ControllerMetrics(registry: MetricsRegistry(), provider: "kwok")
    metrics.refresh(store: store, karpenter: Karpenter(), now: 50, synced: true)
    metrics.refresh(instanceTypes: store.instanceTypes)
    let request = LaunchRequest(
      claim: store.plannedNodeClaim("default", types: ["m5.large"]), pods: [], reason: nil, origin: .provisioner)
    metrics.willExecute(.launch(request), store: store, karpenter: Karpenter(), now: 1)
    metrics.delivered(.wake(.provision), store: store, seconds: 0.01)
    metrics.delivered(.nodeRegistered("n1"), store: store, seconds: 0)
    metrics.interruptionReceived(.spotInterruption, node: "n1")
    metrics.willExecute(
      .markTerminating(node: "n1", reason: .interrupted, drainDeadline: nil), store: store, karpenter: Karpenter(), now: 2)
    store.update { $0.disrupting("n1", .interrupted, terminatingSince: 2) }
    metrics.willExecute(.removeNode("n1"), store: store, karpenter: Karpenter(), now: 9)
    metrics.cloudCall(controller: "nodeclaim.lifecycle", method: "Create", seconds: 0.2)
    metrics.registry.set("karpenter_build_info", ["version": "0.1.0", "goversion": "swift6", "goarch": "amd64", "commit": ""], to: 1)
    return metrics.registry
  }

  static let upstreamNamesPromtoolFlags = MetricDefinition.promtoolFlaggedUpstreamNames

  @Test func promtoolFindsNothingWrongWithTheExposition() async throws {
    let registry = busyRegistry()
    #expect(registry.rejected == 0)
    let report = try await PromtoolReport.check(registry.exposition(), exempt: Self.upstreamNamesPromtoolFlags)
    // Everything but upstream's flagged names passes the lint outright.
    #expect(report.strictStatus == 0, "promtool check metrics: \(report.strictOutput)")
    #expect(report.strictOutput.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(report.strictOutput)")
    // The whole exposition parses; its only complaints are about those names.
    #expect(!report.complaints.isEmpty)
    for line in report.complaints {
      #expect(Self.upstreamNamesPromtoolFlags.contains(String(line.prefix { $0 != " " })), "promtool: \(line)")
      #expect(line.contains("should not have"), "promtool: \(line)")
    }
  }

  @Test func onlyUpstreamsOwnGaugeNamesAreExemptFromTheLint() {
    #expect(Self.upstreamNamesPromtoolFlags.count == 10)
    #expect(MetricDefinition.own.allSatisfy { !Self.upstreamNamesPromtoolFlags.contains($0.name) })
  }

  @Test func theListenersServeMetricsAndProbesOverHTTP() async throws {
    let registry = busyRegistry()
    let server = try await OperatorServer.start(name: "metrics", host: "127.0.0.1", port: 0) { path in
      switch path {
      case "/metrics": .init(contentType: "text/plain; version=0.0.4; charset=utf-8", body: registry.exposition())
      case "/readyz": .init(status: 500, body: "not ready: the informers have not listed every resource yet\n")
      default: nil
      }
    }
    defer { Task { await server.stop() } }
    let metrics = try await PeerTool.output("/usr/bin/curl", ["-s", "-i", "http://127.0.0.1:\(server.port)/metrics"])
    #expect(metrics.output.hasPrefix("HTTP/1.1 200 OK"))
    #expect(metrics.output.contains("text/plain; version=0.0.4"))
    #expect(metrics.output.contains("karpenter_nodeclaims_created_total{"))
    let ready = try await PeerTool.output("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(server.port)/readyz"])
    #expect(ready.output == "500")
    let missing = try await PeerTool.output("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(server.port)/nope"])
    #expect(missing.output == "404")
    let post = try await PeerTool.output(
      "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "http://127.0.0.1:\(server.port)/metrics"])
    #expect(post.output == "405")
  }

  @Test func aTakenPortIsAClearError() async throws {
    let first = try await OperatorServer.start(name: "metrics", host: "127.0.0.1", port: 0) { _ in nil }
    await #expect {
      _ = try await OperatorServer.start(name: "health probe", host: "127.0.0.1", port: first.port) { _ in nil }
    } throws: { error in
      "\(error)".hasPrefix("the health probe listener could not bind 127.0.0.1:\(first.port):")
    }
    await first.stop()
  }
}
