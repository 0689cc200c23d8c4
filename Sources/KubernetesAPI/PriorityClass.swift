/// A named pod priority (`scheduling.k8s.io/v1`, `PriorityClass`). Its fields are top-level;
/// it has no `spec`.
public struct PriorityClass: KubernetesObject, Hashable {
  public static let apiVersion = "scheduling.k8s.io/v1"
  public static let kind = "PriorityClass"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var value: Int32
  public var globalDefault: Bool?
  /// `PreemptLowerPriority` (the default) or `Never`.
  public var preemptionPolicy: String?
  public var description: String?

  public init(
    metadata: ObjectMeta = ObjectMeta(), value: Int32, globalDefault: Bool? = nil,
    preemptionPolicy: String? = nil, description: String? = nil
  ) {
    self.apiVersion = Self.apiVersion
    self.kind = Self.kind
    self.metadata = metadata
    self.value = value
    self.globalDefault = globalDefault
    self.preemptionPolicy = preemptionPolicy
    self.description = description
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion)
    kind = try c.decodeIfPresent(String.self, forKey: .kind)
    metadata = try c.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
    value = try c.decode(Int32.self, forKey: .value)
    globalDefault = try c.decodeIfPresent(Bool.self, forKey: .globalDefault)
    preemptionPolicy = try c.decodeIfPresent(String.self, forKey: .preemptionPolicy)
    description = try c.decodeIfPresent(String.self, forKey: .description)
  }
}
