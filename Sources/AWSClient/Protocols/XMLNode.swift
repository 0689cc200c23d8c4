import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An XML element as a small tree: the AWS Query and EC2 protocols read their answers from it.
///
/// EC2 wraps every list in `<xxxSet><item>…</item></xxxSet>` and IAM/STS in `<member>`; a tree with
/// lookup by local name reads both without a decoder per shape (chosen over XMLCoder for that).
public struct XMLNode: Sendable {
  /// The local name (any namespace prefix removed).
  public var name: String
  public var text: String
  public var children: [XMLNode]

  public init(name: String, text: String = "", children: [XMLNode] = []) {
    self.name = name
    self.text = text
    self.children = children
  }

  /// The first child with that name.
  public func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

  /// Follows a path of child names: `node["reservationSet", "item"]`.
  public subscript(_ path: String...) -> XMLNode? {
    var node: XMLNode? = self
    for name in path { node = node?.child(name) }
    return node
  }

  /// The trimmed text of the child at that path, nil when absent.
  public func string(_ path: String...) -> String? {
    var node: XMLNode? = self
    for name in path { node = node?.child(name) }
    return node.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
  }

  public func int(_ path: String...) -> Int? {
    var node: XMLNode? = self
    for name in path { node = node?.child(name) }
    return node.flatMap { Int($0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
  }

  public func double(_ path: String...) -> Double? {
    var node: XMLNode? = self
    for name in path { node = node?.child(name) }
    return node.flatMap { Double($0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
  }

  public func bool(_ path: String...) -> Bool? {
    var node: XMLNode? = self
    for name in path { node = node?.child(name) }
    return node.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == "true" }
  }

  /// The `<item>` (EC2) or `<member>` (IAM, STS) children of the list element at that path;
  /// empty when the list is absent.
  public func list(_ path: String...) -> [XMLNode] {
    var node: XMLNode? = self
    for name in path { node = node?.child(name) }
    return node?.children.filter { $0.name == "item" || $0.name == "member" } ?? []
  }

  /// The texts of a list of scalars (`<groupSet><item>sg-1</item></groupSet>`).
  public func strings(_ path: String...) -> [String] {
    var node: XMLNode? = self
    for name in path { node = node?.child(name) }
    return (node?.children.filter { $0.name == "item" || $0.name == "member" } ?? [])
      .map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
  }

  /// The first element with that name anywhere below (depth first), this node included.
  public func first(named name: String) -> XMLNode? {
    if self.name == name { return self }
    for child in children {
      if let found = child.first(named: name) { return found }
    }
    return nil
  }

  /// Parses a document; nil when it is not well-formed XML.
  public static func parse(_ data: Data) -> XMLNode? {
    let delegate = TreeBuilder()
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = false
    parser.delegate = delegate
    guard parser.parse(), let root = delegate.root else { return nil }
    return root
  }
}

/// XMLParser's delegate collecting elements into ``XMLNode``s.
private final class TreeBuilder: NSObject, XMLParserDelegate {
  var stack: [XMLNode] = []
  var root: XMLNode?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
    stack.append(XMLNode(name: local))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard !stack.isEmpty else { return }
    stack[stack.count - 1].text += string
  }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    guard !stack.isEmpty else { return }
    stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    guard let node = stack.popLast() else { return }
    if stack.isEmpty {
      root = node
    } else {
      stack[stack.count - 1].children.append(node)
    }
  }
}
