import AWSClient
import AWSTestSupport
import Foundation
import Testing

/// EC2 calls against moto with signature checking on.
@Suite struct MotoEC2Tests {
  @Test func rightSecretIsAcceptedAndWrongOneFailsWithAuthFailure() async throws {
    let (moto, aws) = try await SharedMoto.clients()
    #expect(try await aws.sts.getCallerIdentity().account == "123456789012")
    let (_, wrong) = try await SharedMoto.clients(secret: "not-the-secret")
    let error = try await #require(throws: AWSError.self) { try await wrong.ec2.describeAvailabilityZones() }
    #expect(error.code == "AuthFailure")
    #expect(error.statusCode == 401)
    #expect(error.description.hasPrefix("EC2 DescribeAvailabilityZones failed: AuthFailure: "))
    #expect(!error.description.contains("not-the-secret"))
    #expect(!error.description.contains(moto.secretAccessKey))
    let stsError = try await #require(throws: AWSError.self) { try await wrong.sts.getCallerIdentity() }
    #expect(stsError.code == "SignatureDoesNotMatch")
  }

  @Test func describesZonesSubnetsImagesAndInstanceTypes() async throws {
    let (_, aws) = try await SharedMoto.clients()
    let zones = try await aws.ec2.describeAvailabilityZones()
    #expect(zones.contains { $0.zoneName == "us-east-1a" })
    let subnets = try await aws.ec2.describeSubnets(filters: [
      EC2Filter(name: "default-for-az", values: ["true"])
    ])
    #expect(Set(subnets.map(\.availabilityZone)).isSuperset(of: ["us-east-1a", "us-east-1b"]))
    let groups = try await aws.ec2.describeSecurityGroups(filters: [
      EC2Filter(name: "group-name", values: ["default"])
    ])
    #expect(!groups.isEmpty)
    let types = try await aws.ec2.describeInstanceTypes(["m5.large", "g4dn.xlarge"])
    let m5 = try #require(types.first { $0.instanceType == "m5.large" })
    #expect(m5.vCPUs == 2)
    #expect(m5.memoryMiB == 8192)
    #expect(m5.architectures == ["x86_64"])
    #expect(m5.hypervisor == "nitro")
    #expect(m5.maximumNetworkInterfaces == 3)
    #expect(m5.ipv4AddressesPerInterface == 10)
    #expect(m5.supportedUsageClasses.contains("spot"))
    #expect(m5.networkCards.first?.baselineBandwidthGbps == 0.75)
    #expect(m5.defaultCardMaximumNetworkInterfaces == 3)
    #expect(m5.baselineBandwidthMbps == 750)
    #expect(m5.kubernetesArchitectures == ["amd64"])
    let g4 = try #require(types.first { $0.instanceType == "g4dn.xlarge" })
    #expect(g4.gpus.first?.name == "T4")
    #expect(g4.gpus.first?.manufacturer == "NVIDIA")
    #expect(g4.gpus.first?.count == 1)
    #expect(g4.gpus.first?.memoryMiB == 16384)
    #expect(g4.instanceStorageTotalGB > 0)
    let offerings = try await aws.ec2.describeInstanceTypeOfferings(
      filters: [EC2Filter(name: "instance-type", values: ["m5.large"])])
    #expect(offerings.contains { $0.location == "us-east-1a" && $0.instanceType == "m5.large" })
  }

  @Test func securityGroupPagesAndTags() async throws {
    let (_, aws) = try await SharedMoto.clients()
    let tag = uniqueName("sg")
    for i in 0..<3 {
      _ = try await aws.ec2.createSecurityGroup(
        name: "\(tag)-\(i)", description: "test", tags: [AWSTag(key: "suite", value: tag)])
    }
    let mine = try await aws.ec2.describeSecurityGroups(filters: [EC2Filter(name: "tag:suite", values: [tag])]
    )
    #expect(mine.count == 3)
    #expect(mine.allSatisfy { $0.tags.contains(AWSTag(key: "suite", value: tag)) })
  }

