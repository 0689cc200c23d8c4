import Foundation
import NIOSSL

/// What a request carries to prove who the client is: an `Authorization` header value, or a
/// TLS configuration with a client certificate (exec plugins may answer with either).
struct RequestCredential: Sendable {
  var authorization: String?
  var tls: TLSConfiguration?
}

/// Hands out the credential of each request, keeping it fresh as client-go does: a token file is
/// re-read when it changes or a minute has passed (service-account tokens rotate), an exec
/// plugin's answer is kept until its `expirationTimestamp` and the plugin is run again when the
/// server rejects it. Plugins run off the concurrency pool, one run at a time.
actor CredentialSource {
  let credentials: ClientConfiguration.Credentials
  /// The TLS settings a certificate from an exec plugin is added to.
  let baseTLS: TLSConfiguration
  let environment: [String: String]
  /// How long a token read from a file is trusted without looking at the file again.
  let tokenFileRefresh: TimeInterval

  private var fileToken: (token: String, modified: Date?, size: Int?, readAt: Date)?
  private var execCredential: ExecCredential?
  private var execRun: Task<ExecCredential, any Error>?

  init(
    credentials: ClientConfiguration.Credentials, baseTLS: TLSConfiguration,
    environment: [String: String] = ProcessInfo.processInfo.environment, tokenFileRefresh: TimeInterval = 60
  ) {
    self.credentials = credentials
    self.baseTLS = baseTLS
    self.environment = environment
    self.tokenFileRefresh = tokenFileRefresh
  }

  /// What the server is told when it rejects the credential: its kind, never its value.
  nonisolated var kindDescription: String? {
    switch credentials {
    case .none: return nil
    case .bearerToken: return "the bearer token"
    case .tokenFile(let path): return "the token in \(path)"
    case .clientCertificate: return "the client certificate"
    case .basic(let username, _): return "the basic-auth password of user \"\(username)\""
    case .exec(let config): return "the credential of exec plugin \"\(config.command)\""
    }
  }

  /// The credential for the next request.
  func current() async throws -> RequestCredential {
    switch credentials {
    case .none, .clientCertificate:
      return RequestCredential()
    case .bearerToken(let token):
      return RequestCredential(authorization: "Bearer \(token)")
    case .basic(let username, let password):
      let encoded = Data("\(username):\(password)".utf8).base64EncodedString()
      return RequestCredential(authorization: "Basic \(encoded)")
    case .tokenFile(let path):
      return RequestCredential(authorization: "Bearer \(try token(inFile: path))")
    case .exec(let config):
      let credential = try await exec(config)
      return try requestCredential(from: credential, command: config.command)
    }
  }

  /// Forgets a credential the server rejected (401), so the next request gets a new one.
  /// Returns whether there is a new one to try: a plugin can be run again, a file re-read.
  func rejected() -> Bool {
    switch credentials {
    case .exec:
      execCredential = nil
      return true
    case .tokenFile:
      let hadToken = fileToken != nil
      fileToken = nil
      return hadToken
    default:
      return false
    }
  }

  private func token(inFile path: String) throws -> String {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let modified = attributes?[.modificationDate] as? Date
    let size = (attributes?[.size] as? NSNumber)?.intValue
    let now = Date()
    if let cached = fileToken, cached.modified == modified, cached.size == size,
      now.timeIntervalSince(cached.readAt) < tokenFileRefresh
    {
      return cached.token
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SetupFailure(message: "cannot read the token file \(path)")
    }
    let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !token.isEmpty else { throw SetupFailure(message: "the token file \(path) is empty") }
    fileToken = (token, modified, size, now)
    return token
  }

  private func exec(_ config: Kubeconfig.ExecConfig) async throws -> ExecCredential {
    if let credential = execCredential, credential.isValid(at: Date().addingTimeInterval(10)) {
      return credential
    }
    if let execRun { return try await execRun.value }
    let environment = self.environment
    let run = Task<ExecCredential, any Error> {
      try await withCheckedThrowingContinuation { continuation in
        // The plugin blocks a thread while it runs; keep it off the concurrency pool.
        Thread.detachNewThread {
          continuation.resume(with: Result { try ExecCredentialPlugin.run(config, environment: environment) })
        }
      }
    }
    execRun = run
    defer { execRun = nil }
    let credential = try await run.value
    execCredential = credential
    return credential
  }

  private func requestCredential(from credential: ExecCredential, command: String) throws -> RequestCredential
  {
    if let certificate = credential.clientCertificate, let key = credential.clientKey {
      var tls = baseTLS
      do {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificate))
        tls.certificateChain = chain.map { .certificate($0) }
        tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(key), format: .pem))
      } catch {
        throw SetupFailure(
          message: "exec plugin \"\(command)\" answered a client certificate or key that is not PEM")
      }
      return RequestCredential(authorization: credential.token.map { "Bearer \($0)" }, tls: tls)
    }
    return RequestCredential(authorization: credential.token.map { "Bearer \($0)" })
  }
}
