import Foundation
import KubernetesClient

/// What a live cluster holds that `simulate` reads, taken with list calls only (never a
/// write): the same documents `kubectl get nodes,pods,deploy,... -A -o yaml` prints, one
/// `v1 List` per resource, as a cluster dump `simulate` reads.
public enum ClusterSnapshot {
  /// The resources listed, in the order written.
  public static let resources: [(path: ResourcePath, apiVersion: String, kind: String)] = [
    (.nodePools(), "karpenter.sh/v1", "NodePool"),
    (ResourcePath(group: "karpenter.k8s.aws", plural: "ec2nodeclasses"), "karpenter.k8s.aws/v1", "EC2NodeClass"),
    (ResourcePath(group: "karpenter.sh", version: "v1alpha1", plural: "nodeoverlays"), "karpenter.sh/v1alpha1", "NodeOverlay"),
    (.nodes(), "v1", "Node"),
    (.nodeClaims(), "karpenter.sh/v1", "NodeClaim"),
    (ResourcePath(group: "scheduling.k8s.io", plural: "priorityclasses"), "scheduling.k8s.io/v1", "PriorityClass"),
    (ResourcePath(group: "storage.k8s.io", plural: "storageclasses"), "storage.k8s.io/v1", "StorageClass"),
    (.persistentVolumes(), "v1", "PersistentVolume"),
    (.persistentVolumeClaims(), "v1", "PersistentVolumeClaim"),
    (ResourcePath(group: "apps", plural: "deployments"), "apps/v1", "Deployment"),
    (ResourcePath(group: "apps", plural: "replicasets"), "apps/v1", "ReplicaSet"),
    (ResourcePath(group: "apps", plural: "statefulsets"), "apps/v1", "StatefulSet"),
    (ResourcePath(group: "apps", plural: "daemonsets"), "apps/v1", "DaemonSet"),
    (ResourcePath(group: "batch", plural: "jobs"), "batch/v1", "Job"),
    (.podDisruptionBudgets(), "policy/v1", "PodDisruptionBudget"),
    (.pods(), "v1", "Pod"),
  ]

  /// The kinds a cluster may lack (their CRD is not installed): skipped with a note.
  static let optional: Set<String> = ["NodePool", "EC2NodeClass", "NodeOverlay", "NodeClaim"]

  public struct Taken: Sendable {
    /// The documents, as multi-document YAML (each document JSON).
    public var text: String
    /// What was left out and why.
    public var notes: [String]
    public var objects: Int
  }

  /// Lists every resource (page by page) and returns the dump.
  public static func take(_ client: KubernetesClient) async throws -> Taken {
    var documents: [String] = []
    var notes: [String] = []
    var count = 0
    for resource in resources {
      var items: [Any] = []
      var token: String?
      repeat {
        let page: [UInt8]
        do {
          page = try await client.list(resource.path, options: ListOptions(limit: 500, continueToken: token))
        } catch let error as KubernetesClientError where error.statusCode == 404 && optional.contains(resource.kind) {
          notes.append("the cluster has no \(resource.kind) resource (\(resource.apiVersion)); none were read")
          break
        }
        guard let list = try JSONSerialization.jsonObject(with: Data(page)) as? [String: Any] else { break }
        for case var item as [String: Any] in list["items"] as? [Any] ?? [] {
          item["apiVersion"] = resource.apiVersion
          item["kind"] = resource.kind
          if var metadata = item["metadata"] as? [String: Any] {
            metadata["managedFields"] = nil
            item["metadata"] = metadata
          }
          items.append(item)
        }
        token = (list["metadata"] as? [String: Any])?["continue"] as? String
        if token?.isEmpty == true { token = nil }
      } while token != nil
      count += items.count
      let list: [String: Any] = ["apiVersion": "v1", "kind": "List", "items": items]
      let data = try JSONSerialization.data(withJSONObject: list, options: [.sortedKeys, .withoutEscapingSlashes])
      documents.append("# \(resource.kind): \(items.count)\n" + String(decoding: data, as: UTF8.self))
    }
    return Taken(text: documents.joined(separator: "\n---\n") + "\n", notes: notes, objects: count)
  }
}
