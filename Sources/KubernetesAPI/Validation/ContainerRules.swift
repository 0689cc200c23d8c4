import ManifestCoding

/// The API server's rules for a pod's containers and init containers: names, resources and
/// ports. These are what decide whether a pod (or a workload's template) can exist at all,
/// and the resources are what the autoscaler packs onto nodes, so a negative request or a
/// request above its limit must be caught before it is simulated.
enum ContainerRules {
  static let protocols = ["SCTP", "TCP", "UDP"]
  static let initRestartPolicies = [Container.restartPolicyAlways]

  /// Validates init containers then containers (their names share one namespace, as in
  /// `validateInitContainers` and `validateContainers`), and the host ports they bind.
  static func validate(_ spec: PodSpec, at path: FieldPath, errors: inout FieldErrors) {
    var names = Set<String>()
    var hostPorts = Set<String>()
    let initPath = path.child("initContainers")
    for (i, container) in (spec.initContainers ?? []).enumerated() {
      let itemPath = initPath.index(i)
      validate(container, at: itemPath, names: &names, hostPorts: &hostPorts, errors: &errors)
      if let policy = container.restartPolicy {
        ValueRules.oneOf(policy, initRestartPolicies, at: itemPath.child("restartPolicy"), errors: &errors)
      }
    }
    let containersPath = path.child("containers")
    if spec.containers.isEmpty {
      errors.append(.required(containersPath))
    }
    for (i, container) in spec.containers.enumerated() {
      let itemPath = containersPath.index(i)
      validate(container, at: itemPath, names: &names, hostPorts: &hostPorts, errors: &errors)
      if container.restartPolicy != nil {
        errors.append(.forbidden(itemPath.child("restartPolicy"), "may not be set for non-init containers"))
      }
    }
  }

  static func validate(
    _ container: Container, at path: FieldPath, names: inout Set<String>,
    hostPorts: inout Set<String>, errors: inout FieldErrors
  ) {
    let namePath = path.child("name")
    if container.name.isEmpty {
      errors.append(.required(namePath))
    } else if let problem = Syntax.dnsLabelProblem(container.name) {
      errors.append(.invalid(namePath, container.name, problem))
    } else if !names.insert(container.name).inserted {
      errors.append(FieldError(.duplicate, namePath, value: container.name, ""))
    }
    if let resources = container.resources {
      validate(resources, at: path.child("resources"), errors: &errors)
    }
    validatePorts(container.ports ?? [], at: path.child("ports"), hostPorts: &hostPorts, errors: &errors)
  }

  // MARK: Resources

  /// `ValidateResourceRequirements`: known resource names, non-negative quantities, whole
  /// numbers for extended resources, and each request at most its limit (exactly its limit
  /// for resources that cannot be overcommitted, such as GPUs). The request-versus-limit
  /// error names `resources.requests`, as the API server's does.
  static func validate(_ resources: ResourceRequirements, at path: FieldPath, errors: inout FieldErrors) {
    let limitsPath = path.child("limits")
    let requestsPath = path.child("requests")
    let limits = resources.limits ?? [:]
    for name in limits.keys.sorted() {
      validateQuantity(name, limits[name]!, at: limitsPath.key(name), errors: &errors)
    }
    let requests = resources.requests ?? [:]
    for name in requests.keys.sorted() {
      let request = requests[name]!
      validateQuantity(name, request, at: requestsPath.key(name), errors: &errors)
      if let limit = limits[name] {
        if request != limit && !isOvercommitAllowed(name) {
          errors.append(
            .invalid(requestsPath, request.description, "must be equal to \(name) limit of \(limit)"))
        } else if request > limit {
          errors.append(
            .invalid(
              requestsPath, request.description, "must be less than or equal to \(name) limit of \(limit)"))
        }
      } else if !isOvercommitAllowed(name) {
        errors.append(.required(limitsPath, "Limit must be set for non overcommitable resources"))
      }
    }
  }

