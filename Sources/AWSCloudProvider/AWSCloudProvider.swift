import AWSClient
import AWSProvider
import ControllerRuntime
import Controllers
import Foundation
import KubernetesAPI
import KubernetesClient
import KarpenterAPI
import Logging
import Scheduling

/// Upstream's AWS cloud provider (aws/karpenter-provider-aws) on this project's clients:
/// instance types and prices from EC2 and Pricing, EC2NodeClasses resolved and their status
/// written, launch templates by content hash, CreateFleet launches, instances found by their
/// `karpenter.sh/nodeclaim` tag, drift, and the interruption queue.
///
/// A value whose state lives in a shared ``AWSProviderState``: copies (the executor's, the
/// interruption watcher's) see the same catalog, classes and unavailable offerings.
public struct AWSCloudProvider: LiveCloudProvider {
  public let name = "aws"
  public static let providerIDPrefix = "aws:///"
  let aws: AWSClients
  let settings: AWSProviderSettings
  let api: any ClusterAPI
  let logger: Logger
  let state = AWSProviderState()
  let cluster: ClusterAccess
  /// How long the catalog (types, offerings, prices) stands before it is asked again.
  let catalogPeriod: TimeInterval
  /// How long an EC2NodeClass's resolution stands before it is resolved again.
  let nodeClassPeriod: TimeInterval

  /// How nodes reach the API server: what their user data says.
  public struct ClusterAccess: Sendable {
    public var endpoint: String
    public var caBundle: String?
    public var dnsIP: String?
    public var serviceCIDR: String?
    public var kubernetesVersion: String?
  }

  public var readsNodeClasses: Bool { true }
  public var refreshPeriod: Double? { 30 }
  /// Upstream's garbage collection period: one DescribeInstances sweep every two minutes.
  public var garbageCollectionPeriod: Double? { GarbageCollector.period }

  /// The provider, with the cluster's endpoint and CA from the settings or else from EKS
  /// DescribeCluster (which also gives the Kubernetes version the AMI aliases need).
  public static func start(
    aws: AWSClients, settings: AWSProviderSettings, api: any ClusterAPI, logger: Logger,
    catalogPeriod: TimeInterval = 3600, nodeClassPeriod: TimeInterval = 60
  ) async throws -> AWSCloudProvider {
    var access = ClusterAccess(endpoint: settings.clusterEndpoint ?? "", caBundle: settings.clusterCABundle)
    if settings.eksControlPlane {
      do {
        let eks = try await aws.eks.describeCluster(name: settings.clusterName)
        if access.endpoint.isEmpty { access.endpoint = eks.endpoint ?? "" }
        if access.caBundle == nil { access.caBundle = eks.certificateAuthorityData }
        access.serviceCIDR = eks.serviceIPv4CIDR
        access.kubernetesVersion = eks.version
      } catch where settings.clusterEndpoint != nil {
        logger.warning("EKS DescribeCluster failed; AMI aliases need the cluster's version", metadata: ["error": "\(error)"])
      }
    }
    guard !access.endpoint.isEmpty else {
      throw AWSProviderSettings.Problem(
        description: "CLUSTER_ENDPOINT is unset and EKS DescribeCluster for \(settings.clusterName) gave no endpoint")
    }
    let provider = AWSCloudProvider(
      aws: aws, settings: settings, api: api, logger: logger, cluster: access, catalogPeriod: catalogPeriod,
      nodeClassPeriod: nodeClassPeriod)
    let identity = try await aws.sts.getCallerIdentity()
    provider.state.with {
      $0.accountID = identity.account
      $0.kubernetesVersion = access.kubernetesVersion
    }
    return provider
  }

  // MARK: - Instance types

  public mutating func instanceTypes(
    nodePools: [NodePool], nodeClasses: [String: EC2NodeClass], schema: inout ResourceSchema, at time: Double
  ) async -> InstanceTypes {
    let now = Date()
    let catalogAge = state.with { now.timeIntervalSince($0.catalog.fetchedAt) }
    if catalogAge >= catalogPeriod {
      let previous = state.with { $0.catalog }
      let catalog = await AWSCatalog.fetch(
        ec2: aws.ec2, pricing: aws.pricing, region: aws.region, isolatedVPC: settings.isolatedVPC,
        previous: previous, logger: logger, now: now)
      state.with { $0.catalog = catalog }
    }
    await resolveNodeClasses(nodeClasses, now: now)
    var all: [InstanceType] = []
    var indices: [String: [Int]] = [:]
    var byClass: [String: [Int]] = [:]
    var reservations: [String: [ReservedCapacity]] = [:]
    let contents = state.with { $0 }
    var pools: [String: String] = [:]
    for pool in nodePools {
      let ref = pool.spec?.template?.spec?.nodeClassRef
      guard let className = ref?.name, ref?.kind == nil || ref?.kind == EC2NodeClass.kind else {
        indices[pool.name] = []
        continue
      }
      pools[pool.name] = className
      if let known = byClass[className] {
        indices[pool.name] = known
        continue
      }
      guard let resolved = contents.nodeClasses[className], resolved.ready else {
        indices[pool.name] = []
        byClass[className] = []
        continue
      }
      let spec = resolved.resolved.spec ?? EC2NodeClassSpec()
      do {
        let list = try InstanceTypeProvider.list(
          facts: contents.catalog.facts, offeringZones: contents.catalog.offeringZones,
          prices: contents.catalog.prices, capacityReservations: resolved.resolution.capacityReservations,
          nodeClass: spec,
          subnetZones: Set(resolved.resolution.subnets.map(\.zone)), region: aws.region,
          vmMemoryOverheadPercent: settings.vmMemoryOverheadPercent, reservedENIs: settings.reservedENIs,
          unavailable: contents.unavailable,
          unavailableCapacityTypes: Set(contents.unavailableCapacityTypes.filter { $0.value > time }.keys),
          at: time, schema: &schema)
        let start = all.count
        all += list.instanceTypes
        reservations[className] = list.reservations
        byClass[className] = Array(start..<all.count)
      } catch {
        logger.error("building instance types failed", metadata: ["EC2NodeClass": "\(className)", "error": "\(error)"])
        byClass[className] = []
      }
      indices[pool.name] = byClass[className]
    }
    let types = InstanceTypes(all: all, indicesByNodePool: indices)
    state.with {
      $0.nodeClassOfPool = pools
      $0.instanceTypes = types
      $0.reservations = reservations
    }
    return types
  }

