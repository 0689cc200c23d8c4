/// A reference to another object, as in an Event's `involvedObject` or a PersistentVolume's
/// `claimRef`.
public struct ObjectReference: Codable, Hashable, Sendable {
  public var kind: String?
  public var namespace: String?
  public var name: String?
  public var uid: String?
  public var apiVersion: String?
  public var resourceVersion: String?
  public var fieldPath: String?

  public init(
    kind: String? = nil, namespace: String? = nil, name: String? = nil, uid: String? = nil,
    apiVersion: String? = nil
  ) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.uid = uid
    self.apiVersion = apiVersion
  }

  /// A reference to `object`, by its kind, version, namespace, name and uid.
  public init<T: KubernetesObject>(_ object: T) {
    self.init(
      kind: T.kind, namespace: object.metadata.namespace, name: object.metadata.name,
      uid: object.metadata.uid, apiVersion: T.apiVersion)
  }
}
