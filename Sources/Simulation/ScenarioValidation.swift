import KarpenterAPI
import KubernetesAPI
import ManifestCoding

extension Scenario: SelfValidating {
  /// Every problem with the Scenario, with field paths.
  public func validate() -> [FieldError] {
    var errors: [FieldError] = []
    let spec = FieldPath(dotted: "spec")
    guard let s = self.spec else { return errors }
    if let d = s.duration, Self.seconds(d) == nil {
      errors.append(.invalid(spec.child("duration"), d, "must be a Go duration such as 90s, 10m or 1h30m"))
    }
    if let cloud = s.cloud {
      let cloudPath = spec.child("cloud")
      if let d = cloud.nodeStartup, Self.seconds(d) == nil {
        errors.append(.invalid(cloudPath.child("nodeStartup"), d, "must be a Go duration such as 30s"))
      }
      if let d = cloud.startupTaintsRemovedAfter, Self.seconds(d) == nil {
        errors.append(
          .invalid(cloudPath.child("startupTaintsRemovedAfter"), d, "must be a Go duration such as 20s"))
      }
      if let zones = cloud.zones, zones.isEmpty {
        errors.append(.invalid(cloudPath.child("zones"), "", "must name at least one zone when set"))
      }
      if let region = cloud.region, region != "us-east-1", (cloud.instanceTypes?.catalog ?? "aws") == "aws",
        cloud.instanceTypes?.list == nil
      {
        errors.append(.unsupported(cloudPath.child("region"), region, supported: ["us-east-1"]))
      }
      if let source = cloud.instanceTypes {
        let sourcePath = cloudPath.child("instanceTypes")
        if source.catalog != nil && source.list != nil {
          errors.append(.invalid(sourcePath, "", "set either catalog or list, not both"))
        }
        if let catalog = source.catalog, !["aws", "kwok"].contains(catalog) {
          errors.append(.unsupported(sourcePath.child("catalog"), catalog, supported: ["aws", "kwok"]))
        }
        var names = Set<String>()
        for (i, item) in (source.list ?? []).enumerated() {
          let itemPath = sourcePath.child("list").index(i)
          if item.name.isEmpty { errors.append(.required(itemPath.child("name"))) }
          if !names.insert(item.name).inserted {
            errors.append(FieldError(.duplicate, itemPath.child("name"), value: item.name, ""))
          }
          if item.capacity.isEmpty { errors.append(.required(itemPath.child("capacity"))) }
          for (name, q) in item.capacity where q.sign < 0 {
            errors.append(
              .invalid(itemPath.child("capacity").key(name), q.description, "must not be negative"))
          }
          if item.offerings.isEmpty {
            errors.append(
              .required(itemPath.child("offerings"), "an instance type needs at least one offering"))
          }
          for (j, o) in item.offerings.enumerated() {
            let oPath = itemPath.child("offerings").index(j)
            if ![WellKnown.capacityTypeSpot, WellKnown.capacityTypeOnDemand].contains(o.capacityType) {
              errors.append(
                .unsupported(oPath.child("capacityType"), o.capacityType, supported: ["spot", "on-demand"]))
            }
            if o.price < 0 || !o.price.isFinite {
              errors.append(.invalid(oPath.child("price"), String(o.price), "must be a non-negative number"))
            }
            if o.zone.isEmpty { errors.append(.required(oPath.child("zone"))) }
          }
        }
      }
    }
    for (i, entry) in (s.timeline ?? []).enumerated() {
      let entryPath = spec.child("timeline").index(i)
      if Self.seconds(entry.at) == nil {
        errors.append(.invalid(entryPath.child("at"), entry.at, "must be a Go duration such as 10m"))
      }
      for (j, interrupt) in (entry.interrupt ?? []).enumerated() {
        if let kind = interrupt.kind, !Self.interruptKinds.contains(kind) {
          errors.append(
            .unsupported(
              entryPath.child("interrupt").index(j).child("kind"), kind, supported: Self.interruptKinds))
        }
      }
      for (j, window) in (entry.unavailable ?? []).enumerated() {
        let path = entryPath.child("unavailable").index(j)
        if let failure = window.failure, !["launch", "registration"].contains(failure) {
          errors.append(.unsupported(path.child("failure"), failure, supported: ["launch", "registration"]))
        }
        if let duration = window.for, Self.seconds(duration) == nil {
          errors.append(.invalid(path.child("for"), duration, "must be a Go duration such as 10m"))
        }
      }
      for (j, scale) in (entry.scale ?? []).enumerated() where scale.replicas < 0 {
        errors.append(
          .invalid(
            entryPath.child("scale").index(j).child("replicas"), String(scale.replicas),
            "must not be negative"))
      }
    }
    return errors
  }

  static let interruptKinds = ["spot", "maintenance", "stateChange", "rebalance", "terminated"]

  /// Seconds in a Go duration (`90s`, `1h30m`, `250ms`), or nil when it is not one.
  public static func seconds(_ text: String) -> Double? {
    guard let d = GoDuration(parsing: text), d.nanoseconds >= 0 else { return nil }
    return Double(d.nanoseconds) / 1e9
  }
}
