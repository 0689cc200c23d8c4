import Foundation

/// Prices that replace the catalog's published on-demand prices and the modelled spot prices.
///
/// The JSON form is `{"onDemand": {"m5.large": 0.096}, "spot": {"m5.large": {"us-east-1a": 0.035}}}`;
/// either key may be left out. Prices are USD per hour.
public struct PriceOverrides: Codable, Sendable, Hashable {
  /// Instance type → on-demand price.
  public var onDemand: [String: Double]
  /// Instance type → zone → spot price.
  public var spot: [String: [String: Double]]

  public init(onDemand: [String: Double] = [:], spot: [String: [String: Double]] = [:]) {
    self.onDemand = onDemand
    self.spot = spot
  }

  private enum CodingKeys: String, CodingKey { case onDemand, spot }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    onDemand = try container.decodeIfPresent([String: Double].self, forKey: .onDemand) ?? [:]
    spot = try container.decodeIfPresent([String: [String: Double]].self, forKey: .spot) ?? [:]
  }

  /// Decodes a JSON document of the form above.
  public init(json data: Data) throws {
    self = try JSONDecoder().decode(PriceOverrides.self, from: data)
  }

  /// Reads and decodes a JSON file of the form above.
  public static func load(from url: URL) throws -> PriceOverrides {
    try PriceOverrides(json: Data(contentsOf: url))
  }
}

/// Prices for AWS offerings without network access.
///
/// On-demand prices are the catalog's published us-east-1 Linux prices. EC2 spot prices change
/// all the time and cannot be known offline, so they are modelled, deterministically:
///
///     spot(type, zone) = round4(onDemand(type) × factor(type, zone))
///     factor(type, zone) = 0.30 + 0.40 × (fnv1a64("type/zone") mod 10001) / 10000
///
/// where `fnv1a64` is 64-bit FNV-1a over the UTF-8 bytes of e.g. `m5.large/us-east-1a` and
/// `round4` rounds half away from zero to 4 decimals. The factor lies in [0.30, 0.70], so spot
/// costs 30–70% of on-demand, and is the same in every process and on every platform (Swift's
/// `Hasher` is seeded per process and is not used). A modelled price is never rounded down to zero
/// (it stays at least 0.0001 or the unrounded figure) nor up to the on-demand price. The model uses the effective on-demand price, so an on-demand
/// override moves the modelled spot prices with it; a spot override replaces the model for that
/// type and zone.
public struct AWSPricing: Sendable, Hashable {
  public var overrides: PriceOverrides

  public init(overrides: PriceOverrides = PriceOverrides()) {
    self.overrides = overrides
  }

  /// The on-demand price: the override if there is one, else the published price.
  public func onDemandPrice(for facts: AWSInstanceTypeFacts) -> Double {
    overrides.onDemand[facts.name] ?? facts.onDemandPrice
  }

  /// The on-demand price of a type by name, nil if neither the catalog nor the overrides have it.
  public func onDemandPrice(instanceType: String) -> Double? {
    overrides.onDemand[instanceType] ?? AWSInstanceTypes.facts(named: instanceType)?.onDemandPrice
  }

  /// The spot price in a zone: the override if there is one, else the model over `onDemand`.
  public func spotPrice(instanceType: String, zone: String, onDemand: Double) -> Double {
    overrides.spot[instanceType]?[zone]
      ?? Self.modelledSpotPrice(instanceType: instanceType, zone: zone, onDemand: onDemand)
  }

  /// The spot price of a catalog type in a zone, nil if the type is unknown.
  public func spotPrice(instanceType: String, zone: String) -> Double? {
    if let price = overrides.spot[instanceType]?[zone] { return price }
    guard let onDemand = onDemandPrice(instanceType: instanceType) else { return nil }
    return Self.modelledSpotPrice(instanceType: instanceType, zone: zone, onDemand: onDemand)
  }

  /// The model's spot price, without overrides.
  public static func modelledSpotPrice(instanceType: String, zone: String, onDemand: Double)
    -> Double
  {
    let raw = onDemand * spotFactor(instanceType: instanceType, zone: zone)
    var price = (raw * 10_000).rounded(.toNearestOrAwayFromZero) / 10_000
    if price >= onDemand { price = raw }
    return max(price, min(0.0001, raw))
  }

  /// The share of the on-demand price the model charges for spot, in [0.30, 0.70].
  public static func spotFactor(instanceType: String, zone: String) -> Double {
    let bucket = fnv1a64(instanceType + "/" + zone) % 10_001
    return 0.30 + 0.40 * Double(bucket) / 10_000
  }

  /// 64-bit FNV-1a over the UTF-8 bytes of `text`.
  public static func fnv1a64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }
}
