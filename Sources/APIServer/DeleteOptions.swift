/// How an owner's dependents are treated when it is deleted.
public enum PropagationPolicy: String, Sendable, Hashable {
  /// The owner stays (with the `foregroundDeletion` finalizer) until its blocking dependents are gone.
  case foreground = "Foreground"
  /// The owner goes at once; the garbage collector deletes the dependents after it.
  case background = "Background"
  /// The dependents lose their owner reference and stay.
  case orphan = "Orphan"
}

/// The options of a DELETE (`metav1.DeleteOptions`).
public struct DeleteOptions: Sendable, Hashable {
  /// The delete happens only if the object still has this uid (409 otherwise).
  public var preconditionUID: String?
  /// The delete happens only if the object still has this resourceVersion (409 otherwise).
  public var preconditionResourceVersion: String?
  /// nil: the kind's default (Background for every kind served here).
  public var propagationPolicy: PropagationPolicy?
  /// For pods: how long the kubelet may take; 0 deletes at once.
  public var gracePeriodSeconds: Int?
  public var dryRun: Bool

  public init(
    preconditionUID: String? = nil, preconditionResourceVersion: String? = nil,
    propagationPolicy: PropagationPolicy? = nil, gracePeriodSeconds: Int? = nil, dryRun: Bool = false
  ) {
    self.preconditionUID = preconditionUID
    self.preconditionResourceVersion = preconditionResourceVersion
    self.propagationPolicy = propagationPolicy
    self.gracePeriodSeconds = gracePeriodSeconds
    self.dryRun = dryRun
  }

  /// The options in a `DeleteOptions` body (also the `deleteOptions` of an Eviction).
  public init(parsing body: JSON) throws(APIError) {
    self.init()
    guard body.object != nil else {
      if body.isNull { return }
      throw .badRequest("DeleteOptions must be a JSON object")
    }
    preconditionUID = body[path: ["preconditions", "uid"]]?.string
    preconditionResourceVersion = body[path: ["preconditions", "resourceVersion"]]?.string
    if let policy = body["propagationPolicy"]?.string {
      guard let parsed = PropagationPolicy(rawValue: policy) else {
        throw APIError(
          code: 422, reason: .invalid,
          message: "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"\(policy)\": supported values: \"Foreground\", \"Background\", \"Orphan\"",
          causes: [FieldCause(reason: "FieldValueNotSupported", message: "Unsupported value: \"\(policy)\"", field: "propagationPolicy")])
      }
      propagationPolicy = parsed
    }
    if let orphan = body["orphanDependents"]?.bool {
      if propagationPolicy != nil {
        throw .badRequest("orphanDependents and propagationPolicy cannot both be set")
      }
      propagationPolicy = orphan ? .orphan : .background
    }
    if let grace = body["gracePeriodSeconds"] {
      guard let seconds = grace.int, seconds >= 0 || seconds == -1 else {
        throw .badRequest("gracePeriodSeconds must be a non-negative integer")
      }
      gracePeriodSeconds = Int(max(0, seconds))
    }
    if let dryRun = body["dryRun"]?.array { self.dryRun = dryRun.contains("All") }
  }
}

/// What a DELETE did.
public enum DeleteResult: Sendable, Hashable {
  /// The object is gone; this is its last state.
  case deleted(JSON)
  /// The object stays, with a deletionTimestamp, until its finalizers are removed (or, for a
  /// pod on a node, until the kubelet finishes it).
  case markedForDeletion(JSON)

  public var object: JSON {
    switch self {
    case .deleted(let o), .markedForDeletion(let o): return o
    }
  }
}
