import Foundation
import Yams

/// Where the API server is and how to authenticate to it, resolved from a kubeconfig context or
/// from the pod's service account (in-cluster).
public struct ClientConfiguration: Sendable, Equatable {
  /// The API server, such as `https://10.0.0.1:443`.
  public var server: URL
  /// PEM certificates to trust for the server (nil: the system's roots).
  public var certificateAuthority: Data?
  public var insecureSkipTLSVerify: Bool
  public var tlsServerName: String?
  public var credentials: Credentials
  /// The namespace of the context (or of the service account), `default` when none is given.
  public var namespace: String
  /// The kubeconfig context this was resolved from (nil in-cluster), so errors can name it.
  public var contextName: String?

  /// How the client proves who it is.
  public enum Credentials: Sendable, Equatable {
    case none
    /// A fixed bearer token.
    case bearerToken(String)
    /// A bearer token re-read from the file as it rotates (service-account tokens).
    case tokenFile(String)
    /// A client certificate and its key, PEM.
    case clientCertificate(certificate: Data, key: Data)
    case basic(username: String, password: String)
    /// A credential plugin run for a token (its `ExecCredential` answer).
    case exec(Kubeconfig.ExecConfig)
  }

  public init(
    server: URL, certificateAuthority: Data? = nil, insecureSkipTLSVerify: Bool = false,
    tlsServerName: String? = nil, credentials: Credentials = .none, namespace: String = "default",
    contextName: String? = nil
  ) {
    self.contextName = contextName
    self.server = server
    self.certificateAuthority = certificateAuthority
    self.insecureSkipTLSVerify = insecureSkipTLSVerify
    self.tlsServerName = tlsServerName
    self.credentials = credentials
    self.namespace = namespace
  }
}

/// Why no configuration could be resolved, as a sentence naming the file and the field.
public struct ClientConfigurationError: Error, CustomStringConvertible, Equatable {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

extension ClientConfiguration {
  /// The configuration kubectl would use: `kubeconfig` when given, else the files of
  /// `KUBECONFIG` (merged, the first file to set a value winning), else `~/.kube/config`, else
  /// the in-cluster service account. `context` overrides the current context.
  public static func load(
    kubeconfig: String? = nil, context: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    serviceAccountDirectory: String = InCluster.serviceAccountDirectory
  ) throws(ClientConfigurationError) -> ClientConfiguration {
    var paths: [String] = []
    if let kubeconfig {
      paths = [kubeconfig]
    } else if let list = environment["KUBECONFIG"], !list.isEmpty {
      paths = list.split(separator: ":").map(String.init).filter { !$0.isEmpty }
    } else if let home = environment["HOME"],
      FileManager.default.fileExists(atPath: home + "/.kube/config")
    {
      paths = [home + "/.kube/config"]
    }
    if paths.isEmpty {
      return try InCluster.configuration(environment: environment, directory: serviceAccountDirectory)
    }
    var files: [LoadedKubeconfig] = []
    for path in paths {
      // KUBECONFIG may name files that do not exist; kubectl skips them. An explicit file must exist.
      if kubeconfig == nil && !FileManager.default.fileExists(atPath: path) { continue }
      files.append(try LoadedKubeconfig(path: path))
    }
    return try KubeconfigResolver(files: files).resolve(context: context)
  }
}

/// One kubeconfig file and the directory its relative paths are relative to.
struct LoadedKubeconfig {
  var path: String
  var config: Kubeconfig

  init(path: String) throws(ClientConfigurationError) {
    self.path = path
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw ClientConfigurationError("\(path): cannot read the kubeconfig: \(error.localizedDescription)")
    }
    do {
      config = try YAMLDecoder().decode(Kubeconfig.self, from: text.isEmpty ? "{}" : text)
    } catch {
      throw ClientConfigurationError("\(path): not a kubeconfig: \(error)")
    }
  }

  init(path: String, config: Kubeconfig) {
    self.path = path
    self.config = config
  }

  /// A path the file names, absolute (relative ones are relative to the file's directory).
  func resolve(_ file: String) -> String {
    if file.hasPrefix("/") { return file }
    return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(file).path
  }
}
