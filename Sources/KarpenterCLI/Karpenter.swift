import ArgumentParser

/// The `karpenter` command: a Karpenter-compatible node autoscaler.
public struct Karpenter: AsyncParsableCommand {
  public static let version = "0.1.0"

  public static let configuration = CommandConfiguration(
    commandName: "karpenter",
    abstract: "A Kubernetes node autoscaler that reads Karpenter's NodePools and EC2NodeClasses.",
    discussion: """
      Start with `karpenter validate` on the YAML you run with upstream Karpenter today: \
      NodePools, EC2NodeClasses, and the legacy Provisioners and AWSNodeTemplates. Every \
      problem is reported with its file, document and field path. `karpenter convert` \
      turns the legacy kinds into karpenter.sh/v1 and karpenter.k8s.aws/v1 YAML.
      """,
    version: version,
    subcommands: [Simulate.self, Controller.self, Validate.self, Convert.self, SandboxCommand.self, VersionCommand.self]
  )

  public init() {}
}
