import Controllers
import Foundation
import KubernetesClient
import InstanceCatalogs
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// Upstream's kwok provider (kubernetes-sigs/karpenter `kwok/cloudprovider`): an instance is a
/// Node object created through the API, so Karpenter runs end to end on any cluster with KWOK
/// installed (which plays the Node's kubelet) or on the sandbox (whose kubelet stand-in does).
///
/// As upstream's: the 144 generated kwok instance types with spot and on-demand offerings in four
/// zones, the cheapest available offering launched, the Node registered with the
/// `karpenter.sh/unregistered:NoExecute` taint, the `kwok.x-k8s.io/node: fake` label and
/// annotation, provider id `kwok://NAME`, and no drift. Unlike upstream's, the Node is named
/// after its NodeClaim (upstream draws a random name), which keeps runs reproducible.
public struct KwokCloudProvider: CloudProvider {
  public let name = "kwok"
  public static let providerIDPrefix = "kwok://"
  public static let kwokLabel = "kwok.x-k8s.io/node"
  let api: any ClusterAPI
  /// The instance types sold, with the runtime's resource schema.
  public let instanceTypes: [InstanceType]
  let schema: ResourceSchema

  /// The provider and the schema its instance types were built with (the store must use it).
  public init(api: any ClusterAPI, schema: inout ResourceSchema) throws {
    self.api = api
    self.instanceTypes = try KwokInstanceTypes.all.map { try Self.instanceType($0, schema: &schema) }
    self.schema = schema
  }

  static func instanceType(_ shape: InstanceTypeShape, schema: inout ResourceSchema) throws -> InstanceType {
    var offerings: [Offering] = []
    for zone in shape.zones {
      offerings.append(Offering(zone: zone, capacityType: WellKnown.capacityTypeOnDemand, price: shape.onDemandPrice))
      if let spot = shape.spotPrices[zone] {
        offerings.append(Offering(zone: zone, capacityType: WellKnown.capacityTypeSpot, price: spot))
      }
    }
    return InstanceType(
      name: shape.name, labels: shape.labels, offerings: offerings,
      capacity: try schema.vector(baseUnits: shape.capacity), overhead: try schema.vector(baseUnits: shape.overhead))
  }

  public mutating func create(_ claim: PlannedNodeClaim, name: String, at time: Double) async throws -> CloudInstance {
    guard let launch = claim.cheapestLaunch() else {
      throw CloudProviderError.noOfferingAvailable(instanceTypes: claim.instanceTypes.count, nodeClaim: name)
    }
    let (type, offering) = launch
    // Made before the call, so no tuple lives across the suspension: a release build of Swift
    // 6.3.1 crashed copying `type` after the await when it was bound by `guard let (type,
    // offering) =` (seen with scripts/bench-live.sh; debug builds were fine).
    let instance = CloudInstance(name: name, instanceType: type, offering: offering)
    var labels = claim.labels
    for (k, v) in claim.requirements.singleValueLabels { labels[k] = v }
    for (k, v) in type.requirements.singleValueLabels { labels[k] = v }
    labels[WellKnown.instanceTypeLabel] = type.name
    labels[WellKnown.zoneLabel] = offering.zone
    labels[WellKnown.capacityTypeLabel] = offering.capacityType
    labels[WellKnown.hostnameLabel] = name
    labels[WellKnown.nodePoolLabel] = claim.nodePool
    labels["karpenter.kwok.sh/node-viewer-price"] = String(format: "%f", offering.price)
    labels[Self.kwokLabel] = "fake"
    let taints = [Taint(key: WellKnown.unregisteredTaintKey, effect: "NoExecute")] + claim.taints + claim.startupTaints
    let node: [String: Any] = [
      "apiVersion": "v1", "kind": "Node",
      "metadata": ["name": name, "labels": labels, "annotations": [Self.kwokLabel: "fake"]],
      "spec": ["providerID": Self.providerIDPrefix + name, "taints": taints.map(NodeClaimDocuments.taint)],
      "status": [
        "capacity": NodeClaimDocuments.quantities(schema.list(type.capacity)),
        "allocatable": NodeClaimDocuments.quantities(schema.list(type.allocatable)),
        "phase": "Pending",
      ],
    ]
    let request = APIRequest.post(APIPaths.nodes, node)
    try await api.call(request)
    return instance
  }

  public mutating func delete(_ name: String) async throws {
    let response = try await api.send(APIRequest(.delete, APIPaths.node(name)))
    if response.status == 404 { throw CloudProviderError.nodeClaimNotFound(name) }
    guard response.isSuccess else { throw ClusterAPIError(APIRequest(.delete, APIPaths.node(name)), response) }
  }

  public func get(_ name: String) async throws -> CloudInstance {
    let response = try await api.send(APIRequest(.get, APIPaths.node(name)))
    if response.status == 404 { throw CloudProviderError.nodeClaimNotFound(name) }
    let node = try response.decode(Node.self)
    if node.metadata.deletionTimestamp != nil { throw CloudProviderError.nodeClaimNotFound(name) }
    return instance(of: node)
  }

  public func list() async throws -> [CloudInstance] {
    let response = try await api.call(APIRequest(.get, APIPaths.nodes))
    let list = try response.decode(ObjectList<Node>.self)
    return list.items
      .filter { $0.spec?.providerID?.hasPrefix(Self.providerIDPrefix) == true }
      .map(instance(of:))
      .sorted { $0.name < $1.name }
  }

  public func instanceTypes(for nodePool: NodePool, at time: Double) async throws -> [InstanceType] {
    instanceTypes
  }

  /// Kwok instances do not drift from provider settings.
  public func isDrifted(_ node: StateNode, nodeClass: EC2NodeClass?) async throws -> DriftReason? { nil }

  /// The instance a kwok Node is, named by its provider id.
  func instance(of node: Node) -> CloudInstance {
    let name = node.spec?.providerID.map { String($0.dropFirst(Self.providerIDPrefix.count)) } ?? node.name
    let labels = node.labels
    let type = instanceTypes.first { $0.name == labels[WellKnown.instanceTypeLabel] }
    let offering = type?.offerings.first {
      $0.zone == labels[WellKnown.zoneLabel] && $0.capacityType == labels[WellKnown.capacityTypeLabel]
    }
    return CloudInstance(name: name, instanceType: type, offering: offering)
  }
}

/// A `kind: XList` answer.
public struct ObjectList<Item: Decodable>: Decodable {
  public var items: [Item]
  public var metadata: ListMeta?

  public struct ListMeta: Decodable {
    public var resourceVersion: String?
    public var `continue`: String?
  }
}
