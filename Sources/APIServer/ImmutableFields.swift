/// Fields the real server refuses to change after create, with its messages.
enum ImmutableFields {
  /// The pod spec fields an update may change; everything else in a pod's spec is fixed.
  static let mutablePodSpecFields: Set<String> = [
    "activeDeadlineSeconds", "tolerations", "terminationGracePeriodSeconds", "schedulingGates",
  ]

  static func problems(_ type: ResourceType, old: JSON, new: JSON) -> [FieldCause] {
    switch (type.group, type.kind) {
    case ("", "Pod"):
      return podSpecProblems(old: old["spec"] ?? [:], new: new["spec"] ?? [:])
    case ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "StatefulSet"), ("apps", "DaemonSet"):
      return unchanged(["spec", "selector"], old, new)
    case ("batch", "Job"):
      return unchanged(["spec", "selector"], old, new) + unchanged(["spec", "completionMode"], old, new)
    case ("", "ConfigMap"), ("", "Secret"):
      guard old["immutable"]?.bool == true else { return [] }
      var causes: [FieldCause] = []
      for field in ["data", "binaryData", "stringData"] where old[field] != new[field] {
        causes.append(
          FieldCause(
            reason: "FieldValueForbidden", message: "Forbidden: field is immutable when `immutable` is set",
            field: field))
      }
      if new["immutable"]?.bool != true {
        causes.append(
          FieldCause(
            reason: "FieldValueForbidden", message: "Forbidden: field is immutable when `immutable` is set",
            field: "immutable"))
      }
      return causes
    case ("", "Node"):
      return old[path: ["spec", "podCIDR"]] == nil ? [] : unchanged(["spec", "podCIDR"], old, new)
    default:
      return []
    }
  }

  static func unchanged(_ path: [String], _ old: JSON, _ new: JSON) -> [FieldCause] {
    guard old[path: path] != new[path: path] else { return [] }
    return [
      FieldCause(
        message: "Invalid value: \(new[path: path] ?? .null): field is immutable",
        field: path.joined(separator: "."))
    ]
  }

  /// A pod's spec may change only in container images and the fields above; nodeName can only
  /// be set through the binding subresource.
  static func podSpecProblems(old: JSON, new: JSON) -> [FieldCause] {
    var a = old
    var b = new
    for field in mutablePodSpecFields {
      a[field] = nil
      b[field] = nil
    }
    for list in ["containers", "initContainers"] {
      a[list] = withoutImages(a[list])
      b[list] = withoutImages(b[list])
    }
    guard a != b else { return [] }
    return [
      FieldCause(
        reason: "FieldValueForbidden",
        message:
          "Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
        field: "spec")
    ]
  }

  static func withoutImages(_ list: JSON?) -> JSON? {
    guard let elements = list?.array else { return list }
    return .array(
      elements.map { element in
        var copy = element
        copy["image"] = nil
        return copy
      })
  }
}
