import AWSClient
import AWSProvider
import ControllerRuntime
import Controllers
import Foundation
import KubernetesAPI
import KubernetesClient
import KarpenterAPI
import Scheduling

extension AWSCloudProvider {
  /// The error for a claim whose EC2NodeClass is missing or not ready (upstream's
  /// NodeClassNotReady): the pods go back to the provisioner.
  struct NodeClassNotReady: Error, CustomStringConvertible {
    var nodePool: String
    var nodeClass: String?
    var description: String {
      guard let nodeClass else { return "NodePool \(nodePool) does not refer to an EC2NodeClass" }
      return "EC2NodeClass \(nodeClass) of NodePool \(nodePool) is not ready"
    }
  }

  /// Launches the claim with one CreateFleet of type instant over its instance types, each in
  /// the zone's subnet with its launch template; capacity errors mark offerings unavailable.
  public mutating func create(_ claim: PlannedNodeClaim, name: String, at time: Double) async throws -> CloudInstance {
    let (resolvedClass, unavailable, reservations) = state.with { s in
      let className = s.nodeClassOfPool[claim.nodePool]
      return (className.flatMap { s.nodeClasses[$0] }, s.unavailable, className.flatMap { s.reservations[$0] } ?? [])
    }
    guard let resolvedClass, resolvedClass.ready else {
      let cause = NodeClassNotReady(nodePool: claim.nodePool, nodeClass: state.with { $0.nodeClassOfPool[claim.nodePool] })
      throw CloudProviderError.failed(nodeClaim: name, cause: cause)
    }
    let nodeClass = resolvedClass.resolved
    let spec = nodeClass.spec ?? EC2NodeClassSpec()
    var context = FleetPlanner.Context(
      clusterName: settings.clusterName, nodeClassName: nodeClass.name, nodeClassSpec: spec,
      amis: resolvedClass.resolution.amis, launchTemplates: [:],
      zonalSubnets: ZonalSubnets.forLaunch(resolvedClass.resolution.subnets), reservations: reservations,
      unavailable: unavailable)
    let tags = FleetPlanner.tags(claim, nodeClaimName: name, context: context)
    var labels = claim.labels
    for (k, v) in claim.requirements.singleValueLabels { labels[k] = v }
    let bootstrap = NodeBootstrap(
      clusterName: settings.clusterName, clusterEndpoint: cluster.endpoint, caBundle: cluster.caBundle,
      clusterDNSIP: cluster.dnsIP, clusterCIDR: cluster.serviceCIDR, labels: labels,
      taints: claim.taints + claim.startupTaints)
    // The NodeClaim's name goes on the fleet's tags only: in the templates' tags it would change
    // their content hash, so every NodeClaim would make (and leave behind) templates of its own.
    var templateTags = tags
    templateTags[AWSTags.nodeClaim] = nil
    let templates: [ResolvedLaunchTemplate]
    do {
      templates = try LaunchTemplateResolver.resolve(
        nodeClass: nodeClass, instanceTypes: claim.instanceTypes, amis: resolvedClass.resolution.amis,
        bootstrap: bootstrap, tags: templateTags)
      for template in templates {
        try await ensureLaunchTemplate(template.spec)
        for type in template.instanceTypes {
          context.launchTemplatesByInstanceType[type] = (template.spec.name, template.imageID)
        }
      }
    } catch {
      throw CloudProviderError.failed(nodeClaim: name, cause: error)
    }
    let plan: FleetRequestPlan
    do {
      plan = try FleetPlanner.plan(claim, nodeClaimName: name, context: context, at: time)
    } catch let error as FleetPlanError {
      throw error.cloudProviderError(nodeClaim: name, instanceTypes: claim.instanceTypes.count)
    }
    let result: EC2CreateFleetResult
    do {
      result = try await aws.ec2.createFleet(Self.request(plan))
    } catch {
      throw CloudProviderError.failed(nodeClaim: name, cause: error)
    }
    let outcome = FleetOutcome(Self.result(result, plan: plan), plan: plan, nodeClaim: name)
    state.with { s in
      for key in outcome.unavailableOfferings { s.unavailable.markUnavailable(key, at: time) }
      for type in outcome.unavailableCapacityTypes { s.unavailableCapacityTypes[type] = time + UnavailableOfferings.ttl }
    }
    guard let launched = outcome.launched else {
      throw outcome.error ?? CloudProviderError.failed(nodeClaim: name, cause: FleetErrors(["CreateFleet launched nothing"]))
    }
    let type = claim.instanceTypes.first { $0.name == launched.instanceType }
    let offering = type?.offerings.first { $0.zone == launched.zone && $0.capacityType == plan.capacityType }
    logger.info(
      "launched instance",
      metadata: [
        "NodeClaim": "\(name)", "instance": "\(launched.id)", "instance-type": "\(launched.instanceType)",
        "zone": "\(launched.zone)", "capacity-type": "\(plan.capacityType)",
      ])
    return CloudInstance(
      name: name, instanceType: type, offering: offering,
      providerID: "\(Self.providerIDPrefix)\(launched.zone)/\(launched.id)")
  }

