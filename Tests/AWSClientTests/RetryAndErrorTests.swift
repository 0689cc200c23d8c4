import AWSClient
import AWSTestSupport
import Foundation
import Testing

/// Throttling against moto, and malformed answers through a stated double (moto cannot be
/// made to send them on purpose).
@Suite struct RetryAndErrorTests {
  @Test func throttledCallsAreRetriedThenSucceed() async throws {
    let (moto, aws) = try await SharedMoto.clients(maxAttempts: 4)
    try await moto.throttle(count: 2, action: "DescribeSpotPriceHistory")
    let prices = try await aws.ec2.describeSpotPriceHistory(instanceTypes: ["m5.large"])
    #expect(prices.contains { $0.availabilityZone == "us-east-1a" && $0.instanceType == "m5.large" && $0.price > 0 })
    #expect(prices.first?.timestamp != nil)
  }

  @Test func throttlingThatOutlastsTheAttemptsIsAClearError() async throws {
    let (moto, aws) = try await SharedMoto.clients(maxAttempts: 2)
    try await moto.throttle(count: 2, action: "DescribeInstanceTypeOfferings")
    let error = try await #require(throws: AWSError.self) {
      try await aws.ec2.describeInstanceTypeOfferings()
    }
    #expect(error.code == "RequestLimitExceeded")
    #expect(error.isThrottling)
    #expect(error.attempts == 2)
    #expect(error.description.contains("after 2 attempts"))
  }

  @Test func jsonThrottlingIsRetriedToo() async throws {
    let (moto, aws) = try await SharedMoto.clients(maxAttempts: 3)
    let name = uniqueName("/karpenter/throttle")
    try await aws.ssm.putParameter(name: name, value: "x")
    try await moto.throttle(count: 2, action: "GetParameter")
    #expect(try await aws.ssm.getParameter(name: name).value == "x")
  }

  func clients(_ answer: @escaping @Sendable (AWSHTTPRequest, Int) throws -> AWSHTTPResponse) throws -> (
    AWSClients, ScriptedTransport
  ) {
    let transport = ScriptedTransport(answer)
    let aws = try AWSClients(
      environment: [
        "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "AKIATEST", "AWS_SECRET_ACCESS_KEY": "s",
      ],
      transport: transport, retryPolicy: AWSRetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1)))
    return (aws, transport)
  }

  @Test func htmlErrorPageBecomesAMalformedResponseErrorAfterRetries() async throws {
    let (aws, transport) = try clients { _, _ in
      AWSHTTPResponse(
        status: 500, headers: [("Content-Type", "text/html")],
        body: Data("<!DOCTYPE html><html><body>Internal Server Error".utf8))
    }
    let error = try await #require(throws: AWSError.self) { try await aws.ec2.describeInstances() }
    #expect(error.kind == .malformedResponse)
    #expect(error.statusCode == 500)
    #expect(error.description.hasPrefix("EC2 DescribeInstances failed: the answer is not XML"))
    #expect(transport.requests.count == 3)
  }

  @Test func truncatedXMLOnSuccessIsAnErrorNotACrash() async throws {
    let (aws, transport) = try clients { _, _ in
      AWSHTTPResponse(status: 200, body: Data("<DescribeInstancesResponse><reservationSet><item>".utf8))
    }
    let error = try await #require(throws: AWSError.self) { try await aws.ec2.describeInstances() }
    #expect(error.kind == .malformedResponse)
    #expect(transport.requests.count == 1)
  }

  @Test func nonJSONAnswerFromAJSONServiceIsAnError() async throws {
    let (aws, _) = try clients { _, _ in AWSHTTPResponse(status: 200, body: Data("not json".utf8)) }
    let error = try await #require(throws: AWSError.self) { try await aws.ssm.getParameter(name: "/x") }
    #expect(error.kind == .malformedResponse)
    #expect(error.service == "SSM")
  }

  @Test func ec2ErrorIsReadWithCodeMessageAndRequestID() async throws {
    let (aws, transport) = try clients { _, _ in
      AWSHTTPResponse(
        status: 400,
        body: Data(
          "<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID 'i-1' does not exist</Message></Error></Errors><RequestID>req-1234</RequestID></Response>"
            .utf8))
    }
    let error = try await #require(throws: AWSError.self) {
      try await aws.ec2.describeInstances(ids: ["i-1"])
    }
    #expect(
      error.description
        == "EC2 DescribeInstances failed: InvalidInstanceID.NotFound: The instance ID 'i-1' does not exist (HTTP 400, request req-1234)"
    )
    #expect(transport.requests.count == 1)
    let body = String(decoding: try #require(transport.requests.first).body, as: UTF8.self)
    #expect(body.contains("Action=DescribeInstances"))
    #expect(body.contains("Version=2016-11-15"))
    #expect(body.contains("InstanceId.1=i-1"))
  }

  @Test func connectionErrorsAreRetried() async throws {
    let (aws, transport) = try clients { _, index in
      if index == 0 { throw ConnectionLost() }
      return AWSHTTPResponse(
        status: 200,
        body: Data(
          "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"
            .utf8))
    }
    #expect(try await aws.sts.getCallerIdentity().account == "1")
    #expect(transport.requests.count == 2)
  }

  @Test func motoHTMLPageForAnUnimplementedCallIsAClearError() async throws {
    let (_, aws) = try await SharedMoto.clients(maxAttempts: 1)
    // moto 5.2.1 does not implement DescribeCapacityReservations and answers 500 with HTML.
    let error = try await #require(throws: AWSError.self) { try await aws.ec2.describeCapacityReservations() }
    #expect(error.kind == .malformedResponse)
    #expect(error.statusCode == 500)
    #expect(error.description.contains("the answer is not XML"))
  }

  @Test func ec2FiltersAreFlattened() {
    var p = QueryParameters()
    p.set(filters: [
      EC2Filter(name: "tag:karpenter.sh/discovery", values: ["a", "b"]),
      EC2Filter(name: "state", values: ["available"]),
    ])
    #expect(
      p.formEncoded
        == "Filter.1.Name=tag%3Akarpenter.sh%2Fdiscovery&Filter.1.Value.1=a&Filter.1.Value.2=b&Filter.2.Name=state&Filter.2.Value.1=available"
    )
  }

  @Test(arguments: [
    ("EC2", "https://ec2.us-west-2.amazonaws.com", "us-west-2"),
    ("IAM", "https://iam.amazonaws.com", "us-east-1"),
    ("Pricing", "https://api.pricing.us-east-1.amazonaws.com", "us-east-1"),
    ("SQS", "https://sqs.us-west-2.amazonaws.com", "us-west-2"),
  ])
  func publicEndpoints(service: String, url: String, signingRegion: String) {
    guard let id = [AWSServiceID.ec2, .iam, .pricing, .sqs].first(where: { $0.displayName == service }) else {
      Issue.record("unknown service \(service)")
      return
    }
    let endpoint = AWSEndpoint.resolve(id, region: "us-west-2", environment: [:])
    #expect(endpoint.url == url)
    #expect(endpoint.signingRegion == signingRegion)
  }

  @Test func endpointOverridesPreferTheServiceVariable() {
    let env = ["AWS_ENDPOINT_URL": "http://all:1", "AWS_ENDPOINT_URL_EC2": "http://ec2:2/"]
    #expect(AWSEndpoint.resolve(.ec2, region: "us-west-2", environment: env).url == "http://ec2:2")
    #expect(AWSEndpoint.resolve(.ssm, region: "us-west-2", environment: env).url == "http://all:1")
    #expect(AWSEndpoint.resolve(.iam, region: "us-west-2", environment: env).signingRegion == "us-east-1")
  }

  @Test func backoffIsBoundedFullJitter() {
    let policy = AWSRetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(100), maxBackoff: .seconds(1))
    #expect(policy.backoff(afterAttempt: 1, random: 0.999) < .milliseconds(100))
    #expect(policy.backoff(afterAttempt: 3, random: 0.5) == .milliseconds(200))
    #expect(policy.backoff(afterAttempt: 20, random: 0.999) < .seconds(1))
    #expect(policy.backoff(afterAttempt: 2, random: 0) == .zero)
  }
}

