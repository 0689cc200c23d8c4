import Controllers
import KarpenterAPI
import KubernetesAPI
import ManifestCoding

extension Scenario: SelfValidating {
  /// Every problem with the Scenario, with field paths.
  public func validate() -> [FieldError] {
    var errors: [FieldError] = []
    let spec = FieldPath(dotted: "spec")
    guard let s = self.spec else { return errors }
    if let d = s.duration {
      if let seconds = Self.seconds(d) {
        if seconds > SimulationLimits.maxDuration {
          errors.append(.invalid(spec.child("duration"), d, Self.beyondTheLongestRun))
        }
      } else {
        errors.append(.invalid(spec.child("duration"), d, "must be a Go duration such as 90s, 10m or 1h30m"))
      }
    }
    if let start = s.start, Self.unixTime(start) == nil {
      errors.append(
        .invalid(spec.child("start"), start, "must be an RFC 3339 time such as 2024-01-01T00:00:00Z"))
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
            if !Self.prices.contains(o.price) {
              errors.append(
                .invalid(
                  oPath.child("price"), String(o.price),
                  "must be a number of dollars per hour from 0 to \(Int(Self.prices.upperBound))"))
            }
            if o.zone.isEmpty { errors.append(.required(oPath.child("zone"))) }
          }
        }
      }
    }
    for (i, entry) in (s.timeline ?? []).enumerated() {
      let entryPath = spec.child("timeline").index(i)
      if let at = Self.seconds(entry.at) {
        if at > SimulationLimits.maxDuration {
          errors.append(.invalid(entryPath.child("at"), entry.at, Self.beyondTheLongestRun))
        }
      } else {
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
      for (j, scale) in (entry.scale ?? []).enumerated() {
        let path = entryPath.child("scale").index(j)
        if !Self.scalableKinds.contains(scale.kind) {
          errors.append(.unsupported(path.child("kind"), scale.kind, supported: Self.scalableKinds))
        }
        if scale.replicas < 0 {
          errors.append(.invalid(path.child("replicas"), String(scale.replicas), "must not be negative"))
        }
      }
    }
    return errors
  }

  /// Unix seconds of an RFC 3339 time (`2024-01-01T00:00:00Z`, `2024-06-01T08:30:00+02:00`,
  /// fractional seconds dropped), or nil when it is not one.
  public static func unixTime(_ text: String) -> Int64? {
    let u = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= u.count else { return nil }
      var n = 0
      for i in range {
        guard (48...57).contains(u[i]) else { return nil }
        n = n * 10 + Int(u[i] - 48)
      }
      return n
    }
    func at(_ i: Int, _ c: Character) -> Bool { i < u.count && u[i] == c.asciiValue! }
    guard let year = number(0..<4), at(4, "-"), let month = number(5..<7), at(7, "-"),
      let day = number(8..<10), at(10, "T") || at(10, "t") || at(10, " "), let hour = number(11..<13),
      at(13, ":"), let minute = number(14..<16), at(16, ":"), let second = number(17..<19),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var i = 19
    if at(i, ".") {
      i += 1
      let digits = i
      while i < u.count, (48...57).contains(u[i]) { i += 1 }
      guard i > digits else { return nil }
    }
    var offset = 0
    if at(i, "Z") || at(i, "z") {
      i += 1
    } else if at(i, "+") || at(i, "-"), let h = number(i + 1..<i + 3), at(i + 3, ":"),
      let m = number(i + 4..<i + 6), h < 24, m < 60
    {
      offset = (h * 60 + m) * 60 * (at(i, "-") ? -1 : 1)
      i += 6
    } else {
      return nil
    }
    guard i == u.count else { return nil }
    // Days from civil (Howard Hinnant), the inverse of CivilTime.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146097 + doe - 719468
    let civil = CivilTime(unixSeconds: Int64(days) * 86400)
    guard civil.day == day, civil.month == month else { return nil }  // 2023-02-30
    return Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + second - offset)
  }

  /// What a timeline `scale` may name: the workloads, and static NodePools (`kubectl scale
  /// nodepool`).
  static let scalableKinds = ["Deployment", "ReplicaSet", "StatefulSet", "Job", "NodePool"]

  /// The prices an offering may have, in dollars per hour: bounded so that no sum of prices
  /// over a run (a million nodes for a week) can overflow to infinity.
  public static let prices: ClosedRange<Double> = 0...1_000_000

  static let beyondTheLongestRun = "must be at most 168h (7 days), the longest simulation"

  static let interruptKinds = ["spot", "maintenance", "stateChange", "rebalance", "terminated"]

  /// Seconds in a Go duration (`90s`, `1h30m`, `250ms`), or nil when it is not one.
  public static func seconds(_ text: String) -> Double? {
    Durations.seconds(text)
  }
}
