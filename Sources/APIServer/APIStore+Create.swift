import Foundation

extension APIStore {
  /// Creates an object as `POST` does: names it (or generates a name from `generateName`),
  /// checks the namespace, applies the defaults clients rely on, stamps uid, resourceVersion
  /// and creationTimestamp, and records an ADDED event.
  ///
  /// With `dryRun` the object is checked and returned as it would be stored, and nothing changes.
  public mutating func create(
    _ type: ResourceType, namespace: String?, _ object: JSON, dryRun: Bool = false,
    fieldManager: String? = nil,
    now: Date
  ) throws(APIError) -> JSON {
    var object = try checkedBody(type, object)
    var metadata = object["metadata"]?.object ?? [:]
    // Namespace: from the request for namespaced kinds; never for cluster-scoped ones.
    var key = ObjectKey(namespace: "", name: "")
    if type.namespaced {
      let bodyNamespace = metadata["namespace"]?.string ?? ""
      guard
        let requestNamespace = namespace.flatMap({ $0.isEmpty ? nil : $0 })
          ?? (bodyNamespace.isEmpty ? nil : bodyNamespace)
      else { throw .badRequest("a namespace is required to create \(type.groupResource)") }
      if !bodyNamespace.isEmpty, bodyNamespace != requestNamespace {
        throw .badRequest(
          "the namespace of the provided object does not match the namespace sent on the request")
      }
      key.namespace = requestNamespace
      metadata["namespace"] = .string(requestNamespace)
    } else {
      metadata["namespace"] = nil
    }
    // Name or generateName.
    var name = metadata["name"]?.string ?? ""
    if name.isEmpty {
      guard let generateName = metadata["generateName"]?.string, !generateName.isEmpty else {
        throw .invalid(
          type, name: "",
          causes: [
            FieldCause(
              reason: "FieldValueRequired", message: "Required value: name or generateName is required",
              field: "metadata.name")
          ])
      }
      let prefix = generateName.utf8.count > 58 ? String(generateName.prefix(58)) : generateName
      repeat {
        name = prefix + random.nameSuffix()
      } while objects[type.storageKey]?[ObjectKey(namespace: key.namespace, name: name)] != nil
    }
    let nameProblems = NameRules.problems(name: name, for: type)
    if !nameProblems.isEmpty { throw .invalid(type, name: name, causes: nameProblems) }
    key.name = name
    metadata["name"] = .string(name)
    if type.namespaced {
      guard let ns = objects[namespacesType.storageKey]?[ObjectKey(namespace: "", name: key.namespace)] else {
        throw .notFound(namespacesType, name: key.namespace)
      }
      if ns.isTerminating {
        throw APIError(
          code: 403, reason: .forbidden,
          message:
            "\(type.groupResource) \"\(name)\" is forbidden: unable to create new content in namespace \(key.namespace) because it is being terminated",
          name: name, group: type.group, kind: type.plural)
      }
    }
    if objects[type.storageKey]?[key] != nil { throw .alreadyExists(type, name: name) }
    // System fields.
    metadata["uid"] = .string(random.uuid())
    metadata["creationTimestamp"] = .string(Timestamp.format(now))
    metadata["resourceVersion"] = nil
    metadata["deletionTimestamp"] = nil
    metadata["deletionGracePeriodSeconds"] = nil
    if tracksGeneration(type) { metadata["generation"] = 1 } else { metadata["generation"] = nil }
    object["metadata"] = .object(metadata)
    if type.dropsStatusOnCreate { object["status"] = nil }
    applyDefaults(type, &object, now: now)
    try admitAgainstSchema(type, &object, old: nil, subresource: nil, name: name)
    if type.group.isEmpty, type.kind == "Pod" { try resolvePriority(&object, name: name) }
    if let fieldManager {
      object[path: ["metadata", "managedFields"]] = .array([
        ManagedFields.entry(
          manager: fieldManager, operation: "Update", apiVersion: type.apiVersion, time: now,
          fields: ManagedFields.fieldSet(of: object))
      ])
    }
    try admit(type, object, .create, name: name)
    if dryRun { return object }
    let stored = put(type, key, object, event: .added)
    afterCreate(type, stored, now: now)
    return served(stored, as: type)
  }

