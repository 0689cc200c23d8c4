import AWSClient
import AWSCloudProvider
import AWSProvider
import ArgumentParser
import AsyncHTTPClient
import ControllerRuntime
import Controllers
import Foundation
import KubernetesClient
import Logging
import Manifests
import Scheduling
import ServiceLifecycle
import Simulation
import Synchronization

/// `karpenter controller [--kubeconfig FILE] [--context C] --cloud-provider kwok|aws`, and
/// `karpenter controller --in-memory FILE...`.
struct Controller: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run Karpenter's controllers on the wall clock, against a cluster or in memory.",
    discussion: """
      Runs the same controllers as `simulate` (provisioner, NodeClaim lifecycle, disruption, \
      termination, interruption, garbage collection) on the wall clock.

      Against a cluster: the API server is found as kubectl finds it (--kubeconfig, else \
      KUBECONFIG, else ~/.kube/config, else the pod's service account). Settings come from \
      upstream's environment variables: CLUSTER_NAME, BATCH_IDLE_DURATION, BATCH_MAX_DURATION, \
      FEATURE_GATES, LOG_LEVEL, KUBE_CLIENT_QPS, KUBE_CLIENT_BURST, DISABLE_LEADER_ELECTION and \
      SYSTEM_NAMESPACE (where the leader-election Lease karpenter-leader-election lives; \
      kube-system by default), METRICS_PORT (Prometheus' /metrics, 8080) and HEALTH_PROBE_PORT \
      (/healthz and /readyz, 8081). Only the replica holding the Lease acts; SIGTERM releases it. \
      --cloud-provider kwok launches NodeClaims as Node objects (upstream's kwok provider), for \
      clusters with KWOK and for `karpenter sandbox`. --cloud-provider aws launches EC2 \
      instances with CreateFleet; it takes the AWS SDKs' environment (AWS_REGION, AWS_PROFILE, \
      AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_ROLE_ARN with \
      AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_EC2, _SSM, _IAM, _SQS, \
      _STS, _PRICING, _EKS) and upstream's AWS settings: CLUSTER_NAME (required), \
      CLUSTER_ENDPOINT and CLUSTER_CA_BUNDLE (from EKS DescribeCluster when unset), \
      INTERRUPTION_QUEUE, VM_MEMORY_OVERHEAD_PERCENT, RESERVED_ENIS, ISOLATED_VPC and \
      EKS_CONTROL_PLANE. Log lines and Kubernetes Events are printed as JSON lines.

      With --in-memory the cluster is the in-memory one built from FILE... and the cloud is \
      the simulated one; the Scenario's timeline plays out in controller time (--speed N runs \
      it N times faster). It stops when the run is over, after --for, or on SIGTERM or \
      Ctrl-C, then prints the nodes it ended with on standard error.
      """)

  @Option(help: "The kubeconfig file (default: KUBECONFIG, ~/.kube/config, or in-cluster).")
  var kubeconfig: String?

  @Option(help: "The kubeconfig context to use (default: its current context).")
  var context: String?

  @Option(help: "kwok (NodeClaims become Node objects, as upstream's kwok provider) or aws.")
  var cloudProvider: CloudProviderChoice?

  @Flag(help: "Use the in-memory cluster and the simulated cloud built from FILE....")
  var inMemory = false

  @Argument(help: "Manifest files for the in-memory cluster; - reads standard input.")
  var files: [String] = []

  /// `.unconditional`, so that `--speed -1` reaches `validate()` and is answered there rather
  /// than as a missing value followed by an unknown option.
  @Option(
    parsing: .unconditional,
    help: "With --in-memory: how much faster than real time the clock runs (from 0.001 to 1000000000).")
  var speed: Double = 1

  /// The speeds `--speed` takes: slower than a thousandth of real time would sleep for
  /// centuries, and faster than a billion times only spins.
  static let speeds: ClosedRange<Double> = 0.001...1_000_000_000

  @Option(name: .customLong("for"), help: "With --in-memory: stop after this much controller time (a Go duration such as 10m).")
  var duration: String?

  @Option(help: "cost-aware (the default) or first-fit packing.")
  var packing: PackingChoice = .costAware

  enum CloudProviderChoice: String, ExpressibleByArgument, CaseIterable {
    case kwok, aws
  }

  func validate() throws {
    if inMemory {
      if files.isEmpty { throw ValidationError("--in-memory needs at least one manifest FILE.") }
      if cloudProvider != nil || kubeconfig != nil || context != nil {
        throw ValidationError("--in-memory runs without a cluster: drop --cloud-provider, --kubeconfig and --context.")
      }
      if !Self.speeds.contains(speed) {
        throw ValidationError(
          "--speed must be a number from 0.001 to 1000000000 (how many times faster than real time the clock runs), got \(speed)."
        )
      }
      if let duration, Scenario.seconds(duration) == nil {
        throw ValidationError("--for must be a Go duration such as 10m or 1h30m, got \(duration).")
      }
      return
    }
    if !files.isEmpty {
      throw ValidationError("manifest FILEs are read only with --in-memory; a cluster's objects come from its API server.")
    }
    guard let cloudProvider else {
      throw ValidationError("karpenter controller needs --cloud-provider kwok or aws (or --in-memory FILE...).")
    }
    if speed != 1 || duration != nil {
      throw ValidationError("--speed and --for apply to --in-memory only; a cluster runs on the wall clock.")
    }
  }

  func run() async throws {
    if inMemory { return try await runInMemory() }
    let environment = ProcessInfo.processInfo.environment
    let settings: ControllerSettings
    let client: KubernetesClient
    do {
      settings = try ControllerSettings.from(environment: environment)
      let configuration = try ClientConfiguration.load(kubeconfig: kubeconfig, context: context, environment: environment)
      let limiter = RateLimiter(qps: settings.kubeClientQPS, burst: settings.kubeClientBurst)
      client = try KubernetesClient(
        configuration: configuration, contextName: context,
        options: KubernetesClient.Options(userAgent: "karpenter/\(Karpenter.version)", rateLimiter: limiter),
        logger: Logger(label: "kubernetes-client") { JSONLineLogHandler(label: $0, level: settings.logLevel) })
    } catch {
      StandardStreams.writeStandardError("karpenter controller: \(error)\n")
      throw ExitCode(2)
    }
    let logger = Logger(label: "controller") { JSONLineLogHandler(label: $0, level: settings.logLevel) }
    let report: @Sendable (LogRecord?, KubernetesEventRecord?, Int64) -> Void = { line, event, epoch in
      var text = ""
      if let line, settings.logLevel <= (line.level == "ERROR" ? .error : line.level == "WARN" ? .warn : .info) {
        text += line.json(epoch: epoch) + "\n"
      }
      if let event { text += event.logLine(epoch: epoch) + "\n" }
      if !text.isEmpty, !StandardStreams.writeStandardOutput(text) { Foundation.exit(1) }
    }
    let registry = OperatorEndpoints.registry()
    let health = ControllerHealth()
    let endpoints: OperatorEndpoints
    do {
      endpoints = try await OperatorEndpoints.start(settings: settings, registry: registry, health: health, logger: logger)
    } catch {
      StandardStreams.writeStandardError("karpenter controller: \(error)\n")
      try? await client.shutdown()
      throw ExitCode(1)
    }
    var awsHTTPClient: HTTPClient?
    let service: any Service
    switch cloudProvider ?? .kwok {
    case .kwok:
      service = LiveController(
        client: client, settings: settings, packing: packing.strategy, logger: logger, metrics: registry,
        health: health, makeProvider: { api, schema in try KwokCloudProvider(api: api, schema: &schema) },
        report: report)
    case .aws:
      let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: AWSClients.httpConfiguration())
      awsHTTPClient = http
      let aws: AWSClients
      let awsSettings: AWSProviderSettings
      do {
        awsSettings = try AWSProviderSettings.from(environment: environment)
        aws = try AWSClients(
          environment: environment, httpClient: http,
          logger: Logger(label: "aws") { JSONLineLogHandler(label: $0, level: settings.logLevel) })
      } catch {
        StandardStreams.writeStandardError("karpenter controller: \(error)\n")
        await endpoints.stop()
        try? await http.shutdown()
        try? await client.shutdown()
        throw ExitCode(2)
      }
      service = LiveController(
        client: client, settings: settings, packing: packing.strategy, logger: logger, metrics: registry,
        health: health,
        makeProvider: { api, _ in
          try await AWSCloudProvider.start(aws: aws, settings: awsSettings, api: api, logger: logger)
        }, report: report)
    }
    let group = ServiceGroup(
      configuration: ServiceGroupConfiguration(
        services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: Logger(label: "karpenter.controller", factory: { _ in SwiftLogNoOpLogHandler() })))
    do {
      try await group.run()
    } catch {
      logger.error("controller stopped", metadata: ["error": "\(error)"])
      await endpoints.stop()
      try? await awsHTTPClient?.shutdown()
      try? await client.shutdown()
      throw ExitCode(1)
    }
    await endpoints.stop()
    try? await awsHTTPClient?.shutdown()
    try? await client.shutdown()
  }

  func runInMemory() async throws {
    // Second 0 of the controllers is now, on both clocks: log times and budget schedules line
    // up with the wall clock (at --speed 1) from the first wake-up, however long loading takes.
    let epoch = Int64(Date().timeIntervalSince1970)
    let clock = WallClock(speed: speed)
    let simulation: Simulation
    let options = SimulationOptions(packing: packing.strategy, epoch: epoch, keepsHistory: false)
    switch InMemoryWorld.load(paths: files, options: options) {
    case .failed(let out):
      throw ExitCode(out.emit())
    case .ready(let sim, let warnings):
      if warnings.emit() != 0 { throw ExitCode(1) }
      simulation = sim
    }
    let controller = InMemoryController(
      simulation: consume simulation, clock: clock, limit: duration.flatMap(Scenario.seconds) ?? .infinity,
      epoch: epoch)
    let group = ServiceGroup(
      configuration: ServiceGroupConfiguration(
        services: [
          .init(service: controller, successTerminationBehavior: .gracefullyShutdownGroup)
        ],
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: Logger(label: "karpenter.controller", factory: { _ in SwiftLogNoOpLogHandler() })))
    try await group.run()
  }
}

