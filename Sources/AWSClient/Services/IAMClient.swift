import Foundation

/// An instance profile with its roles.
public struct IAMInstanceProfile: Sendable, Hashable {
  public var instanceProfileName: String
  public var instanceProfileID: String
  public var arn: String
  public var path: String
  /// Role names (an instance profile holds at most one).
  public var roles: [String]
  public var tags: [AWSTag]

  public init(
    instanceProfileName: String, instanceProfileID: String, arn: String, path: String, roles: [String] = [],
    tags: [AWSTag] = []
  ) {
    self.instanceProfileName = instanceProfileName
    self.instanceProfileID = instanceProfileID
    self.arn = arn
    self.path = path
    self.roles = roles
    self.tags = tags
  }

  static func parse(_ n: XMLNode) -> IAMInstanceProfile {
    IAMInstanceProfile(
      instanceProfileName: n.string("InstanceProfileName") ?? "",
      instanceProfileID: n.string("InstanceProfileId") ?? "",
      arn: n.string("Arn") ?? "", path: n.string("Path") ?? "/",
      roles: n.list("Roles").compactMap { $0.string("RoleName") },
      tags: n.list("Tags").compactMap { t in
        t.string("Key").map { AWSTag(key: $0, value: t.string("Value") ?? "") }
      })
  }
}

public struct IAMRole: Sendable, Hashable {
  public var roleName: String
  public var roleID: String
  public var arn: String
  public var path: String

  public init(
    roleName: String, roleID: String, arn: String, path: String
  ) {
    self.roleName = roleName
    self.roleID = roleID
    self.arn = arn
    self.path = path
  }
}

/// IAM over the Query protocol (API version 2010-05-08); global, signed for us-east-1.
public struct IAMClient: Sendable {
  public let query: QueryProtocol

  public init(requester: AWSRequester) {
    self.query = QueryProtocol(requester: requester, version: "2010-05-08")
  }

  /// Throws `NoSuchEntity` when the profile does not exist.
  public func getInstanceProfile(name: String) async throws -> IAMInstanceProfile {
    var p = QueryParameters()
    p.set("InstanceProfileName", name)
    let result = try await query.callForResult("GetInstanceProfile", p)
    return IAMInstanceProfile.parse(result["InstanceProfile"] ?? XMLNode(name: "InstanceProfile"))
  }

  @discardableResult
  public func createInstanceProfile(name: String, path: String? = nil, tags: [AWSTag] = []) async throws
    -> IAMInstanceProfile
  {
    var p = QueryParameters()
    p.set("InstanceProfileName", name)
    p.set("Path", path)
    for (i, tag) in tags.enumerated() {
      p.set("Tags.member.\(i + 1).Key", tag.key)
      p.set("Tags.member.\(i + 1).Value", tag.value)
    }
    let result = try await query.callForResult("CreateInstanceProfile", p)
    return IAMInstanceProfile.parse(result["InstanceProfile"] ?? XMLNode(name: "InstanceProfile"))
  }

  public func addRoleToInstanceProfile(profileName: String, roleName: String) async throws {
    var p = QueryParameters()
    p.set("InstanceProfileName", profileName)
    p.set("RoleName", roleName)
    _ = try await query.call("AddRoleToInstanceProfile", p)
  }

  public func removeRoleFromInstanceProfile(profileName: String, roleName: String) async throws {
    var p = QueryParameters()
    p.set("InstanceProfileName", profileName)
    p.set("RoleName", roleName)
    _ = try await query.call("RemoveRoleFromInstanceProfile", p)
  }

  public func deleteInstanceProfile(name: String) async throws {
    var p = QueryParameters()
    p.set("InstanceProfileName", name)
    _ = try await query.call("DeleteInstanceProfile", p)
  }

  /// Profiles under `pathPrefix`, following `Marker` pages.
  public func listInstanceProfiles(pathPrefix: String? = nil, maxItems: Int? = nil) async throws
    -> [IAMInstanceProfile]
  {
    try await collectPages { marker in
      var p = QueryParameters()
      p.set("PathPrefix", pathPrefix)
      p.set("MaxItems", maxItems)
      p.set("Marker", marker)
      let result = try await query.callForResult("ListInstanceProfiles", p)
      let truncated = result.bool("IsTruncated") ?? false
      return (
        result.list("InstanceProfiles").map(IAMInstanceProfile.parse),
        truncated ? result.string("Marker") : nil
      )
    }
  }

  public func getRole(name: String) async throws -> IAMRole {
    var p = QueryParameters()
    p.set("RoleName", name)
    let result = try await query.callForResult("GetRole", p)
    return Self.role(result["Role"])
  }

  /// Creates a role with a trust policy (tests use it).
  @discardableResult
  public func createRole(name: String, assumeRolePolicyDocument: String, path: String? = nil) async throws
    -> IAMRole
  {
    var p = QueryParameters()
    p.set("RoleName", name)
    p.set("AssumeRolePolicyDocument", assumeRolePolicyDocument)
    p.set("Path", path)
    let result = try await query.callForResult("CreateRole", p)
    return Self.role(result["Role"])
  }

  static func role(_ n: XMLNode?) -> IAMRole {
    IAMRole(
      roleName: n?.string("RoleName") ?? "", roleID: n?.string("RoleId") ?? "", arn: n?.string("Arn") ?? "",
      path: n?.string("Path") ?? "/")
  }
}
