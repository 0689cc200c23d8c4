import APIServer

/// The OpenAPI v2 document in gnostic's protobuf (`openapi.v2.Document` of
/// github.com/google/gnostic openapiv2/OpenAPIv2.proto), the form kubectl asks for with
/// `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf` to find the patch
/// merge keys of built-in kinds. Only the fields a schema definition uses are written.
public enum OpenAPIV2Protobuf {
  /// What kubectl asks for.
  public static let contentType = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"
  /// What the real server answers with: Go's mime parser refuses the `@` of the asked type in
  /// a response, so the version is joined with a dot.
  public static let responseContentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf"

  /// Encodes a v2 document in its JSON form (``OpenAPIDocuments/v2(types:crdSchemas:gitVersion:)``).
  public static func encode(_ document: JSON) -> [UInt8] {
    var w = ProtobufWriter()
    w.string(1, document["swagger"]?.string ?? "2.0")  // swagger
    w.message(2) { info in  // Info
      info.string(1, document[path: ["info", "title"]]?.string ?? "")
      info.string(2, document[path: ["info", "version"]]?.string ?? "")
    }
    let paths = document["paths"]?.object ?? [:]
    w.message(8) { out in  // Paths
      for name in paths.keys.sorted() {
        out.message(2) { named in  // NamedPathItem
          named.string(1, name)
          named.message(2) { pathItem(paths[name]!, into: &$0) }
        }
      }
    }
    let definitions = document["definitions"]?.object ?? [:]
    w.message(9) { defs in  // Definitions
      for name in definitions.keys.sorted() {
        defs.message(1) { named in  // NamedSchema
          named.string(1, name)
          named.message(2) { schema(definitions[name]!, into: &$0) }
        }
      }
    }
    return w.bytes
  }

  /// `openapi.v2.PathItem`: the operations with their query parameters and vendor extensions,
  /// which is what kubectl reads (it looks for PATCH taking `fieldValidation`).
  static func pathItem(_ json: JSON, into w: inout ProtobufWriter) {
    for (method, field) in [("get", 2), ("put", 3), ("post", 4), ("delete", 5), ("patch", 8)] {
      guard let operation = json[method]?.object else { continue }
      w.message(field) { op in
        op.string(5, operation["operationId"]?.string ?? "")
        for parameter in operation["parameters"]?.array ?? [] {
          op.message(8) { item in  // ParametersItem.parameter
            item.message(1) { p in  // Parameter.non_body_parameter
              p.message(2) { nonBody in  // NonBodyParameter.query_parameter_sub_schema
                nonBody.message(3) { q in
                  q.string(2, parameter["in"]?.string ?? "query")
                  q.string(3, parameter["description"]?.string ?? "")
                  q.string(4, parameter["name"]?.string ?? "")
                  q.string(6, parameter["type"]?.string ?? "string")
                }
              }
            }
          }
        }
        for key in operation.keys.sorted() where key.hasPrefix("x-") {
          op.message(13) { named in
            named.string(1, key)
            named.message(2) { any in any.bytes(2, operation[key]!.serialized()) }
          }
        }
      }
    }
  }

  /// `openapi.v2.Schema`: the field numbers are the proto's.
  static func schema(_ json: JSON, into w: inout ProtobufWriter) {
    guard let members = json.object else { return }
    w.string(1, members["$ref"]?.string ?? "")
    w.string(2, members["format"]?.string ?? "")
    w.string(3, members["title"]?.string ?? "")
    w.string(4, members["description"]?.string ?? "")
    if let maximum = members["maximum"]?.double { w.double(7, maximum) }
    if let minimum = members["minimum"]?.double { w.double(9, minimum) }
    if let maxLength = members["maxLength"]?.int { w.int64(11, maxLength) }
    if let minLength = members["minLength"]?.int { w.int64(12, minLength) }
    w.string(13, members["pattern"]?.string ?? "")
    if let maxItems = members["maxItems"]?.int { w.int64(14, maxItems) }
    if let minItems = members["minItems"]?.int { w.int64(15, minItems) }
    w.strings(19, (members["required"]?.array ?? []).compactMap(\.string))
    if let additional = members["additionalProperties"] {
      w.message(21) { item in  // AdditionalPropertiesItem: schema = 1, boolean = 2
        if let flag = additional.bool {
          item.key(2, .varint)
          item.varint(flag ? 1 : 0)
        } else {
          item.message(1) { schema(additional, into: &$0) }
        }
      }
    }
    if let type = members["type"] {
      let values = type.array?.compactMap(\.string) ?? type.string.map { [$0] } ?? []
      w.message(22) { $0.strings(1, values) }  // TypeItem
    }
    if let items = members["items"] {
      w.message(23) { list in  // ItemsItem
        for element in items.array ?? [items] { list.message(1) { schema(element, into: &$0) } }
      }
    }
    for element in members["allOf"]?.array ?? [] { w.message(24) { schema(element, into: &$0) } }
    if let properties = members["properties"]?.object {
      w.message(25) { props in  // Properties
        for name in properties.keys.sorted() {
          props.message(1) { named in
            named.string(1, name)
            named.message(2) { schema(properties[name]!, into: &$0) }
          }
        }
      }
    }
    // Vendor extensions: NamedAny { name = 1, value = Any { yaml = 2 } }; JSON is YAML.
    for key in members.keys.sorted() where key.hasPrefix("x-") {
      w.message(31) { named in
        named.string(1, key)
        named.message(2) { any in any.bytes(2, members[key]!.serialized()) }
      }
    }
  }
}
