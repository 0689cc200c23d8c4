import AWSClient
import AWSProvider
import Foundation
import KarpenterAPI
import Logging

/// Upstream's EC2NodeClass status controller, one class at a time: its subnets, security groups
/// and AMIs by selector terms (AMI aliases through the SSM parameters), its instance profile
/// (created from `role`, with the role added), and the status those make.
struct NodeClassResolver: Sendable {
  let aws: AWSClients
  let clusterName: String
  let logger: Logger

  /// What the class resolved to now. Failed calls leave their part empty, which the status
  /// reports (SubnetsNotFound and the like) with the error in the log.
  func resolve(
    _ nodeClass: EC2NodeClass, accountID: String, kubernetesVersion: String?, now: Date
  ) async -> NodeClassResolution {
    let spec = nodeClass.spec ?? EC2NodeClassSpec()
    let subnets = await attempt("describing subnets", nodeClass) { try await resolveSubnets(spec) } ?? []
    let groups = await attempt("describing security groups", nodeClass) { try await resolveSecurityGroups(spec) } ?? []
    var amiError: String?
    var amis: [ResolvedAMI] = []
    do {
      amis = try await resolveAMIs(spec, accountID: accountID, kubernetesVersion: kubernetesVersion, now: now)
    } catch let error as AMIResolutionError {
      amiError = error.description
    } catch {
      logger.error("resolving AMIs failed", metadata: ["EC2NodeClass": "\(nodeClass.name)", "error": "\(error)"])
    }
    let profile = await attempt("resolving the instance profile", nodeClass) { try await instanceProfile(nodeClass) }
    let reservations =
      await attempt("describing capacity reservations", nodeClass) { try await resolveCapacityReservations(spec) } ?? []
    return NodeClassResolution(
      subnets: subnets, securityGroups: groups, amis: amis, amiError: amiError, instanceProfile: profile ?? nil,
      capacityReservations: reservations)
  }

  /// The active (or expiring) reservations the class's terms select: the `reserved` offerings.
  func resolveCapacityReservations(_ spec: EC2NodeClassSpec) async throws -> [CapacityReservation] {
    let terms = spec.capacityReservationSelectorTerms ?? []
    guard !terms.isEmpty else { return [] }
    let ids = terms.compactMap(\.id)
    let all = try await aws.ec2.describeCapacityReservations(
      ids: ids.count == terms.count ? ids : [],
      filters: [EC2Filter(name: "state", values: ["active", "expiring"])])
    let reservations = all.compactMap { r -> CapacityReservation? in
      guard let state = CapacityReservation.State(rawValue: r.state) else { return nil }
      return CapacityReservation(
        id: r.capacityReservationID, instanceType: r.instanceType, zone: r.availabilityZone,
        ownerID: r.ownerID ?? "", availableInstanceCount: r.availableInstanceCount,
        instanceMatchCriteria: r.instanceMatchCriteria ?? "open", state: state, tags: Self.tags(r.tags))
    }
    return SelectorTerms.capacityReservations(reservations, matching: terms)
  }

  private func attempt<T>(_ what: String, _ nodeClass: EC2NodeClass, _ body: () async throws -> T) async -> T? {
    do {
      return try await body()
    } catch {
      logger.error("\(what) failed", metadata: ["EC2NodeClass": "\(nodeClass.name)", "error": "\(error)"])
      return nil
    }
  }

  func resolveSubnets(_ spec: EC2NodeClassSpec) async throws -> [Subnet] {
    let terms = spec.subnetSelectorTerms ?? []
    guard !terms.isEmpty else { return [] }
    let all = try await aws.ec2.describeSubnets(filters: Self.filters(terms.map { ($0.id, $0.tags, nil) }, idFilter: "subnet-id"))
    let subnets = all.map {
      Subnet(
        id: $0.subnetID, zone: $0.availabilityZone, zoneID: $0.availabilityZoneID ?? "",
        availableIPAddressCount: $0.availableIPAddressCount, tags: Self.tags($0.tags))
    }
    return SelectorTerms.subnets(subnets, matching: terms)
  }

