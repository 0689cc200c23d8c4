import Foundation

/// How a protocol writes its errors, and reading them into ``AWSError``.
public enum AWSErrorFormat: Sendable {
  /// EC2 `<Response><Errors><Error><Code>` and Query `<ErrorResponse><Error><Code>`.
  case xml
  /// JSON 1.0/1.1 and REST-JSON: `{"__type": "...", "message": "..."}` or `x-amzn-ErrorType`.
  case json

  func error(from response: AWSHTTPResponse, service: String, operation: String) -> AWSError {
    let headerRequestID = response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")
    switch self {
    case .xml:
      guard let root = XMLNode.parse(response.body) else {
        return malformed(
          response, service: service, operation: operation, expected: "XML", requestID: headerRequestID)
      }
      let error = root.first(named: "Error")
      let requestID = root.string("RequestID") ?? root.string("RequestId") ?? headerRequestID
      guard let code = error?.string("Code") else {
        return malformed(
          response, service: service, operation: operation, expected: "an XML error", requestID: requestID)
      }
      return AWSError(
        kind: .service, service: service, operation: operation, statusCode: response.status, code: code,
        message: error?.string("Message") ?? "no message", requestID: requestID)
    case .json:
      let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
      let rawType =
        response.header("x-amzn-ErrorType") ?? (object?["__type"] as? String) ?? (object?["code"] as? String)
      guard let rawType else {
        // Some front ends (and moto's authentication) answer JSON services in XML.
        if XMLNode.parse(response.body)?.first(named: "Error")?.string("Code") != nil {
          return AWSErrorFormat.xml.error(from: response, service: service, operation: operation)
        }
        return malformed(
          response, service: service, operation: operation, expected: "a JSON error",
          requestID: headerRequestID)
      }
      var code =
        String(rawType.split(separator: ":").first ?? "").split(separator: "#").last.map(String.init)
        ?? rawType
      // SQS's JSON protocol keeps the Query protocol's codes in this header, as the SDKs report them.
      if let queryError = response.header("x-amzn-query-error"),
        let queryCode = queryError.split(separator: ";").first,
        !queryCode.isEmpty
      {
        code = String(queryCode)
      }
      let message = (object?["message"] as? String) ?? (object?["Message"] as? String) ?? "no message"
      return AWSError(
        kind: .service, service: service, operation: operation, statusCode: response.status, code: code,
        message: message, requestID: headerRequestID)
    }
  }

  /// An error whose body could not be read: HTML from a proxy, moto's 500 page, truncated XML.
  func malformed(
    _ response: AWSHTTPResponse, service: String, operation: String, expected: String, requestID: String?
  ) -> AWSError {
    AWSError(
      kind: .malformedResponse, service: service, operation: operation, statusCode: response.status,
      message: "the answer is not \(expected) (\(AWSErrorFormat.describeBody(response)))",
      requestID: requestID)
  }

  /// `content type text/html, begins "<!DOCTYPE html>..."`, cut short and on one line.
  static func describeBody(_ response: AWSHTTPResponse) -> String {
    let type = response.header("Content-Type") ?? "unknown content type"
    let text = String(decoding: response.body.prefix(120), as: UTF8.self)
      .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    if text.isEmpty { return "content type \(type), empty body" }
    return "content type \(type), begins \"\(text)\(response.body.count > 120 ? "…" : "")\""
  }
}
