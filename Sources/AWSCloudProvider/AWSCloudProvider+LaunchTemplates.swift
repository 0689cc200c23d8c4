import AWSClient
import AWSProvider
import Foundation
import KarpenterAPI
import KubernetesAPI

/// Launch templates: created when a launch needs one EC2 lacks, shared by every NodeClaim of the
/// class (their names are their content's hash), deleted once unused.
extension AWSCloudProvider {
  /// Creates the launch template unless EC2 has it already (its name is its content's hash).
  func ensureLaunchTemplate(_ spec: LaunchTemplateSpec) async throws {
    if state.with({ $0.launchTemplates[spec.name] != nil }) {
      state.with { $0.launchTemplates[spec.name] = Date() }
      return
    }
    let existing = try await aws.ec2.describeLaunchTemplates(
      filters: [EC2Filter(name: "launch-template-name", values: [spec.name])])
    if existing.isEmpty {
      do {
        _ = try await aws.ec2.createLaunchTemplate(
          name: spec.name, data: Self.launchTemplateData(spec),
          tags: spec.tags.sorted { $0.key < $1.key }.map { AWSTag(key: $0.key, value: $0.value) })
        logger.info("created launch template", metadata: ["launch-template": "\(spec.name)"])
      } catch let error as AWSError where error.code == "InvalidLaunchTemplateName.AlreadyExistsException" {
        // Another launch made it first.
      }
    }
    state.with { $0.launchTemplates[spec.name] = Date() }
  }

  /// Deletes this cluster's launch templates that no launch used for `unusedFor` seconds (since
  /// this provider started, for those it never used): upstream's templates age out of its cache
  /// and are deleted the same way. A later launch that needs one creates it again.
  func collectLaunchTemplates(unusedFor: TimeInterval = 3600, now: Date) async {
    let templates: [EC2LaunchTemplate]
    do {
      templates = try await aws.ec2.describeLaunchTemplates(
        filters: [EC2Filter(name: "tag-key", values: [AWSTags.cluster(settings.clusterName)])])
    } catch {
      logger.error("describing launch templates failed", metadata: ["error": "\(error)"])
      return
    }
    let (used, started) = state.with { ($0.launchTemplates, $0.startedAt) }
    for template in templates where template.launchTemplateName.hasPrefix(LaunchTemplateSpec.namePrefix) {
      let lastUse = used[template.launchTemplateName] ?? started
      guard now.timeIntervalSince(lastUse) >= unusedFor else { continue }
      do {
        try await aws.ec2.deleteLaunchTemplate(name: template.launchTemplateName)
        state.with { $0.launchTemplates[template.launchTemplateName] = nil }
        logger.info("deleted launch template", metadata: ["launch-template": "\(template.launchTemplateName)"])
      } catch {
        logger.error("deleting launch template failed", metadata: ["launch-template": "\(template.launchTemplateName)", "error": "\(error)"])
      }
    }
  }

  static func launchTemplateData(_ spec: LaunchTemplateSpec) -> EC2LaunchTemplateData {
    let devices = spec.blockDeviceMappings.map { m in
      EC2LaunchTemplateData.BlockDeviceMapping(
        deviceName: m.deviceName ?? "/dev/xvda", volumeSizeGiB: m.ebs?.volumeSize.flatMap(gibibytes),
        volumeType: m.ebs?.volumeType, iops: m.ebs?.iops.map { Int($0) }, throughput: m.ebs?.throughput.map { Int($0) },
        encrypted: m.ebs?.encrypted, kmsKeyID: m.ebs?.kmsKeyID, snapshotID: m.ebs?.snapshotID,
        deleteOnTermination: m.ebs?.deleteOnTermination ?? true)
    }
    let metadata = EC2LaunchTemplateData.MetadataOptions(
      httpEndpoint: spec.metadataOptions.httpEndpoint, httpTokens: spec.metadataOptions.httpTokens,
      httpPutResponseHopLimit: spec.metadataOptions.httpPutResponseHopLimit.map { Int($0) },
      httpProtocolIPv6: spec.metadataOptions.httpProtocolIPv6)
    let tags = spec.tags.sorted { $0.key < $1.key }.map { AWSTag(key: $0.key, value: $0.value) }
    var data = EC2LaunchTemplateData(
      imageID: spec.imageID, userData: spec.userData, blockDeviceMappings: devices, metadataOptions: metadata,
      iamInstanceProfileName: spec.instanceProfile, monitoringEnabled: spec.detailedMonitoring,
      tagSpecifications: [
        EC2TagSpecification(resourceType: "instance", tags: tags),
        EC2TagSpecification(resourceType: "volume", tags: tags),
      ])
    if let publicIP = spec.associatePublicIPAddress {
      data.networkInterfaces = [
        EC2LaunchTemplateData.NetworkInterface(
          deviceIndex: 0, associatePublicIPAddress: publicIP, securityGroupIDs: spec.securityGroupIDs)
      ]
    } else {
      data.securityGroupIDs = spec.securityGroupIDs
    }
    return data
  }

  /// `100Gi` → 100 (GiB, rounded up); nil when it is not a size.
  static func gibibytes(_ text: String) -> Int? {
    guard let q = try? Quantity(parsing: text) else { return nil }
    let bytes = Double(q.nanos) / 1e9
    return Int((bytes / 1_073_741_824).rounded(.up))
  }
}