  func resolveSecurityGroups(_ spec: EC2NodeClassSpec) async throws -> [SecurityGroup] {
    let terms = spec.securityGroupSelectorTerms ?? []
    guard !terms.isEmpty else { return [] }
    let all = try await aws.ec2.describeSecurityGroups(
      filters: Self.filters(terms.map { ($0.id, $0.tags, $0.name) }, idFilter: "group-id", nameFilter: "group-name"))
    let groups = all.map { SecurityGroup(id: $0.groupID, name: $0.groupName, tags: Self.tags($0.tags)) }
    return SelectorTerms.securityGroups(groups, matching: terms)
  }

  /// One filter set when every term has the same shape (all ids, or one tag set), else none
  /// (every resource is listed and the terms are matched here, as they are anyway).
  static func filters(
    _ terms: [(id: String?, tags: [String: String]?, name: String?)], idFilter: String, nameFilter: String? = nil
  ) -> [EC2Filter] {
    let ids = terms.compactMap(\.id)
    if ids.count == terms.count { return [EC2Filter(name: idFilter, values: ids)] }
    if terms.count == 1, let tags = terms[0].tags, terms[0].id == nil, terms[0].name == nil {
      return tags.sorted { $0.key < $1.key }.map { key, value in
        value == "*" ? EC2Filter(name: "tag-key", values: [key]) : EC2Filter(name: "tag:\(key)", values: [value])
      }
    }
    return []
  }

  struct AMIResolutionError: Error, CustomStringConvertible {
    var description: String
  }

  func resolveAMIs(
    _ spec: EC2NodeClassSpec, accountID: String, kubernetesVersion: String?, now: Date
  ) async throws -> [ResolvedAMI] {
    let terms = spec.amiSelectorTerms ?? []
    if let aliasText = terms.first(where: { $0.alias != nil })?.alias {
      guard let alias = AMIAlias(aliasText) else {
        throw AMIResolutionError(description: "amiSelectorTerms alias \(aliasText) is not family@version")
      }
      guard let version = kubernetesVersion else {
        throw AMIResolutionError(
          description: "the cluster's Kubernetes version is unknown (EKS DescribeCluster did not answer), so alias \(aliasText) cannot be resolved")
      }
      if let reason = alias.unsupportedReason(kubernetesVersion: version) {
        throw AMIResolutionError(description: reason)
      }
      var aliasImages: [String: AMIParameter] = [:]
      for parameter in alias.family.ssmParameters(kubernetesVersion: version, amiVersion: alias.version) {
        // A parameter the region lacks (no GPU variant there) is skipped, as upstream does.
        guard let value = try? await aws.ssm.getParameter(name: parameter.name).value else { continue }
        // One image may serve several variants (the parameters name the same AMI).
        if var known = aliasImages[value] {
          known.variants += parameter.variants.filter { !known.variants.contains($0) }
          aliasImages[value] = known
        } else {
          aliasImages[value] = parameter
        }
      }
      guard !aliasImages.isEmpty else { return [] }
      let images = try await aws.ec2.describeImages(ids: aliasImages.keys.sorted())
      return AMIResolver.resolve(
        spec, images: images.map(Self.image), accountID: accountID, aliasImages: aliasImages, now: now)
    }
    var images: [EC2Image] = []
    var ssmImageIDs: [String: String] = [:]
    for term in terms {
      if let parameter = term.ssmParameter, !parameter.isEmpty {
        let id = try await aws.ssm.getParameter(name: parameter).value
        ssmImageIDs[parameter] = id
        images += try await aws.ec2.describeImages(ids: [id])
        continue
      }
      if let id = term.id {
        images += try await aws.ec2.describeImages(ids: [id])
        continue
      }
      var filters: [EC2Filter] = []
      if let name = term.name { filters.append(EC2Filter(name: "name", values: [name])) }
      for (key, value) in (term.tags ?? [:]).sorted(by: { $0.key < $1.key }) {
        filters.append(value == "*" ? EC2Filter(name: "tag-key", values: [key]) : EC2Filter(name: "tag:\(key)", values: [value]))
      }
      let owners = term.owner.map { [$0] } ?? (term.name != nil ? ["self", "amazon"] : [])
      images += try await aws.ec2.describeImages(owners: owners, filters: filters)
    }
    var seen = Set<String>()
    let unique = images.filter { seen.insert($0.imageID).inserted }
    return AMIResolver.resolve(
      spec, images: unique.map(Self.image), accountID: accountID, ssmImageIDs: ssmImageIDs, now: now)
  }

