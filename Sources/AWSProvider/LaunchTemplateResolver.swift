import KarpenterAPI
import KubernetesAPI
import Scheduling

/// One launch template a launch needs: its content, the image it boots and the instance types
/// that launch with it.
public struct ResolvedLaunchTemplate: Sendable {
  public var spec: LaunchTemplateSpec
  public var imageID: String
  public var instanceTypes: [String]
}

/// Upstream's `amifamily.Resolver.Resolve`: the launch templates a NodeClaim's launch needs,
/// one per image its instance types map to and per max-pods figure among them (each figure
/// needs its own user data when the class's kubelet does not set `maxPods`). The node's taints
/// get `karpenter.sh/unregistered:NoExecute` when they lack it, and its labels
/// `karpenter.sh/do-not-sync-taints=true` unless the family is Custom, as upstream adds them.
public enum LaunchTemplateResolver {
  /// Why no template can be made; reads as a sentence.
  public struct ResolutionError: Error, Hashable, CustomStringConvertible {
    public var description: String
  }

  /// - Parameters:
  ///   - nodeClass: the class with its resolved status (security groups, instance profile).
  ///   - bootstrap: the node's bootstrap settings, labels and taints; the class's kubelet and
  ///     user data are filled in here.
  ///   - tags: the launch's tags (``FleetPlanner/tags(_:nodeClaimName:context:)``).
  public static func resolve(
    nodeClass: EC2NodeClass, instanceTypes: [InstanceType], amis: [ResolvedAMI], bootstrap: NodeBootstrap,
    tags: [String: String]
  ) throws -> [ResolvedLaunchTemplate] {
    let spec = nodeClass.spec ?? EC2NodeClassSpec()
    let family = AMIFamily(nodeClass: spec)
    let groups = nodeClass.status?.securityGroups ?? []
    guard !groups.isEmpty else {
      throw ResolutionError(description: "no security groups are in the EC2NodeClass's status")
    }
    guard let profile = InstanceProfileNaming.profile(for: nodeClass) else {
      throw ResolutionError(description: "the EC2NodeClass's instance profile has not been resolved yet")
    }
    let perTypeMaxPods = spec.kubelet?.maxPods == nil
    var bootstrap = bootstrap
    let unregistered = Taint(key: WellKnown.unregisteredTaintKey, effect: "NoExecute")
    if !bootstrap.taints.contains(where: { $0.key == unregistered.key && $0.effect == unregistered.effect }) {
      bootstrap.taints.append(unregistered)
    }
    if family != .custom { bootstrap.labels[WellKnown.doNotSyncTaintsLabel] = "true" }
    var result: [ResolvedLaunchTemplate] = []
    let byImage = AMIResolver.instanceTypesByImage(instanceTypes, amis: amis)
    for imageID in byImage.keys.sorted() {
      let types = byImage[imageID] ?? []
      var byMaxPods: [Int32?: [InstanceType]] = [:]
      for type in types {
        let pods = type.capacity.pods
        byMaxPods[perTypeMaxPods && pods > 0 ? Int32(clamping: pods) : nil, default: []].append(type)
      }
      for maxPods in byMaxPods.keys.sorted(by: { ($0 ?? -1) < ($1 ?? -1) }) {
        var b = bootstrap
        b.kubelet = spec.kubelet
        b.userData = spec.userData
        b.instanceStorePolicy = spec.instanceStorePolicy
        if let maxPods { b.maxPods = maxPods }
        let template = LaunchTemplateSpec(
          imageID: imageID, userData: try family.userData(b),
          blockDeviceMappings: spec.blockDeviceMappings ?? family.defaultBlockDeviceMappings,
          metadataOptions: spec.metadataOptions, securityGroupIDs: groups.map(\.id).sorted(),
          instanceProfile: profile,
          detailedMonitoring: spec.detailedMonitoring ?? false,
          associatePublicIPAddress: spec.associatePublicIPAddress,
          tags: tags)
        result.append(
          ResolvedLaunchTemplate(
            spec: template, imageID: imageID, instanceTypes: (byMaxPods[maxPods] ?? []).map(\.name)))
      }
    }
    return result
  }
}

extension AMIAlias {
  /// Why upstream refuses the alias on this Kubernetes version (`1.33`): AL2 ends at 1.32 and
  /// Windows Server 2025 starts at 1.35. Nil when the alias is fine. The message is the
  /// `UnsupportedAlias` reason's of AMIsReady.
  public func unsupportedReason(kubernetesVersion: String) -> String? {
    let parts = kubernetesVersion.split(separator: ".")
    guard parts.count >= 2, let minor = Int(parts[1]) else { return nil }
    if family == .al2 && minor >= 33 {
      return
        "AL2 aliases are no longer supported on EKS 1.33+ (see https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions-standard.html#kubernetes-1-33)"
    }
    if family == .windows2025 && minor < 35 {
      return "Windows Server 2025 requires EKS version 1.35 or higher, current version: \(kubernetesVersion)"
    }
    return nil
  }
}
