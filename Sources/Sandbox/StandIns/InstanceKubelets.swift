import APIServer
import Foundation
import Synchronization

/// An instance a cloud runs for the cluster, as the sandbox's kubelets see it: the Node its
/// kubelet would register.
public struct RunningInstance: Sendable, Hashable {
  /// `aws:///us-east-1a/i-0123456789abcdef0`.
  public var providerID: String
  /// The Node's name (EC2's private DNS name, as the kubelet on an EKS AMI registers).
  public var nodeName: String
  /// The labels the kubelet registers with (instance type, zone, region, arch, os, capacity
  /// type, the NodePool from the instance's tags).
  public var labels: [String: String]
  /// Taints the kubelet registers with (Karpenter's bootstrap passes
  /// `karpenter.sh/unregistered:NoExecute`).
  public var taints: [(key: String, value: String?, effect: String)]
  /// Capacity and allocatable as quantities (`"2"`, `"7934Mi"`).
  public var capacity: [String: String]
  public var allocatable: [String: String]
  /// The instance's private IPv4 address.
  public var privateIP: String?
  /// When the instance was launched: its Node registers `startupDelay` later.
  public var launched: Date

  public init(
    providerID: String, nodeName: String, labels: [String: String],
    taints: [(key: String, value: String?, effect: String)] = [], capacity: [String: String],
    allocatable: [String: String], privateIP: String?, launched: Date
  ) {
    self.providerID = providerID
    self.nodeName = nodeName
    self.labels = labels
    self.taints = taints
    self.capacity = capacity
    self.allocatable = allocatable
    self.privateIP = privateIP
    self.launched = launched
  }

  public static func == (a: RunningInstance, b: RunningInstance) -> Bool {
    a.providerID == b.providerID && a.nodeName == b.nodeName
  }
  public func hash(into h: inout Hasher) { h.combine(providerID) }
}

/// The kubelets of a cloud's instances (`karpenter sandbox --cloud aws`): a Node for each
/// running instance once its startup delay has passed, and the Node deleted when its instance
/// is gone. The instances come from a poller (``update(_:)``: the AWS one asks EC2 for the
/// running instances tagged for the cluster); the kubelet stand-in then reports the Node Ready
/// and runs its pods, as for any Node.
public final class InstanceKubelets: Sendable {
  /// The provider ids this stand-in owns Nodes for (`aws:///`).
  public let providerIDPrefix: String
  /// How long an instance boots before its kubelet registers.
  public let startupDelay: TimeInterval
  private let state = Mutex<State>(State())

  struct State {
    /// The instances last polled; nil before the first poll (no Node is deleted on no news).
    var instances: [String: RunningInstance]?
    /// Nodes this stand-in registered, by provider id.
    var registered: [String: String] = [:]
  }

  public init(providerIDPrefix: String, startupDelay: TimeInterval) {
    self.providerIDPrefix = providerIDPrefix
    self.startupDelay = startupDelay
  }

  /// The instances running now, as the poller found them.
  public func update(_ instances: [RunningInstance]) {
    state.withLock { $0.instances = Dictionary(instances.map { ($0.providerID, $0) }, uniquingKeysWith: { a, _ in a }) }
  }

  /// The closure `SandboxOptions.reconcilers` takes.
  public var reconciler: @Sendable (inout APIStore, Date) -> Void {
    { [self] store, now in reconcile(&store, now: now) }
  }

  /// Registers the Nodes of instances past their startup delay and deletes those of instances
  /// that are gone.
  public func reconcile(_ store: inout APIStore, now: Date) {
    guard let nodes = store.registry.type(group: "", version: "v1", plural: "nodes") else { return }
    state.withLock { state in
      guard let instances = state.instances else { return }
      var existing: [String: String] = [:]
      for node in (try? store.list(nodes).items) ?? [] {
        guard let id = node[path: ["spec", "providerID"]]?.string, id.hasPrefix(providerIDPrefix),
          let name = node[path: ["metadata", "name"]]?.string
        else { continue }
        existing[id] = name
      }
      for (id, name) in existing where instances[id] == nil {
        _ = try? store.delete(nodes, namespace: nil, name: name, options: DeleteOptions(), now: now)
        state.registered[id] = nil
      }
      for instance in instances.values.sorted(by: { $0.providerID < $1.providerID })
      where existing[instance.providerID] == nil && state.registered[instance.providerID] == nil
        && now.timeIntervalSince(instance.launched) >= startupDelay
      {
        do throws(APIError) {
          _ = try store.create(nodes, namespace: nil, Self.node(instance), now: now)
          state.registered[instance.providerID] = instance.nodeName
        } catch {
          // A Node of that name exists without the provider id: left alone, tried again next time.
        }
      }
      // A Node someone deleted while its instance runs is registered again, as a kubelet does.
      for id in state.registered.keys where existing[id] == nil && instances[id] != nil {
        if store.lookup(nodes, namespace: nil, name: state.registered[id]!) == nil { state.registered[id] = nil }
      }
    }
  }

  /// The Node the instance's kubelet registers: labels, taints, provider id, capacity and
  /// address; the kubelet stand-in adds the conditions.
  static func node(_ instance: RunningInstance) -> JSON {
    var labels = instance.labels.mapValues { JSON.string($0) }
    labels["kubernetes.io/hostname"] = .string(instance.nodeName)
    var status: [String: JSON] = [
      "capacity": .object(instance.capacity.mapValues { .string($0) }),
      "allocatable": .object(instance.allocatable.mapValues { .string($0) }),
    ]
    if let ip = instance.privateIP {
      status["addresses"] = [
        ["type": "InternalIP", "address": .string(ip)],
        ["type": "Hostname", "address": .string(instance.nodeName)],
        ["type": "InternalDNS", "address": .string(instance.nodeName)],
      ]
    }
    let taints: [JSON] = instance.taints.map { taint in
      var t: [String: JSON] = ["key": .string(taint.key), "effect": .string(taint.effect)]
      if let value = taint.value { t["value"] = .string(value) }
      return .object(t)
    }
    return [
      "apiVersion": "v1", "kind": "Node",
      "metadata": ["name": .string(instance.nodeName), "labels": .object(labels)],
      "spec": ["providerID": .string(instance.providerID), "taints": .array(taints)],
      "status": .object(status),
    ]
  }
}