  static func image(_ i: EC2Image) -> Image {
    Image(
      id: i.imageID, name: i.name, ownerID: i.ownerID, architecture: i.architecture,
      creationDate: i.creationDate ?? "", deprecationTime: i.deprecationTime, tags: tags(i.tags))
  }

  static func tags(_ tags: [AWSTag]) -> [String: String] {
    Dictionary(tags.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
  }

  /// The class's instance profile: the named one, or the one made for its role (created, and the
  /// role put in it, when missing).
  func instanceProfile(_ nodeClass: EC2NodeClass) async throws -> String? {
    let spec = nodeClass.spec ?? EC2NodeClassSpec()
    if let named = spec.instanceProfile, !named.isEmpty {
      _ = try await aws.iam.getInstanceProfile(name: named)
      return named
    }
    guard let role = spec.role, !role.isEmpty else { return nil }
    let uid = nodeClass.metadata.uid ?? nodeClass.name
    let name = InstanceProfileNaming.name(
      clusterName: clusterName, region: aws.region, nodeClassName: nodeClass.name, uniqueSuffix: uid)
    let roleName = role.split(separator: "/").last.map(String.init) ?? role
    var profile: IAMInstanceProfile
    do {
      profile = try await aws.iam.getInstanceProfile(name: name)
    } catch let error as AWSError where error.code == "NoSuchEntity" {
      let tags = InstanceProfileNaming.tags(
        clusterName: clusterName, region: aws.region, nodeClassName: nodeClass.name, specTags: spec.tags)
      profile = try await aws.iam.createInstanceProfile(
        name: name, path: InstanceProfileNaming.path(region: aws.region, clusterName: clusterName, nodeClassUID: uid),
        tags: tags.sorted { $0.key < $1.key }.map { AWSTag(key: $0.key, value: $0.value) })
      logger.info("created instance profile", metadata: ["EC2NodeClass": "\(nodeClass.name)", "instance-profile": "\(name)"])
    }
    for other in profile.roles where other != roleName {
      try await aws.iam.removeRoleFromInstanceProfile(profileName: name, roleName: other)
    }
    if !profile.roles.contains(roleName) {
      try await aws.iam.addRoleToInstanceProfile(profileName: name, roleName: roleName)
    }
    return name
  }

  /// Deletes the instance profiles this cluster made for EC2NodeClasses that are gone (their
  /// uid no longer among `liveUIDs`), removing their roles first.
  func collectInstanceProfiles(liveUIDs: Set<String>) async {
    let prefix = "/karpenter/\(aws.region)/\(clusterName)/"
    guard let profiles = try? await aws.iam.listInstanceProfiles(pathPrefix: prefix) else { return }
    // The prefix is checked here too: a server that ignores PathPrefix (moto does) would
    // otherwise hand over other clusters' profiles, whose path would then be misread as a uid.
    for profile in profiles where profile.path.hasPrefix(prefix) {
      let uid = profile.path.dropFirst(prefix.count).split(separator: "/").first.map(String.init) ?? ""
      guard !uid.isEmpty, !liveUIDs.contains(uid) else { continue }
      do {
        for role in profile.roles {
          try await aws.iam.removeRoleFromInstanceProfile(profileName: profile.instanceProfileName, roleName: role)
        }
        try await aws.iam.deleteInstanceProfile(name: profile.instanceProfileName)
        logger.info("deleted instance profile", metadata: ["instance-profile": "\(profile.instanceProfileName)"])
      } catch {
        logger.error("deleting instance profile failed", metadata: ["instance-profile": "\(profile.instanceProfileName)", "error": "\(error)"])
      }
    }
  }
}
