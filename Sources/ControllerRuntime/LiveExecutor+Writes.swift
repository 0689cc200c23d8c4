import Controllers
import Foundation
import KubernetesClient
import KarpenterAPI
import KarpenterMetrics
import KubernetesAPI
import Scheduling

// The API writes behind the effects, in upstream's shape.
extension LiveExecutor {
  /// Creates the NodeClaim, launches it through the cloud provider and writes what it became
  /// (upstream's lifecycle controller's launch step). A failed launch deletes the NodeClaim.
  mutating func launch(_ request: LaunchRequest) async -> LaunchOutcome {
    let claim = request.claim
    let pool = cluster.store.nodePool(named: claim.nodePool)
    let document = NodeClaimDocuments.nodeClaim(
      for: claim, pool: pool, schema: cluster.store.schema, templateHash: pool.map { hashes.template($0) },
      nodeClassHash: pool.flatMap { NodePoolHashes.nodeClass($0, nodeClasses: cluster.store.nodeClasses) })
    let created: NodeClaim
    do {
      created = try await api.call(.post(APIPaths.nodeClaims, document)).decode(NodeClaim.self)
    } catch {
      log("ERROR", "provisioner", "creating nodeclaim failed", ["NodePool": claim.nodePool, "error": "\(error)"])
      // No NodeClaim was made: the failure has no name to be reported on.
      return .failed(name: "", .failed(nodeClaim: "for NodePool \(claim.nodePool)", cause: error))
    }
    let name = created.name
    let instance: CloudInstance
    let started = ContinuousClock.now
    do {
      instance = try await cloud.create(claim, name: name, at: now)
      metrics?.cloudCall(controller: "nodeclaim.lifecycle", method: "Create", seconds: Self.seconds(since: started))
    } catch {
      metrics?.cloudCall(
        controller: "nodeclaim.lifecycle", method: "Create", seconds: Self.seconds(since: started),
        error: ControllerMetrics.errorName(error))
      _ = try? await api.send(APIRequest(.delete, APIPaths.nodeClaim(name)))
      _ = try? await api.send(.mergePatch(APIPaths.nodeClaim(name), ["metadata": ["finalizers": NSNull()]]))
      let providerError = (error as? CloudProviderError) ?? .failed(nodeClaim: name, cause: error)
      return .failed(name: name, providerError)
    }
    guard let type = instance.instanceType, let offering = instance.offering else {
      return .failed(name: name, .failed(nodeClaim: name, cause: ClusterAPIError.missingInstanceType(name)))
    }
    // The claim's labels and status, as upstream's lifecycle controller writes them.
    let labels = NodeClaimDocuments.launchedLabels(instance, name: name)
    var launched = created
    do {
      launched = try await api.call(.mergePatch(APIPaths.nodeClaim(name), ["metadata": ["labels": labels]]))
        .decode(NodeClaim.self)
      let status = NodeClaimDocuments.launchedStatus(
        instance, providerID: instance.providerID ?? KwokCloudProvider.providerIDPrefix + name, schema: cluster.store.schema, at: clock())
      launched = try await api.call(.mergePatch(APIPaths.nodeClaimStatus(name), ["status": status]))
        .decode(NodeClaim.self)
    } catch {
      log("ERROR", "nodeclaim.lifecycle", "writing launched nodeclaim failed", ["NodeClaim": name, "error": "\(error)"])
    }
    for input in cluster.apply(.nodeClaim(launched), at: clock()) { await deliver(input) }
    return .launched(
      LaunchedInstance(
        name: name, instanceType: type.name, zone: offering.zone, capacityType: offering.capacityType,
        price: offering.price))
  }

  /// The DisruptionReason condition and termination timestamp, and for `terminating` the
  /// NodeClaim's deletion (its finalizer holds it while it drains).
  mutating func mark(_ key: String, reason: NodeRemovalReason, deadline: Double?, terminating: Bool) async {
    guard cluster.store[node: key] != nil else { return }
    let date = clock()
    let t = cluster.time(date)
    cluster.writing(key)
    cluster.withStore {
      $0[node: key]!.disruption = reason
      $0[node: key]!.drainDeadline = deadline
      if terminating && $0[node: key]!.terminatingSince == nil { $0[node: key]!.terminatingSince = t }
    }
    var version = await setClaimCondition(
      key, LiveCluster.disruptionReasonCondition,
      to: NodeClaimDocuments.condition(LiveCluster.disruptionReasonCondition, "True", reason: reason.rawValue, at: date))
    if let deadline {
      let stamp = Timestamps.format(cluster.epoch.addingTimeInterval(deadline))
      let patch = ["metadata": ["annotations": [LiveCluster.terminationTimestampAnnotation: stamp]]]
      version = (try? await api.call(.mergePatch(APIPaths.nodeClaim(key), patch)).decode(NodeClaim.self))?
        .metadata.resourceVersion ?? version
    }
    if terminating {
      cluster.expectDeletion(of: key)
      if let answer = try? await api.call(APIRequest(.delete, APIPaths.nodeClaim(key))) {
        version = (try? answer.decode(NodeClaim.self))?.metadata.resourceVersion ?? version
      }
    }
    cluster.wrote(key, resourceVersion: version)
  }

