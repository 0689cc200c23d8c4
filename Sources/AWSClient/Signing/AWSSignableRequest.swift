import Foundation

/// An HTTP request as SigV4 sees it: method, path, decoded query pairs, headers and body.
public struct AWSSignableRequest: Sendable {
  public var method: String
  /// The URL path, not yet encoded (`/`, `/clusters/my cluster`).
  public var path: String
  /// Decoded query parameters in any order.
  public var query: [(String, String)]
  /// Headers in the order they were set; names keep their case.
  public var headers: [(String, String)]
  public var body: Data
  /// The `Host` header to sign when none is set (`ec2.us-east-1.amazonaws.com`, `127.0.0.1:5000`).
  public var hostHeader: String?

  public init(
    method: String, path: String, query: [(String, String)] = [], headers: [(String, String)] = [],
    body: Data = Data(), hostHeader: String? = nil
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.body = body
    self.hostHeader = hostHeader
  }

  /// The first value of a header, compared without case.
  public func header(_ name: String) -> String? {
    headers.first { $0.0.lowercased() == name.lowercased() }?.1
  }

  /// Replaces every header of that name by one value.
  public mutating func setHeader(_ name: String, _ value: String) {
    headers.removeAll { $0.0.lowercased() == name.lowercased() }
    headers.append((name, value))
  }
}
