// The scheduling benchmark: upstream Karpenter's BenchmarkScheduling workload (written by
// ../shared/tools/gen_bench.py) scheduled with both packings, timing Scheduler.solve only,
// as upstream's benchmark times its scheduler's Solve.
//
// usage: karpenter-bench [--runs N] [--packing first-fit|cost-aware] [--reasons]
//                        [--consolidation | --metrics] SCENARIO.yaml...
// Run it from a release build: `swift run -c release karpenter-bench ...` (scripts/bench.sh).
import Controllers
import Foundation
import KarpenterMetrics
import Manifests
import Scheduling
import Simulation

var arguments = Array(CommandLine.arguments.dropFirst())
var runs = 3
var showReasons = false
var consolidation = false
var metrics = false
if let i = arguments.firstIndex(of: "--metrics") {
  metrics = true
  arguments.remove(at: i)
}
if let i = arguments.firstIndex(of: "--consolidation") {
  consolidation = true
  arguments.remove(at: i)
}
if let i = arguments.firstIndex(of: "--reasons") {
  showReasons = true
  arguments.remove(at: i)
}
if let i = arguments.firstIndex(of: "--runs"), i + 1 < arguments.count, let n = Int(arguments[i + 1]) {
  runs = n
  arguments.removeSubrange(i...(i + 1))
}
/// Both packings unless one is named.
var packings: [PackingStrategy] = [.firstFit, .costAware]
if let i = arguments.firstIndex(of: "--packing") {
  guard i + 1 < arguments.count, let packing = PackingStrategy(rawValue: arguments[i + 1]) else {
    FileHandle.standardError.write(Data("--packing takes first-fit or cost-aware\n".utf8))
    exit(2)
  }
  packings = [packing]
  arguments.removeSubrange(i...(i + 1))
}
guard !arguments.isEmpty else {
  FileHandle.standardError.write(Data("usage: karpenter-bench [--runs N] SCENARIO.yaml...\n".utf8))
  exit(2)
}

/// The scenario's input, as `simulate` assembles it, and what reading it found.
func simulationInput(_ path: String) -> (SimulationInput, [Diagnostic]) {
  let set = ManifestLoader(registry: SimulationInput.registry).load(paths: [path])
  var diagnostics = set.diagnostics
  let input = SimulationInput.assemble(set, diagnostics: &diagnostics)
  return (input, diagnostics)
}

func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

if metrics {
  // One refresh of the controller's state gauges and one scrape of /metrics, on the cluster
  // after `simulate` has run the scenario for ten minutes (its pods bound to its nodes).
  print("| scenario | nodes | pods | series | first refresh s | refresh s (median of \(runs)) | exposition s (median) | exposition MB |")
  print("|---|---|---|---|---|---|---|---|")
  for path in arguments {
    let (input, _) = simulationInput(path)
    guard var simulation = try? Simulation(input: input, options: SimulationOptions()) else { exit(1) }
    _ = await simulation.run(on: VirtualClock(), until: 600)
    let (store, karpenter, time) = simulation.view
    var recorder = ControllerMetrics(registry: MetricsRegistry(), provider: "bench")
    var refreshes: [Double] = []
    var scrapes: [Double] = []
    var text = ""
    for _ in 0..<runs {
      let start = now()
      recorder.refresh(store: store, karpenter: karpenter, now: time, synced: true)
      recorder.refresh(instanceTypes: store.instanceTypes)
      refreshes.append(now() - start)
      let scrape = now()
      text = recorder.registry.exposition()
      scrapes.append(now() - scrape)
    }
    let first = refreshes[0]
    refreshes.sort()
    scrapes.sort()
    let series = text.split(separator: "\n").count { !$0.hasPrefix("#") }
    print(
      "| \(URL(fileURLWithPath: path).lastPathComponent) | \(store.nodes.count) | \(store.pods.count) | \(series) | \(String(format: "%.3f", first)) | \(String(format: "%.3f", refreshes[runs / 2])) | \(String(format: "%.3f", scrapes[runs / 2])) | \(String(format: "%.1f", Double(text.utf8.count) / 1e6)) |"
    )
  }
  exit(0)
}

if consolidation {
  // One full consolidation pass over a running cluster (scripts/gen_cluster.py).
  print("| scenario | packing | nodes | candidates | pass s (median of \(runs)) | decision |")
  print("|---|---|---|---|---|---|")
  for path in arguments {
    let (input, _) = simulationInput(path)
    for packing in packings {
      guard let simulation = try? Simulation(input: input, options: SimulationOptions(packing: packing))
      else { exit(1) }
      var times: [Double] = []
      var outcome: (decision: String?, candidates: Int) = (nil, 0)
      for _ in 0..<runs {
        let start = now()
        outcome = simulation.consolidationPass()
        times.append(now() - start)
      }
      times.sort()
      let decision = String((outcome.decision ?? "none").prefix(90))
      print(
        "| \(URL(fileURLWithPath: path).lastPathComponent) | \(packing.rawValue) | \(input.nodes.count) | \(outcome.candidates) | \(String(format: "%.3f", times[times.count / 2])) | \(decision) |"
      )
    }
  }
  exit(0)
}
print("| scenario | packing | pods | scheduled | nodes | cost $/h | solve s (median of \(runs)) | pods/s |")
print("|---|---|---|---|---|---|---|---|")
for path in arguments {
  let (input, diagnostics) = simulationInput(path)
  if diagnostics.contains(where: { $0.severity == .error }) {
    for d in diagnostics { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
    exit(1)
  }
  for packing in packings {
    let simulation: Simulation
    do {
      simulation = try Simulation(input: input, options: SimulationOptions(packing: packing))
    } catch {
      FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
      exit(1)
    }
    let problem = simulation.initialSchedulingInput()
    var times: [Double] = []
    var result = SchedulingResult()
    for _ in 0..<runs {
      let start = now()
      result = Scheduler.solve(problem)
      times.append(now() - start)
    }
    times.sort()
    let median = times[times.count / 2]
    let cost = result.newNodeClaims.reduce(0.0) { $0 + ($1.cheapestLaunch()?.offering.price ?? 0) }
    let scheduled = problem.pods.count - result.unschedulable.count
    let name = URL(fileURLWithPath: path).lastPathComponent
    if showReasons {
      var counts: [String: Int] = [:]
      for (i, reason) in result.unschedulable {
        let kind = problem.pods[i].name.split(separator: "-").dropLast().joined(separator: "-")
        counts[kind + ": " + String(reason.prefix(200)), default: 0] += 1
      }
      for (reason, n) in counts.sorted(by: { $0.value > $1.value }).prefix(5) {
        FileHandle.standardError.write(Data("\(name) \(packing.rawValue): \(n) pods: \(reason)\n".utf8))
      }
    }
    print(
      "| \(name) | \(packing.rawValue) | \(problem.pods.count) | \(scheduled) | \(result.newNodeClaims.count) | \(String(format: "%.4f", cost)) | \(String(format: "%.3f", median)) | \(String(format: "%.0f", Double(problem.pods.count) / median)) |"
    )
  }
}
