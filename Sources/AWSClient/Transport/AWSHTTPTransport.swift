import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// One HTTP exchange as the AWS layer sees it: the whole body in memory both ways.
public struct AWSHTTPRequest: Sendable {
  public var method: String
  /// The absolute URL, query included.
  public var url: String
  public var headers: [(String, String)]
  public var body: Data

  public init(method: String, url: String, headers: [(String, String)] = [], body: Data = Data()) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
  }
}

/// The status, headers and whole body of an answer.
public struct AWSHTTPResponse: Sendable {
  public var status: Int
  public var headers: [(String, String)]
  public var body: Data

  public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  public func header(_ name: String) -> String? {
    headers.first { $0.0.lowercased() == name.lowercased() }?.1
  }
}

/// Sends requests. The live one is ``AsyncHTTPClientTransport``; tests may substitute a stated
/// double to feed malformed bodies.
public protocol AWSHTTPTransport: Sendable {
  /// Throws on connection failures and timeouts; any HTTP status is a normal answer.
  func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse
}

/// The transport over a shared AsyncHTTPClient `HTTPClient`, which its owner shuts down.
public struct AsyncHTTPClientTransport: AWSHTTPTransport {
  public let client: HTTPClient
  /// Largest body read into memory (Pricing pages are the largest answers: a few MB).
  public var maxResponseBytes: Int

  public init(client: HTTPClient, maxResponseBytes: Int = 64 << 20) {
    self.client = client
    self.maxResponseBytes = maxResponseBytes
  }

  public func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
    var outgoing = HTTPClientRequest(url: request.url)
    outgoing.method = HTTPMethod(rawValue: request.method)
    for (name, value) in request.headers {
      outgoing.headers.add(name: name, value: value)
    }
    if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
      outgoing.body = .bytes(ByteBuffer(data: request.body))
    }
    let seconds = Int64(timeout.components.seconds) + (timeout.components.attoseconds > 0 ? 1 : 0)
    let response = try await client.execute(outgoing, timeout: .seconds(max(1, seconds)))
    let buffer = try await response.body.collect(upTo: maxResponseBytes)
    return AWSHTTPResponse(
      status: Int(response.status.code),
      headers: response.headers.map { ($0.name, $0.value) },
      body: Data(buffer: buffer))
  }
}
