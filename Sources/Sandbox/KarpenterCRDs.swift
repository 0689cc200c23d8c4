import APIServer
import Foundation
import Yams

/// Karpenter's CustomResourceDefinitions (config/crds, embedded by scripts/embed-crds.sh),
/// created in the store when the sandbox starts: `kubectl get crd`, `kubectl explain` and the
/// OpenAPI documents answer from them, as on a cluster where Karpenter's chart installed them.
/// The kinds themselves stay built in (``APIStore``'s registry keeps a built-in type when a CRD
/// names it), so re-applying these CRDs is an ordinary update.
enum KarpenterCRDs {
  /// The CRD objects, parsed once per process.
  static let objects: [JSON] = EmbeddedCRDs.files.compactMap { file in
    guard let tree = try? Yams.load(yaml: file.text) else {
      preconditionFailure("config/crds/\(file.name) is not YAML; run scripts/embed-crds.sh")
    }
    return json(tree)
  }

  /// The openAPIV3Schema of each served version, by `group/version/kind`: what the OpenAPI
  /// documents serve for Karpenter's kinds when the store has no CRD for them.
  static let schemas: [String: JSON] = {
    var out: [String: JSON] = [:]
    for crd in objects {
      guard let group = crd[path: ["spec", "group"]]?.string, let kind = crd[path: ["spec", "names", "kind"]]?.string
      else { continue }
      for version in crd[path: ["spec", "versions"]]?.array ?? [] {
        if let name = version["name"]?.string, let schema = version[path: ["schema", "openAPIV3Schema"]] {
          out["\(group)/\(name)/\(kind)"] = schema
        }
      }
    }
    return out
  }()

  /// Creates the CRDs in `store`; an existing one (a restored store) is left as it is.
  static func install(in store: inout APIStore, now: Date) {
    guard
      let type = store.registry.type(
        group: "apiextensions.k8s.io", version: "v1", plural: "customresourcedefinitions")
    else { return }
    for crd in objects {
      _ = try? store.create(type, namespace: nil, crd, now: now)
    }
  }

  /// A YAML tree as Yams' loader types it (YAML 1.1 scalars) in the API server's JSON.
  static func json(_ value: Any) -> JSON {
    switch value {
    case let map as [AnyHashable: Any]:
      return .object(Dictionary(uniqueKeysWithValues: map.map { ("\($0.key)", json($0.value)) }))
    case let list as [Any]: return .array(list.map(json))
    case let bool as Bool: return .bool(bool)
    case let int as Int: return .int(Int64(int))
    case let double as Double: return .double(double)
    case let string as String: return .string(string)
    default: return .null
    }
  }
}
