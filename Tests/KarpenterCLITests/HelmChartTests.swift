import AWSProvider
import Foundation
import KarpenterCLI
import Testing
import Yams

#if canImport(Glibc)
  import Glibc
#endif

let chartPath = repositoryRoot.appendingPathComponent("charts/karpenter").path

/// Runs helm with `arguments`; its status and output.
func helm(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
  // The first call installs helm (a download on a fresh machine): on a Dispatch thread, not
  // one of the few cooperative threads every other test needs meanwhile.
  return try await offloaded { try run(try HelmTool.tools().helm, arguments, timeout: 120) }
}

/// The documents `helm template` renders for `values` (`--set` pairs) and `flags`, parsed.
func renderChart(_ values: [String] = ["settings.clusterName=test"], flags: [String] = []) async throws -> [[String: Any]]
{
  let result = try await helm(
    ["template", "karpenter", chartPath, "--namespace", "karpenter"] + values.flatMap { ["--set", $0] } + flags)
  guard result.status == 0 else { throw TestError("helm template \(values) exited \(result.status): \(result.stderr)") }
  return try Yams.load_all(yaml: result.stdout).compactMap { $0 as? [String: Any] }
}

/// The rendered object of `kind` (and `name`, when given).
func object(_ documents: [[String: Any]], _ kind: String, named name: String? = nil) -> [String: Any]? {
  documents.first { $0["kind"] as? String == kind && (name == nil || metadata($0)["name"] as? String == name) }
}

func metadata(_ object: [String: Any]) -> [String: Any] { object["metadata"] as? [String: Any] ?? [:] }

