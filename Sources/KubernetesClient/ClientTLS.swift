import Foundation
import NIOSSL

/// The TLS settings of a connection to the API server, from the configuration: the cluster's CA
/// as the only trust roots (the system's when none is given), the client certificate and key
/// when the user authenticates with one, or no verification at all for
/// `insecure-skip-tls-verify`.
enum ClientTLS {
  static func configuration(
    certificateAuthority: Data?, insecureSkipTLSVerify: Bool, tlsServerName: String?,
    clientCertificate: (certificate: Data, key: Data)?
  ) throws(SetupFailure) -> TLSConfiguration {
    var tls = TLSConfiguration.makeClientConfiguration()
    if insecureSkipTLSVerify {
      tls.certificateVerification = .none
    } else if let certificateAuthority {
      do {
        let roots = try NIOSSLCertificate.fromPEMBytes(Array(certificateAuthority))
        guard !roots.isEmpty else { throw SetupFailure(message: "no certificate in it") }
        tls.trustRoots = .certificates(roots)
      } catch {
        throw SetupFailure(message: "the certificate authority is not PEM certificates: \(error)")
      }
      if tlsServerName != nil {
        // The connection's name is the server URL's host; NIOSSL cannot check the certificate
        // against another name, so the chain is checked against the cluster's CA only.
        tls.certificateVerification = .noHostnameVerification
      }
    } else if tlsServerName != nil {
      throw SetupFailure(
        message:
          "tls-server-name is set but no certificate-authority: checking the server's certificate against another name than its host needs the cluster's CA"
      )
    }
    if let clientCertificate {
      do {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(clientCertificate.certificate))
        guard !chain.isEmpty else { throw SetupFailure(message: "no certificate in it") }
        tls.certificateChain = chain.map { .certificate($0) }
      } catch {
        throw SetupFailure(message: "the client certificate is not a PEM certificate: \(error)")
      }
      do {
        tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(clientCertificate.key), format: .pem))
      } catch {
        throw SetupFailure(message: "the client key is not a PEM private key")
      }
    }
    return tls
  }
}

/// Why the client's TLS material or credential could not be used; the text names the field or
/// file, never a secret.
struct SetupFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
