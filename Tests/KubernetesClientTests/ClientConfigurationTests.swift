import Foundation
import Testing

@testable import KubernetesClient

/// Kubeconfig and in-cluster configuration resolved as kubectl and client-go resolve them.
@Suite struct ClientConfigurationTests {
  /// A fresh directory with `files` written into it.
  static func directory(_ files: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubeconfig-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in files {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir
  }

  static let eks = """
    apiVersion: v1
    kind: Config
    current-context: prod
    clusters:
    - name: prod-cluster
      cluster:
        server: https://ABC.gr7.us-east-1.eks.amazonaws.com
        certificate-authority-data: \(Data("CA PEM".utf8).base64EncodedString())
    - name: dev-cluster
      cluster:
        server: https://127.0.0.1:6443
        certificate-authority: certs/ca.crt
    contexts:
    - name: prod
      context: {cluster: prod-cluster, user: eks-admin, namespace: karpenter}
    - name: dev
      context: {cluster: dev-cluster, user: dev-user}
    users:
    - name: eks-admin
      user:
        exec:
          apiVersion: client.authentication.k8s.io/v1beta1
          command: aws
          args: [--region, us-east-1, eks, get-token, --cluster-name, prod]
          env: [{name: AWS_PROFILE, value: admin}]
    - name: dev-user
      user:
        client-certificate: certs/client.crt
        client-key: certs/client.key
    """

  @Test func theCurrentContextWithAnExecPluginAndCADataResolves() throws {
    let dir = try Self.directory(["config": Self.eks])
    let c = try ClientConfiguration.load(kubeconfig: dir.appendingPathComponent("config").path, environment: [:])
    #expect(c.server.absoluteString == "https://ABC.gr7.us-east-1.eks.amazonaws.com")
    #expect(c.certificateAuthority == Data("CA PEM".utf8))
    #expect(c.namespace == "karpenter")
    guard case .exec(let exec) = c.credentials else {
      Issue.record("expected an exec plugin, got \(c.credentials)")
      return
    }
    #expect(exec.command == "aws")
    #expect(exec.args?.contains("get-token") == true)
    #expect(exec.env == [.init(name: "AWS_PROFILE", value: "admin")])
  }

  @Test func contextOverridesTheCurrentOneAndFilesAreRelativeToTheKubeconfig() throws {
    let dir = try Self.directory([
      "config": Self.eks, "certs/ca.crt": "DEV CA", "certs/client.crt": "CERT", "certs/client.key": "KEY",
    ])
    let c = try ClientConfiguration.load(
      kubeconfig: dir.appendingPathComponent("config").path, context: "dev", environment: [:])
    #expect(c.server.absoluteString == "https://127.0.0.1:6443")
    #expect(c.certificateAuthority == Data("DEV CA".utf8))
    #expect(c.credentials == .clientCertificate(certificate: Data("CERT".utf8), key: Data("KEY".utf8)))
    #expect(c.namespace == "default")
  }

  @Test func kubeconfigFilesMergeTheFirstToSetAValueWinning() throws {
    let first = """
      current-context: a
      users: [{name: u, user: {token: first-token}}]
      """
    let second = """
      current-context: b
      clusters: [{name: c, cluster: {server: "https://api.example:443"}}]
      contexts: [{name: a, context: {cluster: c, user: u}}, {name: b, context: {cluster: c}}]
      users: [{name: u, user: {token: second-token}}]
      """
    let dir = try Self.directory(["one": first, "two": second])
    let list = [dir.appendingPathComponent("one").path, dir.appendingPathComponent("missing").path,
                dir.appendingPathComponent("two").path].joined(separator: ":")
    let c = try ClientConfiguration.load(environment: ["KUBECONFIG": list])
    #expect(c.server.absoluteString == "https://api.example:443")
    #expect(c.credentials == .bearerToken("first-token"))
  }

  @Test func aMissingContextClusterOrUserIsASentenceNamingIt() throws {
    let dir = try Self.directory(["config": Self.eks])
    let path = dir.appendingPathComponent("config").path
    #expect(throws: ClientConfigurationError("\(path): context \"staging\" is not defined")) {
      try ClientConfiguration.load(kubeconfig: path, context: "staging", environment: [:])
    }
    let broken = Self.eks.replacingOccurrences(of: "user: dev-user", with: "user: nobody")
    let dir2 = try Self.directory(["config": broken, "certs/ca.crt": "DEV CA"])
    let path2 = dir2.appendingPathComponent("config").path
    #expect(throws: ClientConfigurationError("\(path2): context \"dev\" names user \"nobody\", which is not defined")) {
      try ClientConfiguration.load(kubeconfig: path2, context: "dev", environment: [:])
    }
  }

  @Test func badFieldsNameTheirPath() throws {
    let text = """
      current-context: x
      clusters: [{name: c, cluster: {server: "not a url", certificate-authority-data: "!!"}}]
      contexts: [{name: x, context: {cluster: c, user: u}}]
      users: [{name: u, user: {client-certificate-data: Q0VSVA==}}]
      """
    let dir = try Self.directory(["config": text])
    let path = dir.appendingPathComponent("config").path
    #expect(
      throws: ClientConfigurationError(
        "\(path): clusters[c].cluster.server: expected an https:// or http:// URL, got \"not a url\"")
    ) { try ClientConfiguration.load(kubeconfig: path, environment: [:]) }
    let fixedServer = text.replacingOccurrences(of: "not a url", with: "https://k8s:443")
    let dir2 = try Self.directory(["config": fixedServer])
    let path2 = dir2.appendingPathComponent("config").path
    #expect(throws: ClientConfigurationError("\(path2): clusters[c].cluster.certificate-authority-data: expected base64 data")) {
      try ClientConfiguration.load(kubeconfig: path2, environment: [:])
    }
    let fixedCA = fixedServer.replacingOccurrences(of: "\"!!\"", with: "Q0E=")
    let dir3 = try Self.directory(["config": fixedCA])
    let path3 = dir3.appendingPathComponent("config").path
    #expect(
      throws: ClientConfigurationError("\(path3): users[u].user: a client certificate needs client-key or client-key-data")
    ) { try ClientConfiguration.load(kubeconfig: path3, environment: [:]) }
  }

  @Test func aFileThatIsNotAKubeconfigSaysSo() throws {
    let dir = try Self.directory(["config": "clusters: 3\n"])
    let path = dir.appendingPathComponent("config").path
    do {
      _ = try ClientConfiguration.load(kubeconfig: path, environment: [:])
      Issue.record("expected an error")
    } catch {
      #expect(error.message.hasPrefix("\(path): not a kubeconfig"))
    }
  }

  @Test func inClusterReadsTheServiceAccount() throws {
    let dir = try Self.directory(["token": "tok", "ca.crt": "CLUSTER CA", "namespace": "karpenter\n"])
    let c = try ClientConfiguration.load(
      environment: ["KUBERNETES_SERVICE_HOST": "10.100.0.1", "KUBERNETES_SERVICE_PORT": "443"],
      serviceAccountDirectory: dir.path)
    #expect(c.server.absoluteString == "https://10.100.0.1:443")
    #expect(c.credentials == .tokenFile(dir.path + "/token"))
    #expect(c.certificateAuthority == Data("CLUSTER CA".utf8))
    #expect(c.namespace == "karpenter")
    let v6 = try InCluster.configuration(
      environment: ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "443"], directory: dir.path)
    #expect(v6.server.absoluteString == "https://[fd00::1]:443")
  }

  @Test func withNothingToGoOnTheErrorSaysWhereItLooked() throws {
    #expect(
      throws: ClientConfigurationError(
        "no kubeconfig found (--kubeconfig, KUBECONFIG, ~/.kube/config) and not running in a cluster (KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set)"
      )
    ) { try ClientConfiguration.load(environment: [:]) }
  }
}
