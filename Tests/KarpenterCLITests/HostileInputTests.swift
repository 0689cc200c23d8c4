import Foundation
import KarpenterCLI
import Manifests
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// One test per class of hostile input: files that are not files, output files that are not
/// regular files, numbers at the edges, messages that must stay one readable line.
@Suite struct HostileInputTests {
  // MARK: Reading

  @Test func aDirectoryOrAMissingFileIsNamedPlainly() throws {
    let directory = URL(fileURLWithPath: try temporaryFile("")).deletingLastPathComponent().path
    let output = ValidateRun.run(paths: [directory, directory + "/missing.yaml"])
    #expect(output.exitCode == 1)
    #expect(
      output.stderr
        == "\(directory): a directory, not a manifest file\n\(directory)/missing.yaml: cannot read the file: no such file or directory\n2 errors found\n"
    )
  }

  @Test func aCharacterDeviceIsReadAsAStream() {
    let output = ValidateRun.run(paths: ["/dev/null"])
    #expect(output.exitCode == 0, "\(output.stderr)")
    #expect(output.stdout == "0 objects valid in 1 file\n")
  }

  /// A FIFO is read as `cat` reads it: opening waits for the writer, however late it comes.
  @Test func aFifoIsReadWhenItsWriterComes() throws {
    let directory = URL(fileURLWithPath: try temporaryFile("")).deletingLastPathComponent().path
    let fifo = directory + "/in.fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    let text = try String(contentsOfFile: example("examples/nodepool.yaml"), encoding: .utf8)
    let writer = Thread {
      Thread.sleep(forTimeInterval: 0.3)
      let fd = open(fifo, O_WRONLY)
      _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      close(fd)
    }
    writer.start()
    let output = ValidateRun.run(paths: [fifo])
    #expect(output.stdout == "2 objects valid in 1 file\n", "\(output.stderr)")
  }

  @Test func aFileOverTheLimitIsRefusedBeforeItIsRead() throws {
    let path = try temporaryFile(String(repeating: "# padding\n", count: 200))
    #expect(
      ManifestReader.read(path: path, limit: 1000)
        == .failure(.init("larger than 1000 bytes, the most one manifest file may hold; split it into several files")))
    #expect((try? ManifestReader.read(path: path, limit: 2000).get())?.count == 2000)
  }

  @Test func invalidUTF8IsReportedWithItsOffset() {
    let bytes = Array("a: 1\nb: x".utf8) + [0xC3, 0x28] + Array("\n".utf8)
    #expect(
      ManifestReader.decodeUTF8(bytes)
        == .failure(
          .init(
            "not UTF-8 text: byte 9 (line 2, column 5) is 0xC3, which does not start or continue a UTF-8 character"
          )))
    // Overlong forms and surrogates are not UTF-8 either.
    #expect(ManifestReader.decodeUTF8([0xC0, 0xAF]) != .success("/"))
    #expect((try? ManifestReader.decodeUTF8([0xED, 0xA0, 0x80]).get()) == nil)
    #expect(ManifestReader.decodeUTF8(Array("é 🙂".utf8)) == .success("é 🙂"))
  }

  // MARK: Messages

  @Test func aTenMegabyteValueIsNotEchoedWhole() throws {
    let huge = String(repeating: "x", count: 10 * 1024 * 1024)
    let path = try temporaryFile(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: \(huge)}}\nspec: {containers: [{name: c}]}\n")
    let output = ValidateRun.run(paths: [path])
    #expect(output.exitCode == 1)
    #expect(output.stderr.utf8.count < 2000)
    #expect(
      output.stderr.contains(
        "metadata.labels[app]: Invalid value: \"\(String(repeating: "x", count: 256))...(truncated)\": must be no more than 63 characters"
      ))
  }

  @Test func oneErrorIsOneError() throws {
    let path = try temporaryFile("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {}\n")
    let output = SimulateRun.run(paths: [path])
    #expect(output.exitCode == 1)
    #expect(output.stderr.hasSuffix("\n1 error found; nothing was simulated\n"))
  }

  // MARK: Numbers

  @Test func aPricesFileIsBoundedAndReadLikeManifests() throws {
    let prices = try temporaryFile(#"{"onDemand": {"m5.large": 1e308}}"#, name: "prices.json")
    let scenario = try temporaryFile(
      """
      apiVersion: simulation.karpenter.sh/v1alpha1
      kind: Scenario
      metadata: {name: s}
      spec: {cloud: {pricesFile: \(prices)}}
      """)
    let output = SimulateRun.run(paths: [scenario])
    #expect(output.exitCode == 1)
    #expect(
      output.stderr.contains(
        "the prices file \(prices): onDemand[m5.large]: 1e+308 must be a number of dollars per hour from 0 to 1000000"))
    let directory = URL(fileURLWithPath: prices).deletingLastPathComponent().path
    let again = try temporaryFile(
      """
      apiVersion: simulation.karpenter.sh/v1alpha1
      kind: Scenario
      metadata: {name: s}
      spec: {cloud: {pricesFile: \(directory)}}
      """)
    #expect(
      SimulateRun.run(paths: [again]).stderr.contains(
        "the prices file \(directory): a directory, not a manifest file"))
  }

  /// The most expensive offering allowed, on many nodes for a week, still sums to a finite
  /// cost: the JSON encoder never fails after a run.
  @Test func theLargestPricesStillEncode() throws {
    let path = try temporaryFile(
      """
      apiVersion: simulation.karpenter.sh/v1alpha1
      kind: Scenario
      metadata: {name: s}
      spec:
        duration: 168h
        cloud:
          instanceTypes:
            list:
            - name: dear
              capacity: {cpu: "1", memory: 1Gi}
              offerings: [{zone: z, capacityType: on-demand, price: 1000000}]
      ---
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: default}
      spec:
        template:
          spec:
            requirements: []
            nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 20
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: c, resources: {requests: {cpu: 600m}}}]}
      """)
    let output = SimulateRun.run(paths: [path], output: .json)
    #expect(output.exitCode == 0, "\(output.stderr)")
    #expect(output.stdout.contains("\"perHour\" : 20000000"))
  }

  // MARK: --report and --log

  @Test func reportsWriteThroughASymbolicLinkAndIntoDevices() throws {
    let input = example("examples/nodepool.yaml")
    let directory = URL(fileURLWithPath: try temporaryFile("")).deletingLastPathComponent().path
    let target = directory + "/target.html"
    let link = directory + "/link.html"
    #expect(FileManager.default.createFile(atPath: target, contents: Data()))
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.html")
    let output = SimulateRun.run(paths: [input], report: link, log: "/dev/null")
    #expect(output.exitCode == 0, "\(output.stderr)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.html")
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    var info = stat()
    #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
  }

  @Test func aLogGoesIntoAFifoAsAStream() throws {
    let directory = URL(fileURLWithPath: try temporaryFile("")).deletingLastPathComponent().path
    let fifo = directory + "/log.fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    // Read on a thread of its own: opening a FIFO blocks until the other end opens.
    let received = Mutex(0)
    let done = DispatchSemaphore(value: 0)
    let reader = Thread {
      let fd = open(fifo, O_RDONLY)
      var buffer = [UInt8](repeating: 0, count: 65536)
      while fd >= 0 {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        received.withLock { $0 += n }
      }
      close(fd)
      done.signal()
    }
    reader.start()
    let output = SimulateRun.run(paths: [example("examples/quickstart.yaml")], log: fifo)
    #expect(output.exitCode == 0, "\(output.stderr)")
    #expect(done.wait(timeout: .now() + 30) == .success)
    #expect(received.withLock { $0 } > 1000)
    var info = stat()
    #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
  }

  @Test func aDirectoryIsRefusedBeforeTheRun() throws {
    let directory = URL(fileURLWithPath: try temporaryFile("")).deletingLastPathComponent().path
    let output = SimulateRun.run(paths: [example("examples/nodepool.yaml")], report: directory)
    #expect(output == CommandOutput(stderr: "cannot write the report to \(directory): it is a directory; name a file\n", exitCode: 1))
    let missing = SimulateRun.run(paths: [example("examples/nodepool.yaml")], log: directory + "/no/such/log")
    #expect(missing.stderr == "cannot write the log to \(directory)/no/such/log: no such file or directory\n")
  }
}

