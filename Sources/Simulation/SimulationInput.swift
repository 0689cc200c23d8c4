import Controllers
import KarpenterAPI
import KubernetesAPI
import ManifestCoding
import Manifests

/// Everything `simulate` read, sorted into kinds, legacy kinds already converted to v1.
public struct SimulationInput: Sendable {
  public var scenario: Scenario = Scenario()
  public var nodePools: [NodePool] = []
  public var nodeClasses: [String: EC2NodeClass] = [:]
  /// Applied to the instance types only when the Scenario turns the NodeOverlay gate on.
  public var nodeOverlays: [NodeOverlay] = []
  public var nodes: [Node] = []
  /// The NodeClaims of a cluster dump, by the name of the Node each belongs to.
  public var nodeClaims: [String: NodeClaim] = [:]
  public var pods: [Pod] = []
  public var deployments: [Deployment] = []
  public var replicaSets: [ReplicaSet] = []
  public var statefulSets: [StatefulSet] = []
  public var jobs: [Job] = []
  public var daemonSets: [DaemonSet] = []
  public var podDisruptionBudgets: [PodDisruptionBudget] = []
  public var priorityClasses: [String: PriorityClass] = [:]
  public var persistentVolumes: [String: PersistentVolume] = [:]
  public var persistentVolumeClaims: [String: PersistentVolumeClaim] = [:]
  public var storageClasses: [String: StorageClass] = [:]
  /// The Scenario's timeline with its inline manifests decoded, in time order.
  public var timeline: [TimelineStep] = []

  public init() {}

  /// The kinds `simulate` reads: the standard ones plus the Scenario.
  public static var registry: KindRegistry {
    var r = KindRegistry.standard
    r.register(Scenario.self, namespaced: false, wrap: { .extensionKind(kind: Scenario.kind, value: $0) })
    return r
  }

  /// Sorts loaded documents into an input. Diagnostics for problems only visible across
  /// documents (two Scenarios, duplicate names) are appended to `diagnostics`.
  public static func assemble(_ set: ManifestSet, diagnostics: inout [Diagnostic]) -> SimulationInput {
    var input = SimulationInput()
    var scenarioLocation: DocumentLocation?
    var seen: [String: DocumentLocation] = [:]
    var converted: [(NodePool, DocumentLocation)] = []
    var claims: [(NodeClaim, LoadedDocument)] = []
    var overlays: [(NodeOverlay, DocumentLocation)] = []
    for document in set.documents {
      let identity = "\(document.kind)/\(document.namespace ?? "")/\(document.name)"
      if let first = seen[identity] {
        diagnostics.append(
          Diagnostic(
            .error, at: document.location, object: document.displayName,
            message: "duplicate object: \(document.displayName) is already defined in \(first)"))
        continue
      }
      seen[identity] = document.location
      switch document.object {
      case .extensionKind(_, let value as Scenario):
        if let first = scenarioLocation {
          diagnostics.append(
            Diagnostic(
              .error, at: document.location, object: document.displayName,
              message: "at most one Scenario is allowed; the first is in \(first)"))
        } else {
          scenarioLocation = document.location
          input.scenario = value
          input.timeline = decodeTimeline(value, file: document.location.file, diagnostics: &diagnostics)
        }
      case .nodePool(let p): converted.append((p, document.location))
      case .nodePoolV1Beta1(let p): converted.append((LegacyConversion.nodePool(from: p), document.location))
      case .provisioner(let p):
        if let (pool, nodeClass) = try? LegacyConversion.nodePool(from: p) {
          converted.append((pool, document.location))
          if let nodeClass { input.nodeClasses[nodeClass.name] = nodeClass }
        }
      case .ec2NodeClass(let c): input.nodeClasses[c.name] = c
      case .nodeOverlay(let o): overlays.append((o, document.location))
      case .awsNodeTemplate(let t):
        if let c = try? LegacyConversion.nodeClass(from: t) { input.nodeClasses[c.name] = c }
      case .ec2NodeClassV1Beta1(let c):
        let v1 = LegacyConversion.nodeClass(from: c)
        input.nodeClasses[v1.name] = v1
      case .node(let n): input.nodes.append(n)
      case .nodeClaim(let c): claims.append((c, document))
      case .pod(var p):
        p.metadata.namespace = p.metadata.namespace ?? "default"
        input.pods.append(p)
      case .deployment(let d): input.deployments.append(d)
      case .replicaSet(let r): input.replicaSets.append(r)
      case .statefulSet(let s): input.statefulSets.append(s)
      case .job(let j): input.jobs.append(j)
      case .daemonSet(let d): input.daemonSets.append(d)
      case .podDisruptionBudget(let p): input.podDisruptionBudgets.append(p)
      case .priorityClass(let p): input.priorityClasses[p.name] = p
      case .persistentVolume(let v): input.persistentVolumes[v.name] = v
      case .persistentVolumeClaim(let c): input.persistentVolumeClaims["\(c.namespace)/\(c.name)"] = c
      case .storageClass(let s): input.storageClasses[s.name] = s
      default: break  // Leases and Events play no part in a simulation
      }
    }
    var names = Set<String>()
    for (pool, location) in converted {
      if !names.insert(pool.name).inserted {
        diagnostics.append(
          Diagnostic(
            .error, at: location, object: "NodePool \"\(pool.name)\"",
            message: "duplicate NodePool name after conversion"))
        continue
      }
      input.nodePools.append(pool.defaulted())
    }
    input.nodePools.sort { $0.name < $1.name }
    input.nodes.sort { $0.name < $1.name }
    input.attach(claims, diagnostics: &diagnostics)
    input.nodeOverlays = NodeOverlayGate.admit(overlays, scenario: input.scenario, diagnostics: &diagnostics)
    checkStaticNodePools(input, pools: converted, scenario: scenarioLocation, diagnostics: &diagnostics)
    return input
  }

