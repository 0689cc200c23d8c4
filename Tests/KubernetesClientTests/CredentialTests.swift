import Foundation
import Testing

@testable import KubernetesClient

@Suite struct CredentialTests {
  @Test func aRotatedTokenFileIsPickedUp() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "token-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("token")
    try Data("first-token\n".utf8).write(to: file)
    let server = try await ScriptedAPIServer(replies: [
      .json(200, TestPod.json("a")), .json(200, TestPod.json("a")), .json(200, TestPod.json("a")),
    ])
    try await withClient(server, credentials: .tokenFile(file.path)) { client in
      _ = try await client.get(.nodes(name: "a"))
      _ = try await client.get(.nodes(name: "a"))
      // The kubelet rotates the projected token by swapping the file.
      try Data("second-token-rotated\n".utf8).write(to: file)
      try FileManager.default.setAttributes(
        [.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: file.path)
      _ = try await client.get(.nodes(name: "a"))
    }
    #expect(
      server.requests.map { $0.headers["authorization"] } == [
        "Bearer first-token", "Bearer first-token", "Bearer second-token-rotated",
      ])
  }

  @Test func aTokenFileIsReadAgainWhenTheServerRejectsItsToken() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "token-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("token")
    try Data("token-one".utf8).write(to: file)
    let written = Date(timeIntervalSince1970: 1_700_000_000)
    try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: file.path)
    let server = try await ScriptedAPIServer(replies: [
      .json(200, "{}"), .json(401, statusJSON(401, reason: "Unauthorized", message: "Unauthorized")),
      .json(200, "{}"),
    ])
    try await withClient(server, credentials: .tokenFile(file.path)) { client in
      _ = try await client.get(.nodes(name: "a"))
      // Rotated behind the client's back: same size, same modification time.
      try Data("token-two".utf8).write(to: file)
      try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: file.path)
      _ = try await client.get(.nodes(name: "a"))
    }
    #expect(
      server.requests.map { $0.headers["authorization"] } == [
        "Bearer token-one", "Bearer token-one", "Bearer token-two",
      ])
  }

  @Test func anExecPluginIsRunOnceWhileItsCredentialIsValidAndAgainAfterA401() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("exec-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let plugin = directory.appendingPathComponent("get-token")
    let counter = directory.appendingPathComponent("runs")
    try Data(
      """
      #!/bin/sh
      echo x >> "\(counter.path)"
      n=$(wc -l < "\(counter.path)" | tr -d ' ')
      echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"exec-token-'$n'","expirationTimestamp":"2999-01-01T00:00:00Z"}}'

      """.utf8
    ).write(to: plugin)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin.path)
    let server = try await ScriptedAPIServer(replies: [
      .json(200, "{}"), .json(200, "{}"),
      .json(401, statusJSON(401, reason: "Unauthorized", message: "Unauthorized")),
      .json(200, "{}"),
    ])
    let exec = Kubeconfig.ExecConfig(command: "/bin/sh", args: [plugin.path])
    try await withClient(server, credentials: .exec(exec)) { client in
      _ = try await client.get(.nodes(name: "a"))
      _ = try await client.get(.nodes(name: "a"))
      _ = try await client.get(.nodes(name: "a"))
    }
    #expect(
      server.requests.map { $0.headers["authorization"] } == [
        "Bearer exec-token-1", "Bearer exec-token-1", "Bearer exec-token-1", "Bearer exec-token-2",
      ])
  }

  @Test func anExpiredExecCredentialIsFetchedAgain() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("exec-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let plugin = directory.appendingPathComponent("get-token")
    let counter = directory.appendingPathComponent("runs")
    // Each answer expires at once, so every request needs a new one.
    try Data(
      """
      echo x >> "\(counter.path)"
      n=$(wc -l < "\(counter.path)" | tr -d ' ')
      echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"short-'$n'","expirationTimestamp":"2000-01-01T00:00:00Z"}}'

      """.utf8
    ).write(to: plugin)
    let server = try await ScriptedAPIServer(replies: [.json(200, "{}"), .json(200, "{}")])
    try await withClient(
      server, credentials: .exec(Kubeconfig.ExecConfig(command: "/bin/sh", args: [plugin.path]))
    ) {
      client in
      _ = try await client.get(.nodes(name: "a"))
      _ = try await client.get(.nodes(name: "a"))
    }
    #expect(server.requests.map { $0.headers["authorization"] } == ["Bearer short-1", "Bearer short-2"])
  }
}
