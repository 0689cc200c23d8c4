/// `metadata` of every Kubernetes object: the fields the controllers read or users write.
public struct ObjectMeta: Codable, Hashable, Sendable {
  public var name: String?
  public var generateName: String?
  public var namespace: String?
  public var uid: String?
  public var resourceVersion: String?
  public var generation: Int64?
  public var creationTimestamp: String?
  public var deletionTimestamp: String?
  public var deletionGracePeriodSeconds: Int64?
  public var labels: [String: String]?
  public var annotations: [String: String]?
  public var ownerReferences: [OwnerReference]?
  public var finalizers: [String]?

  public init(
    name: String? = nil, namespace: String? = nil, labels: [String: String]? = nil,
    annotations: [String: String]? = nil
  ) {
    self.name = name
    self.namespace = namespace
    self.labels = labels
    self.annotations = annotations
  }
}

/// Points at the object that owns this one; `controller: true` marks the managing controller.
public struct OwnerReference: Codable, Hashable, Sendable {
  public var apiVersion: String
  public var kind: String
  public var name: String
  public var uid: String?
  public var controller: Bool?
  public var blockOwnerDeletion: Bool?

  public init(apiVersion: String, kind: String, name: String, uid: String? = nil, controller: Bool? = nil) {
    self.apiVersion = apiVersion
    self.kind = kind
    self.name = name
    self.uid = uid
    self.controller = controller
  }
}

/// `apiVersion` and `kind`, read first to decide what a document is.
public struct TypeMeta: Codable, Hashable, Sendable {
  public var apiVersion: String?
  public var kind: String?

  public init(apiVersion: String? = nil, kind: String? = nil) {
    self.apiVersion = apiVersion
    self.kind = kind
  }

  /// The group of `apiVersion`: `karpenter.sh` for `karpenter.sh/v1`, "" for `v1`.
  public var group: String {
    guard let apiVersion, let slash = apiVersion.firstIndex(of: "/") else { return "" }
    return String(apiVersion[..<slash])
  }

  /// The version of `apiVersion`: `v1` for `karpenter.sh/v1`.
  public var version: String {
    guard let apiVersion else { return "" }
    guard let slash = apiVersion.firstIndex(of: "/") else { return apiVersion }
    return String(apiVersion[apiVersion.index(after: slash)...])
  }
}

/// A Kubernetes object with a kind, a version and metadata.
public protocol KubernetesObject: Codable, Sendable {
  static var apiVersion: String { get }
  static var kind: String { get }
  var metadata: ObjectMeta { get set }
}

extension KubernetesObject {
  public var name: String { metadata.name ?? "" }
  public var namespace: String { metadata.namespace ?? "default" }
  public var labels: [String: String] { metadata.labels ?? [:] }
  public var annotations: [String: String] { metadata.annotations ?? [:] }
}
