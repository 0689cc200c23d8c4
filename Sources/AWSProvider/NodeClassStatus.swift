import KarpenterAPI
import KubernetesAPI

/// The condition types of an EC2NodeClass's status (upstream's `ConditionType*`); `Ready` is
/// the root, true when every other one is.
public enum NodeClassCondition: String, Sendable, Hashable, CaseIterable {
  case amisReady = "AMIsReady"
  case subnetsReady = "SubnetsReady"
  case securityGroupsReady = "SecurityGroupsReady"
  case instanceProfileReady = "InstanceProfileReady"
  case validationSucceeded = "ValidationSucceeded"
  case ready = "Ready"
}

/// What validation concluded (upstream's validation reconciler, whose dry-run authorization
/// checks the integration performs).
public enum NodeClassValidation: Sendable, Hashable {
  case succeeded
  /// E.g. `CreateFleetAuthCheckFailed`, "Controller isn't authorized to call ec2:CreateFleet".
  case failed(reason: String, message: String)
}

/// What the EC2NodeClass's selectors resolved to, the input of its status.
public struct NodeClassResolution: Sendable, Hashable {
  public var subnets: [Subnet]
  public var securityGroups: [SecurityGroup]
  public var amis: [ResolvedAMI]
  /// Why the AMIs could not be resolved at all (an unsupported alias), when that is the case.
  public var amiError: String?
  /// The profile name, resolved or created; nil when it could not be.
  public var instanceProfile: String?
  public var capacityReservations: [CapacityReservation]
  public var validation: NodeClassValidation

  public init(
    subnets: [Subnet], securityGroups: [SecurityGroup], amis: [ResolvedAMI], amiError: String? = nil,
    instanceProfile: String?, capacityReservations: [CapacityReservation] = [],
    validation: NodeClassValidation = .succeeded
  ) {
    self.subnets = subnets
    self.securityGroups = securityGroups
    self.amis = amis
    self.amiError = amiError
    self.instanceProfile = instanceProfile
    self.capacityReservations = capacityReservations
    self.validation = validation
  }
}

/// Upstream's EC2NodeClass status reconcilers (`pkg/controllers/nodeclass`) as one function.
public enum NodeClassStatusBuilder {
  static let dependentsMessage = "Awaiting AMI, Instance Profile, Security Group, and Subnet resolution"

  /// The status for `spec` given what its selectors resolved to. Conditions keep their
  /// `lastTransitionTime` from `previous` while their status does not change; a changed one
  /// takes `now` (RFC 3339, passed in).
  public static func status(
    _ spec: EC2NodeClassSpec, resolution r: NodeClassResolution, previous: EC2NodeClassStatus?, now: String
  ) -> EC2NodeClassStatus {
    var status = EC2NodeClassStatus()
    var conditions: [NodeClassCondition: (Bool, String?, String?)] = [:]

    if r.subnets.isEmpty {
      conditions[.subnetsReady] = (false, "SubnetsNotFound", "SubnetSelector did not match any Subnets")
    } else {
      // Most free addresses first, then by id.
      status.subnets = r.subnets.sorted {
        ($0.availableIPAddressCount, $1.id) > ($1.availableIPAddressCount, $0.id)
      }.map { SubnetStatus(id: $0.id, zone: $0.zone, zoneID: $0.zoneID) }
      conditions[.subnetsReady] = (true, nil, nil)
    }

    if r.securityGroups.isEmpty && !(spec.securityGroupSelectorTerms ?? []).isEmpty {
      conditions[.securityGroupsReady] = (
        false, "SecurityGroupsNotFound", "SecurityGroupSelector did not match any SecurityGroups"
      )
    } else {
      status.securityGroups = r.securityGroups.sorted { $0.id < $1.id }.map {
        SecurityGroupStatus(id: $0.id, name: $0.name)
      }
      conditions[.securityGroupsReady] = (true, nil, nil)
    }

    if let error = r.amiError {
      conditions[.amisReady] = (false, "UnsupportedAlias", error)
    } else if r.amis.isEmpty {
      conditions[.amisReady] = (false, "AMINotFound", "AMISelector did not match any AMIs")
    } else {
      status.amis = AMIResolver.sorted(r.amis).map {
        AMIStatus(
          id: $0.id, name: $0.name, deprecated: $0.deprecated ? true : nil,
          requirements: $0.nodeSelectorRequirements)
      }
      conditions[.amisReady] = (true, nil, nil)
    }

    if !r.capacityReservations.isEmpty {
      status.capacityReservations = r.capacityReservations.sorted { $0.id < $1.id }.map {
        CapacityReservationStatus(
          availabilityZone: $0.zone, id: $0.id, instanceMatchCriteria: $0.instanceMatchCriteria,
          instanceType: $0.instanceType, ownerID: $0.ownerID, reservationType: $0.reservationType.rawValue,
          state: $0.state.rawValue, interruptible: $0.interruptible)
      }
    }

    if let profile = r.instanceProfile {
      status.instanceProfile = profile
      conditions[.instanceProfileReady] = (true, nil, nil)
    } else {
      conditions[.instanceProfileReady] = (
        false, "InstanceProfileNotFound", "Failed to resolve the instance profile"
      )
    }

    let dependents: [NodeClassCondition] = [
      .amisReady, .subnetsReady, .securityGroupsReady, .instanceProfileReady,
    ]
    if dependents.contains(where: { conditions[$0]?.0 == false }) {
      conditions[.validationSucceeded] = (false, "DependenciesNotReady", dependentsMessage)
    } else {
      switch r.validation {
      case .succeeded: conditions[.validationSucceeded] = (true, nil, nil)
      case .failed(let reason, let message): conditions[.validationSucceeded] = (false, reason, message)
      }
    }

    let unhealthy = NodeClassCondition.allCases.filter { $0 != .ready && conditions[$0]?.0 == false }
    if unhealthy.isEmpty {
      conditions[.ready] = (true, nil, nil)
    } else {
      conditions[.ready] = (
        false, "UnhealthyDependents", unhealthy.map { "\($0.rawValue)=False" }.joined(separator: ", ")
      )
    }

    status.conditions = NodeClassCondition.allCases.compactMap { type in
      guard let (ok, reason, message) = conditions[type] else { return nil }
      let statusText = ok ? "True" : "False"
      let earlier = previous?.conditions?.first { $0.type == type.rawValue }
      let since = earlier?.status == statusText ? (earlier?.lastTransitionTime ?? now) : now
      return Condition(
        type: type.rawValue, status: statusText, reason: reason ?? type.rawValue, message: message ?? "",
        lastTransitionTime: since)
    }
    return status
  }

  /// Whether the status says the class is ready to launch from.
  public static func isReady(_ status: EC2NodeClassStatus?) -> Bool {
    status?.conditions?.first { $0.type == NodeClassCondition.ready.rawValue }?.status == "True"
  }
}
