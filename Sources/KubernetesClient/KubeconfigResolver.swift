import Foundation

/// Merges kubeconfig files as kubectl does (the first file to name a cluster, user or context,
/// or to set the current context, wins) and resolves one context into a `ClientConfiguration`.
struct KubeconfigResolver {
  var files: [LoadedKubeconfig]

  func resolve(context override: String?) throws(ClientConfigurationError) -> ClientConfiguration {
    let where_ = files.map(\.path).joined(separator: ", ")
    guard let contextName = override ?? files.lazy.compactMap({ $0.config.currentContext }).first(where: { !$0.isEmpty })
    else {
      throw ClientConfigurationError("\(where_): no current-context is set and no --context was given")
    }
    guard let (_, context) = first(\.contexts, named: contextName) else {
      throw ClientConfigurationError("\(where_): context \"\(contextName)\" is not defined")
    }
    guard let (clusterFile, cluster) = first(\.clusters, named: context.cluster) else {
      throw ClientConfigurationError(
        "\(where_): context \"\(contextName)\" names cluster \"\(context.cluster)\", which is not defined")
    }
    guard let serverText = cluster.server, let server = URL(string: serverText), server.scheme != nil else {
      throw ClientConfigurationError(
        "\(clusterFile.path): clusters[\(context.cluster)].cluster.server: expected an https:// or http:// URL, got \(cluster.server.map { "\"\($0)\"" } ?? "nothing")"
      )
    }
    var configuration = ClientConfiguration(
      server: server, insecureSkipTLSVerify: cluster.insecureSkipTLSVerify ?? false,
      tlsServerName: cluster.tlsServerName, namespace: context.namespace ?? "default", contextName: contextName)
    let clusterField = "\(clusterFile.path): clusters[\(context.cluster)].cluster"
    if let data = cluster.certificateAuthorityData {
      configuration.certificateAuthority = try Self.base64(data, field: "\(clusterField).certificate-authority-data")
    } else if let file = cluster.certificateAuthority {
      configuration.certificateAuthority = try Self.read(
        clusterFile.resolve(file), field: "\(clusterField).certificate-authority")
    }
    if let userName = context.user, !userName.isEmpty {
      guard let (userFile, user) = first(\.users, named: userName) else {
        throw ClientConfigurationError(
          "\(where_): context \"\(contextName)\" names user \"\(userName)\", which is not defined")
      }
      configuration.credentials = try Self.credentials(user, file: userFile, field: "\(userFile.path): users[\(userName)].user")
    }
    return configuration
  }

  /// The first entry of that name across the files, with the file that defines it.
  private func first<T: Named>(_ list: KeyPath<Kubeconfig, [T]?>, named name: String) -> (LoadedKubeconfig, T.Value)? {
    for file in files {
      if let entry = (file.config[keyPath: list] ?? []).first(where: { $0.name == name }) { return (file, entry.value) }
    }
    return nil
  }

  static func credentials(
    _ user: Kubeconfig.User, file: LoadedKubeconfig, field: String
  ) throws(ClientConfigurationError) -> ClientConfiguration.Credentials {
    if let exec = user.exec { return .exec(exec) }
    if let token = user.token, !token.isEmpty { return .bearerToken(token) }
    if let tokenFile = user.tokenFile { return .tokenFile(file.resolve(tokenFile)) }
    let certificate: Data?
    if let data = user.clientCertificateData {
      certificate = try base64(data, field: "\(field).client-certificate-data")
    } else if let path = user.clientCertificate {
      certificate = try read(file.resolve(path), field: "\(field).client-certificate")
    } else {
      certificate = nil
    }
    let key: Data?
    if let data = user.clientKeyData {
      key = try base64(data, field: "\(field).client-key-data")
    } else if let path = user.clientKey {
      key = try read(file.resolve(path), field: "\(field).client-key")
    } else {
      key = nil
    }
    switch (certificate, key) {
    case (let certificate?, let key?): return .clientCertificate(certificate: certificate, key: key)
    case (.some, nil): throw ClientConfigurationError("\(field): a client certificate needs client-key or client-key-data")
    case (nil, .some): throw ClientConfigurationError("\(field): a client key needs client-certificate or client-certificate-data")
    case (nil, nil): break
    }
    if let username = user.username, let password = user.password { return .basic(username: username, password: password) }
    return .none
  }

  static func base64(_ text: String, field: String) throws(ClientConfigurationError) -> Data {
    guard let data = Data(base64Encoded: text.filter { !$0.isWhitespace }) else {
      throw ClientConfigurationError("\(field): expected base64 data")
    }
    return data
  }

  static func read(_ path: String, field: String) throws(ClientConfigurationError) -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ClientConfigurationError("\(field): cannot read \(path)")
    }
    return data
  }
}

/// A named kubeconfig entry (cluster, user or context).
protocol Named {
  associatedtype Value
  var name: String { get }
  var value: Value { get }
}

extension Kubeconfig.NamedCluster: Named { var value: Kubeconfig.Cluster { cluster } }
extension Kubeconfig.NamedUser: Named { var value: Kubeconfig.User { user } }
extension Kubeconfig.NamedContext: Named { var value: Kubeconfig.Context { context } }

/// The configuration of a pod's service account, as client-go's `rest.InClusterConfig` reads it.
public enum InCluster {
  public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

  /// The API server from `KUBERNETES_SERVICE_HOST` and `KUBERNETES_SERVICE_PORT`, the token file
  /// (re-read as it rotates), the cluster CA and the pod's namespace.
  public static func configuration(
    environment: [String: String], directory: String = serviceAccountDirectory
  ) throws(ClientConfigurationError) -> ClientConfiguration {
    guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
      let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty
    else {
      throw ClientConfigurationError(
        "no kubeconfig found (--kubeconfig, KUBECONFIG, ~/.kube/config) and not running in a cluster (KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set)"
      )
    }
    let hostPart = host.contains(":") ? "[\(host)]" : host  // an IPv6 address
    guard let server = URL(string: "https://\(hostPart):\(port)") else {
      throw ClientConfigurationError("KUBERNETES_SERVICE_HOST and _PORT do not make a URL: \(host), \(port)")
    }
    let tokenPath = directory + "/token"
    guard FileManager.default.isReadableFile(atPath: tokenPath) else {
      throw ClientConfigurationError("in-cluster: cannot read the service account token \(tokenPath)")
    }
    let ca = FileManager.default.contents(atPath: directory + "/ca.crt")
    let namespace = FileManager.default.contents(atPath: directory + "/namespace")
      .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    return ClientConfiguration(
      server: server, certificateAuthority: ca, credentials: .tokenFile(tokenPath),
      namespace: namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default")
  }
}
