/// Why Karpenter takes a node away: upstream's disruption reasons (what a budget's `reasons`
/// name) and the ends a node meets without a disruption decision.
public enum NodeRemovalReason: String, Sendable, CustomStringConvertible {
  case empty = "Empty"
  case underutilized = "Underutilized"
  case drifted = "Drifted"
  case expired = "Expired"
  case interrupted = "Interrupted"
  /// Its instance launched but the node never joined within 15 minutes.
  case registrationTimeout = "RegistrationTimeout"
  /// Its Node object was deleted (the timeline's `delete`).
  case deleted = "Deleted"
  /// Its instance vanished and garbage collection removed the NodeClaim.
  case garbageCollected = "GarbageCollected"
  /// A static NodePool scaled down.
  case overprovisioned = "Overprovisioned"

  /// The word upstream writes in events, logs and budgets.
  public var description: String { rawValue }
}
