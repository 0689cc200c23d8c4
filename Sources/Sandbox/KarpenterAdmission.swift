import APIServer
import Manifests

/// Admission of Karpenter's kinds as `karpenter validate` checks them: the object is decoded
/// with the project's manifest loader (CRD schema, CEL rules, defaults, validation) and every
/// error becomes a 422 cause with its field path, so that `kubectl apply` of a bad NodePool
/// is refused with the message upstream's API server would give. Warnings (unknown fields)
/// do not refuse the write.
public enum KarpenterAdmission {
  /// The groups whose kinds are checked.
  static let groups: Set<String> = ["karpenter.sh", "karpenter.k8s.aws"]

  public static func check(_ type: ResourceType, _ object: JSON, _ operation: AdmissionOperation) -> [FieldCause] {
    guard groups.contains(type.group) else { return [] }
    // An object being deleted only loses finalizers; it is not judged again.
    if object[path: ["metadata", "deletionTimestamp"]] != nil { return [] }
    var document = object
    // The server's own metadata is not what `validate` reads.
    document["status"] = nil
    document[path: ["metadata", "managedFields"]] = nil
    let set = ManifestLoader(registry: .standard).load(text: document.description, file: "request")
    return set.diagnostics.filter { $0.severity == .error }.map(cause)
  }

  static func cause(_ diagnostic: Diagnostic) -> FieldCause {
    guard let field = diagnostic.field else {
      return FieldCause(reason: "FieldValueInvalid", message: diagnostic.message ?? diagnostic.description)
    }
    var message = field.kind.rawValue
    if let value = field.value { message += ": \"\(value)\"" }
    if !field.detail.isEmpty { message += ": \(field.detail)" }
    let reason: String
    switch field.kind {
    case .required: reason = "FieldValueRequired"
    case .invalid: reason = "FieldValueInvalid"
    case .unsupported: reason = "FieldValueNotSupported"
    case .forbidden: reason = "FieldValueForbidden"
    case .tooLong: reason = "FieldValueTooLong"
    case .tooMany: reason = "FieldValueTooMany"
    case .duplicate: reason = "FieldValueDuplicate"
    case .typeMismatch: reason = "FieldValueTypeInvalid"
    case .unknownField: reason = "FieldValueInvalid"
    }
    return FieldCause(reason: reason, message: message, field: field.path.description)
  }
}
