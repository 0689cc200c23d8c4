import APIServer

/// The OpenAPI documents the sandbox serves: v3 per group version (what `kubectl explain`
/// and `kubectl apply`'s field-validation check read), its index, and v2 as JSON or as the
/// gnostic protobuf kubectl asks for.
public enum OpenAPIDocuments {
  /// The schemas of one group version: the shared ones and one per kind served there, a
  /// CRD's own openAPIV3Schema when `crdSchemas` has it (Karpenter's kinds have theirs from
  /// the CRDs the sandbox creates at start, ``KarpenterCRDs``).
  static func schemas(group: String, version: String, types: [ResourceType], crdSchemas: [String: JSON])
    -> [String: JSON]
  {
    var out = BuiltInSchemas.shared
    for type in types where type.group == group && type.version == version {
      let (name, schema) = kindSchema(type, crdSchemas: crdSchemas)
      out[name] = schema
    }
    return out
  }

  /// The name and schema of a kind, as the real server names it.
  static func kindSchema(_ type: ResourceType, crdSchemas: [String: JSON]) -> (String, JSON) {
    if type.isCustom {
      let name = crdSchemaName(group: type.group, version: type.version, kind: type.kind)
      let key = "\(type.group)/\(type.version)/\(type.kind)"
      if var schema = crdSchemas[key] ?? KarpenterCRDs.schemas[key] {
        schema["x-kubernetes-group-version-kind"] = [
          ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)]
        ]
        var properties = schema["properties"]?.object ?? [:]
        properties["metadata"] = S.metadata
        properties["apiVersion"] = S.apiVersion
        properties["kind"] = S.kind
        schema["properties"] = .object(properties)
        return (name, schema)
      }
      return (name, BuiltInSchemas.generic(type))
    }
    let name = BuiltInSchemas.name(of: type)
    return (name, BuiltInSchemas.kinds[name] ?? BuiltInSchemas.generic(type))
  }

  /// The schema name a CRD's kind gets (`sh.karpenter.v1.NodePool`): the group reversed.
  static func crdSchemaName(group: String, version: String, kind: String) -> String {
    group.split(separator: ".").reversed().joined(separator: ".") + ".\(version).\(kind)"
  }

  /// `/openapi/v3/apis/GROUP/VERSION`: paths with the operations of every resource (each
  /// PATCH listing the `fieldValidation` parameter, which kubectl checks for before it
  /// leaves validation to the server) and the schemas.
  public static func v3(
    group: String, version: String, types: [ResourceType], crdSchemas: [String: JSON] = [:],
    gitVersion: String
  ) -> JSON? {
    let served = types.filter { $0.group == group && $0.version == version }
    guard !served.isEmpty else { return nil }
    var paths: [String: JSON] = [:]
    let prefix = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
    for type in served {
      let name = kindSchema(type, crdSchemas: crdSchemas).0
      let gvk: JSON = [
        "group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind),
      ]
      let scope = type.namespaced ? "/namespaces/{namespace}" : ""
      let collection = "\(prefix)\(scope)/\(type.plural)"
      paths[collection] = [
        "get": operation("list", type, gvk, name),
        "post": operation("create", type, gvk, name),
        "delete": operation("deletecollection", type, gvk, name),
      ]
      paths[collection + "/{name}"] = [
        "get": operation("get", type, gvk, name),
        "put": operation("update", type, gvk, name),
        "patch": operation("patch", type, gvk, name),
        "delete": operation("delete", type, gvk, name),
      ]
      for sub in type.subresources where sub == .status || sub == .scale {
        paths[collection + "/{name}/\(sub.rawValue)"] = [
          "get": operation("get", type, gvk, name),
          "put": operation("update", type, gvk, name),
          "patch": operation("patch", type, gvk, name),
        ]
      }
    }
    let schemas = schemas(group: group, version: version, types: types, crdSchemas: crdSchemas)
      .mapValues { $0.rewritingRefs(prefix: "#/components/schemas/") }
    return [
      "openapi": "3.0.0", "info": ["title": "Kubernetes", "version": .string(gitVersion)],
      "paths": .object(paths), "components": ["schemas": .object(schemas)],
    ]
  }

  private static func operation(_ action: String, _ type: ResourceType, _ gvk: JSON, _ schemaName: String)
    -> JSON
  {
    var parameters: [JSON] = [
      [
        "name": "dryRun", "in": "query", "schema": ["type": "string", "uniqueItems": true],
        "description": "When present, indicates that modifications should not be persisted.",
      ],
      [
        "name": "fieldManager", "in": "query", "schema": ["type": "string", "uniqueItems": true],
        "description":
          "fieldManager is a name associated with the actor or entity that is making these changes.",
      ],
    ]
    if ["create", "update", "patch"].contains(action) {
      parameters.append(
        [
          "name": "fieldValidation", "in": "query", "schema": ["type": "string", "uniqueItems": true],
          "description":
            "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields.",
        ])
    }
    if action == "patch" {
      parameters.append([
        "name": "force", "in": "query", "schema": ["type": "boolean", "uniqueItems": true],
        "description": "Force is going to \"force\" Apply requests.",
      ])
    }
    let ref: JSON = ["$ref": .string("#/components/schemas/\(schemaName)")]
    return [
      "operationId": .string("\(action)\(type.kind)"), "parameters": .array(parameters),
      "responses": ["200": ["description": "OK", "content": ["application/json": ["schema": ref]]]],
      "x-kubernetes-action": .string(action == "create" ? "post" : action == "update" ? "put" : action),
      "x-kubernetes-group-version-kind": gvk,
    ]
  }

  /// `/openapi/v3`: the group versions with the URL of each document; the hash changes
  /// whenever the document does, so clients can cache by it.
  public static func v3Index(types: [ResourceType], document: (String, String) -> JSON?) -> JSON {
    var paths: [String: JSON] = [:]
    for entry in Discovery.groups(types) {
      for version in entry.versions {
        let key = entry.name.isEmpty ? "api/\(version)" : "apis/\(entry.name)/\(version)"
        guard let doc = document(entry.name, version) else { continue }
        paths[key] = ["serverRelativeURL": .string("/openapi/v3/\(key)?hash=\(hash(doc.serialized()))")]
      }
    }
    return ["paths": .object(paths)]
  }

  /// FNV-1a, 64 bits, as hex upper case (the real server uses a SHA-512 prefix; any digest
  /// that changes with the content does).
  static func hash(_ bytes: [UInt8]) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    let hex = String(h, radix: 16, uppercase: true)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// `/openapi/v2` as JSON: every kind's definition under `#/definitions/`.
  public static func v2(types: [ResourceType], crdSchemas: [String: JSON] = [:], gitVersion: String) -> JSON {
    var definitions: [String: JSON] = [:]
    for entry in Discovery.groups(types) {
      for version in entry.versions {
        for (name, schema) in schemas(
          group: entry.name, version: version, types: types, crdSchemas: crdSchemas)
        {
          definitions[name] = v2Schema(schema)
        }
      }
    }
    return [
      "swagger": "2.0", "info": ["title": "Kubernetes", "version": .string(gitVersion)],
      "paths": .object(v2Paths(types)), "definitions": .object(definitions),
    ]
  }

  /// The v2 paths: for every resource, the object path with GET, PUT, PATCH and DELETE,
  /// PATCH listing `fieldValidation` (kubectl 1.27 reads v2 to learn that the server
  /// validates fields, and validates on the client with these schemas otherwise).
  static func v2Paths(_ types: [ResourceType]) -> [String: JSON] {
    var paths: [String: JSON] = [:]
    for type in types {
      let prefix = type.group.isEmpty ? "/api/\(type.version)" : "/apis/\(type.group)/\(type.version)"
      let scope = type.namespaced ? "/namespaces/{namespace}" : ""
      let gvk: JSON = [
        "group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind),
      ]
      func operation(_ action: String, _ parameters: [String]) -> JSON {
        [
          "operationId": .string("\(action)\(type.kind)"),
          "parameters": .array(parameters.map { ["name": .string($0), "in": "query", "type": "string"] }),
          "x-kubernetes-action": .string(action), "x-kubernetes-group-version-kind": gvk,
        ]
      }
      paths["\(prefix)\(scope)/\(type.plural)/{name}"] = [
        "get": operation("get", []),
        "put": operation("put", ["dryRun", "fieldManager", "fieldValidation"]),
        "patch": operation("patch", ["dryRun", "fieldManager", "fieldValidation", "force"]),
        "delete": operation("delete", ["dryRun", "gracePeriodSeconds", "propagationPolicy"]),
      ]
    }
    return paths
  }

  /// A schema in OpenAPI v2's form: `$ref`s to `#/definitions/`, and `allOf: [$ref]` with a
  /// description turned back into a `$ref` with a description beside it, as v2 allows.
  static func v2Schema(_ schema: JSON) -> JSON {
    var schema = schema.rewritingRefs(prefix: "#/definitions/")
    func flatten(_ value: JSON) -> JSON {
      switch value {
      case .object(var members):
        if let allOf = members["allOf"]?.array, allOf.count == 1, let ref = allOf[0]["$ref"] {
          members["allOf"] = nil
          members["$ref"] = ref
        }
        return .object(members.mapValues(flatten))
      case .array(let elements): return .array(elements.map(flatten))
      default: return value
      }
    }
    schema = flatten(schema)
    return schema
  }
}
