/// A path to a field inside one object, written the way the Kubernetes API server writes it:
/// `spec.template.spec.requirements[0].key`, with map keys in brackets
/// (`metadata.labels[app]`).
public struct FieldPath: Hashable, Sendable, CustomStringConvertible, Comparable {
  public enum Component: Hashable, Sendable {
    /// A field of an object.
    case field(String)
    /// An element of a list.
    case index(Int)
    /// An entry of a map.
    case key(String)
  }

  public var components: [Component]

  public init(_ components: [Component] = []) {
    self.components = components
  }

  /// A path from a dotted string such as `spec.template.spec`; for tests and literals.
  public init(dotted: String) {
    self.components = dotted.split(separator: ".").map { .field(String($0)) }
  }

  public static let root = FieldPath()

  public func child(_ name: String) -> FieldPath {
    FieldPath(components + [.field(name)])
  }

  public func index(_ i: Int) -> FieldPath {
    FieldPath(components + [.index(i)])
  }

  public func key(_ k: String) -> FieldPath {
    FieldPath(components + [.key(k)])
  }

  public var description: String {
    var out = ""
    for component in components {
      switch component {
      case .field(let name):
        if !out.isEmpty { out += "." }
        out += name
      case .index(let i):
        out += "[\(i)]"
      case .key(let k):
        out += "[\(k)]"
      }
    }
    return out.isEmpty ? "<root>" : out
  }

  public static func < (lhs: FieldPath, rhs: FieldPath) -> Bool {
    lhs.description < rhs.description
  }
}
