import KarpenterAPI
import KubernetesAPI
import Scheduling

/// Upstream's provisioner: it batches pending pods (until none arrived for 1 s, at most 10 s
/// after the first), schedules them against existing and in-flight nodes and then the
/// NodePools, nominates pods to the nodes they will land on, and asks for the NodeClaims it
/// decided on.
struct Provisioner: Sendable {

  /// When the batch began, and when its provisioning pass is due.
  var batchStart: Double?
  var scheduledAt: Double?

  /// Pods are pending that the provisioner has not looked at: start or extend the batch.
  mutating func request(_ r: inout Reconcile) {
    let start = batchStart ?? r.now
    batchStart = start
    let at = min(r.now + r.settings.batchIdleDuration, start + r.settings.batchMaxDuration)
    if let scheduled = scheduledAt, scheduled >= at { return }
    scheduledAt = at
    r.wake(at: at, .provision)
  }

  /// The batch is over: schedule the pending pods that are not nominated yet. The wake of a
  /// batch that was extended since is stale: the batch ends at the last one.
  mutating func provision(_ r: inout Reconcile) {
    if let at = scheduledAt, r.now < at { return }
    scheduledAt = nil
    batchStart = nil
    let (input, pending) = r.store.provisioningInput(packing: r.settings.packing)
    guard !pending.isEmpty else { return }
    r.effects.append(.seenByProvisioner(pending.map(\.key)))
    let result = Scheduler.solve(input)
    for (i, nodeName) in result.existingPlacements.sorted(by: { $0.key < $1.key }) {
      r.effects.append(.nominate(pod: pending[i].key, node: nodeName))
    }
    for claim in result.newNodeClaims {
      r.effects.append(
        .launch(LaunchRequest(claim: claim, pods: claim.pods.map { pending[$0].key }, reason: nil, origin: .provisioner)))
    }
    for (i, reason) in result.unschedulable.sorted(by: { $0.key < $1.key }) {
      r.effects.append(.setPendingReason(pod: pending[i].key, .unschedulable(reason)))
    }
    // Launches change what limits allow (a NodeClaim's reservation becomes the launched type's
    // capacity): try the rest again in the next batch, as Karpenter's provisioner keeps doing
    // while pods are pending. A batch that launches nothing ends the retries.
    if !result.newNodeClaims.isEmpty && !result.unschedulable.isEmpty {
      r.effects.append(.returnToProvisioner(result.unschedulable.keys.sorted().map { pending[$0].key }))
      request(&r)
    }
  }
}

/// The NodeClaim lifecycle's side of a launch: what Karpenter reports once the cloud provider
/// answered, and the nominations of the pods the NodeClaim was made for.
enum LaunchLifecycle {
  static func answered(_ request: LaunchRequest, _ outcome: LaunchOutcome, _ r: inout Reconcile, _ provisioner: inout Provisioner) {
    switch outcome {
    case .launched(let l):
      let pods = request.pods
      let forWhat = request.reason ?? "\(pods.count) pending \(pods.count == 1 ? "pod" : "pods")"
      let reason =
        forWhat
        + ", \(l.instanceType) \(l.capacityType) in \(l.zone) at $\(formatPrice(l.price))/h (cheapest of \(request.claim.instanceTypes.count) fitting types)"
      r.record(.nodeClaimCreated, node: l.name, reason: reason)
      r.log(
        "nodeclaim.lifecycle", "launched nodeclaim",
        [
          "NodeClaim": l.name, "instance-type": l.instanceType, "zone": l.zone, "capacity-type": l.capacityType,
          "price": formatPrice(l.price),
        ])
      for key in pods { r.effects.append(.nominate(pod: key, node: l.name)) }
    case .failed(let name, let error):
      switch error.kind {
      case .noOfferingAvailable(let count):
        r.record(.launchFailed, node: name, reason: "no available offering among \(count) instance types")
        for key in request.pods { r.effects.append(.setPendingReason(pod: key, .noOffering)) }
      case .insufficientCapacity(let offering):
        // The provider marked the offering unavailable for 3 minutes; the pods go back to the
        // provisioner, which plans around it.
        r.record(
          .launchFailed, node: name,
          reason:
            "insufficient capacity for \(offering.instanceType) \(offering.capacityType) in \(offering.zone); offering marked unavailable for 3m"
        )
        for key in request.pods { r.effects.append(.setPendingReason(pod: key, .launchFailed)) }
        if !request.pods.isEmpty { r.effects.append(.returnToProvisioner(request.pods)) }
        provisioner.request(&r)
      case .failed:
        r.record(.launchFailed, node: name, reason: error.description)
        for key in request.pods { r.effects.append(.setPendingReason(pod: key, .launchFailed)) }
        if !request.pods.isEmpty { r.effects.append(.returnToProvisioner(request.pods)) }
        provisioner.request(&r)
      case .nodeClaimNotFound:
        // Create never answers so; should a provider, the launch failed and says why.
        r.record(.launchFailed, node: name, reason: error.description)
      }
    }
  }
}
