/// The resource types the API server serves: the built-ins the sandbox needs, Karpenter's kinds,
/// and whatever CustomResourceDefinitions have been created since.
public struct ResourceRegistry: Sendable {
  /// Every served type, keyed by (group, version, plural).
  private var byResource: [ResourceKey: ResourceType] = [:]
  /// The keys of the built-in types, which deleting a CRD never removes.
  private var builtInKeys: Set<ResourceKey> = []

  struct ResourceKey: Hashable, Sendable {
    var group: String
    var version: String
    var plural: String
  }

  /// A registry with the built-in and Karpenter types.
  public init() {
    for type in ResourceRegistry.builtIns { register(type) }
    builtInKeys = Set(byResource.keys)
  }

  /// A registry serving exactly the given types.
  public init(types: [ResourceType]) {
    for type in types { register(type) }
  }

  /// All served types, sorted by group, version and resource name (the order discovery lists).
  public var types: [ResourceType] {
    byResource.values.sorted { ($0.group, $0.version, $0.plural) < ($1.group, $1.version, $1.plural) }
  }

  /// Adds or replaces a type.
  public mutating func register(_ type: ResourceType) {
    byResource[ResourceKey(group: type.group, version: type.version, plural: type.plural)] = type
  }

  /// Removes every version of a group's resource, unless it is built in.
  public mutating func unregister(group: String, plural: String) {
    for key in byResource.keys where key.group == group && key.plural == plural && !builtInKeys.contains(key)
    {
      byResource[key] = nil
    }
  }

  /// The type served at `/apis/group/version/plural` (or `/api/v1/plural` for the core group).
  public func type(group: String, version: String, plural: String) -> ResourceType? {
    byResource[ResourceKey(group: group, version: version, plural: plural)]
  }

  /// The type of objects with this `apiVersion` and `kind`.
  public func type(apiVersion: String, kind: String) -> ResourceType? {
    let (group, version) = ResourceRegistry.split(apiVersion: apiVersion)
    return byResource.values.first { $0.group == group && $0.version == version && $0.kind == kind }
  }

  /// The types with this kind, in any group and version (the core group first).
  public func types(kind: String) -> [ResourceType] {
    types.filter { $0.kind == kind }
  }

  /// Splits "apps/v1" into ("apps", "v1") and "v1" into ("", "v1").
  public static func split(apiVersion: String) -> (group: String, version: String) {
    guard let slash = apiVersion.lastIndex(of: "/") else { return ("", apiVersion) }
    return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
  }

  /// The types a CustomResourceDefinition serves, one per served version.
  public static func types(fromCRD crd: JSON) -> [ResourceType] {
    guard let spec = crd["spec"], let group = spec["group"]?.string,
      let names = spec["names"], let kind = names["kind"]?.string, let plural = names["plural"]?.string
    else { return [] }
    let namespaced = spec["scope"]?.string != "Cluster"
    return (spec["versions"]?.array ?? []).compactMap { version -> ResourceType? in
      guard let name = version["name"]?.string, version["served"]?.bool != false else { return nil }
      var subresources: Set<Subresource> = []
      if version[path: ["subresources", "status"]] != nil { subresources.insert(.status) }
      if version[path: ["subresources", "scale"]] != nil { subresources.insert(.scale) }
      return ResourceType(
        group: group, version: name, kind: kind, listKind: names["listKind"]?.string, plural: plural,
        singular: names["singular"]?.string, namespaced: namespaced,
        shortNames: names["shortNames"]?.array?.compactMap(\.string) ?? [],
        categories: names["categories"]?.array?.compactMap(\.string) ?? [],
        subresources: subresources, isCustom: true)
    }
  }
}

