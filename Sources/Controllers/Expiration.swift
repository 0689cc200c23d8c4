import KarpenterAPI

/// Upstream's expiration: once a node has lived its NodePool's expireAfter it is deleted,
/// whatever the disruption budgets say; its drain still honours PodDisruptionBudgets until the
/// terminationGracePeriod.
enum Expiration {
  /// A NodeClaim was created: wake up when it expires (never for `expireAfter: Never`).
  static func track(_ name: String, _ r: inout Reconcile) {
    guard let pool = r.store.nodePool(named: r.store.nodes[name]?.nodePool),
      let seconds = Durations.expireAfter(pool)
    else { return }
    r.wake(at: r.now + seconds, .expire(name))
  }

  /// How soon an expiry that found the node disrupted looks again.
  static let recheck = 10.0

  static func expire(_ name: String, _ r: inout Reconcile, _ termination: inout TerminationController) {
    guard let node = r.store.nodes[name] else { return }
    // A disruption command may still let the node go (its replacements never initialize): look
    // again rather than lose the expiry. Once the node is terminating this ends with it.
    guard node.disruption == nil else { return r.wake(at: r.now + recheck, .expire(name)) }
    let message =
      "\(name) reached its NodePool's expireAfter; its \(r.store.reschedulablePods(on: name).count) pods move to other or new nodes"
    r.record(.disruptionDecided, node: name, reason: NodeRemovalReason.expired.rawValue, message: message)
    r.logDecision(.expired, nodes: [name], message: message)
    termination.start(Deletion(node: name, reason: .expired), &r)
  }
}

/// Upstream's liveness check: a NodeClaim whose node has not registered within 15 minutes of
/// its launch is deleted (the instance terminated) and its pods go back to the provisioner.
enum Liveness {
  static let registrationTTL = 15.0 * 60

  static func track(_ name: String, _ r: inout Reconcile) {
    r.wake(at: r.now + registrationTTL, .registrationTimeout(name))
  }

  static func registrationTimeout(_ name: String, _ r: inout Reconcile, _ termination: inout TerminationController) {
    guard let node = r.store.nodes[name], node.registeredAt == nil, node.instanceGoneAt == nil else { return }
    let ttl = formatDuration(registrationTTL)
    let message =
      "NodeClaim \(name) (\(node.instanceType ?? "?") \(node.capacityType ?? "?") in \(node.zone ?? "?")) did not register within \(ttl); deleting it"
    // The contract's LaunchFailed, with liveness's own log line and event rather than a launch's.
    r.record(.launchFailed, node: name, reason: message, derived: false)
    r.log("nodeclaim.lifecycle", "terminating due to registration ttl", ["NodeClaim": name, "ttl": ttl])
    r.post("Warning", "RegistrationTimeout", kind: "NodeClaim", name: name, message: message)
    termination.start(Deletion(node: name, reason: .registrationTimeout, forceful: true), &r)
  }
}

/// Upstream's garbage collection: every two minutes, NodeClaims (launched, managed) whose
/// instance the cloud no longer lists are deleted with their Nodes. It runs only while an
/// instance is known to have vanished, at the next two-minute mark.
public struct GarbageCollector: Sendable {
  public static let period = 120.0
  var scheduled = false

  mutating func instanceLost(_ r: inout Reconcile) {
    guard !scheduled else { return }
    scheduled = true
    r.wake(at: ((r.now / Self.period).rounded(.down) + 1) * Self.period, .garbageCollect)
  }

  mutating func collect(_ r: inout Reconcile) {
    scheduled = false
    r.effects.append(.listInstances)
  }

  func listed(_ instances: Set<String>, _ r: inout Reconcile) {
    for node in r.store.sortedNodes
    where node.nodePool != nil && node.launchedAt != nil && !instances.contains(node.name) {
      let name = node.name
      r.log(
        "nodeclaim.garbagecollection", "garbage collecting nodeclaim with no cloudprovider representation",
        ["NodeClaim": name, "Node": name])
      r.effects.append(.markTerminating(node: name, reason: .garbageCollected, drainDeadline: node.drainDeadline))
      for key in r.store.reschedulablePods(on: name) {
        r.record(.podEvicted, node: name, pod: key, reason: NodeRemovalReason.garbageCollected.rawValue)
      }
      r.removeNode(name)
    }
    r.effects.append(.requestProvisioning)
  }
}
