import Controllers
import KarpenterAPI
import Manifests

extension Simulation {
  /// Applies the NodeOverlays (already filtered by the feature gate) to every NodePool's
  /// instance types, again from scratch after NodePools or overlays change. An overlay that
  /// comes to conflict is logged once, as upstream's controller reports it in its status.
  mutating func applyNodeOverlays() throws {
    guard !input.nodeOverlays.isEmpty || !overlayStore.baseOf.isEmpty else { return }
    let known = Set(overlayStore.conflicts)
    do {
      try overlayStore.apply(input.nodeOverlays, to: &cloud.catalog, nodePools: store.nodePools, schema: &store.schema)
    } catch {
      throw SimulationError("cannot apply the NodeOverlays", cause: error)
    }
    for conflict in overlayStore.conflicts where !known.contains(conflict) {
      log(
        "nodeoverlay", "nodeoverlay not applied",
        ["NodeOverlay": conflict.overlay, "reason": "Conflict", "error": conflict.description], level: "ERROR"
      )
    }
  }

  /// The overlays left out at the last application because of a conflict.
  public var nodeOverlayConflicts: [NodeOverlayConflict] { overlayStore.conflicts }

  /// A NodeOverlay applied by the timeline, new or replacing one of the same name.
  mutating func applyTimelineOverlay(_ overlay: NodeOverlay) {
    input.nodeOverlays.removeAll { $0.name == overlay.name }
    input.nodeOverlays.append(overlay)
    reapplyNodeOverlays()
  }

  /// After a timeline change: apply the overlays again; a failure (too many resource names for
  /// one run) leaves the previous instance types and is logged.
  mutating func reapplyNodeOverlays() {
    do { try applyNodeOverlays() } catch {
      log("nodeoverlay", "failed applying nodeoverlays", ["error": "\(error)"], level: "ERROR")
    }
    syncInstanceTypes()
  }
}