  static func request(_ plan: FleetRequestPlan) -> EC2CreateFleetRequest {
    let tags = plan.tags.sorted { $0.key < $1.key }.map { AWSTag(key: $0.key, value: $0.value) }
    let spot = plan.capacityType == WellKnown.capacityTypeSpot
    return EC2CreateFleetRequest(
      launchTemplateConfigs: plan.launchTemplateConfigs.map { config in
        EC2CreateFleetRequest.LaunchTemplateConfig(
          launchTemplateName: config.launchTemplateName,
          overrides: config.overrides.map {
            EC2CreateFleetRequest.Override(
              instanceType: $0.instanceType, subnetID: $0.subnetID, availabilityZone: $0.zone, priority: $0.priority)
          })
      },
      totalTargetCapacity: plan.targetCapacity, defaultTargetCapacityType: plan.defaultTargetCapacityType,
      spotAllocationStrategy: spot ? plan.allocationStrategy?.rawValue : nil,
      onDemandAllocationStrategy: spot ? nil : plan.allocationStrategy?.rawValue,
      tagSpecifications: [
        EC2TagSpecification(resourceType: "instance", tags: tags),
        EC2TagSpecification(resourceType: "volume", tags: tags),
        EC2TagSpecification(resourceType: "fleet", tags: tags),
      ],
      context: plan.context)
  }

  /// The fleet's answer in the planner's terms: the first instance, and each error with the
  /// override it names (the zone from the subnet when EC2 gave only the subnet).
  static func result(_ r: EC2CreateFleetResult, plan: FleetRequestPlan) -> FleetResult {
    let overrides = plan.launchTemplateConfigs.flatMap(\.overrides)
    func zone(_ o: EC2CreateFleetRequest.Override?) -> String {
      if let zone = o?.availabilityZone { return zone }
      return overrides.first { $0.subnetID == o?.subnetID && $0.instanceType == o?.instanceType }?.zone ?? ""
    }
    let errors = r.errors.map {
      FleetError(
        code: $0.errorCode, message: $0.errorMessage, instanceType: $0.overrides?.instanceType ?? "",
        zone: zone($0.overrides), subnetID: $0.overrides?.subnetID)
    }
    guard let first = r.instances.first, let id = first.instanceIDs.first else {
      return FleetResult(instanceID: nil, instanceType: nil, zone: nil, errors: errors)
    }
    let launchedZone = zone(first.overrides).isEmpty
      ? (overrides.first { $0.instanceType == first.instanceType }?.zone ?? "") : zone(first.overrides)
    return FleetResult(instanceID: id, instanceType: first.instanceType, zone: launchedZone, errors: errors)
  }

  // MARK: - Get, list, delete

  /// The running (or stopping) instances of the cluster that carry a NodeClaim tag.
  func clusterInstances(nodeClaim: String? = nil) async throws -> [EC2Instance] {
    var filters = [
      EC2Filter(name: "tag-key", values: [AWSTags.cluster(settings.clusterName)]),
      EC2Filter(name: "instance-state-name", values: ["pending", "running", "stopping", "stopped"]),
    ]
    if let nodeClaim {
      filters.append(EC2Filter(name: "tag:\(AWSTags.nodeClaim)", values: [nodeClaim]))
    } else {
      filters.append(EC2Filter(name: "tag-key", values: [AWSTags.nodeClaim]))
    }
    return try await aws.ec2.describeInstances(filters: filters)
  }

