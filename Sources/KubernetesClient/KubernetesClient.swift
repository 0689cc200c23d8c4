import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// A connection to one Kubernetes API server, as client-go's REST client is: it authenticates
/// each request with the configuration's credentials (kept fresh as they rotate), throttles
/// itself with a token bucket, retries what the server did not act on, and turns every failure
/// into a `KubernetesClientError` naming the verb, the resource, the server and the context.
/// Call `shutdown()` before dropping it.
public final class KubernetesClient: Sendable {
  /// The knobs of a client; the defaults are client-go's and upstream Karpenter's.
  public struct Options: Sendable {
    /// Sent as `User-Agent`, so the server's audit log names the controller.
    public var userAgent: String
    /// Client-side throttling (Karpenter: KUBE_CLIENT_QPS 200, KUBE_CLIENT_BURST 300).
    public var rateLimiter: RateLimiter
    /// The longest a request (not a watch) may take, answer included.
    public var requestTimeout: Duration
    /// The longest connecting to the server may take.
    public var connectTimeout: Duration
    /// How often a 429 Too Many Requests is waited out and retried.
    public var maxTooManyRequestsRetries: Int
    /// How often a GET that met a 5xx or a connection failure is retried.
    public var maxServerErrorRetries: Int
    /// The first wait before retrying a GET; it doubles each time.
    public var retryBackoff: Duration
    /// The largest answer read into memory.
    public var maxResponseBytes: Int
    /// The largest single event of a watch.
    public var maxWatchEventBytes: Int
    /// How long a token read from a token file is used before the file is looked at again.
    public var tokenFileRefresh: TimeInterval
    /// The environment credential plugins run with.
    public var environment: [String: String]
    /// The most HTTP/1.1 connections to the server (each open watch holds one; HTTP/2 shares one).
    public var maxConnections: Int

    public init(
      userAgent: String = "karpenter/0.1.0", rateLimiter: RateLimiter = .karpenterDefault,
      requestTimeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(10),
      maxTooManyRequestsRetries: Int = 10, maxServerErrorRetries: Int = 5,
      retryBackoff: Duration = .milliseconds(200),
      maxResponseBytes: Int = 512 << 20, maxWatchEventBytes: Int = 64 << 20,
      tokenFileRefresh: TimeInterval = 60,
      environment: [String: String] = ProcessInfo.processInfo.environment, maxConnections: Int = 256
    ) {
      self.maxConnections = maxConnections
      self.userAgent = userAgent
      self.rateLimiter = rateLimiter
      self.requestTimeout = requestTimeout
      self.connectTimeout = connectTimeout
      self.maxTooManyRequestsRetries = maxTooManyRequestsRetries
      self.maxServerErrorRetries = maxServerErrorRetries
      self.retryBackoff = retryBackoff
      self.maxResponseBytes = maxResponseBytes
      self.maxWatchEventBytes = maxWatchEventBytes
      self.tokenFileRefresh = tokenFileRefresh
      self.environment = environment
    }
  }

  public let configuration: ClientConfiguration
  /// The kubeconfig context the configuration came from, for error messages: the one given,
  /// else the one the configuration was resolved from.
  public let contextName: String?
  public let options: Options
  let logger: Logger
  /// The logger the HTTP client gets: at trace level it would log every answer's bytes (whole
  /// lists, Secrets' data), so it is held at debug or above.
  let transportLogger: Logger
  let http: HTTPClient
  let credentials: CredentialSource
  private let limiter: Mutex<RateLimiter>
  private let started = ContinuousClock.now
  /// The server URL without a trailing slash, as requests are built on it and errors name it.
  let serverText: String

  public init(
    configuration: ClientConfiguration, contextName: String? = nil, options: Options = Options(),
    logger: Logger = Logger(label: "karpenter.kubernetes-client")
  ) throws(KubernetesClientError) {
    self.configuration = configuration
    self.contextName = contextName ?? configuration.contextName
    self.options = options
    self.logger = logger
    var transportLogger = logger
    transportLogger.logLevel = max(logger.logLevel, .debug)
    self.transportLogger = transportLogger
    var server = configuration.server.absoluteString
    while server.hasSuffix("/") { server.removeLast() }
    self.serverText = server
    let clientCertificate: (certificate: Data, key: Data)?
    if case .clientCertificate(let certificate, let key) = configuration.credentials {
      clientCertificate = (certificate, key)
    } else {
      clientCertificate = nil
    }
    let tls: TLSConfiguration
    do {
      tls = try ClientTLS.configuration(
        certificateAuthority: configuration.certificateAuthority,
        insecureSkipTLSVerify: configuration.insecureSkipTLSVerify,
        tlsServerName: configuration.tlsServerName,
        clientCertificate: clientCertificate)
    } catch {
      throw KubernetesClientError(
        kind: .configuration, verb: .get, resource: nil, server: server, context: self.contextName,
        detail: error.message)
    }
    guard let scheme = configuration.server.scheme, scheme == "https" || scheme == "http" else {
      throw KubernetesClientError(
        kind: .configuration, verb: .get, resource: nil, server: server, context: self.contextName,
        detail: "the server URL must start with https:// or http://")
    }
    var httpConfiguration = HTTPClient.Configuration(
      tlsConfiguration: tls, redirectConfiguration: .disallow,
      timeout: .init(connect: .nanoseconds(Int64(options.connectTimeout / .nanoseconds(1))), read: nil))
    // Over HTTP/1.1 every watch holds a connection for minutes; the pool's default of 8 a host
    // would leave requests queued behind a controller's informers.
    httpConfiguration.connectionPool = .init(
      idleTimeout: .seconds(90), concurrentHTTP1ConnectionsPerHostSoftLimit: options.maxConnections)
    self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
    self.credentials = CredentialSource(
      credentials: configuration.credentials, baseTLS: tls, environment: options.environment,
      tokenFileRefresh: options.tokenFileRefresh)
    self.limiter = Mutex(options.rateLimiter)
  }

