import APIServer

/// The `additionalPrinterColumns` of a CustomResourceDefinition's version, read into Table
/// columns, with the JSONPath subset they use in practice: `.a.b`, escaped dots
/// (`.metadata.labels.karpenter\.sh/nodepool`), indexes (`[0]`) and filters
/// (`[?(@.type=="Ready")]`).
enum PrinterColumns {
  /// The columns of `version` of `crd`, NAME first and AGE last unless the CRD names its own;
  /// nil when the version declares none (the default NAME AGE applies).
  static func columns(fromCRD crd: JSON, version: String) -> [TableColumn]? {
    let versions = crd[path: ["spec", "versions"]]?.array ?? []
    guard let entry = versions.first(where: { $0["name"]?.string == version }),
      let declared = entry["additionalPrinterColumns"]?.array, !declared.isEmpty
    else { return nil }
    var columns = [TableColumns.name]
    for column in declared {
      guard let name = column["name"]?.string, let path = column["jsonPath"]?.string else { continue }
      let type = column["type"]?.string ?? "string"
      guard let steps = JSONPathSubset.parse(path) else { continue }
      columns.append(
        TableColumn(
          name, type: type, format: column["format"]?.string ?? "",
          priority: Int(column["priority"]?.int ?? 0),
          description: column["description"]?.string ?? "",
          cell: { object, now in
            let value = JSONPathSubset.evaluate(steps, in: object)
            if type == "date", let text = value?.string {
              return .string(HumanDuration.age(of: text, now: now))
            }
            return value ?? .null
          }))
    }
    if !declared.contains(where: { $0["jsonPath"]?.string == ".metadata.creationTimestamp" }) {
      columns.append(TableColumns.dateAge)
    }
    return columns
  }
}

/// The JSONPath steps printer columns use.
enum JSONPathSubset {
  enum Step: Equatable {
    case field(String)
    case index(Int)
    /// `[?(@.KEY=="VALUE")]`: the first element whose KEY is VALUE.
    case filter(key: String, value: String)
  }

  /// The steps of a path, or nil when it uses more than this subset.
  static func parse(_ path: String) -> [Step]? {
    var text = Substring(
      path.hasPrefix("{") && path.hasSuffix("}") ? String(path.dropFirst().dropLast()) : path)
    var steps: [Step] = []
    while let first = text.first {
      if first == "." {
        text = text.dropFirst()
        var name = ""
        while let c = text.first, c != ".", c != "[" {
          if c == "\\", text.count > 1 {
            text = text.dropFirst()
            name.append(text.first!)
          } else {
            name.append(c)
          }
          text = text.dropFirst()
        }
        guard !name.isEmpty else { return nil }
        steps.append(.field(name))
      } else if first == "[" {
        guard let close = text.firstIndex(of: "]") else { return nil }
        let inside = text[text.index(after: text.startIndex)..<close]
        text = text[text.index(after: close)...]
        if let index = Int(inside) {
          steps.append(.index(index))
        } else if inside.hasPrefix("?(@."), inside.hasSuffix(")"), let equals = inside.range(of: "==") {
          let key = inside[inside.index(inside.startIndex, offsetBy: 4)..<equals.lowerBound]
          var value = inside[equals.upperBound..<inside.index(before: inside.endIndex)]
          value = value.trimmingSpaces
          if value.count >= 2, value.first == "\"" || value.first == "'" {
            value = value.dropFirst().dropLast()
          }
          steps.append(.filter(key: String(key), value: String(value)))
        } else {
          return nil
        }
      } else {
        return nil
      }
    }
    return steps
  }

  static func evaluate(_ steps: [Step], in object: JSON) -> JSON? {
    var current: JSON? = object
    for step in steps {
      switch step {
      case .field(let name): current = current?[name]
      case .index(let i):
        guard let array = current?.array, array.indices.contains(i) else { return nil }
        current = array[i]
      case .filter(let key, let value):
        current = current?.array?.first { element in
          guard let field = element[key] else { return false }
          return field.string == value || field.description == value
        }
      }
      if current == nil { return nil }
    }
    return current
  }
}