extension ResourceRegistry {
  /// The built-in kinds the sandbox serves, with kubectl's short names and categories.
  static let builtIns: [ResourceType] = {
    func core(
      _ kind: String, _ plural: String, namespaced: Bool = true, short: [String] = [], all: Bool = false,
      sub: Set<Subresource> = []
    ) -> ResourceType {
      ResourceType(
        group: "", version: "v1", kind: kind, plural: plural, namespaced: namespaced, shortNames: short,
        categories: all ? ["all"] : [], subresources: sub)
    }
    func grouped(
      _ group: String, _ version: String, _ kind: String, _ plural: String, namespaced: Bool = true,
      short: [String] = [], categories: [String] = [], sub: Set<Subresource> = [], custom: Bool = false
    ) -> ResourceType {
      ResourceType(
        group: group, version: version, kind: kind, plural: plural, namespaced: namespaced, shortNames: short,
        categories: categories, subresources: sub, isCustom: custom)
    }
    return [
      core("Namespace", "namespaces", namespaced: false, short: ["ns"], sub: [.status]),
      core("Pod", "pods", short: ["po"], all: true, sub: [.status, .eviction, .binding]),
      core("Node", "nodes", namespaced: false, short: ["no"], sub: [.status]),
      core("Event", "events", short: ["ev"]),
      core("Service", "services", short: ["svc"], all: true, sub: [.status]),
      core("ConfigMap", "configmaps", short: ["cm"]),
      core("Secret", "secrets"),
      core("ServiceAccount", "serviceaccounts", short: ["sa"]),
      core("Endpoints", "endpoints", short: ["ep"]),
      core("PersistentVolume", "persistentvolumes", namespaced: false, short: ["pv"], sub: [.status]),
      core("PersistentVolumeClaim", "persistentvolumeclaims", short: ["pvc"], sub: [.status]),
      grouped(
        "apps", "v1", "Deployment", "deployments", short: ["deploy"], categories: ["all"],
        sub: [.status, .scale]),
      grouped(
        "apps", "v1", "ReplicaSet", "replicasets", short: ["rs"], categories: ["all"], sub: [.status, .scale]),
      grouped(
        "apps", "v1", "StatefulSet", "statefulsets", short: ["sts"], categories: ["all"],
        sub: [.status, .scale]),
      grouped("apps", "v1", "DaemonSet", "daemonsets", short: ["ds"], categories: ["all"], sub: [.status]),
      grouped("batch", "v1", "Job", "jobs", categories: ["all"], sub: [.status]),
      grouped("batch", "v1", "CronJob", "cronjobs", short: ["cj"], categories: ["all"], sub: [.status]),
      grouped("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", short: ["pdb"], sub: [.status]),
      grouped("coordination.k8s.io", "v1", "Lease", "leases"),
      grouped(
        "scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", namespaced: false, short: ["pc"]),
      grouped("storage.k8s.io", "v1", "StorageClass", "storageclasses", namespaced: false, short: ["sc"]),
      grouped("storage.k8s.io", "v1", "CSINode", "csinodes", namespaced: false),
      grouped(
        "apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions",
        namespaced: false,
        short: ["crd", "crds"], categories: ["api-extensions"], sub: [.status]),
      grouped("events.k8s.io", "v1", "Event", "events", short: ["ev"]),
      // What a Helm chart's RBAC renders (kubectl knows no short names for these).
      grouped("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", namespaced: false),
      grouped("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", namespaced: false),
      grouped("rbac.authorization.k8s.io", "v1", "Role", "roles"),
      grouped("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings"),
      grouped(
        "karpenter.sh", "v1", "NodePool", "nodepools", namespaced: false, categories: ["karpenter"],
        sub: [.status],
        custom: true),
      grouped(
        "karpenter.sh", "v1", "NodeClaim", "nodeclaims", namespaced: false, categories: ["karpenter"],
        sub: [.status],
        custom: true),
      grouped(
        "karpenter.k8s.aws", "v1", "EC2NodeClass", "ec2nodeclasses", namespaced: false,
        short: ["ec2nc", "ec2ncs"],
        categories: ["karpenter"], sub: [.status], custom: true),
      grouped(
        "karpenter.sh", "v1alpha1", "NodeOverlay", "nodeoverlays", namespaced: false,
        categories: ["karpenter"],
        sub: [.status], custom: true),
    ]
  }()
}
