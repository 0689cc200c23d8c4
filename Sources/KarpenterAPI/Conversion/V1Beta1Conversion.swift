import Foundation
import KubernetesAPI

extension LegacyConversion {
  // MARK: - Webhook: v1beta1 NodePool -> v1 NodePool

  /// The Karpenter v1.0.x conversion webhook's NodePool `ConvertFrom`, after applying the
  /// v1beta1 CRD defaults (`consolidationPolicy: WhenUnderutilized`, `expireAfter: 720h`):
  /// - `disruption.expireAfter` moves to `template.spec.expireAfter`;
  /// - `WhenUnderutilized` becomes `WhenEmptyOrUnderutilized` with `consolidateAfter: 0s`;
  ///   `WhenEmpty` keeps its `consolidateAfter` (`Never` when absent);
  /// - budgets keep `nodes`, `schedule`, `duration`;
  /// - `nodeClassRef {apiVersion, kind, name}` becomes `{group, kind, name}`, the group being
  ///   the part of apiVersion before the first `/` (default `karpenter.k8s.aws`) and the kind
  ///   defaulting to `EC2NodeClass`, and the v1beta1 reference is kept as JSON in the
  ///   ``nodeClassReferenceAnnotationKey`` annotation;
  /// - the v1beta1 `kubelet` is kept as JSON (sorted keys) in the
  ///   ``kubeletCompatibilityAnnotationKey`` annotation (removed when there is no kubelet); see
  ///   ``moveKubelet(nodePools:nodeClasses:)`` to move it to the EC2NodeClass;
  /// - the template's `resources` are dropped.
  public static func nodePool(from beta: NodePoolV1Beta1) -> NodePool {
    let spec = beta.spec ?? NodePoolV1Beta1Spec()
    let betaTemplateSpec = spec.template?.spec ?? NodeClaimTemplateSpecV1Beta1()
    let betaDisruption = spec.disruption ?? DisruptionV1Beta1()

    var metadata = beta.metadata
    var annotations = metadata.annotations ?? [:]
    annotations[nodeClassReferenceAnnotationKey] = nodeClassReferenceJSON(
      betaTemplateSpec.nodeClassRef)
    if let kubelet = betaTemplateSpec.kubelet {
      annotations[kubeletCompatibilityAnnotationKey] = kubeletJSON(kubelet)
    } else {
      annotations.removeValue(forKey: kubeletCompatibilityAnnotationKey)
    }
    metadata.annotations = annotations

    var templateSpec = NodeClaimTemplateSpec()
    templateSpec.taints = betaTemplateSpec.taints
    templateSpec.startupTaints = betaTemplateSpec.startupTaints
    templateSpec.requirements = betaTemplateSpec.requirements
    templateSpec.nodeClassRef = nodeClassReference(from: betaTemplateSpec.nodeClassRef)
    templateSpec.expireAfter = betaDisruption.expireAfter ?? "720h"

    var disruption = Disruption()
    let policy = betaDisruption.consolidationPolicy ?? "WhenUnderutilized"
    if policy == "WhenUnderutilized" {
      disruption.consolidationPolicy = "WhenEmptyOrUnderutilized"
      disruption.consolidateAfter = "0s"
    } else {
      disruption.consolidationPolicy = policy
      disruption.consolidateAfter = betaDisruption.consolidateAfter ?? "Never"
    }
    disruption.budgets = betaDisruption.budgets?.map {
      Budget(nodes: $0.nodes, schedule: $0.schedule, duration: $0.duration)
    }

    var out = NodePool(
      metadata: metadata,
      spec: NodePoolSpec(
        template: NodeClaimTemplate(metadata: spec.template?.metadata, spec: templateSpec),
        disruption: disruption, limits: spec.limits, weight: spec.weight))
    if let betaStatus = beta.status {
      var status = NodePoolStatus()
      status.resources = betaStatus.resources
      status.conditions = betaStatus.conditions
      out.status = status
    }
    return out
  }

  /// The v1 reference for a v1beta1 one: an empty reference when there is none, as upstream.
  static func nodeClassReference(from ref: LegacyNodeClassReference?) -> NodeClassReference {
    guard let ref else { return NodeClassReference() }
    let apiVersion = ref.apiVersion ?? ""
    let kind = ref.kind ?? ""
    return NodeClassReference(
      group: apiVersion.isEmpty
        ? defaultNodeClassGroup
        : String(apiVersion.split(separator: "/", omittingEmptySubsequences: false)[0]),
      kind: kind.isEmpty ? defaultNodeClassKind : kind,
      name: ref.name ?? "")
  }