  /// Attaches each NodeClaim to the Node it names (`status.nodeName`, else the Node with its
  /// `status.providerID`); a claim without a Node (still launching) is skipped with a warning.
  mutating func attach(_ claims: [(NodeClaim, LoadedDocument)], diagnostics: inout [Diagnostic]) {
    guard !claims.isEmpty else { return }
    let names = Set(nodes.map(\.name))
    var byProviderID: [String: String] = [:]
    for node in nodes { if let id = node.spec?.providerID, !id.isEmpty { byProviderID[id] = node.name } }
    for (claim, document) in claims {
      let named = claim.status?.nodeName.flatMap { names.contains($0) ? $0 : nil }
      guard let node = named ?? claim.status?.providerID.flatMap({ byProviderID[$0] }) else {
        diagnostics.append(
          Diagnostic(
            .warning, at: document.location, object: document.displayName,
            message: "skipped: the NodeClaim has no Node in the input (status.nodeName or status.providerID)"))
        continue
      }
      nodeClaims[node] = claim
    }
  }
}

/// One timeline entry, ready to apply.
public struct TimelineStep: Sendable {
  public var at: Double
  public var entry: TimelineEntry
  public var documents: [LoadedDocument]
}

extension SimulationInput {
  /// Decodes and validates each entry's inline manifests with the same loader as the files, so
  /// a bad manifest in the timeline is reported before anything runs.
  static func decodeTimeline(_ scenario: Scenario, file: String, diagnostics: inout [Diagnostic])
    -> [TimelineStep]
  {
    var steps: [TimelineStep] = []
    for (i, entry) in (scenario.spec?.timeline ?? []).enumerated() {
      guard let at = Scenario.seconds(entry.at) else { continue }
      var documents: [LoadedDocument] = []
      for (j, manifest) in (entry.apply ?? []).enumerated() {
        let set = ManifestLoader(registry: KindRegistry.standard).load(
          text: manifest.yaml, file: "\(file) (Scenario timeline[\(i)].apply[\(j)])")
        diagnostics += set.diagnostics
        for document in set.documents {
          if case .nodeOverlay(let overlay) = document.object, !NodeOverlayGate.isOpen(scenario) {
            diagnostics.append(NodeOverlayGate.ignored(overlay.name, at: document.location))
          } else {
            documents.append(document)
          }
        }
      }
      steps.append(TimelineStep(at: at, entry: entry, documents: documents))
    }
    return steps.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(
      \.element)
  }
}
