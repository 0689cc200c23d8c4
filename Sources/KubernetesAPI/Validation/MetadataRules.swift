import ManifestCoding

/// The API server's `ValidateObjectMeta` and the label, annotation and selector rules every
/// kind shares. Kept apart from the kinds so that a workload's pod template and a Pod are held
/// to the very same label rules: an autoscaler that accepts a label the API server would
/// reject would simulate pods that can never exist.
enum MetadataRules {
  static let metadataPath = FieldPath(dotted: "metadata")

  /// The annotations of one object may total at most 256 KiB (`TotalAnnotationSizeLimitB`).
  static let totalAnnotationSizeLimit = 256 * 1024

  /// `metadata` of a top-level object: a name (or `generateName`) that is a DNS-1123
  /// subdomain, a namespace that is a DNS-1123 label, valid labels and annotations.
  static func validate(_ metadata: ObjectMeta, errors: inout FieldErrors) {
    let namePath = metadataPath.child("name")
    if let name = metadata.name, !name.isEmpty {
      if let problem = Syntax.dnsSubdomainProblem(Substring(name)) {
        errors.append(.invalid(namePath, name, problem))
      }
    } else if (metadata.generateName ?? "").isEmpty {
      errors.append(.required(namePath, "name or generateName is required"))
    }
    if let namespace = metadata.namespace, !namespace.isEmpty,
      let problem = Syntax.dnsLabelProblem(namespace)
    {
      errors.append(.invalid(metadataPath.child("namespace"), namespace, problem))
    }
    validateLabelsAndAnnotations(metadata, at: metadataPath, errors: &errors)
  }

  /// Labels and annotations of any metadata, also of a pod template's, where no name is
  /// needed.
  static func validateLabelsAndAnnotations(
    _ metadata: ObjectMeta, at path: FieldPath, errors: inout FieldErrors
  ) {
    if let labels = metadata.labels {
      validateLabels(labels, at: path.child("labels"), errors: &errors)
    }
    if let annotations = metadata.annotations {
      validateAnnotations(annotations, at: path.child("annotations"), errors: &errors)
    }
  }

  /// `ValidateLabels`: every key a qualified name, every value a label value. Errors name the
  /// entry, `metadata.labels[app]`, as the rest of this project does for map entries.
  static func validateLabels(_ labels: [String: String], at path: FieldPath, errors: inout FieldErrors) {
    for key in labels.keys.sorted() {
      let keyPath = path.key(key)
      if let problem = Syntax.qualifiedNameProblem(key) {
        errors.append(.invalid(keyPath, key, problem))
      }
      if let value = labels[key], let problem = Syntax.labelValueProblem(value) {
        errors.append(.invalid(keyPath, value, problem))
      }
    }
  }

  /// `ValidateAnnotations`: keys are qualified names (checked lowercased, as the API server
  /// does) and the whole map stays under 256 KiB.
  static func validateAnnotations(
    _ annotations: [String: String], at path: FieldPath, errors: inout FieldErrors
  ) {
    var total = 0
    for key in annotations.keys.sorted() {
      total += key.utf8.count + (annotations[key]?.utf8.count ?? 0)
      if let problem = Syntax.qualifiedNameProblem(key.lowercased()) {
        errors.append(.invalid(path.key(key), key, problem))
      }
    }
    if total > totalAnnotationSizeLimit {
      errors.append(FieldError(.tooLong, path, "must have at most \(totalAnnotationSizeLimit) bytes"))
    }
  }

  /// `ValidateLabelSelector`: `matchLabels` as labels, and each expression with a valid key,
  /// a known operator and the number of values that operator takes.
  static func validateSelector(_ selector: LabelSelector, at path: FieldPath, errors: inout FieldErrors) {
    if let matchLabels = selector.matchLabels {
      validateLabels(matchLabels, at: path.child("matchLabels"), errors: &errors)
    }
    for (i, requirement) in (selector.matchExpressions ?? []).enumerated() {
      let itemPath = path.child("matchExpressions").index(i)
      let values = requirement.values ?? []
      switch requirement.operator {
      case "In", "NotIn":
        if values.isEmpty {
          errors.append(
            .required(itemPath.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"))
        }
      case "Exists", "DoesNotExist":
        if !values.isEmpty {
          errors.append(
            .forbidden(
              itemPath.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
        }
      default:
        errors.append(
          .invalid(itemPath.child("operator"), requirement.operator, "not a valid selector operator"))
      }
      if let problem = Syntax.qualifiedNameProblem(requirement.key) {
        errors.append(.invalid(itemPath.child("key"), requirement.key, problem))
      }
      for (j, value) in values.enumerated() {
        if let problem = Syntax.labelValueProblem(value) {
          errors.append(.invalid(itemPath.child("values").index(j), value, problem))
        }
      }
    }
  }

  /// True when the selector selects nothing in particular (no labels, no expressions); the
  /// workload controllers reject such a selector because it would adopt every pod.
  static func isEmpty(_ selector: LabelSelector) -> Bool {
    (selector.matchLabels ?? [:]).isEmpty && (selector.matchExpressions ?? []).isEmpty
  }
}

/// Small numeric and quantity rules shared by several kinds, with the API server's messages.
enum ValueRules {
  static let negativeMessage = "must be greater than or equal to 0"

  /// `ValidateNonnegativeField`.
  static func nonNegative<T: BinaryInteger>(_ value: T?, at path: FieldPath, errors: inout FieldErrors) {
    if let value, value < 0 { errors.append(.invalid(path, String(value), negativeMessage)) }
  }

  /// `ValidateResourceQuantityValue`'s sign rule, entry by entry (`overhead[cpu]`).
  static func nonNegative(_ list: ResourceList?, at path: FieldPath, errors: inout FieldErrors) {
    guard let list else { return }
    for name in list.keys.sorted() where list[name]!.sign < 0 {
      errors.append(.invalid(path.key(name), list[name]!.description, negativeMessage))
    }
  }

  /// `ValidatePositiveIntOrPercent` and `IsNotMoreThan100Percent`: a non-negative count or a
  /// percentage from 0% to 100%.
  static func intOrPercent(_ value: IntOrString, at path: FieldPath, errors: inout FieldErrors) {
    switch value {
    case .int(let i):
      nonNegative(i, at: path, errors: &errors)
    case .string(let s):
      guard s.hasSuffix("%"), let percent = Int(s.dropLast()) else {
        errors.append(.invalid(path, s, "must be an integer or percentage (e.g '5%')"))
        return
      }
      if percent < 0 {
        errors.append(.invalid(path, s, negativeMessage))
      } else if percent > 100 {
        errors.append(.invalid(path, s, "must not be greater than 100%"))
      }
    }
  }

  /// A value that must be one of a fixed set; `nil` (left to the API server's default) is
  /// fine, an empty string is not.
  static func oneOf(_ value: String?, _ supported: [String], at path: FieldPath, errors: inout FieldErrors) {
    guard let value, !supported.contains(value) else { return }
    errors.append(.unsupported(path, value, supported: supported))
  }
}
