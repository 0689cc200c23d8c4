import Controllers
import Foundation
import KarpenterAPI
import KarpenterMetrics
import Scheduling

extension LiveExecutor where Provider: LiveCloudProvider {
  /// Rebuilds the instance types every NodePool may launch from the provider (after the
  /// informers synced, after a NodePool or EC2NodeClass changed, and every refresh period), and
  /// asks for a provisioning pass (unless `requestProvisioning` is false: before the informers
  /// synced, the controllers get no inputs).
  public mutating func refreshInstanceTypes(requestProvisioning: Bool = true) async {
    var schema = cluster.store.schema
    let types = await cloud.instanceTypes(
      nodePools: cluster.store.nodePools, nodeClasses: cluster.store.nodeClasses, schema: &schema, at: now)
    let before = cluster.store.instanceTypes.all.count
    cluster.withStore {
      $0.schema = schema
      $0.instanceTypes = types
    }
    metrics?.refresh(instanceTypes: types)
    if before == 0 && !types.all.isEmpty {
      log("INFO", "cloudprovider", "discovered instance types", ["count": "\(types.all.count)"])
    }
    if requestProvisioning { await deliver(.provisioningRequested) }
  }

  /// Upstream's garbage collection on a live cloud, every two minutes: NodeClaims whose
  /// instance is gone are collected by the controllers, and instances that carry a NodeClaim's
  /// name no NodeClaim has (launched at least `grace` seconds ago, so that a launch under way is
  /// spared) are terminated, as the AWS provider's instance garbage collection does.
  public mutating func collectGarbage(grace: TimeInterval = 30) async {
    let instances: [CloudInstance]
    do {
      instances = try await cloud.list()
    } catch {
      log("ERROR", "garbagecollection", "listing instances failed", ["error": "\(error)"])
      return
    }
    await deliver(.instancesListed(Set(instances.map(\.name))))
    await checkProviderDrift()
    let now = clock()
    for instance in instances where cluster.nodeClaims[instance.name] == nil {
      guard let launched = instance.launchedAt, now.timeIntervalSince(launched) >= grace else { continue }
      do {
        try await cloud.delete(instance.name)
        log(
          "INFO", "instance.garbagecollection", "garbage collected instance with no nodeclaim",
          ["NodeClaim": instance.name, "providerID": instance.providerID ?? instance.name])
      } catch {
        log("ERROR", "instance.garbagecollection", "terminating instance failed", ["NodeClaim": instance.name, "error": "\(error)"])
      }
    }
  }

  /// Upstream's NodeClaim disruption controller's provider drift: each initialized node the
  /// provider says drifted (its AMI, subnet or security groups no longer what its EC2NodeClass
  /// resolves to) gets the NodeClaim's `Drifted` condition, which the drift method replaces.
  mutating func checkProviderDrift() async {
    let store = cluster.store
    for key in store.nodeNames {
      guard let node = store[node: key], node.initializedAt != nil, node.driftedBefore == nil,
        node.disruption == nil, let poolName = node.nodePool, cluster.nodeClaims[key] != nil,
        let pool = store.nodePools.first(where: { $0.name == poolName })
      else { continue }
      let nodeClass = pool.spec?.template?.spec?.nodeClassRef?.name.flatMap { store.nodeClasses[$0] }
      let reason: DriftReason?
      do {
        reason = try await cloud.isDrifted(node, nodeClass: nodeClass)
      } catch {
        log("ERROR", "nodeclaim.disruption", "checking drift failed", ["NodeClaim": key, "error": "\(error)"])
        continue
      }
      guard let reason else { continue }
      log("INFO", "nodeclaim.disruption", "marked nodeclaim drifted", ["NodeClaim": key, "reason": reason.rawValue])
      cluster.withStore { $0[node: key]?.driftedBefore = "its NodeClaim is Drifted (\(reason.rawValue))" }
      _ = await setClaimCondition(
        key, "Drifted", to: NodeClaimDocuments.condition("Drifted", "True", reason: reason.rawValue, at: clock()))
    }
  }

  /// Acts on what the cloud reported: an interruption reaches the controllers as upstream's
  /// interruption controller hands it on, for the node whose instance it names.
  public mutating func handle(_ event: CloudEvent) async {
    switch event {
    case .interruption(let instanceID, let kind, let handled):
      let key = cluster.key(ofInstanceID: instanceID)
      metrics?.interruptionReceived(kind, node: key)
      if let key {
        if kind == .spotInterruption, let node = cluster.store[node: key], node.capacityType == WellKnown.capacityTypeSpot,
          let type = node.instanceType, let zone = node.zone
        {
          cloud.spotInterrupted(
            OfferingKey(instanceType: type, zone: zone, capacityType: WellKnown.capacityTypeSpot), at: now)
        }
        await deliver(.interruption(node: key, kind))
      }
      await handled()
      metrics?.interruptionDeleted(secondsInQueue: nil)
    case .ignored(let reason, let handled):
      log("DEBUG", "interruption", "ignoring message", ["reason": reason])
      await handled()
      metrics?.interruptionDeleted(secondsInQueue: nil)
    }
  }
}

extension LiveCluster {
  /// The store key of the node whose provider id ends in `/INSTANCE-ID`: its NodeClaim's name,
  /// or the Node's own name when it has no claim.
  public func key(ofInstanceID instanceID: String) -> String? {
    func matches(_ providerID: String?) -> Bool {
      guard let providerID else { return false }
      return providerID.split(separator: "/").last.map(String.init) == instanceID
    }
    if let claim = nodeClaims.values.first(where: { matches($0.status?.providerID) }) { return claim.name }
    if let node = nodes.values.first(where: { matches($0.spec?.providerID) }) {
      return keyOfNode[node.name] ?? node.name
    }
    return nil
  }
}
