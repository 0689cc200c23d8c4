import Foundation
import KarpenterCLI
import Testing

/// `validate` checks what `simulate` would reject (the Scenario's timeline, duplicates, a
/// second Scenario), warns about unknown fields, and `convert` prints nothing it rejects.
@Suite struct ValidateAdmissionTests {
  @Test func everyExampleValidatesWithoutWarnings() throws {
    let directory = repositoryRoot.appendingPathComponent("examples")
    let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
    var files: [String] = []
    while let url = enumerator?.nextObject() as? URL {
      if url.pathExtension == "yaml" { files.append(url.path) }
    }
    #expect(files.count >= 4)
    for file in files.sorted() {
      let output = ValidateRun.run(paths: [file])
      #expect(output.exitCode == 0, "\(file): \(output.stderr)")
      #expect(output.stderr.isEmpty, "\(file): \(output.stderr)")
    }
  }

  @Test func anUnknownFieldIsAWarningAndTheExitStatusStaysZero() throws {
    let path = try temporaryFile(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replica: 5
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: nginx}]}
      """, name: "web.yaml")
    let output = ValidateRun.run(paths: [path])
    #expect(output.exitCode == 0)
    #expect(output.stdout == "1 object valid in 1 file\n")
    #expect(
      output.stderr.hasSuffix(
        "web.yaml: document 1 (Deployment \"default/web\"), line 5: warning: unknown field \"spec.replica\"\n"))
  }

  static let scenario = """
    apiVersion: simulation.karpenter.sh/v1alpha1
    kind: Scenario
    metadata: {name: s}
    spec:
      timeline:
      - at: 1m
        apply:
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            replicas: -3
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec: {containers: [{name: web, image: nginx}]}
    """

  @Test func theScenarioTimelineManifestsAreValidated() throws {
    let path = try temporaryFile(Self.scenario, name: "scenario.yaml")
    let output = ValidateRun.run(paths: [path])
    #expect(output.exitCode == 1)
    #expect(output.stdout.isEmpty)
    #expect(
      output.stderr.contains(
        "scenario.yaml (Scenario timeline[0].apply[0]): document 1 (Deployment \"default/web\")"))
    #expect(output.stderr.contains("spec.replicas"))
    #expect(output.stderr.hasSuffix("1 error found\n"))
  }

  @Test func duplicatesAndASecondScenarioAreErrors() throws {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c}]}\n"
    let scenario = "apiVersion: simulation.karpenter.sh/v1alpha1\nkind: Scenario\nmetadata: {name: s}\n"
    let path = try temporaryFile(
      [pod, pod, scenario, scenario].joined(separator: "---\n"), name: "dup.yaml")
    let output = ValidateRun.run(paths: [path])
    #expect(output.exitCode == 1)
    let lines = output.stderr.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasSuffix("document 2 (Pod \"default/p\"), line 6: duplicate object: Pod \"default/p\" is already defined in \(path): document 1") })
    #expect(lines.contains { $0.contains("document 4 (Scenario \"s\")") && $0.contains("duplicate object") })
    #expect(lines.last == "2 errors found")
  }

  @Test func convertPrintsNothingWhenTheKubeletSettingsAreInvalid() throws {
    let path = try temporaryFile(
      """
      apiVersion: karpenter.sh/v1alpha5
      kind: Provisioner
      metadata: {name: default}
      spec:
        providerRef: {name: default}
        kubeletConfiguration: {evictionHard: {memory.avail: 5%}}
      ---
      apiVersion: karpenter.k8s.aws/v1alpha1
      kind: AWSNodeTemplate
      metadata: {name: default}
      spec: {subnetSelector: {a: b}, securityGroupSelector: {a: b}}
      """)
    #expect(ValidateRun.run(paths: [path]).exitCode == 1)
    let output = ConvertRun.run(paths: [path])
    #expect(output.exitCode == 1)
    #expect(output.stdout.isEmpty)
    #expect(output.stderr.contains("line 6: spec.kubeletConfiguration.evictionHard[memory.avail]: Invalid value"))
  }

  @Test func convertRejectsDuplicateNodePoolsAsValidateDoes() throws {
    let provisioner = """
      apiVersion: karpenter.sh/v1alpha5
      kind: Provisioner
      metadata: {name: default}
      spec: {providerRef: {name: default}}
      """
    let beta = """
      apiVersion: karpenter.sh/v1beta1
      kind: NodePool
      metadata: {name: default}
      spec:
        template:
          spec:
            requirements: [{key: kubernetes.io/arch, operator: In, values: [amd64]}]
            nodeClassRef: {name: default}
      """
    let path = try temporaryFile(provisioner + "\n---\n" + beta)
    #expect(ValidateRun.run(paths: [path]).exitCode == 1)
    let output = ConvertRun.run(paths: [path])
    #expect(output.exitCode == 1)
    #expect(output.stdout.isEmpty)
    #expect(output.stderr.contains("duplicate NodePool name after conversion"))
  }
}
