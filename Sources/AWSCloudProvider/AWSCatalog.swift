import AWSClient
import AWSProvider
import Foundation
import InstanceCatalogs
import Logging

/// What EC2 sells in the region, as upstream's instance-type, offering and pricing providers
/// learn it: the types (DescribeInstanceTypes), the zones each is offered in
/// (DescribeInstanceTypeOfferings), on-demand prices (Pricing GetProducts) and spot prices
/// (DescribeSpotPriceHistory). Each part falls back to the embedded us-east-1 catalog and its
/// prices when its call fails, and says so in the log.
struct AWSCatalog: Sendable {
  var facts: [AWSInstanceTypeFacts]
  /// Instance type → the zones EC2 offers it in; nil when the offerings call failed.
  var offeringZones: [String: Set<String>]?
  var prices: InstanceTypePrices
  var fetchedAt: Date

  /// The embedded catalog (the fallback before the first answer).
  static var embedded: AWSCatalog {
    AWSCatalog(facts: AWSInstanceTypes.all, offeringZones: nil, prices: embeddedPrices, fetchedAt: .distantPast)
  }

  /// On-demand prices from the catalog; spot prices as the simulated cloud models them.
  static var embeddedPrices: InstanceTypePrices {
    var prices = InstanceTypePrices()
    let pricing = AWSPricing()
    for facts in AWSInstanceTypes.all where facts.onDemandPrice > 0 {
      prices.onDemand[facts.name] = facts.onDemandPrice
      guard facts.usageClasses.contains("spot") else { continue }
      for zone in facts.zones {
        prices.spot[facts.name, default: [:]][zone] = pricing.spotPrice(
          instanceType: facts.name, zone: zone, onDemand: facts.onDemandPrice)
      }
    }
    return prices
  }

  /// Asks EC2 and Pricing; each failed part keeps `previous`'s answer.
  static func fetch(
    ec2: EC2Client, pricing: PricingClient, region: String, isolatedVPC: Bool, previous: AWSCatalog,
    logger: Logger, now: Date
  ) async -> AWSCatalog {
    var catalog = previous
    catalog.fetchedAt = now
    do {
      let types = try await ec2.describeInstanceTypes()
      if !types.isEmpty { catalog.facts = types.map { facts($0, region: region) } }
    } catch {
      logger.error("describing instance types failed; keeping the last list", metadata: ["error": "\(error)"])
    }
    do {
      let offerings = try await ec2.describeInstanceTypeOfferings()
      var zones: [String: Set<String>] = [:]
      for offering in offerings { zones[offering.instanceType, default: []].insert(offering.location) }
      catalog.offeringZones = zones
    } catch {
      logger.error("describing instance type offerings failed; keeping the last zones", metadata: ["error": "\(error)"])
    }
    if !isolatedVPC {
      do {
        let onDemand = try await onDemandPrices(pricing: pricing, region: region)
        if !onDemand.isEmpty { catalog.prices.onDemand.merge(onDemand) { _, new in new } }
      } catch {
        logger.warning(
          "the Pricing API did not answer; using the embedded on-demand prices", metadata: ["error": "\(error)"])
      }
    }
    do {
      let history = try await ec2.describeSpotPriceHistory(startTime: now)
      var latest: [String: [String: (Double, Date)]] = [:]
      for entry in history {
        let at = entry.timestamp ?? .distantPast
        if let current = latest[entry.instanceType]?[entry.availabilityZone], current.1 >= at { continue }
        latest[entry.instanceType, default: [:]][entry.availabilityZone] = (entry.price, at)
      }
      for (type, zones) in latest {
        for (zone, price) in zones { catalog.prices.spot[type, default: [:]][zone] = price.0 }
      }
    } catch {
      logger.warning("describing spot prices failed; keeping the last prices", metadata: ["error": "\(error)"])
    }
    return catalog
  }

  /// Linux, shared-tenancy on-demand prices of the region (upstream's filters).
  static func onDemandPrices(pricing: PricingClient, region: String) async throws -> [String: Double] {
    let filters = [
      PricingFilter(field: "regionCode", value: region),
      PricingFilter(field: "operatingSystem", value: "Linux"),
      PricingFilter(field: "tenancy", value: "Shared"),
      PricingFilter(field: "preInstalledSw", value: "NA"),
      PricingFilter(field: "capacitystatus", value: "Used"),
    ]
    var prices: [String: Double] = [:]
    for document in try await pricing.getProducts(serviceCode: "AmazonEC2", filters: filters) {
      if let (type, price) = onDemandPrice(document) { prices[type] = price }
    }
    return prices
  }

