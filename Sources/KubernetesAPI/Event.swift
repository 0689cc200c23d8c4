/// A core event (`v1`, `Event`) about another object. Its fields are top-level.
public struct Event: KubernetesObject, Hashable {
  public static let apiVersion = "v1"
  public static let kind = "Event"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var involvedObject: ObjectReference
  public var reason: String?
  public var message: String?
  /// `Normal` or `Warning`.
  public var type: String?
  public var source: EventSource?
  public var firstTimestamp: String?
  public var lastTimestamp: String?
  public var count: Int32?
  /// RFC 3339 with microseconds (`MicroTime`), kept as text.
  public var eventTime: String?
  public var action: String?
  public var reportingComponent: String?
  public var reportingInstance: String?

  public init(
    metadata: ObjectMeta = ObjectMeta(), involvedObject: ObjectReference,
    reason: String? = nil, message: String? = nil, type: String? = nil,
    source: EventSource? = nil, count: Int32? = nil
  ) {
    self.apiVersion = Self.apiVersion
    self.kind = Self.kind
    self.metadata = metadata
    self.involvedObject = involvedObject
    self.reason = reason
    self.message = message
    self.type = type
    self.source = source
    self.count = count
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion)
    kind = try c.decodeIfPresent(String.self, forKey: .kind)
    metadata = try c.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
    involvedObject = try c.decode(ObjectReference.self, forKey: .involvedObject)
    reason = try c.decodeIfPresent(String.self, forKey: .reason)
    message = try c.decodeIfPresent(String.self, forKey: .message)
    type = try c.decodeIfPresent(String.self, forKey: .type)
    source = try c.decodeIfPresent(EventSource.self, forKey: .source)
    firstTimestamp = try c.decodeIfPresent(String.self, forKey: .firstTimestamp)
    lastTimestamp = try c.decodeIfPresent(String.self, forKey: .lastTimestamp)
    count = try c.decodeIfPresent(Int32.self, forKey: .count)
    eventTime = try c.decodeIfPresent(String.self, forKey: .eventTime)
    action = try c.decodeIfPresent(String.self, forKey: .action)
    reportingComponent = try c.decodeIfPresent(String.self, forKey: .reportingComponent)
    reportingInstance = try c.decodeIfPresent(String.self, forKey: .reportingInstance)
  }

  public static let normal = "Normal"
  public static let warning = "Warning"
}

/// The component (and host) that reported an event.
public struct EventSource: Codable, Hashable, Sendable {
  public var component: String?
  public var host: String?

  public init(component: String? = nil, host: String? = nil) {
    self.component = component
    self.host = host
  }
}
