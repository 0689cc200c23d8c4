import APIServer

/// The discovery documents clients read before anything else: kubectl to map `po` to
/// `pods`, the Python client's dynamic client, our controller's REST mapper. Built from the
/// served ``ResourceType``s, so a CRD created a moment ago is listed at once.
public enum Discovery {
  /// `/api`: the core group's versions.
  public static func coreVersions(serverAddress: String) -> JSON {
    [
      "kind": "APIVersions", "versions": ["v1"],
      "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]],
    ]
  }

  /// `/apis`: every non-core group with its versions, the preferred one first.
  public static func groupList(_ types: [ResourceType]) -> JSON {
    ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(groups(types).filter { !$0.name.isEmpty }.map(group))]
  }

  /// `/apis/GROUP`, nil when no type is served in the group.
  public static func group(named name: String, _ types: [ResourceType]) -> JSON? {
    guard let entry = groups(types).first(where: { $0.name == name }) else { return nil }
    var document = group(entry)
    document["kind"] = "APIGroup"
    document["apiVersion"] = "v1"
    return document
  }

  /// `/api/v1` or `/apis/GROUP/VERSION`, nil when nothing is served there. Each subresource
  /// is listed as `pods/status`, with the kind it answers in when that differs (Eviction,
  /// Binding, Scale).
  public static func resourceList(group: String, version: String, _ types: [ResourceType]) -> JSON? {
    let served = types.filter { $0.group == group && $0.version == version }.sorted { $0.plural < $1.plural }
    guard !served.isEmpty else { return nil }
    var resources: [JSON] = []
    for type in served {
      var entry: JSON = [
        "name": .string(type.plural), "singularName": .string(type.singular), "namespaced": .bool(type.namespaced),
        "kind": .string(type.kind), "verbs": verbs(type.verbs),
      ]
      if !type.shortNames.isEmpty { entry["shortNames"] = .array(type.shortNames.map(JSON.string)) }
      if !type.categories.isEmpty { entry["categories"] = .array(type.categories.map(JSON.string)) }
      resources.append(entry)
      for subresource in sortedSubresources(type) {
        let kind = responseKind(of: subresource, in: type)
        var sub: JSON = [
          "name": .string("\(type.plural)/\(subresource.rawValue)"), "singularName": "",
          "namespaced": .bool(type.namespaced), "kind": .string(kind.kind), "verbs": verbs(subresourceVerbs(subresource)),
        ]
        if kind.group != type.group || kind.version != type.version {
          sub["group"] = .string(kind.group)
          sub["version"] = .string(kind.version)
        }
        resources.append(sub)
      }
    }
    return [
      "kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(type(served[0])),
      "resources": .array(resources),
    ]
  }

  /// The aggregated discovery document (`apidiscovery.k8s.io` `v2` or `v2beta1`) of the core
  /// group (`/api`) or of every other group (`/apis`).
  public static func aggregated(core: Bool, version: String, _ types: [ResourceType]) -> JSON {
    let items: [JSON] = groups(types).filter { ($0.name.isEmpty) == core }.map { group in
      var metadata: JSON = [:]
      if !group.name.isEmpty { metadata["name"] = .string(group.name) }
      let versions: [JSON] = group.versions.map { version in
        let resources: [JSON] = types.filter { $0.group == group.name && $0.version == version }
          .sorted { $0.plural < $1.plural }
          .map(aggregatedResource)
        return ["version": .string(version), "resources": .array(resources), "freshness": "Current"]
      }
      return ["metadata": metadata, "versions": .array(versions)]
    }
    return [
      "kind": "APIGroupDiscoveryList", "apiVersion": .string("apidiscovery.k8s.io/\(version)"), "metadata": [:],
      "items": .array(items),
    ]
  }

  /// The Content-Type of an aggregated answer, which clients check before decoding it.
  public static func aggregatedContentType(version: String) -> String {
    "application/json;g=apidiscovery.k8s.io;v=\(version);as=APIGroupDiscoveryList"
  }

  private static func aggregatedResource(_ type: ResourceType) -> JSON {
    var entry: JSON = [
      "resource": .string(type.plural),
      "responseKind": ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)],
      "scope": type.namespaced ? "Namespaced" : "Cluster", "singularResource": .string(type.singular),
      "verbs": verbs(type.verbs),
    ]
    if !type.shortNames.isEmpty { entry["shortNames"] = .array(type.shortNames.map(JSON.string)) }
    if !type.categories.isEmpty { entry["categories"] = .array(type.categories.map(JSON.string)) }
    let subresources: [JSON] = sortedSubresources(type).map { subresource in
      let kind = responseKind(of: subresource, in: type)
      return [
        "subresource": .string(subresource.rawValue),
        "responseKind": ["group": .string(kind.group), "version": .string(kind.version), "kind": .string(kind.kind)],
        "verbs": verbs(subresourceVerbs(subresource)),
      ]
    }
    if !subresources.isEmpty { entry["subresources"] = .array(subresources) }
    return entry
  }

  /// A group and its versions, the preferred (most stable, newest) first.
  struct GroupVersions: Equatable {
    var name: String
    var versions: [String]
  }

  static func groups(_ types: [ResourceType]) -> [GroupVersions] {
    var byGroup: [String: Set<String>] = [:]
    for type in types { byGroup[type.group, default: []].insert(type.version) }
    return byGroup.keys.sorted().map { name in
      GroupVersions(name: name, versions: byGroup[name]!.sorted(by: KubeVersion.precedes))
    }
  }

  private static func group(_ entry: GroupVersions) -> JSON {
    let versions: [JSON] = entry.versions.map { version in
      ["groupVersion": .string("\(entry.name)/\(version)"), "version": .string(version)]
    }
    return ["name": .string(entry.name), "versions": .array(versions), "preferredVersion": versions[0]]
  }

  private static func type(_ type: ResourceType) -> String { type.apiVersion }

  private static func verbs(_ verbs: Set<Verb>) -> JSON {
    .array(verbs.map(\.rawValue).sorted().map(JSON.string))
  }

  private static func sortedSubresources(_ type: ResourceType) -> [Subresource] {
    type.subresources.sorted { $0.rawValue < $1.rawValue }
  }

  static func subresourceVerbs(_ subresource: Subresource) -> Set<Verb> {
    switch subresource {
    case .status, .scale: [.get, .patch, .update]
    case .eviction, .binding: [.create]
    }
  }

  /// The kind a subresource answers in: a Pod's eviction is a policy/v1 Eviction, a scale an
  /// autoscaling/v1 Scale, status the object's own kind.
  static func responseKind(of subresource: Subresource, in type: ResourceType) -> (group: String, version: String, kind: String) {
    switch subresource {
    case .status: (type.group, type.version, type.kind)
    case .scale: ("autoscaling", "v1", "Scale")
    case .eviction: ("policy", "v1", "Eviction")
    case .binding: ("", "v1", "Binding")
    }
  }
}

