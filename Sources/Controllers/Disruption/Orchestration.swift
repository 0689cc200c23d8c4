import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The orchestration queue: a decision waits for validation, launches its replacements one
/// after the other (each launch's answer comes back before the next is asked), taints its
/// nodes, and deletes them once every replacement has initialized.
extension DisruptionController {
  /// Holds a decision for the validation delay, as upstream does before acting.
  mutating func propose(_ command: DisruptionCommand) {
    var c = command
    c.id = nextCommandID
    nextCommandID += 1
    commands[c.id] = c
    reconcile.wake(at: now + Self.validationDelay, .validate(c.id))
  }

  /// Re-checks a decision after the delay and starts carrying it out: replacements first.
  mutating func validateCommand(_ id: Int) {
    guard let command = commands[id] else { return }
    takeDisruptionSnapshot()  // PodDisruptionBudgets and pool totals as they are now
    let stillThere = command.nodes.allSatisfy { store[node: $0] != nil && store[node: $0]!.disruption == nil }
    var valid = stillThere
    if valid && command.reason == .underutilized {
      // A node a pod was nominated to since is no candidate any more, as upstream's validation.
      let candidates = candidates(among: command.nodes).filter { store[node: $0.name]!.nominated.isEmpty }
      valid =
        candidates.count == command.nodes.count
        && consolidation(
          candidates, probe: ReschedulingProbe(store.clusterSchedulingInput(packing: options.packing))) != nil
    }
    guard valid else {
      commands.removeValue(forKey: id)
      return
    }
    if command.reason == .empty {
      // As upstream's emptiness validation: the nodes still empty candidates (no pod bound or
      // nominated to them since, nothing made them do-not-disrupt), within the budgets, go; the
      // others stay. The command's own nodes do not count against the budgets.
      commands.removeValue(forKey: id)
      let stillEmpty = candidates(among: command.nodes).filter { store[node: $0.name]!.nominated.isEmpty }
      guard var revalidated = emptinessCommand(stillEmpty) else { return }
      revalidated.id = id
      commands[id] = revalidated
    }
    launchNextReplacement(id)
  }

  /// Launches the command's next replacement, or marks its nodes once all are launched.
  mutating func launchNextReplacement(_ id: Int) {
    guard let command = commands[id] else { return }
    let next = command.launched.count
    guard next < command.replacements.count else {
      decide(id)
      return
    }
    let pods = command.replacementPods[next]
    emit(
      .launch(
        LaunchRequest(
          claim: command.replacements[next], pods: [],
          reason:
            "replacement for \(command.nodes.joined(separator: ", ")) (\(command.reason)) for \(pods.count) pods",
          origin: .disruption(id))))
  }

  /// A replacement's launch answered: on to the next one; a replacement that could not be
  /// launched drops the decision and the nodes stay (replacements already launched are left to
  /// consolidation as ordinary capacity).
  mutating func replacementLaunched(_ id: Int, as name: String?) {
    guard commands[id] != nil else { return }
    guard let name else {
      commands.removeValue(forKey: id)
      return
    }
    commands[id]!.launched.append(name)
    launchNextReplacement(id)
  }

  /// Every replacement is launched: the decision is reported and its nodes tainted; they are
  /// deleted once the replacements have initialized (at once when there are none).
  private mutating func decide(_ id: Int) {
    guard var command = commands[id] else { return }
    if let note = orphanNote(command.nodes) { command.message += "; " + note }
    for name in command.nodes {
      record(
        SimulationEvent(
          time: now, type: .disruptionDecided, node: name, reason: command.reason.rawValue, message: command.message))
      emit(.markDisrupted(node: name, reason: command.reason, drainDeadline: store[node: name]?.drainDeadline))
      emit(.taint(node: name, TerminationController.disruptedTaint))
    }
    logDecision(command.reason, nodes: command.nodes, message: command.message)
    command.executing = true
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
      reconcile.wake(at: now + Self.replacementTTL, .replacementTimeout(id))
    }
  }

  /// A node initialized: a command whose replacements are all initialized deletes its nodes.
  mutating func replacementReady(_ name: String) {
    for id in commands.keys.sorted() where commands[id]!.launched.contains(name) {
      if commands[id]!.launched.allSatisfy({ store[node: $0]?.initializedAt != nil }) { carryOut(id) }
    }
  }

  /// Deletes a command's nodes (its replacements, if any, have initialized).
  mutating func carryOut(_ id: Int) {
    guard let command = commands.removeValue(forKey: id) else { return }
    for name in command.nodes where store[node: name] != nil {
      emit(.deleteNodeClaim(Deletion(node: name, reason: command.reason, supersedes: true)))
    }
  }

  /// The orchestration queue gave up waiting for a command's replacements: the disruption is
  /// undone (taints removed, the nodes stay); replacements already up remain as capacity.
  mutating func replacementTimeout(_ id: Int) {
    guard let command = commands.removeValue(forKey: id) else { return }
    let late = command.launched.filter { store[node: $0]?.initializedAt == nil }
    for name in command.nodes where release(name, from: command) {
      kubernetesEvent(
        "Warning", "DisruptionBlocked", kind: "Node", name: name,
        message:
          "Replacements \(late.joined(separator: ", ")) did not initialize within \(formatDuration(Self.replacementTTL)); disruption undone"
      )
    }
    log(
      "disruption", "failed to disrupt nodes, replacements did not initialize",
      ["command": command.message, "reason": command.reason.rawValue])
    emit(.requestStaticCapacity)  // a static pool may now have a node too many
  }

  /// An interruption overrides a voluntary disruption in progress: a command that includes the
  /// node is dropped and its other nodes released (the node itself is taken over by the
  /// interruption's deletion).
  mutating func dropCommands(containing name: String) {
    for id in commands.keys.sorted() where commands[id]!.nodes.contains(name) {
      let command = commands.removeValue(forKey: id)!
      for other in command.nodes where other != name { release(other, from: command) }
    }
  }

  /// Undoes a command's mark on a node that is not being deleted yet: no disrupted taint, no
  /// reason. Returns whether the node was released.
  @discardableResult
  private mutating func release(_ name: String, from command: DisruptionCommand) -> Bool {
    guard let node = store[node: name], node.disruption == command.reason else { return false }
    emit(.unmarkDisrupted(node: name))
    return true
  }
}
