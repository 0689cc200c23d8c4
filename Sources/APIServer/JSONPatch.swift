import Foundation

/// RFC 6902 JSON Patch (`application/json-patch+json`).
enum JSONPatch {
  /// Applies the operations in order; a malformed patch is 400, a failed operation 422.
  static func apply(_ patch: JSON, to document: JSON) throws(APIError) -> JSON {
    guard let operations = patch.array else { throw .badRequest("a JSON patch must be an array of operations") }
    var document = document
    for (index, operation) in operations.enumerated() {
      guard let op = operation["op"]?.string else { throw .badRequest("JSON patch operation \(index) has no \"op\"") }
      guard let pathText = operation["path"]?.string else { throw .badRequest("JSON patch operation \(index) has no \"path\"") }
      let path = try pointer(pathText)
      switch op {
      case "add":
        guard let value = operation["value"] else { throw .badRequest("JSON patch operation \(index) (add) has no \"value\"") }
        document = try add(value, at: path[...], in: document, text: pathText)
      case "remove":
        document = try remove(at: path[...], in: document, text: pathText)
      case "replace":
        guard let value = operation["value"] else { throw .badRequest("JSON patch operation \(index) (replace) has no \"value\"") }
        _ = try get(path[...], in: document, text: pathText)
        document = try remove(at: path[...], in: document, text: pathText)
        document = try add(value, at: path[...], in: document, text: pathText)
      case "move", "copy":
        guard let fromText = operation["from"]?.string else { throw .badRequest("JSON patch operation \(index) (\(op)) has no \"from\"") }
        let from = try pointer(fromText)
        let value = try get(from[...], in: document, text: fromText)
        if op == "move" { document = try remove(at: from[...], in: document, text: fromText) }
        document = try add(value, at: path[...], in: document, text: pathText)
      case "test":
        let value = try get(path[...], in: document, text: pathText)
        guard value == operation["value"] ?? .null else {
          throw failed("testing value \(pathText) failed: test operation failed")
        }
      default:
        throw .badRequest("Unexpected kind: \(op)")
      }
    }
    return document
  }

  static func failed(_ message: String) -> APIError {
    APIError(code: 422, reason: .invalid, message: "the server rejected our request due to an error in our request: \(message)")
  }

  /// The reference tokens of a JSON Pointer ("/a/b~1c" → ["a", "b/c"]).
  static func pointer(_ text: String) throws(APIError) -> [String] {
    if text.isEmpty { return [] }
    guard text.hasPrefix("/") else { throw .badRequest("JSON pointer \"\(text)\" must start with '/'") }
    return text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
      $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
  }

  static func arrayIndex(_ token: String, count: Int, allowEnd: Bool, text: String) throws(APIError) -> Int {
    if allowEnd, token == "-" { return count }
    guard let i = Int(token), i >= 0, String(i) == token, i < count || (allowEnd && i == count) else {
      throw failed("add operation does not apply: doc is missing path: \"\(text)\": index out of range")
    }
    return i
  }

  static func get(_ path: ArraySlice<String>, in document: JSON, text: String) throws(APIError) -> JSON {
    guard let token = path.first else { return document }
    switch document {
    case .object(let members):
      guard let child = members[token] else { throw failed("doc is missing path: \"\(text)\"") }
      return try get(path.dropFirst(), in: child, text: text)
    case .array(let elements):
      let i = try arrayIndex(token, count: elements.count, allowEnd: false, text: text)
      return try get(path.dropFirst(), in: elements[i], text: text)
    default:
      throw failed("doc is missing path: \"\(text)\"")
    }
  }

  static func add(_ value: JSON, at path: ArraySlice<String>, in document: JSON, text: String) throws(APIError) -> JSON {
    guard let token = path.first else { return value }
    let last = path.count == 1
    switch document {
    case .object(var members):
      if last {
        members[token] = value
      } else {
        guard let child = members[token] else { throw failed("add operation does not apply: doc is missing path: \"\(text)\"") }
        members[token] = try add(value, at: path.dropFirst(), in: child, text: text)
      }
      return .object(members)
    case .array(var elements):
      let i = try arrayIndex(token, count: elements.count, allowEnd: last, text: text)
      if last {
        elements.insert(value, at: i)
      } else {
        elements[i] = try add(value, at: path.dropFirst(), in: elements[i], text: text)
      }
      return .array(elements)
    default:
      throw failed("add operation does not apply: doc is missing path: \"\(text)\"")
    }
  }

  static func remove(at path: ArraySlice<String>, in document: JSON, text: String) throws(APIError) -> JSON {
    guard let token = path.first else { return .null }
    let last = path.count == 1
    switch document {
    case .object(var members):
      guard let child = members[token] else { throw failed("remove operation does not apply: doc is missing path: \"\(text)\"") }
      if last { members[token] = nil } else { members[token] = try remove(at: path.dropFirst(), in: child, text: text) }
      return .object(members)
    case .array(var elements):
      let i = try arrayIndex(token, count: elements.count, allowEnd: false, text: text)
      if last { elements.remove(at: i) } else { elements[i] = try remove(at: path.dropFirst(), in: elements[i], text: text) }
      return .array(elements)
    default:
      throw failed("remove operation does not apply: doc is missing path: \"\(text)\"")
    }
  }
}

/// RFC 7386 JSON Merge Patch (`application/merge-patch+json`).
enum MergePatch {
  /// Members of an object patch merge recursively, `null` removes, anything else replaces.
  static func apply(_ patch: JSON, to target: JSON) -> JSON {
    guard let members = patch.object else { return patch }
    var result = target.object ?? [:]
    for (key, value) in members {
      if value.isNull {
        result[key] = nil
      } else {
        result[key] = apply(value, to: result[key] ?? .null)
      }
    }
    return .object(result)
  }
}
