import ArgumentParser
import Foundation
import Manifests
import Scheduling
import Simulation

/// `karpenter simulate FILE...`
struct Simulate: ParsableCommand {
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
      """)

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Argument(help: "Manifest files; - reads standard input.")
  var files: [String]

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

  func run() throws {
    let result = SimulateRun.run(
      paths: files, output: output == .json ? .json : .text, packing: packing.strategy, report: report,
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
