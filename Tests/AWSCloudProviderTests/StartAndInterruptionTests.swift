import StoreAPITestSupport
import AWSClient
import AWSCloudProvider
import AWSProvider
import ControllerRuntime
import Controllers
import Foundation
import Logging
import Testing

/// Start-up failures (wrong secret, endpoint down) and the interruption queue.
extension AWSCloudProviderTests {
  @Test func wrongSecretFailsStartWithTheAuthFailureAndNoSecret() async throws {
    let world = try await AWSWorld.make("secret")
    let wrongSecret = "wrong-secret-7f3a9c"
    for endpoint in [nil, "https://api.example.com"] {
      let (moto, aws) = try await AWSWorld.clients(["AWS_SECRET_ACCESS_KEY": wrongSecret])
      var settings = world.settings()
      settings.clusterEndpoint = endpoint
      let error = try await #require(throws: AWSError.self) {
        try await AWSCloudProvider.start(aws: aws, settings: settings, api: world.api, logger: Logger(label: "t"))
      }
      // Without CLUSTER_ENDPOINT the EKS call fails; with it, that failure is only logged and
      // STS GetCallerIdentity fails.
      let operation = endpoint == nil ? "EKS DescribeCluster" : "STS GetCallerIdentity"
      #expect(error.description.hasPrefix("\(operation) failed: SignatureDoesNotMatch: "), "\(error)")
      #expect(error.code == "SignatureDoesNotMatch")
      #expect(error.statusCode == 403, "\(error)")
      #expect(error.kind == AWSError.Kind.service)
      #expect(!error.description.contains(wrongSecret))
      #expect(!error.description.contains(moto.secretAccessKey))
    }
  }

  @Test func endpointDownFailsStartWithinTheRetryBudget() async throws {
    // Port 1 on the loopback: nothing listens there. AsyncHTTPClient keeps retrying a refused
    // connection until the attempt's deadline, so the budget is attempts × timeout (2 × 2 s).
    let (_, aws) = try await AWSWorld.clients(
      ["AWS_ENDPOINT_URL": "http://127.0.0.1:1"], maxAttempts: 2, timeout: .seconds(2))
    let api = StoreAPI()
    for endpoint in [nil, "https://api.example.com"] {
      var settings = AWSProviderSettings(clusterName: "unreachable")
      settings.clusterEndpoint = endpoint
      let started = ContinuousClock.now
      let error = try await #require(throws: AWSError.self) {
        try await AWSCloudProvider.start(aws: aws, settings: settings, api: api, logger: Logger(label: "t"))
      }
      #expect(ContinuousClock.now - started < .seconds(10))
      #expect(error.kind == AWSError.Kind.transport)
      let operation = endpoint == nil ? "EKS DescribeCluster failed: " : "STS GetCallerIdentity failed: "
      #expect(error.description.hasPrefix(operation), "\(error)")
      #expect(error.description.contains("127.0.0.1:1"), "\(error)")
      #expect(error.attempts == 2, "\(error)")
    }
  }

  static func queueCounts(_ aws: AWSClients, _ url: String) async throws -> [String: String] {
    let answer = try await aws.sqs.json.call(
      "GetQueueAttributes",
      ["QueueUrl": url, "AttributeNames": ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]])
    return answer.stringMap("Attributes")
  }

  @Test func interruptionMessagesBecomeCloudEventsAndAreDeletedOnceHandled() async throws {
    let world = try await AWSWorld.make("interrupt")
    let queueName = "\(world.cluster)-interruption"
    let url = try await world.aws.sqs.createQueue(name: queueName)
    let provider = try await world.start(interruptionQueue: queueName)
    let (events, continuation) = AsyncStream.makeStream(of: CloudEvent.self)
    let watcher = Task { await provider.watchCloud { continuation.yield($0) } }
    defer { watcher.cancel() }
    @Sendable func next() async throws -> CloudEvent {
      try await within(40) {
        var iterator = events.makeAsyncIterator()
        guard let event = await iterator.next() else { throw FixtureError("the stream ended") }
        return event
      }
    }

    let spot =
      #"{"version":"0","id":"7e5a","detail-type":"EC2 Spot Instance Interruption Warning","source":"aws.ec2","account":"123456789012","time":"2026-11-30T07:00:00Z","region":"us-east-1","resources":["arn:aws:ec2:us-east-1b:instance/i-0123456789abcdef0"],"detail":{"instance-id":"i-0123456789abcdef0","instance-action":"terminate"}}"#
    _ = try await world.aws.sqs.sendMessage(queueURL: url, body: spot)
    guard case .interruption(let instanceID, let kind, let handled) = try await next() else {
      Issue.record("expected an interruption")
      return
    }
    #expect(instanceID == "i-0123456789abcdef0")
    #expect(kind == .spotInterruption)
    // Received but not yet handled: in flight, not deleted.
    #expect(try await Self.queueCounts(world.aws, url) == ["ApproximateNumberOfMessages": "0", "ApproximateNumberOfMessagesNotVisible": "1"])
    await handled()
    #expect(try await Self.queueCounts(world.aws, url) == ["ApproximateNumberOfMessages": "0", "ApproximateNumberOfMessagesNotVisible": "0"])

    _ = try await world.aws.sqs.sendMessage(queueURL: url, body: "not an event {")
    guard case .ignored(let reason, let handledIgnored) = try await next() else {
      Issue.record("expected an ignored message")
      return
    }
    #expect(reason.contains("it is not an EventBridge event (the body is not JSON)"), "\(reason)")
    await handledIgnored()
    #expect(try await Self.queueCounts(world.aws, url) == ["ApproximateNumberOfMessages": "0", "ApproximateNumberOfMessagesNotVisible": "0"])
  }
}
