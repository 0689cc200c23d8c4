import Foundation
import KarpenterMetrics
import PrometheusTestSupport
import Testing

/// The controller's /metrics scraped by a real Prometheus during an end-to-end run against the
/// sandbox, its probes answered, and its exposition checked by promtool.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: kubectlPath), "kubectl is not installed"))
struct PrometheusScrapeTests {
  /// The ports a controller logged it serves metrics and probes on.
  static func ports(of controller: BackgroundProcess) -> (metrics: Int, health: Int)? {
    for line in controller.stdout.split(separator: "\n") where line.contains("serving metrics and health probes") {
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let metrics = (object["metrics-port"] as? String).flatMap(Int.init),
        let health = (object["health-probe-port"] as? String).flatMap(Int.init)
      else { continue }
      return (metrics, health)
    }
    return nil
  }

  static func curl(_ url: String) async throws -> (code: String, body: String) {
    let body = try await PeerTool.output("/usr/bin/curl", ["-s", "--max-time", "5", url]).output
    let code = try await PeerTool.output(
      "/usr/bin/curl", ["-s", "--max-time", "5", "-o", "/dev/null", "-w", "%{http_code}", url]
    ).output
    return (code, body)
  }

  @Test func prometheusCountsTheNodeClaimsAnEndToEndRunCreated() async throws {
    let cluster = try await SandboxCluster()
    let controller = try cluster.startController()
    var found: (metrics: Int, health: Int)?
    _ = await eventually(timeout: 30) {
      found = Self.ports(of: controller)
      return found != nil
    }
    let ports = try #require(found, "the controller logged no ports: \(controller.stdout.suffix(2000)) \(controller.stderr.suffix(2000))")
    let prometheus = try PrometheusServer(
      executable: try await PeerTool.prometheusPath("prometheus"), scraping: "127.0.0.1:\(ports.metrics)",
      port: try freePort())
    defer { prometheus.stop() }

    // Ready once it leads with its informers synced; live throughout.
    let ready = try await eventually(timeout: 30) { try await Self.curl("http://127.0.0.1:\(ports.health)/readyz").code == "200" }
    #expect(ready)
    let live = try await Self.curl("http://127.0.0.1:\(ports.health)/healthz")
    #expect(live == ("200", "ok\n"))

    _ = try await cluster.kubectl(["apply", "-f", "-"], stdin: nodePoolAndDeployment)
    let running = try await eventually(timeout: 90) { try await cluster.runningPods(label: "web") == 5 }
    #expect(running, "\(controller.stdout.suffix(3000))")
    let claims = try await cluster.names("nodeclaims")
    #expect(!claims.isEmpty)

    // Prometheus has scraped the count of every NodeClaim created.
    var created: Double?
    let scraped = try await eventually(timeout: 30) {
      created = try await prometheus.query(#"sum(karpenter_nodeclaims_created_total{nodepool="default",reason="provisioned"})"#)
      return created.map { $0 >= Double(claims.count) } ?? false
    }
    let health = try await prometheus.targetHealth()
    #expect(scraped, "query gave \(String(describing: created)) for \(claims.count) NodeClaims; target \(String(describing: health)); \(prometheus.log.suffix(2000))")
    #expect(health == "up")
    // The state gauges are there too: the fleet's cost and the nodes Karpenter sees.
    let nodeCount = try await eventually(timeout: 20) {
      try await prometheus.query("karpenter_cluster_state_node_count").map { $0 >= Double(claims.count) } ?? false
    }
    #expect(nodeCount)
    let cost = try await prometheus.query("sum(karpenter_fleet_cost_dollars_per_hour)")
    let bound = try await prometheus.query("karpenter_fleet_cost_lower_bound_dollars_per_hour")
    #expect(cost.map { $0 > 0 } == true)
    #expect(bound.map { $0 > 0 && $0 <= (cost ?? 0) + 1e-9 } == true, "cost \(String(describing: cost)), bound \(String(describing: bound))")

    // What the controller serves passes promtool (upstream's own misnamed gauges aside).
    let exposition = try await Self.curl("http://127.0.0.1:\(ports.metrics)/metrics").body
    let report = try await PromtoolReport.check(exposition, exempt: MetricDefinition.promtoolFlaggedUpstreamNames)
    #expect(report.strictStatus == 0, "\(report.strictOutput)")
    for line in report.complaints {
      #expect(MetricDefinition.promtoolFlaggedUpstreamNames.contains(String(line.prefix { $0 != " " })), "promtool: \(line)")
    }
    controller.terminate()
    #expect(await controller.wait(timeout: 30) == 0)
  }
}
