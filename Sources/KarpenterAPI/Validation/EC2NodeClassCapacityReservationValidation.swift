import ManifestCoding

extension EC2NodeClass {
  static let instanceMatchCriteria = ["open", "targeted"]

  /// The CRD's schema and CEL rules for `capacityReservationSelectorTerms` (upstream v1.14).
  static func validateCapacityReservations(
    _ terms: [CapacityReservationSelectorTerm], at path: FieldPath, errors: inout FieldErrors
  ) {
    if terms.count > 30 { errors.append(.tooMany(path, actual: terms.count, max: 30)) }
    if !terms.allSatisfy({ $0.tags != nil || $0.id != nil || $0.instanceMatchCriteria != nil }) {
      errors.append(.invalid(path, "", "expected at least one, got none, ['tags', 'id', 'instanceMatchCriteria']"))
    }
    // Upstream's rule is `!self.all(...)`: rejected when every term mixes them, and so also
    // when there is no term at all (`all` of an empty list is true).
    if terms.isEmpty {
      errors.append(
        .invalid(
          path, "",
          "must not be an empty list: the API server refuses one ('id' is mutually exclusive, cannot be set along with other fields in a capacity reservation selector term); leave capacityReservationSelectorTerms out to select no reservation"
        ))
    } else if terms.allSatisfy({
      $0.id != nil && ($0.tags != nil || $0.ownerID != nil || $0.instanceMatchCriteria != nil)
    }) {
      errors.append(
        .invalid(
          path, "",
          "'id' is mutually exclusive, cannot be set along with other fields in a capacity reservation selector term"
        ))
    }
    for (i, term) in terms.enumerated() {
      let itemPath = path.index(i)
      if let id = term.id, !matchesPrefixedID(id, prefix: "cr-") {
        errors.append(.invalid(itemPath.child("id"), id, "must match the pattern ^cr-[0-9a-z]+$"))
      }
      if let owner = term.ownerID, owner.count != 12 || !owner.allSatisfy({ ("0"..."9").contains($0) }) {
        errors.append(.invalid(itemPath.child("ownerID"), owner, "must match the pattern ^[0-9]{12}$"))
      }
      if let criteria = term.instanceMatchCriteria, !instanceMatchCriteria.contains(criteria) {
        errors.append(
          .unsupported(itemPath.child("instanceMatchCriteria"), criteria, supported: instanceMatchCriteria))
      }
      if let tags = term.tags { validateSelectorTags(tags, at: itemPath.child("tags"), errors: &errors) }
    }
  }
}
