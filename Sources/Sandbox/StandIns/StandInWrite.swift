import APIServer

/// One write a stand-in asks for. Stand-ins decide on the cache and return writes; the
/// caller carries them out through the store's own operations, so each one is admitted,
/// versioned and watched exactly as a client's request would be.
enum StandInWrite: Equatable, CustomStringConvertible {
  /// Creates an object of the resource (`group`, `plural`) in `namespace`.
  case create(group: String, plural: String, namespace: String?, object: JSON)
  /// Binds a pod to a node through the `binding` subresource.
  case bind(namespace: String, pod: String, node: String)
  /// A JSON merge patch of the `status` subresource.
  case patchStatus(group: String, plural: String, namespace: String?, name: String, patch: JSON)
  /// A JSON merge patch of the object itself (spec or metadata).
  case patch(group: String, plural: String, namespace: String?, name: String, patch: JSON)
  /// Deletes an object; `gracePeriodSeconds: 0` removes a pod at once, as the kubelet does
  /// once its containers have stopped.
  case delete(group: String, plural: String, namespace: String?, name: String, gracePeriodSeconds: Int64?)

  var description: String {
    switch self {
    case .create(_, let plural, let ns, let object):
      let name =
        object[path: ["metadata", "name"]]?.string ?? object[path: ["metadata", "generateName"]]?.string ?? ""
      return "create \(plural) \(ns.map { "\($0)/" } ?? "")\(name)"
    case .bind(let ns, let pod, let node): return "bind pod \(ns)/\(pod) to \(node)"
    case .patchStatus(_, let plural, let ns, let name, _):
      return "patch status of \(plural) \(ns.map { "\($0)/" } ?? "")\(name)"
    case .patch(_, let plural, let ns, let name, _):
      return "patch \(plural) \(ns.map { "\($0)/" } ?? "")\(name)"
    case .delete(_, let plural, let ns, let name, _):
      return "delete \(plural) \(ns.map { "\($0)/" } ?? "")\(name)"
    }
  }

  static func patchPodStatus(_ namespace: String, _ name: String, _ status: JSON) -> StandInWrite {
    .patchStatus(group: "", plural: "pods", namespace: namespace, name: name, patch: ["status": status])
  }

  static func deletePod(_ namespace: String, _ name: String, gracePeriodSeconds: Int64? = nil) -> StandInWrite
  {
    .delete(
      group: "", plural: "pods", namespace: namespace, name: name, gracePeriodSeconds: gracePeriodSeconds)
  }
}
