import Foundation

/// The AWS Query protocol (IAM, STS) and its EC2 dialect: a form-encoded POST with `Action` and
/// `Version`, answered with XML.
public struct QueryProtocol: Sendable {
  public let requester: AWSRequester
  /// `2016-11-15` for EC2, `2010-05-08` for IAM, `2011-06-15` for STS.
  public let version: String

  public init(requester: AWSRequester, version: String) {
    self.requester = requester
    self.version = version
  }

  /// Calls `action` and returns the root element of the answer.
  public func call(_ action: String, _ parameters: QueryParameters = QueryParameters(), signed: Bool = true)
    async throws -> XMLNode
  {
    var all = QueryParameters([("Action", action), ("Version", version)])
    for (name, value) in parameters.pairs { all.set(name, value) }
    let response = try await requester.send(
      operation: action, method: "POST", path: "/",
      headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
      body: Data(all.formEncoded.utf8), signed: signed)
    guard let root = XMLNode.parse(response.body) else {
      throw AWSErrorFormat.xml.malformed(
        response, service: requester.service.displayName, operation: action, expected: "XML",
        requestID: response.header("x-amzn-RequestId"))
    }
    return root
  }

  /// For Query services (not EC2): the `<ActionResult>` element of the answer.
  public func callForResult(
    _ action: String, _ parameters: QueryParameters = QueryParameters(), signed: Bool = true
  ) async throws -> XMLNode {
    let root = try await call(action, parameters, signed: signed)
    return root.child("\(action)Result") ?? XMLNode(name: "\(action)Result")
  }

  /// A field the answer must have; a missing one is a malformed answer, not a crash.
  public func require(_ value: String?, _ field: String, operation: String) throws -> String {
    guard let value, !value.isEmpty else {
      throw AWSError(
        kind: .malformedResponse, service: requester.service.displayName, operation: operation,
        message: "the answer has no \(field)")
    }
    return value
  }
}

/// Follows `NextToken` until the service stops giving one.
///
/// `page` gets the token (nil first) and returns its items and the next token.
public func collectPages<Item: Sendable>(
  maxPages: Int = 10_000, _ page: (String?) async throws -> ([Item], String?)
) async throws -> [Item] {
  var items: [Item] = []
  var token: String? = nil
  for _ in 0..<maxPages {
    let (batch, next) = try await page(token)
    items += batch
    guard let next, !next.isEmpty else { break }
    token = next
  }
  return items
}
