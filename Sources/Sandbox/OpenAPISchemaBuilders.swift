import APIServer

/// Small builders for the OpenAPI schemas the sandbox serves, written once and rendered both
/// as OpenAPI v3 (`#/components/schemas/`) and as the v2 protobuf (`#/definitions/`).
/// References are written as `ref(NAME)` and rewritten per version by ``OpenAPISchema/rewritingRefs(prefix:)``.
enum S {
  static let refMarker = "#/SCHEMA/"

  static func ref(_ name: String, _ description: String = "") -> JSON {
    var out: JSON = ["$ref": .string(refMarker + name)]
    if !description.isEmpty {
      // OpenAPI v3 drops siblings of $ref; wrap as the real server does.
      out = ["allOf": [["$ref": .string(refMarker + name)]], "description": .string(description)]
    }
    return out
  }

  static func string(_ description: String, format: String? = nil) -> JSON {
    var out: JSON = ["type": "string", "description": .string(description)]
    if let format { out["format"] = .string(format) }
    return out
  }

  static func integer(_ description: String, format: String = "int32") -> JSON {
    ["type": "integer", "format": .string(format), "description": .string(description)]
  }

  static func boolean(_ description: String) -> JSON { ["type": "boolean", "description": .string(description)] }

  static func stringMap(_ description: String) -> JSON {
    ["type": "object", "additionalProperties": ["type": "string", "default": ""], "description": .string(description)]
  }

  static func quantityMap(_ description: String) -> JSON {
    ["type": "object", "additionalProperties": ref("io.k8s.apimachinery.pkg.api.resource.Quantity"), "description": .string(description)]
  }

  /// A free-form object: any fields are kept.
  static func anyObject(_ description: String) -> JSON {
    ["type": "object", "x-kubernetes-preserve-unknown-fields": true, "description": .string(description)]
  }

  static func array(_ items: JSON, _ description: String, mergeKey: String? = nil, strategy: String? = nil) -> JSON {
    var out: JSON = ["type": "array", "items": items, "description": .string(description)]
    if let mergeKey {
      out["x-kubernetes-patch-merge-key"] = .string(mergeKey)
      out["x-kubernetes-patch-strategy"] = .string(strategy ?? "merge")
      out["x-kubernetes-list-type"] = "map"
      out["x-kubernetes-list-map-keys"] = [.string(mergeKey)]
    } else if let strategy {
      out["x-kubernetes-patch-strategy"] = .string(strategy)
    }
    return out
  }

  static func object(
    _ description: String, _ properties: [String: JSON], required: [String] = [], gvk: (String, String, String)? = nil
  ) -> JSON {
    var out: JSON = ["type": "object", "description": .string(description), "properties": .object(properties)]
    if !required.isEmpty { out["required"] = .array(required.map(JSON.string)) }
    if let (group, version, kind) = gvk {
      out["x-kubernetes-group-version-kind"] = [["group": .string(group), "version": .string(version), "kind": .string(kind)]]
    }
    return out
  }

  static let apiVersion = string(
    "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")
  static let kind = string(
    "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")
  static let metadata = ref(
    "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
    "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")

  /// A top-level kind: apiVersion, kind, metadata, and its own fields.
  static func kindSchema(
    _ group: String, _ version: String, _ kindName: String, _ description: String, _ fields: [String: JSON],
    required: [String] = []
  ) -> JSON {
    var properties = fields
    properties["apiVersion"] = apiVersion
    properties["kind"] = kind
    properties["metadata"] = metadata
    return object(description, properties, required: required, gvk: (group, version, kindName))
  }
}

extension JSON {
  /// Every `$ref` written with ``S/ref(_:_:)`` pointed at `prefix` (`#/components/schemas/` for
  /// v3, `#/definitions/` for v2).
  func rewritingRefs(prefix: String) -> JSON {
    switch self {
    case .object(let members):
      var out: [String: JSON] = [:]
      for (key, value) in members {
        if key == "$ref", let target = value.string, target.hasPrefix(S.refMarker) {
          out[key] = .string(prefix + target.dropFirst(S.refMarker.count))
        } else {
          out[key] = value.rewritingRefs(prefix: prefix)
        }
      }
      return .object(out)
    case .array(let elements): return .array(elements.map { $0.rewritingRefs(prefix: prefix) })
    default: return self
    }
  }
}