  /// Deletes the NodeClaim (someone asked: a disruption decision, a static pool scaling down).
  mutating func deleteNodeClaim(_ key: String) async {
    cluster.expectDeletion(of: key)
    cluster.writing(key)
    let answer = try? await api.send(APIRequest(.delete, APIPaths.nodeClaim(key)))
    cluster.wrote(key, resourceVersion: answer.flatMap { try? $0.decode(NodeClaim.self) }?.metadata.resourceVersion)
  }

  /// The Eviction subresource (429 while a PodDisruptionBudget forbids it), or a plain delete.
  func evict(_ pod: String, honouringBudgets: Bool, reason: NodeRemovalReason?) async -> EvictionResult {
    let (namespace, name) = APIPaths.split(pod)
    let request: APIRequest
    if honouringBudgets {
      request = .post(
        APIPaths.pod(pod).subresource("eviction"),
        ["apiVersion": "policy/v1", "kind": "Eviction", "metadata": ["name": name, "namespace": namespace]])
    } else {
      request = APIRequest(.delete, APIPaths.pod(pod))
    }
    do {
      let response = try await api.send(request)
      switch response.status {
      case 200..<300: return .evicted
      case 404: return .gone
      case 429: return .refusedByBudget
      default:
        log("ERROR", "node.termination", "evicting pod failed", ["Pod": pod, "error": ClusterAPIError(request, response).description])
        return .refusedByBudget  // not evicted: the drain tries again
      }
    } catch {
      log("ERROR", "node.termination", "evicting pod failed", ["Pod": pod, "error": "\(error)"])
      return .refusedByBudget
    }
  }

  /// The node is drained: its instance goes and the NodeClaim's finalizer is removed.
  mutating func removeNode(_ key: String) async {
    let started = ContinuousClock.now
    do {
      try await cloud.delete(key)
      metrics?.cloudCall(controller: "node.termination", method: "Delete", seconds: Self.seconds(since: started))
    } catch let error as CloudProviderError {
      metrics?.cloudCall(
        controller: "node.termination", method: "Delete", seconds: Self.seconds(since: started),
        error: ControllerMetrics.errorName(error))
      if case .nodeClaimNotFound = error.kind {} else {
        metrics?.terminationFailed(key, store: cluster.store)
        log("ERROR", "node.termination", "terminating instance failed", ["NodeClaim": key, "error": "\(error)"])
      }
    } catch {
      metrics?.cloudCall(
        controller: "node.termination", method: "Delete", seconds: Self.seconds(since: started),
        error: ControllerMetrics.errorName(error))
      metrics?.terminationFailed(key, store: cluster.store)
      log("ERROR", "node.termination", "terminating instance failed", ["NodeClaim": key, "error": "\(error)"])
    }
    let remaining = (cluster.nodeClaims[key]?.metadata.finalizers ?? []).filter { $0 != WellKnown.terminationFinalizer }
    _ = try? await api.send(
      .mergePatch(APIPaths.nodeClaim(key), ["metadata": ["finalizers": remaining.isEmpty ? NSNull() as Any : remaining as Any]]))
    removed.insert(key)
    let reason = cluster.store[node: key]?.disruption
    if cluster.forget(key) { await deliver(.nodeRemoved(key, reason: reason)) }
  }

  /// Upstream's registration: the Node gets the registered label and loses the unregistered
  /// taint; the NodeClaim gets `status.nodeName` and is Registered. True when every write
  /// landed (a failed one is tried again at the next tick, as upstream's lifecycle controller
  /// reconciles until it holds).
  mutating func register(_ key: String) async -> Bool {
    let nodeName = cluster.nodeName(of: key)
    let node = await patchNodeTaints(key, labels: [WellKnown.registeredLabel: "true"]) { taints in
      taints.removeAll { $0.key == WellKnown.unregisteredTaintKey }
    }
    let status = try? await api.call(.mergePatch(APIPaths.nodeClaimStatus(key), ["status": ["nodeName": nodeName]]))
    let condition = await setClaimCondition(
      key, NodeClaimConditionType.registered,
      to: NodeClaimDocuments.condition(NodeClaimConditionType.registered, "True", reason: "Registered", at: clock()))
    return node && status != nil && condition != nil
  }