  /// The instance types last built for the NodePool (upstream's `GetInstanceTypes`).
  public func instanceTypes(for nodePool: NodePool, at time: Double) async throws -> [InstanceType] {
    state.with { s in (s.instanceTypes.indicesByNodePool[nodePool.name] ?? []).map { s.instanceTypes.all[$0] } }
  }

  /// Resolves each EC2NodeClass whose spec changed or whose resolution is older than the
  /// period, and writes its status when it changed.
  mutating func resolveNodeClasses(_ nodeClasses: [String: EC2NodeClass], now: Date) async {
    let resolver = NodeClassResolver(aws: aws, clusterName: settings.clusterName, logger: logger)
    let (known, accountID, version) = state.with { ($0.nodeClasses, $0.accountID ?? "", $0.kubernetesVersion) }
    for (name, nodeClass) in nodeClasses.sorted(by: { $0.key < $1.key }) where nodeClass.metadata.deletionTimestamp == nil {
      if let previous = known[name], previous.nodeClass.spec == nodeClass.spec,
        now.timeIntervalSince(previous.resolvedAt) < nodeClassPeriod
      {
        continue
      }
      let resolution = await resolver.resolve(nodeClass, accountID: accountID, kubernetesVersion: version, now: now)
      let status = NodeClassStatusBuilder.status(
        nodeClass.spec ?? EC2NodeClassSpec(), resolution: resolution, previous: nodeClass.status,
        now: Timestamps.format(now))
      var resolved = nodeClass
      resolved.status = status
      let ready = NodeClassStatusBuilder.isReady(status)
      state.with {
        $0.nodeClasses[name] = AWSProviderState.ResolvedNodeClass(
          nodeClass: nodeClass, resolution: resolution, resolved: resolved, resolvedAt: now, ready: ready)
      }
      if status != nodeClass.status { await writeStatus(status, of: name) }
    }
    let gone = Set(known.keys).subtracting(nodeClasses.keys)
    state.with { for name in gone { $0.nodeClasses[name] = nil } }
    let collect = state.with { now.timeIntervalSince($0.lastProfileCollection) >= 300 }
    if collect {
      state.with { $0.lastProfileCollection = now }
      await resolver.collectInstanceProfiles(liveUIDs: Set(nodeClasses.values.compactMap(\.metadata.uid)))
      await collectLaunchTemplates(now: now)
    }
  }

  func writeStatus(_ status: EC2NodeClassStatus, of name: String) async {
    do {
      let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(status))
      let path = Self.nodeClassesPath.named(name).subresource("status")
      let response = try await api.send(.mergePatch(path, ["status": json]))
      if !response.isSuccess {
        logger.error("writing EC2NodeClass status failed", metadata: ["EC2NodeClass": "\(name)", "status": "\(response.status)", "message": "\(response.message)"])
      }
    } catch {
      logger.error("writing EC2NodeClass status failed", metadata: ["EC2NodeClass": "\(name)", "error": "\(error)"])
    }
  }

  static let nodeClassesPath = ResourcePath(group: "karpenter.k8s.aws", version: "v1", plural: "ec2nodeclasses")

  // MARK: - Interruption

  /// Marks the offering unavailable for three minutes, as upstream's interruption controller does.
  public func spotInterrupted(_ offering: OfferingKey, at time: Double) {
    state.with { $0.unavailable.markUnavailable(offering, at: time) }
    logger.info(
      "marked offering unavailable after a spot interruption",
      metadata: ["instance-type": "\(offering.instanceType)", "zone": "\(offering.zone)"])
  }

  public func watchCloud(report: @escaping @Sendable (CloudEvent) -> Void) async {
    guard let queue = settings.interruptionQueue else { return }
    await InterruptionQueue(sqs: aws.sqs, queue: queue, logger: logger, state: state).run(report: report)
  }
}
