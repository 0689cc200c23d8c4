import Synchronization

/// An object that knows the API server's rules for itself and reports every broken one.
public protocol SelfValidating {
  /// Every problem with the object, with field paths; empty when it is valid.
  func validate() -> [FieldError]

  /// The same, skipping a part that `known` holds as already valid, and adding the parts
  /// found valid to it. A type whose parts repeat across a load (a Pod's spec) implements it;
  /// the default validates everything.
  func validate(known: ValidParts) -> [FieldError]
}

extension SelfValidating {
  public func validate(known: ValidParts) -> [FieldError] { validate() }
}

/// Parts of objects (a Pod's spec, say) that passed their rules during one load: 20,000 Pods
/// of a few workloads have a few specs, and validating one took as long as decoding its Pod.
/// A load's own, so that it lives as long as the load; at most `limit` parts are kept.
public final class ValidParts: Sendable {
  public static let limit = 4096
  private let parts = Mutex<Set<AnyHashable>>([])

  public init() {}

  public func contains(_ part: some Hashable & Sendable) -> Bool {
    parts.withLock { $0.contains(AnyHashable(part)) }
  }

  public func insert(_ part: some Hashable & Sendable) {
    parts.withLock { parts in
      if parts.count < Self.limit { parts.insert(AnyHashable(part)) }
    }
  }
}
