import Foundation
import Testing
import Yams

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The status of GET http://127.0.0.1:PORT/PATH, or nil when nothing answers.
func httpStatus(port: Int, path: String) async -> Int? {
  guard let url = URL(string: "http://127.0.0.1:\(port)\(path)"),
    let (_, response) = try? await URLSession.shared.data(from: url)
  else { return nil }
  return (response as? HTTPURLResponse)?.statusCode
}

extension SandboxCluster {
  /// kubectl against the sandbox with the given binary (HelmTool's: the machine's dispatcher,
  /// else the kubectl 1.31 unpacked beside helm).
  func kubectl(_ tool: String, _ arguments: [String], stdin: String? = nil) async throws -> String {
    let kubeconfig = self.kubeconfig
    let result = try await offloaded { try run(tool, ["--kubeconfig", kubeconfig] + arguments, timeout: 120, stdin: stdin) }
    if result.status != 0 {
      throw TestError("kubectl \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
    }
    return result.stdout
  }

  /// How many pods labelled `app=LABEL` run, read with `tool`.
  func runningPods(_ tool: String, label: String) async throws -> Int {
    let text = try await kubectl(tool, ["get", "pods", "-A", "-l", "app=\(label)", "-o", "json"])
    let items = (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["items"] as? [[String: Any]] ?? []
    return items.filter { ($0["status"] as? [String: Any])?["phase"] as? String == "Running" }.count
  }
}

extension HelmChartTests {
  /// What `helm install` would do, on `karpenter sandbox`: the chart rendered with its CRDs is
  /// applied with kubectl (helm cannot install here: no cluster it can reach with its own
  /// client checks), every rendered object is then served; a controller is started with
  /// exactly the rendered Deployment's command, args and env; a pending Deployment gets
  /// NodeClaims, Nodes and running pods, and the Lease lives in the release's namespace.
  @Test func theRenderedChartAppliesToTheSandboxAndItsControllerProvisions() async throws {
    let tools = try await offloaded { try HelmTool.tools() }
    let namespace = "karpenter"
    let cluster = try await SandboxCluster()
    let render = try await helm([
      "template", "karpenter", chartPath, "--namespace", namespace, "--include-crds", "--set",
      "settings.clusterName=sandbox",
    ])
    try #require(render.status == 0, "helm template: \(render.stderr)")
    _ = try await cluster.kubectl(tools.kubectl, ["create", "namespace", namespace])
    _ = try await cluster.kubectl(tools.kubectl, ["apply", "-f", "-"], stdin: render.stdout)
    // Every rendered object is there (kubectl get fails on the first one missing).
    let listed = try await cluster.kubectl(tools.kubectl, ["get", "-f", "-", "-o", "name"], stdin: render.stdout)
    let documents = try Yams.load_all(yaml: render.stdout).compactMap { $0 as? [String: Any] }
    #expect(listed.split(separator: "\n").count == documents.count, "\(listed)")
    #expect(documents.contains { $0["kind"] as? String == "CustomResourceDefinition" })

    // The controller, as the Deployment's container would run it, with three substitutions:
    // the built binary for the image's /karpenter; the sandbox's kubeconfig for the pod's
    // in-cluster service account (--kubeconfig); and --cloud-provider kwok for aws, since no
    // AWS runs here (the AWS provider is tested against moto in AWSEndToEndTests). The metrics
    // and health ports are moved to free ones so parallel tests cannot collide.
    let container = try controllerContainer(documents)
    #expect(container["command"] as? [String] == ["/karpenter"])
    var arguments = try #require(container["args"] as? [String])
    let provider = try #require(arguments.firstIndex(of: "--cloud-provider")) + 1
    #expect(arguments[provider] == "aws")
    arguments[provider] = "kwok"
    arguments += ["--kubeconfig", cluster.kubeconfig]
    var env = try environment(of: container, namespace: namespace)
    let metricsPort = try freePort()
    let healthPort = try freePort()
    env["METRICS_PORT"] = String(metricsPort)
    env["HEALTH_PROBE_PORT"] = String(healthPort)
    let controller = try BackgroundProcess(
      SandboxCluster.binary, arguments, environment: env, directory: cluster.directory)
    cluster.controllers.append(controller)

    _ = try await cluster.kubectl(tools.kubectl, ["apply", "-f", "-"], stdin: nodePoolAndDeployment)
    let running = try await eventually(timeout: 120) { try await cluster.runningPods(tools.kubectl, label: "web") == 5 }
    let pods = (try? await cluster.kubectl(tools.kubectl, ["get", "pods", "-A", "-o", "wide"])) ?? ""
    #expect(running, "pods: \(pods)\ncontroller: \(controller.stdout.suffix(3000))\n\(controller.stderr.suffix(2000))")
    let claims = try await cluster.kubectl(tools.kubectl, ["get", "nodeclaims", "-o", "name"])
    let nodes = try await cluster.kubectl(tools.kubectl, ["get", "nodes", "-o", "name"])
    #expect(!claims.isEmpty)
    #expect(nodes.split(separator: "\n").count == claims.split(separator: "\n").count)
    // SYSTEM_NAMESPACE came from the pod's namespace: the Lease is in the release's.
    let holder = try await cluster.kubectl(
      tools.kubectl,
      ["get", "lease", "-n", namespace, "karpenter-leader-election", "-o", "jsonpath={.spec.holderIdentity}"])
    #expect(!holder.isEmpty, "no replica holds the Lease in \(namespace)")

    // The probes the Deployment declares answer on the health port, and /metrics on the
    // metrics port the Service targets.
    for probe in ["livenessProbe", "readinessProbe"] {
      let path = try #require(((container[probe] as? [String: Any])?["httpGet"] as? [String: Any])?["path"] as? String)
      let healthy = await eventually(timeout: 30) { await httpStatus(port: healthPort, path: path) == 200 }
      #expect(healthy, "\(probe) GET \(path) on \(healthPort)")
    }
    #expect(await httpStatus(port: metricsPort, path: "/metrics") == 200)

    controller.terminate()
    #expect(await controller.wait(timeout: 30) == 0, "\(controller.stderr.suffix(2000))")
  }
}
