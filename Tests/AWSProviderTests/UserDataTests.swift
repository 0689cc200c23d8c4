import Foundation
import KarpenterAPI
import KubernetesAPI
import Testing

@testable import AWSProvider

@Suite struct UserDataTests {
  static let bootstrap = NodeBootstrap(
    clusterName: "test-cluster", clusterEndpoint: "https://test-cluster", caBundle: "Y2EtYnVuZGxlCg==",
    clusterDNSIP: "10.0.100.10", clusterCIDR: "10.100.0.0/16",
    labels: ["karpenter.sh/capacity-type": "on-demand", "testing/cluster": "unspecified"],
    taints: [Taint(key: "karpenter.sh/unregistered", effect: "NoExecute")], maxPods: 110)

  func decoded(_ family: AMIFamily, _ b: NodeBootstrap) throws -> String {
    let base64 = try family.userData(b)
    return String(decoding: try #require(Data(base64Encoded: base64)), as: UTF8.self)
  }

  @Test func al2MergesTheUsersScriptBeforeBootstrapSh() throws {
    var b = Self.bootstrap
    b.userData = "#!/bin/bash\necho \"Running custom user data script\"\n"
    let expected = """
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary="//"

      --//
      Content-Type: text/x-shellscript; charset="us-ascii"

      #!/bin/bash
      echo "Running custom user data script"

      --//
      Content-Type: text/x-shellscript; charset="us-ascii"

      #!/bin/bash -xe
      exec > >(tee /var/log/user-data.log|logger -t user-data -s 2>/dev/console) 2>&1
      /etc/eks/bootstrap.sh 'test-cluster' --apiserver-endpoint 'https://test-cluster' --b64-cluster-ca 'Y2EtYnVuZGxlCg==' \\
      --dns-cluster-ip '10.0.100.10' \\
      --use-max-pods false \\
      --kubelet-extra-args '--node-labels="karpenter.sh/capacity-type=on-demand,testing/cluster=unspecified" --register-with-taints="karpenter.sh/unregistered:NoExecute" --max-pods=110'
      --//--

      """
    #expect(try decoded(.al2, b) == expected)
  }

  @Test func al2KeepsTheUsersMIMEParts() throws {
    var b = Self.bootstrap
    b.userData = """
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary="BOUNDARY"

      --BOUNDARY
      Content-Type: text/x-shellscript; charset="us-ascii"

      echo one
      --BOUNDARY
      Content-Type: text/cloud-config

      runcmd: []
      --BOUNDARY--
      """
    let archive = try MIMEArchive(parsing: try decoded(.al2, b))
    #expect(archive.parts.map(\.content).prefix(2) == ["echo one", "runcmd: []"])
    #expect(
      archive.parts.map(\.contentType) == [
        MIMEArchive.shellScript, "text/cloud-config", MIMEArchive.shellScript,
      ])
  }

