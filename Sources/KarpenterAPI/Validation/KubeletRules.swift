import KubernetesAPI
import ManifestCoding

/// The EC2NodeClass `kubelet` rules as released in Karpenter v1.14.
enum KubeletRules {
  static func validate(_ kubelet: KubeletConfiguration, at path: FieldPath, errors: inout FieldErrors) {
    if let v = kubelet.maxPods, v < 0 {
      errors.append(.invalid(path.child("maxPods"), String(v), "must be greater than or equal to 0"))
    }
    if let v = kubelet.podsPerCore, v < 0 {
      errors.append(.invalid(path.child("podsPerCore"), String(v), "must be greater than or equal to 0"))
    }
    for (name, reserved) in [
      ("systemReserved", kubelet.systemReserved), ("kubeReserved", kubelet.kubeReserved),
    ] {
      guard let reserved else { continue }
      for key in reserved.keys.sorted() {
        let value = reserved[key]!
        let keyPath = path.child(name).key(key)
        if !KubeletConfiguration.reservedResources.contains(key) {
          errors.append(
            .invalid(keyPath, key, "valid keys for \(name) are ['cpu','memory','ephemeral-storage','pid']"))
        }
        if value.hasPrefix("-") {
          errors.append(.invalid(keyPath, value, "\(name) value cannot be a negative resource quantity"))
        } else if let problem = quantityProblem(value) {
          errors.append(.invalid(keyPath, value, problem))
        }
      }
    }
    let signals = KubeletConfiguration.evictionSignals
    let signalList =
      "['memory.available','nodefs.available','nodefs.inodesFree','imagefs.available','imagefs.inodesFree','pid.available']"
    for (name, thresholds) in [
      ("evictionHard", kubelet.evictionHard), ("evictionSoft", kubelet.evictionSoft),
    ] {
      guard let thresholds else { continue }
      for key in thresholds.keys.sorted() {
        let keyPath = path.child(name).key(key)
        if !signals.contains(key) {
          errors.append(.invalid(keyPath, key, "valid keys for \(name) are \(signalList)"))
        }
        if !isEvictionThreshold(thresholds[key]!) {
          errors.append(
            .invalid(
              keyPath, thresholds[key]!, "must be a percentage such as 10% or a quantity such as 100Mi"))
        }
      }
    }
    if let grace = kubelet.evictionSoftGracePeriod {
      for key in grace.keys.sorted() {
        let keyPath = path.child("evictionSoftGracePeriod").key(key)
        if !signals.contains(key) {
          errors.append(.invalid(keyPath, key, "valid keys for evictionSoftGracePeriod are \(signalList)"))
        }
        if kubelet.evictionSoft?[key] == nil {
          errors.append(
            .invalid(keyPath, key, "evictionSoftGracePeriod OwnerKey does not have a matching evictionSoft"))
        }
      }
    }
    for key in (kubelet.evictionSoft ?? [:]).keys.sorted() where kubelet.evictionSoftGracePeriod?[key] == nil
    {
      errors.append(
        .invalid(
          path.child("evictionSoft").key(key), key,
          "evictionSoft OwnerKey does not have a matching evictionSoftGracePeriod"))
    }
    for (name, v) in [
      ("imageGCHighThresholdPercent", kubelet.imageGCHighThresholdPercent),
      ("imageGCLowThresholdPercent", kubelet.imageGCLowThresholdPercent),
    ] {
      if let v, !(0...100).contains(v) {
        errors.append(.invalid(path.child(name), String(v), "must be between 0 and 100"))
      }
    }
    if let high = kubelet.imageGCHighThresholdPercent, let low = kubelet.imageGCLowThresholdPercent,
      high <= low
    {
      errors.append(
        .invalid(
          path.child("imageGCHighThresholdPercent"), String(high),
          "imageGCHighThresholdPercent must be greater than imageGCLowThresholdPercent"))
    }
  }

  static func quantityProblem(_ value: String) -> String? {
    do {
      _ = try Quantity(parsing: value)
      return nil
    } catch let error as QuantityError {
      return error.reason
    } catch {
      return "\(error)"
    }
  }

  /// A percentage from 0 to 100 with at most two decimals, or a quantity.
  static func isEvictionThreshold(_ value: String) -> Bool {
    if value.hasSuffix("%") {
      guard let p = Double(value.dropLast()) else { return false }
      let fraction = value.dropLast().split(separator: ".").dropFirst().first ?? ""
      return p >= 0 && p <= 100 && fraction.count <= 2
    }
    return quantityProblem(value) == nil
  }
}
