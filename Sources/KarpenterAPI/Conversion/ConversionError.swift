/// Why a legacy object cannot be converted: names the object, the field and the reason, and
/// prints as one sentence, e.g. `AWSNodeTemplate "default": spec.launchTemplate cannot be
/// converted, because ...`.
public struct ConversionError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of the object being converted: `Provisioner`, `AWSNodeTemplate`, ...
  public var kind: String
  /// The object's `metadata.name`.
  public var name: String
  /// The offending field, as a path: `spec.launchTemplate`.
  public var field: String
  /// Why, as the rest of the sentence after "cannot be converted, because".
  public var reason: String

  public init(kind: String, name: String, field: String, reason: String) {
    self.kind = kind
    self.name = name
    self.field = field
    self.reason = reason
  }

  public var description: String {
    "\(kind) \"\(name)\": \(field) cannot be converted, because \(reason)."
  }
}
