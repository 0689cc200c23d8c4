import Foundation

/// What a Table row carries besides its cells (`?includeObject=`).
public enum TableIncludeObject: String, Sendable, Hashable {
  case none = "None"
  /// `PartialObjectMetadata`: what kubectl asks for by default (for `-A` and `--show-labels`).
  case metadata = "Metadata"
  case object = "Object"
}

extension APIStore {
  /// The columns for a type: a CRD's `additionalPrinterColumns` for the served version when the
  /// CRD exists, else the built-in printer.
  public func tableColumns(for type: ResourceType) -> [PrinterColumn] {
    if let crds = registry.type(
      group: "apiextensions.k8s.io", version: "v1", plural: "customresourcedefinitions"),
      let crd = objects[crds.storageKey]?[ObjectKey(namespace: "", name: "\(type.plural).\(type.group)")],
      let version = crd[path: ["spec", "versions"]]?.array?.first(where: {
        $0["name"]?.string == type.version
      }),
      let columns = version["additionalPrinterColumns"]?.array, !columns.isEmpty
    {
      return PrinterColumn.columns(for: type, printerColumns: columns)
    }
    return PrinterColumn.columns(for: type)
  }

  /// The `meta.k8s.io/v1 Table` for objects of a type, as the server answers
  /// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` (for lists and for each watch event).
  public func table(
    _ type: ResourceType, objects items: [JSON], listMetadata: JSON = [:],
    include: TableIncludeObject = .metadata, now: Date
  ) -> JSON {
    let columns = tableColumns(for: type)
    let definitions: [JSON] = columns.map {
      [
        "name": .string($0.name), "type": .string($0.type), "format": .string($0.format), "description": "",
        "priority": .int(Int64($0.priority)),
      ]
    }
    let rows: [JSON] = items.map { object in
      var row: JSON = ["cells": .array(columns.map { $0.cell(object, now) })]
      switch include {
      case .none: break
      case .metadata:
        var metadata = object["metadata"] ?? [:]
        metadata["managedFields"] = nil
        row["object"] = [
          "kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": metadata,
        ]
      case .object: row["object"] = object
      }
      return row
    }
    return [
      "kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": listMetadata,
      "columnDefinitions": .array(definitions), "rows": .array(rows),
    ]
  }
}
