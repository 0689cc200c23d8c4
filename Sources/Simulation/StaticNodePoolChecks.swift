import Controllers
import KarpenterAPI
import ManifestCoding
import Manifests

/// Checks about static NodePools that only the whole input shows: the feature gate they need,
/// and the API server's rule that a NodePool never switches between static and dynamic, which
/// a timeline's re-applied NodePool or `scale` could break.
extension SimulationInput {
  /// Upstream's CEL message for a NodePool update that adds or removes `spec.replicas`.
  static let staticTransitionMessage =
    "Cannot transition NodePool between static (replicas set) and dynamic (replicas unset) provisioning modes"

  /// The most nodes `simulate` launches for one static NodePool (its replicas, or its
  /// `limits.nodes` when lower): more is refused with an error rather than run for hours.
  public static let maxStaticNodes = 10_000

  /// Appends the diagnostics; `pools` are the input's NodePools with where each was written.
  static func checkStaticNodePools(
    _ input: SimulationInput, pools: [(NodePool, DocumentLocation)], scenario: DocumentLocation?,
    diagnostics: inout [Diagnostic]
  ) {
    let gateOn = input.scenario.spec?.featureGates?.staticCapacity == true
    var warned = Set<String>()
    func warnIfGateOff(_ pool: NodePool, at location: DocumentLocation) {
      guard !gateOn, pool.isStatic, warned.insert(pool.name).inserted else { return }
      diagnostics.append(
        Diagnostic(
          .warning, at: location, object: "NodePool \"\(pool.name)\"",
          message:
            "spec.replicas is ignored: the staticCapacity feature gate is off, so this static NodePool launches no node (and, being static, none for pending pods either); set spec.featureGates.staticCapacity: true in the Scenario"
        ))
    }
    func tooMany(_ replicas: Int64, limit: Int?) -> Bool {
      replicas > Int64(maxStaticNodes) && (limit ?? Int.max) > maxStaticNodes
    }
    let tooManyMessage =
      "simulate launches at most \(maxStaticNodes) nodes for a static NodePool; lower replicas (or limits.nodes)"
    func checkSize(_ pool: NodePool, at location: DocumentLocation, object: String) {
      guard let replicas = pool.spec?.replicas, tooMany(replicas, limit: ClusterStore.nodeLimit(pool)) else {
        return
      }
      diagnostics.append(
        Diagnostic(
          .error, at: location, object: object,
          field: .invalid(FieldPath(dotted: "spec.replicas"), String(replicas), tooManyMessage)))
    }
    var isStatic: [String: Bool] = [:]
    var nodeLimits: [String: Int] = [:]
    for (pool, location) in pools {
      isStatic[pool.name] = pool.isStatic
      nodeLimits[pool.name] = ClusterStore.nodeLimit(pool)
      warnIfGateOff(pool, at: location)
      checkSize(pool, at: location, object: "NodePool \"\(pool.name)\"")
    }
    let entries = input.scenario.spec?.timeline ?? []
    for step in input.timeline {
      for document in step.documents {
        guard case .nodePool(let pool) = document.object else { continue }
        if let was = isStatic[pool.name], was != pool.isStatic {
          diagnostics.append(
            Diagnostic(
              .error, at: document.location, object: document.displayName,
              field: .invalid(FieldPath(dotted: "spec"), "object", staticTransitionMessage)))
        }
        isStatic[pool.name] = pool.isStatic
        nodeLimits[pool.name] = ClusterStore.nodeLimit(pool)
        warnIfGateOff(pool, at: document.location)
        checkSize(pool, at: document.location, object: document.displayName)
      }
      for ref in step.entry.delete ?? [] where ref.kind == NodePool.kind { isStatic[ref.name] = nil }
      guard let scenario, let index = entries.firstIndex(of: step.entry) else { continue }
      for (j, scale) in (step.entry.scale ?? []).enumerated() where scale.kind == NodePool.kind {
        let path = FieldPath(dotted: "spec").child("timeline").index(index).child("scale").index(j)
        switch isStatic[scale.name] {
        case nil:
          diagnostics.append(
            Diagnostic(
              .warning, at: scenario, object: "Scenario \"\(input.scenario.name)\"",
              message:
                "\(path): NodePool \"\(scale.name)\" does not exist at \(step.entry.at); nothing is scaled"))
        case false?:
          diagnostics.append(
            Diagnostic(
              .error, at: scenario, object: "Scenario \"\(input.scenario.name)\"",
              field: .invalid(
                path, "NodePool/\(scale.name)",
                "NodePool \"\(scale.name)\" is not static (it has no spec.replicas): \(staticTransitionMessage)"
              )))
        case true?:
          if tooMany(Int64(scale.replicas), limit: nodeLimits[scale.name]) {
            diagnostics.append(
              Diagnostic(
                .error, at: scenario, object: "Scenario \"\(input.scenario.name)\"",
                field: .invalid(path.child("replicas"), String(scale.replicas), tooManyMessage)))
          }
        }
      }
    }
  }
}
