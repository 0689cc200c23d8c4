import Controllers

/// What Karpenter reports of a launch, as tests expect it in whole effect lists.
extension Effect {
  /// A NodeClaim created: the NodeClaimCreated event and the provisioner's log line.
  public static func nodeClaimCreated(_ name: String, reason: String, at time: Double) -> [Effect] {
    [
      .record(SimulationEvent(time: time, type: .nodeClaimCreated, node: name, reason: reason)),
      .log(
        LogRecord(
          time: time, level: "INFO", controller: "provisioner", message: "created nodeclaim",
          fields: ["NodeClaim": name, "reason": reason])),
    ]
  }

  /// The NodeClaim lifecycle's line for a NodeClaim the cloud provider launched.
  public static func launchedNodeClaim(_ instance: LaunchedInstance, at time: Double) -> Effect {
    .log(
      LogRecord(
        time: time, level: "INFO", controller: "nodeclaim.lifecycle", message: "launched nodeclaim",
        fields: [
          "NodeClaim": instance.name, "instance-type": instance.instanceType, "zone": instance.zone,
          "capacity-type": instance.capacityType, "price": formatPrice(instance.price),
        ]))
  }

  /// A launch that failed: the LaunchFailed event, its log line and its Kubernetes Event.
  public static func launchFailed(_ name: String, reason: String, at time: Double) -> [Effect] {
    [
      .record(SimulationEvent(time: time, type: .launchFailed, node: name, reason: reason)),
      .launchFailedLog(name, error: reason, at: time),
      .post(
        KubernetesEventRecord(
          time: time, type: "Warning", reason: "LaunchFailed",
          involvedObject: .init(kind: "NodeClaim", name: name),
          message: reason)),
    ]
  }
}
