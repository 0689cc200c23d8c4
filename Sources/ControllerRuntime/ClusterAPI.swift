import Foundation
import KubernetesClient

/// The REST calls the live runtime makes, as bytes in and out: the seam between the runtime and
/// the Kubernetes client, so that the runtime's writes read as the API paths they are.
public protocol ClusterAPI: Sendable {
  /// Sends the request; a non-2xx answer comes back as a response (its status and the
  /// `Status` body), a failure to reach the server as a thrown error.
  func send(_ request: APIRequest) async throws -> APIResponse
}

public struct APIRequest: Sendable, CustomStringConvertible {
  public enum Method: String, Sendable { case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE" }

  public var method: Method
  /// The object or collection, such as NodeClaim `default-abcde`'s `status`.
  public var path: ResourcePath
  public var body: Data?
  /// For PATCH: `application/merge-patch+json` and friends.
  public var contentType: String

  public init(_ method: Method, _ path: ResourcePath, body: Data? = nil, contentType: String = "application/json") {
    self.method = method
    self.path = path
    self.body = body
    self.contentType = contentType
  }

  public static func mergePatch(_ path: ResourcePath, _ patch: [String: Any]) -> APIRequest {
    APIRequest(.patch, path, body: json(patch), contentType: "application/merge-patch+json")
  }

  public static func post(_ path: ResourcePath, _ object: [String: Any]) -> APIRequest {
    APIRequest(.post, path, body: json(object))
  }

  public var description: String { "\(method.rawValue) \(path.urlPath)" }

  static func json(_ object: [String: Any]) -> Data {
    (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
  }
}

public struct APIResponse: Sendable {
  public var status: Int
  public var body: Data

  public init(status: Int, body: Data) {
    self.status = status
    self.body = body
  }

  public var isSuccess: Bool { (200..<300).contains(status) }

  /// The decoded object of a successful answer.
  public func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try JSONDecoder().decode(T.self, from: body)
  }

  /// The `message` of a `Status` answer, or the body as text.
  public var message: String {
    if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let m = object["message"] as? String {
      return m
    }
    return String(decoding: body.prefix(500), as: UTF8.self)
  }
}

/// A call the API server refused, as a sentence naming the call.
public struct ClusterAPIError: Error, CustomStringConvertible {
  public var request: String
  public var status: Int
  public var message: String

  public init(_ request: APIRequest, _ response: APIResponse) {
    self.request = request.description
    self.status = response.status
    self.message = response.message
  }

  public var description: String { "\(request) answered \(status): \(message)" }
}

extension ClusterAPI {
  /// Sends the request and returns the answer's body, throwing when it is not a success.
  @discardableResult
  public func call(_ request: APIRequest) async throws -> APIResponse {
    let response = try await send(request)
    guard response.isSuccess else { throw ClusterAPIError(request, response) }
    return response
  }
}

/// The objects the runtime reads and writes.
public enum APIPaths {
  public static let nodeClaims = ResourcePath.nodeClaims()
  public static func nodeClaim(_ name: String) -> ResourcePath { .nodeClaims(name: name) }
  public static func nodeClaimStatus(_ name: String) -> ResourcePath { .nodeClaims(name: name).subresource("status") }
  public static let nodes = ResourcePath.nodes()
  public static func node(_ name: String) -> ResourcePath { .nodes(name: name) }
  public static func pod(_ key: String) -> ResourcePath {
    let (namespace, name) = split(key)
    return .pods(namespace: namespace, name: name)
  }
  public static func events(_ namespace: String) -> ResourcePath { .events(namespace: namespace) }
  public static func lease(namespace: String, name: String) -> ResourcePath { .leases(namespace: namespace, name: name) }
  public static func leases(namespace: String) -> ResourcePath { .leases(namespace: namespace) }

  /// `namespace/name` split in two.
  public static func split(_ key: String) -> (String, String) {
    guard let slash = key.firstIndex(of: "/") else { return ("default", key) }
    return (String(key[..<slash]), String(key[key.index(after: slash)...]))
  }
}