  @Test func al2KubeletFlags() throws {
    var b = Self.bootstrap
    b.kubelet = KubeletConfiguration(
      maxPods: 20, systemReserved: ["memory": "1Gi", "cpu": "100m"], evictionHard: ["memory.available": "5%"])
    b.kubelet?.clusterDNS = ["fd00::a"]
    let script = EKSBootstrap.bootstrapScript(b)
    #expect(script.contains(" \\\n--ip-family ipv6 \\\n--dns-cluster-ip 'fd00::a'"))
    #expect(
      script.hasSuffix(
        "--register-with-taints=\"karpenter.sh/unregistered:NoExecute\" --max-pods=20 --system-reserved=\"cpu=100m,memory=1Gi\" --eviction-hard=\"memory.available<5%\"'"
      ))
  }

  @Test func al2023WritesANodeConfig() throws {
    let expected = """
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary="//"

      --//
      Content-Type: application/node.eks.aws

      # Karpenter Generated NodeConfig
      apiVersion: node.eks.aws/v1alpha1
      kind: NodeConfig
      metadata: {}
      spec:
        cluster:
          apiServerEndpoint: https://test-cluster
          certificateAuthority: Y2EtYnVuZGxlCg==
          cidr: 10.100.0.0/16
          name: test-cluster
        containerd: {}
        instance:
          localStorage: {}
        kubelet:
          config:
            clusterDNS:
            - 10.0.100.10
            maxPods: 110
            registerWithTaints:
            - effect: NoExecute
              key: karpenter.sh/unregistered
          flags:
          - --node-labels="karpenter.sh/capacity-type=on-demand,testing/cluster=unspecified"

      --//--

      """
    #expect(try decoded(.al2023, Self.bootstrap) == expected)
  }

  @Test func al2023PutsTheUsersPartsFirst() throws {
    var b = Self.bootstrap
    b.userData = "#!/bin/bash\necho hi"
    var archive = try MIMEArchive(parsing: try decoded(.al2023, b))
    #expect(archive.parts.map(\.contentType) == [MIMEArchive.shellScript, MIMEArchive.nodeConfig])
    #expect(archive.parts.first?.content == "#!/bin/bash\necho hi")
    b.userData = "apiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\n"
    archive = try MIMEArchive(parsing: try decoded(.al2023, b))
    #expect(archive.parts.map(\.contentType) == [MIMEArchive.nodeConfig, MIMEArchive.nodeConfig])
  }

  @Test func al2023NeedsTheClusterCIDR() {
    var b = Self.bootstrap
    b.clusterCIDR = nil
    #expect(throws: UserDataError.self) { try AMIFamily.al2023.userData(b) }
  }

  @Test func bottlerocketMergesOverTheUsersTOML() throws {
    var b = Self.bootstrap
    b.userData = """
      [settings.kubernetes]
      cluster-name = 'user-cluster'
      max-pods = 50

      [settings.kubernetes.node-labels]
      custom-node-label = 'custom'

      [settings.ntp]
      time-servers = [
        '169.254.169.123',
      ]
      """
    let expected = """
      [settings.kubernetes]
      cluster-name = 'test-cluster'
      max-pods = 110
      api-server = 'https://test-cluster'
      cluster-certificate = 'Y2EtYnVuZGxlCg=='
      cluster-dns-ip = '10.0.100.10'

      [settings.kubernetes.node-labels]
      custom-node-label = 'custom'
      'karpenter.sh/capacity-type' = 'on-demand'
      'testing/cluster' = 'unspecified'

      [settings.kubernetes.node-taints]
      'karpenter.sh/unregistered' = [':NoExecute']

      [settings.ntp]
      time-servers = [ '169.254.169.123', ]

      """
    #expect(try decoded(.bottlerocket, b) == expected)
  }

  @Test func bottlerocketKeepsArraysOfTables() throws {
    var doc = try TOMLDocument(parsing: "[[a.b]]\nx = 1\n[[a.b]]\nx = 2\n")
    doc.set("settings.kubernetes", "cluster-name", "'c'")
    #expect(doc.serialized == "[[a.b]]\nx = 1\n\n[[a.b]]\nx = 2\n\n[settings.kubernetes]\ncluster-name = 'c'\n")
  }

  @Test func bottlerocketRejectsWhatIsNotTOML() {
    var b = Self.bootstrap
    b.userData = "#!/bin/bash\necho hi"
    #expect(throws: UserDataError.self) { try AMIFamily.bottlerocket.userData(b) }
  }

  @Test func windowsRunsTheUsersPowerShellFirst() throws {
    var b = Self.bootstrap
    b.userData = "Write-Host \"custom\""
    let expected = """
      <powershell>
      Write-Host "custom"
      [string]$EKSBootstrapScriptFile = "$env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1"
      & $EKSBootstrapScriptFile -EKSClusterName 'test-cluster' -APIServerEndpoint 'https://test-cluster' -Base64ClusterCA 'Y2EtYnVuZGxlCg==' -KubeletExtraArgs '--node-labels="karpenter.sh/capacity-type=on-demand,testing/cluster=unspecified" --register-with-taints="karpenter.sh/unregistered:NoExecute" --max-pods=110' -DNSClusterIP '10.0.100.10'
      </powershell>
      """
    #expect(try decoded(.windows2022, b) == expected)
  }

  @Test func customPassesTheUsersUserDataThrough() throws {
    var b = Self.bootstrap
    b.userData = "anything at all"
    #expect(try decoded(.custom, b) == "anything at all")
  }

  @Test func mimeWithoutClosingBoundaryIsRejected() {
    #expect(throws: MIMEArchive.ParseError.self) {
      try MIMEArchive(
        parsing: "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"x\"\n\n--x\n\nbody\n")
    }
  }
}
