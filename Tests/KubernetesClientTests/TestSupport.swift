import Foundation
import KubernetesClient

/// The smallest pod the tests need: enough to see that objects decode and encode.
struct TestPod: Codable, Sendable, Equatable {
  struct Metadata: Codable, Sendable, Equatable {
    var name: String
    var namespace: String?
    var resourceVersion: String?
    var labels: [String: String]?
  }
  struct Spec: Codable, Sendable, Equatable {
    var nodeName: String?
  }
  var apiVersion: String? = "v1"
  var kind: String? = "Pod"
  var metadata: Metadata
  var spec: Spec

  static func json(_ name: String, resourceVersion: String = "1", nodeName: String? = nil) -> String {
    let node = nodeName.map { #""nodeName":"\#($0)""# } ?? ""
    return
      #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"\#(name)","namespace":"default","resourceVersion":"\#(resourceVersion)"},"spec":{\#(node)}}"#
  }
}

func podList(_ names: [String], resourceVersion: String = "10", continueToken: String? = nil) -> String {
  let token = continueToken.map { #","continue":"\#($0)""# } ?? ""
  return
    #"{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"\#(resourceVersion)"\#(token)},"items":[\#(names.map { TestPod.json($0) }.joined(separator: ","))]}"#
}

func statusJSON(_ code: Int, reason: String, message: String) -> String {
  #"{"kind":"Status","apiVersion":"v1","status":"Failure","message":"\#(message)","reason":"\#(reason)","code":\#(code)}"#
}

/// Options that keep tests quick: no client-side throttling to speak of and short waits.
func quickOptions(_ configure: (inout KubernetesClient.Options) -> Void = { _ in })
  -> KubernetesClient.Options
{
  var options = KubernetesClient.Options(
    rateLimiter: RateLimiter(qps: 1000, burst: 1000), requestTimeout: .seconds(10),
    connectTimeout: .seconds(2),
    retryBackoff: .milliseconds(10))
  configure(&options)
  return options
}

/// A client of `server`, shut down after `body`.
func withClient<T>(
  _ server: ScriptedAPIServer, credentials: ClientConfiguration.Credentials = .bearerToken("s3cr3t-token"),
  context: String? = "test", options: KubernetesClient.Options = quickOptions(),
  _ body: (KubernetesClient) async throws -> T
) async throws -> T {
  let client = try KubernetesClient(
    configuration: ClientConfiguration(server: server.url, credentials: credentials), contextName: context,
    options: options)
  do {
    let result = try await body(client)
    try await client.shutdown()
    try await server.shutdown()
    return result
  } catch {
    try? await client.shutdown()
    try? await server.shutdown()
    throw error
  }
}

/// Runs `body` expecting a `KubernetesClientError`, and returns it.
func expectClientError(_ body: () async throws -> Void) async -> KubernetesClientError? {
  do {
    try await body()
    return nil
  } catch let error as KubernetesClientError {
    return error
  } catch {
    return nil
  }
}
