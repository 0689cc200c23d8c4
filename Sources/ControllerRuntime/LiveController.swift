import Controllers
import Foundation
import KarpenterMetrics
import KubernetesClient
import Logging
import Scheduling
import ServiceLifecycle
import Synchronization

/// `karpenter controller` against a live cluster: leader election, then the informers, the
/// cloud provider's own loops and the controllers on the wall clock, until SIGTERM (which
/// releases the Lease) or a lost lease.
public struct LiveController<Provider: LiveCloudProvider>: Service {
  public let client: KubernetesClient
  /// Builds the cloud provider once this replica leads (kwok: over the API; aws: over AWS).
  public let makeProvider: @Sendable (any ClusterAPI, inout ResourceSchema) async throws -> Provider
  public let settings: ControllerSettings
  public let packing: PackingStrategy
  public let logger: Logger
  /// Where the controllers' log lines and Events go (JSON lines), with the epoch (Unix seconds)
  /// their times count from.
  public let report: @Sendable (LogRecord?, KubernetesEventRecord?, Int64) -> Void
  /// Where the controllers' metrics are recorded (nil: nowhere).
  public let metrics: MetricsRegistry?
  /// What /healthz and /readyz answer.
  public let health: ControllerHealth

  public init(
    client: KubernetesClient, settings: ControllerSettings, packing: PackingStrategy, logger: Logger,
    metrics: MetricsRegistry? = nil, health: ControllerHealth = ControllerHealth(),
    makeProvider: @escaping @Sendable (any ClusterAPI, inout ResourceSchema) async throws -> Provider,
    report: @escaping @Sendable (LogRecord?, KubernetesEventRecord?, Int64) -> Void
  ) {
    self.metrics = metrics
    self.health = health
    self.client = client
    self.makeProvider = makeProvider
    self.settings = settings
    self.packing = packing
    self.logger = logger
    self.report = report
  }

  /// How often the state gauges are read off the store (upstream's metrics controllers run
  /// every few seconds too).
  static var metricsPeriod: TimeInterval { 5 }

  /// Leadership was lost: upstream's manager exits, and so does this one (its replica restarts).
  public struct LeadershipLost: Error, CustomStringConvertible {
    public var description: String { "leader election lost: another replica holds the lease" }
  }

  /// The cloud provider could not start (AWS unreachable, credentials refused): the controller
  /// exits with the reason rather than leading without a cloud.
  public struct ProviderStartFailed: Error, CustomStringConvertible {
    public var cause: any Error
    public var description: String { "starting the cloud provider failed: \(cause)" }
  }

  public func run() async throws {
    let api = ClientAPI(client: client)
    let logger = self.logger
    let startFailure = Mutex<(any Error)?>(nil)
    let health = self.health
    let metrics = self.metrics
    let leading: @Sendable (Bool) -> Void = { leads in
      metrics?.set("leader_election_master_status", ["name": LeaderElector.leaseName], to: leads ? 1 : 0)
    }
    if settings.disableLeaderElection {
      health.set(.leading(synced: false))
      await cancelWhenGracefulShutdown {
        if let error = await self.runControllers(api: api) { startFailure.withLock { $0 = error } }
      }
      if let error = startFailure.withLock({ $0 }) { throw ProviderStartFailed(cause: error) }
      return
    }
    let lock = LeaseLock(api: api, namespace: settings.systemNamespace)
    let outcome = await cancelWhenGracefulShutdown {
      await LeaderElection.run(
        lock: lock, identity: settings.identity,
        log: { message, fields in
          logger.info("\(message)", metadata: fields.mapValues { .string($0) })
        },
        standby: {
          if health.phase == .starting { health.set(.standby) }
          leading(false)
        },
        lead: {
          health.set(.leading(synced: false))
          leading(true)
          if let error = await self.runControllers(api: api) { startFailure.withLock { $0 = error } }
        })
    }
    leading(false)
    if let error = startFailure.withLock({ $0 }) { throw ProviderStartFailed(cause: error) }
    if outcome == .lost { throw LeadershipLost() }
  }

