/// A kubeconfig file (`apiVersion: v1`, `kind: Config`) as kubectl reads it: named clusters,
/// users and contexts, and the current context. Only the fields a client needs to reach the
/// API server and authenticate are kept; others are ignored, as kubectl ignores what it does not
/// know.
public struct Kubeconfig: Codable, Sendable, Equatable {
  public var currentContext: String?
  public var clusters: [NamedCluster]?
  public var users: [NamedUser]?
  public var contexts: [NamedContext]?

  enum CodingKeys: String, CodingKey {
    case currentContext = "current-context"
    case clusters, users, contexts
  }

  public init(
    currentContext: String? = nil, clusters: [NamedCluster]? = nil, users: [NamedUser]? = nil,
    contexts: [NamedContext]? = nil
  ) {
    self.currentContext = currentContext
    self.clusters = clusters
    self.users = users
    self.contexts = contexts
  }

  public struct NamedCluster: Codable, Sendable, Equatable {
    public var name: String
    public var cluster: Cluster
  }

  public struct Cluster: Codable, Sendable, Equatable {
    public var server: String?
    public var certificateAuthority: String?
    public var certificateAuthorityData: String?
    public var insecureSkipTLSVerify: Bool?
    public var tlsServerName: String?
    public var proxyURL: String?

    enum CodingKeys: String, CodingKey {
      case server
      case certificateAuthority = "certificate-authority"
      case certificateAuthorityData = "certificate-authority-data"
      case insecureSkipTLSVerify = "insecure-skip-tls-verify"
      case tlsServerName = "tls-server-name"
      case proxyURL = "proxy-url"
    }
  }

  public struct NamedUser: Codable, Sendable, Equatable {
    public var name: String
    public var user: User
  }

  public struct User: Codable, Sendable, Equatable {
    public var token: String?
    public var tokenFile: String?
    public var clientCertificate: String?
    public var clientCertificateData: String?
    public var clientKey: String?
    public var clientKeyData: String?
    public var username: String?
    public var password: String?
    public var exec: ExecConfig?

    enum CodingKeys: String, CodingKey {
      case token, tokenFile, username, password, exec
      case clientCertificate = "client-certificate"
      case clientCertificateData = "client-certificate-data"
      case clientKey = "client-key"
      case clientKeyData = "client-key-data"
    }
  }

  /// A credential plugin (`client.authentication.k8s.io`), such as `aws eks get-token`.
  public struct ExecConfig: Codable, Sendable, Equatable {
    public var apiVersion: String?
    public var command: String
    public var args: [String]?
    public var env: [EnvVar]?
    public var installHint: String?
    public var provideClusterInfo: Bool?
    public var interactiveMode: String?

    public struct EnvVar: Codable, Sendable, Equatable {
      public var name: String
      public var value: String
    }
  }

  public struct NamedContext: Codable, Sendable, Equatable {
    public var name: String
    public var context: Context
  }

  public struct Context: Codable, Sendable, Equatable {
    public var cluster: String
    public var user: String?
    public var namespace: String?
  }
}
