import Yams

/// Finds the source line of a field path in a document, so that errors found after decoding
/// (by validation) still point at the line the user must change.
public struct LineIndex {
  private var lines: [FieldPath: Int] = [:]

  public init(_ root: Yams.Node) {
    walk(root, path: .root)
  }

  private mutating func walk(_ node: Yams.Node, path: FieldPath) {
    if let line = node.mark?.line { lines[path] = line }
    switch node {
    case .mapping(let mapping):
      // A map's entries are `[key]` and an object's fields `.key`; the path alone cannot tell
      // which one a validator will use, so record both.
      for (key, value) in mapping {
        guard let name = key.scalar?.string else { continue }
        if let line = key.mark?.line {
          lines[path.child(name)] = line
          lines[path.key(name)] = line
        }
        walk(value, path: path.child(name))
        walk(value, path: path.key(name))
      }
    case .sequence(let sequence):
      for (i, element) in sequence.enumerated() {
        walk(element, path: path.index(i))
      }
    default:
      break
    }
  }

  /// The line of `path`, or of its nearest ancestor that the document has.
  public func line(of path: FieldPath) -> Int? {
    var components = path.components
    while true {
      if let line = lines[FieldPath(components)] { return line }
      if components.isEmpty { return nil }
      components.removeLast()
    }
  }
}
