import APIServer
import Foundation
import Testing

@testable import Sandbox

/// The machine's real kubectl: a dispatcher that runs kubectl 1.27 to 1.33, chosen by the
/// server's /version.
let kubectlPath = "/usr/bin/kubectl"
let kubectlAvailable = FileManager.default.isExecutableFile(atPath: kubectlPath)

enum Fixtures {
  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: default
    spec:
      replicas: 1
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.25
            resources:
              requests: {cpu: 100m}
          - name: sidecar
            image: busybox
    """

  static let nodePool = """
    apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata:
      name: default
    spec:
      template:
        spec:
          nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
          requirements:
          - key: karpenter.sh/capacity-type
            operator: In
            values: ["spot"]
      limits:
        cpu: "1000"
    """
}

/// A sandbox with the stand-ins, a kubeconfig for it, and kubectl pointed at it.
struct KubectlSession {
  let sandbox: Sandbox
  let scratch: Scratch
  let kubeconfig: String

  static func start(version: String) async throws -> KubectlSession {
    var options = SandboxOptions(gitVersion: version)
    options.reconcilers = [StandInsRunner().reconciler]
    let sandbox = try await Sandbox.start(options: options)
    let scratch = try Scratch()
    let kubeconfig = try scratch.write("kubeconfig", sandbox.kubeconfig())
    return KubectlSession(sandbox: sandbox, scratch: scratch, kubeconfig: kubeconfig)
  }

  func kubectl(_ arguments: String...) -> Subprocess.Result {
    Subprocess.run([kubectlPath, "--kubeconfig", kubeconfig] + arguments)
  }

  func stop() async {
    await sandbox.stop()
    scratch.remove()
  }

  /// Runs `body` with a session, stopping the sandbox afterwards whatever happens.
  static func with(version: String, _ body: (KubectlSession) async throws -> Void) async throws {
    let session = try await start(version: version)
    do {
      try await body(session)
    } catch {
      await session.stop()
      throw error
    }
    await session.stop()
  }
}

@Suite(
  "The real kubectl against the sandbox",
  .enabled(if: kubectlAvailable, "kubectl is not installed at /usr/bin/kubectl"))
struct KubectlTests {
  /// Both ends of the dispatcher's range: 1.27 reads OpenAPI v2 as protobuf to learn that the
  /// server validates fields; 1.33 reads v3 and aggregated discovery v2.
  @Test(
    "get, create, apply, scale, patch, delete, explain, api-resources", arguments: ["v1.27.3", "v1.33.1"])
  func workflow(version: String) async throws {
    try await KubectlSession.with(version: version) { session in
      let scratch = session.scratch

      let version = session.kubectl("version", "-o", "json")
      #expect(version.status == 0, "\(version.output)")
      let versionJSON = try JSON(parsing: Array(version.stdout.utf8))
      let minor = versionJSON[path: ["serverVersion", "minor"]]?.string
      #expect(
        versionJSON[path: ["clientVersion", "minor"]]?.string == minor,
        "the dispatcher ran the kubectl matching the server")

      let namespaces = session.kubectl("get", "ns")
      #expect(namespaces.status == 0, "\(namespaces.output)")
      #expect(namespaces.stdout.hasPrefix("NAME"))
      #expect(namespaces.stdout.contains("kube-system"))

      let deployment = try scratch.write("deploy.yaml", Fixtures.deployment)
      let created = session.kubectl("create", "-f", deployment)
      #expect(created.stdout.contains("deployment.apps/web created"), "\(created.output)")

      // apply of a changed file: a strategic merge patch, which merges containers by name.
      try scratch.write(
        "deploy.yaml",
        Fixtures.deployment.replacingOccurrences(of: "nginx:1.25", with: "nginx:1.27").replacingOccurrences(
          of: "replicas: 1", with: "replicas: 2"))
      let applied = session.kubectl("apply", "-f", deployment)
      #expect(applied.stdout.contains("deployment.apps/web configured"), "\(applied.output)")
      let images = session.kubectl(
        "get", "deploy", "web", "-o", "jsonpath={.spec.replicas} {.spec.template.spec.containers[*].image}")
      #expect(images.stdout == "2 nginx:1.27 busybox", "\(images.output)")

      // A NodePool is a custom resource: apply falls back to a JSON merge patch.
      let nodePool = try scratch.write("nodepool.yaml", Fixtures.nodePool)
      #expect(
        session.kubectl("apply", "-f", nodePool).stdout.contains("nodepool.karpenter.sh/default created"))
      try scratch.write(
        "nodepool.yaml", Fixtures.nodePool.replacingOccurrences(of: "\"1000\"", with: "\"2000\""))
      let reapplied = session.kubectl("apply", "-f", nodePool)
      #expect(reapplied.stdout.contains("nodepool.karpenter.sh/default configured"), "\(reapplied.output)")
      #expect(
        session.kubectl("get", "nodepool", "default", "-o", "jsonpath={.spec.limits.cpu}").stdout == "2000")
      let pools = session.kubectl("get", "nodepools")
      #expect(
        pools.stdout.split(separator: "\n").first?.split(separator: " ", omittingEmptySubsequences: true) == [
          "NAME", "NODECLASS", "NODES", "READY", "AGE",
        ], "\(pools.output)")
      #expect(pools.stdout.contains("default"))

      let scaled = session.kubectl("scale", "deploy/web", "--replicas=3")
      #expect(scaled.stdout.contains("deployment.apps/web scaled"), "\(scaled.output)")
      #expect(session.kubectl("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}").stdout == "3")
      let deployments = session.kubectl("get", "deploy")
      #expect(
        deployments.stdout.hasPrefix("NAME   READY   UP-TO-DATE   AVAILABLE   AGE"), "\(deployments.output)")

      // The workload stand-ins made the pods; -o wide adds the scheduling columns.
      let pods = session.kubectl("get", "pods", "-o", "wide")
      #expect(pods.status == 0, "\(pods.output)")
      let header = pods.stdout.split(separator: "\n").first.map(String.init) ?? ""
      #expect(
        header.contains("READY") && header.contains("STATUS") && header.contains("RESTARTS")
          && header.contains("NOMINATED NODE"), "\(pods.output)")
      #expect(pods.stdout.contains("web-"), "\(pods.output)")

      #expect(
        session.kubectl("patch", "deploy", "web", "--type=merge", "-p", #"{"metadata":{"labels":{"a":"b"}}}"#)
          .status == 0)
      #expect(
        session.kubectl(
          "patch", "deploy", "web", "--type=json", "-p",
          #"[{"op":"add","path":"/metadata/labels/c","value":"d"}]"#
        ).status == 0)
      #expect(
        session.kubectl(
          "patch", "deploy", "web", "-p",
          #"{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:2"}]}}}}"#
        ).status == 0)
      let patched = session.kubectl(
        "get", "deploy", "web", "-o",
        "jsonpath={.metadata.labels.a}{.metadata.labels.c} {.spec.template.spec.containers[*].image}")
      #expect(patched.stdout == "bd nginx:2 busybox", "\(patched.output)")

      let explain = session.kubectl("explain", "nodepool.spec")
      #expect(explain.status == 0, "\(explain.output)")
      #expect(explain.stdout.contains("KIND:") && explain.stdout.contains("NodePool"))
      #expect(explain.stdout.contains("template") && explain.stdout.contains("disruption"))

      let resources = session.kubectl("api-resources")
      #expect(
        resources.stdout.contains("nodepools") && resources.stdout.contains("karpenter.sh/v1"),
        "\(resources.output)")
      #expect(resources.stdout.contains("deployments") && resources.stdout.contains("deploy"))

      let deleted = session.kubectl("delete", "nodepool", "default")
      #expect(deleted.stdout.contains("nodepool.karpenter.sh \"default\" deleted"), "\(deleted.output)")
      let gone = session.kubectl("get", "nodepool", "default")
      #expect(gone.status != 0)
      #expect(gone.stderr.contains("NotFound"), "\(gone.output)")
    }
  }

  @Test("get -w prints the list, then each change as it happens")
  func watch() async throws {
    try await KubectlSession.with(version: "v1.31.0") { session in
      let watch = try Subprocess.Streaming([
        kubectlPath, "--kubeconfig", session.kubeconfig, "get", "configmaps", "-w",
      ])
      defer { watch.stop() }
      // No config maps yet: kubectl prints nothing until the first one arrives.
      try await Task.sleep(for: .milliseconds(300))
      for name in ["first", "second"] {
        #expect(session.kubectl("create", "configmap", name, "--from-literal=k=v").status == 0)
      }
      let lines = watch.waitForLines(3)
      #expect(lines.first?.hasPrefix("NAME") == true, "\(lines)")
      #expect(
        lines.contains { $0.hasPrefix("first") } && lines.contains { $0.hasPrefix("second") }, "\(lines)")
    }
  }

  @Test("a NodePool that karpenter validate refuses is refused by kubectl apply with the field paths")
  func admission() async throws {
    try await KubectlSession.with(version: "v1.31.0") { session in
      let file = try session.scratch.write(
        "bad.yaml", Fixtures.nodePool.replacingOccurrences(of: "operator: In", with: "operator: Among"))
      let refused = session.kubectl("apply", "-f", file)
      #expect(refused.status != 0)
      #expect(refused.stderr.contains("is invalid"), "\(refused.output)")
      #expect(refused.stderr.contains("spec.template.spec.requirements[0].operator"), "\(refused.output)")
    }
  }

  @Test("a CRD created with kubectl is served at once: discovery, its objects, explain from its schema")
  func customResourceDefinition() async throws {
    try await KubectlSession.with(version: "v1.31.0") { session in
      let crd = try session.scratch.write(
        "crd.yaml",
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
          versions:
          - name: v1
            served: true
            storage: true
            additionalPrinterColumns:
            - {name: Size, type: integer, jsonPath: .spec.size}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    description: What the widget should be.
                    properties:
                      size: {type: integer, description: How big the widget is.}
        """)
      #expect(session.kubectl("apply", "-f", crd).status == 0)
      let widget = try session.scratch.write(
        "widget.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1}\nspec: {size: 3}\n")
      let created = session.kubectl("apply", "-f", widget)
      #expect(created.stdout.contains("widget.example.com/w1 created"), "\(created.output)")
      #expect(session.kubectl("get", "wd", "w1", "-o", "jsonpath={.spec.size}").stdout == "3")
      let table = session.kubectl("get", "widgets")
      #expect(
        table.stdout.split(separator: "\n").first?.split(separator: " ", omittingEmptySubsequences: true) == [
          "NAME", "SIZE", "AGE",
        ], "\(table.output)")
      #expect(table.stdout.contains("w1     3"), "\(table.output)")
      let explain = session.kubectl("explain", "widget.spec")
      #expect(explain.stdout.contains("How big the widget is."), "\(explain.output)")
    }
  }
}
