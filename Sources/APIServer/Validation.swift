/// The real server's validation that clients run into most, with its messages: a pod without
/// containers, a workload whose selector does not match its template, a malformed
/// CustomResourceDefinition, a budget with both minAvailable and maxUnavailable.
enum Validation {
  static func problems(_ type: ResourceType, _ object: JSON) -> [FieldCause] {
    switch (type.group, type.kind) {
    case ("", "Pod"): return podSpec(object["spec"] ?? [:], path: "spec")
    case ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "StatefulSet"), ("apps", "DaemonSet"):
      return selectorMatchesTemplate(object)
    case ("policy", "PodDisruptionBudget"):
      if object[path: ["spec", "minAvailable"]] != nil, object[path: ["spec", "maxUnavailable"]] != nil {
        return [
          FieldCause(
            message:
              "Invalid value: \(object["spec"] ?? [:]): minAvailable and maxUnavailable cannot be both set",
            field: "spec")
        ]
      }
      return []
    case ("apiextensions.k8s.io", "CustomResourceDefinition"): return customResourceDefinition(object)
    default: return []
    }
  }

  static func required(_ field: String) -> FieldCause {
    FieldCause(reason: "FieldValueRequired", message: "Required value", field: field)
  }

  static func podSpec(_ spec: JSON, path: String) -> [FieldCause] {
    guard let containers = spec["containers"]?.array, !containers.isEmpty else {
      return [required("\(path).containers")]
    }
    var causes: [FieldCause] = []
    var names: Set<String> = []
    for (i, container) in containers.enumerated() {
      let name = container["name"]?.string ?? ""
      if name.isEmpty {
        causes.append(required("\(path).containers[\(i)].name"))
      } else if !names.insert(name).inserted {
        causes.append(
          FieldCause(
            reason: "FieldValueDuplicate", message: "Duplicate value: \"\(name)\"",
            field: "\(path).containers[\(i)].name"))
      }
      if (container["image"]?.string ?? "").isEmpty {
        causes.append(required("\(path).containers[\(i)].image"))
      }
    }
    return causes
  }

  static func selectorMatchesTemplate(_ object: JSON) -> [FieldCause] {
    guard let selector = object[path: ["spec", "selector"]], selector.object != nil else {
      return [required("spec.selector")]
    }
    guard let parsed = try? LabelSelector(object: selector) else {
      return [
        FieldCause(message: "Invalid value: \(selector): invalid label selector", field: "spec.selector")
      ]
    }
    if parsed.requirements.isEmpty {
      return [
        FieldCause(
          message: "Invalid value: \(selector): empty selector is invalid for deployment",
          field: "spec.selector")
      ]
    }
    let labels = object[path: ["spec", "template", "metadata", "labels"]] ?? .null
    var strings: [String: String] = [:]
    for (k, v) in labels.object ?? [:] { strings[k] = v.string }
    if !parsed.matches(strings) {
      let shown = labels.object.map { "map[string]string\(JSON.object($0))" } ?? "map[string]string(nil)"
      return [
        FieldCause(
          message: "Invalid value: \(shown): `selector` does not match template `labels`",
          field: "spec.template.metadata.labels")
      ]
    }
    return []
  }

  static func customResourceDefinition(_ crd: JSON) -> [FieldCause] {
    var causes: [FieldCause] = []
    let group = crd[path: ["spec", "group"]]?.string ?? ""
    let plural = crd[path: ["spec", "names", "plural"]]?.string ?? ""
    if group.isEmpty { causes.append(required("spec.group")) }
    if plural.isEmpty { causes.append(required("spec.names.plural")) }
    if (crd[path: ["spec", "names", "kind"]]?.string ?? "").isEmpty {
      causes.append(required("spec.names.kind"))
    }
    if !group.isEmpty, !plural.isEmpty, crd.name != "\(plural).\(group)" {
      causes.append(
        FieldCause(
          message: "Invalid value: \"\(crd.name)\": must be spec.names.plural+\".\"+spec.group",
          field: "metadata.name"))
    }
    let scope = crd[path: ["spec", "scope"]]?.string ?? ""
    if scope != "Namespaced", scope != "Cluster" {
      causes.append(
        FieldCause(
          reason: "FieldValueNotSupported",
          message: "Unsupported value: \"\(scope)\": supported values: \"Cluster\", \"Namespaced\"",
          field: "spec.scope"))
    }
    let versions = crd[path: ["spec", "versions"]]?.array ?? []
    if versions.isEmpty {
      causes.append(
        FieldCause(
          message: "Invalid value: []: must have exactly one version marked as storage version",
          field: "spec.versions"))
    } else if versions.filter({ $0["storage"]?.bool == true }).count != 1 {
      causes.append(
        FieldCause(
          message:
            "Invalid value: \(JSON.array(versions.map { $0["name"] ?? .null })): must have exactly one version marked as storage version",
          field: "spec.versions"))
    }
    return causes
  }
}