  /// The instance type and USD hourly price of one PriceList document, or nil.
  static func onDemandPrice(_ document: String) -> (String, Double)? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any],
      let product = object["product"] as? [String: Any],
      let attributes = product["attributes"] as? [String: Any],
      let type = attributes["instanceType"] as? String,
      let terms = (object["terms"] as? [String: Any])?["OnDemand"] as? [String: Any]
    else { return nil }
    for term in terms.values {
      guard let dimensions = (term as? [String: Any])?["priceDimensions"] as? [String: Any] else { continue }
      for dimension in dimensions.values {
        if let usd = ((dimension as? [String: Any])?["pricePerUnit"] as? [String: Any])?["USD"] as? String,
          let price = Double(usd), price > 0
        {
          return (type, price)
        }
      }
    }
    return nil
  }

  /// The facts Karpenter's arithmetic needs from one DescribeInstanceTypes entry; what the API
  /// does not say (family, category, generation, size) comes from the type's name, and the
  /// embedded catalog's published price stands until Pricing answers.
  static func facts(_ info: EC2InstanceTypeInfo, region: String) -> AWSInstanceTypeFacts {
    let known = AWSInstanceTypes.facts(named: info.instanceType)
    let parts = info.instanceType.split(separator: ".", maxSplits: 1).map(String.init)
    let family = parts.first ?? info.instanceType
    let size = parts.count > 1 ? parts[1] : ""
    let category = String(family.prefix { $0.isLetter })
    let generation = Int(family.dropFirst(category.count).prefix { $0.isNumber })
    let accelerator = info.accelerator
    return AWSInstanceTypeFacts(
      name: info.instanceType, family: known?.family ?? family, category: known?.category ?? category,
      generation: known?.generation ?? generation, size: known?.size ?? size, vCPUs: info.vCPUs,
      memoryMiB: info.memoryMiB, architectures: info.kubernetesArchitectures,
      hypervisor: info.hypervisor ?? known?.hypervisor ?? "", bareMetal: info.bareMetal,
      cpuManufacturer: info.cpuManufacturer ?? known?.cpuManufacturer ?? "",
      cpuSustainedClockSpeedMHz: info.sustainedClockSpeedMHz ?? known?.cpuSustainedClockSpeedMHz,
      gpuName: info.gpu?.name, gpuManufacturer: info.gpu?.manufacturer, gpuCount: info.gpu?.count ?? 0,
      gpuMemoryMiB: info.gpu?.memoryMiB ?? 0,
      acceleratorKind: accelerator.map { $0.isNeuron ? .neuron : .inference } ?? known?.acceleratorKind,
      acceleratorName: accelerator?.name ?? known?.acceleratorName,
      acceleratorManufacturer: accelerator?.manufacturer ?? known?.acceleratorManufacturer,
      acceleratorCount: accelerator?.count ?? known?.acceleratorCount ?? 0,
      neuronCoresPerDevice: accelerator?.coresPerDevice ?? known?.neuronCoresPerDevice ?? 0,
      networkBandwidthMbps: info.baselineBandwidthMbps ?? known?.networkBandwidthMbps,
      ebsOptimizedSupport: info.ebsOptimizedSupport ?? known?.ebsOptimizedSupport ?? "unsupported",
      ebsBandwidthMbps: info.ebsMaximumBandwidthMbps ?? known?.ebsBandwidthMbps,
      instanceStorageGB: info.instanceStorageTotalGB,
      instanceStorageNVMe: info.instanceStorageNVMeSupport ?? known?.instanceStorageNVMe ?? "",
      encryptionInTransitSupported: info.encryptionInTransitSupported,
      nitroEnclavesSupported: info.nitroEnclavesSupport == "supported",
      maximumENIs: info.defaultCardMaximumNetworkInterfaces, ipv4AddressesPerENI: info.ipv4AddressesPerInterface,
      efaInterfaces: info.efaSupported ? info.maximumEFAInterfaces : 0, usageClasses: info.supportedUsageClasses,
      zones: known?.zones ?? [], onDemandPrice: known?.onDemandPrice ?? 0)
  }
}