  /// Go's `json.Marshal` of a v1beta1 `NodeClassReference`: `kind` and `apiVersion` omitted when
  /// empty, `name` always present, in Go's field order; `null` for no reference.
  static func nodeClassReferenceJSON(_ ref: LegacyNodeClassReference?) -> String {
    guard let ref else { return "null" }
    var fields: [String] = []
    if let kind = ref.kind, !kind.isEmpty { fields.append("\"kind\":\(jsonString(kind))") }
    fields.append("\"name\":\(jsonString(ref.name ?? ""))")
    if let apiVersion = ref.apiVersion, !apiVersion.isEmpty {
      fields.append("\"apiVersion\":\(jsonString(apiVersion))")
    }
    return "{" + fields.joined(separator: ",") + "}"
  }

  private static func jsonString(_ s: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    guard let data = try? encoder.encode(s), let text = String(data: data, encoding: .utf8) else {
      return "\"\""
    }
    return text
  }

  /// The kubelet as the compatibility annotation holds it: compact JSON with sorted keys.
  public static func kubeletJSON(_ kubelet: KubeletConfiguration) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(kubelet), let text = String(data: data, encoding: .utf8)
    else { return "{}" }
    return text
  }

  /// Reads the kubelet compatibility annotation's JSON.
  public static func kubelet(fromJSON json: String) throws -> KubeletConfiguration {
    try JSONDecoder().decode(KubeletConfiguration.self, from: Data(json.utf8))
  }

  // MARK: - Webhook: v1beta1 EC2NodeClass -> v1 EC2NodeClass

  /// AMI families that v1 can express as an alias.
  public static let aliasFamilies = ["AL2", "AL2023", "Bottlerocket", "Windows2019", "Windows2022"]

  /// The AWS provider v1.0.x conversion webhook's EC2NodeClass `ConvertFrom`:
  /// - AL2, AL2023, Bottlerocket, Windows2019, Windows2022 with no `amiSelectorTerms` become the
  ///   alias `<family lowercased>@latest` (or the version in the
  ///   ``aliasVersionCompatibilityAnnotationKey`` annotation) and lose `amiFamily`; with terms,
  ///   family and terms are kept;
  /// - Ubuntu becomes AL2 with the ``ubuntuCompatibilityAnnotationKey`` annotation, an injected
  ///   `/dev/sda1` root volume when there were no block device mappings, and an
  ///   `ami-placeholder` term (an unusable node class) when there were no AMI terms;
  /// - any other family, or none, becomes `Custom`, keeping the terms;
  /// - every other field is copied, `metadataOptions` as stored; `kubelet` stays unset.
  public static func nodeClass(from beta: EC2NodeClassV1Beta1) -> EC2NodeClass {
    let b = beta.spec ?? EC2NodeClassV1Beta1Spec()
    var metadata = beta.metadata
    metadata.annotations?.removeValue(forKey: aliasVersionCompatibilityAnnotationKey)

    var spec = EC2NodeClassSpec()
    spec.subnetSelectorTerms = b.subnetSelectorTerms
    spec.securityGroupSelectorTerms = b.securityGroupSelectorTerms
    spec.associatePublicIPAddress = b.associatePublicIPAddress
    spec.context = b.context
    spec.detailedMonitoring = b.detailedMonitoring
    spec.role = b.role
    spec.instanceProfile = b.instanceProfile
    spec.instanceStorePolicy = b.instanceStorePolicy
    spec.tags = b.tags
    spec.userData = b.userData
    spec.metadataOptions = b.metadataOptions
    spec.blockDeviceMappings = b.blockDeviceMappings

    let terms = b.amiSelectorTerms?.map {
      AMISelectorTerm(tags: $0.tags, id: $0.id, name: $0.name, owner: $0.owner)
    }
    let hasTerms = !(terms ?? []).isEmpty
    let family = b.amiFamily ?? ""
    switch family {
    case _ where aliasFamilies.contains(family):
      if hasTerms {
        spec.amiFamily = family
        spec.amiSelectorTerms = terms
      } else {
        let version = beta.metadata.annotations?[aliasVersionCompatibilityAnnotationKey] ?? "latest"
        spec.amiFamily = nil
        spec.amiSelectorTerms = [AMISelectorTerm(alias: "\(family.lowercased())@\(version)")]
      }
    case "Ubuntu":
      var specifiers = ["amiFamily"]
      spec.amiFamily = "AL2"
      if b.blockDeviceMappings == nil {
        spec.blockDeviceMappings = [
          BlockDeviceMapping(
            deviceName: "/dev/sda1",
            ebs: BlockDevice(volumeSize: "20Gi", volumeType: "gp3", encrypted: true),
            rootVolume: true)
        ]
        specifiers.append("blockDeviceMappings")
      }
      if hasTerms {
        spec.amiSelectorTerms = terms
      } else {
        spec.amiSelectorTerms = [AMISelectorTerm(id: "ami-placeholder")]
        specifiers.append("incompatible")
      }
      var annotations = metadata.annotations ?? [:]
      annotations[ubuntuCompatibilityAnnotationKey] = specifiers.joined(separator: ",")
      metadata.annotations = annotations
    default:
      spec.amiFamily = "Custom"
      spec.amiSelectorTerms = terms
    }

    var out = EC2NodeClass(metadata: metadata, spec: spec)
    out.status = beta.status
    return out
  }

  // MARK: - Moving the kubelet to the EC2NodeClass

  /// Finishes what the v1 migration guide asks users to do by hand: for each NodePool carrying
  /// the ``kubeletCompatibilityAnnotationKey`` annotation whose `nodeClassRef` names an
  /// EC2NodeClass in `nodeClasses`, copies the kubelet into that EC2NodeClass's `spec.kubelet`
  /// when it has none, and removes the annotation. An EC2NodeClass whose `spec.kubelet` already
  /// equals the NodePool's kubelet also counts as moved.
  ///
  /// The annotation stays, and a warning is returned, when the EC2NodeClass is not in the
  /// array, when the annotation cannot be read, or when the EC2NodeClass already has a
  /// different kubelet (typically because two NodePools sharing it carry different kubelets).
  public static func moveKubelet(nodePools: inout [NodePool], nodeClasses: inout [EC2NodeClass])
    -> [String]
  {
    var warnings: [String] = []
    let key = kubeletCompatibilityAnnotationKey
    // Which NodePool gave an EC2NodeClass its kubelet in this call.
    var movedFrom: [Int: String] = [:]
    for i in nodePools.indices {
      guard let json = nodePools[i].metadata.annotations?[key] else { continue }
      let poolName = nodePools[i].name
      let kubelet: KubeletConfiguration
      do {
        kubelet = try self.kubelet(fromJSON: json)
      } catch {
        warnings.append(
          "NodePool \"\(poolName)\": its \(key) annotation is not a valid kubelet configuration "
            + "(\(error)); it was left in place.")
        continue
      }
      let ref = nodePools[i].spec?.template?.spec?.nodeClassRef
      let refName = ref?.name ?? ""
      let refersToEC2NodeClass =
        (ref?.group ?? defaultNodeClassGroup) == defaultNodeClassGroup
        && (ref?.kind ?? defaultNodeClassKind) == defaultNodeClassKind
      guard refersToEC2NodeClass, !refName.isEmpty,
        let j = nodeClasses.firstIndex(where: { $0.name == refName })
      else {
        let target = refName.isEmpty ? "its EC2NodeClass" : "its EC2NodeClass \"\(refName)\""
        warnings.append(
          "NodePool \"\(poolName)\": kubelet settings stay in the \(key) annotation, because "
            + "\(target) is not among the converted objects; move them to that EC2NodeClass's "
            + "spec.kubelet by hand before upgrading to Karpenter v1.1, which ignores the "
            + "annotation.")
        continue
      }
      var nodeClassSpec = nodeClasses[j].spec ?? EC2NodeClassSpec()
      if let existing = nodeClassSpec.kubelet, existing != kubelet {
        if let other = movedFrom[j] {
          warnings.append(
            "NodePools \"\(other)\" and \"\(poolName)\" share EC2NodeClass \"\(refName)\" but "
              + "carry different kubelet settings; \"\(refName)\" got those of \"\(other)\", and "
              + "\"\(poolName)\" keeps its \(key) annotation. Give \"\(poolName)\" its own "
              + "EC2NodeClass before upgrading to Karpenter v1.1, which ignores the annotation.")
        } else {
          warnings.append(
            "NodePool \"\(poolName)\": EC2NodeClass \"\(refName)\" already has a spec.kubelet "
              + "that differs from the NodePool's v1beta1 kubelet; the NodePool keeps its "
              + "\(key) annotation, which takes precedence until Karpenter v1.1 ignores it.")
        }
        continue
      }
      if nodeClassSpec.kubelet == nil {
        nodeClassSpec.kubelet = kubelet
        nodeClasses[j].spec = nodeClassSpec
        movedFrom[j] = poolName
      }
      nodePools[i].metadata.annotations?.removeValue(forKey: key)
    }
    return warnings
  }
}