  /// The body as an object whose apiVersion and kind agree with the endpoint (filled in when absent).
  func checkedBody(_ type: ResourceType, _ object: JSON) throws(APIError) -> JSON {
    guard case .object = object else { throw .badRequest("the request body is not a JSON object") }
    var object = object
    if let apiVersion = object["apiVersion"]?.string, !apiVersion.isEmpty {
      let (group, _) = ResourceRegistry.split(apiVersion: apiVersion)
      if group != type.group {
        throw .badRequest(
          "the API version in the data (\(apiVersion)) does not match the expected API version (\(type.apiVersion))"
        )
      }
    }
    object["apiVersion"] = .string(type.apiVersion)
    if let kind = object["kind"]?.string, !kind.isEmpty, kind != type.kind {
      throw .badRequest("the kind in the data (\(kind)) does not match the expected kind (\(type.kind))")
    }
    object["kind"] = .string(type.kind)
    if let metadata = object["metadata"], metadata.object == nil, !metadata.isNull {
      throw .badRequest("metadata of \(type.kind) must be an object")
    }
    return object
  }

  /// Whether `metadata.generation` is kept and bumped on spec changes for this kind.
  func tracksGeneration(_ type: ResourceType) -> Bool {
    if type.isCustom { return true }
    switch type.group {
    case "apps", "batch", "policy", "apiextensions.k8s.io": return true
    default: return false
    }
  }

  /// Runs the built-in validation, then the admission hook; a non-empty answer refuses the write.
  func admit(_ type: ResourceType, _ object: JSON, _ operation: AdmissionOperation, name: String)
    throws(APIError)
  {
    let problems = Validation.problems(type, object)
    if !problems.isEmpty { throw .invalid(type, name: name, causes: problems) }
    guard let admission else { return }
    let causes = admission(type, object, operation)
    if !causes.isEmpty { throw .invalid(type, name: name, causes: causes) }
  }

  /// What creating some kinds sets off in a real cluster, done at once: a namespace gets its
  /// `default` ServiceAccount; a CustomResourceDefinition registers its types.
  mutating func afterCreate(_ type: ResourceType, _ object: JSON, now: Date) {
    if type.group.isEmpty, type.plural == "namespaces",
      let sa = registry.type(group: "", version: "v1", plural: "serviceaccounts")
    {
      _ = try? create(sa, namespace: object.name, ["metadata": ["name": "default"]], now: now)
    }
    if type.group == "apiextensions.k8s.io", type.plural == "customresourcedefinitions" {
      // A CRD for a built-in kind (Karpenter's, installed by its chart) leaves the built-in
      // registration as it is.
      for served in ResourceRegistry.types(fromCRD: object) where !ResourceRegistry.isBuiltIn(served) {
        registry.register(served)
      }
      var established = object
      var accepted = object[path: ["spec", "names"]] ?? [:]
      if accepted["singular"] == nil, let kind = accepted["kind"]?.string {
        accepted["singular"] = .string(kind.lowercased())
      }
      if accepted["listKind"] == nil, let kind = accepted["kind"]?.string {
        accepted["listKind"] = .string(kind + "List")
      }
      let time = JSON.string(Timestamp.format(now))
      established["status"] = [
        "acceptedNames": accepted,
        "conditions": [
          [
            "type": "NamesAccepted", "status": "True", "reason": "NoConflicts",
            "message": "no conflicts found", "lastTransitionTime": time,
          ],
          [
            "type": "Established", "status": "True", "reason": "InitialNamesAccepted",
            "message": "the initial names have been accepted", "lastTransitionTime": time,
          ],
        ],
        "storedVersions": .array(
          (object[path: ["spec", "versions"]]?.array ?? []).filter { $0["storage"]?.bool == true }.compactMap
          { $0["name"] }),
      ]
      put(type, ObjectKey(namespace: "", name: object.name), established, event: .modified)
    }
  }
}

extension ResourceRegistry {
  /// Whether the type is one of the built-in kinds, which a CRD naming it does not replace.
  static func isBuiltIn(_ type: ResourceType) -> Bool {
    builtIns.contains { $0.group == type.group && $0.version == type.version && $0.plural == type.plural }
  }
}
