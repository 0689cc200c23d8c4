import Foundation
import KubernetesClient
import Testing

@Suite struct ClientErrorTests {
  @Test func forbiddenNamesVerbResourceServerAndContextButNotTheToken() async throws {
    let message =
      #"pods is forbidden: User \"x\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\""#
    let server = try await ScriptedAPIServer(replies: [
      .json(403, statusJSON(403, reason: "Forbidden", message: message))
    ])
    let error = try #require(
      await expectClientError {
        try await withClient(server, context: "prod") { client in
          _ = try await client.list(TestPod.self, .pods(namespace: "default"))
        }
      })
    let text = "\(error)"
    #expect(
      text.hasPrefix(
        #"cannot list pods in namespace "default" on \#(server.url.absoluteString) (context "prod"): Forbidden (403): pods is forbidden"#
      ))
    #expect(!text.contains("s3cr3t-token"))
    #expect(error.isForbidden)
    #expect(error.status?.reason == "Forbidden")
  }

  @Test func unauthorizedSaysWhichCredentialWasRejected() async throws {
    let server = try await ScriptedAPIServer(replies: [
      .json(401, statusJSON(401, reason: "Unauthorized", message: "Unauthorized"))
    ])
    let error = try #require(
      await expectClientError {
        try await withClient(server, context: "prod") { client in _ = try await client.get(.nodes(name: "n1"))
        }
      })
    let text = "\(error)"
    #expect(text.contains("the server rejected the bearer token (Unauthorized, 401); expired or revoked?"))
    #expect(text.contains(#"(context "prod")"#))
    #expect(!text.contains("s3cr3t-token"))
    #expect(!"\(error.status as Any)".contains("s3cr3t-token"))
  }

  @Test func connectionRefusedNamesTheServer() async throws {
    // A server that is gone: its port refuses connections.
    let gone = try await ScriptedAPIServer(replies: [])
    let url = gone.url
    try await gone.shutdown()
    let client = try KubernetesClient(
      configuration: ClientConfiguration(server: url, credentials: .bearerToken("s3cr3t-token")),
      contextName: "x",
      options: quickOptions { $0.maxServerErrorRetries = 1 })
    let error = await expectClientError { _ = try await client.get(.nodes(name: "n1")) }
    try await client.shutdown()
    let text = try #require(error.map { "\($0)" })
    #expect(
      text == #"cannot get nodes "n1": cannot reach \#(url.absoluteString) (context "x"): connection refused"#
    )
    #expect(error?.kind == .transport)
  }

  @Test func aConflictAndAGoneAreTold() async throws {
    let server = try await ScriptedAPIServer(replies: [
      .json(409, statusJSON(409, reason: "AlreadyExists", message: #"pods \"web\" already exists"#)),
      .json(404, statusJSON(404, reason: "NotFound", message: #"pods \"web\" not found"#)),
      .json(410, statusJSON(410, reason: "Expired", message: "too old resource version")),
    ])
    try await withClient(server) { client in
      let exists = await expectClientError {
        _ = try await client.create(.pods(namespace: "d"), body: Array("{}".utf8))
      }
      #expect(exists?.isAlreadyExists == true)
      #expect(exists?.isConflict == false)
      let missing = await expectClientError { _ = try await client.get(.pods(namespace: "d", name: "web")) }
      #expect(missing?.isNotFound == true)
      let gone = await expectClientError {
        _ = try await client.list(.pods(), options: ListOptions(resourceVersion: "1"))
      }
      #expect(gone?.isGone == true)
    }
  }

  @Test func aBadCertificateAuthorityIsAClearError() {
    #expect {
      _ = try KubernetesClient(
        configuration: ClientConfiguration(
          server: URL(string: "https://10.0.0.1:6443")!, certificateAuthority: Data("not pem".utf8)),
        contextName: "prod")
    } throws: { error in
      "\(error)".hasPrefix(
        #"cannot set up a client for https://10.0.0.1:6443 (context "prod"): the certificate authority"#)
    }
  }
}

@Suite struct RedactionTests {
  @Test func printingAConfigurationOrACredentialShowsNoSecret() {
    let configurations = [
      ClientConfiguration(server: URL(string: "https://k:6443")!, credentials: .bearerToken("s3cr3t-token")),
      ClientConfiguration(
        server: URL(string: "https://k:6443")!,
        credentials: .basic(username: "admin", password: "s3cr3t-token")),
      ClientConfiguration(
        server: URL(string: "https://k:6443")!,
        credentials: .clientCertificate(certificate: Data("cert".utf8), key: Data("s3cr3t-token".utf8))),
    ]
    for configuration in configurations {
      #expect(!"\(configuration)".contains("s3cr3t-token"))
      #expect(!String(reflecting: configuration).contains("s3cr3t-token"))
    }
    #expect(!"\(ExecCredential(token: "s3cr3t-token"))".contains("s3cr3t-token"))
    #expect("\(configurations[1].credentials)" == #"basic auth as "admin" (password redacted)"#)
  }

  @Test func aRequestThatOutlivesItsTimeoutFailsSayingSo() async throws {
    let server = try await ScriptedAPIServer(replies: [.stream([#"{"kind":"Pod""#], holdOpen: true)])
    let error = await expectClientError {
      try await withClient(server, options: quickOptions { $0.requestTimeout = .milliseconds(500) }) {
        client in
        _ = try await client.get(.nodes(name: "n1"))
      }
    }
    #expect(error?.kind == .timeout)
    #expect(error.map { "\($0)" }?.hasPrefix(#"cannot get nodes "n1" on http://127.0.0.1:"#) == true)
    #expect(error.map { "\($0)" }?.hasSuffix("no answer within 0.5 seconds") == true)
  }
}

@Suite struct ContextNameTests {
  @Test func errorsNameTheKubeconfigsCurrentContextWhenNoneIsGiven() async throws {
    let server = try await ScriptedAPIServer(replies: [
      .json(404, statusJSON(404, reason: "NotFound", message: #"nodes \"n1\" not found"#))
    ])
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kubeconfig-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("config")
    try Data(
      """
      apiVersion: v1
      kind: Config
      current-context: prod
      clusters: [{name: c, cluster: {server: "\(server.url.absoluteString)"}}]
      users: [{name: u, user: {token: s3cr3t-token}}]
      contexts: [{name: prod, context: {cluster: c, user: u}}]
      """.utf8
    ).write(to: file)
    let configuration = try ClientConfiguration.load(kubeconfig: file.path, environment: [:])
    #expect(configuration.contextName == "prod")
    let client = try KubernetesClient(configuration: configuration, options: quickOptions())
    let error = await expectClientError { _ = try await client.get(.nodes(name: "n1")) }
    try await client.shutdown()
    try await server.shutdown()
    #expect(
      error.map { "\($0)" }
        == #"cannot get nodes "n1" on \#(server.url.absoluteString) (context "prod"): NotFound (404): nodes "n1" not found"#
    )
  }
}
