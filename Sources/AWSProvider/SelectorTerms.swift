import KarpenterAPI

/// Upstream's selector-term semantics, applied to resources already described: the terms of a
/// list are ORed; a term matches by `id` alone when it has one, else by all its other fields
/// ANDed (tags ANDed, a tag value of `*` meaning any value). The EC2 filters upstream sends do
/// the same on the server side; matching again here keeps the answer right whatever was asked.
public enum SelectorTerms {
  /// Whether the resource's tags have every selector tag (`*` matching any value).
  public static func tagsMatch(_ selector: [String: String]?, _ tags: [String: String]) -> Bool {
    guard let selector else { return true }
    return selector.allSatisfy { key, value in
      guard let actual = tags[key] else { return false }
      return value == "*" || actual == value
    }
  }

  /// The subnets some term selects, in their input order.
  public static func subnets(_ subnets: [Subnet], matching terms: [SubnetSelectorTerm]) -> [Subnet] {
    subnets.filter { subnet in
      terms.contains { term in
        if let id = term.id, !id.isEmpty { return subnet.id == id }
        return !(term.tags ?? [:]).isEmpty && tagsMatch(term.tags, subnet.tags)
      }
    }
  }

  /// The security groups some term selects (by id, else by name, else by tags).
  public static func securityGroups(_ groups: [SecurityGroup], matching terms: [SecurityGroupSelectorTerm])
    -> [SecurityGroup]
  {
    groups.filter { group in
      terms.contains { term in
        if let id = term.id, !id.isEmpty { return group.id == id }
        if let name = term.name, !name.isEmpty { return group.name == name }
        return !(term.tags ?? [:]).isEmpty && tagsMatch(term.tags, group.tags)
      }
    }
  }

  /// The images some term selects. A term's `ssmParameter` matches the image id the caller
  /// resolved it to (`ssmImageIDs`); `name` is an EC2 wildcard pattern (`*`, `?`) and defaults
  /// the owners to `self` and `amazon`; `owner` is an account id, `self` (`accountID`) or
  /// `amazon`. Alias terms are not matched here (see ``AMIResolver``).
  public static func images(
    _ images: [Image], matching terms: [AMISelectorTerm], accountID: String,
    ssmImageIDs: [String: String] = [:]
  ) -> [Image] {
    images.filter { image in
      terms.contains { term in
        if term.alias != nil { return false }
        if let id = term.id, !id.isEmpty { return image.id == id }
        if let parameter = term.ssmParameter, !parameter.isEmpty { return ssmImageIDs[parameter] == image.id }
        let hasName = !(term.name ?? "").isEmpty
        let owners: [String]
        if let owner = term.owner, !owner.isEmpty {
          owners = [owner]
        } else {
          owners = hasName ? ["self", "amazon"] : []
        }
        if !owners.isEmpty && !owners.contains(where: { ownerMatches($0, image, accountID: accountID) }) {
          return false
        }
        if let name = term.name, !name.isEmpty, !wildcardMatch(name, image.name) { return false }
        if !tagsMatch(term.tags, image.tags) { return false }
        return hasName || !(term.tags ?? [:]).isEmpty || !owners.isEmpty
      }
    }
  }

  /// The capacity reservations some term selects: by id, else by owner and tags.
  public static func capacityReservations(
    _ reservations: [CapacityReservation], matching terms: [CapacityReservationSelectorTerm]
  ) -> [CapacityReservation] {
    reservations.filter { r in
      terms.contains { term in
        if let id = term.id, !id.isEmpty { return r.id == id }
        if let owner = term.ownerID, !owner.isEmpty, r.ownerID != owner { return false }
        if let criteria = term.instanceMatchCriteria, !criteria.isEmpty, r.instanceMatchCriteria != criteria {
          return false
        }
        return !(term.tags ?? [:]).isEmpty && tagsMatch(term.tags, r.tags)
      }
    }
  }

  static func ownerMatches(_ owner: String, _ image: Image, accountID: String) -> Bool {
    switch owner {
    case "self": image.ownerID == accountID
    case "amazon": image.ownerAlias == "amazon"
    default: image.ownerID == owner || image.ownerAlias == owner
    }
  }

  /// EC2's filter wildcards: `*` any run of characters, `?` exactly one.
  public static func wildcardMatch(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern)
    let t = Array(text)
    var pi = 0
    var ti = 0
    var star: Int?
    var mark = 0
    while ti < t.count {
      if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
        pi += 1
        ti += 1
      } else if pi < p.count && p[pi] == "*" {
        star = pi
        mark = ti
        pi += 1
      } else if let s = star {
        pi = s + 1
        mark += 1
        ti = mark
      } else {
        return false
      }
    }
    while pi < p.count && p[pi] == "*" { pi += 1 }
    return pi == p.count
  }
}