  /// Upstream's initialization: the Node gets the initialized label, the NodeClaim is Initialized,
  /// and Ready (upstream's root condition, true once Launched, Registered and Initialized are).
  mutating func initialize(_ key: String) async -> Bool {
    let node = await patchNodeTaints(key, labels: [WellKnown.initializedLabel: "true"]) { _ in }
    let initialized = await setClaimCondition(
      key, NodeClaimConditionType.initialized,
      to: NodeClaimDocuments.condition(NodeClaimConditionType.initialized, "True", reason: "Initialized", at: clock()))
    let ready = await setClaimCondition(
      key, "Ready", to: NodeClaimDocuments.condition("Ready", "True", reason: "Ready", at: clock()))
    return node && initialized != nil && ready != nil
  }

  /// Registration and initialization writes that did not all land, tried again (at most once a
  /// second) until they do or the NodeClaim is gone.
  mutating func retryLifecycle() async {
    guard !lifecycleRetries.isEmpty, clock().timeIntervalSince(lastLifecycleRetry) >= 1 else { return }
    lastLifecycleRetry = clock()
    for (key, step) in lifecycleRetries.sorted(by: { $0.key < $1.key }) {
      guard cluster.nodeClaims[key] != nil else {
        lifecycleRetries[key] = nil
        continue
      }
      let done = step == .register ? await register(key) : await initialize(key)
      guard done else { continue }
      // Initialization (idempotent) follows a registration that was owed, once the node got there.
      let initializedToo = step == .register && cluster.store[node: key]?.initializedAt != nil
      lifecycleRetries[key] = initializedToo ? .initialize : nil
    }
  }

  /// Sets (or with nil removes) a condition of the NodeClaim's status; returns the
  /// resourceVersion written.
  @discardableResult
  mutating func setClaimCondition(_ key: String, _ type: String, to condition: [String: Any]?) async -> String? {
    guard cluster.nodeClaims[key] != nil else { return nil }
    // Read the claim fresh, so that conditions written since the last watch event are kept.
    let current = (try? await api.call(APIRequest(.get, APIPaths.nodeClaim(key))).decode(NodeClaim.self))
      ?? cluster.nodeClaims[key]!
    let conditions = NodeClaimDocuments.conditions(current.status?.conditions ?? [], setting: type, to: condition)
    let answer = try? await api.call(.mergePatch(APIPaths.nodeClaimStatus(key), ["status": ["conditions": conditions]]))
    return answer.flatMap { try? $0.decode(NodeClaim.self) }?.metadata.resourceVersion
  }

  /// Changes the Node's taints (and adds labels), read fresh from the API; false when a call
  /// failed.
  @discardableResult
  mutating func patchNodeTaints(_ key: String, labels: [String: String] = [:], _ change: (inout [Taint]) -> Void) async
    -> Bool
  {
    let nodeName = cluster.nodeName(of: key)
    guard let node = try? await api.call(APIRequest(.get, APIPaths.node(nodeName))).decode(Node.self) else { return false }
    var taints = node.spec?.taints ?? []
    let before = taints
    change(&taints)
    var patch: [String: Any] = [:]
    if taints != before { patch["spec"] = ["taints": taints.map(NodeClaimDocuments.taint)] }
    if !labels.isEmpty { patch["metadata"] = ["labels": labels] }
    guard !patch.isEmpty else { return true }
    do {
      try await api.call(.mergePatch(APIPaths.node(nodeName), patch))
      return true
    } catch {
      log("ERROR", "node", "patching node failed", ["Node": nodeName, "error": "\(error)"])
      return false
    }
  }

  /// A Kubernetes Event, as Karpenter's recorder posts it.
  func post(_ event: KubernetesEventRecord) async {
    // A pod is named by its key (`namespace/name`); cluster-scoped objects' Events go to `default`.
    var namespace = event.involvedObject.namespace ?? "default"
    var name = event.involvedObject.name
    if event.involvedObject.namespace == nil, name.contains("/") {
      (namespace, name) = APIPaths.split(name)
    }
    let stamp = Timestamps.format(cluster.epoch.addingTimeInterval(event.time))
    var involved: [String: Any] = ["kind": event.involvedObject.kind, "name": name]
    if event.involvedObject.kind == "Pod" { involved["namespace"] = namespace }
    let body: [String: Any] = [
      "apiVersion": "v1", "kind": "Event",
      "metadata": ["generateName": "\(name).", "namespace": namespace],
      "involvedObject": involved, "reason": event.reason, "message": event.message, "type": event.type,
      "source": ["component": "karpenter"], "reportingComponent": "karpenter", "firstTimestamp": stamp,
      "lastTimestamp": stamp, "count": 1,
    ]
    _ = try? await api.send(.post(APIPaths.events(namespace), body))
  }
}

extension ClusterAPIError {
  static func missingInstanceType(_ name: String) -> ClusterAPIError {
    ClusterAPIError(
      APIRequest(.post, APIPaths.nodes),
      APIResponse(status: 500, body: Data("the cloud provider launched \(name) without an instance type".utf8)))
  }
}
