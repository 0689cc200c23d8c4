import Controllers
import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// The NodeClaim objects and patches Karpenter writes, in upstream's shape: a NodeClaim made
/// from its NodePool's template (`karpenter.sh/nodepool` label, the hash annotations, the
/// termination finalizer, the NodePool as owner), then its status once the cloud launched it.
enum NodeClaimDocuments {
  static let hashVersion = "v3"

  /// The NodeClaim to create for a planned one (named by the server from `generateName`).
  static func nodeClaim(
    for claim: PlannedNodeClaim, pool: NodePool?, schema: ResourceSchema, templateHash: String?,
    nodeClassHash: String?
  ) -> [String: Any] {
    let template = pool?.spec?.template
    var labels = template?.metadata?.labels ?? [:]
    for (k, v) in claim.labels { labels[k] = v }
    labels[WellKnown.nodePoolLabel] = claim.nodePool
    var annotations = template?.metadata?.annotations ?? [:]
    if let templateHash {
      annotations[WellKnown.nodePoolHashAnnotation] = templateHash
      annotations[WellKnown.nodePoolHashVersionAnnotation] = hashVersion
    }
    if let nodeClassHash { annotations[LiveCluster.nodeClassHashAnnotation] = nodeClassHash }
    var metadata: [String: Any] = [
      "generateName": "\(claim.nodePool)-", "labels": labels, "annotations": annotations,
      "finalizers": [WellKnown.terminationFinalizer],
    ]
    if let pool, let uid = pool.metadata.uid {
      metadata["ownerReferences"] = [
        [
          "apiVersion": NodePool.apiVersion, "kind": NodePool.kind, "name": pool.name, "uid": uid,
          "blockOwnerDeletion": true,
        ] as [String: Any]
      ]
    }
    var spec: [String: Any] = [
      "requirements": claim.requirements.all.map(requirement),
      "resources": ["requests": quantities(schema.list(claim.requests))],
    ]
    if !claim.taints.isEmpty { spec["taints"] = claim.taints.map(taint) }
    if !claim.startupTaints.isEmpty { spec["startupTaints"] = claim.startupTaints.map(taint) }
    if let ref = template?.spec?.nodeClassRef {
      spec["nodeClassRef"] = [
        "group": ref.group ?? "karpenter.k8s.aws", "kind": ref.kind ?? "EC2NodeClass", "name": ref.name ?? "",
      ]
    }
    if let expireAfter = template?.spec?.expireAfter { spec["expireAfter"] = expireAfter }
    if let grace = template?.spec?.terminationGracePeriod { spec["terminationGracePeriod"] = grace }
    return ["apiVersion": NodeClaim.apiVersion, "kind": NodeClaim.kind, "metadata": metadata, "spec": spec]
  }

  /// The labels a launched NodeClaim gets: its instance type's and offering's.
  static func launchedLabels(_ instance: CloudInstance, name: String) -> [String: String] {
    var labels: [String: String] = [:]
    if let type = instance.instanceType {
      for (k, v) in type.requirements.singleValueLabels { labels[k] = v }
      labels[WellKnown.instanceTypeLabel] = type.name
    }
    if let offering = instance.offering {
      labels[WellKnown.zoneLabel] = offering.zone
      labels[WellKnown.capacityTypeLabel] = offering.capacityType
    }
    return labels
  }

  /// The status of a launched NodeClaim: its provider id, capacity and the Launched condition.
  static func launchedStatus(
    _ instance: CloudInstance, providerID: String, schema: ResourceSchema, at date: Date
  ) -> [String: Any] {
    var status: [String: Any] = [
      "providerID": providerID,
      "conditions": [condition(NodeClaimConditionType.launched, "True", reason: "Launched", at: date)],
    ]
    if let type = instance.instanceType {
      status["capacity"] = quantities(schema.list(type.capacity))
      status["allocatable"] = quantities(schema.list(type.allocatable))
    }
    return status
  }

  static func condition(_ type: String, _ status: String, reason: String, message: String = "", at date: Date)
    -> [String: Any]
  {
    [
      "type": type, "status": status, "reason": reason, "message": message,
      "lastTransitionTime": Timestamps.format(date),
    ]
  }

  /// The conditions with `type` set (replacing one of the same type) or removed (`nil`).
  static func conditions(_ existing: [Condition], setting type: String, to new: [String: Any]?) -> [[String: Any]] {
    var out: [[String: Any]] = existing.filter { $0.type != type }.map { c in
      var d: [String: Any] = ["type": c.type, "status": c.status]
      if let r = c.reason { d["reason"] = r }
      if let m = c.message { d["message"] = m }
      if let t = c.lastTransitionTime { d["lastTransitionTime"] = t }
      return d
    }
    if let new { out.append(new) }
    return out
  }

  static func taint(_ t: Taint) -> [String: Any] {
    var d: [String: Any] = ["key": t.key, "effect": t.effect]
    if let v = t.value { d["value"] = v }
    return d
  }

  static func requirement(_ r: Requirement) -> [String: Any] {
    var d: [String: Any] = ["key": r.key]
    if let gt = r.greaterThan, !r.complement || r.values.isEmpty {
      d["operator"] = "Gt"
      d["values"] = [String(gt)]
    } else if let lt = r.lessThan {
      d["operator"] = "Lt"
      d["values"] = [String(lt)]
    } else {
      d["operator"] = r.operatorName
      if !r.values.isEmpty { d["values"] = r.values }
    }
    if let m = r.minValues { d["minValues"] = m }
    return d
  }

  static func quantities(_ list: ResourceList) -> [String: String] {
    var out: [String: String] = [:]
    for (k, v) in list where !v.isZero { out[k] = v.description }
    return out
  }
}
