import Foundation
import NIOSSL
import Testing

@testable import KubernetesClient

/// A certificate authority, a server certificate for 127.0.0.1 and a client certificate, made
/// with the `openssl` command in a temporary directory.
struct TestPKI {
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("pki-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let ext = directory.appendingPathComponent("server.ext")
    try Data("subjectAltName=IP:127.0.0.1,DNS:localhost\n".utf8).write(to: ext)
    let steps: [[String]] = [
      [
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
        "ca.key",
        "-out", "ca.crt", "-days", "1", "-subj", "/CN=test-ca",
      ],
      [
        "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "server.key",
        "-out",
        "server.csr", "-subj", "/CN=127.0.0.1",
      ],
      [
        "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
        "server.crt", "-days", "1", "-extfile", "server.ext",
      ],
      [
        "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "client.key",
        "-out",
        "client.csr", "-subj", "/CN=karpenter/O=system:masters",
      ],
      [
        "x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
        "client.crt", "-days", "1",
      ],
    ]
    for arguments in steps {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
      process.arguments = arguments
      process.currentDirectoryURL = directory
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else {
        throw SetupError(description: "openssl \(arguments.prefix(2).joined(separator: " ")) failed")
      }
    }
  }

  struct SetupError: Error, CustomStringConvertible { var description: String }

  func data(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }

  /// The server's TLS: its certificate, and client certificates checked against the CA.
  func serverTLS() throws -> TLSConfiguration {
    var tls = TLSConfiguration.makeServerConfiguration(
      certificateChain: try NIOSSLCertificate.fromPEMFile(directory.appendingPathComponent("server.crt").path)
        .map { .certificate($0) },
      privateKey: .privateKey(
        try NIOSSLPrivateKey(file: directory.appendingPathComponent("server.key").path, format: .pem)))
    tls.trustRoots = .certificates(
      try NIOSSLCertificate.fromPEMFile(directory.appendingPathComponent("ca.crt").path))
    tls.certificateVerification = .noHostnameVerification
    return tls
  }

  func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite struct TLSTests {
  @Test func theClusterCAAndAClientCertificateMakeAMutualTLSConnection() async throws {
    let pki = try TestPKI()
    defer { pki.remove() }
    let server = try await ScriptedAPIServer(
      replies: [.json(200, TestPod.json("a"))], tls: try pki.serverTLS())
    let configuration = ClientConfiguration(
      server: server.url, certificateAuthority: try pki.data("ca.crt"),
      credentials: .clientCertificate(
        certificate: try pki.data("client.crt"), key: try pki.data("client.key")))
    let client = try KubernetesClient(
      configuration: configuration, contextName: "tls", options: quickOptions())
    let pod = try await client.get(TestPod.self, .pods(namespace: "default", name: "a"))
    try await client.shutdown()
    try await server.shutdown()
    #expect(pod.metadata.name == "a")
    #expect(server.requests.first?.headers["authorization"] == nil)
  }

  @Test func withoutAClientCertificateTheServerRefusesTheConnection() async throws {
    let pki = try TestPKI()
    defer { pki.remove() }
    let server = try await ScriptedAPIServer(
      replies: [.json(200, TestPod.json("a"))], tls: try pki.serverTLS())
    let configuration = ClientConfiguration(
      server: server.url, certificateAuthority: try pki.data("ca.crt"),
      credentials: .bearerToken("s3cr3t-token"))
    let client = try KubernetesClient(
      configuration: configuration, contextName: "tls", options: quickOptions { $0.maxServerErrorRetries = 0 }
    )
    let error = await expectClientError { _ = try await client.get(.pods(namespace: "default", name: "a")) }
    try await client.shutdown()
    try await server.shutdown()
    #expect(error?.kind == .transport)
    #expect(server.requests.isEmpty)
    #expect(error.map { "\($0)" }?.contains("s3cr3t-token") == false)
  }

  @Test func aServerOutsideTheClusterCAIsRefused() async throws {
    let pki = try TestPKI()
    let other = try TestPKI()
    defer {
      pki.remove()
      other.remove()
    }
    let server = try await ScriptedAPIServer(
      replies: [.json(200, TestPod.json("a"))], tls: try pki.serverTLS())
    let configuration = ClientConfiguration(
      server: server.url, certificateAuthority: try other.data("ca.crt"),
      credentials: .clientCertificate(
        certificate: try pki.data("client.crt"), key: try pki.data("client.key")))
    let client = try KubernetesClient(
      configuration: configuration, contextName: "tls", options: quickOptions { $0.maxServerErrorRetries = 0 }
    )
    let error = await expectClientError { _ = try await client.get(.pods(namespace: "default", name: "a")) }
    try await client.shutdown()
    try await server.shutdown()
    #expect(error?.kind == .transport)
    #expect(error.map { "\($0)" }?.contains("TLS") == true)
    #expect(server.requests.isEmpty)
  }
}

@Suite struct ExecCertificateTests {
  @Test func aClientCertificateFromAnExecPluginIsUsedForTheConnection() async throws {
    let pki = try TestPKI()
    defer { pki.remove() }
    let plugin = pki.directory.appendingPathComponent("get-certificate")
    let crt = pki.directory.appendingPathComponent("client.crt").path
    let key = pki.directory.appendingPathComponent("client.key").path
    try Data(
      """
      #!/bin/sh
      cert=$(awk '{printf "%s\\\\n", $0}' "\(crt)")
      key=$(awk '{printf "%s\\\\n", $0}' "\(key)")
      printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"clientCertificateData":"%s","clientKeyData":"%s"}}' "$cert" "$key"

      """.utf8
    ).write(to: plugin)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin.path)
    let server = try await ScriptedAPIServer(
      replies: [.json(200, TestPod.json("a"))], tls: try pki.serverTLS())
    let configuration = ClientConfiguration(
      server: server.url, certificateAuthority: try pki.data("ca.crt"),
      credentials: .exec(.init(command: "/bin/sh", args: [plugin.path])))
    let client = try KubernetesClient(
      configuration: configuration, contextName: "exec", options: quickOptions())
    let result = await Result(catching: {
      try await client.get(TestPod.self, .pods(namespace: "default", name: "a"))
    })
    try await client.shutdown()
    try await server.shutdown()
    #expect(try result.get().metadata.name == "a")
  }
}

extension Result where Failure == any Error {
  init(catching body: () async throws -> Success) async {
    do { self = .success(try await body()) } catch { self = .failure(error) }
  }
}
