import Foundation
import Testing

@testable import KarpenterCLI

@Suite("karpenter sandbox")
struct SandboxCommandTests {
  @Test(
    "--listen must be HOST:PORT; --faults must be fault settings",
    arguments: [
      ["sandbox", "--listen", "nonsense"], ["sandbox", "--listen", "127.0.0.1:70000"],
      ["sandbox", "--faults", "{\"errors\":{\"code\":404}}"], ["sandbox", "--faults", "not json"],
    ])
  func refused(arguments: [String]) {
    #expect(throws: (any Error).self) { try Karpenter.parseAsRoot(arguments) }
  }

  @Test("the defaults: a free port on 127.0.0.1, stand-ins on")
  func defaults() throws {
    let command = try #require(try Karpenter.parseAsRoot(["sandbox"]) as? SandboxCommand)
    #expect(command.address?.host == "127.0.0.1")
    #expect(command.address?.port == 0)
    #expect(command.standIns)
  }

  @Test(
    "writes a kubeconfig that reaches it once it answers, prints one ready line, stops on SIGTERM",
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/kubectl"),
      "kubectl is not installed at /usr/bin/kubectl"))
  func lifecycle() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sandbox-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let kubeconfig = directory.appendingPathComponent("kubeconfig").path
    let process = Process()
    process.executableURL = repositoryRoot.appendingPathComponent(".build/debug/karpenter")
    process.arguments = ["sandbox", "--listen", "127.0.0.1:0", "--kubeconfig", kubeconfig]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(30)
    while !FileManager.default.fileExists(atPath: kubeconfig), Date() < deadline, process.isRunning {
      usleep(20_000)
    }
    #expect(FileManager.default.fileExists(atPath: kubeconfig))

    let kubectl = Process()
    kubectl.executableURL = URL(fileURLWithPath: "/usr/bin/kubectl")
    kubectl.arguments = ["--kubeconfig", kubeconfig, "get", "ns", "-o", "name"]
    let out = Pipe()
    kubectl.standardOutput = out
    kubectl.standardError = out
    try kubectl.run()
    let listed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    kubectl.waitUntilExit()
    #expect(listed.contains("namespace/default"), "\(listed)")
    let config = try String(contentsOfFile: kubeconfig, encoding: .utf8)
    #expect(config.contains("current-context: sandbox"))

    process.terminate()  // SIGTERM
    let stopBy = Date().addingTimeInterval(10)
    while process.isRunning, Date() < stopBy { usleep(20_000) }
    #expect(!process.isRunning, "the sandbox did not stop within 10 s of SIGTERM")
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let lines = stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(stderr)")
    #expect(lines.first?.contains("serving the Kubernetes API at http://127.0.0.1:") == true)
  }
}
