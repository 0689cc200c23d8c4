import APIServer
import Foundation
import InstanceCatalogs
import KubernetesAPI

/// The kubelet stand-in, kwok-style: no containers run, but the API reads as if they did.
/// A node without a `Ready` condition registers (conditions, node info, addresses, and
/// capacity from its kwok instance type when it has none); a pod bound to a Ready node starts
/// running at once; a pod being deleted on a Ready node is finished; a pod annotated with
/// ``runSecondsAnnotation`` whose restart policy lets it end succeeds after that many seconds.
///
/// Startup taints are not the kubelet's business: whoever put them there removes them.
struct KubeletStandIn {
  /// Seconds after which a pod that may end (restart policy `Never` or `OnFailure`) succeeds.
  static let runSecondsAnnotation = "sandbox.karpenter.sh/run-seconds"
  static let kubeletVersion = "v1.31.0"

  /// The next node address and pod address, handed out in order so that runs repeat.
  private var nextNodeAddress: UInt32 = 0
  private var nextPodAddress: UInt32 = 0
  /// Running pods that will succeed, by key, with when.
  private(set) var completions: [String: Date] = [:]

  init() {}

  /// The earliest time a pod is due to succeed, so the caller knows when to come back.
  var nextCompletion: Date? { completions.values.min() }

  // MARK: - Nodes

