import KubernetesAPI
import ManifestCoding

extension NodePool {
  /// Every problem the API server (CRD schema and CEL rules) and Karpenter's runtime validation
  /// would report for this NodePool, with field paths. Empty when the NodePool is valid.
  public func validate() -> [FieldError] {
    var errors = FieldErrors()
    ObjectRules.validateName(metadata, errors: &errors)
    guard let spec else {
      errors.append(.required(FieldPath(dotted: "spec")))
      return errors.all
    }
    let specPath = FieldPath(dotted: "spec")
    Self.validate(spec, at: specPath, errors: &errors)
    return errors.all
  }

  static func validate(_ spec: NodePoolSpec, at path: FieldPath, errors: inout FieldErrors) {
    if let weight = spec.weight, !(1...100).contains(weight) {
      errors.append(.invalid(path.child("weight"), String(weight), "must be between 1 and 100"))
    }
    if let replicas = spec.replicas {
      if replicas < 0 {
        errors.append(
          .invalid(path.child("replicas"), String(replicas), "must be greater than or equal to 0"))
      }
      if let limits = spec.limits, !(limits.isEmpty || (limits.count == 1 && limits["nodes"] != nil)) {
        errors.append(
          .invalid(path.child("limits"), "", "only 'limits.nodes' is supported on static NodePools"))
      }
      if spec.weight != nil {
        errors.append(
          .invalid(
            path.child("weight"), String(spec.weight!), "'weight' is not supported on static NodePools"))
      }
    }
    if let limits = spec.limits {
      RequirementRules.validateNonNegative(limits, at: path.child("limits"), errors: &errors)
    }
    if let disruption = spec.disruption {
      validate(disruption, at: path.child("disruption"), errors: &errors)
    }
    let templatePath = path.child("template")
    guard let template = spec.template else {
      errors.append(.required(templatePath))
      return
    }
    if let labels = template.metadata?.labels {
      RequirementRules.validateTemplateLabels(
        labels, at: templatePath.child("metadata").child("labels"), errors: &errors)
    }
    let templateSpecPath = templatePath.child("spec")
    guard let templateSpec = template.spec else {
      errors.append(.required(templateSpecPath))
      return
    }
    NodeClaimRules.validate(
      templateSpec.asNodeClaimSpec, at: templateSpecPath, isNodePool: true, errors: &errors)
  }

  static func validate(_ disruption: Disruption, at path: FieldPath, errors: inout FieldErrors) {
    if let after = disruption.consolidateAfter, !Syntax.isHMSDuration(after, allowNever: true) {
      errors.append(
        .invalid(
          path.child("consolidateAfter"), after,
          "must be a duration such as 30s, 10m or 1h30m, or Never (pattern ^(([0-9]+(s|m|h))+|Never)$)"))
    }
    if let policy = disruption.consolidationPolicy, !Disruption.policies.contains(policy) {
      errors.append(.unsupported(path.child("consolidationPolicy"), policy, supported: Disruption.policies))
    }
    if let k = disruption.consolidationThreshold {
      if !(k > 0) || !k.isFinite {
        errors.append(.invalid(path.child("consolidationThreshold"), "\(k)", "must be a positive number"))
      } else if disruption.consolidationPolicy != "Balanced" {
        errors.append(
          .invalid(
            path.child("consolidationThreshold"), "\(k)", "may only be set with consolidationPolicy: Balanced"))
      }
    }
    guard let budgets = disruption.budgets else { return }
    let budgetsPath = path.child("budgets")
    if budgets.count > 50 { errors.append(.tooMany(budgetsPath, actual: budgets.count, max: 50)) }
    for (i, budget) in budgets.enumerated() {
      let itemPath = budgetsPath.index(i)
      if let nodes = budget.nodes, !Syntax.isBudgetNodes(nodes) {
        errors.append(
          .invalid(
            itemPath.child("nodes"), nodes,
            "must be a node count such as 5 or a percentage from 0% to 100% (pattern ^((100|[0-9]{1,2})%|[0-9]+)$)"
          ))
      }
      if (budget.schedule == nil) != (budget.duration == nil) {
        errors.append(
          .invalid(
            budget.schedule == nil ? itemPath.child("schedule") : itemPath.child("duration"), "",
            "'schedule' must be set with 'duration'"))
      }
      if let schedule = budget.schedule {
        do { _ = try CronSchedule(parsing: schedule) } catch {
          errors.append(.invalid(itemPath.child("schedule"), schedule, "\(error)"))
        }
      }
      if let duration = budget.duration, !Syntax.isBudgetDuration(duration) {
        errors.append(
          .invalid(
            itemPath.child("duration"), duration,
            "must be hours and/or minutes such as 8h, 30m or 1h30m (pattern ^((([0-9]+(h|m))|([0-9]+h[0-9]+m))(0s)?)$)"
          ))
      }
      var seenReasons = Set<String>()
      for (j, reason) in (budget.reasons ?? []).enumerated() {
        if !Budget.reasonValues.contains(reason) {
          errors.append(
            .unsupported(itemPath.child("reasons").index(j), reason, supported: Budget.reasonValues))
        } else if !seenReasons.insert(reason).inserted {
          errors.append(FieldError(.duplicate, itemPath.child("reasons").index(j), value: reason, ""))
        }
      }
    }
  }
}

extension NodeClaimTemplateSpec {
  /// The template as the NodeClaim spec it stamps out, so both are validated by one set of
  /// rules.
  var asNodeClaimSpec: NodeClaimSpec {
    NodeClaimSpec(
      taints: taints, startupTaints: startupTaints, requirements: requirements,
      nodeClassRef: nodeClassRef, expireAfter: expireAfter,
      terminationGracePeriod: terminationGracePeriod)
  }
}