/// What only a process shows: usage errors, and output streams that cannot be written.
@Suite struct HostileProcessTests {
  @Test(arguments: ["-1", "0", "1e-300", "2e9"])
  func speedOutOfRangeIsAUsageError(_ speed: String) throws {
    let run = try runKarpenter(["controller", "--in-memory", example("examples/nodepool.yaml"), "--speed", speed])
    #expect(run.status == 2)
    #expect(run.stderr.contains("Error: --speed must be a number from 0.001 to 1000000000"))
    #expect(!run.stderr.contains("Missing value"))
  }

  @Test func aFullDiskIsAnErrorNotACrash() throws {
    let run = try runKarpenter(["validate", example("examples/nodepool.yaml")], stdout: "/dev/full")
    #expect(run.status == 1)
    #expect(run.stderr == "karpenter: cannot write to standard output: no space left on device\n")
  }

  /// `>&-` and `<&-`: the runtime takes the free descriptor numbers before `main`, so output
  /// once went into its event descriptor ("Invalid argument").
  @Test func closedStandardStreamsAreSaidToBeClosed() throws {
    let binary = repositoryRoot.appendingPathComponent(".build/debug/karpenter").path
    func shell(_ command: String) throws -> (Int32, String) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", command]
      let err = Pipe()
      process.standardError = err
      try process.run()
      let data = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
    let nodePool = example("examples/nodepool.yaml")
    let (status, stderr) = try shell("exec '\(binary)' validate '\(nodePool)' >&-")
    #expect(status == 1)
    #expect(stderr == "karpenter: cannot write to standard output: it is closed\n")
    let (inStatus, inStderr) = try shell("exec '\(binary)' validate - <&-")
    #expect(inStatus == 1)
    #expect(inStderr == "<stdin>: cannot read standard input: it is closed\n1 error found\n")
  }

  @Test func aClosedPipeIsNotACrash() throws {
    let run = try runKarpenter(["simulate", example("examples/quickstart.yaml"), "--output", "json"], closeStdout: true)
    #expect(run.status != 0)
    #expect(!run.stderr.contains("Fatal error"))
    #expect(!run.stderr.contains("Stack dump"))
  }
}
