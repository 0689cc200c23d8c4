import ArgumentParser
import ControllerRuntime
import Foundation
import KubernetesClient
import Logging
import Manifests
import Scheduling
import Simulation

/// `karpenter simulate FILE...`
struct Simulate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run Karpenter against an in-memory cluster and a simulated cloud, and report.",
    discussion: """
      Reads NodePools, EC2NodeClasses (or the legacy kinds), Pods, workloads, DaemonSets, \
      Nodes and an optional Scenario from every FILE (`-` for standard input), then runs the \
      provisioner, the NodeClaim lifecycle and a kube-scheduler stand-in on a virtual clock: \
      pods batch up, NodeClaims launch on the cheapest offering, nodes become Ready after the \
      Scenario's nodeStartup (30s by default) and pods bind. No cluster or cloud account is \
      needed. Exits 0 when the simulation ran (even with pods left pending), 1 for invalid \
      input, 2 for bad usage. See docs/simulation.md for the Scenario document.

      With --kubeconfig, the input is what the cluster holds now (NodePools, EC2NodeClasses, \
      Nodes, NodeClaims, Pods, workloads, DaemonSets, PodDisruptionBudgets, ...), read with \
      list calls only: a dry-run of what Karpenter would launch, consolidate and save there, \
      and why each node stays. FILEs given as well are added to it (a Scenario, a new \
      NodePool to try). --save-snapshot writes the cluster's documents to a file that \
      `simulate` reads later without the cluster.
      """)

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Argument(help: "Manifest files; - reads standard input.")
  var files: [String] = []

  @Option(help: "Simulate from what this kubeconfig's cluster holds now (read-only).")
  var kubeconfig: String?

  @Option(help: "With --kubeconfig: the context to use (default: its current context).")
  var context: String?

  @Option(help: "With --kubeconfig: also write the cluster's documents to this file.")
  var saveSnapshot: String?

  @Option(help: "text (tables) or json (the SimulationResult document).")
  var output: OutputFormat = .text

  @Option(
    help:
      "cost-aware (the default: first-fit-decreasing, then cheaper splits) or first-fit (upstream Karpenter's packing, the baseline)."
  )
  var packing: PackingChoice = .costAware

  @Option(help: "Also write a self-contained HTML page (inline SVG charts, no network) to this file.")
  var report: String?

  @Option(help: "Also write Karpenter's log lines and Kubernetes Events, as JSON lines, to this file.")
  var log: String?

  func validate() throws {
    if files.isEmpty && kubeconfig == nil {
      throw ValidationError("simulate needs manifest FILEs, or --kubeconfig to read a cluster.")
    }
    if kubeconfig == nil && (context != nil || saveSnapshot != nil) {
      throw ValidationError("--context and --save-snapshot need --kubeconfig.")
    }
  }

  func run() async throws {
    var paths = files
    var temporary: String?
    if let kubeconfig {
      let snapshot: String
      switch await LiveSnapshot.take(kubeconfig: kubeconfig, context: context, saveTo: saveSnapshot) {
      case .failure(let message):
        StandardStreams.writeStandardError("karpenter simulate: \(message)\n")
        throw ExitCode(1)
      case .success(let (path, isTemporary)):
        snapshot = path
        if isTemporary { temporary = path }
      }
      paths.insert(snapshot, at: 0)
    }
    defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
    let result = SimulateRun.run(
      paths: paths, output: output == .json ? .json : .text, packing: packing.strategy, report: report,
      log: log)
    let status = result.emit()
    if status != 0 { throw ExitCode(status) }
  }
}

enum PackingChoice: String, ExpressibleByArgument, CaseIterable {
  case costAware = "cost-aware"
  case firstFit = "first-fit"

  var strategy: PackingStrategy { self == .firstFit ? .firstFit : .costAware }
}

/// The work of `simulate`, separate from argument parsing and printing.
public enum SimulateRun {
  public enum Format: Sendable { case text, json }

  public static func run(
    paths: [String], output: Format = .json, packing: PackingStrategy = .costAware, report: String? = nil,
    log: String? = nil
  ) -> CommandOutput {
    var out: CommandOutput
    var simulation: Simulation
    // A report or log that cannot be written is known before the run, not after it.
    for (path, what) in [(report, "the report"), (log, "the log")] {
      if let path, let failure = OutputFile.check(path) {
        return CommandOutput(stderr: "cannot write \(what) to \(path): \(failure)\n", exitCode: 1)
      }
    }
    switch InMemoryWorld.load(paths: paths, options: SimulationOptions(packing: packing)) {
    case .failed(let failure): return failure
    case .ready(let sim, let warnings): (simulation, out) = (sim, warnings)
    }
    do {
      let result = simulation.run()
      out.stdout = output == .json ? try result.json() : result.text()
      var files: [(path: String, what: String, contents: () -> String)] = []
      if let report { files.append((report, "the report", { result.html(title: reportTitle(paths)) })) }
      if let log { files.append((log, "the log", { result.logLines() })) }
      for file in files {
        if case .failure(let failure) = OutputFile.write(file.contents(), to: file.path) {
          out.stdout = ""
          out.stderr += "cannot write \(file.what) to \(file.path): \(failure)\n"
          out.exitCode = 1
          break
        }
      }
    } catch {
      out.stderr += "\(error)\n"
      out.exitCode = 1
    }
    return out
  }

  /// The report's title: the input files by name (not path), so that it does not depend on
  /// where they are.
  static func reportTitle(_ paths: [String]) -> String {
    let names = paths.map { $0 == "-" ? "standard input" : URL(fileURLWithPath: $0).lastPathComponent }
    return "karpenter simulate: " + names.joined(separator: ", ")
  }
}

/// `simulate --kubeconfig`: the cluster's documents, written where `simulate` reads them.
enum LiveSnapshot {
  enum Outcome { case success((String, Bool)), failure(String) }

  static func take(kubeconfig: String, context: String?, saveTo: String?) async -> Outcome {
    let client: KubernetesClient
    do {
      let configuration = try ClientConfiguration.load(kubeconfig: kubeconfig, context: context)
      client = try KubernetesClient(
        configuration: configuration, contextName: context,
        logger: Logger(label: "kubernetes-client") { _ in SwiftLogNoOpLogHandler() })
    } catch {
      return .failure("\(error)")
    }
    let taken: ClusterSnapshot.Taken
    do {
      taken = try await ClusterSnapshot.take(client)
      try? await client.shutdown()
    } catch {
      try? await client.shutdown()
      return .failure("reading the cluster failed: \(error)")
    }
    for note in taken.notes { StandardStreams.writeStandardError("note: \(note)\n") }
    let path = saveTo ?? (NSTemporaryDirectory() + "karpenter-snapshot-\(getpid()).yaml")
    if case .failure(let failure) = OutputFile.write(taken.text, to: path) {
      return .failure("cannot write the snapshot to \(path): \(failure)")
    }
    return .success((path, saveTo == nil))
  }
}