/// What a dropped connection looks like to the requester: any error from the transport.
struct ConnectionLost: Error {}

/// The launcher's own lifecycle.
@Suite struct MotoServerTests {
  @Test func stopEndsTheLauncher() async throws {
    let moto = try await MotoServer.start(checkSignatures: false)
    #expect(moto.isRunning)
    #expect(moto.endpoint.hasPrefix("http://127.0.0.1:"))
    moto.stop()
    for _ in 0..<50 where moto.isRunning {
      try await Task.sleep(for: .milliseconds(100))
    }
    #expect(!moto.isRunning)
  }
}

/// Credentials AWS refuses as expired before their stated expiry (a revoked session, a skewed
/// clock), through the stated double: moto does not expire sessions.
@Suite struct ExpiredCredentialTests {
  @Test func expiredTokenFetchesFreshCredentialsOnceAndRetries() async throws {
    let provider = CountingProvider(lifetime: 3600, now: Date.init)
    let transport = ScriptedTransport { request, index in
      let key = request.headers.first { $0.0.lowercased() == "authorization" }?.1 ?? ""
      // The first credentials (ASIA1) are refused; fresh ones (ASIA2) are accepted.
      if key.contains("Credential=ASIA1/") {
        return AWSHTTPResponse(
          status: 400,
          body: Data(
            "<Response><Errors><Error><Code>RequestExpired</Code><Message>Request has expired.</Message></Error></Errors><RequestID>r</RequestID></Response>"
              .utf8))
      }
      return AWSHTTPResponse(status: 200, body: Data("<DescribeInstancesResponse><reservationSet/></DescribeInstancesResponse>".utf8))
    }
    let aws = try AWSClients(
      environment: ["AWS_REGION": "us-east-1"], transport: transport,
      credentials: CachingCredentialProvider(provider),
      retryPolicy: AWSRetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1)))
    #expect(try await aws.ec2.describeInstances().isEmpty)
    #expect(await provider.calls == 2)
    #expect(transport.requests.count == 2)
  }

  @Test func credentialsRefusedAgainAfterAFreshFetchAreAClearError() async throws {
    let provider = CountingProvider(lifetime: 3600, now: Date.init)
    let transport = ScriptedTransport { _, _ in
      AWSHTTPResponse(
        status: 400,
        body: Data(
          "<Response><Errors><Error><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error></Errors><RequestID>r</RequestID></Response>"
            .utf8))
    }
    let aws = try AWSClients(
      environment: ["AWS_REGION": "us-east-1"], transport: transport,
      credentials: CachingCredentialProvider(provider),
      retryPolicy: AWSRetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1)))
    let error = try await #require(throws: AWSError.self) { try await aws.ec2.describeInstances() }
    #expect(error.code == "ExpiredToken")
    #expect(error.description.contains("The security token included in the request is expired"))
    #expect(!error.description.contains("\"s\""))
    // One fresh fetch, not one per attempt.
    #expect(await provider.calls == 2)
  }
}
