import APIServer
import Foundation

/// What each row of a Table carries besides its cells (`?includeObject=`).
public enum IncludeObject: String, Sendable {
  case none = "None"
  /// A PartialObjectMetadata (the default).
  case metadata = "Metadata"
  case object = "Object"

  public init(query: String?) {
    self = query.flatMap(IncludeObject.init(rawValue:)) ?? .metadata
  }
}

/// Renders objects as the meta.k8s.io/v1 Table `kubectl get` asks for, so that kubectl
/// prints the same columns against the sandbox as against a real cluster.
public enum TableRendering {
  /// A Table of `objects` of one kind. `listMetadata` (resourceVersion, continue) is the
  /// list's; a watch event's Table carries the column definitions only in its first event.
  public static func table(
    group: String, kind: String, objects: [JSON], listMetadata: JSON = [:], include: IncludeObject = .metadata,
    withColumnDefinitions: Bool = true, now: Date
  ) -> JSON {
    let columns = TableColumns.columns(group: group, kind: kind)
    let rows: [JSON] = objects.map { object in
      var row: JSON = ["cells": .array(columns.map { $0.cell(object, now) })]
      switch include {
      case .none: break
      case .metadata: row["object"] = partialMetadata(object)
      case .object: row["object"] = object
      }
      return row
    }
    return [
      "kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": listMetadata,
      "columnDefinitions": withColumnDefinitions ? .array(columns.map(\.definition)) : .array([]),
      "rows": .array(rows),
    ]
  }

  /// The object reduced to its metadata, as PartialObjectMetadata.
  public static func partialMetadata(_ object: JSON) -> JSON {
    [
      "kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
      "metadata": object["metadata"] ?? [:],
    ]
  }

  /// A list reduced to its items' metadata, as PartialObjectMetadataList.
  public static func partialMetadataList(_ objects: [JSON], listMetadata: JSON) -> JSON {
    [
      "kind": "PartialObjectMetadataList", "apiVersion": "meta.k8s.io/v1", "metadata": listMetadata,
      "items": .array(objects.map(partialMetadata)),
    ]
  }
}
