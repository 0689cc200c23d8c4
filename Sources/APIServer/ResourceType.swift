/// A subresource a resource serves besides its main endpoint.
public enum Subresource: String, Sendable, Hashable, CaseIterable {
  /// `/status`: writes change only `.status`; the main endpoint then ignores `.status`.
  case status
  /// `/scale`: an `autoscaling/v1 Scale` view of `.spec.replicas`.
  case scale
  /// `/eviction`: a `policy/v1 Eviction` checked against PodDisruptionBudgets (pods only).
  case eviction
  /// `/binding`: a `v1 Binding` that sets `.spec.nodeName` (pods only).
  case binding
}

/// A verb a resource accepts, as discovery lists it.
public enum Verb: String, Sendable, Hashable, CaseIterable {
  case create, delete, deletecollection, get, list, patch, update, watch
}

/// One kind of object the API server serves at one version: what discovery advertises and
/// what the store needs to know to treat it (namespaced or not, which subresources).
public struct ResourceType: Sendable, Hashable, CustomStringConvertible {
  /// The API group; empty for the core group.
  public var group: String
  public var version: String
  public var kind: String
  public var listKind: String
  /// The resource name in URLs, e.g. "pods".
  public var plural: String
  public var singular: String
  public var namespaced: Bool
  /// The short names kubectl accepts, e.g. "po".
  public var shortNames: [String]
  /// The categories kubectl expands, e.g. "all".
  public var categories: [String]
  public var verbs: Set<Verb>
  public var subresources: Set<Subresource>
  /// Whether this kind comes from a CustomResourceDefinition: strategic merge patch is refused
  /// and `/status` semantics drop status on create, as the real server does for custom resources.
  public var isCustom: Bool

  public init(
    group: String, version: String, kind: String, listKind: String? = nil, plural: String,
    singular: String? = nil, namespaced: Bool, shortNames: [String] = [], categories: [String] = [],
    verbs: Set<Verb> = Set(Verb.allCases), subresources: Set<Subresource> = [], isCustom: Bool = false
  ) {
    self.group = group
    self.version = version
    self.kind = kind
    self.listKind = listKind ?? kind + "List"
    self.plural = plural
    self.singular = singular ?? kind.lowercased()
    self.namespaced = namespaced
    self.shortNames = shortNames
    self.categories = categories
    self.verbs = verbs
    self.subresources = subresources
    self.isCustom = isCustom
  }

  /// The `apiVersion` objects of this type carry: "v1" for the core group, "group/version" else.
  public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

  /// The group-qualified resource name used in messages, e.g. "deployments.apps" or "pods".
  public var groupResource: String { group.isEmpty ? plural : "\(plural).\(group)" }

  /// The key objects of this kind share in the store: the same objects are served at every
  /// version of a group.
  public var storageKey: String { "\(group)/\(plural)" }

  public var description: String { "\(apiVersion) \(kind)" }

  /// Whether the store drops `.status` from creates and main-resource updates (custom resources
  /// with a status subresource do; built-ins keep status on create).
  var dropsStatusOnCreate: Bool { isCustom && subresources.contains(.status) }
}
