/// Descriptions of credentials that name their kind and never their secret, so that printing a
/// configuration, a client or an error (as logs and test failures do) cannot leak a token, a
/// password or a key.
extension ClientConfiguration.Credentials: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String {
    switch self {
    case .none: return "no credentials"
    case .bearerToken: return "a bearer token (redacted)"
    case .tokenFile(let path): return "the token file \(path)"
    case .clientCertificate: return "a client certificate (key redacted)"
    case .basic(let username, _): return "basic auth as \"\(username)\" (password redacted)"
    case .exec(let config): return "the exec plugin \"\(config.command)\""
    }
  }

  public var debugDescription: String { description }
}

extension ClientConfiguration: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String {
    var parts = ["server \(server.absoluteString)", "namespace \"\(namespace)\"", credentials.description]
    if certificateAuthority != nil { parts.append("a certificate authority") }
    if insecureSkipTLSVerify { parts.append("TLS verification off") }
    if let tlsServerName { parts.append("TLS server name \(tlsServerName)") }
    return "ClientConfiguration(" + parts.joined(separator: ", ") + ")"
  }

  public var debugDescription: String { description }
}

extension ExecCredential: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String {
    var parts: [String] = []
    if token != nil { parts.append("a token (redacted)") }
    if clientCertificate != nil { parts.append("a client certificate (key redacted)") }
    if let expiration { parts.append("expiring \(expiration)") }
    return "ExecCredential(" + parts.joined(separator: ", ") + ")"
  }

  public var debugDescription: String { description }
}
