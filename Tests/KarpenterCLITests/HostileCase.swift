import Foundation
import KarpenterCLI
import Manifests
import Simulation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs one input the way `validate` and `simulate` would, in-process: read the bytes, load
/// and validate every document, assemble the input, and when it is valid and small, simulate
/// for a bounded wall-clock time and render every report. Reports what a fuzz test asserts.
struct HostileCase {
  struct Outcome {
    /// Every diagnostic, as printed.
    var messages: [String] = []
    var errorCount = 0
    /// Why nothing was simulated, or nil when it was.
    var notSimulated: String?
    var steps = 0
    /// The JSON encoder's or another report's failure after a run.
    var reportFailure: String?
  }

  /// Workloads above this many pods are not simulated here: bounding that work belongs to the
  /// scheduler, and the fuzz test is about the input.
  static let maxPods = 500

  static func run(
    _ bytes: [UInt8], file: String = "fuzz.yaml", simulate: Bool = true,
    simulateFor budget: Duration = .milliseconds(300)
  ) -> Outcome {
    var outcome = Outcome()
    let text: String
    switch ManifestReader.decodeUTF8(bytes) {
    case .failure(let failure):
      outcome.messages = ["\(file): \(failure)"]
      outcome.errorCount = 1
      outcome.notSimulated = "not UTF-8"
      return outcome
    case .success(let decoded): text = decoded
    }
    let set = ManifestLoader(registry: SimulationInput.registry).load(text: text, file: file)
    var diagnostics = set.diagnostics
    let input = SimulationInput.assemble(set, diagnostics: &diagnostics)
    outcome.messages = diagnostics.map(\.description)
    outcome.errorCount = diagnostics.filter { $0.severity == .error }.count
    guard outcome.errorCount == 0 else {
      outcome.notSimulated = "invalid"
      return outcome
    }
    guard simulate else {
      outcome.notSimulated = "not asked"
      return outcome
    }
    let pods =
      input.pods.count + input.deployments.reduce(0) { $0 + Int($1.spec?.replicas ?? 1) }
      + input.replicaSets.reduce(0) { $0 + Int($1.spec?.replicas ?? 1) }
      + input.statefulSets.reduce(0) { $0 + Int($1.spec?.replicas ?? 1) }
      + input.jobs.reduce(0) { $0 + Int($1.spec?.parallelism ?? 1) }
      + input.timeline.reduce(0) { total, step in
        total + 100 + (step.entry.scale ?? []).reduce(0) { $0 + Int($1.replicas) }
      }
    guard pods <= maxPods else {
      outcome.notSimulated = "\(pods) pods"
      return outcome
    }
    var simulation: Simulation
    do {
      simulation = try Simulation(input: input, options: SimulationOptions())
    } catch {
      outcome.notSimulated = "\(error)"
      return outcome
    }
    let clock = ContinuousClock()
    let deadline = clock.now + budget
    while simulation.nextWakeUp != nil, clock.now < deadline {
      simulation.step()
      outcome.steps += 1
    }
    let result = simulation.finish()
    do {
      _ = try result.json()
    } catch {
      outcome.reportFailure = "the JSON encoder failed: \(error)"
    }
    _ = result.text()
    _ = result.html(title: "fuzz")
    _ = result.logLines()
    return outcome
  }

  /// The peak resident memory of this process so far, in bytes.
  static var peakResidentBytes: Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
  }
}
