/// The discovery documents kubectl and client libraries read before anything else (`/api`,
/// `/apis`, `/api/v1`, `/apis/<group>/<version>`, and the aggregated form), built from the
/// registry so that custom resources appear as soon as their CRD is created.
extension ResourceRegistry {
  /// The groups served (the core group as ""), each with its versions, newest-first as the
  /// real server orders them (v1 before v1beta1 before v1alpha1).
  public var groups: [(name: String, versions: [String])] {
    var byGroup: [String: Set<String>] = [:]
    for type in types { byGroup[type.group, default: []].insert(type.version) }
    return byGroup.keys.sorted().map { group in
      (
        group,
        byGroup[group]!.sorted { ResourceRegistry.versionPriority($0) > ResourceRegistry.versionPriority($1) }
      )
    }
  }

  /// Kubernetes version ordering: GA over beta over alpha, then by number.
  static func versionPriority(_ version: String) -> Int {
    let digits = version.dropFirst().prefix { $0.isNumber }
    let major = Int(digits) ?? 0
    let rest = version.dropFirst(1 + digits.count)
    if rest.isEmpty { return 3_000_000 + major * 1000 }
    let minor = Int(rest.drop { !$0.isNumber }) ?? 0
    if rest.hasPrefix("beta") { return 2_000_000 + major * 1000 + minor }
    if rest.hasPrefix("alpha") { return 1_000_000 + major * 1000 + minor }
    return 0
  }

  /// `GET /api`.
  public func coreAPIVersions(serverAddress: String) -> JSON {
    [
      "kind": "APIVersions", "versions": ["v1"],
      "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]],
    ]
  }

  /// `GET /apis`.
  public func apiGroupList() -> JSON {
    let items: [JSON] = groups.filter { !$0.name.isEmpty }.map { group in
      let versions: [JSON] = group.versions.map {
        ["groupVersion": .string("\(group.name)/\($0)"), "version": .string($0)]
      }
      return ["name": .string(group.name), "versions": .array(versions), "preferredVersion": versions[0]]
    }
    return ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(items)]
  }

  /// `GET /apis/<group>`; nil when the group is not served.
  public func apiGroup(_ name: String) -> JSON? {
    guard let group = groups.first(where: { $0.name == name && !name.isEmpty }) else { return nil }
    let versions: [JSON] = group.versions.map {
      ["groupVersion": .string("\(name)/\($0)"), "version": .string($0)]
    }
    return [
      "kind": "APIGroup", "apiVersion": "v1", "name": .string(name), "versions": .array(versions),
      "preferredVersion": versions[0],
    ]
  }

  /// `GET /api/v1` or `GET /apis/<group>/<version>`; nil when that version is not served.
  public func apiResourceList(group: String, version: String) -> JSON? {
    let served = types.filter { $0.group == group && $0.version == version }
    guard !served.isEmpty else { return nil }
    var resources: [JSON] = []
    for type in served {
      var resource: JSON = [
        "name": .string(type.plural), "singularName": .string(type.singular),
        "namespaced": .bool(type.namespaced),
        "kind": .string(type.kind), "verbs": .array(type.verbs.map(\.rawValue).sorted().map(JSON.string)),
      ]
      if !type.shortNames.isEmpty { resource["shortNames"] = .array(type.shortNames.map(JSON.string)) }
      if !type.categories.isEmpty { resource["categories"] = .array(type.categories.map(JSON.string)) }
      resources.append(resource)
      for sub in type.subresources.sorted(by: { $0.rawValue < $1.rawValue }) {
        let view = ResourceRegistry.subresourceView(sub, of: type)
        var entry: JSON = [
          "name": .string("\(type.plural)/\(sub.rawValue)"), "singularName": "",
          "namespaced": .bool(type.namespaced),
          "kind": .string(view.kind), "verbs": .array(view.verbs.map(JSON.string)),
        ]
        if !view.group.isEmpty || view.kind != type.kind {
          entry["group"] = .string(view.group)
          entry["version"] = .string(view.version)
        }
        resources.append(entry)
      }
    }
    return [
      "kind": "APIResourceList", "apiVersion": "v1",
      "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"),
      "resources": .array(resources),
    ]
  }

  /// The kind a subresource answers with and the verbs it takes.
  static func subresourceView(_ sub: Subresource, of type: ResourceType) -> (
    group: String, version: String, kind: String, verbs: [String]
  ) {
    switch sub {
    case .status: return (type.group, type.version, type.kind, ["get", "patch", "update"])
    case .scale: return ("autoscaling", "v1", "Scale", ["get", "patch", "update"])
    case .eviction: return ("policy", "v1", "Eviction", ["create"])
    case .binding: return ("", "v1", "Binding", ["create"])
    }
  }

  /// The aggregated discovery document (`apidiscovery.k8s.io/v2` `APIGroupDiscoveryList`) for
  /// `/api` (`core: true`) or `/apis`; `apiVersion` may be "apidiscovery.k8s.io/v2beta1" for
  /// kubectl 1.27.
  public func aggregatedDiscovery(core: Bool, apiVersion: String = "apidiscovery.k8s.io/v2") -> JSON {
    let items: [JSON] = groups.filter { core ? $0.name.isEmpty : !$0.name.isEmpty }.map { group in
      let versions: [JSON] = group.versions.map { version in
        let resources: [JSON] = types.filter { $0.group == group.name && $0.version == version }.map { type in
          var resource: JSON = [
            "resource": .string(type.plural),
            "responseKind": [
              "group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind),
            ],
            "scope": type.namespaced ? "Namespaced" : "Cluster", "singularResource": .string(type.singular),
            "verbs": .array(type.verbs.map(\.rawValue).sorted().map(JSON.string)),
          ]
          if !type.shortNames.isEmpty { resource["shortNames"] = .array(type.shortNames.map(JSON.string)) }
          if !type.categories.isEmpty { resource["categories"] = .array(type.categories.map(JSON.string)) }
          let subs: [JSON] = type.subresources.sorted(by: { $0.rawValue < $1.rawValue }).map { sub in
            let view = ResourceRegistry.subresourceView(sub, of: type)
            return [
              "subresource": .string(sub.rawValue),
              "responseKind": [
                "group": .string(view.group), "version": .string(view.version), "kind": .string(view.kind),
              ],
              "verbs": .array(view.verbs.map(JSON.string)),
            ]
          }
          if !subs.isEmpty { resource["subresources"] = .array(subs) }
          return resource
        }
        return ["version": .string(version), "resources": .array(resources), "freshness": "Current"]
      }
      return ["metadata": ["name": .string(group.name)], "versions": .array(versions)]
    }
    return [
      "kind": "APIGroupDiscoveryList", "apiVersion": .string(apiVersion), "metadata": [:],
      "items": .array(items),
    ]
  }
}
