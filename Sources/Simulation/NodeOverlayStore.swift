import Controllers
import KarpenterAPI
import KubernetesAPI
import Manifests
import Scheduling

/// Applies NodeOverlays to the catalog's instance types as upstream's overlay controller and
/// instance-type store do: per NodePool (an overlay may select on `karpenter.sh/nodepool` and
/// on the NodePool's template labels), overlays taken by weight (higher first; among equal
/// weights the name that sorts later first). For each offering the first price change wins;
/// for each extended resource the first capacity wins. An overlay that would set the same
/// offering's price, or the same resource of an instance type, as one of equal weight already
/// applied conflicts: it is not applied anywhere (upstream sets its ValidationSucceeded
/// condition False with reason Conflict).
///
/// An overlaid instance type is a copy appended to the catalog, shared by every NodePool whose
/// overlays change it the same way; the NodePool's indices point at it. The store remembers
/// which catalog entry each copy was made from, so overlays can be applied again from scratch
/// when NodePools or overlays change during the run.
struct NodeOverlayStore {
  /// A copy's catalog index -> the index of the instance type it was made from.
  private(set) var baseOf: [Int: Int] = [:]
  private var copies: [Change: Int] = [:]
  /// Overlays not applied at the last pass, in the order they were considered.
  private(set) var conflicts: [NodeOverlayConflict] = []

  /// What the overlays do to one instance type of one NodePool.
  private struct Change: Hashable {
    var base: Int
    /// Offering index -> its price change.
    var prices: [Int: PriceChange] = [:]
    /// Resource slot -> its amount.
    var capacity: [Int: Int64] = [:]
  }

  /// The decisions of one pass for one instance type of one NodePool, with the weights that
  /// conflicts are judged by (upstream's `lowestWeight`) and who set them, for messages.
  private struct TypeUpdate {
    var prices: [Int: (change: PriceChange, weight: Int32, by: String)] = [:]
    var capacity: [String: Quantity] = [:]
    var capacityWeight: Int32?
    var capacityResources: Set<String> = []
    var capacityBy = ""
  }

  /// One overlay's match on one instance type of one NodePool: the offerings it selects.
  private struct Match {
    var pool: String
    var base: Int
    var offerings: [Int]
  }

  /// Points every NodePool of `nodePools` at its instance types with `overlays` applied,
  /// starting from the types as the cloud sells them (so it may be called again after any
  /// change). Throws when an overlay's resources exceed what one run can track.
  mutating func apply(
    _ overlays: [NodeOverlay], to catalog: inout CloudCatalog, nodePools: [NodePool],
    schema: inout ResourceSchema
  ) throws {
    var baseIndices: [String: [Int]] = [:]
    for pool in nodePools.sorted(by: { $0.name < $1.name }) {
      guard let indices = catalog.indicesByNodePool[pool.name] else { continue }
      baseIndices[pool.name] = indices.map { baseOf[$0] ?? $0 }
    }
    conflicts = []
    var updates: [String: [Int: TypeUpdate]] = [:]
    for overlay in overlays.sorted(by: NodeOverlay.precedes) {
      guard let spec = overlay.spec else { continue }
      let matches = Self.matches(
        of: overlay, in: catalog.instanceTypes, nodePools: nodePools, baseIndices: baseIndices)
      if let conflict = Self.conflict(overlay, matches: matches, updates: updates) {
        conflicts.append(conflict)
        continue
      }
      let weight = overlay.effectiveWeight
      for match in matches {
        var update = updates[match.pool, default: [:]][match.base, default: TypeUpdate()]
        if let change = spec.priceChange {
          for o in match.offerings {
            if let existing = update.prices[o] {
              update.prices[o] = (existing.change, weight, overlay.name)
            } else {
              update.prices[o] = (change, weight, overlay.name)
            }
          }
        }
        if let capacity = spec.capacity {
          for (name, quantity) in capacity where update.capacity[name] == nil {
            update.capacity[name] = quantity
          }
          update.capacityWeight = weight
          update.capacityResources = Set(capacity.keys)
          update.capacityBy = overlay.name
        }
        updates[match.pool, default: [:]][match.base] = update
      }
    }
    // Every resource name first, so that nothing changes when one is too many.
    var slots: [String: Int] = [:]
    for name in Set(updates.values.flatMap { $0.values.flatMap(\.capacity.keys) }).sorted() {
      slots[name] = try schema.slot(for: name)
    }
    for (pool, indices) in baseIndices.sorted(by: { $0.key < $1.key }) {
      var overlaid: [Int] = []
      overlaid.reserveCapacity(indices.count)
      for base in indices {
        guard let update = updates[pool]?[base] else {
          overlaid.append(base)
          continue
        }
        var change = Change(base: base)
        for (o, price) in update.prices { change.prices[o] = price.change }
        for (name, quantity) in update.capacity {
          change.capacity[slots[name]!] = quantity.value
        }
        overlaid.append(copy(for: change, in: &catalog))
      }
      catalog.indicesByNodePool[pool] = overlaid
    }
  }

