import Controllers
import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The orchestration queue: a decision waits for validation, launches its replacements, and
/// drains its nodes once they are Ready.
extension Simulation {
  /// Holds a decision for the validation delay, as upstream does before acting.
  mutating func propose(_ command: DisruptionCommand) {
    var c = command
    c.id = nextCommandID
    nextCommandID += 1
    commands[c.id] = c
    queue.schedule(.validate(c.id), at: now + Self.validationDelay)
  }

  /// Re-checks a decision after the delay and carries it out: replacements first, the nodes
  /// drained and deleted once the replacements are Ready.
  mutating func validateCommand(_ id: Int) {
    guard var command = commands[id] else { return }
    takeDisruptionSnapshot()  // PodDisruptionBudgets and pool totals as they are now
    let stillThere = command.nodes.allSatisfy { store[node: $0] != nil && store[node: $0]!.disruption == nil }
    var valid = stillThere
    if valid && command.reason == .underutilized {
      let candidates = consolidationCandidates().filter { command.nodes.contains($0.name) }
      valid =
        candidates.count == command.nodes.count
        && consolidation(candidates, probe: ReschedulingProbe(store.clusterSchedulingInput(packing: options.packing))) != nil
    }
    guard valid else {
      commands.removeValue(forKey: id)
      return
    }
    for (claim, podKeys) in zip(command.replacements, command.replacementPods) {
      if let launched = launch(
        claim, pods: [],
        reason:
          "replacement for \(command.nodes.joined(separator: ", ")) (\(command.reason)) for \(podKeys.count) pods"
      ) {
        command.launched.append(launched)
      } else {
        // A replacement could not be launched: the decision is dropped and the nodes stay.
        // Replacements already launched are left to consolidation as ordinary capacity.
        commands.removeValue(forKey: id)
        return
      }
    }
    if let note = orphanNote(command.nodes) { command.message += "; " + note }
    for name in command.nodes {
      record(
        SimulationEvent(
          time: now, type: .disruptionDecided, node: name, reason: command.reason.rawValue, message: command.message))
      store[node: name]!.disruption = command.reason
      taintDisrupted(name)
    }
    logDecision(command.reason, nodes: command.nodes, message: command.message)
    command.executing = true
    lastActivity = now
    commands[id] = command
    if command.launched.isEmpty {
      carryOut(id)
    } else {
      for replacement in command.launched {
        kubernetesEvent(
          "Normal", "DisruptionLaunching", kind: "NodeClaim", name: replacement,
          message: "Launching NodeClaim: \(command.reason)")
      }
      for name in command.nodes {
        kubernetesEvent(
          "Normal", "DisruptionWaitingReadiness", kind: "Node", name: name,
          message: "Waiting on readiness to continue disruption")
      }
      queue.schedule(.replacementTimeout(id), at: now + Self.replacementTTL)
    }
  }

  /// Called when a node is initialized: a command whose replacements are all initialized drains its
  /// nodes now.
  mutating func replacementReady(_ name: String) {
    for id in commands.keys.sorted() where commands[id]!.launched.contains(name) {
      if commands[id]!.launched.allSatisfy({ store[node: $0]?.initializedAt != nil }) { carryOut(id) }
    }
  }

  /// Drains and deletes a command's nodes (its replacements, if any, are Ready).
  mutating func carryOut(_ id: Int) {
    guard let command = commands.removeValue(forKey: id) else { return }
    for name in command.nodes where store[node: name] != nil {
      deliver(.delete(Deletion(node: name, reason: command.reason, supersedes: true)))
    }
  }
}
