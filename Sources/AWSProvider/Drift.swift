import Controllers
import KarpenterAPI
import KubernetesAPI
import Scheduling

extension DriftReason {
  /// The instance runs an image the class would no longer launch for its type.
  public static let amiDrift = DriftReason(rawValue: "AMIDrift")
  /// The instance is in a subnet the class no longer selects.
  public static let subnetDrift = DriftReason(rawValue: "SubnetDrift")
  /// The instance's security groups differ from those the class selects.
  public static let securityGroupDrift = DriftReason(rawValue: "SecurityGroupDrift")
  /// The instance runs in a reservation the class no longer selects.
  public static let capacityReservationDrift = DriftReason(rawValue: "CapacityReservationDrift")
}

/// Why drift could not be judged (the class's status lacks what the comparison needs), as
/// upstream's drift check returns an error rather than guessing.
public struct DriftCheckError: Error, Hashable, CustomStringConvertible {
  public var description: String
}

/// Upstream's `isNodeClassDrifted` (`pkg/cloudprovider/drift.go`), over values.
public enum DriftCheck {
  /// The first reason the instance drifted, in upstream's order: the class's hash (static
  /// fields), the image, then security groups, subnet and capacity reservation.
  ///
  /// - Parameters:
  ///   - nodeClaimAnnotations: the NodeClaim's, carrying the hash it was launched with.
  ///   - instanceType: the NodeClaim's type as the provider sells it now (for the AMI check).
  public static func drift(
    instance: LaunchedInstance, instanceType: InstanceType, nodeClaimAnnotations: [String: String],
    nodeClass: EC2NodeClass
  ) throws -> DriftReason? {
    if let reason = staticFieldsDrift(nodeClaimAnnotations: nodeClaimAnnotations, nodeClass: nodeClass) {
      return reason
    }
    let status = nodeClass.status
    let amis = status?.amis ?? []
    if amis.isEmpty { throw DriftCheckError(description: "no AMIs are in the EC2NodeClass's status") }
    let resolved = amis.map {
      ResolvedAMI(
        id: $0.id, name: $0.name ?? "", creationDate: "", deprecated: $0.deprecated ?? false,
        requirements: Requirements(nodeSelectorRequirements: $0.requirements ?? []))
    }
    if AMIResolver.image(for: instanceType, amis: resolved)?.id != instance.imageID { return .amiDrift }

    let groups = Set((status?.securityGroups ?? []).map(\.id))
    if groups.isEmpty {
      throw DriftCheckError(description: "no security groups are in the EC2NodeClass's status")
    }
    if groups != Set(instance.securityGroupIDs) { return .securityGroupDrift }

    let subnets = status?.subnets ?? []
    if subnets.isEmpty { throw DriftCheckError(description: "no subnets are in the EC2NodeClass's status") }
    if !subnets.contains(where: { $0.id == instance.subnetID }) { return .subnetDrift }

    if let reservation = instance.capacityReservationID,
      !(status?.capacityReservations ?? []).contains(where: { $0.id == reservation })
    {
      return .capacityReservationDrift
    }
    return nil
  }

  /// NodeClassDrift when both the class and the NodeClaim carry a hash of the same version and
  /// the hashes differ; nothing when either lacks one or the versions differ (the hash
  /// controller re-stamps NodeClaims after a version change).
  public static func staticFieldsDrift(nodeClaimAnnotations: [String: String], nodeClass: EC2NodeClass)
    -> DriftReason?
  {
    let classAnnotations = nodeClass.metadata.annotations ?? [:]
    guard let classHash = classAnnotations[AWSTags.nodeClassHash],
      let classVersion = classAnnotations[AWSTags.nodeClassHashVersion],
      let claimHash = nodeClaimAnnotations[AWSTags.nodeClassHash],
      let claimVersion = nodeClaimAnnotations[AWSTags.nodeClassHashVersion],
      classVersion == claimVersion
    else { return nil }
    return classHash != claimHash ? .nodeClassDrift : nil
  }
}
