import Logging
import NIOCore

/// A running sandbox: the Kubernetes API (``SandboxAPI``) served over HTTP
/// (``SandboxServer``), with the stand-ins and the repeating faults run on a timer.
public final class Sandbox: Sendable {
  public let api: SandboxAPI
  public let server: SandboxServer
  private let ticker: RepeatedTask

  private init(api: SandboxAPI, server: SandboxServer, ticker: RepeatedTask) {
    self.api = api
    self.server = server
    self.ticker = ticker
  }

  /// Starts serving on host:port (port 0 takes a free one; ``port`` is the one bound).
  public static func start(
    host: String = "127.0.0.1", port: Int = 0, options: SandboxOptions = SandboxOptions(),
    logger: Logger = Logger(label: "karpenter.sandbox")
  ) async throws -> Sandbox {
    let api = SandboxAPI(options: options)
    let server = try await SandboxServer.start(host: host, port: port, responder: api, logger: logger)
    api.served(at: "\(host):\(server.port)")
    let ticker = server.scheduleRepeated(every: .milliseconds(Int64(max(options.tickInterval, 0.01) * 1000))) {
      api.tick()
    }
    return Sandbox(api: api, server: server, ticker: ticker)
  }

  public var port: Int { server.port }
  /// `http://127.0.0.1:PORT`.
  public var url: String { server.url }

  /// Stops the timer, ends the watches and closes the listener.
  public func stop() async {
    ticker.cancel()
    await server.stop()
  }

  /// A kubeconfig whose current context `sandbox` reaches this server: cluster `sandbox`,
  /// user `sandbox` with a bearer token (the sandbox accepts any).
  public func kubeconfig(token: String = "sandbox") -> String {
    Self.kubeconfig(server: url, token: token)
  }

  public static func kubeconfig(server: String, token: String = "sandbox") -> String {
    """
    apiVersion: v1
    kind: Config
    clusters:
    - name: sandbox
      cluster:
        server: \(server)
    users:
    - name: sandbox
      user:
        token: \(token)
    contexts:
    - name: sandbox
      context:
        cluster: sandbox
        user: sandbox
        namespace: default
    current-context: sandbox
    preferences: {}

    """
  }
}
