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
    case .interruption(let instanceID, let kind, let handled):
      if let key = cluster.key(ofInstanceID: instanceID) {
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
