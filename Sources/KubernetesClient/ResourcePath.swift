import Foundation

/// Where a resource lives on the API server: its group, version and plural name, and for a
/// namespaced kind the namespace; with a name, one object; with a subresource, a part of it
/// (`status`, `eviction`, `scale`). The URL path follows the API server's layout: the core group
/// under `/api/v1`, every other group under `/apis/GROUP/VERSION`.
public struct ResourcePath: Sendable, Hashable, CustomStringConvertible {
  /// The API group; empty for the core group (pods, nodes, events, ...).
  public var group: String
  public var version: String
  /// The lower-case plural resource name, as in the URL (`pods`, `nodeclaims`).
  public var plural: String
  /// The namespace; nil for a cluster-scoped kind or for every namespace of a namespaced one.
  public var namespace: String?
  public var name: String?
  public var subresource: String?

  public init(
    group: String = "", version: String = "v1", plural: String, namespace: String? = nil, name: String? = nil,
    subresource: String? = nil
  ) {
    self.group = group
    self.version = version
    self.plural = plural
    self.namespace = namespace
    self.name = name
    self.subresource = subresource
  }

  /// The URL path, each segment percent-encoded.
  public var urlPath: String {
    var segments: [String] = group.isEmpty ? ["api", version] : ["apis", group, version]
    if let namespace { segments += ["namespaces", namespace] }
    segments.append(plural)
    if let name { segments.append(name) }
    if let subresource { segments.append(subresource) }
    return "/" + segments.map(Self.escape).joined(separator: "/")
  }

  /// The same resource narrowed to one object.
  public func named(_ name: String) -> ResourcePath {
    var copy = self
    copy.name = name
    return copy
  }

  /// The same resource in `namespace` (nil: all namespaces).
  public func inNamespace(_ namespace: String?) -> ResourcePath {
    var copy = self
    copy.namespace = namespace
    return copy
  }

  /// A subresource of the object (`status`, `eviction`).
  public func subresource(_ subresource: String) -> ResourcePath {
    var copy = self
    copy.subresource = subresource
    return copy
  }

  /// The resource as a sentence names it: `pods "web-1" in namespace "default"`,
  /// `nodes`, `pods in namespace "default"`, with the subresource when there is one.
  public var description: String {
    var text = plural
    if let name { text += " \"\(name)\"" }
    if let subresource { text = "the \(subresource) of " + text }
    if let namespace { text += " in namespace \"\(namespace)\"" }
    return text
  }

  /// Path segments may hold any character a name allows; `/`, `?`, `%` and `#` must not end a
  /// segment early.
  private static func escape(_ segment: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "/?#%")
    return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
  }
}

extension ResourcePath {
  public static func pods(namespace: String? = nil, name: String? = nil) -> ResourcePath {
    ResourcePath(plural: "pods", namespace: namespace, name: name)
  }
  public static func nodes(name: String? = nil) -> ResourcePath { ResourcePath(plural: "nodes", name: name) }
  public static func events(namespace: String? = nil, name: String? = nil) -> ResourcePath {
    ResourcePath(plural: "events", namespace: namespace, name: name)
  }
  public static func namespaces(name: String? = nil) -> ResourcePath {
    ResourcePath(plural: "namespaces", name: name)
  }
  public static func persistentVolumes(name: String? = nil) -> ResourcePath {
    ResourcePath(plural: "persistentvolumes", name: name)
  }
  public static func persistentVolumeClaims(namespace: String? = nil, name: String? = nil) -> ResourcePath {
    ResourcePath(plural: "persistentvolumeclaims", namespace: namespace, name: name)
  }
  public static func leases(namespace: String? = nil, name: String? = nil) -> ResourcePath {
    ResourcePath(group: "coordination.k8s.io", plural: "leases", namespace: namespace, name: name)
  }
  public static func podDisruptionBudgets(namespace: String? = nil, name: String? = nil) -> ResourcePath {
    ResourcePath(group: "policy", plural: "poddisruptionbudgets", namespace: namespace, name: name)
  }
  public static func daemonSets(namespace: String? = nil, name: String? = nil) -> ResourcePath {
    ResourcePath(group: "apps", plural: "daemonsets", namespace: namespace, name: name)
  }
  public static func storageClasses(name: String? = nil) -> ResourcePath {
    ResourcePath(group: "storage.k8s.io", plural: "storageclasses", name: name)
  }
  public static func csiNodes(name: String? = nil) -> ResourcePath {
    ResourcePath(group: "storage.k8s.io", plural: "csinodes", name: name)
  }
  public static func ec2NodeClasses(name: String? = nil) -> ResourcePath {
    ResourcePath(group: "karpenter.k8s.aws", plural: "ec2nodeclasses", name: name)
  }
  public static func kwokNodeClasses(name: String? = nil) -> ResourcePath {
    ResourcePath(group: "karpenter.kwok.sh", version: "v1alpha1", plural: "kwoknodeclasses", name: name)
  }
  public static func nodePools(name: String? = nil) -> ResourcePath {
    ResourcePath(group: "karpenter.sh", plural: "nodepools", name: name)
  }
  public static func nodeClaims(name: String? = nil) -> ResourcePath {
    ResourcePath(group: "karpenter.sh", plural: "nodeclaims", name: name)
  }
}

/// The options of a list (and of a watch): which objects, how many a page, from which version.
public struct ListOptions: Sendable, Hashable {
  public var labelSelector: String?
  public var fieldSelector: String?
  /// The most objects a page holds; the answer's `continue` token fetches the next page.
  public var limit: Int?
  public var continueToken: String?
  /// "" or nil: the newest state (a quorum read); "0": any state the server holds in its cache.
  public var resourceVersion: String?

  public init(
    labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil,
    continueToken: String? = nil,
    resourceVersion: String? = nil
  ) {
    self.labelSelector = labelSelector
    self.fieldSelector = fieldSelector
    self.limit = limit
    self.continueToken = continueToken
    self.resourceVersion = resourceVersion
  }

  var queryItems: [URLQueryItem] {
    var items: [URLQueryItem] = []
    if let labelSelector, !labelSelector.isEmpty {
      items.append(.init(name: "labelSelector", value: labelSelector))
    }
    if let fieldSelector, !fieldSelector.isEmpty {
      items.append(.init(name: "fieldSelector", value: fieldSelector))
    }
    if let limit { items.append(.init(name: "limit", value: String(limit))) }
    if let continueToken, !continueToken.isEmpty {
      items.append(.init(name: "continue", value: continueToken))
    }
    if let resourceVersion { items.append(.init(name: "resourceVersion", value: resourceVersion)) }
    return items
  }
}
