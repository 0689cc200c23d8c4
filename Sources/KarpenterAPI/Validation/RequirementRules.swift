import KubernetesAPI
import ManifestCoding

/// Rules shared by NodePools and NodeClaims: requirements, taints and template labels, as the
/// CRD schemas, their CEL rules and Karpenter's runtime validation state them.
enum RequirementRules {
  /// Validates a requirements list at `path`. `isNodePool` adds the NodePool-only rule that
  /// `karpenter.sh/nodepool` may not be required.
  static func validate(
    _ requirements: [NodeSelectorRequirementWithMinValues], at path: FieldPath,
    isNodePool: Bool, errors: inout FieldErrors
  ) {
    if requirements.count > 100 {
      errors.append(.tooMany(path, actual: requirements.count, max: 100))
    }
    for (i, requirement) in requirements.enumerated() {
      let itemPath = path.index(i)
      validateKey(requirement.key, at: itemPath.child("key"), isNodePool: isNodePool, errors: &errors)
      let op = requirement.operator
      let values = requirement.values ?? []
      if !NodeSelectorRequirementWithMinValues.operators.contains(op) {
        errors.append(
          .unsupported(
            itemPath.child("operator"), op,
            supported: NodeSelectorRequirementWithMinValues.operators))
      }
      if op == "In" && values.isEmpty {
        errors.append(
          .required(
            itemPath.child("values"), "requirements with operator 'In' must have a value defined"))
      }
      if ["Gt", "Lt", "Gte", "Lte"].contains(op) {
        let ok = values.count == 1 && Int(values[0]).map { $0 >= 0 } == true
        if !ok {
          errors.append(
            .invalid(
              itemPath.child("values"), values.joined(separator: ","),
              "requirements operator 'Gt', 'Lt', 'Gte', or 'Lte' must have a single positive integer value"
            ))
        }
      }
      if (op == "Exists" || op == "DoesNotExist") && !values.isEmpty {
        errors.append(
          .invalid(
            itemPath.child("values"), values.joined(separator: ","),
            "values must be empty when the operator is \(op)"))
      }
      if let minValues = requirement.minValues {
        if minValues < 1 || minValues > 50 {
          errors.append(
            .invalid(
              itemPath.child("minValues"), String(minValues), "must be between 1 and 50"))
        } else if op == "In" && values.count < minValues {
          errors.append(
            .invalid(
              itemPath.child("minValues"), String(minValues),
              "requirements with 'minValues' must have at least that many values specified in the 'values' field (found \(values.count))"
            ))
        }
      }
      for (j, value) in values.enumerated() {
        if let problem = Syntax.labelValueProblem(value) {
          errors.append(.invalid(itemPath.child("values").index(j), value, problem))
        }
      }
      let key = WellKnown.normalized(requirement.key)
      if op == "In", let known = WellKnown.knownValues[key] {
        let knownCount = values.filter { known.contains($0) }.count
        if knownCount == 0 {
          errors.append(
            .unsupported(
              itemPath.child("values"), values.joined(separator: ","),
              supported: known.sorted()))
        } else if let minValues = requirement.minValues, values.count >= minValues, knownCount < minValues {
          errors.append(
            .invalid(
              itemPath.child("values"), values.joined(separator: ","),
              "only \(knownCount) known values, fewer than minValues \(minValues)"))
        }
      }
    }
  }

  /// The rules on one requirement key.
  static func validateKey(
    _ key: String, at path: FieldPath, isNodePool: Bool, errors: inout FieldErrors
  ) {
    if key.count > 316 { errors.append(.tooLong(path, max: 316)) }
    if let problem = Syntax.qualifiedNameProblem(key) {
      errors.append(.invalid(path, key, problem))
      return
    }
    if let message = restrictedKeyMessage(key, isNodePool: isNodePool) {
      errors.append(.invalid(path, key, message))
    }
  }

  /// The CEL messages for restricted label keys, shared by requirements and template labels.
  static func restrictedKeyMessage(_ key: String, isNodePool: Bool) -> String? {
    let domain = key.contains("/") ? WellKnown.domain(of: key) : key
    if key == WellKnown.hostnameLabel { return "label \"kubernetes.io/hostname\" is restricted" }
    if isNodePool && key == WellKnown.nodePoolLabel {
      return "label \"karpenter.sh/nodepool\" is restricted"
    }
    if domain.hasSuffix("karpenter.sh")
      && ![WellKnown.capacityTypeLabel, WellKnown.nodePoolLabel].contains(key)
    {
      return "label domain \"karpenter.sh\" is restricted"
    }
    if domain.hasSuffix("karpenter.k8s.aws") && !WellKnown.awsRequirementLabels.contains(key) {
      return "label domain \"karpenter.k8s.aws\" is restricted"
    }
    return nil
  }

  /// Taints and startup taints: key syntax, value syntax, effect, and no duplicate key+effect
  /// pair across both lists (Karpenter's runtime validation).
  static func validateTaints(
    _ taints: [Taint], at path: FieldPath, seen: inout Set<String>, errors: inout FieldErrors
  ) {
    for (i, taint) in taints.enumerated() {
      let itemPath = path.index(i)
      if taint.key.isEmpty {
        errors.append(.required(itemPath.child("key"), "taint key may not be empty"))
      } else if let problem = Syntax.qualifiedNameProblem(taint.key) {
        errors.append(.invalid(itemPath.child("key"), taint.key, problem))
      }
      if let value = taint.value, !value.isEmpty,
        let problem = Syntax.qualifiedNameProblem(value)
      {
        errors.append(.invalid(itemPath.child("value"), value, problem))
      }
      if !Taint.effects.contains(taint.effect) {
        errors.append(.unsupported(itemPath.child("effect"), taint.effect, supported: Taint.effects))
      }
      let pair = taint.key + "=" + taint.effect
      if !seen.insert(pair).inserted {
        errors.append(
          FieldError(
            .duplicate, itemPath, value: pair, "duplicate taint Key/Effect pair \(pair)"))
      }
    }
  }

  /// Labels on a NodePool template: count, key syntax and restrictions, value syntax.
  static func validateTemplateLabels(
    _ labels: [String: String], at path: FieldPath, errors: inout FieldErrors
  ) {
    if labels.count > 100 {
      errors.append(FieldError(.tooMany, path, value: String(labels.count), "must have at most 100 labels"))
    }
    for key in labels.keys.sorted() {
      let keyPath = path.key(key)
      if let problem = Syntax.qualifiedNameProblem(key) {
        errors.append(.invalid(keyPath, key, problem))
      } else if let message = restrictedKeyMessage(key, isNodePool: true) {
        errors.append(.invalid(keyPath, key, message))
      }
      if let problem = Syntax.labelValueProblem(labels[key]!) {
        errors.append(.invalid(keyPath, labels[key]!, problem))
      }
    }
  }

  /// Resource quantities in a list must not be negative.
  static func validateNonNegative(_ list: ResourceList, at path: FieldPath, errors: inout FieldErrors) {
    for name in list.keys.sorted() where list[name]!.sign < 0 {
      errors.append(.invalid(path.key(name), list[name]!.description, "must be greater than or equal to 0"))
    }
  }
}
