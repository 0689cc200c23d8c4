import ManifestCoding

/// The API server's `ValidatePodSpec`, limited to what an autoscaler reads: containers and
/// their resources, scheduling constraints, priority, overhead, volumes. Written once over a
/// `PodSpec` and a path, so that a Pod (`spec`) and every workload template
/// (`spec.template.spec`) report the same rules at the paths kubectl would print.
enum PodSpecRules {
  static let restartPolicies = ["Always", "OnFailure", "Never"]
  static let preemptionPolicies = ["PreemptLowerPriority", "Never"]

  static func validate(_ spec: PodSpec, at path: FieldPath, errors: inout FieldErrors) {
    validateVolumes(spec.volumes ?? [], at: path.child("volumes"), errors: &errors)
    ContainerRules.validate(spec, at: path, errors: &errors)
    ValueRules.oneOf(spec.restartPolicy, restartPolicies, at: path.child("restartPolicy"), errors: &errors)
    if let nodeSelector = spec.nodeSelector {
      MetadataRules.validateLabels(nodeSelector, at: path.child("nodeSelector"), errors: &errors)
    }
    if let affinity = spec.affinity {
      SchedulingRules.validateAffinity(affinity, at: path.child("affinity"), errors: &errors)
    }
    if let tolerations = spec.tolerations {
      SchedulingRules.validateTolerations(tolerations, at: path.child("tolerations"), errors: &errors)
    }
    if let constraints = spec.topologySpreadConstraints {
      SchedulingRules.validateTopologySpread(
        constraints, at: path.child("topologySpreadConstraints"), errors: &errors)
    }
    if let className = spec.priorityClassName, !className.isEmpty,
      let problem = Syntax.dnsSubdomainProblem(Substring(className))
    {
      errors.append(.invalid(path.child("priorityClassName"), className, problem))
    }
    ValueRules.oneOf(
      spec.preemptionPolicy, preemptionPolicies, at: path.child("preemptionPolicy"), errors: &errors)
    ValueRules.nonNegative(spec.overhead, at: path.child("overhead"), errors: &errors)
    if let resources = spec.resources {
      ContainerRules.validate(resources, at: path.child("resources"), errors: &errors)
    }
    if let deadline = spec.activeDeadlineSeconds, deadline <= 0 {
      errors.append(
        .invalid(
          path.child("activeDeadlineSeconds"), String(deadline), "must be between 1 and 2147483647, inclusive"
        ))
    }
    if let nodeName = spec.nodeName, !nodeName.isEmpty,
      let problem = Syntax.dnsSubdomainProblem(Substring(nodeName))
    {
      errors.append(.invalid(path.child("nodeName"), nodeName, problem))
    }
    validateSchedulingGates(spec.schedulingGates ?? [], at: path.child("schedulingGates"), errors: &errors)
  }

  /// `ValidateVolumes`, names only plus the claim reference: the autoscaler follows
  /// `persistentVolumeClaim.claimName` to find a volume's zone.
  static func validateVolumes(_ volumes: [Volume], at path: FieldPath, errors: inout FieldErrors) {
    var names = Set<String>()
    for (i, volume) in volumes.enumerated() {
      let namePath = path.index(i).child("name")
      if volume.name.isEmpty {
        errors.append(.required(namePath))
      } else if let problem = Syntax.dnsLabelProblem(volume.name) {
        errors.append(.invalid(namePath, volume.name, problem))
      } else if !names.insert(volume.name).inserted {
        errors.append(FieldError(.duplicate, namePath, value: volume.name, ""))
      }
      if let claim = volume.persistentVolumeClaim, claim.claimName.isEmpty {
        errors.append(.required(path.index(i).child("persistentVolumeClaim").child("claimName")))
      }
      if let template = volume.ephemeral?.volumeClaimTemplate {
        StorageRules.validateClaimSpec(
          template.spec, at: path.index(i).child("ephemeral").child("volumeClaimTemplate").child("spec"),
          errors: &errors)
      }
    }
  }

  /// `validateSchedulingGates`: qualified names, no repeats. A gated pod is not pending for
  /// the autoscaler, so a gate must be readable.
  static func validateSchedulingGates(
    _ gates: [PodSchedulingGate], at path: FieldPath, errors: inout FieldErrors
  ) {
    var seen = Set<String>()
    for (i, gate) in gates.enumerated() {
      let namePath = path.index(i).child("name")
      if let problem = Syntax.qualifiedNameProblem(gate.name) {
        errors.append(.invalid(namePath, gate.name, problem))
      } else if !seen.insert(gate.name).inserted {
        errors.append(FieldError(.duplicate, path.index(i), value: gate.name, ""))
      }
    }
  }

  /// `ValidatePodTemplateSpec`: the template's labels and annotations, then its spec. A nil
  /// spec is not reported: the lenient decoder leaves a field nil when it failed to decode,
  /// and that failure is already an error.
  static func validateTemplate(_ template: PodTemplateSpec, at path: FieldPath, errors: inout FieldErrors) {
    if let metadata = template.metadata {
      MetadataRules.validateLabelsAndAnnotations(metadata, at: path.child("metadata"), errors: &errors)
    }
    if let spec = template.spec {
      validate(spec, at: path.child("spec"), errors: &errors)
    }
  }
}

extension Pod {
  /// Every problem the API server would report when this pod is created, with field paths;
  /// empty when it is valid. A missing `spec` is not reported (see
  /// ``PodSpecRules/validateTemplate(_:at:errors:)``).
  public func validate() -> [FieldError] { validate(remembering: nil) }

  /// A spec that passed ``PodSpecRules`` (which read nothing but the spec) earlier in the load
  /// is not validated again.
  public func validate(known: ValidParts) -> [FieldError] { validate(remembering: known) }

  private func validate(remembering known: ValidParts?) -> [FieldError] {
    var errors = FieldErrors()
    MetadataRules.validate(metadata, errors: &errors)
    guard let spec, known?.contains(spec) != true else { return errors.all }
    let before = errors.all.count
    PodSpecRules.validate(spec, at: FieldPath(dotted: "spec"), errors: &errors)
    if errors.all.count == before { known?.insert(spec) }
    return errors.all
  }
}
