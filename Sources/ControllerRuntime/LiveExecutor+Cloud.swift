import Controllers
import Foundation
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
    if before == 0 && !types.all.isEmpty {
      log("INFO", "cloudprovider", "discovered instance types", ["count": "\(types.all.count)"])
    }
    if requestProvisioning { await deliver(.provisioningRequested) }
  }

  /// Acts on what the cloud reported: an interruption reaches the controllers as upstream's
  /// interruption controller hands it on, for the node whose instance it names.
  public mutating func handle(_ event: CloudEvent) async {
    switch event {
    case .interruption(let providerID, let kind, let handled):
      if let key = cluster.key(ofProviderID: providerID) {
        await deliver(.interruption(node: key, kind))
      }
      await handled()
    case .ignored(let reason, let handled):
      log("DEBUG", "interruption", "ignoring message", ["reason": reason])
      await handled()
    }
  }
}

extension LiveCluster {
  /// The store key of the node whose instance has this provider id: its NodeClaim's name, or
  /// the Node's own name when it has no claim.
  public func key(ofProviderID providerID: String) -> String? {
    if let claim = nodeClaims.values.first(where: { $0.status?.providerID == providerID }) { return claim.name }
    if let node = nodes.values.first(where: { $0.spec?.providerID == providerID }) {
      return keyOfNode[node.name] ?? node.name
    }
    return nil
  }
}
