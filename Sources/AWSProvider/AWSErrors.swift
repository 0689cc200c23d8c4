/// Upstream's classification of EC2 error codes (`pkg/errors/errors.go`), over plain codes and
/// messages so that any client's errors can be judged.
public enum AWSErrorCode {
  public static let launchTemplateNameNotFound = "InvalidLaunchTemplateName.NotFoundException"
  public static let serviceLinkedRoleCreationNotPermitted =
    "AuthFailure.ServiceLinkedRoleCreationNotPermitted"
  public static let insufficientFreeAddressesInSubnet = "InsufficientFreeAddressesInSubnet"
  public static let reservationCapacityExceeded = "ReservationCapacityExceeded"
  public static let rateLimited = "RequestLimitExceeded"
  public static let unauthorizedOperation = "UnauthorizedOperation"
  public static let dryRunOperation = "DryRunOperation"

  static let notFound: Set<String> = [
    "InvalidCapacityReservationId.NotFound", "InvalidInstanceID.NotFound", launchTemplateNameNotFound,
    "InvalidLaunchTemplateId.NotFound", "QueueDoesNotExist", "NoSuchEntity", "ParameterNotFound",
  ]

  static let unfulfillableCapacity: Set<String> = [
    "InsufficientInstanceCapacity", "MaxSpotInstanceCountExceeded", "VcpuLimitExceeded",
    "UnfulfillableCapacity", "Unsupported", insufficientFreeAddressesInSubnet, "MaxFleetCountExceeded",
    reservationCapacityExceeded,
  ]

  /// The resource is gone (an instance, template, parameter, queue or IAM entity).
  public static func isNotFound(_ code: String) -> Bool { notFound.contains(code) }
  public static func isAlreadyExists(_ code: String) -> Bool { code == "EntityAlreadyExists" }
  /// The offering had no capacity for this launch: mark it unavailable and try elsewhere.
  public static func isUnfulfillableCapacity(_ code: String) -> Bool { unfulfillableCapacity.contains(code) }
  /// Spot cannot be used until someone creates the spot service-linked role.
  public static func isServiceLinkedRoleCreationNotPermitted(_ code: String) -> Bool {
    code == serviceLinkedRoleCreationNotPermitted
  }
  /// The cached launch template was deleted behind Karpenter's back: forget it and retry once.
  public static func isLaunchTemplateNotFound(_ code: String) -> Bool { code == launchTemplateNameNotFound }
  public static func isInsufficientFreeAddressesInSubnet(_ code: String) -> Bool {
    code == insufficientFreeAddressesInSubnet
  }
  public static func isReservationCapacityExceeded(_ code: String) -> Bool {
    code == reservationCapacityExceeded
  }
  public static func isInstanceProfileNotFound(code: String, message: String) -> Bool {
    code == "InvalidParameterValue" && message.contains("Invalid IAM Instance Profile name")
  }

  /// Upstream's `ToReasonMessage`: the reason and message a NodeClaim's Launched condition
  /// shows for an error's text.
  public static func reasonMessage(_ text: String) -> (reason: String, message: String) {
    if text.contains(serviceLinkedRoleCreationNotPermitted) {
      return (
        "SpotSLRCreationFailed",
        "User does not have sufficient permission to create the Spot ServiceLinkedRole to launch spot instances"
      )
    }
    if text.contains("UnauthorizedOperation") || text.contains("AccessDenied") || text.contains("AuthFailure")
    {
      if text.contains("with an explicit deny in a permissions boundary") {
        return (
          "Unauthorized", "User is not authorized to perform this operation due to a permission boundary"
        )
      }
      if text.contains("with an explicit deny in a service control policy") {
        return (
          "Unauthorized", "User is not authorized to perform this operation due to a service control policy"
        )
      }
      if text.contains("Not authorized for images") {
        return ("AMIAuthorizationFailure", "User is not authorized for AMI used in instance launch")
      }
      return (
        "Unauthorized",
        "User is not authorized to perform this operation because no identity-based policy allows it"
      )
    }
    let table: [(String, String, String)] = [
      (
        "iamInstanceProfile.name is invalid", "InstanceProfileNameInvalid",
        "Instance profile name used from EC2NodeClass status does not exist"
      ),
      (
        "InvalidLaunchTemplateId.NotFound", "LaunchTemplateNotFound",
        "Launch template used for instance launch wasn't found"
      ),
      (
        "User data is limited to", "UserDataSizeLimitExceeded",
        "Rendered user data exceeds the EC2 user data size limit"
      ),
      ("InvalidAMIID.Malformed", "InvalidAMIID", "AMI used for instance launch is invalid"),
      (
        "InvalidAMIID.NotFound", "AMINotFound",
        "AMI used for instance launch either does not exist or you don't have permissions to use it"
      ),
      ("RequestLimitExceeded", "RequestLimitExceeded", "Request limit exceeded"),
      ("InternalError", "InternalError", "An internal error has occurred"),
      (
        "not eligible for Free Tier", "FreeTierIneligible",
        "The specified instance type is not eligible for Free Tier"
      ),
      (
        "MaxFleetCountExceeded", "FleetQuotaExceeded",
        "A fleet launch was requested but this would exceed your fleet request quota"
      ),
      (
        "PendingVerification", "AccountPendingVerification",
        "An instance launch was requested but the request for launching resources in this region is still being verified"
      ),
      (
        "MaxSpotInstanceCountExceeded", "SpotQuotaExceeded",
        "A spot instance launch was requested but this would exceed your spot instance quota"
      ),
      (
        "VcpuLimitExceeded", "VCPULimitExceeded",
        "An instance was requested that would exceed your VCPU quota"
      ),
      (
        "InsufficientFreeAddressesInSubnet", "InsufficientFreeAddressesInSubnet",
        "There are not enough free IP addresses to launch an instance in this subnet"
      ),
    ]
    if text.contains("InvalidParameter") && text.contains("belong to different networks") {
      return ("SecurityGroupSubnetVPCMismatch", "Security groups and subnets must be in the same VPC.")
    }
    for (needle, reason, message) in table where text.contains(needle) { return (reason, message) }
    return ("LaunchFailed", "Instance launch failed")
  }
}