  public mutating func delete(_ name: String) async throws {
    let ids = try await clusterInstances(nodeClaim: name).map(\.instanceID)
    guard !ids.isEmpty else { throw CloudProviderError.nodeClaimNotFound(name) }
    _ = try await aws.ec2.terminateInstances(ids: ids)
    logger.info("terminated instance", metadata: ["NodeClaim": "\(name)", "instance": "\(ids.joined(separator: ","))"])
  }

  public func get(_ name: String) async throws -> CloudInstance {
    guard let instance = try await clusterInstances(nodeClaim: name).first else {
      throw CloudProviderError.nodeClaimNotFound(name)
    }
    return cloudInstance(instance, name: name)
  }

  /// Every instance with a NodeClaim; those whose Node registered get the `Name` tag (the node's
  /// name), as upstream's tagging controller does.
  public func list() async throws -> [CloudInstance] {
    let instances = try await clusterInstances()
    state.with { s in
      s.listedInstances = Dictionary(
        instances.compactMap { i in NodeClassResolver.tags(i.tags)[AWSTags.nodeClaim].map { ($0, i) } },
        uniquingKeysWith: { a, _ in a })
      s.listedAt = Date()
    }
    var result: [CloudInstance] = []
    for instance in instances {
      let tags = NodeClassResolver.tags(instance.tags)
      guard let name = tags[AWSTags.nodeClaim] else { continue }
      if tags[AWSTags.name] == nil, instance.state == "running", let dns = instance.privateDNSName, !dns.isEmpty {
        try? await aws.ec2.createTags(resourceIDs: [instance.instanceID], tags: [AWSTag(key: AWSTags.name, value: dns)])
      }
      result.append(cloudInstance(instance, name: name))
    }
    return result.sorted { $0.name < $1.name }
  }

  func cloudInstance(_ instance: EC2Instance, name: String) -> CloudInstance {
    let capacityType =
      instance.instanceLifecycle == "spot"
      ? WellKnown.capacityTypeSpot
      : instance.capacityReservationID != nil ? WellKnown.capacityTypeReserved : WellKnown.capacityTypeOnDemand
    let pool = NodeClassResolver.tags(instance.tags)[AWSTags.nodePool]
    let type = state.with { $0.instanceTypes.instanceType(named: instance.instanceType, nodePool: pool) }
    let offering = type?.offerings.first { $0.zone == instance.availabilityZone && $0.capacityType == capacityType }
    return CloudInstance(
      name: name, instanceType: type, offering: offering,
      providerID: "\(Self.providerIDPrefix)\(instance.availabilityZone)/\(instance.instanceID)",
      launchedAt: instance.launchTime)
  }

  // MARK: - Drift

  /// Upstream's drift: the class's hash, then the instance's AMI, security groups and subnet
  /// against the class's status.
  public func isDrifted(_ node: StateNode, nodeClass: EC2NodeClass?) async throws -> DriftReason? {
    guard let nodeClass, let resolved = state.with({ $0.nodeClasses[nodeClass.name] }), resolved.ready else { return nil }
    // The garbage-collection sweep's list, when recent, spares a DescribeInstances per node.
    let cached = state.with { s in Date().timeIntervalSince(s.listedAt) < 300 ? s.listedInstances[node.name] : nil }
    let instance: EC2Instance
    if let cached {
      instance = cached
    } else {
      guard let found = try await clusterInstances(nodeClaim: node.name).first else { return nil }
      instance = found
    }
    var annotations = node.annotations
    if let hash = node.nodeClassHash { annotations[AWSTags.nodeClassHash] = hash }
    let launched = LaunchedInstance(
      id: instance.instanceID, instanceType: instance.instanceType, zone: instance.availabilityZone,
      capacityType: node.capacityType ?? WellKnown.capacityTypeOnDemand, imageID: instance.imageID ?? "",
      subnetID: instance.subnetID ?? "", securityGroupIDs: instance.securityGroupIDs,
      capacityReservationID: instance.capacityReservationID)
    let type = state.with { s in
      node.instanceType.flatMap { s.instanceTypes.instanceType(named: $0, nodePool: node.nodePool) }
    }
    guard let type else {
      return DriftCheck.staticFieldsDrift(nodeClaimAnnotations: annotations, nodeClass: resolved.resolved)
    }
    return try DriftCheck.drift(
      instance: launched, instanceType: type, nodeClaimAnnotations: annotations, nodeClass: resolved.resolved)
  }
}
