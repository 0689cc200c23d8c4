import Foundation

/// Keeps the credentials of another provider and fetches new ones shortly before they expire.
///
/// Concurrent callers during a refresh share the one fetch (single flight). Long-term keys (no
/// expiration) are fetched once.
public actor CachingCredentialProvider: AWSCredentialProvider {
  public nonisolated let name: String
  private let base: any AWSCredentialProvider
  private let refreshMargin: TimeInterval
  private let now: @Sendable () -> Date
  private var cached: AWSCredentials?
  private var refreshing: Task<AWSCredentials, any Error>?
  /// How many times the base provider was asked; for tests and metrics.
  public private(set) var fetchCount = 0

  /// - Parameters:
  ///   - refreshMargin: how long before expiry to fetch again (the SDKs use 5 to 15 minutes).
  ///   - now: the clock; tests pass a fixed or advancing one.
  public init(
    _ base: any AWSCredentialProvider, refreshMargin: TimeInterval = 5 * 60,
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.base = base
    self.name = base.name
    self.refreshMargin = refreshMargin
    self.now = now
  }

  /// Forgets the cached credentials: AWS refused them as expired.
  public func invalidate() async { cached = nil }

  public func credentials() async throws -> AWSCredentials {
    if let cached, !cached.expires(within: refreshMargin, of: now()) { return cached }
    if let refreshing { return try await refreshing.value }
    let base = self.base
    let task = Task { try await base.credentials() }
    refreshing = task
    fetchCount += 1
    defer { refreshing = nil }
    do {
      let fresh = try await task.value
      cached = fresh
      return fresh
    } catch {
      // Still-valid credentials are better than none when a refresh fails.
      if let cached, let expiration = cached.expiration, expiration > now() { return cached }
      throw error
    }
  }
}
