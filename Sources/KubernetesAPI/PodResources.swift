/// A port a pod binds on its node, after Kubernetes' defaults: protocol `TCP`, host IP
/// `0.0.0.0`.
public struct HostPort: Hashable, Sendable, CustomStringConvertible {
  public var port: Int32
  public var `protocol`: String
  public var hostIP: String

  public static let anyIP = "0.0.0.0"

  public init(port: Int32, protocol: String = "TCP", hostIP: String = HostPort.anyIP) {
    self.port = port
    self.protocol = `protocol`
    self.hostIP = hostIP
  }

  /// Two host ports conflict when port and protocol match and the IPs are equal or either is
  /// the wildcard `0.0.0.0`, as the scheduler's NodePorts plugin decides.
  public func conflicts(with other: HostPort) -> Bool {
    port == other.port && `protocol` == other.protocol
      && (hostIP == other.hostIP || hostIP == Self.anyIP || other.hostIP == Self.anyIP)
  }

  public var description: String { "\(hostIP):\(port)/\(`protocol`)" }
}

/// Resource names that pod-level `resources` may set (Kubernetes' `IsSupportedPodLevelResource`).
let podLevelResourceNames: Set<String> = [ResourceName.cpu, ResourceName.memory]

extension PodSpec {
  /// The requests the scheduler charges for the pod, as Kubernetes' `resource.PodRequests`
  /// computes them:
  ///
  /// - the sum of the regular containers' requests and the sidecar init containers'
  ///   (`restartPolicy: Always`) requests,
  /// - raised, resource by resource, to what any init container needs while it runs: its own
  ///   requests plus those of the sidecars started before it,
  /// - for `cpu` and `memory`, replaced by pod-level `resources.requests` when set,
  /// - plus `overhead`.
  ///
  /// A container with a limit and no request for a resource is charged its limit, as the API
  /// server's defaulting does. The implicit `pods: 1` is *not* included: callers add it.
  public var effectiveRequests: ResourceList {
    var requests: ResourceList = [:]
    for container in containers { requests = requests + container.effectiveRequests }

    var sidecars: ResourceList = [:]
    var initPeak: ResourceList = [:]
    for container in initContainers ?? [] {
      let own = container.effectiveRequests
      let whileRunning: ResourceList
      if container.isRestartable {
        requests = requests + own
        sidecars = sidecars + own
        whileRunning = sidecars
      } else {
        whileRunning = own + sidecars
      }
      initPeak = initPeak.maxMerged(with: whileRunning)
    }
    requests = requests.maxMerged(with: initPeak)

    for (name, quantity) in resources?.requests ?? [:] where podLevelResourceNames.contains(name) {
      requests[name] = quantity
    }
    return requests + (overhead ?? [:])
  }

  /// The host ports the pod binds: those of the regular containers and of the sidecar init
  /// containers. With `hostNetwork: true`, a port without `hostPort` binds its
  /// `containerPort`, as the API server's defaulting sets it.
  public var hostPorts: [HostPort] {
    let running = containers + (initContainers ?? []).filter(\.isRestartable)
    var out: [HostPort] = []
    for container in running {
      for port in container.ports ?? [] {
        var hostPort = port.hostPort ?? 0
        if hostPort == 0, hostNetwork == true { hostPort = port.containerPort }
        guard hostPort > 0 else { continue }
        let proto = port.protocol.flatMap { $0.isEmpty ? nil : $0 } ?? "TCP"
        let ip = port.hostIP.flatMap { $0.isEmpty ? nil : $0 } ?? HostPort.anyIP
        out.append(HostPort(port: hostPort, protocol: proto, hostIP: ip))
      }
    }
    return out
  }
}

extension Pod {
  /// See ``PodSpec/effectiveRequests``; empty for a pod without a spec. Does not include the
  /// implicit `pods: 1`: callers add it.
  public var effectiveRequests: ResourceList { spec?.effectiveRequests ?? [:] }

  /// See ``PodSpec/hostPorts``.
  public var hostPorts: [HostPort] { spec?.hostPorts ?? [] }

  /// The owner reference with `controller: true`, if any.
  public var controllerOwner: OwnerReference? {
    metadata.ownerReferences?.first { $0.controller == true }
  }

  /// True when a DaemonSet (`apps`) owns the pod.
  public var isDaemonSetPod: Bool {
    (metadata.ownerReferences ?? []).contains {
      $0.kind == "DaemonSet" && TypeMeta(apiVersion: $0.apiVersion).group == "apps"
    }
  }

  /// The claims the pod's volumes use: `persistentVolumeClaim.claimName`, and for generic
  /// ephemeral volumes the claim Kubernetes creates, `<pod name>-<volume name>`.
  public var persistentVolumeClaimNames: [String] {
    (spec?.volumes ?? []).compactMap { volume in
      if let claim = volume.persistentVolumeClaim { return claim.claimName }
      if volume.ephemeral != nil { return "\(metadata.name ?? "")-\(volume.name)" }
      return nil
    }
  }

  /// True once the pod has a node.
  public var isScheduled: Bool { !(spec?.nodeName ?? "").isEmpty }

  /// True when the pod has finished: phase `Succeeded` or `Failed`.
  public var isTerminal: Bool { status?.phase == "Succeeded" || status?.phase == "Failed" }

  /// True when the pod is being deleted.
  public var isTerminating: Bool { metadata.deletionTimestamp != nil }
}
