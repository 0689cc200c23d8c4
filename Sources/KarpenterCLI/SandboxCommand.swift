import APIServer
import AWSClient
import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import Sandbox
import Simulation
import ServiceLifecycle

/// `karpenter sandbox [--listen 127.0.0.1:PORT] [--kubeconfig FILE] [--cloud aws]`
struct SandboxCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sandbox",
    abstract:
      "Serve a Kubernetes-compatible API on this machine, for kubectl, client libraries and the controller.",
    discussion: """
      Serves the Kubernetes API over HTTP on --listen (127.0.0.1 and a free port by default): \
      discovery, OpenAPI, tables for kubectl get, watches, patches of every kind, the pod \
      eviction and binding subresources, scale, and Karpenter's NodePool, NodeClaim, \
      EC2NodeClass and NodeOverlay admitted as `karpenter validate` checks them. With \
      --kubeconfig FILE, writes a kubeconfig whose current context `sandbox` reaches the \
      server, once the server answers requests. Prints one line when ready; serves until \
      SIGTERM or Ctrl-C.

      With --cloud aws (and the AWS SDKs' environment: AWS_REGION, credentials, \
      AWS_ENDPOINT_URL..., plus CLUSTER_NAME), plays the kubelets of the cluster's EC2 \
      instances: each pending or running instance tagged kubernetes.io/cluster/CLUSTER_NAME \
      registers a Node (named by its private DNS name, provider id aws:///ZONE/INSTANCE-ID) \
      after --node-startup-delay, and the Node goes when the instance terminates.
      """)

  @Option(help: "The address to listen on, HOST:PORT (port 0 takes a free one).")
  var listen = "127.0.0.1:0"

  @Option(help: "Write a kubeconfig for the sandbox to this file once it answers requests.")
  var kubeconfig: String?

  @Option(help: "The Kubernetes version /version reports (kubectl's dispatcher picks its kubectl by it).")
  var kubernetesVersion = "v1.31.0"

  @Option(help: "Fault settings as JSON, as POST /sandbox/faults takes them.")
  var faults: String?

  @Flag(
    name: .customLong("stand-ins"), inversion: .prefixedNo,
    help: "Run the kube-scheduler, kubelet and workload-controller stand-ins.")
  var standIns = true

  @Option(help: "aws: register a Node for each running EC2 instance tagged for CLUSTER_NAME.")
  var cloud: SandboxCloud?

  @Option(help: "With --cloud: how long an instance boots before its Node registers (a Go duration).")
  var nodeStartupDelay = "2s"

  enum SandboxCloud: String, ExpressibleByArgument, CaseIterable {
    case aws
  }

  /// HOST and PORT of --listen.
  var address: (host: String, port: Int)? {
    guard let colon = listen.lastIndex(of: ":") else { return nil }
    var host = String(listen[..<colon])
    if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    guard !host.isEmpty, let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port)
    else {
      return nil
    }
    return (host, port)
  }

  func validate() throws {
    if address == nil {
      throw ValidationError(
        "--listen must be HOST:PORT with a port from 0 to 65535, such as 127.0.0.1:8080, got \(listen).")
    }
    if !kubernetesVersion.hasPrefix("v1.") {
      throw ValidationError("--kubernetes-version must look like v1.31.0, got \(kubernetesVersion).")
    }
    _ = try faultSettings()
    if Scenario.seconds(nodeStartupDelay) == nil {
      throw ValidationError("--node-startup-delay must be a Go duration such as 2s or 1m, got \(nodeStartupDelay).")
    }
    if cloud == nil && nodeStartupDelay != "2s" {
      throw ValidationError("--node-startup-delay applies to --cloud aws only.")
    }
  }

  func faultSettings() throws -> FaultSettings {
    guard let faults else { return FaultSettings() }
    do {
      return try FaultSettings(json: try JSON(parsing: faults))
    } catch let error as FaultSettingsError {
      throw ValidationError("--faults: \(error.description).")
    } catch {
      throw ValidationError("--faults must be a JSON object: \(error).")
    }
  }

  func run() async throws {
    let (host, port) = address!
    var options = SandboxOptions(gitVersion: kubernetesVersion, faults: try faultSettings())
    var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
    var httpClient: HTTPClient?
    if cloud == .aws {
      let environment = ProcessInfo.processInfo.environment
      guard let clusterName = environment["CLUSTER_NAME"], !clusterName.isEmpty else {
        StandardStreams.writeStandardError(
          "karpenter sandbox: --cloud aws needs CLUSTER_NAME: the instances tagged kubernetes.io/cluster/CLUSTER_NAME get Nodes\n")
        throw ExitCode(2)
      }
      let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: AWSClients.httpConfiguration())
      httpClient = client
      let aws: AWSClients
      do {
        aws = try AWSClients(environment: environment, httpClient: client)
      } catch {
        try? await client.shutdown()
        StandardStreams.writeStandardError("karpenter sandbox: \(error)\n")
        throw ExitCode(2)
      }
      let kubelets = InstanceKubelets(
        providerIDPrefix: "aws:///", startupDelay: Scenario.seconds(nodeStartupDelay) ?? 2)
      options.reconcilers.append(kubelets.reconciler)
      let poller = SandboxAWSInstances(
        ec2: aws.ec2, clusterName: clusterName, region: aws.region, kubelets: kubelets,
        logger: Logger(label: "sandbox.aws") { JSONLineLogHandler(label: $0, level: .info) })
      services.append(.init(service: PollerService(poller: poller)))
    }
    if standIns { options.reconcilers.append(StandInsRunner().reconciler) }
    let service = SandboxService(host: host, port: port, options: options, kubeconfig: kubeconfig)
    services.insert(.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup), at: 0)
    let group = ServiceGroup(
      configuration: ServiceGroupConfiguration(
        services: services,
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: Logger(label: "karpenter.sandbox", factory: { _ in SwiftLogNoOpLogHandler() })))
    do {
      try await group.run()
    } catch {
      try? await httpClient?.shutdown()
      throw error
    }
    try? await httpClient?.shutdown()
  }
}