  /// The catalog index of the instance type `change` makes, appending it the first time.
  private mutating func copy(for change: Change, in catalog: inout CloudCatalog) -> Int {
    if change.prices.isEmpty && change.capacity.isEmpty { return change.base }
    if let index = copies[change] { return index }
    var type = catalog.instanceTypes[change.base]
    for (o, price) in change.prices { type.offerings[o].price = price.applied(to: type.offerings[o].price) }
    for (slot, amount) in change.capacity { type.capacity[slot] = amount }
    catalog.instanceTypes.append(type)
    let index = catalog.instanceTypes.count - 1
    copies[change] = index
    baseOf[index] = change.base
    return index
  }

  /// Upstream's `getOverlaidOfferings`, for every NodePool: an instance type is selected when
  /// its requirements, with the NodePool's name and template labels, are compatible with the
  /// overlay's; then its offerings whose zone and capacity type the overlay allows are. A type
  /// with no such offering is not selected.
  private static func matches(
    of overlay: NodeOverlay, in types: [InstanceType], nodePools: [NodePool], baseIndices: [String: [Int]]
  ) -> [Match] {
    let requirements = Requirements(nodeSelectorRequirements: overlay.spec?.requirements ?? [])
    let zone = requirements[WellKnown.zoneLabel]
    let capacityType = requirements[WellKnown.capacityTypeLabel]
    var out: [Match] = []
    for pool in nodePools.sorted(by: { $0.name < $1.name }) {
      guard let indices = baseIndices[pool.name] else { continue }
      var poolRequirements = Requirements(labels: pool.spec?.template?.metadata?.labels ?? [:])
      poolRequirements.add(.exactly(WellKnown.nodePoolLabel, pool.name))
      for base in indices {
        let type = types[base]
        guard type.requirements.adding(poolRequirements).compatibilityProblem(requirements) == nil else {
          continue
        }
        let offerings = type.offerings.indices.filter { o in
          (zone?.has(type.offerings[o].zone) ?? true)
            && (capacityType?.has(type.offerings[o].capacityType) ?? true)
        }
        if !offerings.isEmpty { out.append(Match(pool: pool.name, base: base, offerings: offerings)) }
      }
    }
    return out
  }

  /// Upstream's conflict rule: with overlays taken in order of precedence, an overlay
  /// conflicts when it would change the price of an offering, or set a resource of an
  /// instance type, that the last overlay to touch it, of the same weight, already did.
  private static func conflict(
    _ overlay: NodeOverlay, matches: [Match], updates: [String: [Int: TypeUpdate]]
  ) -> NodeOverlayConflict? {
    let weight = overlay.effectiveWeight
    for match in matches {
      guard let update = updates[match.pool]?[match.base] else { continue }
      if overlay.spec?.priceChange != nil {
        for o in match.offerings {
          if let existing = update.prices[o], existing.weight == weight {
            return NodeOverlayConflict(
              overlay: overlay.name, with: existing.by, weight: weight, what: "price")
          }
        }
      }
      if let capacity = overlay.spec?.capacity, update.capacityWeight == weight,
        let resource = capacity.keys.sorted().first(where: update.capacityResources.contains)
      {
        return NodeOverlayConflict(
          overlay: overlay.name, with: update.capacityBy, weight: weight, what: resource)
      }
    }
    return nil
  }
}

/// An overlay left out because another of the same weight already changes what it would.
public struct NodeOverlayConflict: Hashable, Sendable, CustomStringConvertible {
  public var overlay: String
  public var with: String
  public var weight: Int32
  /// `price`, or the resource name both set.
  public var what: String

  public var description: String {
    let subject = what == "price" ? "the price of an offering" : "the capacity \(what) of an instance type"
    return
      "NodeOverlay \"\(overlay)\" is not applied: it conflicts with NodeOverlay \"\(with)\" of the same weight \(weight), which already sets \(subject) it selects (ValidationSucceeded=False, reason Conflict)"
  }
}

/// Upstream reads NodeOverlays only behind its NodeOverlay feature gate.
enum NodeOverlayGate {
  static func isOpen(_ scenario: Scenario) -> Bool { scenario.spec?.featureGates?.nodeOverlay == true }

  /// The overlays to apply: all of them when the Scenario opens the gate; otherwise none, with
  /// a warning for each.
  static func admit(
    _ overlays: [(NodeOverlay, DocumentLocation)], scenario: Scenario, diagnostics: inout [Diagnostic]
  ) -> [NodeOverlay] {
    if isOpen(scenario) { return overlays.map(\.0) }
    for (overlay, location) in overlays {
      diagnostics.append(ignored(overlay.name, at: location))
    }
    return []
  }

  static func ignored(_ name: String, at location: DocumentLocation) -> Diagnostic {
    Diagnostic(
      .warning, at: location, object: "NodeOverlay \"\(name)\"",
      message:
        "ignored: the NodeOverlay feature gate is off (set spec.featureGates.nodeOverlay: true in the Scenario to apply it)"
    )
  }
}
