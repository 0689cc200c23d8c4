import Foundation
import Testing

@testable import KubernetesClient

/// Credential plugins run as real processes (shell scripts standing in for `aws eks get-token`).
@Suite struct ExecCredentialTests {
  /// An executable script in a fresh directory.
  static func plugin(_ body: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plugin-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("get-token").path
    try ("#!/bin/sh\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
  }

  static func config(_ command: String, args: [String] = [], env: [Kubeconfig.ExecConfig.EnvVar] = []) -> Kubeconfig.ExecConfig {
    Kubeconfig.ExecConfig(
      apiVersion: "client.authentication.k8s.io/v1beta1", command: command, args: args, env: env, installHint: nil,
      provideClusterInfo: nil, interactiveMode: "Never")
  }

  @Test func theTokenItsExpiryTheArgumentsAndTheEnvironmentGoThrough() throws {
    let path = try Self.plugin(
      #"""
      case "$KUBERNETES_EXEC_INFO" in *'"interactive":false'*) ;; *) echo "no exec info" >&2; exit 3;; esac
      printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"%s-%s","expirationTimestamp":"2030-01-02T03:04:05Z"}}' "$AWS_PROFILE" "$2"
      """#)
    let credential = try ExecCredentialPlugin.run(
      Self.config(path, args: ["--cluster-name", "prod"], env: [.init(name: "AWS_PROFILE", value: "admin")]),
      environment: ["PATH": "/usr/bin:/bin"])
    #expect(credential.token == "admin-prod")
    #expect(credential.expiration == ISO8601DateFormatter().date(from: "2030-01-02T03:04:05Z"))
    #expect(credential.isValid(at: Date(timeIntervalSince1970: 0)))
    #expect(!credential.isValid(at: ISO8601DateFormatter().date(from: "2030-01-02T03:04:05Z")!))
  }

  @Test func aFailingPluginSaysWhatItPrinted() throws {
    let path = try Self.plugin("echo 'Unable to locate credentials' >&2; exit 255\n")
    #expect(throws: ClientConfigurationError("credential plugin \"\(path)\" exited with status 255: Unable to locate credentials")) {
      try ExecCredentialPlugin.run(Self.config(path), environment: ["PATH": "/usr/bin:/bin"])
    }
  }

  @Test func aMissingPluginGivesTheInstallHint() throws {
    var config = Self.config("aws-iam-authenticator-that-is-not-there")
    config.installHint = "install it from https://example.invalid"
    #expect(
      throws: ClientConfigurationError(
        "credential plugin \"aws-iam-authenticator-that-is-not-there\" was not found in PATH; install it from https://example.invalid")
    ) { try ExecCredentialPlugin.run(config, environment: ["PATH": "/usr/bin:/bin"]) }
  }

  @Test func aPluginThatHangsIsStopped() throws {
    let path = try Self.plugin("exec sleep 30\n")
    let start = Date()
    #expect(throws: ClientConfigurationError("credential plugin \"\(path)\" did not answer within 1 s")) {
      try ExecCredentialPlugin.run(Self.config(path), environment: ["PATH": "/usr/bin:/bin"], timeout: 1)
    }
    #expect(Date().timeIntervalSince(start) < 20)
  }

  @Test func answersThatAreNotCredentialsAreRefusedWithTheReason() throws {
    let cases: [(String, String)] = [
      ("not json", "did not print an ExecCredential"),
      (#"{"kind":"Pod"}"#, #"printed kind "Pod", expected ExecCredential"#),
      (#"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t"}}"#,
       "answered client.authentication.k8s.io/v1, but the kubeconfig asks for client.authentication.k8s.io/v1beta1"),
      (#"{"kind":"ExecCredential","status":{}}"#, "printed neither a token nor a client certificate"),
      (#"{"kind":"ExecCredential","status":{"clientCertificateData":"C"}}"#, "without its key"),
      (#"{"kind":"ExecCredential","status":{"token":"t","expirationTimestamp":"tomorrow"}}"#,
       #"status.expirationTimestamp: expected an RFC 3339 time, got "tomorrow""#),
    ]
    for (answer, expected) in cases {
      do {
        _ = try ExecCredentialPlugin.parse(
          Data(answer.utf8), command: "p", apiVersion: "client.authentication.k8s.io/v1beta1")
        Issue.record("accepted \(answer)")
      } catch {
        #expect(error.message.contains(expected), "\(error.message)")
      }
    }
    let pair = try ExecCredentialPlugin.parse(
      Data(#"{"kind":"ExecCredential","status":{"clientCertificateData":"CERT","clientKeyData":"KEY"}}"#.utf8),
      command: "p", apiVersion: "client.authentication.k8s.io/v1beta1")
    #expect(pair.clientCertificate == Data("CERT".utf8) && pair.clientKey == Data("KEY".utf8) && pair.token == nil)
  }
}
