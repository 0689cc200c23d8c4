import KubernetesAPI
import ManifestCoding

extension EC2NodeClass {
  /// Every problem the API server (the CRD schema and its CEL rules, as released in v1.14)
  /// would report for this EC2NodeClass.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    ObjectRules.validateName(metadata, errors: &errors)
    // The CRD does not require `spec` (its rules apply inside it), so an EC2NodeClass without
    // one is accepted, as the API server accepts it.
    guard let spec else { return errors.all }
    let path = FieldPath(dotted: "spec")
    Self.validateAMIs(spec, at: path, errors: &errors)
    Self.validateSubnets(spec.subnetSelectorTerms, at: path.child("subnetSelectorTerms"), errors: &errors)
    Self.validateSecurityGroups(
      spec.securityGroupSelectorTerms, at: path.child("securityGroupSelectorTerms"), errors: &errors)
    switch (spec.role, spec.instanceProfile) {
    case (nil, nil), (.some, .some):
      errors.append(.invalid(path, "", "must specify exactly one of ['role', 'instanceProfile']"))
    default: break
    }
    if spec.role == "" { errors.append(.invalid(path.child("role"), "", "role cannot be empty")) }
    if spec.instanceProfile == "" {
      errors.append(.invalid(path.child("instanceProfile"), "", "instanceProfile cannot be empty"))
    }
    Self.validateTags(spec.tags ?? [:], at: path.child("tags"), errors: &errors)
    if let policy = spec.instanceStorePolicy, policy != "RAID0" {
      errors.append(.unsupported(path.child("instanceStorePolicy"), policy, supported: ["RAID0"]))
    }
    if let options = spec.metadataOptions {
      Self.validate(options, at: path.child("metadataOptions"), errors: &errors)
    }
    if let mappings = spec.blockDeviceMappings {
      Self.validate(mappings, at: path.child("blockDeviceMappings"), errors: &errors)
    }
    if let kubelet = spec.kubelet {
      KubeletRules.validate(kubelet, at: path.child("kubelet"), errors: &errors)
    }
    Self.validateNetworking(spec, at: path, errors: &errors)
    if let terms = spec.capacityReservationSelectorTerms {
      Self.validateCapacityReservations(
        terms, at: path.child("capacityReservationSelectorTerms"), errors: &errors)
    }
    if let count = spec.ipPrefixCount, count < 0 {
      errors.append(
        .invalid(path.child("ipPrefixCount"), String(count), "must be greater than or equal to 0"))
    }
    return errors.all
  }

  static func validateAMIs(_ spec: EC2NodeClassSpec, at path: FieldPath, errors: inout FieldErrors) {
    let termsPath = path.child("amiSelectorTerms")
    let terms = spec.amiSelectorTerms ?? []
    if spec.amiSelectorTerms == nil {
      errors.append(.required(termsPath))
    } else if terms.isEmpty {
      errors.append(.invalid(termsPath, "", "must have at least 1 items"))
    }
    if terms.count > 30 { errors.append(.tooMany(termsPath, actual: terms.count, max: 30)) }
    let hasAlias = terms.contains { $0.alias != nil }
    if hasAlias && terms.count != 1 {
      errors.append(
        .invalid(
          termsPath, "",
          "'alias' is mutually exclusive, cannot be set with a combination of other amiSelectorTerms"))
    }
    for (i, term) in terms.enumerated() {
      let itemPath = termsPath.index(i)
      if term.tags == nil && term.id == nil && term.name == nil && term.alias == nil
        && term.ssmParameter == nil
      {
        errors.append(
          .invalid(
            itemPath, "", "expected at least one, got none, ['tags', 'id', 'name', 'alias', 'ssmParameter']"))
      }
      if term.id != nil && (term.alias != nil || term.tags != nil || term.name != nil || term.owner != nil) {
        errors.append(
          .invalid(
            itemPath, "",
            "'id' is mutually exclusive, cannot be set with a combination of other fields in amiSelectorTerms"
          ))
      }
      if term.alias != nil && (term.id != nil || term.tags != nil || term.name != nil || term.owner != nil) {
        errors.append(
          .invalid(
            itemPath, "",
            "'alias' is mutually exclusive, cannot be set with a combination of other fields in amiSelectorTerms"
          ))
      }
      if let id = term.id, !Self.matchesPrefixedID(id, prefix: "ami-") {
        errors.append(.invalid(itemPath.child("id"), id, "must match the pattern ami-[0-9a-z]+"))
      }
      if let alias = term.alias { validateAlias(alias, at: itemPath.child("alias"), errors: &errors) }
      if let tags = term.tags { validateSelectorTags(tags, at: itemPath.child("tags"), errors: &errors) }
    }
    let familyPath = path.child("amiFamily")
    if let family = spec.amiFamily {
      if !EC2NodeClassSpec.amiFamilies.contains(family) {
        errors.append(.unsupported(familyPath, family, supported: EC2NodeClassSpec.amiFamilies))
      }
      if let alias = terms.first(where: { $0.alias != nil })?.alias {
        let aliasFamily = String(alias.prefix { $0 != "@" })
        if let expected = EC2NodeClassSpec.amiFamilies.first(where: { $0.lowercased() == aliasFamily }),
          family != "Custom" && family != expected
        {
          // Upstream's words: "an AL2 alias", "a Bottlerocket alias".
          let article = expected.hasPrefix("AL") ? "an" : "a"
          errors.append(
            .invalid(
              familyPath, family,
              "if set, amiFamily must be '\(expected)' or 'Custom' when using \(article) \(expected) alias"))
        }
      }
    } else if !hasAlias && !terms.isEmpty {
      errors.append(
        .required(familyPath, "must specify amiFamily if amiSelectorTerms does not contain an alias"))
    }
  }

  static func validateAlias(_ alias: String, at path: FieldPath, errors: inout FieldErrors) {
    if alias.count > 30 { errors.append(.tooLong(path, max: 30)) }
    let parts = alias.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
      parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
    else {
      errors.append(
        .invalid(path, alias, "'alias' is improperly formatted, must match the format 'family@version'"))
      return
    }
    let family = String(parts[0])
    if !AMISelectorTerm.aliasFamilies.contains(family) {
      errors.append(
        .invalid(
          path, alias,
          "family is not supported, must be one of the following: 'al2', 'al2023', 'bottlerocket', 'windows2019', 'windows2022', 'windows2025'"
        ))
    } else if family.hasPrefix("windows") && parts[1] != "latest" {
      errors.append(.invalid(path, alias, "windows families may only specify version 'latest'"))
    }
  }

  static func validateSubnets(_ terms: [SubnetSelectorTerm]?, at path: FieldPath, errors: inout FieldErrors) {
    guard let terms else { errors.append(.required(path)); return }
    if terms.isEmpty { errors.append(.invalid(path, "", "subnetSelectorTerms cannot be empty")) }
    if terms.count > 30 { errors.append(.tooMany(path, actual: terms.count, max: 30)) }
    // Upstream's rule is `!self.all(x, has(x.id) && has(x.tags))` on the list: rejected only
    // when every term mixes them.
    if !terms.isEmpty && terms.allSatisfy({ $0.id != nil && $0.tags != nil }) {
      errors.append(
        .invalid(
          path, "",
          "'id' is mutually exclusive, cannot be set with a combination of other fields in a subnet selector term"
        ))
    }
    for (i, term) in terms.enumerated() {
      if term.tags == nil && term.id == nil {
        errors.append(.invalid(path.index(i), "", "expected at least one, got none, ['tags', 'id']"))
      }
      if let id = term.id, !matchesPrefixedID(id, prefix: "subnet-") {
        errors.append(.invalid(path.index(i).child("id"), id, "must match the pattern subnet-[0-9a-z]+"))
      }
      if let tags = term.tags { validateSelectorTags(tags, at: path.index(i).child("tags"), errors: &errors) }
    }
  }

  static func validateSecurityGroups(
    _ terms: [SecurityGroupSelectorTerm]?, at path: FieldPath, errors: inout FieldErrors
  ) {
    guard let terms else { errors.append(.required(path)); return }
    if terms.isEmpty { errors.append(.invalid(path, "", "securityGroupSelectorTerms cannot be empty")) }
    if terms.count > 30 { errors.append(.tooMany(path, actual: terms.count, max: 30)) }
    // Upstream's rules are `!self.all(...)` on the list: rejected only when every term mixes
    // the fields.
    if !terms.isEmpty && terms.allSatisfy({ $0.id != nil && ($0.tags != nil || $0.name != nil) }) {
      errors.append(
        .invalid(
          path, "",
          "'id' is mutually exclusive, cannot be set with a combination of other fields in a security group selector term"
        ))
    }
    if !terms.isEmpty && terms.allSatisfy({ $0.name != nil && ($0.tags != nil || $0.id != nil) }) {
      errors.append(
        .invalid(
          path, "",
          "'name' is mutually exclusive, cannot be set with a combination of other fields in a security group selector term"
        ))
    }
    for (i, term) in terms.enumerated() {
      if term.tags == nil && term.id == nil && term.name == nil {
        errors.append(.invalid(path.index(i), "", "expected at least one, got none, ['tags', 'id', 'name']"))
      }
      if let id = term.id, !matchesPrefixedID(id, prefix: "sg-") {
        errors.append(.invalid(path.index(i).child("id"), id, "must match the pattern sg-[0-9a-z]+"))
      }
      if let tags = term.tags { validateSelectorTags(tags, at: path.index(i).child("tags"), errors: &errors) }
    }
  }

  static func validateSelectorTags(_ tags: [String: String], at path: FieldPath, errors: inout FieldErrors) {
    if tags.count > 20 {
      errors.append(FieldError(.tooMany, path, value: String(tags.count), "must have at most 20 tags"))
    }
    for key in tags.keys.sorted() where key.isEmpty || tags[key]!.isEmpty {
      errors.append(.invalid(path.key(key), tags[key]!, "empty tag keys or values aren't supported"))
    }
  }

  static func validateTags(_ tags: [String: String], at path: FieldPath, errors: inout FieldErrors) {
    for key in tags.keys.sorted() {
      let message: String?
      if key.isEmpty {
        message = "empty tag keys aren't supported"
      } else if key == "eks:eks-cluster-name" {
        message = "tag contains a restricted tag matching eks:eks-cluster-name"
      } else if key.hasPrefix("kubernetes.io/cluster") {
        message = "tag contains a restricted tag matching kubernetes.io/cluster/"
      } else if ["karpenter.sh/nodepool", "karpenter.sh/nodeclaim", "karpenter.k8s.aws/ec2nodeclass"]
        .contains(key)
      {
        message = "tag contains a restricted tag matching \(key)"
      } else {
        message = nil
      }
      if let message { errors.append(.invalid(path.key(key), key, message)) }
    }
  }

  static func validate(_ options: MetadataOptions, at path: FieldPath, errors: inout FieldErrors) {
    let endpoints = ["enabled", "disabled"]
    if let v = options.httpEndpoint, !endpoints.contains(v) {
      errors.append(.unsupported(path.child("httpEndpoint"), v, supported: endpoints))
    }
    if let v = options.httpProtocolIPv6, !endpoints.contains(v) {
      errors.append(.unsupported(path.child("httpProtocolIPv6"), v, supported: endpoints))
    }
    if let v = options.httpPutResponseHopLimit, !(1...64).contains(v) {
      errors.append(.invalid(path.child("httpPutResponseHopLimit"), String(v), "must be between 1 and 64"))
    }
    if let v = options.httpTokens, !["required", "optional"].contains(v) {
      errors.append(.unsupported(path.child("httpTokens"), v, supported: ["required", "optional"]))
    }
  }

  static func validate(_ mappings: [BlockDeviceMapping], at path: FieldPath, errors: inout FieldErrors) {
    if mappings.count > 50 { errors.append(.tooMany(path, actual: mappings.count, max: 50)) }
    if mappings.filter({ $0.rootVolume == true }).count > 1 {
      errors.append(.invalid(path, "", "must have only one blockDeviceMappings with rootVolume"))
    }
    for (i, mapping) in mappings.enumerated() {
      guard let ebs = mapping.ebs else { continue }
      let ebsPath = path.index(i).child("ebs")
      if ebs.snapshotID == nil && ebs.volumeSize == nil {
        errors.append(.invalid(ebsPath, "", "snapshotID or volumeSize must be defined"))
      }
      if let size = ebs.volumeSize, !isVolumeSize(size) {
        errors.append(
          .invalid(
            ebsPath.child("volumeSize"), size,
            "must be a size in Gi (at most 59000Gi), G (64000G), Ti (58Ti) or T (64T), e.g. 100Gi"))
      }
      if let type = ebs.volumeType, !BlockDevice.volumeTypes.contains(type) {
        errors.append(.unsupported(ebsPath.child("volumeType"), type, supported: BlockDevice.volumeTypes))
      }
      if let rate = ebs.volumeInitializationRate {
        if !(100...300).contains(rate) {
          errors.append(
            .invalid(ebsPath.child("volumeInitializationRate"), String(rate), "must be between 100 and 300"))
        }
        if (ebs.snapshotID ?? "").isEmpty {
          errors.append(.invalid(ebsPath, "", "snapshotID must be set when volumeInitializationRate is set"))
        }
      }
    }
  }

  /// The volumeSize pattern: an integer with no leading zero followed by Gi (≤ 59000),
  /// G (≤ 64000), Ti (≤ 58) or T (≤ 64).
  static func isVolumeSize(_ s: String) -> Bool {
    for (suffix, max) in [("Gi", 59000), ("Ti", 58), ("G", 64000), ("T", 64)] where s.hasSuffix(suffix) {
      let digits = s.dropLast(suffix.count)
      guard let first = digits.first, first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }),
        let n = Int(digits)
      else { return false }
      return n >= 1 && n <= max
    }
    return false
  }

  /// The upstream id patterns (`ami-[0-9a-z]+`) are unanchored; we require the id to be exactly
  /// the prefix and lowercase alphanumerics, which is what AWS issues.
  static func matchesPrefixedID(_ id: String, prefix: String) -> Bool {
    guard id.hasPrefix(prefix) else { return false }
    let rest = id.dropFirst(prefix.count)
    return !rest.isEmpty && rest.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
  }
}
