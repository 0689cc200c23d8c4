import ControllerRuntime
import Foundation
import KarpenterMetrics
import Logging
import Metrics
import OperatorHTTP
import Prometheus
import Synchronization

/// The controller's listeners for operators: Prometheus' `/metrics` on METRICS_PORT and the
/// kubelet's `/healthz` and `/readyz` on HEALTH_PROBE_PORT, as upstream serves them.
struct OperatorEndpoints {
  let metrics: OperatorServer
  let health: OperatorServer

  /// The content type of Prometheus' text exposition format.
  static let exposition = "text/plain; version=0.0.4; charset=utf-8"

  static func start(
    settings: ControllerSettings, registry: MetricsRegistry, health: ControllerHealth, logger: Logger
  ) async throws -> OperatorEndpoints {
    let metrics = try await OperatorServer.start(name: "metrics", port: settings.metricsPort) { path in
      guard path == "/metrics" else { return nil }
      return .init(contentType: exposition, body: registry.exposition())
    }
    let probes: OperatorServer
    do {
      probes = try await OperatorServer.start(name: "health probe", port: settings.healthProbePort) { path in
        switch path {
        case "/healthz", "/livez":
          return health.livenessProblem.map { .init(status: 500, body: "unhealthy: \($0)\n") } ?? .init(body: "ok\n")
        case "/readyz":
          return health.readinessProblem.map { .init(status: 500, body: "not ready: \($0)\n") } ?? .init(body: "ok\n")
        default:
          return nil
        }
      }
    } catch {
      await metrics.stop()
      throw error
    }
    logger.info(
      "serving metrics and health probes",
      metadata: ["metrics-port": "\(metrics.port)", "health-probe-port": "\(probes.port)"])
    return OperatorEndpoints(metrics: metrics, health: probes)
  }

  /// A registry with `karpenter_build_info` set, which libraries using swift-metrics report to
  /// as well.
  static func registry() -> MetricsRegistry {
    let registry = MetricsRegistry()
    #if arch(arm64)
      let arch = "arm64"
    #else
      let arch = "amd64"
    #endif
    registry.set(
      "karpenter_build_info",
      ["version": Karpenter.version, "goversion": "swift6", "goarch": arch, "commit": ""], to: 1)
    MetricsSystem.bootstrapIfNeeded(PrometheusMetricsFactory(registry: registry.prometheus))
    return registry
  }

  func stop() async {
    await metrics.stop()
    await health.stop()
  }
}

extension MetricsSystem {
  /// swift-metrics may be bootstrapped once per process; tests start several controllers.
  fileprivate static func bootstrapIfNeeded(_ factory: any MetricsFactory) {
    bootstrapped.withLock { done in
      guard !done else { return }
      done = true
      MetricsSystem.bootstrap(factory)
    }
  }
}

private let bootstrapped = Mutex(false)
