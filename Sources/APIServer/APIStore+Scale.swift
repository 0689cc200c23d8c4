import Foundation

extension APIStore {
  /// The `autoscaling/v1 Scale` view of a deployment, replica set or stateful set (`GET .../scale`).
  public func scale(_ type: ResourceType, namespace: String?, name: String) throws(APIError) -> JSON {
    guard type.subresources.contains(.scale) else {
      throw .notFound(type, name: "\(name)/scale")
    }
    let object = try get(type, namespace: namespace, name: name)
    return APIStore.scaleView(of: object)
  }

  /// Sets `spec.replicas` from a Scale (`PUT .../scale`), with the Scale's resourceVersion as
  /// a precondition.
  public mutating func updateScale(
    _ type: ResourceType, namespace: String?, name: String, _ scale: JSON, now: Date
  ) throws(APIError) -> JSON {
    guard type.subresources.contains(.scale) else { throw .notFound(type, name: "\(name)/scale") }
    let key = try objectKey(type, namespace: namespace, name: name)
    guard let old = objects[type.storageKey]?[key] else { throw .notFound(type, name: name) }
    guard let replicas = scale[path: ["spec", "replicas"]]?.int, replicas >= 0 else {
      throw APIError(
        code: 422, reason: .invalid,
        message: "Scale.autoscaling \"\(name)\" is invalid: spec.replicas: Invalid value: \(scale[path: ["spec", "replicas"]] ?? .null): must be greater than or equal to 0",
        name: name, group: "autoscaling", kind: "Scale",
        causes: [FieldCause(message: "Invalid value: must be greater than or equal to 0", field: "spec.replicas")])
    }
    if let rv = scale[path: ["metadata", "resourceVersion"]]?.string, !rv.isEmpty,
      rv != old[path: ["metadata", "resourceVersion"]]?.string
    {
      throw .conflict(type, name: name)
    }
    var new = old
    new[path: ["spec", "replicas"]] = .int(replicas)
    let stored = try replace(type, key, old: old, with: new, subresource: nil, dryRun: false, fieldManager: nil, operation: "Update", now: now)
    return APIStore.scaleView(of: stored)
  }

  static func scaleView(of object: JSON) -> JSON {
    var metadata: [String: JSON] = [:]
    for field in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] {
      if let value = object[path: ["metadata", field]] { metadata[field] = value }
    }
    var status: [String: JSON] = ["replicas": object[path: ["status", "replicas"]] ?? 0]
    if let selector = object[path: ["spec", "selector"]] {
      status["selector"] = .string(LabelSelector.format(selector))
    }
    return [
      "apiVersion": "autoscaling/v1", "kind": "Scale", "metadata": .object(metadata),
      "spec": ["replicas": object[path: ["spec", "replicas"]] ?? 0], "status": .object(status),
    ]
  }
}

extension LabelSelector {
  /// The string form of a `metav1.LabelSelector` object, as `metav1.FormatLabelSelector` writes it.
  public static func format(_ selector: JSON) -> String {
    var parts: [String] = []
    for (key, value) in (selector["matchLabels"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
      parts.append("\(key)=\(value.string ?? "")")
    }
    for expression in selector["matchExpressions"]?.array ?? [] {
      let key = expression["key"]?.string ?? ""
      let values = (expression["values"]?.array ?? []).compactMap(\.string).sorted().joined(separator: ",")
      switch expression["operator"]?.string {
      case "In": parts.append("\(key) in (\(values))")
      case "NotIn": parts.append("\(key) notin (\(values))")
      case "Exists": parts.append(key)
      case "DoesNotExist": parts.append("!\(key)")
      default: break
      }
    }
    return parts.isEmpty ? "" : parts.joined(separator: ",")
  }
}
