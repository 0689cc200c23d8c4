import Foundation
import Testing
import Yams

/// The pieces of config/crds the agreement tests read: a CRD's schema as a tree of field paths
/// (`spec.template.spec.requirements[].key`, lists as `[]`, maps with additionalProperties as
/// `{}`) and its enums.
struct CRDSchema {
  /// The CRD's file name in config/crds.
  var file: String
  var schema: [String: Any]

  /// The repository's config/crds, found from this source file.
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("config/crds")

  init(file: String) throws {
    self.file = file
    let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
    let crd = try #require(try CRDAgreementTests.load(text) as? [String: Any])
    let versions = try #require((crd["spec"] as? [String: Any])?["versions"] as? [[String: Any]])
    #expect(versions.count == 1, "\(file) serves one version")
    let schema = try #require(
      (versions.first?["schema"] as? [String: Any])?["openAPIV3Schema"] as? [String: Any])
    self.schema = schema
  }

  /// Every leaf field path the schema declares.
  var paths: Set<String> {
    var out: Set<String> = []
    Self.walk(schema, "", into: &out)
    return out
  }

  private static func walk(_ schema: [String: Any], _ path: String, into out: inout Set<String>) {
    if let properties = schema["properties"] as? [String: Any] {
      for (name, child) in properties {
        walk(child as? [String: Any] ?? [:], path.isEmpty ? name : "\(path).\(name)", into: &out)
      }
    } else if let items = schema["items"] as? [String: Any] {
      walk(items, path + "[]", into: &out)
    } else if schema["additionalProperties"] is [String: Any] {
      out.insert(path + "{}")
    } else {
      out.insert(path)
    }
  }

  /// The leaf paths an object sets, read with the schema as the guide (a mapping where the
  /// schema has properties is an object, where it has additionalProperties a map); a field the
  /// schema does not declare is returned as it is written.
  func paths(setBy object: Any) -> Set<String> {
    var out: Set<String> = []
    Self.walk(object, schema, "", into: &out)
    return out
  }

  private static func walk(_ value: Any, _ schema: [String: Any], _ path: String, into out: inout Set<String>) {
    if let properties = schema["properties"] as? [String: Any], let object = value as? [String: Any] {
      for (name, child) in object {
        let childPath = path.isEmpty ? name : "\(path).\(name)"
        if let childSchema = properties[name] as? [String: Any] {
          walk(child, childSchema, childPath, into: &out)
        } else {
          out.insert(childPath + " (not in the schema)")
        }
      }
    } else if let items = schema["items"] as? [String: Any], let list = value as? [Any] {
      for element in list { walk(element, items, path + "[]", into: &out) }
    } else if schema["additionalProperties"] is [String: Any], let map = value as? [String: Any] {
      if !map.isEmpty { out.insert(path + "{}") }
    } else {
      out.insert(path)
    }
  }

  /// Every `enum` of the schema by field path (list items as `[]`).
  var enums: [String: [String]] {
    var out: [String: [String]] = [:]
    func walk(_ schema: [String: Any], _ path: String) {
      if let values = schema["enum"] as? [Any] { out[path] = values.map { "\($0)" } }
      for (name, child) in schema["properties"] as? [String: Any] ?? [:] {
        walk(child as? [String: Any] ?? [:], path.isEmpty ? name : "\(path).\(name)")
      }
      if let items = schema["items"] as? [String: Any] { walk(items, path + "[]") }
    }
    walk(schema, "")
    return out
  }
}

/// Field paths of a decoded Swift value, read with `Mirror`: the leaves it has (lists as `[]`,
/// maps as `{}`) and those it leaves unset (nil or empty).
struct ModelWalk {
  var leaves: Set<String> = []
  var unset: Set<String> = []

  /// Paths whose value is not an API object of the CRD's, so the walk stops there.
  static let opaque: Set<String> = ["metadata"]

  init(_ value: Any) { walk(value, "") }

  private mutating func walk(_ value: Any, _ path: String) {
    let mirror = Mirror(reflecting: value)
    if Self.opaque.contains(path) {
      leaves.insert(path)
      return
    }
    switch mirror.displayStyle {
    case .optional:
      guard let wrapped = mirror.children.first?.value else {
        unset.insert(path)
        return
      }
      walk(wrapped, path)
    case .collection:
      if mirror.children.isEmpty { unset.insert(path + "[]") }
      for child in mirror.children { walk(child.value, path + "[]") }
      if mirror.children.isEmpty { leaves.insert(path + "[]") }
    case .dictionary:
      // Map values are not walked: the schema's additionalProperties is one leaf.
      if mirror.children.isEmpty { unset.insert(path + "{}") }
      leaves.insert(path + "{}")
    case .struct where !mirror.children.isEmpty && !(value is any StringProtocol):
      if String(describing: type(of: value)) == "Quantity" {
        leaves.insert(path)
        return
      }
      for child in mirror.children {
        guard let label = child.label else { continue }
        walk(child.value, path.isEmpty ? label : "\(path).\(label)")
      }
    default:
      leaves.insert(path)
    }
  }
}
