import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// moto 5.2.1 running in a child Python process on a free port, with the launcher's additions
/// (see `moto_launcher.py` beside this file and docs/aws.md).
///
/// ```swift
/// let moto = try await MotoServer.start()
/// defer { moto.stop() }
/// let env = moto.environment  // AWS_ENDPOINT_URL, keys, region
/// ```
/// The child exits when its standard input closes, so it dies with the test process.
public final class MotoServer: Sendable {
  /// `http://127.0.0.1:PORT`.
  public let endpoint: String
  public let port: Int
  /// The key pair of the launcher's IAM user (allowed everything); the only one moto accepts
  /// when signatures are checked.
  public let accessKeyID: String
  public let secretAccessKey: String
  public let checksSignatures: Bool
  private let process: Process
  private let stdin: Pipe

  private init(
    endpoint: String, port: Int, accessKeyID: String, secretAccessKey: String, checksSignatures: Bool,
    process: Process, stdin: Pipe
  ) {
    self.endpoint = endpoint
    self.port = port
    self.accessKeyID = accessKeyID
    self.secretAccessKey = secretAccessKey
    self.checksSignatures = checksSignatures
    self.process = process
    self.stdin = stdin
  }

  /// The launcher script, found next to this file.
  public static var launcherPath: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("moto_launcher.py")
      .path
  }

  /// Environment for `AWSClients`: endpoint override, region and the launcher's keys.
  public var environment: [String: String] {
    [
      "AWS_ENDPOINT_URL": endpoint, "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": accessKeyID,
      "AWS_SECRET_ACCESS_KEY": secretAccessKey, "AWS_EC2_METADATA_DISABLED": "true",
    ]
  }

  /// Installs moto if needed, starts the launcher and waits for its `LISTENING` line.
  ///
  /// - Parameter checkSignatures: false starts moto without authentication (needed for unsigned
  ///   calls such as AssumeRoleWithWebIdentity, which moto would otherwise reject).
  public static func start(checkSignatures: Bool = true) async throws -> MotoServer {
    try await ensureMotoInstalled()
    return try await runOnThread {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["python3", launcherPath] + (checkSignatures ? [] : ["--no-auth"])
      let stdout = Pipe()
      let stdin = Pipe()
      process.standardOutput = stdout
      process.standardInput = stdin
      process.standardError = FileHandle.nullDevice
      try process.run()
      let line = readLine(stdout.fileHandleForReading)
      let fields = line.split(separator: " ").map(String.init)
      guard fields.count == 4, fields[0] == "LISTENING", let port = Int(fields[1]) else {
        process.terminate()
        throw MotoServerError(message: "moto_launcher.py did not report its port (first line: \"\(line)\").")
      }
      return MotoServer(
        endpoint: "http://127.0.0.1:\(port)", port: port, accessKeyID: fields[2], secretAccessKey: fields[3],
        checksSignatures: checkSignatures, process: process, stdin: stdin)
    }
  }

  /// One server per mode for the whole test process, started on first use and never stopped (it
  /// exits with the process). Tests sharing it keep apart by naming their own resources.
  public static func shared(checkSignatures: Bool = true) async throws -> MotoServer {
    try await (checkSignatures ? sharedSigned : sharedUnsigned).value
  }

  private static let sharedSigned = Task { try await MotoServer.start(checkSignatures: true) }
  private static let sharedUnsigned = Task { try await MotoServer.start(checkSignatures: false) }

  /// Ends the launcher: closes its stdin (it exits at EOF) and sends SIGTERM. Does not wait.
  public func stop() {
    try? stdin.fileHandleForWriting.close()
    if process.isRunning { process.terminate() }
  }

  /// Whether the launcher process is still alive.
  public var isRunning: Bool { process.isRunning }

  // MARK: Control endpoints

  /// Names under `/aws/service/` that GetParameter(s) answer with these values.
  public func setSSMParameters(_ parameters: [String: String]) async throws {
    try await control("ssm-parameters", ["parameters": parameters])
  }

  /// Price-list documents (JSON objects) that Pricing GetProducts answers from.
  public func addPricingProducts(_ productsJSON: [String]) async throws {
    let products = try productsJSON.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) }
    try await control("pricing-products", ["products": products])
  }

  /// CreateFleet overrides matching (type, zone or subnet) fail with `errorCode`.
  public func addCapacityError(
    instanceType: String?, availabilityZone: String? = nil, subnetID: String? = nil,
    errorCode: String = "InsufficientInstanceCapacity"
  ) async throws {
    var rule: [String: Any] = ["errorCode": errorCode]
    rule["instanceType"] = instanceType
    rule["availabilityZone"] = availabilityZone
    rule["subnetId"] = subnetID
    try await control("capacity-errors", ["errors": [rule]])
  }

  /// The next `count` requests (of `action` only, when given) are throttled.
  public func throttle(count: Int, action: String? = nil) async throws {
    var body: [String: Any] = ["count": count]
    body["action"] = action
    try await control("throttle", body)
  }

  /// Clears every addition.
  public func resetExtras() async throws { try await control("reset", [:]) }

  private func control(_ name: String, _ body: [String: Any]) async throws {
    guard let url = URL(string: "\(endpoint)/_karpenter/\(name)") else {
      throw MotoServerError(message: "\(endpoint) is not a URL.")
    }
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    let (_, response) = try await URLSession.shared.data(for: request)
    guard (response as? HTTPURLResponse)?.statusCode == 200 else {
      throw MotoServerError(message: "the launcher refused /_karpenter/\(name).")
    }
  }

  // MARK: Process plumbing

  private static func ensureMotoInstalled() async throws {
    try await runOnThread {
      if try run(["python3", "-c", "import moto.server, werkzeug"]) == 0 { return }
      guard try run(["python3", "-m", "pip", "install", "--quiet", "moto[server]==5.2.1"]) == 0 else {
        throw MotoServerError(
          message: "moto is not importable and `pip install 'moto[server]==5.2.1'` failed.")
      }
    }
  }

  private static func run(_ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// One line from the pipe, read byte by byte (so nothing past the line is consumed).
  private static func readLine(_ handle: FileHandle) -> String {
    var bytes: [UInt8] = []
    while let chunk = try? handle.read(upToCount: 1), let byte = chunk.first, byte != UInt8(ascii: "\n") {
      bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Blocking work on its own thread, never on Swift's cooperative pool.
  private static func runOnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(with: Result { try body() })
      }
    }
  }
}

/// Why moto could not be started or driven.
public struct MotoServerError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
}
