import ArgumentParser
import Manifests
import Simulation

/// `karpenter validate FILE...`
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check manifests the way the API server and Karpenter would.",
    discussion: """
      Reads every document of every FILE (YAML or JSON; `-` for standard input), applies the \
      CRD schema and CEL rules of NodePool, NodeClaim and EC2NodeClass, converts legacy \
      kinds (Provisioner, AWSNodeTemplate, v1beta1) and validates the result, and checks the \
      Kubernetes objects, the manifests inside a Scenario's timeline, duplicate objects and a \
      second Scenario. Every error is printed, not only the first. Unknown kinds are skipped, \
      and unknown fields reported, with a warning. Exits 0 when everything is valid (warnings \
      or not), 1 otherwise.
      """)

  @Argument(help: "Manifest files to check; - reads standard input.")
  var files: [String]

  func run() throws {
    let output = ValidateRun.run(paths: files)
    let status = output.emit()
    if status != 0 { throw ExitCode(status) }
  }
}

/// The work of `validate`, separate from argument parsing and printing.
public enum ValidateRun {
  public static func run(
    paths: [String], loader: ManifestLoader = ManifestLoader(registry: SimulationInput.registry)
  ) -> CommandOutput {
    let set = loader.load(paths: paths)
    var output = CommandOutput()
    // What `simulate` checks across documents (duplicates, a second Scenario) and inside the
    // Scenario's timeline, reported the same way.
    var diagnostics = set.diagnostics
    _ = SimulationInput.assemble(set, diagnostics: &diagnostics)
    for diagnostic in diagnostics {
      output.stderr += diagnostic.description + "\n"
    }
    let errorCount = diagnostics.filter { $0.severity == .error }.count
    if errorCount == 0 {
      let n = set.documents.count
      output.stdout =
        "\(n) \(n == 1 ? "object" : "objects") valid in \(paths.count) \(paths.count == 1 ? "file" : "files")\n"
    } else {
      output.stderr += "\(errorCount) \(errorCount == 1 ? "error" : "errors") found\n"
      output.exitCode = 1
    }
    return output
  }
}
