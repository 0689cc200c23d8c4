import AWSClient
import AWSProvider
import AWSTestSupport
import AsyncHTTPClient
import Foundation
import Testing

/// The sandbox playing the kubelets of EC2 instances (`karpenter sandbox --cloud aws`) and
/// `karpenter controller --cloud-provider aws`, both against a real moto_server with signature
/// checking on (moto lacks the EKS AMI SSM parameters and Pricing; the launcher adds the former,
/// and the provider falls back to its embedded prices for the latter).
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: kubectlPath), "kubectl is not installed"))
struct AWSEndToEndTests {
  // Not the AWSCloudProviderTests' version: moto (and its SSM table) is shared by the test process.
  static let kubernetesVersion = "1.30"

  /// Tags moto's default subnets and security group for the cluster, and makes the node role,
  /// the EKS cluster, the interruption queue and the AL2023 AMI parameters.
  static func prepare(_ moto: MotoServer, cluster: String) async throws -> (queueURL: String, env: [String: String]) {
    let aws = try AWSClients(environment: moto.environment, httpClient: .shared, home: "/nonexistent")
    let subnets = try await aws.ec2.describeSubnets(filters: [EC2Filter(name: "default-for-az", values: ["true"])])
    let groups = try await aws.ec2.describeSecurityGroups(filters: [EC2Filter(name: "group-name", values: ["default"])])
    let discovery = [AWSTag(key: "karpenter.sh/discovery", value: cluster)]
    try await aws.ec2.createTags(resourceIDs: subnets.map(\.subnetID) + groups.map(\.groupID), tags: discovery)
    let role = try await aws.iam.createRole(
      name: "KarpenterNodeRole-\(cluster)",
      assumeRolePolicyDocument: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#)
    _ = try await aws.eks.createCluster(
      name: cluster, roleARN: role.arn, subnetIDs: subnets.map(\.subnetID), version: kubernetesVersion)
    let queueURL = try await aws.sqs.createQueue(name: "\(cluster)-interruption")
    let images = try await aws.ec2.describeImages(owners: ["amazon"])
    let amd64 = try #require(images.first { $0.architecture == "x86_64" })
    let arm64 = images.first { $0.architecture == "arm64" } ?? amd64
    var parameters: [String: String] = [:]
    for p in AMIFamily.al2023.ssmParameters(kubernetesVersion: kubernetesVersion, amiVersion: "latest") {
      parameters[p.name] = p.name.contains("/arm64/") ? arm64.imageID : amd64.imageID
    }
    try await moto.setSSMParameters(parameters)
    let env = moto.environment.merging(["CLUSTER_NAME": cluster]) { $1 }
    return (queueURL, env)
  }

  static func manifests(cluster: String, replicas: Int) -> String {
    """
    apiVersion: karpenter.k8s.aws/v1
    kind: EC2NodeClass
    metadata:
      name: default
    spec:
      role: KarpenterNodeRole-\(cluster)
      amiSelectorTerms:
        - alias: al2023@latest
      subnetSelectorTerms:
        - tags:
            karpenter.sh/discovery: \(cluster)
      securityGroupSelectorTerms:
        - tags:
            karpenter.sh/discovery: \(cluster)
    ---
    apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata:
      name: default
    spec:
      template:
        spec:
          nodeClassRef:
            group: karpenter.k8s.aws
            kind: EC2NodeClass
            name: default
          requirements:
            - key: kubernetes.io/arch
              operator: In
              values: ["amd64"]
            - key: karpenter.sh/capacity-type
              operator: In
              values: ["on-demand"]
            - key: karpenter.k8s.aws/instance-category
              operator: In
              values: ["m", "c"]
      disruption:
        consolidationPolicy: WhenEmptyOrUnderutilized
        consolidateAfter: 0s
    ---
    """ + "\n" + webDeployment(replicas: replicas)
  }

  /// The cluster's instances in moto that are not terminated.
  static func liveInstances(_ aws: AWSClients, cluster: String) async throws -> [EC2Instance] {
    try await aws.ec2.describeInstances(filters: [
      EC2Filter(name: "tag-key", values: ["kubernetes.io/cluster/\(cluster)"]),
      EC2Filter(name: "instance-state-name", values: ["pending", "running", "stopping", "stopped"]),
    ])
  }

  /// A pending Deployment leads to CreateFleet, an instance in moto, a registered Node with the
  /// instance's provider id, and running pods; an interruption message gets the node replaced and
  /// the message deleted; scaled to zero, every instance is terminated and nothing is left.
  @Test func pendingPodsLaunchInstancesAnInterruptionReplacesOneAndScaleToZeroTerminatesAll() async throws {
    let moto = try await MotoServer.shared()
    let name = "e2e-\(UUID().uuidString.prefix(6).lowercased())"
    let (queueURL, env) = try await Self.prepare(moto, cluster: name)
    let aws = try AWSClients(environment: moto.environment, httpClient: .shared, home: "/nonexistent")
    let cluster = try await SandboxCluster(arguments: ["--cloud", "aws", "--node-startup-delay", "1s"], environment: env)
    let controller = try cluster.startController(
      env.merging(["INTERRUPTION_QUEUE": "\(name)-interruption", "DISABLE_LEADER_ELECTION": "true"]) { $1 },
      cloudProvider: "aws")
    _ = try await cluster.kubectl(["apply", "-f", "-"], stdin: Self.manifests(cluster: name, replicas: 3))

    let running = try await eventually(timeout: 120) { try await cluster.runningPods(label: "web") == 3 }
    let pods = (try? await cluster.kubectl(["get", "pods,nodes,nodeclaims", "-o", "wide"])) ?? ""
    #expect(running, "\(pods)\ncontroller: \(controller.stdout.suffix(4000))\n\(controller.stderr.suffix(2000))\nsandbox: \(cluster.sandbox.stderr.suffix(2000))")
    let instances = try await Self.liveInstances(aws, cluster: name)
    #expect(!instances.isEmpty)
    let nodes = try await cluster.items("nodes")
    let providerIDs = Set(nodes.compactMap { ($0["spec"] as? [String: Any])?["providerID"] as? String })
    #expect(providerIDs == Set(instances.map { "aws:///\($0.availabilityZone)/\($0.instanceID)" }))
    for instance in instances {
      let tags = Dictionary(instance.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
      #expect(tags["karpenter.sh/nodepool"] == "default")
      #expect(tags["karpenter.k8s.aws/ec2nodeclass"] == "default")
      #expect(tags["eks:eks-cluster-name"] == name)
      #expect(tags["kubernetes.io/cluster/\(name)"] == "owned")
      #expect(tags["karpenter.sh/nodeclaim"] != nil)
    }
    // The EC2NodeClass's status was written and says Ready.
    let nodeClass = try await cluster.kubectl(["get", "ec2nodeclass", "default", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}"])
    #expect(nodeClass == "True")

    // An instance stopping (EventBridge state change) gets its node replaced, and the message goes.
    let victim = try #require(instances.first)
    let message = """
      {"version":"0","id":"\(UUID().uuidString)","detail-type":"EC2 Instance State-change Notification","source":"aws.ec2","account":"123456789012","time":"2026-11-30T00:00:00Z","region":"\(aws.region)","resources":["arn:aws:ec2:\(aws.region):123456789012:instance/\(victim.instanceID)"],"detail":{"instance-id":"\(victim.instanceID)","state":"stopping"}}
      """
    _ = try await aws.sqs.sendMessage(queueURL: queueURL, body: message)
    let replaced = try await eventually(timeout: 120) {
      let live = try await Self.liveInstances(aws, cluster: name).map(\.instanceID)
      let pods = try await cluster.runningPods(label: "web")
      return !live.contains(victim.instanceID) && !live.isEmpty && pods == 3
    }
    #expect(replaced, "controller: \(controller.stdout.suffix(4000))")
    let left = try await aws.sqs.receiveMessage(queueURL: queueURL, maxNumberOfMessages: 10, waitTimeSeconds: 0)
    #expect(left.isEmpty, "the interruption message was not deleted")

    // Scaled to zero, every instance is terminated and every Node and NodeClaim goes.
    _ = try await cluster.kubectl(["scale", "deployment/web", "--replicas=0"])
    let drained = try await eventually(timeout: 150) {
      let instances = try await Self.liveInstances(aws, cluster: name)
      let claims = try await cluster.names("nodeclaims")
      let nodes = try await cluster.names("nodes")
      return instances.isEmpty && claims.isEmpty && nodes.isEmpty
    }
    let after = (try? await cluster.kubectl(["get", "nodeclaims,nodes"])) ?? ""
    #expect(drained, "left: \(after)\n\(controller.stdout.suffix(4000))")
    // No NodeClaim was launched twice.
    let launched = cluster.launchedNodeClaims()
    #expect(Set(launched).count == launched.count, "launched twice: \(launched)")
    controller.terminate()
    #expect(await controller.wait(timeout: 30) == 0)
  }
}
