import Foundation

/// A CustomResourceDefinition version's `schema.openAPIV3Schema`, compiled: what the apiserver
/// does to every write of a custom resource (prune unknown fields, apply defaults, validate the
/// schema, run the CEL rules) in one call.
///
///     let schema = CustomResourceSchema(crd: crd, version: "v1")!
///     let outcome = schema.admit(nodePool, old: storedNodePool)
///     if !outcome.causes.isEmpty { throw APIError.invalid(type, name: name, causes: outcome.causes) }
///     store(outcome.object)  // pruned and defaulted
public struct CustomResourceSchema: Sendable {
  let root: SchemaNode
  /// What is wrong with the schema itself (rules that do not compile, bad patterns), with
  /// field paths under `path`; the apiserver refuses a CRD with any.
  public let problems: [FieldCause]

  /// Compiles a schema; `path` prefixes the field paths of `problems`.
  public init(openAPIV3Schema: JSON, path: String = "openAPIV3Schema") {
    var problems: [FieldCause] = []
    root = SchemaNode(openAPIV3Schema, path: path, problems: &problems)
    self.problems = problems
  }

  /// The schema of a served version of a CRD object; nil when the version has none.
  public init?(crd: JSON, version: String) {
    guard let versions = crd[path: ["spec", "versions"]]?.array,
      let index = versions.firstIndex(where: { $0["name"]?.string == version }),
      let schema = versions[index][path: ["schema", "openAPIV3Schema"]]
    else { return nil }
    self.init(openAPIV3Schema: schema, path: "spec.versions[\(index)].schema.openAPIV3Schema")
  }

  /// Prunes, defaults and validates an object as the apiserver does on a write.
  /// - Parameters:
  ///   - old: the stored object on an update: transition rules (`oldSelf`) run only with it,
  ///     and subtrees equal to it are not validated again (ratcheting).
  ///   - statusOnly: a write of the `/status` subresource: only `.status` is pruned and
  ///     defaulted (the whole object is validated, the unchanged rest ratcheting against `old`).
  public func admit(_ object: JSON, old: JSON? = nil, statusOnly: Bool = false) -> CustomResourceAdmission {
    var object = object
    var pruned: [String] = []
    var schemaPass = SchemaValidator()
    var rulePass = SchemaRuleValidator()
    if statusOnly {
      // Only `.status` is pruned and defaulted; the rest came from the stored object.
      if var status = object["status"] {
        if let node = root.child("status") {
          if status == .null, !node.nullable {
            object["status"] = node.defaultValue
          } else {
            object["status"] = nil
            pruned = SchemaDefaulting.apply(&status, node, path: "status", isRoot: false)
            object["status"] = status
          }
        } else if !root.preservesUnknownFields {
          object["status"] = nil
          pruned = ["status"]
        }
      }
    } else {
      pruned = SchemaDefaulting.apply(&object, root, path: "", isRoot: true)
    }
    // The whole object is validated either way, as the status strategy does; on a status
    // write the unchanged rest ratchets against `old`.
    schemaPass.validate(object, root, path: "", old: old, isRoot: true)
    if !schemaPass.hasBlockingError { rulePass.validate(object, root, path: "", old: old, isRoot: true) }
    var causes = schemaPass.causes
    if schemaPass.hasBlockingError, root.hasRules {
      causes.append(
        FieldCause(
          message:
            "Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
          field: "<nil>"))
    }
    causes += rulePass.causes
    return CustomResourceAdmission(object: object, prunedFields: pruned, causes: causes)
  }
}

/// What admitting a custom resource against its schema gives: the object as it would be stored
/// and why it cannot be.
public struct CustomResourceAdmission: Sendable, Hashable {
  /// The object pruned of unknown fields and with the schema's defaults filled in.
  public var object: JSON
  /// The fields pruning dropped (`spec.typo`), for warnings.
  public var prunedFields: [String]
  /// The apiserver-worded causes of a 422; empty when the object is valid.
  public var causes: [FieldCause]

