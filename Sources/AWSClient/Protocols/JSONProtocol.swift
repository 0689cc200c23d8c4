import Foundation

/// A decoded JSON object with typed accessors; wrong or missing fields read as nil.
///
/// The JSON services' answers are read by hand rather than through `Decodable` so that an
/// unexpected shape becomes a missing field, and map keys (tags, SQS attributes) stay as sent.
public struct JSONObject: @unchecked Sendable {
  /// Only ever holds values produced by `JSONSerialization`, never mutated.
  public let raw: [String: Any]

  public init(_ raw: [String: Any]) { self.raw = raw }

  public func string(_ key: String) -> String? { raw[key] as? String }
  public func int(_ key: String) -> Int? { (raw[key] as? NSNumber)?.intValue }
  public func double(_ key: String) -> Double? { (raw[key] as? NSNumber)?.doubleValue }
  public func bool(_ key: String) -> Bool? { (raw[key] as? NSNumber)?.boolValue }
  public func object(_ key: String) -> JSONObject? { (raw[key] as? [String: Any]).map(JSONObject.init) }
  public func objects(_ key: String) -> [JSONObject] {
    ((raw[key] as? [Any]) ?? []).compactMap { ($0 as? [String: Any]).map(JSONObject.init) }
  }
  public func strings(_ key: String) -> [String] { ((raw[key] as? [Any]) ?? []).compactMap { $0 as? String } }
  public func stringMap(_ key: String) -> [String: String] {
    ((raw[key] as? [String: Any]) ?? [:]).compactMapValues { $0 as? String }
  }
  /// Epoch seconds (as JSON 1.1 sends timestamps) or an ISO 8601 string.
  public func date(_ key: String) -> Date? {
    if let number = raw[key] as? NSNumber { return Date(timeIntervalSince1970: number.doubleValue) }
    return (raw[key] as? String).flatMap(ISO8601.parse)
  }
}

/// The JSON 1.0/1.1 protocols (SSM, Pricing, SQS): a POST to `/` naming the operation in
/// `X-Amz-Target`, JSON both ways.
public struct JSONProtocol: Sendable {
  public let requester: AWSRequester
  /// `AmazonSSM`, `AWSPriceListService`, `AmazonSQS`.
  public let targetPrefix: String
  /// `1.1` (SSM, Pricing) or `1.0` (SQS).
  public let jsonVersion: String

  public init(requester: AWSRequester, targetPrefix: String, jsonVersion: String) {
    self.requester = requester
    self.targetPrefix = targetPrefix
    self.jsonVersion = jsonVersion
  }

  /// Calls `operation` with `input` (a JSON object's fields) and returns the answer's object.
  public func call(_ operation: String, _ input: [String: any Sendable]) async throws -> JSONObject {
    let body = try JSONSerialization.data(withJSONObject: input, options: [.sortedKeys])
    let response = try await requester.send(
      operation: operation, method: "POST", path: "/",
      headers: [
        ("Content-Type", "application/x-amz-json-\(jsonVersion)"),
        ("X-Amz-Target", "\(targetPrefix).\(operation)"),
      ],
      body: body)
    return try Self.decode(response, service: requester.service.displayName, operation: operation)
  }

  static func decode(_ response: AWSHTTPResponse, service: String, operation: String) throws -> JSONObject {
    if response.body.isEmpty { return JSONObject([:]) }
    guard let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] else {
      throw AWSErrorFormat.json.malformed(
        response, service: service, operation: operation, expected: "a JSON object",
        requestID: response.header("x-amzn-RequestId"))
    }
    return JSONObject(object)
  }
}

/// REST-JSON (EKS): the operation is the method and path, JSON both ways.
public struct RESTJSONProtocol: Sendable {
  public let requester: AWSRequester

  public init(requester: AWSRequester) { self.requester = requester }

  public func call(
    _ operation: String, method: String, path: String, query: [(String, String)] = [],
    body: [String: any Sendable]? = nil
  ) async throws -> JSONObject {
    let data =
      try body.map { try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) } ?? Data()
    let response = try await requester.send(
      operation: operation, method: method, path: path, query: query,
      headers: body == nil ? [] : [("Content-Type", "application/json")], body: data)
    return try JSONProtocol.decode(response, service: requester.service.displayName, operation: operation)
  }
}
