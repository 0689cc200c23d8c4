import Foundation

/// A parsed field selector (`spec.nodeName=node-1,status.phase!=Succeeded`) over the fields the
/// real server indexes for each kind.
public struct FieldSelector: Sendable, Hashable {
  public struct Requirement: Sendable, Hashable {
    public var field: String
    public var value: String
    /// `!=` rather than `=` or `==`.
    public var negated: Bool
  }

  public var requirements: [Requirement]

  /// Parses `?fieldSelector=` for a type; a field the kind does not support is a 400 with the
  /// real server's message.
  public init(parsing text: String, for type: ResourceType) throws(APIError) {
    requirements = []
    for term in FieldSelector.splitTerms(text) where !term.allSatisfy(\.isWhitespace) {
      let requirement: Requirement
      if let range = term.range(of: "!=") {
        requirement = Requirement(field: String(term[..<range.lowerBound]), value: FieldSelector.unescape(term[range.upperBound...]), negated: true)
      } else if let range = term.range(of: "==") {
        requirement = Requirement(field: String(term[..<range.lowerBound]), value: FieldSelector.unescape(term[range.upperBound...]), negated: false)
      } else if let range = term.range(of: "=") {
        requirement = Requirement(field: String(term[..<range.lowerBound]), value: FieldSelector.unescape(term[range.upperBound...]), negated: false)
      } else {
        throw .badRequest("invalid selector: '\(text)'; can't understand '\(term)'")
      }
      let field = requirement.field.trimmingCharacters(in: .whitespaces)
      guard FieldSelector.supportedFields(type).contains(field) else {
        throw .badRequest("field label not supported: \(field)")
      }
      requirements.append(Requirement(field: field, value: requirement.value, negated: requirement.negated))
    }
  }

  /// Whether the object satisfies every requirement.
  public func matches(_ object: JSON) -> Bool {
    requirements.allSatisfy { r in
      let actual = FieldSelector.value(of: r.field, in: object)
      return r.negated ? actual != r.value : actual == r.value
    }
  }

  /// The terms split at unescaped commas.
  static func splitTerms(_ text: String) -> [String] {
    var terms: [String] = []
    var current = ""
    var escaped = false
    for c in text {
      if escaped {
        current.append("\\")
        current.append(c)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == "," {
        terms.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    terms.append(current)
    return terms
  }

  static func unescape(_ text: Substring) -> String {
    var out = ""
    var escaped = false
    for c in text {
      if escaped {
        out.append(c)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else {
        out.append(c)
      }
    }
    return out
  }

  /// The fields the real server lets clients select on, per kind.
  static func supportedFields(_ type: ResourceType) -> Set<String> {
    var fields: Set<String> = ["metadata.name"]
    if type.namespaced { fields.insert("metadata.namespace") }
    switch (type.group, type.kind) {
    case ("", "Pod"):
      fields.formUnion([
        "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork",
        "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName",
      ])
    case ("", "Node"): fields.insert("spec.unschedulable")
    case ("", "Event"):
      fields.formUnion([
        "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
        "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
        "reportingComponent", "source", "type",
      ])
    case ("events.k8s.io", "Event"):
      fields.formUnion([
        "regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "regarding.apiVersion",
        "regarding.resourceVersion", "regarding.fieldPath", "reason", "reportingController", "type",
        "deprecatedSource",
      ])
    case ("", "Secret"): fields.insert("type")
    case ("", "Namespace"): fields.insert("status.phase")
    case ("apps", "ReplicaSet"): fields.insert("status.replicas")
    case ("batch", "Job"): fields.insert("status.successful")
    case ("certificates.k8s.io", _): fields.insert("spec.signerName")
    default: break
    }
    return fields
  }

  /// The value a field selector compares against, as the real server's field sets render it.
  static func value(of field: String, in object: JSON) -> String {
    switch field {
    case "metadata.name": return object.name
    case "metadata.namespace": return object.namespace
    case "spec.unschedulable": return object[path: ["spec", "unschedulable"]]?.bool == true ? "true" : "false"
    case "spec.hostNetwork": return object[path: ["spec", "hostNetwork"]]?.bool == true ? "true" : "false"
    case "source": return object[path: ["source", "component"]]?.string ?? ""
    case "deprecatedSource": return object[path: ["deprecatedSource", "component"]]?.string ?? ""
    case "status.podIPs": return object[path: ["status", "podIPs"]]?.array?.first?["ip"]?.string ?? ""
    case "status.replicas", "status.successful":
      return String(object[path: field.split(separator: ".").map(String.init)]?.int ?? 0)
    default:
      let value = object[path: field.split(separator: ".").map(String.init)]
      switch value {
      case .string(let s): return s
      case .int(let i): return String(i)
      case .bool(let b): return b ? "true" : "false"
      default: return ""
      }
    }
  }
}
