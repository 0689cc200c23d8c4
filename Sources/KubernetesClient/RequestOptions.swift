/// How a patch's body is to be read (its `Content-Type`).
public enum PatchType: Sendable, Hashable {
  /// RFC 6902 JSON Patch: a list of operations.
  case json
  /// RFC 7386 JSON Merge Patch: a partial object; lists are replaced whole.
  case merge
  /// Kubernetes' strategic merge patch: lists of built-in kinds merge by their keys.
  case strategicMerge
  /// Server-side apply (YAML or JSON body): the fields `fieldManager` owns; `force` takes over
  /// fields other managers own.
  case apply(fieldManager: String, force: Bool = false)

  var contentType: String {
    switch self {
    case .json: return "application/json-patch+json"
    case .merge: return "application/merge-patch+json"
    case .strategicMerge: return "application/strategic-merge-patch+json"
    case .apply: return "application/apply-patch+yaml"
    }
  }
}

/// The body of a delete (`metav1.DeleteOptions`): delete only the object read (preconditions),
/// what happens to its dependents, and how long the pod may take to stop.
public struct DeleteOptions: Codable, Sendable, Hashable {
  public var apiVersion: String? = "v1"
  public var kind: String? = "DeleteOptions"
  public var preconditions: Preconditions?
  public var propagationPolicy: PropagationPolicy?
  public var gracePeriodSeconds: Int?
  public var dryRun: [String]?

  public init(
    preconditions: Preconditions? = nil, propagationPolicy: PropagationPolicy? = nil,
    gracePeriodSeconds: Int? = nil,
    dryRun: Bool = false
  ) {
    self.preconditions = preconditions
    self.propagationPolicy = propagationPolicy
    self.gracePeriodSeconds = gracePeriodSeconds
    self.dryRun = dryRun ? ["All"] : nil
  }

  /// The delete fails with a 409 Conflict unless the object still has this UID and version.
  public struct Preconditions: Codable, Sendable, Hashable {
    public var uid: String?
    public var resourceVersion: String?

    public init(uid: String? = nil, resourceVersion: String? = nil) {
      self.uid = uid
      self.resourceVersion = resourceVersion
    }
  }

  /// What becomes of the objects the deleted one owns.
  public enum PropagationPolicy: String, Codable, Sendable, Hashable {
    /// They are left, without the owner reference.
    case orphan = "Orphan"
    /// They are deleted after the owner, by the garbage collector.
    case background = "Background"
    /// The owner is deleted only once they are (`foregroundDeletion` finalizer).
    case foreground = "Foreground"
  }
}

/// The `metadata` of a list: the version it was read at and the token of the next page.
public struct ListMeta: Codable, Sendable, Hashable {
  public var resourceVersion: String?
  public var continueToken: String?
  public var remainingItemCount: Int?

  enum CodingKeys: String, CodingKey {
    case resourceVersion
    case continueToken = "continue"
    case remainingItemCount
  }

  public init(resourceVersion: String? = nil, continueToken: String? = nil, remainingItemCount: Int? = nil) {
    self.resourceVersion = resourceVersion
    self.continueToken = continueToken
    self.remainingItemCount = remainingItemCount
  }
}

/// A page of a list (`PodList`, `NodeList`, ...): the items and where the list stands.
public struct ObjectList<Item: Decodable>: Decodable {
  public var metadata: ListMeta
  public var items: [Item]

  enum CodingKeys: String, CodingKey { case metadata, items }

  public init(metadata: ListMeta, items: [Item]) {
    self.metadata = metadata
    self.items = items
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    metadata = try container.decodeIfPresent(ListMeta.self, forKey: .metadata) ?? ListMeta()
    // A list with no items may carry `items: null`.
    items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
  }
}

extension ObjectList: Sendable where Item: Sendable {}