  /// The registration of a node that reports no `Ready` condition yet, or nil.
  mutating func register(_ node: Node, now: Date) -> StandInWrite? {
    guard node.status?.condition("Ready") == nil, node.metadata.deletionTimestamp == nil else { return nil }
    let time = JSON.string(Timestamp.format(now))
    func condition(_ type: String, _ status: String, _ reason: String, _ message: String) -> JSON {
      [
        "type": .string(type), "status": .string(status), "reason": .string(reason),
        "message": .string(message),
        "lastHeartbeatTime": time, "lastTransitionTime": time,
      ]
    }
    var status: JSON = [
      "conditions": [
        condition(
          "MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      ],
      "nodeInfo": [
        "kubeletVersion": .string(Self.kubeletVersion), "kubeProxyVersion": .string(Self.kubeletVersion),
        "architecture": .string(node.labels["kubernetes.io/arch"] ?? "amd64"),
        "operatingSystem": .string(node.labels["kubernetes.io/os"] ?? "linux"),
        "containerRuntimeVersion": "containerd://1.7.0", "kernelVersion": "6.1.0", "osImage": "kwok",
        "machineID": "", "systemUUID": "", "bootID": "",
      ],
      "daemonEndpoints": ["kubeletEndpoint": ["Port": 10250]],
      "phase": "Running",
    ]
    if (node.status?.addresses ?? []).isEmpty {
      status["addresses"] = [
        ["type": "InternalIP", "address": .string(Self.address(base: 0x0A00_0000, offset: nextNodeAddress))],
        ["type": "Hostname", "address": .string(node.name)],
      ]
      nextNodeAddress += 1
    }
    if (node.status?.capacity ?? [:]).isEmpty, let type = node.labels["node.kubernetes.io/instance-type"],
      let shape = KwokInstanceTypes.all.first(where: { $0.name == type })
    {
      status["capacity"] = Self.resourceList(shape.capacity)
      status["allocatable"] = Self.resourceList(shape.allocatable)
    } else if (node.status?.allocatable ?? [:]).isEmpty, let capacity = node.status?.capacity {
      status["allocatable"] = .object(capacity.mapValues { .string($0.description) })
    }
    return .patchStatus(
      group: "", plural: "nodes", namespace: nil, name: node.name, patch: ["status": status])
  }

  /// A shape's resource map (millicores, bytes, counts) as a ResourceList's JSON.
  static func resourceList(_ values: [String: Int64]) -> JSON {
    var out: [String: JSON] = [:]
    for (name, value) in values {
      let q: Quantity =
        name == ResourceNames.cpu
        ? Quantity(milli: value)
        : (name == ResourceNames.memory || name == ResourceNames.ephemeralStorage)
          ? Quantity(value, format: .binarySI) : Quantity(value)
      out[name] = .string(q.description)
    }
    return .object(out)
  }

  /// `base + offset + 1` as a dotted IPv4 address (the `.0` address is skipped).
  static func address(base: UInt32, offset: UInt32) -> String {
    let a = base &+ offset &+ 1
    return "\(a >> 24).\((a >> 16) & 0xFF).\((a >> 8) & 0xFF).\(a & 0xFF)"
  }

  // MARK: - Pods

  /// What the kubelet of a Ready node does with one of its pods: start it, finish its
  /// deletion, or nothing.
  mutating func handle(key: String, pod: Pod, on node: Node, now: Date) -> StandInWrite? {
    guard node.isReady else { return nil }
    if pod.isTerminating {
      completions[key] = nil
      // Finished already, and held by finalizers that are not the kubelet's.
      if pod.metadata.deletionGracePeriodSeconds == 0 && !(pod.metadata.finalizers ?? []).isEmpty {
        return nil
      }
      return .deletePod(pod.namespace, pod.name, gracePeriodSeconds: 0)
    }
    if pod.isTerminal {
      completions[key] = nil
      return nil
    }
    if pod.status?.phase == "Running" {
      trackCompletion(key: key, pod: pod)
      return nil
    }
    let write = start(pod, on: node, now: now)
    if let seconds = runSeconds(pod) { completions[key] = now.addingTimeInterval(seconds) }
    return write
  }

  /// Remembers when a running pod (observed after a restart of the stand-ins) will succeed.
  private mutating func trackCompletion(key: String, pod: Pod) {
    guard completions[key] == nil, let seconds = runSeconds(pod),
      let started = pod.status?.startTime.flatMap(Timestamp.parse)
    else { return }
    completions[key] = started.addingTimeInterval(seconds)
  }

  /// The run time a pod asks for, when its restart policy lets it end.
  func runSeconds(_ pod: Pod) -> TimeInterval? {
    guard let text = pod.annotations[Self.runSecondsAnnotation], let seconds = Double(text), seconds >= 0,
      seconds.isFinite, let policy = pod.spec?.restartPolicy, policy == "Never" || policy == "OnFailure"
    else { return nil }
    return seconds
  }

  /// The pods due to succeed by `now`, in key order, forgetting them.
  mutating func dueCompletions(now: Date) -> [String] {
    let due = completions.filter { $0.value <= now }.keys.sorted()
    for key in due { completions[key] = nil }
    return due
  }

  /// The status of a pod whose containers all started: Running, every condition True.
  mutating func start(_ pod: Pod, on node: Node, now: Date) -> StandInWrite {
    let time = JSON.string(Timestamp.format(now))
    let hostIP = node.status?.addresses?.first { $0.type == "InternalIP" }?.address ?? "10.0.0.1"
    let podIP: String
    if pod.spec?.hostNetwork == true {
      podIP = hostIP
    } else {
      // 10.244.0.0/16, as kind and kwok clusters number pods.
      podIP = Self.address(base: 0x0AF4_0000, offset: nextPodAddress % 65_534)
      nextPodAddress += 1
    }
    let conditions: [JSON] = [
      "PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled",
    ].map {
      ["type": .string($0), "status": "True", "lastProbeTime": nil, "lastTransitionTime": time]
    }
    func containerStatus(_ c: Container, running isRunning: Bool) -> JSON {
      var status: JSON = [
        "name": .string(c.name), "image": .string(c.image ?? ""), "imageID": "",
        "containerID": .string("containerd://\(pod.namespace)-\(pod.name)-\(c.name)"), "restartCount": 0,
        "ready": .bool(isRunning), "started": .bool(isRunning),
      ]
      let running: JSON = ["running": ["startedAt": time]]
      let completed: JSON = [
        "terminated": ["exitCode": 0, "reason": "Completed", "startedAt": time, "finishedAt": time]
      ]
      status["state"] = isRunning ? running : completed
      return status
    }
    var status: JSON = [
      "phase": "Running", "conditions": .array(conditions), "hostIP": .string(hostIP),
      "hostIPs": [["ip": .string(hostIP)]], "podIP": .string(podIP), "podIPs": [["ip": .string(podIP)]],
      "startTime": time,
      "containerStatuses": .array((pod.spec?.containers ?? []).map { containerStatus($0, running: true) }),
    ]
    if let inits = pod.spec?.initContainers, !inits.isEmpty {
      status["initContainerStatuses"] = .array(inits.map { containerStatus($0, running: $0.isRestartable) })
    }
    return .patchPodStatus(pod.namespace, pod.name, status)
  }

  /// The status of a pod whose containers exited 0: Succeeded, no longer Ready.
  static func succeed(_ pod: Pod, now: Date) -> StandInWrite {
    let time = JSON.string(Timestamp.format(now))
    var conditions: [JSON] = []
    for c in pod.status?.conditions ?? [] {
      let notReady = c.type == "Ready" || c.type == "ContainersReady" || c.type == "PodReadyToStartContainers"
      var out: JSON = ["type": .string(c.type), "status": .string(notReady ? "False" : c.status)]
      out["lastTransitionTime"] = notReady ? time : c.lastTransitionTime.map(JSON.string) ?? time
      if notReady && c.type != "PodReadyToStartContainers" { out["reason"] = "PodCompleted" }
      conditions.append(out)
    }
    let started = pod.status?.startTime.map(JSON.string) ?? time
    let statuses: [JSON] = (pod.spec?.containers ?? []).map { c in
      [
        "name": .string(c.name), "image": .string(c.image ?? ""), "imageID": "",
        "containerID": .string("containerd://\(pod.namespace)-\(pod.name)-\(c.name)"), "restartCount": 0,
        "ready": false, "started": false,
        "state": [
          "terminated": ["exitCode": 0, "reason": "Completed", "startedAt": started, "finishedAt": time]
        ],
      ]
    }
    return .patchPodStatus(
      pod.namespace, pod.name,
      ["phase": "Succeeded", "conditions": .array(conditions), "containerStatuses": .array(statuses)])
  }
}