  /// The informers, the cloud's loops, the clock and the controllers, until cancelled; the
  /// provider's error when it could not start.
  func runControllers(api: ClientAPI) async -> (any Error)? {
    let epochSeconds = Int64(Date().timeIntervalSince1970)
    let epoch = Date(timeIntervalSince1970: TimeInterval(epochSeconds))
    var schema = ResourceSchema()
    let provider: Provider
    do {
      provider = try await makeProvider(api, &schema)
    } catch {
      logger.error("starting the cloud provider failed", metadata: ["error": "\(error)"])
      return error
    }
    var cluster = LiveCluster(epoch: epoch)
    cluster.withStore { $0.schema = schema }
    let report = self.report
    var initial = LiveExecutor(
      cluster: cluster, settings: settings.karpenterSettings(packing: packing, epoch: epochSeconds),
      cloud: provider, api: api, report: { report($0, $1, epochSeconds) })
    initial.metrics = metrics.map { ControllerMetrics(registry: $0, provider: provider.name) }
    // The types the provider knows before it sees a NodePool (kwok's are all it has), so that
    // Nodes listed before the NodePools already have their instance types.
    await initial.refreshInstanceTypes(requestProvisioning: false)
    let executorBeforeSync = initial
    let informers = Informers(client: client, watchesNodeClasses: provider.readsNodeClasses)
    let (events, sink) = AsyncStream<RuntimeEvent>.makeStream()
    let (snapshots, snapshotSink) = AsyncStream<(StateRecorder, StateRecorder.Snapshot)>.makeStream(
      bufferingPolicy: .bufferingNewest(1))
    logger.info(
      "starting controllers", metadata: ["cloud-provider": "\(provider.name)", "informers": "\(informers.resources.count)"])
    await withTaskGroup(of: Void.self) { group in
      group.addTask { await informers.run(sink: sink) }
      group.addTask {
        await provider.watchCloud { sink.yield(.cloud($0)) }
        // A cloud with nothing to watch (kwok) returns at once; the controllers go on.
        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
      }
      group.addTask {
        while !Task.isCancelled {
          try? await Task.sleep(for: .milliseconds(100))
          sink.yield(.tick)
        }
      }
      group.addTask {
        for await (recorder, snapshot) in snapshots {
          if Task.isCancelled { break }
          recorder.record(snapshot)
        }
      }
      group.addTask {
        var executor = executorBeforeSync
        // Wait for the first list of every informer: no controller acts on a partial view.
        var waiting = Set(informers.resources)
        var refreshDue = false
        var lastRefresh = Date.distantPast
        var lastCollection = Date()
        var lastMetrics = Date.distantPast
        for await event in events {
          if Task.isCancelled { break }
          switch event {
          case .change(let change):
            switch change {
            case .nodePool, .nodePoolDeleted, .nodeClass, .nodeClassDeleted: refreshDue = true
            default: break
            }
            await executor.apply(change, deliverInputs: waiting.isEmpty)
          case .synced(let resource):
            guard waiting.remove(resource) != nil, waiting.isEmpty else { continue }
            logger.info("informers synced", metadata: ["nodes": "\(executor.cluster.store.nodes.count)", "pods": "\(executor.cluster.store.pods.count)"])
            await executor.refreshInstanceTypes()
            lastRefresh = Date()
            refreshDue = false
            // Everything Karpenter keeps in memory is rebuilt from the cluster, as after a restart.
            await executor.deliver(.restarted)
            health.set(.leading(synced: true))
          case .cloud(let cloudEvent):
            // Messages wait in the queue until the controllers see the whole cluster.
            if waiting.isEmpty { await executor.handle(cloudEvent) }
          case .tick:
            health.turned()
            guard waiting.isEmpty else { continue }
            if Date().timeIntervalSince(lastMetrics) >= Self.metricsPeriod, let (recorder, snapshot) = executor.metricsSnapshot() {
              lastMetrics = Date()
              // Recorded beside the controllers, not on their task; while one is recorded only
              // the newest waits.
              snapshotSink.yield((recorder, snapshot))
            }
            let periodic = provider.refreshPeriod.map { Date().timeIntervalSince(lastRefresh) >= $0 } ?? false
            if refreshDue || periodic {
              refreshDue = false
              lastRefresh = Date()
              await executor.refreshInstanceTypes()
            }
            if let period = provider.garbageCollectionPeriod, Date().timeIntervalSince(lastCollection) >= period {
              lastCollection = Date()
              await executor.collectGarbage()
            }
            await executor.wakeDue()
          }
        }
      }
      await group.next()
      group.cancelAll()
    }
    sink.finish()
    snapshotSink.finish()
    return nil
  }
}
