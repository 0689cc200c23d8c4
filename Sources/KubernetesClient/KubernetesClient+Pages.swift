import Foundation

extension KubernetesClient {
  /// Every object of a list, read page by page as client-go's pager does: each page holds at
  /// most `options.limit` (500 unless given) and names the next by its `continue` token. When a
  /// token expires (410 Gone: the server compacted the version the list was read at), the list
  /// starts over from its first page, at most `restarts` times.
  public func listAll<T: Decodable>(
    _ type: T.Type, _ path: ResourcePath, options: ListOptions = ListOptions(), restarts: Int = 3
  ) async throws -> ObjectList<T> {
    var pageOptions = options
    pageOptions.limit = options.limit ?? 500
    var restarted = 0
    start: while true {
      pageOptions.continueToken = nil
      pageOptions.resourceVersion = options.resourceVersion
      var items: [T] = []
      var first: ListMeta?
      while true {
        let page: ObjectList<T>
        do {
          page = try await list(type, path, options: pageOptions)
        } catch let error as KubernetesClientError where error.isGone && pageOptions.continueToken != nil {
          guard restarted < restarts else { throw error }
          restarted += 1
          logger.debug("a list's continue token expired; listing again", metadata: ["resource": "\(path)"])
          continue start
        }
        if first == nil { first = page.metadata }
        items += page.items
        guard let token = page.metadata.continueToken, !token.isEmpty else {
          return ObjectList(metadata: ListMeta(resourceVersion: first?.resourceVersion), items: items)
        }
        pageOptions.continueToken = token
        // The token carries the version; the server rejects both together.
        pageOptions.resourceVersion = nil
      }
    }
  }

  /// Reads the object, lets `mutate` change it and writes it back (PUT); when the write loses a
  /// race (409 Conflict) reads it again and retries, up to `attempts` writes, as client-go's
  /// `RetryOnConflict` with `DefaultRetry` does (10 ms apart, with jitter). Returns the object as
  /// stored.
  public func update<T: Codable>(
    _ type: T.Type, _ path: ResourcePath, retrying attempts: Int = 5, fieldManager: String? = nil,
    _ mutate: (inout T) throws -> Void
  ) async throws -> T {
    var attempt = 0
    while true {
      attempt += 1
      var object = try await get(type, path)
      try mutate(&object)
      do {
        return try await update(object, at: path, fieldManager: fieldManager)
      } catch let error as KubernetesClientError where error.isConflict && attempt < attempts {
        logger.debug("an update lost a race; reading the object again", metadata: ["resource": "\(path)"])
        try await Task.sleep(for: .milliseconds(10) * Double.random(in: 1.0...1.1))
      }
    }
  }
}
