/// A `DecodingError` in words, naming the field: `metadata.labels: expected a string`.
enum DecodingFailure {
  /// `relativeTo`: the length of the coding path of the value being decoded, whose fields
  /// are named from it.
  static func describe(_ error: DecodingError, relativeTo depth: Int = 0) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      let text = keys.dropFirst(depth).map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
        .joined()
      return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "the document" : text)
    }
    switch error {
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)): expected \(type): \(context.debugDescription)"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)): expected \(type), found null"
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])): required field is missing"
    case .dataCorrupted(let context):
      return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }
}
