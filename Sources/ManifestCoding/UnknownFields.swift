import Yams

/// A type whose model leaves out fields that the Kubernetes API accepts: the decoder does not
/// warn about them, as the API server would not. `nil` accepts every field (a status block, a
/// part of the API this project reads only in part).
///
/// Types decoded through a keyed container with synthesized `CodingKeys` are checked field by
/// field; maps (`labels`, `resources`, ...) and free-form values are never checked.
public protocol UnmodeledFields {
  static var unmodeledFields: Set<String>? { get }
}

/// Which fields of each object of a document were read, to report the ones nobody asked for,
/// as `kubectl apply` with strict field validation warns: `unknown field "spec.replica"`.
final class FieldUsage {
  /// One object (YAML mapping) decoded as a struct.
  struct Object {
    var id: String
    var path: [CodingKey]
    var mapping: Yams.Node.Mapping
    var read: Set<String> = []
    /// Fields the type declares as accepted but not modelled; nil accepts all.
    var unmodeled: Set<String>? = []
  }

  /// In document order; a field read finds its object by position, not by its path.
  private var objects: [Object] = []
  private var positions: [String: Int] = [:]

  static func identity(_ path: [CodingKey]) -> String {
    FieldPath(codingPath: path).description
  }

  /// Registers an object the first time a struct container is opened on it; later containers
  /// on the same node (a type decoding an embedded one) share its record.
  func open(_ path: [CodingKey], mapping: Yams.Node.Mapping) -> Int {
    let id = Self.identity(path)
    if let position = positions[id] { return position }
    objects.append(Object(id: id, path: path, mapping: mapping))
    positions[id] = objects.count - 1
    return objects.count - 1
  }

  /// How many objects are registered: a mark for `hasUnknownFields(since:)`.
  var objectCount: Int { objects.count }

  /// Whether an object registered since `mark` has a field nobody read (declared unmodeled
  /// fields aside).
  func hasUnknownFields(since mark: Int) -> Bool {
    objects[mark...].contains { !unread($0).isEmpty }
  }

  func read(_ key: String, in position: Int) {
    objects[position].read.insert(key)
  }

  /// Called before a type decodes itself from the node at `path`.
  func declare(_ type: Any.Type, at path: [CodingKey]) {
    guard let unmodeledType = type as? UnmodeledFields.Type else { return }
    declarations[Self.identity(path), default: []].append(unmodeledType.unmodeledFields)
  }

  private var declarations: [String: [Set<String>?]] = [:]

  /// The fields no decoder asked for, in document order, skipping objects whose decoding
  /// failed (their unread fields are not known to be unknown).
  func unknownFields(failed: Set<String>) -> [FieldError] {
    objects.filter { !failed.contains($0.id) }.flatMap { object in
      unread(object).map { name, key, value in
        FieldError(
          .unknownField, FieldPath(codingPath: object.path).child(name), "",
          line: key.mark?.line ?? value.mark?.line)
      }
    }
  }

  /// The object's fields that no decoder read and that its types do not declare unmodeled.
  private func unread(_ object: Object) -> [(name: String, key: Yams.Node, value: Yams.Node)] {
    // Every key read: nothing unknown (reads are only noted for keys the object has).
    guard object.read.count < object.mapping.count else { return [] }
    var unmodeled = object.unmodeled
    for fields in declarations[object.id] ?? [] {
      if let fields, let current = unmodeled { unmodeled = current.union(fields) } else { unmodeled = nil }
    }
    guard let unmodeled else { return [] }
    return object.mapping.compactMap { key, value in
      guard let name = key.scalar?.string, !object.read.contains(name), !unmodeled.contains(name) else { return nil }
      return (name, key, value)
    }
  }
}
