import KubernetesAPI
import ManifestCoding

extension NodeOverlay: SelfValidating {
  /// Every problem the API server (upstream's CRD schema and CEL rules) and Karpenter's runtime
  /// validation would report for this NodeOverlay, with field paths. Empty when it is valid.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    ObjectRules.validateName(metadata, errors: &errors)
    let specPath = FieldPath(dotted: "spec")
    guard let spec else {
      errors.append(.required(specPath))
      return errors.all
    }
    NodeOverlayRules.validate(spec, at: specPath, errors: &errors)
    return errors.all
  }
}

/// The NodeOverlay CRD's rules (`karpenter.sh_nodeoverlays.yaml`) and its `RuntimeValidate`.
enum NodeOverlayRules {
  static let comparisonOperators = ["Gt", "Lt", "Gte", "Lte"]

  static func validate(_ spec: NodeOverlaySpec, at path: FieldPath, errors: inout FieldErrors) {
    if spec.price != nil && spec.priceAdjustment != nil {
      errors.append(.invalid(path, "object", "cannot set both 'price' and 'priceAdjustment'"))
    }
    if let weight = spec.weight, !(1...10000).contains(weight) {
      errors.append(.invalid(path.child("weight"), String(weight), "must be between 1 and 10000"))
    }
    if let price = spec.price, PriceChange(price: price) == nil {
      errors.append(
        .invalid(
          path.child("price"), price,
          "must be a non-negative decimal such as 0.42 (pattern \(PriceChange.pricePattern))"))
    }
    if let adjustment = spec.priceAdjustment, PriceChange(adjustment: adjustment) == nil {
      errors.append(
        .invalid(
          path.child("priceAdjustment"), adjustment,
          "must be a signed amount such as +0.1 or -0.05, or a percentage such as +10% or -15% (at most -100%) (pattern \(PriceChange.adjustmentPattern))"
        ))
    }
    if let capacity = spec.capacity {
      validate(capacity, at: path.child("capacity"), errors: &errors)
    }
    if let requirements = spec.requirements {
      validate(requirements, at: path.child("requirements"), errors: &errors)
    } else {
      errors.append(.required(path.child("requirements")))
    }
  }

  /// Only extended resources: the CEL rule and the runtime check both refuse the well-known
  /// ones. A negative amount is refused too (no node can report negative capacity).
  static func validate(_ capacity: ResourceList, at path: FieldPath, errors: inout FieldErrors) {
    let restricted = capacity.keys.filter { NodeOverlaySpec.restrictedResources.contains($0) }.sorted()
    if !restricted.isEmpty {
      errors.append(
        .invalid(
          path, "object",
          "invalid resource restricted: \(restricted.joined(separator: ", ")) may not be set; capacity adds extended resources only"
        ))
    }
    RequirementRules.validateNonNegative(capacity, at: path, errors: &errors)
  }

  static func validate(
    _ requirements: [NodeSelectorRequirement], at path: FieldPath, errors: inout FieldErrors
  ) {
    if requirements.count > 100 {
      errors.append(.tooMany(path, actual: requirements.count, max: 100))
    }
    for (i, requirement) in requirements.enumerated() {
      let itemPath = path.index(i)
      RequirementRules.validateKey(
        requirement.key, at: itemPath.child("key"), isNodePool: false, errors: &errors)
      let op = requirement.operator
      let values = requirement.values ?? []
      if !NodeSelectorRequirementWithMinValues.operators.contains(op) {
        errors.append(
          .unsupported(
            itemPath.child("operator"), op, supported: NodeSelectorRequirementWithMinValues.operators))
      }
      if (op == "In" || op == "NotIn") && values.isEmpty {
        errors.append(
          .required(itemPath.child("values"), "requirements with operator '\(op)' must have a value defined"))
      }
      if comparisonOperators.contains(op), !(values.count == 1 && Int(values[0]).map { $0 >= 0 } == true) {
        errors.append(
          .invalid(
            itemPath.child("values"), values.joined(separator: ","),
            "requirements operator 'Gt', 'Lt', 'Gte' or 'Lte' must have a single positive integer value"))
      }
      for (j, value) in values.enumerated() {
        if let problem = Syntax.labelValueProblem(value) {
          errors.append(.invalid(itemPath.child("values").index(j), value, problem))
        }
      }
      // Runtime validation: `In` on a label with known values needs at least one of them.
      let key = WellKnown.normalized(requirement.key)
      if op == "In", !values.isEmpty, let known = WellKnown.knownValues[key],
        !values.contains(where: known.contains)
      {
        errors.append(
          .unsupported(itemPath.child("values"), values.joined(separator: ","), supported: known.sorted()))
      }
    }
  }
}