  /// Closes the connections; requests still running fail.
  public func shutdown() async throws {
    try await http.shutdown()
  }

  /// One request to the server, before credentials and retries.
  struct Request: Sendable {
    var verb: KubernetesClientError.Verb
    var method: HTTPMethod
    var path: ResourcePath
    var query: [URLQueryItem] = []
    var body: [UInt8]? = nil
    var contentType: String = "application/json"
    /// Whether a 429 is waited out; an eviction's 429 is an answer (a disruption budget).
    var retriesTooManyRequests = true

    /// A GET may be sent again after a failure: it changes nothing.
    var idempotent: Bool { method == .GET }
  }

  /// What came back: the status, the headers and, unless streamed, the whole body.
  struct Response: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: ByteBuffer
  }

  /// Sends `request` with credentials, throttling and retries, and returns the answer when it
  /// is a success; anything else throws a `KubernetesClientError`.
  func send(_ request: Request) async throws -> Response {
    let (response, body) = try await exchange(request, streaming: false)
    return Response(status: Int(response.status.code), headers: response.headers, body: body ?? ByteBuffer())
  }

  /// Like `send`, but a success's body is left to the caller to stream (watches).
  func open(_ request: Request) async throws -> HTTPClientResponse {
    try await exchange(request, streaming: true).0
  }

  private func exchange(_ request: Request, streaming: Bool) async throws -> (HTTPClientResponse, ByteBuffer?)
  {
    var tooManyRequests = 0
    var failures = 0
    var reauthenticated = false
    while true {
      try Task.checkCancellation()
      try await throttle()
      let credential: RequestCredential
      do { credential = try await credentials.current() } catch {
        throw self.error(.configuration, request, detail: "\(error)", underlying: error)
      }
      let httpRequest = makeHTTPRequest(request, credential: credential)
      let outcome: Result<(HTTPClientResponse, ByteBuffer?), any Error>
      do {
        if streaming {
          let response = try await http.execute(
            httpRequest, deadline: .now() + options.connectTimeout.timeAmount + .seconds(30),
            logger: transportLogger)
          if (200..<300).contains(response.status.code) {
            outcome = .success((response, nil))
          } else {
            outcome = .success((response, try await response.body.collect(upTo: 1 << 20)))
          }
        } else {
          outcome = .success(
            try await withTimeout(options.requestTimeout) { [http, transportLogger, options] in
              let response = try await http.execute(
                httpRequest, deadline: .now() + options.requestTimeout.timeAmount, logger: transportLogger)
              return (response, try await response.body.collect(upTo: options.maxResponseBytes))
            })
        }
      } catch let error as CancellationError {
        throw error
      } catch is RequestTimedOut {
        throw self.error(.timeout, request, detail: "no answer within \(options.requestTimeout)")
      } catch {
        if let tooLarge = error as? NIOTooManyBytesError {
          throw self.error(
            .invalidResponse, request, detail: "is larger than \(options.maxResponseBytes) bytes",
            underlying: tooLarge)
        }
        outcome = .failure(error)
      }
      switch outcome {
      case .failure(let error):
        if Task.isCancelled { throw CancellationError() }
        let failure = self.error(
          .transport, request, detail: TransportFailure.describe(error), underlying: error)
        // The HTTP client already kept trying to connect for the connect timeout: one more
        // round is worth it (a server restarting), more would only delay the error.
        guard request.idempotent, failures < min(options.maxServerErrorRetries, 1) else { throw failure }
        failures += 1
        logger.debug(
          "retrying after a connection failure",
          metadata: ["verb": "\(request.verb.rawValue)", "error": "\(failure.detail ?? "")"])
        try await Task.sleep(for: backoff(failures))
      case .success(let (response, body)):
        let code = Int(response.status.code)
        logger.trace(
          "request answered",
          metadata: [
            "verb": "\(request.verb.rawValue)", "path": "\(request.path.urlPath)", "status": "\(code)",
          ])
        if (200..<300).contains(code) { return (response, body) }
        let failure = statusError(request, code: code, body: body)
        let retryAfter = response.headers.first(name: "Retry-After").flatMap {
          Int($0.trimmingCharacters(in: .whitespaces))
        }
        if code == 429 && request.retriesTooManyRequests
          && tooManyRequests < options.maxTooManyRequestsRetries
        {
          tooManyRequests += 1
          let wait = Duration.seconds(min(max(retryAfter ?? 1, 0), 300))
          logger.debug(
            "the server asked to wait", metadata: ["verb": "\(request.verb.rawValue)", "seconds": "\(wait)"])
          try await Task.sleep(for: wait)
          continue
        }
        if code == 401 && !reauthenticated {
          reauthenticated = true
          if await credentials.rejected() { continue }
        }
        if code >= 500 && request.idempotent && failures < options.maxServerErrorRetries {
          failures += 1
          try await Task.sleep(for: retryAfter.map { Duration.seconds(min($0, 300)) } ?? backoff(failures))
          continue
        }
        throw failure
      }
    }
  }

  private func makeHTTPRequest(_ request: Request, credential: RequestCredential) -> HTTPClientRequest {
    let query = request.query.isEmpty ? "" : "?" + Self.encodeQuery(request.query)
    var http = HTTPClientRequest(url: serverText + request.path.urlPath + query)
    http.method = request.method
    http.headers.add(name: "Accept", value: "application/json")
    http.headers.add(name: "User-Agent", value: options.userAgent)
    if let authorization = credential.authorization {
      http.headers.add(name: "Authorization", value: authorization)
    }
    if let tls = credential.tls { http.tlsConfiguration = tls }
    if let body = request.body {
      http.headers.add(name: "Content-Type", value: request.contentType)
      http.body = .bytes(ByteBuffer(bytes: body))
    }
    return http
  }

  /// `name=value&...` with everything but unreserved characters percent-encoded: a Go server
  /// reads `+` as a space, and selectors and continue tokens hold `+`, `=`, `&`, `/` and `!`.
  static func encodeQuery(_ items: [URLQueryItem]) -> String {
    var unreserved = CharacterSet.alphanumerics.intersection(
      CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
    unreserved.insert(charactersIn: "-._~")
    func encode(_ text: String) -> String {
      text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
    return items.map { encode($0.name) + "=" + encode($0.value ?? "") }.joined(separator: "&")
  }

  /// Waits for the rate limiter's token.
  private func throttle() async throws {
    let now = ContinuousClock.now - started
    let seconds = Double(now.components.seconds) + Double(now.components.attoseconds) / 1e18
    let wait = limiter.withLock { $0.reserve(at: seconds) }
    if wait > 0 { try await Task.sleep(for: .seconds(wait)) }
  }

  /// The wait before the `attempt`th retry: the base doubled each time, with up to 50% jitter, at
  /// most 30 s.
  private func backoff(_ attempt: Int) -> Duration {
    let base = options.retryBackoff * (1 << min(attempt - 1, 16))
    let capped = min(base, .seconds(30))
    return capped * Double.random(in: 1.0...1.5)
  }

  func error(
    _ kind: KubernetesClientError.Kind, _ request: Request, detail: String? = nil,
    underlying: (any Error)? = nil
  ) -> KubernetesClientError {
    KubernetesClientError(
      kind: kind, verb: request.verb, resource: request.path, server: serverText, context: contextName,
      detail: detail,
      underlying: underlying)
  }

  /// The error of a non-success answer, with the server's Status when the body is one.
  func statusError(_ request: Request, code: Int, body: ByteBuffer?) -> KubernetesClientError {
    var failure = error(.status, request)
    failure.statusCode = code
    if let body, body.readableBytes > 0 {
      if let status = try? JSONDecoder().decode(APIStatus.self, from: Data(body.readableBytesView)),
        status.kind == "Status" || status.reason != nil || status.message != nil
      {
        failure.status = status
      } else {
        let text = String(decoding: body.readableBytesView.prefix(300), as: UTF8.self)
          .trimmingCharacters(in: .whitespacesAndNewlines)
        failure.detail = text.isEmpty ? nil : text
      }
    }
    if code == 401 { failure.credential = credentials.kindDescription }
    return failure
  }
}

extension Duration {
  var timeAmount: TimeAmount { .nanoseconds(Int64(self / .nanoseconds(1))) }
}

/// A request ran past its timeout.
struct RequestTimedOut: Error {}

/// Runs `operation`, cancelling it and throwing `RequestTimedOut` once `timeout` has passed.
func withTimeout<T: Sendable>(_ timeout: Duration, _ operation: @escaping @Sendable () async throws -> T)
  async throws -> T
{
  try await withThrowingTaskGroup(of: T.self) { group in
    group.addTask { try await operation() }
    group.addTask {
      try await Task.sleep(for: timeout)
      throw RequestTimedOut()
    }
    defer { group.cancelAll() }
    return try await group.next()!
  }
}
