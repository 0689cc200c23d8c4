/// The causes of a 422 worded as the apiserver's `field.Error`s are: `Required value`,
/// `Invalid value: "foo": detail`, `Unsupported value: "Foo": supported values: "In", "NotIn"`,
/// `Too long: may not be more than 63 bytes`, `Too many: 3: must have at most 2 items`,
/// `Duplicate value: "a"`, `Forbidden: detail`. Values print as Go's `%v`/`%q`/`%#v` print them,
/// since that is what the apiserver's messages contain.
enum FieldMessages {
  static func required(_ path: String, _ detail: String = "") -> FieldCause {
    FieldCause(
      reason: "FieldValueRequired", message: detail.isEmpty ? "Required value" : "Required value: \(detail)",
      field: path)
  }

  static func invalid(_ path: String, _ value: JSON, _ detail: String) -> FieldCause {
    FieldCause(
      reason: "FieldValueInvalid", message: "Invalid value: \(render(value)): \(detail)", field: path)
  }

  /// A wrong type: `Invalid value: "string": spec.replicas in body must be of type integer: "string"`.
  static func typeInvalid(_ path: String, actual: String, expected: String) -> FieldCause {
    FieldCause(
      reason: "FieldValueTypeInvalid",
      message:
        "Invalid value: \(render(.string(actual))): \(bodyName(path)) in body must be of type \(expected): \(render(.string(actual)))",
      field: path)
  }

  static func notSupported(_ path: String, _ value: JSON, supported: [JSON]) -> FieldCause {
    let values = supported.map { value -> String in
      if case .string(let s) = value { return quoted(s) }
      return quoted(value.description)
    }
    return FieldCause(
      reason: "FieldValueNotSupported",
      message: "Unsupported value: \(render(value)): supported values: \(values.joined(separator: ", "))",
      field: path)
  }

  static func tooLong(_ path: String, max: Int) -> FieldCause {
    FieldCause(
      reason: "FieldValueTooLong",
      message: "Too long: may not be more than \(max) \(max == 1 ? "byte" : "bytes")",
      field: path)
  }

  static func tooMany(_ path: String, actual: Int, max: Int) -> FieldCause {
    FieldCause(
      reason: "FieldValueTooMany",
      message: "Too many: \(actual): must have at most \(max) \(max == 1 ? "item" : "items")", field: path)
  }

  static func duplicate(_ path: String, _ value: JSON) -> FieldCause {
    FieldCause(reason: "FieldValueDuplicate", message: "Duplicate value: \(render(value))", field: path)
  }

  static func forbidden(_ path: String, _ detail: String) -> FieldCause {
    FieldCause(reason: "FieldValueForbidden", message: "Forbidden: \(detail)", field: path)
  }

  /// The error for a failed CEL rule, by the rule's `reason`.
  static func forReason(_ reason: String?, _ path: String, _ value: JSON, _ detail: String) -> FieldCause {
    switch reason {
    case "FieldValueForbidden": return forbidden(path, detail)
    case "FieldValueRequired": return required(path, detail)
    case "FieldValueDuplicate":
      var cause = duplicate(path, value)
      cause.message += ": \(detail)"
      return cause
    default: return invalid(path, value, detail)
    }
  }

  /// How kube-openapi names a field inside its messages: the path, or "body" at the root.
  static func bodyName(_ path: String) -> String { path.isEmpty ? "body" : path }

  /// A value as the apiserver prints it in a message: strings quoted (`%q`), numbers and booleans
  /// bare (`%v`), null as `"null"`, lists and maps as Go's `%#v`.
  static func render(_ value: JSON) -> String {
    switch value {
    case .null: return "\"null\""
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return CELFunctions.formatDouble(d)
    case .string(let s): return quoted(s)
    case .array, .object: return goSyntax(value)
    }
  }

  /// Go's `%#v` of a decoded JSON value, e.g. `map[string]interface {}{"key":"a"}`.
  static func goSyntax(_ value: JSON) -> String {
    switch value {
    case .null: return "interface {}(nil)"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return "\(i)"
    case .double(let d): return CELFunctions.formatDouble(d)
    case .string(let s): return quoted(s)
    case .array(let a): return "[]interface {}{" + a.map(goSyntax).joined(separator: ", ") + "}"
    case .object(let o):
      let members = o.keys.sorted().map { "\(quoted($0)):\(goSyntax(o[$0]!))" }
      return "map[string]interface {}{" + members.joined(separator: ", ") + "}"
    }
  }

  /// Go's `%q`: double quotes, with quotes, backslashes and control characters escaped.
  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