/// The controller container of the rendered Deployment.
func controllerContainer(_ documents: [[String: Any]]) throws -> [String: Any] {
  let deployment = try #require(object(documents, "Deployment"))
  let spec = ((deployment["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any]
  let containers = spec?["containers"] as? [[String: Any]] ?? []
  return try #require(containers.first { $0["name"] as? String == "controller" })
}

/// The container's `env` as a dictionary: plain values, and `valueFrom` fieldRefs resolved as the
/// kubelet resolves them for a pod in `namespace`.
func environment(of container: [String: Any], namespace: String) throws -> [String: String] {
  var env: [String: String] = [:]
  for entry in container["env"] as? [[String: Any]] ?? [] {
    let name = try #require(entry["name"] as? String)
    if let value = entry["value"] { env[name] = "\(value)" }
    if let from = entry["valueFrom"] as? [String: Any] {
      let path = (from["fieldRef"] as? [String: Any])?["fieldPath"] as? String
      guard path == "metadata.namespace" else { throw TestError("env \(name) comes from \(from), which the test cannot resolve") }
      env[name] = namespace
    }
  }
  return env
}

/// A TCP port nothing listens on now (bound to port 0, read back, closed).
func freePort() throws -> Int {
  let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard fd >= 0 else { throw TestError("socket() failed") }
  defer { close(fd) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  address.sin_port = 0
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
  }
  guard bound else { throw TestError("bind() failed") }
  return Int(UInt16(bigEndian: address.sin_port))
}

/// charts/karpenter: helm lint, what `helm template` renders for a few value sets, the CRDs as
/// exact copies of config/crds, and the rendered chart installed on `karpenter sandbox` with a
/// controller started exactly as its Deployment says. helm 3.17 is installed when missing
/// (HelmTool); a machine where it cannot be is a failure, not a skip.
@Suite(.serialized) struct HelmChartTests {
  @Test func lintPasses() async throws {
    let strict = try await helm(["lint", "--strict", chartPath, "--set", "settings.clusterName=test"])
    #expect(strict.status == 0, "helm lint --strict: \(strict.stdout)\(strict.stderr)")
    // The default values alone (no clusterName) lint too; rendering them fails (below).
    let plain = try await helm(["lint", chartPath])
    #expect(plain.status == 0, "helm lint: \(plain.stdout)\(plain.stderr)")
  }

  @Test func chartVersionsAreTheProjects() throws {
    let chart = try Yams.load(yaml: String(contentsOfFile: chartPath + "/Chart.yaml", encoding: .utf8)) as? [String: Any]
    #expect(chart?["appVersion"] as? String == Karpenter.version)
    #expect(chart?["version"] as? String == Karpenter.version)
  }

  @Test func defaultValuesRenderTheControllerAsUpstreamsChartDoes() async throws {
    let documents = try await renderChart()
    let kinds = Set(documents.compactMap { $0["kind"] as? String })
    #expect(
      kinds == [
        "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "PodDisruptionBudget", "Service",
        "Deployment",
      ])
    #expect(!kinds.contains("ServiceMonitor"))
    let deployment = try #require(object(documents, "Deployment"))
    #expect((deployment["spec"] as? [String: Any])?["replicas"] as? Int == 2)
    let container = try controllerContainer(documents)
    #expect(container["command"] as? [String] == ["/karpenter"])
    #expect(container["args"] as? [String] == ["controller", "--cloud-provider", "aws"])
    let env = try environment(of: container, namespace: "karpenter")
    #expect(env["SYSTEM_NAMESPACE"] == "karpenter")
    #expect(env["CLUSTER_NAME"] == "test")
    #expect(env["METRICS_PORT"] == "8080" && env["HEALTH_PROBE_PORT"] == "8081")
    #expect(env["DISABLE_LEADER_ELECTION"] == nil)
    // The AWS settings the chart renders are ones the provider accepts.
    let aws = try AWSProviderSettings.from(environment: env)
    #expect(aws.clusterName == "test")
    let security = container["securityContext"] as? [String: Any] ?? [:]
    #expect(security["readOnlyRootFilesystem"] as? Bool == true)
    #expect(security["runAsNonRoot"] as? Bool == true)
    #expect(security["allowPrivilegeEscalation"] as? Bool == false)
    #expect((security["capabilities"] as? [String: Any])?["drop"] as? [String] == ["ALL"])
    let ports = Dictionary(
      uniqueKeysWithValues: (container["ports"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", $0["containerPort"] as? Int ?? 0) })
    #expect(ports == ["http-metrics": 8080, "http": 8081])
    let liveness = (container["livenessProbe"] as? [String: Any])?["httpGet"] as? [String: Any]
    let readiness = (container["readinessProbe"] as? [String: Any])?["httpGet"] as? [String: Any]
    #expect(liveness?["path"] as? String == "/healthz" && liveness?["port"] as? String == "http")
    #expect(readiness?["path"] as? String == "/readyz" && readiness?["port"] as? String == "http")
    // Zone spread, with the pods' selector filled in.
    let podSpec = (((deployment["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any]) ?? [:]
    let spread = podSpec["topologySpreadConstraints"] as? [[String: Any]] ?? []
    #expect(spread.first?["topologyKey"] as? String == "topology.kubernetes.io/zone")
    #expect(spread.first?["labelSelector"] != nil)
    #expect(podSpec["priorityClassName"] as? String == "system-cluster-critical")
    // The Lease is written only under its own name.
    let role = try #require(object(documents, "Role"))
    let rules = role["rules"] as? [[String: Any]] ?? []
    #expect(rules.contains { $0["verbs"] as? [String] == ["get", "update"] && $0["resourceNames"] as? [String] == ["karpenter-leader-election"] })
    // The AWS ClusterRole lets the controller write EC2NodeClass status and nothing else of it.
    let awsRole = try #require(object(documents, "ClusterRole", named: "karpenter"))
    let writes = (awsRole["rules"] as? [[String: Any]] ?? []).filter { ($0["verbs"] as? [String])?.contains("patch") == true }
    #expect(writes.map { $0["resources"] as? [String] ?? [] } == [["ec2nodeclasses/status"]])
  }

  @Test func replicasAndAnIRSARoleAreSet() async throws {
    let arn = "arn:aws:iam::111122223333:role/KarpenterControllerRole-test"
    let documents = try await renderChart([
      "settings.clusterName=test", "replicas=3", "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn=\(arn)",
    ])
    let deployment = try #require(object(documents, "Deployment"))
    #expect((deployment["spec"] as? [String: Any])?["replicas"] as? Int == 3)
    let account = try #require(object(documents, "ServiceAccount"))
    #expect((metadata(account)["annotations"] as? [String: String])?["eks.amazonaws.com/role-arn"] == arn)
  }

  @Test func aServiceMonitorIsRenderedOnlyWhenAskedForAndServed() async throws {
    let flags = ["--api-versions", "monitoring.coreos.com/v1"]
    let off = try await renderChart(flags: flags)
    #expect(object(off, "ServiceMonitor") == nil)
    let on = try await renderChart(
      ["settings.clusterName=test", "serviceMonitor.enabled=true", "serviceMonitor.additionalLabels.release=prometheus",
       "serviceMonitor.endpointConfig.interval=15s"], flags: flags)
    let monitor = try #require(object(on, "ServiceMonitor"))
    #expect((metadata(monitor)["labels"] as? [String: String])?["release"] == "prometheus")
    let endpoint = ((monitor["spec"] as? [String: Any])?["endpoints"] as? [[String: Any]])?.first
    #expect(endpoint?["port"] as? String == "http-metrics" && endpoint?["path"] as? String == "/metrics")
    #expect(endpoint?["interval"] as? String == "15s")
    // Without the Prometheus Operator's API the chart says so instead of rendering what cannot apply.
    let missing = try await helm(["template", "karpenter", chartPath, "--set", "settings.clusterName=t", "--set", "serviceMonitor.enabled=true"])
    #expect(missing.status != 0 && missing.stderr.contains("monitoring.coreos.com/v1"), "\(missing.stderr)")
  }

  @Test func theAWSProviderNeedsAClusterName() async throws {
    let result = try await helm(["template", "karpenter", chartPath])
    #expect(result.status != 0)
    #expect(result.stderr.contains("settings.clusterName is required"), "\(result.stderr)")
  }

  @Test func theKWOKProviderMayCreateNodesAndHasNoEC2NodeClassRole() async throws {
    let documents = try await renderChart(["cloudProvider=kwok"])
    #expect(object(documents, "ClusterRole", named: "karpenter") == nil)
    let core = try #require(object(documents, "ClusterRole", named: "karpenter-core"))
    let nodes = (core["rules"] as? [[String: Any]] ?? []).first { $0["resources"] as? [String] == ["nodes"] }
    #expect(nodes?["verbs"] as? [String] == ["create", "delete", "patch"])
    #expect(try controllerContainer(documents)["args"] as? [String] == ["controller", "--cloud-provider", "kwok"])
  }

  /// charts/karpenter/crds holds exactly config/crds's files, byte for byte
  /// (scripts/sync-chart-crds.sh copies them).
  @Test func theChartsCRDsAreExactCopiesOfConfigCRDs() throws {
    let source = repositoryRoot.appendingPathComponent("config/crds")
    let copies = repositoryRoot.appendingPathComponent("charts/karpenter/crds")
    func yamlFiles(_ directory: URL) throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
    }
    let names = try yamlFiles(source)
    #expect(!names.isEmpty, "config/crds holds no CRDs")
    #expect(try yamlFiles(copies) == names, "run scripts/sync-chart-crds.sh")
    for name in names {
      let original = try Data(contentsOf: source.appendingPathComponent(name))
      let copy = try? Data(contentsOf: copies.appendingPathComponent(name))
      #expect(copy == original, "charts/karpenter/crds/\(name) differs from config/crds/\(name): run scripts/sync-chart-crds.sh")
    }
  }
}
