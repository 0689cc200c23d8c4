import Controllers

extension Effect {
  /// The Kubernetes Event Karpenter posts about a node it disrupts, with the decision.
  public static func disruptionTerminating(_ node: String, reason: String, message: String, at time: Double) -> Effect {
    .post(
      KubernetesEventRecord(
        time: time, type: "Normal", reason: "DisruptionTerminating", involvedObject: .init(kind: "Node", name: node),
        message: "Disrupting Node: \(reason): \(message)"))
  }

  /// The Kubernetes Event Karpenter posts once a pod's eviction succeeded.
  public static func evictedEvent(_ pod: String, reason: String, at time: Double) -> Effect {
    let parts = pod.split(separator: "/", maxSplits: 1).map(String.init)
    return .post(
      KubernetesEventRecord(
        time: time, type: "Normal", reason: "Evicted",
        involvedObject: .init(kind: "Pod", name: parts[1], namespace: parts[0]), message: "Evicted pod: \(reason)"))
  }

  /// The log line and Kubernetes Event of a failed launch.
  public static func launchFailedLog(_ node: String, error: String, at time: Double) -> Effect {
    .log(
      LogRecord(
        time: time, level: "ERROR", controller: "nodeclaim.lifecycle", message: "failed launching nodeclaim",
        fields: ["NodeClaim": node, "error": error]))
  }
}
