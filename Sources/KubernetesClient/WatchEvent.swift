/// One change a watch reports, decoded into `Object`.
public enum WatchEvent<Object: Sendable>: Sendable {
  case added(Object)
  case modified(Object)
  case deleted(Object)
  /// The server's progress note: everything up to this version has been sent.
  case bookmark(resourceVersion: String)
  /// The server ended the watch with a Status; a 410 (`Expired`) means the version asked for
  /// is gone and the caller must list again.
  case error(APIStatus)
  /// An object that does not decode into `Object`; it is reported and skipped.
  case undecodable(UndecodableObject)
}

/// Which object something is about, read leniently from any Kubernetes object so that even one
/// that does not decode can be named.
public struct ObjectIdentity: Decodable, Sendable, Hashable, CustomStringConvertible {
  public var apiVersion: String?
  public var kind: String?
  public var name: String?
  public var namespace: String?
  public var uid: String?
  public var resourceVersion: String?

  public init(
    apiVersion: String? = nil, kind: String? = nil, name: String? = nil, namespace: String? = nil,
    uid: String? = nil,
    resourceVersion: String? = nil
  ) {
    self.apiVersion = apiVersion
    self.kind = kind
    self.name = name
    self.namespace = namespace
    self.uid = uid
    self.resourceVersion = resourceVersion
  }

  enum CodingKeys: String, CodingKey { case apiVersion, kind, metadata }
  enum MetadataKeys: String, CodingKey { case name, namespace, uid, resourceVersion }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    apiVersion = try? container.decodeIfPresent(String.self, forKey: .apiVersion)
    kind = try? container.decodeIfPresent(String.self, forKey: .kind)
    if let metadata = try? container.nestedContainer(keyedBy: MetadataKeys.self, forKey: .metadata) {
      name = try? metadata.decodeIfPresent(String.self, forKey: .name)
      namespace = try? metadata.decodeIfPresent(String.self, forKey: .namespace)
      uid = try? metadata.decodeIfPresent(String.self, forKey: .uid)
      resourceVersion = try? metadata.decodeIfPresent(String.self, forKey: .resourceVersion)
    }
  }

  /// `Pod "default/web-1"`.
  public var description: String {
    let qualified = [namespace, name].compactMap { $0 }.joined(separator: "/")
    return "\(kind ?? "object") \"\(qualified.isEmpty ? "?" : qualified)\""
  }
}

/// An object that could not be decoded, named by what could be read of it, with the field at
/// fault.
public struct UndecodableObject: Error, Sendable, CustomStringConvertible {
  public var identity: ObjectIdentity
  /// The field and what was wrong with it.
  public var reason: String

  public init(identity: ObjectIdentity, reason: String) {
    self.identity = identity
    self.reason = reason
  }

  public var description: String { "\(identity) does not decode: \(reason)" }
}

/// A list item or watch object decoded leniently: the value, or why it is not one.
struct LenientObject<T: Decodable>: Decodable {
  var identity: ObjectIdentity
  var result: Result<T, UndecodableObject>

  init(from decoder: any Decoder) throws {
    identity = (try? ObjectIdentity(from: decoder)) ?? ObjectIdentity()
    do {
      result = .success(try T(from: decoder))
    } catch let error as DecodingError {
      result = .failure(
        UndecodableObject(
          identity: identity, reason: DecodingFailure.describe(error, relativeTo: decoder.codingPath.count)))
    } catch {
      result = .failure(UndecodableObject(identity: identity, reason: "\(error)"))
    }
  }
}

/// A watch event as the server frames it: `{"type": "ADDED", "object": {...}}`.
struct WireWatchEvent<T: Decodable & Sendable>: Decodable {
  var event: WatchEvent<T>
  /// The version of the event's object (a bookmark's too).
  var resourceVersion: String?

  enum CodingKeys: String, CodingKey { case type, object }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let type = try container.decode(String.self, forKey: .type)
    let identity = (try? container.decode(ObjectIdentity.self, forKey: .object)) ?? ObjectIdentity()
    resourceVersion = identity.resourceVersion
    switch type {
    case "BOOKMARK":
      event = .bookmark(resourceVersion: identity.resourceVersion ?? "")
    case "ERROR":
      event = .error(
        (try? container.decode(APIStatus.self, forKey: .object))
          ?? APIStatus(message: "an ERROR event without a Status"))
    case "ADDED", "MODIFIED", "DELETED":
      let object = try container.decode(LenientObject<T>.self, forKey: .object)
      switch object.result {
      case .failure(let failure): event = .undecodable(failure)
      case .success(let value):
        event = type == "ADDED" ? .added(value) : type == "MODIFIED" ? .modified(value) : .deleted(value)
      }
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: container, debugDescription: "unknown watch event type \"\(type)\"")
    }
  }
}

extension LenientObject: Sendable where T: Sendable {}
