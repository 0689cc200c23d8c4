import Foundation

/// A MIME multipart user-data archive, as cloud-init reads it and as upstream's `mime` package
/// and `EKS.mergeCustomUserData` write it: parts separated by the boundary `//`, each with its
/// headers, `\r` dropped.
public struct MIMEArchive: Sendable, Hashable {
  /// One part: its headers (in order) and its content.
  public struct Part: Sendable, Hashable {
    public var headers: [(name: String, value: String)]
    public var content: String

    public init(contentType: String, content: String) {
      self.headers = [("Content-Type", contentType)]
      self.content = content
    }

    public init(headers: [(name: String, value: String)], content: String) {
      self.headers = headers
      self.content = content
    }

    public var contentType: String? {
      headers.first { $0.name.lowercased() == "content-type" }?.value
    }

    public static func == (a: Part, b: Part) -> Bool {
      a.content == b.content && a.headers.map(\.name) == b.headers.map(\.name)
        && a.headers.map(\.value) == b.headers.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(content)
      for h in headers {
        hasher.combine(h.name)
        hasher.combine(h.value)
      }
    }
  }

  /// Why a user's MIME user data could not be read.
  public struct ParseError: Error, Hashable, CustomStringConvertible {
    public var description: String
  }

  public static let boundary = "//"
  public static let shellScript = "text/x-shellscript; charset=\"us-ascii\""
  public static let nodeConfig = "application/node.eks.aws"

  public var parts: [Part]

  public init(parts: [Part]) { self.parts = parts }

  /// Whether user data is already MIME (starts with a `MIME-Version:` or `Content-Type:` header),
  /// as upstream decides before wrapping it.
  public static func isMIME(_ userData: String) -> Bool {
    let trimmed = userData.drop { $0.isWhitespace }
    return trimmed.hasPrefix("MIME-Version:") || trimmed.hasPrefix("Content-Type:")
  }

  /// Reads a multipart archive; throws when it has no multipart Content-Type with a boundary.
  public init(parsing text: String) throws {
    let lines = text.replacingOccurrences(of: "\r", with: "").split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init)
    var index = 0
    var headers: [(String, String)] = []
    while index < lines.count, !lines[index].isEmpty {
      if let header = Self.header(lines[index]) { headers.append(header) }
      index += 1
    }
    guard let contentType = headers.first(where: { $0.0.lowercased() == "content-type" })?.1 else {
      throw ParseError(description: "user data does not define a Content-Type header")
    }
    guard contentType.lowercased().hasPrefix("multipart/") else {
      throw ParseError(description: "user data is not in multipart MIME format")
    }
    guard let boundary = Self.parameter("boundary", in: contentType) else {
      throw ParseError(description: "the user data's multipart Content-Type names no boundary")
    }
    var parts: [Part] = []
    var current: [String]?
    func finish() {
      guard let body = current else { return }
      var i = 0
      var partHeaders: [(name: String, value: String)] = []
      while i < body.count, !body[i].isEmpty {
        if let h = Self.header(body[i]) { partHeaders.append(h) }
        i += 1
      }
      let content = i < body.count ? body[(i + 1)...].joined(separator: "\n") : ""
      parts.append(Part(headers: partHeaders, content: content))
    }
    var closed = false
    for line in lines[index...] {
      if line == "--" + boundary + "--" {
        finish()
        current = nil
        closed = true
        break
      } else if line == "--" + boundary {
        finish()
        current = []
      } else {
        current?.append(line)
      }
    }
    guard closed else {
      throw ParseError(description: "the user data's multipart body does not end with --\(boundary)--")
    }
    self.parts = parts
  }

  /// The archive as upstream writes it: MIME headers, each part after `--//`, `--//--` last.
  public var serialized: String {
    var out = "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"\(Self.boundary)\"\n\n"
    for part in parts {
      out += "--\(Self.boundary)\n"
      for h in part.headers { out += "\(h.name): \(h.value)\n" }
      out += "\n" + part.content + "\n"
    }
    out += "--\(Self.boundary)--\n"
    return out
  }

  static func header(_ line: String) -> (String, String)? {
    guard let colon = line.firstIndex(of: ":") else { return nil }
    let name = line[..<colon].trimmingCharacters(in: .whitespaces)
    let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    return (name, value)
  }

  static func parameter(_ name: String, in headerValue: String) -> String? {
    for piece in headerValue.split(separator: ";").dropFirst() {
      let kv = piece.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard kv.count == 2, kv[0].lowercased() == name else { continue }
      var value = kv[1]
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
        value = String(value.dropFirst().dropLast())
      }
      return value
    }
    return nil
  }
}
