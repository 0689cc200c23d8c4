import Foundation
import Testing

/// Runs the built `karpenter` binary as a user would, for what only a process shows: exit
/// statuses and the two output streams. `swift build` (which `.ci/run` runs first) puts it in
/// `.build/debug`.
/// `stdout` names a file to write standard output to instead of a pipe; `closeStdout` closes
/// the pipe's reading end at once, as `| head -0` would.
func runKarpenter(_ arguments: [String], stdin: String? = nil, stdout: String? = nil, closeStdout: Bool = false) throws
  -> (
    status: Int32, stdout: String, stderr: String
  )
{
  let binary = repositoryRoot.appendingPathComponent(".build/debug/karpenter")
  let process = Process()
  process.executableURL = binary
  process.arguments = arguments
  let out = Pipe()
  let err = Pipe()
  let input = Pipe()
  if let stdout, let file = FileHandle(forWritingAtPath: stdout) {
    process.standardOutput = file
  } else {
    process.standardOutput = out
  }
  process.standardError = err
  process.standardInput = input
  try process.run()
  if stdout != nil || closeStdout { try out.fileHandleForReading.close() }
  if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
  try input.fileHandleForWriting.close()
  let stdoutData = stdout != nil || closeStdout ? Data() : out.fileHandleForReading.readDataToEndOfFile()
  let stderrData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    process.terminationStatus, String(decoding: stdoutData, as: UTF8.self),
    String(decoding: stderrData, as: UTF8.self)
  )
}

@Suite struct ProcessTests {
  @Test func badUsageExitsTwo() throws {
    let missing = try runKarpenter(["validate"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("Missing expected argument"))
    let unknown = try runKarpenter(["frobnicate"])
    #expect(unknown.status == 2)
  }

  @Test func validateReadsStandardInput() throws {
    let bad = try runKarpenter(
      ["validate", "-"],
      stdin:
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, resources: {requests: {cpu: 2cores}}}]}\n"
    )
    #expect(bad.status == 1)
    #expect(
      bad.stderr.contains(
        "<stdin>: document 1 (Pod \"default/p\"), line 4: spec.containers[0].resources.requests[cpu]: Invalid value: \"2cores\""
      ))
    let good = try runKarpenter(["validate", example("examples/nodepool.yaml")])
    #expect(good.status == 0)
  }

  @Test func versionAndHelp() throws {
    let version = try runKarpenter(["version"])
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("karpenter "))
    let help = try runKarpenter(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("validate"))
    #expect(help.stdout.contains("convert"))
  }
}
