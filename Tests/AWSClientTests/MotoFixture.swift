import AWSClient
import AWSTestSupport
import AsyncHTTPClient
import Foundation

/// Clients over `MotoServer.shared()`: one moto per test process and mode, shared by the suites;
/// tests keep apart by naming their own resources. The launcher exits when this process does.
enum SharedMoto {
  static var unsigned: MotoServer {
    get async throws { try await MotoServer.shared(checkSignatures: false) }
  }

  /// Clients against the signature-checking moto, with quick retries.
  static func clients(
    secret: String? = nil, maxAttempts: Int = 3, extraEnvironment: [String: String] = [:]
  ) async throws -> (MotoServer, AWSClients) {
    let moto = try await MotoServer.shared()
    var env = moto.environment
    if let secret { env["AWS_SECRET_ACCESS_KEY"] = secret }
    env.merge(extraEnvironment) { _, new in new }
    let aws = try AWSClients(
      environment: env, httpClient: HTTPClient.shared, home: "/nonexistent",
      retryPolicy: AWSRetryPolicy(
        maxAttempts: maxAttempts, baseDelay: .milliseconds(10), timeout: .seconds(60)))
    return (moto, aws)
  }
}

/// A name unlikely to collide between tests sharing moto.
func uniqueName(_ prefix: String) -> String {
  "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
}
