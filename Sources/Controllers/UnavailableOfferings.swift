/// Offerings a launch found without capacity, remembered for three minutes: upstream's AWS
/// provider keeps this cache (`UnavailableOfferings`) so that the scheduler plans around an
/// offering EC2 just refused instead of asking for it again at once, and tries it again when
/// the entry expires.
///
/// It is a value the cloud provider owns. Time is passed in rather than read from a clock, so
/// the same calls give the same answers in a virtual day and in a test.
public struct UnavailableOfferings: Sendable, Equatable {
  /// How long an offering stays unavailable after an insufficient-capacity error (upstream's
  /// `UnavailableOfferingsTTL`).
  public static let ttl = 180.0

  /// Each offering held, with the time its entry expires.
  private var expiries: [OfferingKey: Double] = [:]

  public init() {}

  /// Marks the offering unavailable until `time` plus the TTL; a later failure of an offering
  /// already held starts its three minutes again.
  public mutating func markUnavailable(_ offering: OfferingKey, at time: Double) {
    expiries[offering] = time + Self.ttl
  }

  /// Whether the offering is held at `time` (an entry is gone once its expiry is reached).
  public func isUnavailable(_ offering: OfferingKey, at time: Double) -> Bool {
    // Most of the time nothing is held; then no key needs hashing.
    guard !expiries.isEmpty, let expiry = expiries[offering] else { return false }
    return expiry > time
  }

  /// When the offering's entry expires; nil when it is not held.
  public func expiry(of offering: OfferingKey) -> Double? { expiries[offering] }

  /// Forgets the entries that have expired at `time`.
  public mutating func expire(at time: Double) {
    guard !expiries.isEmpty else { return }
    expiries = expiries.filter { $0.value > time }
  }

  /// The offerings held (those past their expiry too, until `expire(at:)` forgets them).
  public var offerings: Set<OfferingKey> { Set(expiries.keys) }

  public var isEmpty: Bool { expiries.isEmpty }
}