  @Test func launchTemplateFleetDescribeTerminateRoundTripWithPagination() async throws {
    let (_, aws) = try await SharedMoto.clients()
    let image = try #require(
      try await aws.ec2.describeImages(
        owners: ["amazon"], filters: [EC2Filter(name: "architecture", values: ["x86_64"])]
      ).first)
    let subnets = try await aws.ec2.describeSubnets(filters: [
      EC2Filter(name: "default-for-az", values: ["true"])
    ])
    let subnet = try #require(subnets.first { $0.availabilityZone == "us-east-1a" })
    let name = uniqueName("karpenter-lt")
    let template = try await aws.ec2.createLaunchTemplate(
      name: name,
      data: EC2LaunchTemplateData(
        imageID: image.imageID, userData: Data("#!/bin/bash\necho hi\n".utf8).base64EncodedString(),
        blockDeviceMappings: [
          .init(deviceName: "/dev/xvda", volumeSizeGiB: 20, volumeType: "gp3", encrypted: true)
        ],
        metadataOptions: .init(httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1),
        iamInstanceProfileName: "KarpenterNodeInstanceProfile", monitoringEnabled: false,
        networkInterfaces: [.init(deviceIndex: 0, associatePublicIPAddress: false)],
        tagSpecifications: [
          EC2TagSpecification(resourceType: "instance", tags: [AWSTag(key: "lt", value: name)])
        ]),
      tags: [AWSTag(key: "karpenter.k8s.aws/cluster", value: "test")])
    #expect(template.launchTemplateName == name)
    #expect(
      try await aws.ec2.describeLaunchTemplates(names: [name]).map(\.launchTemplateID) == [
        template.launchTemplateID
      ])

    var launched: [String] = []
    for _ in 0..<6 {
      let result = try await aws.ec2.createFleet(
        EC2CreateFleetRequest(
          launchTemplateConfigs: [
            .init(
              launchTemplateName: name,
              overrides: [
                .init(
                  instanceType: "m5.large", subnetID: subnet.subnetID, availabilityZone: "us-east-1a",
                  priority: 1)
              ])
          ],
          defaultTargetCapacityType: "on-demand", onDemandAllocationStrategy: "lowest-price",
          tagSpecifications: [
            EC2TagSpecification(resourceType: "instance", tags: [AWSTag(key: "fleet-test", value: name)])
          ]))
      #expect(result.errors.isEmpty)
      #expect(result.instances.first?.instanceType == "m5.large")
      launched += result.instanceIDs
    }
    #expect(launched.count == 6)
    let filter = [EC2Filter(name: "tag:fleet-test", values: [name])]
    let firstPage = try await aws.ec2.describeInstancesPage(filters: filter, maxResults: 5)
    #expect(firstPage.items.count == 5)
    #expect(firstPage.nextToken != nil)
    let all = try await aws.ec2.describeInstances(filters: filter)
    #expect(Set(all.map(\.instanceID)) == Set(launched))
    let instance = try #require(all.first)
    #expect(instance.instanceType == "m5.large")
    #expect(instance.availabilityZone == "us-east-1a")
    #expect(instance.subnetID == subnet.subnetID)
    #expect(instance.imageID == image.imageID)
    #expect(instance.privateIPAddress != nil)
    #expect(instance.state == "running" || instance.state == "pending")

    try await aws.ec2.createTags(
      resourceIDs: [instance.instanceID], tags: [AWSTag(key: "karpenter.sh/nodeclaim", value: "n1")])
    let tagged = try await aws.ec2.describeInstances(ids: [instance.instanceID])
    #expect(tagged.first?.tags.contains(AWSTag(key: "karpenter.sh/nodeclaim", value: "n1")) == true)

    let changes = try await aws.ec2.terminateInstances(ids: launched)
    #expect(changes.count == 6)
    #expect(changes.allSatisfy { $0.currentState == "shutting-down" || $0.currentState == "terminated" })
    try await aws.ec2.deleteLaunchTemplate(name: name)
    #expect(
      try await aws.ec2.describeLaunchTemplates(filters: [
        EC2Filter(name: "launch-template-name", values: [name])
      ]).isEmpty)
  }

  @Test func fleetCapacityErrorsFromTheLauncher() async throws {
    let (moto, aws) = try await SharedMoto.clients()
    let image = try #require(try await aws.ec2.describeImages(owners: ["amazon"]).first)
    let subnets = try await aws.ec2.describeSubnets(filters: [
      EC2Filter(name: "default-for-az", values: ["true"])
    ])
    let subnetA = try #require(subnets.first { $0.availabilityZone == "us-east-1a" })
    let name = uniqueName("ice-lt")
    _ = try await aws.ec2.createLaunchTemplate(
      name: name, data: EC2LaunchTemplateData(imageID: image.imageID))
    // A type no other test launches, so the rule cannot disturb them.
    try await moto.addCapacityError(instanceType: "c6i.32xlarge", availabilityZone: "us-east-1a")
    let request = { (types: [String]) in
      EC2CreateFleetRequest(
        launchTemplateConfigs: [
          .init(
            launchTemplateName: name,
            overrides: types.map { .init(instanceType: $0, subnetID: subnetA.subnetID) })
        ],
        defaultTargetCapacityType: "on-demand")
    }
    let partial = try await aws.ec2.createFleet(request(["c6i.32xlarge", "c6i.24xlarge"]))
    #expect(partial.errors.map(\.errorCode) == ["InsufficientInstanceCapacity"])
    #expect(partial.errors.first?.overrides?.instanceType == "c6i.32xlarge")
    #expect(partial.errors.first?.overrides?.subnetID == subnetA.subnetID)
    #expect(partial.instances.first?.instanceType == "c6i.24xlarge")
    let none = try await aws.ec2.createFleet(request(["c6i.32xlarge"]))
    #expect(none.instanceIDs.isEmpty)
    #expect(none.errors.count == 1)
    try await aws.ec2.terminateInstances(ids: partial.instanceIDs)
  }
}
