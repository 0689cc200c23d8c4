import APIServer
import Foundation

/// A write a stand-in could not make, named as a sentence: which write, and what the store
/// answered. Such writes are not retried blindly; the next change to the object brings the
/// stand-in back to it, as a real controller's next sync would.
public struct StandInProblem: Error, Sendable, Hashable, CustomStringConvertible {
  /// The write, e.g. `bind pod default/web-x7k2p to node-a`.
  public var write: String
  /// The store's answer.
  public var reason: String

  public var description: String { "the sandbox's stand-ins could not \(write): \(reason)" }
}

extension StandIns {
  /// Carries out one write through the store; true when the store changed.
  mutating func perform(_ write: StandInWrite, on store: inout APIStore, now: Date) -> Bool {
    let before = store.resourceVersion
    do throws(APIError) {
      switch write {
      case .create(let group, let plural, let namespace, let object):
        let type = try Self.type(group, plural, in: store)
        do throws(APIError) {
          _ = try store.create(type, namespace: namespace, object, now: now)
        } catch
          where error.reason == .alreadyExists && (plural == "persistentvolumeclaims" || plural == "events")
        {
          // A StatefulSet's claim outlives its pod: the existing one is used again. An Event of
          // the same name says the same thing.
        }
      case .bind(let namespace, let pod, let node):
        _ = try store.bind(
          namespace: namespace, name: pod, body: ["target": ["kind": "Node", "name": .string(node)]], now: now
        )
      case .patchStatus(let group, let plural, let namespace, let name, let patch):
        try Self.mergePatch(group, plural, namespace, name, patch, subresource: .status, in: &store, now: now)
      case .patch(let group, let plural, let namespace, let name, let patch):
        try Self.mergePatch(group, plural, namespace, name, patch, subresource: nil, in: &store, now: now)
      case .delete(let group, let plural, let namespace, let name, let grace):
        let type = try Self.type(group, plural, in: store)
        let terminating =
          store.lookup(type, namespace: namespace, name: name)?[path: ["metadata", "deletionTimestamp"]]
          != nil
        if group.isEmpty && plural == "pods" && grace == 0 && terminating, let namespace {
          // The kubelet's last word on a pod it has stopped.
          _ = try store.finalizePodDeletion(namespace: namespace, name: name, now: now)
        } else {
          _ = try store.delete(
            type, namespace: namespace, name: name,
            options: DeleteOptions(gracePeriodSeconds: grace.map { Int($0) }), now: now)
        }
      }
    } catch {
      // An object that went away in the meantime needs nothing more.
      if error.reason != .notFound {
        record(StandInProblem(write: write.description, reason: error.description))
      }
    }
    return store.resourceVersion != before
  }

  mutating func record(_ problem: StandInProblem) {
    problems.append(problem)
    if problems.count > Self.problemLimit { problems.removeFirst(problems.count - Self.problemLimit) }
  }

  static func type(_ group: String, _ plural: String, in store: APIStore) throws(APIError) -> ResourceType {
    guard let type = store.registry.types.first(where: { $0.group == group && $0.plural == plural }) else {
      throw .badRequest("the server does not serve \(plural)\(group.isEmpty ? "" : ".\(group)")")
    }
    return type
  }

  /// A JSON merge patch (RFC 7386) of the object or its status, as a client sends it.
  static func mergePatch(
    _ group: String, _ plural: String, _ namespace: String?, _ name: String, _ patch: JSON,
    subresource: Subresource?,
    in store: inout APIStore, now: Date
  ) throws(APIError) {
    let type = try type(group, plural, in: store)
    _ = try store.patch(
      type, namespace: namespace, name: name, patch.serialized(), as: .merge, subresource: subresource,
      now: now)
  }
}
