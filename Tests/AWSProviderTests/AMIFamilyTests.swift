import KarpenterAPI
import Scheduling
import Testing

@testable import AWSProvider

@Suite struct AMIFamilyTests {
  @Test func defaultBlockDevicesPerFamily() {
    let al2023 = AMIFamily.al2023.defaultBlockDeviceMappings
    #expect(
      al2023 == [
        BlockDeviceMapping(
          deviceName: "/dev/xvda", ebs: BlockDevice(volumeSize: "20Gi", volumeType: "gp3", encrypted: true))
      ])
    #expect(
      AMIFamily.bottlerocket.defaultBlockDeviceMappings.map(\.deviceName) == ["/dev/xvda", "/dev/xvdb"])
    #expect(AMIFamily.bottlerocket.defaultBlockDeviceMappings.map { $0.ebs?.volumeSize } == ["4Gi", "20Gi"])
    #expect(AMIFamily.windows2019.defaultBlockDeviceMappings.map { $0.ebs?.volumeSize } == ["50Gi"])
    #expect(AMIFamily.windows2019.defaultBlockDeviceMappings.first?.deviceName == "/dev/sda1")
    #expect(AMIFamily.custom.defaultBlockDeviceMappings.isEmpty)
  }

  @Test func familyFromSpec() {
    #expect(
      AMIFamily(
        nodeClass: EC2NodeClassSpec(amiSelectorTerms: [AMISelectorTerm(alias: "bottlerocket@latest")]))
        == .bottlerocket)
    #expect(
      AMIFamily(
        nodeClass: EC2NodeClassSpec(amiSelectorTerms: [AMISelectorTerm(id: "ami-1")], amiFamily: "AL2"))
        == .al2)
    #expect(
      AMIFamily(nodeClass: EC2NodeClassSpec(amiSelectorTerms: [AMISelectorTerm(id: "ami-1")])) == .custom)
    #expect(AMIAlias("al2023@v20240807") == AMIAlias(family: .al2023, version: "v20240807"))
    #expect(AMIAlias("custom@latest") == nil)
    #expect(AMIAlias("al2023") == nil)
  }

  @Test func al2023Parameters() {
    let latest = AMIFamily.al2023.ssmParameters(kubernetesVersion: "1.30", amiVersion: "latest").map(\.name)
    #expect(latest.count == 5)
    #expect(
      latest.first
        == "/aws/service/eks/optimized-ami/1.30/amazon-linux-2023/x86_64/standard/recommended/image_id")
    #expect(
      latest.contains(
        "/aws/service/eks/optimized-ami/1.30/amazon-linux-2023/arm64/nvidia/recommended/image_id"))
    let pinned = AMIFamily.al2023.ssmParameters(kubernetesVersion: "1.30", amiVersion: "v20240807")
    #expect(
      pinned.first?.name
        == "/aws/service/eks/optimized-ami/1.30/amazon-linux-2023/x86_64/standard/amazon-eks-node-al2023-x86_64-standard-1.30-v20240807/image_id"
    )
  }

  @Test func al2AndBottlerocketAndWindowsParameters() {
    let al2 = AMIFamily.al2.ssmParameters(kubernetesVersion: "1.29", amiVersion: "v20240807")
    #expect(
      al2.map(\.name) == [
        "/aws/service/eks/optimized-ami/1.29/amazon-linux-2/amazon-eks-node-1.29-v20240807/image_id",
        "/aws/service/eks/optimized-ami/1.29/amazon-linux-2-arm64/amazon-eks-arm64-node-1.29-v20240807/image_id",
        "/aws/service/eks/optimized-ami/1.29/amazon-linux-2-gpu/amazon-eks-gpu-node-1.29-v20240807/image_id",
      ])
    #expect(al2[2].variants == [.neuron, .nvidia])
    let br = AMIFamily.bottlerocket.ssmParameters(kubernetesVersion: "1.30", amiVersion: "v1.20.3")
    #expect(br.map(\.name).contains("/aws/service/bottlerocket/aws-k8s-1.30-nvidia/arm64/1.20.3/image_id"))
    #expect(br[0].name == "/aws/service/bottlerocket/aws-k8s-1.30/x86_64/1.20.3/image_id")
    let win = AMIFamily.windows2022.ssmParameters(kubernetesVersion: "1.30", amiVersion: "latest")
    #expect(
      win.map(\.name) == [
        "/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-EKS_Optimized-1.30/image_id"
      ])
    #expect(
      win[0].requirements(architecture: .amd64).first?[WellKnown.windowsBuildLabel]?.values == ["10.0.20348"])
  }

  @Test func variantRequirements() {
    let nvidia = AMIParameter(name: "p", variants: [.nvidia]).requirements(architecture: .arm64)
    #expect(nvidia.count == 1)
    #expect(nvidia[0][WellKnown.archLabel]?.values == ["arm64"])
    #expect(nvidia[0][AMIVariant.gpuCountLabel]?.operatorName == "Exists")
    let standard = AMIVariant.standard.requirements
    #expect(standard[AMIVariant.gpuCountLabel]?.operatorName == "DoesNotExist")
    #expect(standard[AMIVariant.acceleratorCountLabel]?.operatorName == "DoesNotExist")
  }
}
