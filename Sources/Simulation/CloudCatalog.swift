import Controllers
import Foundation
import InstanceCatalogs
import KarpenterAPI
import KubernetesAPI
import ManifestCoding
import Manifests
import Scheduling

/// The instance types the simulated cloud sells, built from the Scenario's choice of catalog,
/// with one variant per distinct EC2NodeClass kubelet/AMI setting (they change allocatable).
struct CloudCatalog {
  var zones: [String]
  var instanceTypes: [InstanceType] = []
  /// Which of `instanceTypes` each NodePool may launch.
  var indicesByNodePool: [String: [Int]] = [:]
  /// The aws catalog only: its pricing, and the instance types built for each (AMI family,
  /// kubelet settings) variant, so NodePools and EC2NodeClasses applied later get their own.
  var awsPricing: AWSPricing?
  var awsVariants: [String: [Int]] = [:]

  struct BuildError: Error, CustomStringConvertible {
    var description: String
  }

  static let defaultAWSZones = ["us-east-1a", "us-east-1b", "us-east-1c"]

  static func build(
    cloud: CloudSpec?, nodePools: [NodePool], nodeClasses: [String: EC2NodeClass],
    schema: inout ResourceSchema
  ) throws -> CloudCatalog {
    let source = cloud?.instanceTypes
    if let list = source?.list {
      let listZones = Set(list.flatMap { $0.offerings.map(\.zone) }).sorted()
      var catalog = CloudCatalog(zones: cloud?.zones ?? listZones)
      let zoneSet = Set(catalog.zones)
      for item in list.sorted(by: { $0.name < $1.name }) {
        var capacity = item.capacity
        if capacity[ResourceName.pods] == nil { capacity[ResourceName.pods] = Quantity(110) }
        var labels = item.labels ?? [:]
        labels[WellKnown.archLabel] = labels[WellKnown.archLabel] ?? "amd64"
        labels[WellKnown.osLabel] = labels[WellKnown.osLabel] ?? "linux"
        let offerings = item.offerings.filter { zoneSet.contains($0.zone) }.map {
          Offering(
            zone: $0.zone, capacityType: $0.capacityType, price: $0.price, available: $0.available ?? true)
        }
        catalog.instanceTypes.append(
          InstanceType(
            name: item.name, labels: labels, offerings: offerings, capacity: try schema.vector(capacity),
            overhead: try schema.vector(item.overhead ?? [:])))
      }
      let all = Array(catalog.instanceTypes.indices)
      for pool in nodePools { catalog.indicesByNodePool[pool.name] = all }
      return catalog
    }
    switch source?.catalog ?? "aws" {
    case "kwok":
      var catalog = CloudCatalog(zones: cloud?.zones ?? KwokInstanceTypes.zones)
      catalog.instanceTypes = try KwokInstanceTypes.all.map { try catalog.instanceType($0, schema: &schema) }
      let all = Array(catalog.instanceTypes.indices)
      for pool in nodePools { catalog.indicesByNodePool[pool.name] = all }
      return catalog
    default:
      var catalog = CloudCatalog(zones: cloud?.zones ?? defaultAWSZones)
      var pricing = AWSPricing()
      if let file = cloud?.pricesFile {
        pricing = AWSPricing(overrides: try Self.priceOverrides(file))
      }
      catalog.awsPricing = pricing
      for pool in nodePools.sorted(by: { $0.name < $1.name }) {
        try catalog.assignAWSVariant(to: pool, nodeClasses: nodeClasses, schema: &schema)
      }
      if nodePools.isEmpty {
        for shape in AWSInstanceTypes.shapes(pricing: pricing) {
          catalog.instanceTypes.append(try catalog.instanceType(shape, schema: &schema))
        }
      }
      return catalog
    }
  }

  /// The prices file of `spec.cloud.pricesFile`, read as manifests are (no directories, a size
  /// limit) and with every price within ``Scenario/prices``.
  static func priceOverrides(_ file: String) throws -> PriceOverrides {
    let overrides: PriceOverrides
    switch ManifestReader.read(path: file) {
    case .failure(let failure):
      throw BuildError(description: "the prices file \(file): \(failure)")
    case .success(let text):
      do {
        overrides = try PriceOverrides(json: Data(text.utf8))
      } catch {
        throw BuildError(
          description:
            "the prices file \(file) is not a JSON object of the form {\"onDemand\": {\"m5.large\": 0.096}, \"spot\": {\"m5.large\": {\"us-east-1a\": 0.035}}}"
        )
      }
    }
    var prices = overrides.onDemand.map { ("onDemand[\($0.key)]", $0.value) }
    for (type, zones) in overrides.spot { prices += zones.map { ("spot[\(type)][\($0.key)]", $0.value) } }
    if let (path, price) = prices.sorted(by: { $0.0 < $1.0 }).first(where: { !Scenario.prices.contains($0.1) }) {
      throw BuildError(
        description:
          "the prices file \(file): \(FieldError.truncated(path)): \(price) must be a number of dollars per hour from 0 to \(Int(Scenario.prices.upperBound))"
      )
    }
    return overrides
  }

