import ManifestCoding

/// The API server's rules for the parts of a pod the scheduler reads: tolerations, node and
/// pod (anti-)affinity and topology spread constraints. The autoscaler simulates the scheduler
/// on exactly these fields, so a constraint the API server would refuse (an unknown operator,
/// a zero `maxSkew`) must be reported instead of being guessed at.
enum SchedulingRules {
  static let tolerationOperators = ["Equal", "Exists"]
  static let whenUnsatisfiableValues = ["DoNotSchedule", "ScheduleAnyway"]
  static let inclusionPolicies = ["Honor", "Ignore"]

  // MARK: Tolerations

  /// `validateTolerations`. Note that the API server reports a value given with `Exists`, and
  /// a bad value, at `operator`, not at `value`.
  static func validateTolerations(_ tolerations: [Toleration], at path: FieldPath, errors: inout FieldErrors)
  {
    for (i, toleration) in tolerations.enumerated() {
      let itemPath = path.index(i)
      let key = toleration.key ?? ""
      let op = toleration.operator ?? ""
      let value = toleration.value ?? ""
      let effect = toleration.effect ?? ""
      if !key.isEmpty, let problem = Syntax.qualifiedNameProblem(key) {
        errors.append(.invalid(itemPath.child("key"), key, problem))
      }
      if key.isEmpty && op != "Exists" {
        errors.append(
          .invalid(
            itemPath.child("operator"), op,
            "operator must be Exists when `key` is empty, which means \"match all values and all keys\""))
      }
      if toleration.tolerationSeconds != nil && effect != "NoExecute" {
        errors.append(
          .invalid(
            itemPath.child("effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"))
      }
      switch op {
      case "Equal", "":
        if let problem = Syntax.labelValueProblem(value) {
          errors.append(.invalid(itemPath.child("operator"), value, problem))
        }
      case "Exists":
        if !value.isEmpty {
          errors.append(
            .invalid(itemPath.child("operator"), value, "value must be empty when `operator` is 'Exists'"))
        }
      default:
        errors.append(.unsupported(itemPath.child("operator"), op, supported: tolerationOperators))
      }
      if !effect.isEmpty {
        ValueRules.oneOf(effect, Taint.effects, at: itemPath.child("effect"), errors: &errors)
      }
    }
  }

  // MARK: Node affinity

  /// `validateNodeSelector`: at least one term, each term's requirements valid. Shared with
  /// a PersistentVolume's `nodeAffinity.required`.
  static func validateNodeSelector(_ selector: NodeSelector, at path: FieldPath, errors: inout FieldErrors) {
    let termsPath = path.child("nodeSelectorTerms")
    if selector.nodeSelectorTerms.isEmpty {
      errors.append(.required(termsPath, "must have at least one node selector term"))
    }
    for (i, term) in selector.nodeSelectorTerms.enumerated() {
      validateNodeSelectorTerm(term, at: termsPath.index(i), errors: &errors)
    }
  }

  static func validateNodeSelectorTerm(
    _ term: NodeSelectorTerm, at path: FieldPath, errors: inout FieldErrors
  ) {
    for (i, requirement) in (term.matchExpressions ?? []).enumerated() {
      validateNodeSelectorRequirement(
        requirement, at: path.child("matchExpressions").index(i), errors: &errors)
    }
    for (i, requirement) in (term.matchFields ?? []).enumerated() {
      let itemPath = path.child("matchFields").index(i)
      if requirement.key != "metadata.name" {
        errors.append(.invalid(itemPath.child("key"), requirement.key, "not a valid field selector key"))
      }
      if !["In", "NotIn"].contains(requirement.operator) {
        errors.append(
          .invalid(itemPath.child("operator"), requirement.operator, "not a valid selector operator"))
      } else if (requirement.values ?? []).count != 1 {
        errors.append(
          .required(
            itemPath.child("values"),
            "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"))
      }
    }
  }

  /// `validateNodeSelectorRequirement`: In/NotIn need values, Exists/DoesNotExist take none,
  /// Gt/Lt take exactly one integer; the key is a qualified name.
  static func validateNodeSelectorRequirement(
    _ requirement: NodeSelectorRequirement, at path: FieldPath, errors: inout FieldErrors
  ) {
    let values = requirement.values ?? []
    let valuesPath = path.child("values")
    switch requirement.operator {
    case "In", "NotIn":
      if values.isEmpty {
        errors.append(.required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"))
      }
    case "Exists", "DoesNotExist":
      if !values.isEmpty {
        errors.append(
          .forbidden(valuesPath, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
      }
    case "Gt", "Lt":
      if values.count != 1 {
        errors.append(.required(valuesPath, "must be specified single value when `operator` is 'Lt' or 'Gt'"))
      } else if Int64(values[0]) == nil {
        errors.append(.invalid(valuesPath.index(0), values[0], "must be an integer"))
      }
    default:
      errors.append(.invalid(path.child("operator"), requirement.operator, "not a valid selector operator"))
    }
    if let problem = Syntax.qualifiedNameProblem(requirement.key) {
      errors.append(.invalid(path.child("key"), requirement.key, problem))
    }
    if ["In", "NotIn"].contains(requirement.operator) {
      for (j, value) in values.enumerated() {
        if let problem = Syntax.labelValueProblem(value) {
          errors.append(.invalid(valuesPath.index(j), value, problem))
        }
      }
    }
  }

  static func validateWeight(_ weight: Int32, at path: FieldPath, errors: inout FieldErrors) {
    if !(1...100).contains(weight) {
      errors.append(.invalid(path, String(weight), "must be in the range 1-100"))
    }
  }

  // MARK: Affinity

  static func validateAffinity(_ affinity: Affinity, at path: FieldPath, errors: inout FieldErrors) {
    if let node = affinity.nodeAffinity {
      let nodePath = path.child("nodeAffinity")
      if let required = node.requiredDuringSchedulingIgnoredDuringExecution {
        validateNodeSelector(
          required, at: nodePath.child("requiredDuringSchedulingIgnoredDuringExecution"), errors: &errors)
      }
      let preferredPath = nodePath.child("preferredDuringSchedulingIgnoredDuringExecution")
      for (i, term) in node.preferred.enumerated() {
        validateWeight(term.weight, at: preferredPath.index(i).child("weight"), errors: &errors)
        validateNodeSelectorTerm(
          term.preference, at: preferredPath.index(i).child("preference"), errors: &errors)
      }
    }
    if let pod = affinity.podAffinity {
      validatePodAffinity(
        required: pod.required, preferred: pod.preferred, at: path.child("podAffinity"), errors: &errors)
    }
    if let anti = affinity.podAntiAffinity {
      validatePodAffinity(
        required: anti.required, preferred: anti.preferred, at: path.child("podAntiAffinity"), errors: &errors
      )
    }
  }

  static func validatePodAffinity(
    required: [PodAffinityTerm], preferred: [WeightedPodAffinityTerm], at path: FieldPath,
    errors: inout FieldErrors
  ) {
    let requiredPath = path.child("requiredDuringSchedulingIgnoredDuringExecution")
    for (i, term) in required.enumerated() {
      validatePodAffinityTerm(term, at: requiredPath.index(i), errors: &errors)
    }
    let preferredPath = path.child("preferredDuringSchedulingIgnoredDuringExecution")
    for (i, weighted) in preferred.enumerated() {
      validateWeight(weighted.weight, at: preferredPath.index(i).child("weight"), errors: &errors)
      validatePodAffinityTerm(
        weighted.podAffinityTerm, at: preferredPath.index(i).child("podAffinityTerm"), errors: &errors)
    }
  }

  /// `validatePodAffinityTerm`: selectors valid, namespaces DNS labels, and a topology key
  /// that is present and a qualified name.
  static func validatePodAffinityTerm(_ term: PodAffinityTerm, at path: FieldPath, errors: inout FieldErrors)
  {
    if let selector = term.labelSelector {
      MetadataRules.validateSelector(selector, at: path.child("labelSelector"), errors: &errors)
    }
    if let selector = term.namespaceSelector {
      MetadataRules.validateSelector(selector, at: path.child("namespaceSelector"), errors: &errors)
    }
    for namespace in term.namespaces ?? [] {
      if let problem = Syntax.dnsLabelProblem(namespace) {
        errors.append(.invalid(path.child("namespace"), namespace, problem))
      }
    }
    let keyPath = path.child("topologyKey")
    if term.topologyKey.isEmpty {
      errors.append(.required(keyPath, "can not be empty"))
    } else if let problem = Syntax.qualifiedNameProblem(term.topologyKey) {
      errors.append(.invalid(keyPath, term.topologyKey, problem))
    }
  }

  // MARK: Topology spread

  /// `validateTopologySpreadConstraints`. A repeated (topologyKey, whenUnsatisfiable) pair is
  /// reported on the first of the two, under the API server's odd field name
  /// `{topologyKey, whenUnsatisfiable}`.
  static func validateTopologySpread(
    _ constraints: [TopologySpreadConstraint], at path: FieldPath, errors: inout FieldErrors
  ) {
    for (i, constraint) in constraints.enumerated() {
      let itemPath = path.index(i)
      if constraint.maxSkew <= 0 {
        errors.append(
          .invalid(itemPath.child("maxSkew"), String(constraint.maxSkew), "must be greater than zero"))
      }
      if constraint.topologyKey.isEmpty {
        errors.append(.required(itemPath.child("topologyKey"), "can not be empty"))
      } else if let problem = Syntax.qualifiedNameProblem(constraint.topologyKey) {
        errors.append(.invalid(itemPath.child("topologyKey"), constraint.topologyKey, problem))
      }
      if !whenUnsatisfiableValues.contains(constraint.whenUnsatisfiable) {
        errors.append(
          .unsupported(
            itemPath.child("whenUnsatisfiable"), constraint.whenUnsatisfiable,
            supported: whenUnsatisfiableValues))
      }
      let repeated = constraints[(i + 1)...].contains {
        $0.topologyKey == constraint.topologyKey && $0.whenUnsatisfiable == constraint.whenUnsatisfiable
      }
      if repeated {
        errors.append(
          FieldError(
            .duplicate, itemPath.child("{topologyKey, whenUnsatisfiable}"),
            value: "{\(constraint.topologyKey), \(constraint.whenUnsatisfiable)}", ""))
      }
      if let minDomains = constraint.minDomains {
        let minPath = itemPath.child("minDomains")
        if minDomains <= 0 {
          errors.append(.invalid(minPath, String(minDomains), "must be greater than 0"))
        } else if constraint.whenUnsatisfiable != TopologySpreadConstraint.doNotSchedule {
          errors.append(
            .invalid(
              minPath, String(minDomains),
              "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not \(constraint.whenUnsatisfiable)"
            ))
        }
      }
      ValueRules.oneOf(
        constraint.nodeAffinityPolicy, inclusionPolicies, at: itemPath.child("nodeAffinityPolicy"),
        errors: &errors)
      ValueRules.oneOf(
        constraint.nodeTaintsPolicy, inclusionPolicies, at: itemPath.child("nodeTaintsPolicy"),
        errors: &errors)
      if let selector = constraint.labelSelector {
        MetadataRules.validateSelector(selector, at: itemPath.child("labelSelector"), errors: &errors)
      }
    }
  }
}