/// The EC2 poller of `--cloud aws`, until the group shuts down.
struct PollerService: Service {
  let poller: SandboxAWSInstances

  func run() async throws {
    await cancelWhenGracefulShutdown { await poller.run() }
  }
}

/// The sandbox as a long-running service: started, announced, stopped gracefully.
struct SandboxService: Service {
  let host: String
  let port: Int
  let options: SandboxOptions
  let kubeconfig: String?

  func run() async throws {
    let sandbox = try await Sandbox.start(
      host: host, port: port, options: options,
      logger: Logger(label: "karpenter.sandbox", factory: { _ in SwiftLogNoOpLogHandler() }))
    guard await sandbox.server.answersRequests() else {
      await sandbox.stop()
      throw SandboxStartError(url: sandbox.url)
    }
    if let kubeconfig {
      do {
        try Self.write(sandbox.kubeconfig(), to: kubeconfig)
      } catch {
        await sandbox.stop()
        throw error
      }
    }
    var line = "karpenter sandbox: serving the Kubernetes API at \(sandbox.url)"
    if let kubeconfig { line += "; kubeconfig written to \(kubeconfig)" }
    StandardStreams.writeStandardError(line + "\n")
    // Returns when SIGTERM or Ctrl-C asks the group to shut down (or throws when the task is
    // cancelled); either way the sandbox stops, ending its watches first.
    try? await gracefulShutdown()
    await sandbox.stop()
  }

  /// Writes the kubeconfig to a temporary file beside FILE and renames it, so that a reader
  /// never sees half of it.
  static func write(_ text: String, to path: String) throws {
    let temporary = path + ".tmp-\(getpid())"
    do {
      try text.write(toFile: temporary, atomically: false, encoding: .utf8)
      if rename(temporary, path) != 0 {
        throw CocoaError(.fileWriteUnknown)
      }
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw SandboxKubeconfigError(path: path, reason: "\(error)")
    }
  }
}

/// The sandbox bound its address but did not answer its own readiness check.
struct SandboxStartError: Error, CustomStringConvertible {
  var url: String
  var description: String { "the sandbox at \(url) did not answer GET /readyz after starting" }
}

/// The kubeconfig could not be written.
struct SandboxKubeconfigError: Error, CustomStringConvertible {
  var path: String
  var reason: String
  var description: String { "the sandbox could not write its kubeconfig to \(path): \(reason)" }
}
