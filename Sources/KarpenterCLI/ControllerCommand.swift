import Controllers
import ArgumentParser
import Foundation
import Logging
import Manifests
import Scheduling
import ServiceLifecycle
import Simulation
import Synchronization

/// `karpenter controller --in-memory FILE...`
struct Controller: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run Karpenter's controllers on the wall clock.",
    discussion: """
      Runs the same controllers as `simulate` (provisioner, NodeClaim lifecycle, disruption, \
      termination, interruption, garbage collection), but on the wall clock: a wake-up at \
      second t happens t / speed real seconds after the start. Second 0 is the real UTC time \
      at the start; with --speed N, controller time (log times, budget schedules) runs N times \
      faster. Every log line and Kubernetes Event is printed as a JSON line when it happens. \
      With --in-memory the cluster is the in-memory one built from FILE... and the cloud is \
      the simulated one; the Scenario's timeline plays out in controller time. Talking to a \
      real API server and to AWS is not built yet. Stops when the run is over (as `simulate` \
      would), after --for, or on SIGTERM or Ctrl-C; then prints the nodes it ended with on \
      standard error.
      """)

  @Flag(help: "Use the in-memory cluster and the simulated cloud built from FILE... (required for now).")
  var inMemory = false

  @Argument(help: "Manifest files for the in-memory cluster; - reads standard input.")
  var files: [String] = []

  /// `.unconditional`, so that `--speed -1` reaches `validate()` and is answered there rather
  /// than as a missing value followed by an unknown option.
  @Option(
    parsing: .unconditional,
    help: "How much faster than real time the clock runs (1 = real time; 60 = a minute per second; from 0.001 to 1000000000).")
  var speed: Double = 1

  /// The speeds `--speed` takes: slower than a thousandth of real time would sleep for
  /// centuries, and faster than a billion times only spins.
  static let speeds: ClosedRange<Double> = 0.001...1_000_000_000

  @Option(name: .customLong("for"), help: "Stop after this much controller time (a Go duration such as 10m).")
  var duration: String?

  @Option(help: "cost-aware (the default) or first-fit packing.")
  var packing: PackingChoice = .costAware

  func validate() throws {
    guard inMemory else {
      throw ValidationError(
        "karpenter controller needs --in-memory: the Kubernetes API and AWS clients it would talk to otherwise are not built yet."
      )
    }
    if files.isEmpty { throw ValidationError("--in-memory needs at least one manifest FILE.") }
    if !Self.speeds.contains(speed) {
      throw ValidationError(
        "--speed must be a number from 0.001 to 1000000000 (how many times faster than real time the clock runs), got \(speed)."
      )
    }
    if let duration, Scenario.seconds(duration) == nil {
      throw ValidationError("--for must be a Go duration such as 10m or 1h30m, got \(duration).")
    }
  }

  func run() async throws {
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
