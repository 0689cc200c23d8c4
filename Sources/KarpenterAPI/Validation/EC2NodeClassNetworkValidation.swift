import ManifestCoding

extension EC2NodeClass {
  /// The CRD's schema and CEL rules for `placementGroupSelector`, `networkInterfaces`,
  /// `connectionTracking` and `cpuOptions` (upstream v1.14).
  static func validateNetworking(_ spec: EC2NodeClassSpec, at path: FieldPath, errors: inout FieldErrors) {
    if let selector = spec.placementGroupSelector {
      let selectorPath = path.child("placementGroupSelector")
      switch (selector.name, selector.id) {
      case (nil, nil):
        errors.append(.invalid(selectorPath, "", "expected at least one, got none, ['name', 'id']"))
      case (.some, .some):
        errors.append(.invalid(selectorPath, "", "'name' and 'id' are mutually exclusive"))
      default: break
      }
      if let id = selector.id, !matchesPrefixedID(id, prefix: "pg-") {
        errors.append(.invalid(selectorPath.child("id"), id, "must match the pattern ^pg-[0-9a-z]+$"))
      }
      if selector.name == "" {
        errors.append(.invalid(selectorPath.child("name"), "", "must be at least 1 chars long"))
      }
    }
    if let interfaces = spec.networkInterfaces {
      validate(interfaces, at: path.child("networkInterfaces"), errors: &errors)
    }
    if let tracking = spec.connectionTracking {
      let trackingPath = path.child("connectionTracking")
      if tracking.tcpEstablishedTimeout == nil && tracking.udpStreamTimeout == nil && tracking.udpTimeout == nil {
        errors.append(
          .invalid(
            trackingPath, "", "at least one of tcpEstablishedTimeout, udpStreamTimeout, or udpTimeout must be set"))
      }
      let ranges: [(String, Int32?, ClosedRange<Int32>)] = [
        ("tcpEstablishedTimeout", tracking.tcpEstablishedTimeout, 60...432_000),
        ("udpStreamTimeout", tracking.udpStreamTimeout, 60...180),
        ("udpTimeout", tracking.udpTimeout, 30...60),
      ]
      for (name, value, range) in ranges {
        guard let value, !range.contains(value) else { continue }
        errors.append(
          .invalid(
            trackingPath.child(name), String(value),
            "must be between \(range.lowerBound) and \(range.upperBound)"))
      }
    }
    if let value = spec.cpuOptions?.nestedVirtualization, !CPUOptions.nestedVirtualizationValues.contains(value) {
      errors.append(
        .unsupported(
          path.child("cpuOptions").child("nestedVirtualization"), value,
          supported: CPUOptions.nestedVirtualizationValues))
    }
  }

  static func validate(_ interfaces: [NetworkInterface], at path: FieldPath, errors: inout FieldErrors) {
    if interfaces.count > 150 { errors.append(.tooMany(path, actual: interfaces.count, max: 150)) }
    for (i, interface) in interfaces.enumerated() {
      let itemPath = path.index(i)
      for (name, value) in [("deviceIndex", interface.deviceIndex), ("networkCardIndex", interface.networkCardIndex)] {
        if let value, value < 0 {
          errors.append(.invalid(itemPath.child(name), String(value), "must be greater than or equal to 0"))
        } else if value == nil {
          errors.append(.required(itemPath.child(name)))
        }
      }
      if let type = interface.interfaceType {
        if !NetworkInterface.interfaceTypes.contains(type) {
          errors.append(
            .unsupported(itemPath.child("interfaceType"), type, supported: NetworkInterface.interfaceTypes))
        }
      } else {
        errors.append(.required(itemPath.child("interfaceType")))
      }
    }
    let hasPrimary = interfaces.contains {
      $0.deviceIndex == 0 && $0.networkCardIndex == 0 && $0.interfaceType == "interface"
    }
    if !interfaces.isEmpty && !hasPrimary {
      errors.append(
        .invalid(path, "", "networkInterfaces must include a primary interface with interfaceType='interface'"))
    }
    let unique = interfaces.allSatisfy { x in
      interfaces.filter { $0.networkCardIndex == x.networkCardIndex && $0.deviceIndex == x.deviceIndex }.count == 1
        && (x.interfaceType != "efa-only"
          || interfaces.filter { $0.networkCardIndex == x.networkCardIndex && $0.interfaceType == "efa-only" }.count
            == 1)
    }
    if !unique {
      errors.append(
        .invalid(
          path, "",
          "networkInterfaces must not have duplicate networkCardIndex and deviceIndex pairs, and can have at most one efa device per network card"
        ))
    }
  }
}
