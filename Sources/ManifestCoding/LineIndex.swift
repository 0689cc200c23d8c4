import Yams

/// Finds the source line of a field path in a document, so that errors found after decoding
/// (by validation) still point at the line the user must change.
public struct LineIndex {
  private var lines: [FieldPath: Int] = [:]

  public init(_ root: Yams.Node) {
    walk(root, path: .root)
  }

  private mutating func walk(_ root: Yams.Node, path rootPath: FieldPath) {
    // Iterative, and each node once: a map's entries are `[key]` and an object's fields
    // `.key`, and the path alone cannot tell which one a validator will use, so both are
    // stored as `.key` (see `normalized`). Walking both forms doubled the work at every level
    // of nesting.
    var stack: [(Yams.Node, FieldPath)] = [(root, rootPath)]
    while let (node, path) = stack.popLast() {
      if let line = node.mark?.line { lines[path] = line }
      switch node {
      case .mapping(let mapping):
        for (key, value) in mapping {
          guard let name = key.scalar?.string else { continue }
          let child = path.child(name)
          if let line = key.mark?.line { lines[child] = line }
          stack.append((value, child))
        }
      case .sequence(let sequence):
        for (i, element) in sequence.enumerated() {
          stack.append((element, path.index(i)))
        }
      default:
        break
      }
    }
  }

  /// Map keys and fields alike, as `.field`.
  static func normalized(_ components: [FieldPath.Component]) -> [FieldPath.Component] {
    components.map { if case .key(let k) = $0 { return .field(k) } else { return $0 } }
  }

  /// The line of `path`, or of its nearest ancestor that the document has.
  public func line(of path: FieldPath) -> Int? {
    var components = Self.normalized(path.components)
    while true {
      if let line = lines[FieldPath(components)] { return line }
      if components.isEmpty { return nil }
      components.removeLast()
    }
  }
}