  static func validateQuantity(
    _ name: String, _ quantity: Quantity, at path: FieldPath, errors: inout FieldErrors
  ) {
    if let problem = resourceNameProblem(name) {
      errors.append(.invalid(path, name, problem))
      return
    }
    if quantity.sign < 0 {
      errors.append(.invalid(path, quantity.description, ValueRules.negativeMessage))
    } else if isExtended(name) && quantity.nanos % Quantity.nanosPerUnit != 0 {
      errors.append(.invalid(path, quantity.description, "must be an integer"))
    }
  }

  /// `validateContainerResourceName`: a qualified name, and without a domain one of the
  /// standard container resources.
  static func resourceNameProblem(_ name: String) -> String? {
    if let problem = Syntax.qualifiedNameProblem(name) { return problem }
    if !hasDomain(name) && !isStandardContainerResource(name) {
      return "must be a standard resource for containers"
    }
    return nil
  }

  static func isStandardContainerResource(_ name: String) -> Bool {
    [ResourceName.cpu, ResourceName.memory, ResourceName.ephemeralStorage].contains(name)
      || name.hasPrefix("hugepages-")
  }

  /// Native resources have no domain or a `kubernetes.io` one.
  static func isNative(_ name: String) -> Bool {
    !hasDomain(name) || name.contains("kubernetes.io/")
  }

  /// Whether the name has a `/`: a byte search, not Foundation's substring search (which
  /// was a fifth of validating a plain Pod).
  static func hasDomain(_ name: String) -> Bool { name.utf8.contains(UInt8(ascii: "/")) }

  /// Extended resources (`nvidia.com/gpu`) are counted in whole devices.
  static func isExtended(_ name: String) -> Bool {
    !isNative(name) && !name.hasPrefix("requests.")
  }

  /// `IsOvercommitAllowed`: native resources other than huge pages.
  static func isOvercommitAllowed(_ name: String) -> Bool {
    isNative(name) && !name.hasPrefix("hugepages-")
  }

  // MARK: Ports

  /// `validateContainerPorts` and `AccumulateUniqueHostPorts`: port numbers in range, a
  /// known protocol, IANA port names, and no host port bound twice in the pod.
  static func validatePorts(
    _ ports: [ContainerPort], at path: FieldPath, hostPorts: inout Set<String>,
    errors: inout FieldErrors
  ) {
    var portNames = Set<String>()
    for (i, port) in ports.enumerated() {
      let itemPath = path.index(i)
      if let name = port.name, !name.isEmpty {
        if let problem = Syntax.portNameProblem(name) {
          errors.append(.invalid(itemPath.child("name"), name, problem))
        } else if !portNames.insert(name).inserted {
          errors.append(FieldError(.duplicate, itemPath.child("name"), value: name, ""))
        }
      }
      if !(1...65535).contains(port.containerPort) {
        errors.append(
          .invalid(
            itemPath.child("containerPort"), String(port.containerPort),
            "must be between 1 and 65535, inclusive"))
      }
      let hostPort = port.hostPort ?? 0
      if hostPort != 0 && !(1...65535).contains(hostPort) {
        errors.append(
          .invalid(itemPath.child("hostPort"), String(hostPort), "must be between 1 and 65535, inclusive"))
      }
      let proto = port.protocol ?? "TCP"
      if proto.isEmpty {
        errors.append(.required(itemPath.child("protocol")))
      } else if !protocols.contains(proto) {
        errors.append(.unsupported(itemPath.child("protocol"), proto, supported: protocols))
      }
      if hostPort > 0 {
        let key = "\(port.hostIP ?? "")/\(hostPort)/\(proto)"
        if !hostPorts.insert(key).inserted {
          errors.append(FieldError(.duplicate, itemPath.child("hostPort"), value: "\(hostPort)/\(proto)", ""))
        }
      }
    }
  }
}
