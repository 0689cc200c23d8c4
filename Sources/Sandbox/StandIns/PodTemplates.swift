import APIServer

/// Pods made from a workload's template, as its controller makes them: the template's
/// metadata and spec copied as stored JSON (so fields this project does not model, such as
/// `env` or `volumeMounts`, reach the pod), a controller owner reference that blocks the
/// owner's foreground deletion, and the names and labels the controller adds.
enum PodTemplates {
  /// The owner reference a controller puts on what it creates.
  static func controllerReference(apiVersion: String, kind: String, name: String, uid: String?) -> JSON {
    var ref: JSON = [
      "apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(name), "controller": true,
      "blockOwnerDeletion": true,
    ]
    if let uid { ref["uid"] = .string(uid) }
    return ref
  }

  /// A pod from `template` (the stored `spec.template`), named by `name` or by the API server
  /// from `generateName`, in `namespace`, owned by `owner`, with `extraLabels` added to the
  /// template's labels.
  static func pod(
    template: JSON, namespace: String, name: String? = nil, generateName: String? = nil, owner: JSON,
    extraLabels: [String: String] = [:], extraAnnotations: [String: String] = [:]
  ) -> JSON {
    var metadata: JSON = [:]
    if let labels = template[path: ["metadata", "labels"]], labels.object != nil {
      metadata["labels"] = labels
    }
    if let annotations = template[path: ["metadata", "annotations"]], annotations.object != nil {
      metadata["annotations"] = annotations
    }
    if let finalizers = template[path: ["metadata", "finalizers"]] { metadata["finalizers"] = finalizers }
    for (k, v) in extraLabels { metadata[path: ["labels", k]] = .string(v) }
    for (k, v) in extraAnnotations { metadata[path: ["annotations", k]] = .string(v) }
    if let name { metadata["name"] = .string(name) }
    if let generateName { metadata["generateName"] = .string(generateName) }
    metadata["namespace"] = .string(namespace)
    metadata["ownerReferences"] = [owner]
    return ["apiVersion": "v1", "kind": "Pod", "metadata": metadata, "spec": template["spec"] ?? [:]]
  }
}