/// The controllers on the wall clock against the in-memory world, as a long-running service:
/// SIGTERM or Ctrl-C stops it gracefully (the run ends where it is and its report is printed).
struct InMemoryController: Service {
  /// Handed over to the run, so that the run owns the only copy (no copy-on-write doubling).
  let simulation: Handoff<Simulation>
  let clock: WallClock
  let limit: Double
  let epoch: Int64

  init(simulation: Simulation, clock: WallClock, limit: Double, epoch: Int64) {
    self.simulation = Handoff(simulation)
    self.clock = clock
    self.limit = limit
    self.epoch = epoch
  }

  func run() async throws {
    let (handoff, clock, limit, epoch) = (simulation, self.clock, self.limit, self.epoch)
    let result = await cancelWhenGracefulShutdown {
      guard var running = handoff.take() else { return Optional<SimulationResult>.none }
      return await running.run(on: clock, until: limit) { logs, events in
        let text = LogRecord.lines(logs, events, epoch: epoch)
        // Nobody reads the stream any more (a full disk, a closed pipe): stop, as a
        // shell pipeline's writer does.
        if !StandardStreams.writeStandardOutput(text) { exit(1) }
      }
    }
    if let result { StandardStreams.writeStandardError(result.text()) }
  }
}

/// A value handed from one task to another exactly once.
final class Handoff<Value: Sendable>: Sendable {
  private let value: Mutex<Value?>

  init(_ value: Value) { self.value = Mutex(value) }

  /// The value, the first time; nil afterwards.
  func take() -> Value? {
    value.withLock { stored in
      defer { stored = nil }
      return stored
    }
  }
}