  public init(object: JSON, prunedFields: [String] = [], causes: [FieldCause] = []) {
    self.object = object
    self.prunedFields = prunedFields
    self.causes = causes
  }
}

/// Compiled schemas by CRD uid, resourceVersion and version, so that a schema is compiled once
/// per CRD change rather than on every write. The store is a value type without room for a
/// cache, so the cache is shared; an entry is used only when its source schema is the same
/// value (usually the same storage, so the check is cheap), which keeps two stores that
/// happen to share a uid and resourceVersion apart.
final class CustomResourceSchemaCache: @unchecked Sendable {
  static let shared = CustomResourceSchemaCache()
  /// Plenty for the handful of CRDs a sandbox serves; past it the cache starts over.
  static let capacity = 256

  private let lock = NSLock()
  private var entries: [String: (source: JSON, schema: CustomResourceSchema)] = [:]

  func schema(crd: JSON, version: String) -> CustomResourceSchema? {
    guard let versions = crd[path: ["spec", "versions"]]?.array,
      let source = versions.first(where: { $0["name"]?.string == version })?[path: [
        "schema", "openAPIV3Schema",
      ]]
    else { return nil }
    let key =
      "\(crd.name)/\(crd[path: ["metadata", "uid"]]?.string ?? "")/\(crd[path: ["metadata", "resourceVersion"]]?.string ?? "")/\(version)"
    lock.lock()
    if let entry = entries[key], entry.source == source {
      lock.unlock()
      return entry.schema
    }
    lock.unlock()
    guard let schema = CustomResourceSchema(crd: crd, version: version) else { return nil }
    lock.lock()
    if entries.count >= CustomResourceSchemaCache.capacity { entries.removeAll() }
    entries[key] = (source, schema)
    lock.unlock()
    return schema
  }
}

extension APIStore {
  /// The compiled schema a custom resource type is validated against: its CRD's, at the
  /// served version, when that CRD exists in the store (built-in kinds and custom kinds
  /// registered without a CRD object have none).
  public func customResourceSchema(for type: ResourceType) -> CustomResourceSchema? {
    guard type.isCustom,
      let crd = objects["apiextensions.k8s.io/customresourcedefinitions"]?[
        ObjectKey(namespace: "", name: "\(type.plural).\(type.group)")]
    else { return nil }
    return CustomResourceSchemaCache.shared.schema(crd: crd, version: type.version)
  }

  /// Prunes, defaults and validates a custom resource against its CRD's schema before it is
  /// stored (create, update, patch, apply); refuses a CRD whose rules do not compile.
  mutating func admitAgainstSchema(
    _ type: ResourceType, _ object: inout JSON, old: JSON?, subresource: Subresource?, name: String
  ) throws(APIError) {
    if type.group == "apiextensions.k8s.io", type.plural == "customresourcedefinitions" {
      var problems: [FieldCause] = []
      for (i, version) in (object[path: ["spec", "versions"]]?.array ?? []).enumerated() {
        guard let schema = version[path: ["schema", "openAPIV3Schema"]] else { continue }
        if let old, ResourceRegistry.sameSchema(old, object, version: i) { continue }
        problems +=
          CustomResourceSchema(
            openAPIV3Schema: schema, path: "spec.versions[\(i)].schema.openAPIV3Schema"
          ).problems
      }
      if !problems.isEmpty { throw .invalid(type, name: name, causes: problems) }
      return
    }
    guard let schema = customResourceSchema(for: type) else { return }
    let outcome = schema.admit(object, old: old, statusOnly: subresource == .status)
    if !outcome.causes.isEmpty { throw .invalid(type, name: name, causes: outcome.causes) }
    object = outcome.object
  }
}

extension ResourceRegistry {
  /// Whether a CRD update leaves version `index`'s schema as it was (then it is not recompiled).
  static func sameSchema(_ old: JSON, _ new: JSON, version index: Int) -> Bool {
    let path = ["spec", "versions"]
    guard let a = old[path: path]?.array, let b = new[path: path]?.array, index < a.count, index < b.count
    else {
      return false
    }
    return a[index]["schema"] == b[index]["schema"]
  }
}
