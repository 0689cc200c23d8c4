import Foundation
import Logging

/// Signs, sends and retries the requests of one service, and turns error answers into
/// ``AWSError``s. The protocol layers (Query, JSON, REST-JSON) build on it.
public struct AWSRequester: Sendable {
  public let service: AWSServiceID
  public let endpoint: AWSEndpoint
  public let credentials: any AWSCredentialProvider
  public let transport: any AWSHTTPTransport
  public let retryPolicy: AWSRetryPolicy
  public let logger: Logger
  /// How error bodies are read: XML (`<Error><Code>`) or JSON (`__type`).
  let errorFormat: AWSErrorFormat

  public init(
    service: AWSServiceID, endpoint: AWSEndpoint, credentials: any AWSCredentialProvider,
    transport: any AWSHTTPTransport, retryPolicy: AWSRetryPolicy = .default, logger: Logger,
    errorFormat: AWSErrorFormat
  ) {
    self.service = service
    self.endpoint = endpoint
    self.credentials = credentials
    self.transport = transport
    self.retryPolicy = retryPolicy
    self.logger = logger
    self.errorFormat = errorFormat
  }

  /// The error codes AWS answers credentials it no longer accepts with.
  static let expiredCredentialCodes: Set<String> = [
    "ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired",
  ]

  /// Sends one operation, retrying per ``retryPolicy``; returns a 2xx answer or throws ``AWSError``.
  ///
  /// - Parameters:
  ///   - path: the unencoded path below the endpoint (`/`, `/clusters/name`).
  ///   - signed: false for the few calls made before there are credentials
  ///     (STS AssumeRoleWithWebIdentity).
  public func send(
    operation: String, method: String = "POST", path: String = "/", query: [(String, String)] = [],
    headers: [(String, String)] = [], body: Data = Data(), signed: Bool = true
  ) async throws -> AWSHTTPResponse {
    var attempt = 1
    var refetchedCredentials = false
    while true {
      let result: AWSError
      do {
        let request = try await prepare(
          method: method, path: path, query: query, headers: headers, body: body, signed: signed,
          operation: operation)
        let response: AWSHTTPResponse
        do {
          response = try await transport.send(request, timeout: retryPolicy.timeout)
        } catch let error as CancellationError {
          throw error
        } catch {
          throw AWSError(
            kind: .transport, service: service.displayName, operation: operation,
            message: "could not reach \(endpoint.url): \(error)")
        }
        logger.trace(
          "AWS call answered",
          metadata: [
            "aws.service": "\(service.displayName)", "aws.operation": "\(operation)",
            "http.status": "\(response.status)", "aws.attempt": "\(attempt)",
          ])
        if (200..<300).contains(response.status) { return response }
        result = errorFormat.error(from: response, service: service.displayName, operation: operation)
      } catch let error as AWSError {
        guard error.kind != .credentials else { throw error }
        result = error
      }
      var failure = result
      failure.attempts = attempt
      if let code = failure.code, Self.expiredCredentialCodes.contains(code), !refetchedCredentials,
        attempt < retryPolicy.maxAttempts
      {
        // The cached credentials expired early (revoked session, clock skew): once, fetch fresh
        // ones and try again at once.
        refetchedCredentials = true
        await credentials.invalidate()
        logger.debug("AWS refused expired credentials; fetching fresh ones", metadata: ["aws.operation": "\(operation)"])
        attempt += 1
        continue
      }
      guard attempt < retryPolicy.maxAttempts, retryPolicy.isRetryable(failure) else { throw failure }
      let delay = retryPolicy.backoff(afterAttempt: attempt)
      logger.debug(
        "retrying AWS call",
        metadata: [
          "aws.service": "\(service.displayName)", "aws.operation": "\(operation)",
          "aws.error": "\(failure.code ?? "\(failure.kind)")", "aws.attempt": "\(attempt)",
        ])
      try await Task.sleep(for: delay)
      attempt += 1
    }
  }

  private func prepare(
    method: String, path: String, query: [(String, String)], headers: [(String, String)], body: Data,
    signed: Bool, operation: String
  ) async throws -> AWSHTTPRequest {
    let (base, basePath, host) = splitEndpoint()
    let fullPath = basePath + (path.hasPrefix("/") ? path : "/" + path)
    var signable = AWSSignableRequest(
      method: method, path: fullPath, query: query, headers: headers, body: body, hostHeader: host)
    if signed {
      let creds: AWSCredentials
      do {
        creds = try await credentials.credentials()
      } catch {
        throw AWSError(
          kind: .credentials, service: service.displayName, operation: operation, message: "\(error)")
      }
      SigV4Signer(service: service.signingName, region: endpoint.signingRegion)
        .sign(&signable, credentials: creds, date: Date())
    }
    let queryString = query.map { "\(URIEncoding.encode($0.0))=\(URIEncoding.encode($0.1))" }.joined(
      separator: "&")
    let url = base + URIEncoding.encodePath(fullPath) + (queryString.isEmpty ? "" : "?" + queryString)
    return AWSHTTPRequest(method: method, url: url, headers: signable.headers, body: body)
  }

  /// (`https://host:port`, base path, `host:port`) of the endpoint URL.
  private func splitEndpoint() -> (String, String, String) {
    let url = endpoint.url
    guard let schemeEnd = url.range(of: "://") else { return (url, "", url) }
    let afterScheme = url[schemeEnd.upperBound...]
    let slash = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
    let authority = String(afterScheme[..<slash])
    let basePath = String(afterScheme[slash...])
    return (String(url[..<schemeEnd.upperBound]) + authority, basePath == "/" ? "" : basePath, authority)
  }
}
