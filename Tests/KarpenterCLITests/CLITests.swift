import Foundation
import KarpenterCLI
import Testing

/// The repository root, found from this file's path, so tests can use `examples/`.
let repositoryRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func example(_ path: String) -> String { repositoryRoot.appendingPathComponent(path).path }

/// Writes `text` to a fresh temporary file and returns its path.
func temporaryFile(_ text: String, name: String = "manifest.yaml") throws -> String {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("karpenter-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  let url = directory.appendingPathComponent(name)
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url.path
}

@Suite struct ValidateCommandTests {
  @Test func examplesAreValid() {
    let output = ValidateRun.run(paths: [
      example("examples/nodepool.yaml"), example("examples/legacy/provisioner.yaml"),
    ])
    #expect(output.exitCode == 0, "\(output.stderr)")
    #expect(output.stdout == "4 objects valid in 2 files\n")
    #expect(output.stderr.isEmpty)
  }

  @Test func invalidInputExitsOneWithEveryError() throws {
    let path = try temporaryFile(
      """
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: default}
      spec:
        weight: 0
        template:
          spec:
            requirements: [{key: kubernetes.io/arch, operator: Near, values: [amd64]}]
            nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: ignored}
      """, name: "pool.yaml")
    let output = ValidateRun.run(paths: [path])
    #expect(output.exitCode == 1)
    #expect(output.stdout.isEmpty)
    let lines = output.stderr.split(separator: "\n").map(String.init)
    #expect(
      lines.contains {
        $0.hasSuffix(
          "pool.yaml: document 1 (NodePool \"default\"), line 5: spec.weight: Invalid value: \"0\": must be between 1 and 100"
        )
      })
    #expect(
      lines.contains {
        $0.contains("line 8: spec.template.spec.requirements[0].operator: Unsupported value: \"Near\"")
      })
    #expect(
      lines.contains { $0.contains("document 2 (ConfigMap \"ignored\")") && $0.contains("warning: skipped") })
    #expect(lines.last == "2 errors found")
  }

  @Test func missingFileIsReported() {
    let output = ValidateRun.run(paths: ["/no/such/file.yaml"])
    #expect(output.exitCode == 1)
    #expect(output.stderr.contains("/no/such/file.yaml"))
  }

  @Test func badUsageIsAParseError() {
    #expect(throws: (any Error).self) { try Karpenter.parseAsRoot(["validate"]) }
    #expect(throws: (any Error).self) { try Karpenter.parseAsRoot(["frobnicate"]) }
    #expect(Karpenter.exitCode(for: CleanExitProbe.error(["validate"])).rawValue == 64)
  }
}

/// Captures the parse error of some arguments.
enum CleanExitProbe {
  static func error(_ arguments: [String]) -> Error {
    do {
      _ = try Karpenter.parseAsRoot(arguments)
      return CancellationError()
    } catch { return error }
  }
}

@Suite struct ConvertCommandTests {
  @Test func provisionerBecomesAV1NodePool() throws {
    let path = try temporaryFile(
      """
      apiVersion: karpenter.sh/v1alpha5
      kind: Provisioner
      metadata: {name: default}
      spec:
        ttlSecondsAfterEmpty: 30
        ttlSecondsUntilExpired: 2592000
        limits: {resources: {cpu: 1000, memory: 1000Gi}}
        weight: 10
        providerRef: {name: default}
      """)
    let output = ConvertRun.run(paths: [path])
    #expect(output.exitCode == 0, "\(output.stderr)")
    let yaml = output.stdout
    #expect(yaml.hasPrefix("apiVersion: karpenter.sh/v1\nkind: NodePool\n"))
    for line in [
      "    consolidateAfter: 30s", "    consolidationPolicy: WhenEmpty", "    cpu: 1k",
      "    memory: 1000Gi", "      expireAfter: 720h", "  weight: 10", "        kind: EC2NodeClass",
      "        group: karpenter.k8s.aws",
    ] {
      #expect(yaml.contains(line + "\n"), "missing \(line) in\n\(yaml)")
    }
    // The converted output is itself valid v1.
    let converted = try temporaryFile(yaml, name: "converted.yaml")
    #expect(ValidateRun.run(paths: [converted]).exitCode == 0)
  }

  @Test func exampleConvertsToValidV1WithTheKubeletMoved() throws {
    let output = ConvertRun.run(paths: [example("examples/legacy/provisioner.yaml")])
    #expect(output.exitCode == 0, "\(output.stderr)")
    #expect(output.stdout.contains("kind: NodePool"))
    #expect(output.stdout.contains("kind: EC2NodeClass"))
    #expect(output.stdout.contains("  - alias: bottlerocket@latest\n"))
    #expect(output.stdout.contains("  kubelet:\n    maxPods: 58\n"))
    #expect(!output.stdout.contains("v1beta1-kubelet-conversion"))
    let converted = try temporaryFile(output.stdout, name: "converted.yaml")
    let check = ValidateRun.run(paths: [converted])
    #expect(check.exitCode == 0, "\(check.stderr)")
  }

  @Test func invalidInputPrintsNothingOnStandardOutput() throws {
    let path = try temporaryFile(
      """
      apiVersion: karpenter.k8s.aws/v1alpha1
      kind: AWSNodeTemplate
      metadata: {name: lt}
      spec:
        launchTemplate: my-template
        subnetSelector: {a: b}
        securityGroupSelector: {a: b}
      """)
    let output = ConvertRun.run(paths: [path])
    #expect(output.exitCode == 1)
    #expect(output.stdout.isEmpty)
    #expect(output.stderr.contains("launchTemplate"))
  }

  @Test func v1ObjectsAreLeftOutWithANote() throws {
    let output = ConvertRun.run(paths: [example("examples/nodepool.yaml")])
    #expect(output.exitCode == 0)
    #expect(output.stdout.isEmpty)
    #expect(output.stderr.contains("needs no conversion"))
  }
}
