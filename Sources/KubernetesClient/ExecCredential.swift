import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a credential plugin answers (`client.authentication.k8s.io` ExecCredential): a bearer
/// token or a client certificate, and when it expires.
public struct ExecCredential: Sendable, Equatable {
  public var token: String?
  public var clientCertificate: Data?
  public var clientKey: Data?
  /// When to run the plugin again; nil: the credential does not expire.
  public var expiration: Date?

  public init(token: String? = nil, clientCertificate: Data? = nil, clientKey: Data? = nil, expiration: Date? = nil) {
    self.token = token
    self.clientCertificate = clientCertificate
    self.clientKey = clientKey
    self.expiration = expiration
  }

  /// Whether the credential can still be used at `time`.
  public func isValid(at time: Date) -> Bool {
    guard let expiration else { return true }
    return time < expiration
  }
}

/// Runs credential plugins (`users[].user.exec`) as client-go does: the command with its
/// arguments and extra environment, `KUBERNETES_EXEC_INFO` describing the request, no
/// interactive input; its standard output is the ExecCredential. A plugin that runs longer than
/// `timeout` is stopped.
public enum ExecCredentialPlugin {
  public static let defaultTimeout: TimeInterval = 60

  public static func run(
    _ config: Kubeconfig.ExecConfig, environment: [String: String] = ProcessInfo.processInfo.environment,
    timeout: TimeInterval = defaultTimeout
  ) throws(ClientConfigurationError) -> ExecCredential {
    let apiVersion = config.apiVersion ?? "client.authentication.k8s.io/v1beta1"
    guard let executable = locate(config.command, path: environment["PATH"]) else {
      let hint = config.installHint.map { "; \($0)" } ?? ""
      throw ClientConfigurationError("credential plugin \"\(config.command)\" was not found in PATH\(hint)")
    }
    var env = environment
    for variable in config.env ?? [] { env[variable.name] = variable.value }
    env["KUBERNETES_EXEC_INFO"] =
      #"{"apiVersion":"\#(apiVersion)","kind":"ExecCredential","spec":{"interactive":false}}"#

    var process = Process()
    var stdout = Pipe()
    var stderr = Pipe()
    // A start can fail for a moment with "text file busy" (ETXTBSY) when another thread forked
    // while the plugin file was open for writing (a plugin just installed); a few tries 50 ms
    // apart ride that out, as they would for any transient spawn failure.
    for attempt in 1...5 {
      process = Process()
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = config.args ?? []
      process.environment = env
      stdout = Pipe()
      stderr = Pipe()
      process.standardOutput = stdout
      process.standardError = stderr
      process.standardInput = FileHandle.nullDevice
      do {
        try process.run()
        break
      } catch {
        guard attempt < 5 else {
          throw ClientConfigurationError(
            "credential plugin \"\(config.command)\" could not start: \(error.localizedDescription)")
        }
        Thread.sleep(forTimeInterval: 0.05)
      }
    }
    // Both pipes are read to their end on other threads (the plugin's exit closes them), so a
    // plugin that writes more than a pipe holds cannot block; this thread watches the clock.
    let output = ReadAll(stdout.fileHandleForReading)
    let errors = ReadAll(stderr.fileHandleForReading)
    let deadline = Date().addingTimeInterval(timeout)
    var stopped = false
    while process.isRunning {
      if Date() >= deadline {
        // SIGKILL: a child inherits the signal mask, and the runtime may block SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        stopped = true
        break
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
    process.waitUntilExit()
    let errorText = String(decoding: errors.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    let printed = output.wait()
    if stopped {
      throw ClientConfigurationError("credential plugin \"\(config.command)\" did not answer within \(Int(timeout)) s")
    }
    guard process.terminationStatus == 0 else {
      throw ClientConfigurationError(
        "credential plugin \"\(config.command)\" exited with status \(process.terminationStatus)"
          + (errorText.isEmpty ? "" : ": \(errorText)"))
    }
    return try parse(printed, command: config.command, apiVersion: apiVersion)
  }

  /// The ExecCredential a plugin printed.
  static func parse(_ data: Data, command: String, apiVersion: String) throws(ClientConfigurationError) -> ExecCredential {
    struct Answer: Decodable {
      var apiVersion: String?
      var kind: String?
      var status: Status?
      struct Status: Decodable {
        var token: String?
        var clientCertificateData: String?
        var clientKeyData: String?
        var expirationTimestamp: String?
      }
    }
    let answer: Answer
    do { answer = try JSONDecoder().decode(Answer.self, from: data) } catch {
      throw ClientConfigurationError("credential plugin \"\(command)\" did not print an ExecCredential: \(error)")
    }
    guard answer.kind == "ExecCredential" else {
      throw ClientConfigurationError(
        "credential plugin \"\(command)\" printed kind \(answer.kind.map { "\"\($0)\"" } ?? "nothing"), expected ExecCredential")
    }
    if let version = answer.apiVersion, version != apiVersion {
      throw ClientConfigurationError(
        "credential plugin \"\(command)\" answered \(version), but the kubeconfig asks for \(apiVersion)")
    }
    guard let status = answer.status else {
      throw ClientConfigurationError("credential plugin \"\(command)\" printed no status")
    }
    var credential = ExecCredential(
      token: status.token, clientCertificate: status.clientCertificateData.map { Data($0.utf8) },
      clientKey: status.clientKeyData.map { Data($0.utf8) })
    if (credential.clientCertificate == nil) != (credential.clientKey == nil) {
      throw ClientConfigurationError(
        "credential plugin \"\(command)\" printed a client certificate without its key, or a key without its certificate")
    }
    if credential.token == nil && credential.clientCertificate == nil {
      throw ClientConfigurationError("credential plugin \"\(command)\" printed neither a token nor a client certificate")
    }
    if let text = status.expirationTimestamp {
      guard let date = ISO8601DateFormatter().date(from: text) else {
        throw ClientConfigurationError(
          "credential plugin \"\(command)\": status.expirationTimestamp: expected an RFC 3339 time, got \"\(text)\"")
      }
      credential.expiration = date
    }
    return credential
  }

  /// The executable `command` names: a path as it is, else the first match in `PATH`.
  static func locate(_ command: String, path: String?) -> String? {
    if command.contains("/") { return FileManager.default.isExecutableFile(atPath: command) ? command : nil }
    for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
      let candidate = "\(dir)/\(command)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}

/// Reads a file handle to its end on another thread.
private final class ReadAll: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    DispatchQueue.global().async {
      self.data = handle.readDataToEndOfFile()
      self.done.signal()
    }
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}
