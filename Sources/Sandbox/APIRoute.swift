/// Where a request path leads, before any resource is looked up: the discovery and OpenAPI
/// documents, the health endpoints, the sandbox's own endpoints, or a resource path.
public enum APIRoute: Equatable, Sendable {
  case version
  /// `/healthz`, `/readyz`, `/livez` (and their `/ping`-style sub-checks).
  case health
  /// `/api`: the core group's versions (APIVersions).
  case coreVersions
  /// `/apis`: every group (APIGroupList).
  case groupList
  /// `/apis/GROUP`: one group's versions (APIGroup).
  case group(String)
  /// `/api/v1` or `/apis/GROUP/VERSION`: the resources of one group version (APIResourceList).
  case resourceList(group: String, version: String)
  case resource(ResourcePath)
  case openAPIV2
  case openAPIV3Index
  /// `/openapi/v3/api/v1` or `/openapi/v3/apis/GROUP/VERSION`.
  case openAPIV3(group: String, version: String)
  /// `/sandbox/faults`: read or set the fault switch.
  case faults
  case notFound

  /// Reads a request path (without its query). Empty segments (`//`, a trailing `/`) are
  /// ignored, as the real server's mux tolerates a trailing slash.
  public init(path: String) {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    switch parts.first {
    case "version": self = parts.count == 1 ? .version : .notFound
    case "healthz", "readyz", "livez": self = .health
    case "sandbox": self = parts == ["sandbox", "faults"] ? .faults : .notFound
    case "openapi":
      self = Self.openAPI(Array(parts.dropFirst()))
    case "api":
      if parts.count == 1 {
        self = .coreVersions
      } else if parts.count == 2 {
        self = .resourceList(group: "", version: parts[1])
      } else {
        self = ResourcePath(group: "", version: parts[1], rest: Array(parts.dropFirst(2))).map(APIRoute.resource) ?? .notFound
      }
    case "apis":
      switch parts.count {
      case 1: self = .groupList
      case 2: self = .group(parts[1])
      case 3: self = .resourceList(group: parts[1], version: parts[2])
      default:
        self = ResourcePath(group: parts[1], version: parts[2], rest: Array(parts.dropFirst(3))).map(APIRoute.resource) ?? .notFound
      }
    default:
      self = .notFound
    }
  }

  private static func openAPI(_ parts: [String]) -> APIRoute {
    switch parts.first {
    case "v2": return parts.count == 1 ? .openAPIV2 : .notFound
    case "v3":
      let rest = Array(parts.dropFirst())
      if rest.isEmpty { return .openAPIV3Index }
      if rest.count == 2, rest[0] == "api" { return .openAPIV3(group: "", version: rest[1]) }
      if rest.count == 3, rest[0] == "apis" { return .openAPIV3(group: rest[1], version: rest[2]) }
      return .notFound
    default: return .notFound
    }
  }
}

/// A resource path: `[namespaces/NS/]RESOURCE[/NAME[/SUBRESOURCE]]` under a group version.
///
/// `/api/v1/namespaces/NS` itself is the Namespace named NS (a cluster-scoped object), and
/// `/api/v1/namespaces/NS/status` its status, as the real server routes them.
public struct ResourcePath: Equatable, Sendable {
  public var group: String
  public var version: String
  public var namespace: String?
  /// The plural resource name, e.g. `pods`.
  public var resource: String
  public var name: String?
  /// The subresource as written (`status`, `scale`, `eviction`, `binding`, or any other,
  /// which the API layer refuses with 404).
  public var subresource: String?

  public init(
    group: String, version: String, namespace: String? = nil, resource: String, name: String? = nil,
    subresource: String? = nil
  ) {
    self.group = group
    self.version = version
    self.namespace = namespace
    self.resource = resource
    self.name = name
    self.subresource = subresource
  }

  /// Reads the segments after the group version; nil when they form no resource path.
  init?(group: String, version: String, rest: [String]) {
    var rest = rest[...]
    var namespace: String?
    if group.isEmpty, rest.count == 3, rest.first == "namespaces", ["status", "finalize"].contains(rest.last) {
      self.init(group: group, version: version, resource: "namespaces", name: rest[1], subresource: rest[2])
      return
    }
    if rest.first == "namespaces", rest.count >= 3 {
      namespace = rest[rest.startIndex + 1]
      rest = rest.dropFirst(2)
    }
    guard let resource = rest.popFirst() else { return nil }
    let name = rest.popFirst()
    let subresource = rest.popFirst()
    guard rest.isEmpty else { return nil }
    self.init(
      group: group, version: version, namespace: namespace, resource: resource, name: name,
      subresource: subresource)
  }

  /// Whether the path names a collection (list, watch, create, deletecollection).
  public var isCollection: Bool { name == nil }
}
