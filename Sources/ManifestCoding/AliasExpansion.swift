import Yams

/// Refuses YAML whose aliases expand to far more than was written (the "billion laughs"), as
/// the Kubernetes API server does, before anything walks the expanded tree.
///
/// Yams resolves an alias to the anchored node itself; the node is shared, so parsing costs no
/// more than the text, but every walk over the tree (decoding, line indexes, re-serialising an
/// inline manifest) visits each alias in full: a 0.8 KB document can stand for billions of
/// nodes. The rule is go-yaml's (`allowedAliasRatio` in decode.go, which sigs.k8s.io/yaml and so
/// the API server use): counting every node a decode visits, a document fails once more than
/// 100 of them came from aliases, more than 1,000 were visited, and the share that came from
/// aliases is over 99% (up to 400,000 visits), scaling down to 10% at 4,000,000 visits.
public enum AliasExpansion {
  /// Where an alias expansion went past go-yaml's limit.
  public struct Excessive: Error, Equatable, Sendable, CustomStringConvertible {
    /// The line of the alias (or of the collection holding it) being expanded when the
    /// document went over the limit.
    public var line: Int?
    public var visited: Int

    public var description: String {
      "the document contains excessive aliasing: its aliases expand to far more than was written (go-yaml's limit, which the Kubernetes API server applies); write the repeated parts out, or use fewer aliases"
    }
  }

  /// The share of visited nodes that may come from aliases after `visited` visits.
  public static func allowedAliasRatio(_ visited: Int) -> Double {
    let low = 400_000
    let high = 4_000_000
    if visited <= low { return 0.99 }
    if visited >= high { return 0.10 }
    return 0.99 - 0.89 * (Double(visited - low) / Double(high - low))
  }

  /// Walks `root` as go-yaml's decoder would and throws ``Excessive`` as soon as the aliases
  /// take more than their share. Costs at most a bounded multiple of the written nodes.
  public static func check(_ root: Yams.Node) throws(Excessive) {
    // An alias is the anchored node again, with the same `Anchor` object: the first visit of
    // an anchor is its definition, later ones are aliases.
    var defined = Set<ObjectIdentifier>()
    var visited = 0
    var fromAliases = 0
    // (node, inside an alias, the line of the place it is written: the key of a mapping value,
    // the start of a sequence; an alias's own node carries its anchor's line instead)
    var stack: [(Yams.Node, Bool, Int?)] = [(root, false, root.mark?.line)]
    while let (node, insideAlias, writtenAt) = stack.popLast() {
      var inAlias = insideAlias
      if let anchor = node.anchorObject, defined.contains(ObjectIdentifier(anchor)) {
        // go-yaml visits the alias node, then its target inside the alias.
        visited += 1
        if inAlias { fromAliases += 1 }
        inAlias = true
      }
      let line = inAlias ? writtenAt : (node.mark?.line ?? writtenAt)
      visited += 1
      if inAlias { fromAliases += 1 }
      if fromAliases > 100 && visited > 1000
        && Double(fromAliases) / Double(visited) > allowedAliasRatio(visited)
      {
        throw Excessive(line: line, visited: visited)
      }
      switch node {
      case .mapping(let mapping):
        // Pushed in reverse so that the walk (and the line reported) follows the text.
        for (key, value) in mapping.reversed() {
          let keyLine = inAlias ? line : (key.mark?.line ?? line)
          stack.append((value, inAlias, keyLine))
          stack.append((key, inAlias, keyLine))
        }
      case .sequence(let sequence):
        for element in sequence.reversed() { stack.append((element, inAlias, line)) }
      default:
        break
      }
      // Registered after the children are queued: an anchor's own content is its definition.
      if let anchor = node.anchorObject, !insideAlias { defined.insert(ObjectIdentifier(anchor)) }
    }
  }
}

extension Yams.Node {
  fileprivate var anchorObject: Anchor? {
    switch self {
    case .scalar(let s): return s.anchor
    case .mapping(let m): return m.anchor
    case .sequence(let s): return s.anchor
    case .alias: return nil
    }
  }
}