  /// Points the NodePool at the aws instance types its EC2NodeClass's kubelet settings and AMI
  /// family shape, building them the first time that variant is needed.
  mutating func assignAWSVariant(
    to pool: NodePool, nodeClasses: [String: EC2NodeClass], schema: inout ResourceSchema
  ) throws {
    guard let pricing = awsPricing else { return }
    let (kubelet, amiFamily) = Self.nodeSettings(pool: pool, nodeClasses: nodeClasses)
    let key = amiFamily + "|" + (kubelet.map(LegacyConversion.kubeletJSON) ?? "")
    if let existing = awsVariants[key] {
      indicesByNodePool[pool.name] = existing
      return
    }
    let start = instanceTypes.count
    for shape in AWSInstanceTypes.shapes(kubelet: kubelet, amiFamily: amiFamily, pricing: pricing) {
      instanceTypes.append(try instanceType(shape, schema: &schema))
    }
    awsVariants[key] = Array(start..<instanceTypes.count)
    indicesByNodePool[pool.name] = awsVariants[key]
  }

  /// The kubelet settings and AMI family a NodePool's nodes get: the v1beta1 compatibility
  /// annotation first (as upstream's AWS provider reads it), then the EC2NodeClass.
  static func nodeSettings(pool: NodePool, nodeClasses: [String: EC2NodeClass]) -> (
    KubeletConfiguration?, String
  ) {
    let ref = pool.spec?.template?.spec?.nodeClassRef
    let nodeClass =
      (ref?.kind == EC2NodeClass.kind || ref?.kind == nil) ? ref?.name.flatMap { nodeClasses[$0] } : nil
    var kubelet = nodeClass?.spec?.kubelet
    if let json = pool.annotations[WellKnown.kubeletCompatibilityAnnotation],
      let fromAnnotation = try? LegacyConversion.kubelet(fromJSON: json)
    {
      kubelet = fromAnnotation
    }
    var family = nodeClass?.spec?.amiFamily ?? "AL2023"
    if let alias = nodeClass?.spec?.amiSelectorTerms?.first(where: { $0.alias != nil })?.alias {
      let aliasFamily = String(alias.prefix { $0 != "@" })
      family = EC2NodeClassSpec.amiFamilies.first { $0.lowercased() == aliasFamily } ?? family
    }
    return (kubelet, family)
  }

  func instanceType(_ shape: InstanceTypeShape, schema: inout ResourceSchema) throws -> InstanceType {
    var offerings: [Offering] = []
    for zone in zones where shape.zones.contains(zone) {
      if shape.capacityTypes.contains(WellKnown.capacityTypeOnDemand) {
        offerings.append(
          Offering(zone: zone, capacityType: WellKnown.capacityTypeOnDemand, price: shape.onDemandPrice))
      }
      if shape.capacityTypes.contains(WellKnown.capacityTypeSpot), let spot = shape.spotPrices[zone] {
        offerings.append(Offering(zone: zone, capacityType: WellKnown.capacityTypeSpot, price: spot))
      }
    }
    return InstanceType(
      name: shape.name, labels: shape.labels, offerings: offerings,
      capacity: try schema.vector(baseUnits: shape.capacity),
      overhead: try schema.vector(baseUnits: shape.overhead))
  }

  /// The instance type of that name as the NodePool sees it (with its NodeOverlays), else as
  /// the catalog sells it.
  func instanceType(named name: String, nodePool: String?) -> InstanceType? {
    if let indices = nodePool.flatMap({ indicesByNodePool[$0] }),
      let index = indices.first(where: { instanceTypes[$0].name == name })
    {
      return instanceTypes[index]
    }
    return instanceTypes.first { $0.name == name }
  }

  /// The type and offering a node's labels name, for pricing input nodes: among its
  /// NodePool's instance types when it has one (they carry its NodeOverlays), else the catalog's.
  func offering(forLabels labels: [String: String]) -> (InstanceType, Offering)? {
    guard let name = labels[WellKnown.instanceTypeLabel],
      let type = instanceType(named: name, nodePool: labels[WellKnown.nodePoolLabel])
    else { return nil }
    let zone = labels[WellKnown.zoneLabel]
    let capacityType = labels[WellKnown.capacityTypeLabel] ?? WellKnown.capacityTypeOnDemand
    guard let offering = type.offerings.first(where: { $0.zone == zone && $0.capacityType == capacityType })
    else {
      return nil
    }
    return (type, offering)
  }
}
