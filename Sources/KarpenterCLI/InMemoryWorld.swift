import Manifests
import Simulation

/// The in-memory cluster and simulated cloud that `simulate` and `controller --in-memory` run
/// the controllers against, built from manifest files.
public enum InMemoryWorld {
  public enum Loaded {
    /// Ready to run; `warnings` holds what to print first (skipped kinds and the like).
    case ready(Simulation, warnings: CommandOutput)
    /// The input is invalid: what to print and the exit status.
    case failed(CommandOutput)
  }

  public static func load(paths: [String], options: SimulationOptions) -> Loaded {
    let set = ManifestLoader(registry: SimulationInput.registry).load(paths: paths)
    var out = CommandOutput()
    var diagnostics = set.diagnostics
    let input = SimulationInput.assemble(set, diagnostics: &diagnostics)
    for d in diagnostics { out.stderr += d.description + "\n" }
    let errors = diagnostics.filter { $0.severity == .error }.count
    if errors > 0 {
      out.stderr += "\(errors) \(errors == 1 ? "error" : "errors") found; nothing was simulated\n"
      out.exitCode = 1
      return .failed(out)
    }
    do {
      let simulation = try Simulation(input: input, options: options)
      for conflict in simulation.nodeOverlayConflicts { out.stderr += "warning: \(conflict)\n" }
      return .ready(simulation, warnings: out)
    } catch {
      out.stderr += "\(error)\n"
      out.exitCode = 1
      return .failed(out)
    }
  }
}