/// Kubernetes' ordering of API versions: GA before beta before alpha, higher numbers first
/// within each (v2 > v1 > v1beta2 > v1beta1 > v1alpha1), others last alphabetically.
enum KubeVersion {
  static func precedes(_ a: String, _ b: String) -> Bool {
    let (ka, kb) = (key(a), key(b))
    if ka.stability != kb.stability { return ka.stability > kb.stability }
    if ka.major != kb.major { return ka.major > kb.major }
    if ka.minor != kb.minor { return ka.minor > kb.minor }
    return a < b
  }

  /// (stability 3 GA, 2 beta, 1 alpha, 0 other; major; minor).
  static func key(_ version: String) -> (stability: Int, major: Int, minor: Int) {
    guard version.hasPrefix("v") else { return (0, 0, 0) }
    let rest = version.dropFirst()
    let digits = rest.prefix { $0.isNumber }
    guard let major = Int(digits) else { return (0, 0, 0) }
    let tail = rest.dropFirst(digits.count)
    if tail.isEmpty { return (3, major, 0) }
    for (label, stability) in [("beta", 2), ("alpha", 1)] where tail.hasPrefix(label) {
      if let minor = Int(tail.dropFirst(label.count)) { return (stability, major, minor) }
    }
    return (0, 0, 0)
  }
}
