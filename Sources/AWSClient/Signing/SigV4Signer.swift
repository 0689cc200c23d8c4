import Crypto
import Foundation

/// AWS Signature Version 4 (header signing) for one service in one region.
///
/// Every step is a separate function so that tests can compare each intermediate string with
/// AWS's published test suite, not only the final signature.
public struct SigV4Signer: Sendable {
  /// The signing name of the service (`ec2`, `ssm`, `iam`, `sts`, `pricing`, `eks`, `sqs`).
  public var service: String
  /// The region in the credential scope (`us-east-1` for IAM and Pricing).
  public var region: String

  public init(service: String, region: String) {
    self.service = service
    self.region = region
  }

  /// Signs `request`: adds `X-Amz-Date`, `X-Amz-Security-Token` for session credentials,
  /// `X-Amz-Content-Sha256` when `addContentHash`, `Host` when missing, and `Authorization`.
  public func sign(
    _ request: inout AWSSignableRequest, credentials: AWSCredentials, date: Date,
    addContentHash: Bool = false
  ) {
    let amzDate = Self.amzDate(date)
    request.setHeader("X-Amz-Date", amzDate)
    if request.header("host") == nil, let host = request.hostHeader {
      request.setHeader("Host", host)
    }
    if let token = credentials.sessionToken {
      request.setHeader("X-Amz-Security-Token", token)
    }
    let payloadHash = Self.hexSHA256(request.body)
    if addContentHash {
      request.setHeader("X-Amz-Content-Sha256", payloadHash)
    }
    let canonical = canonicalRequest(request, payloadHash: payloadHash)
    let scope = credentialScope(amzDate)
    let toSign = stringToSign(canonicalRequest: canonical, amzDate: amzDate, scope: scope)
    let key = signingKey(secret: credentials.secretAccessKey, day: String(amzDate.prefix(8)))
    let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Data(toSign.utf8), using: key))
    request.setHeader(
      "Authorization",
      "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
        + "SignedHeaders=\(signedHeaders(request)), Signature=\(signature)")
  }

  /// The canonical request: method, encoded path, sorted query, canonical headers, signed headers
  /// and the payload hash, separated by newlines.
  public func canonicalRequest(_ request: AWSSignableRequest, payloadHash: String) -> String {
    [
      request.method,
      canonicalPath(request.path),
      canonicalQuery(request.query),
      canonicalHeaders(request),
      signedHeaders(request),
      payloadHash,
    ].joined(separator: "\n")
  }

  /// `AWS4-HMAC-SHA256`, the date, the scope and the hash of the canonical request.
  public func stringToSign(canonicalRequest: String, amzDate: String, scope: String) -> String {
    ["AWS4-HMAC-SHA256", amzDate, scope, Self.hexSHA256(Data(canonicalRequest.utf8))]
      .joined(separator: "\n")
  }

  /// `20150830/us-east-1/service/aws4_request`.
  public func credentialScope(_ amzDate: String) -> String {
    "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
  }

  /// HMAC chain over the day, region, service and `aws4_request`.
  public func signingKey(secret: String, day: String) -> SymmetricKey {
    var key = SymmetricKey(data: Data("AWS4\(secret)".utf8))
    for part in [day, region, service, "aws4_request"] {
      key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
    }
    return key
  }

  /// The canonical URI of an unencoded path: every service but S3 encodes the path as sent on
  /// the wire (segments encoded once) a second time, so `/a b` becomes `/a%2520b`.
  func canonicalPath(_ path: String) -> String {
    path.isEmpty ? "/" : URIEncoding.encodePath(URIEncoding.encodePath(path))
  }

  /// Query parameters encoded and sorted by name, then by value.
  func canonicalQuery(_ query: [(String, String)]) -> String {
    let encoded: [(name: String, value: String)] = query.map { pair in
      (URIEncoding.encode(pair.0), URIEncoding.encode(pair.1))
    }
    let sorted = encoded.sorted {
      (a: (name: String, value: String), b: (name: String, value: String)) -> Bool in
      a.name == b.name ? a.value < b.value : a.name < b.name
    }
    return sorted.map { pair in pair.name + "=" + pair.value }.joined(separator: "&")
  }

  /// Lower-cased names, values trimmed with inner runs of spaces collapsed, one per line (with a
  /// trailing newline); values of repeated headers joined by commas.
  func canonicalHeaders(_ request: AWSSignableRequest) -> String {
    groupedHeaders(request).map { "\($0.name):\($0.value)\n" }.joined()
  }

  func signedHeaders(_ request: AWSSignableRequest) -> String {
    groupedHeaders(request).map(\.name).joined(separator: ";")
  }

  private func groupedHeaders(_ request: AWSSignableRequest) -> [(name: String, value: String)] {
    var grouped: [String: [String]] = [:]
    for (name, value) in request.headers {
      let lower = name.lowercased()
      if lower == "authorization" || lower == "user-agent" { continue }
      grouped[lower, default: []].append(Self.trimAll(value))
    }
    return grouped.keys.sorted().map { ($0, grouped[$0, default: []].joined(separator: ",")) }
  }

  static func trimAll(_ value: String) -> String {
    value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
  }

  /// `20150830T123600Z` in UTC.
  public static func amzDate(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func pad(_ v: Int?, _ width: Int) -> String {
      let s = String(v ?? 0)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    let day: String = pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2)
    let time: String = pad(c.hour, 2) + pad(c.minute, 2) + pad(c.second, 2)
    return day + "T" + time + "Z"
  }

  static func hexSHA256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

  static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
    bytes.map { String(format: "%02x", $0) }.joined()
  }
}
