import AWSClient
import Foundation
import InstanceCatalogs
import KubernetesAPI
import Logging
import Sandbox

/// `karpenter sandbox --cloud aws`: asks EC2 every second for the instances tagged
/// `kubernetes.io/cluster/CLUSTER_NAME` that are pending or running, and hands them to the
/// sandbox's ``InstanceKubelets`` as the Nodes their kubelets would register: named by the
/// instance's private DNS name, with provider id `aws:///ZONE/INSTANCE-ID`, the labels of the
/// instance's type, zone and capacity type, and the capacity upstream's AWS provider computes for
/// the type (the embedded us-east-1 catalog; a type it lacks registers without capacity).
struct SandboxAWSInstances: Sendable {
  let ec2: EC2Client
  let clusterName: String
  let region: String
  let kubelets: InstanceKubelets
  let logger: Logger
  var pollInterval: Duration = .seconds(1)

  /// Polls until the task is cancelled. A failed poll keeps the last answer (no Node goes on
  /// no news) and is logged once per kind of failure.
  func run() async {
    var lastError: String?
    while !Task.isCancelled {
      do {
        let instances = try await ec2.describeInstances(filters: [
          EC2Filter(name: "tag-key", values: ["kubernetes.io/cluster/\(clusterName)"]),
          EC2Filter(name: "instance-state-name", values: ["pending", "running"]),
        ])
        kubelets.update(instances.map(running))
        lastError = nil
      } catch {
        let text = "\(error)"
        if text != lastError { logger.warning("listing the cluster's EC2 instances failed", metadata: ["error": "\(text)"]) }
        lastError = text
      }
      try? await Task.sleep(for: pollInterval)
    }
  }

  /// The Node an instance's kubelet registers.
  func running(_ instance: EC2Instance) -> RunningInstance {
    let tags = Dictionary(instance.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    let capacityType =
      instance.instanceLifecycle == "spot" ? "spot" : instance.capacityReservationID != nil ? "reserved" : "on-demand"
    var labels: [String: String] = [
      "node.kubernetes.io/instance-type": instance.instanceType,
      "topology.kubernetes.io/zone": instance.availabilityZone,
      "topology.kubernetes.io/region": region,
      "karpenter.sh/capacity-type": capacityType,
      "kubernetes.io/os": "linux",
    ]
    var capacity: [String: String] = [:]
    var allocatable: [String: String] = [:]
    if let facts = AWSInstanceTypes.facts(named: instance.instanceType),
      let shape = AWSInstanceTypes.shape(for: facts)
    {
      labels.merge(shape.labels) { _, new in new }
      capacity = Self.quantities(shape.capacity)
      allocatable = Self.quantities(shape.allocatable)
    }
    var taints: [(key: String, value: String?, effect: String)] = []
    if let pool = tags["karpenter.sh/nodepool"] {
      // Karpenter's bootstrap registers its nodes with the NodePool label and this taint.
      labels["karpenter.sh/nodepool"] = pool
      taints.append((key: "karpenter.sh/unregistered", value: nil, effect: "NoExecute"))
    }
    let name = instance.privateDNSName.flatMap { $0.isEmpty ? nil : $0 } ?? instance.instanceID
    return RunningInstance(
      providerID: "aws:///\(instance.availabilityZone)/\(instance.instanceID)", nodeName: name, labels: labels,
      taints: taints, capacity: capacity, allocatable: allocatable, privateIP: instance.privateIPAddress,
      launched: instance.launchTime ?? Date())
  }

  /// A shape's resource map (millicores, bytes, counts) as quantities.
  static func quantities(_ values: [String: Int64]) -> [String: String] {
    values.reduce(into: [:]) { out, entry in
      let (name, value) = entry
      let quantity =
        name == "cpu"
        ? Quantity(milli: value)
        : (name == "memory" || name == "ephemeral-storage") ? Quantity(value, format: .binarySI) : Quantity(value)
      out[name] = quantity.description
    }
  }
}
