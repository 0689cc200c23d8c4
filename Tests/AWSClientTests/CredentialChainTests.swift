import Foundation
import Testing

@testable import AWSClient

@Suite struct CredentialChainTests {
  let noNetwork = ScriptedTransport { request, _ in
    throw AWSError(
      kind: .transport, service: "test", operation: "none", message: "no network in this test: \(request.url)"
    )
  }

  func select(_ env: [String: String], home: String? = nil) throws -> any AWSCredentialProvider {
    try CredentialChain.select(environment: env, home: home, region: "us-east-1", transport: noNetwork)
  }

  @Test func environmentComesFirst() async throws {
    let dir = try TemporaryDirectory()
    try dir.write(
      ".aws/credentials", "[default]\naws_access_key_id = FROMFILE\naws_secret_access_key = filesecret\n")
    let provider = try select(
      ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SESSION_TOKEN": "tok"],
      home: dir.path)
    let creds = try await provider.credentials()
    #expect(provider.name == "environment")
    #expect(creds.accessKeyID == "AKIAENV")
    #expect(creds.sessionToken == "tok")
  }

  @Test func keyWithoutSecretIsAnError() {
    #expect(throws: AWSCredentialsError.self) { try select(["AWS_ACCESS_KEY_ID": "AKIA"]) }
  }

  @Test func webIdentityComesBeforeSharedFiles() throws {
    let dir = try TemporaryDirectory()
    try dir.write(".aws/credentials", "[default]\naws_access_key_id = FROMFILE\naws_secret_access_key = s\n")
    let provider = try select(
      ["AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/k", "AWS_WEB_IDENTITY_TOKEN_FILE": "/tmp/token"],
      home: dir.path)
    #expect(provider is WebIdentityCredentialProvider)
  }

  @Test func defaultProfileFromCredentialsFile() async throws {
    let dir = try TemporaryDirectory()
    try dir.write(
      ".aws/credentials",
      "# comment\n[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = filesecret\n")
    let creds = try await select([:], home: dir.path).credentials()
    #expect(creds.accessKeyID == "AKIAFILE")
    #expect(creds.secretAccessKey == "filesecret")
  }

  @Test func namedProfileFromConfigFileAndRegion() async throws {
    let dir = try TemporaryDirectory()
    let config = try dir.write(
      "elsewhere/config",
      "[default]\nregion = eu-west-1\n[profile karpenter]\nregion = us-west-2\naws_access_key_id = AKIACONF\naws_secret_access_key = c\n"
    )
    let env = [
      "AWS_PROFILE": "karpenter", "AWS_CONFIG_FILE": config,
      "AWS_SHARED_CREDENTIALS_FILE": dir.path + "/none",
    ]
    let creds = try await select(env, home: dir.path).credentials()
    #expect(creds.accessKeyID == "AKIACONF")
    #expect(RegionResolver.resolve(environment: env, home: dir.path) == "us-west-2")
    #expect(RegionResolver.resolve(environment: ["AWS_CONFIG_FILE": config], home: dir.path) == "eu-west-1")
    #expect(
      RegionResolver.resolve(environment: ["AWS_REGION": "ap-south-1", "AWS_DEFAULT_REGION": "x"], home: nil)
        == "ap-south-1")
  }

  @Test func credentialsFileWinsOverConfigFile() async throws {
    let dir = try TemporaryDirectory()
    try dir.write(".aws/config", "[default]\naws_access_key_id = AKIACONF\naws_secret_access_key = c\n")
    try dir.write(".aws/credentials", "[default]\naws_access_key_id = AKIACRED\naws_secret_access_key = d\n")
    #expect(try await select([:], home: dir.path).credentials().accessKeyID == "AKIACRED")
  }

  @Test func credentialProcessIsRun() async throws {
    let dir = try TemporaryDirectory()
    let script = try dir.write(
      "creds.sh",
      "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIAPROC\", \"SecretAccessKey\": \"p\", \"SessionToken\": \"st\", \"Expiration\": \"2030-01-01T00:00:00Z\"}'\n"
    )
    try dir.write(".aws/config", "[default]\ncredential_process = /bin/sh \(script)\n")
    let creds = try await select([:], home: dir.path).credentials()
    #expect(creds.accessKeyID == "AKIAPROC")
    #expect(creds.expiration == ISO8601.parse("2030-01-01T00:00:00Z"))
  }

  @Test func unknownProfileIsAnError() throws {
    let dir = try TemporaryDirectory()
    #expect(throws: AWSCredentialsError.self) { try select(["AWS_PROFILE": "missing"], home: dir.path) }
  }

  @Test func containerEndpointWithPodIdentityTokenFile() async throws {
    let dir = try TemporaryDirectory()
    let tokenFile = try dir.write("token", "pod-identity-token\n")
    let transport = ScriptedTransport { request, _ in
      #expect(request.url == "http://169.254.170.23/v1/credentials")
      #expect(request.headers.first { $0.0 == "Authorization" }?.1 == "pod-identity-token")
      return AWSHTTPResponse(
        status: 200,
        body: Data(
          #"{"AccessKeyId":"ASIAPOD","SecretAccessKey":"x","Token":"tk","Expiration":"2030-01-01T00:00:00Z"}"#
            .utf8))
    }
    let env = [
      "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://169.254.170.23/v1/credentials",
      "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
    ]
    let provider = try CredentialChain.select(
      environment: env, home: dir.path, region: "us-east-1", transport: transport)
    let creds = try await provider.credentials()
    #expect(creds.accessKeyID == "ASIAPOD")
    #expect(creds.sessionToken == "tk")
  }

  @Test(arguments: [
    ("http://169.254.170.23/v1/credentials", true), ("http://127.0.0.1:8080/creds", true),
    ("http://[fd00:ec2::23]/v1/credentials", true), ("https://example.com/creds", true),
    ("http://example.com/creds", false), ("ftp://127.0.0.1/", false),
  ])
  func containerEndpointHostsAreRestricted(url: String, allowed: Bool) {
    #expect(ContainerCredentialProvider.isAllowed(url) == allowed)
  }

  @Test func relativeContainerURIUsesTheECSAddress() throws {
    let provider = ContainerCredentialProvider(
      environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/creds"], transport: noNetwork)
    #expect(provider?.url == "http://169.254.170.2/v2/creds")
  }

  @Test func imdsV2PutsForATokenThenReadsTheRole() async throws {
    let transport = ScriptedTransport { request, index in
      switch index {
      case 0:
        #expect(request.method == "PUT")
        #expect(request.url == "http://127.0.0.1:1338/latest/api/token")
        return AWSHTTPResponse(status: 200, body: Data("imds-token".utf8))
      case 1:
        #expect(request.headers.contains { $0.0 == "X-aws-ec2-metadata-token" && $0.1 == "imds-token" })
        return AWSHTTPResponse(status: 200, body: Data("KarpenterNodeRole\n".utf8))
      default:
        #expect(request.url.hasSuffix("/security-credentials/KarpenterNodeRole"))
        return AWSHTTPResponse(
          status: 200,
          body: Data(
            #"{"Code":"Success","AccessKeyId":"ASIAIMDS","SecretAccessKey":"y","Token":"z","Expiration":"2030-01-01T00:00:00Z"}"#
              .utf8))
      }
    }
    let env = ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:1338/"]
    let provider = try CredentialChain.select(
      environment: env, home: "/nonexistent", region: "us-east-1", transport: transport)
    #expect(try await provider.credentials().accessKeyID == "ASIAIMDS")
  }

  @Test func imdsCanBeDisabled() {
    #expect(throws: AWSCredentialsError.self) {
      try select(["AWS_EC2_METADATA_DISABLED": "true"], home: "/nonexistent")
    }
  }

  @Test func descriptionNeverShowsSecrets() {
    let creds = AWSCredentials(
      accessKeyID: "AKIAVISIBLE", secretAccessKey: "SECRETVALUE", sessionToken: "TOKENVALUE")
    for text in [creds.description, creds.debugDescription, "\(creds)", String(reflecting: creds)] {
      #expect(text.contains("AKIAVISIBLE"))
      #expect(!text.contains("SECRETVALUE"))
      #expect(!text.contains("TOKENVALUE"))
    }
  }

  @Test func cacheRefreshesBeforeExpiryWithOneFetchForConcurrentCallers() async throws {
    let clock = TestClock()
    let base = CountingProvider(lifetime: 3600, now: { clock.now })
    let cache = CachingCredentialProvider(base, refreshMargin: 300, now: { clock.now })
    let first = try await withThrowingTaskGroup(of: AWSCredentials.self) { group in
      for _ in 0..<8 { group.addTask { try await cache.credentials() } }
      return try await group.reduce(into: [AWSCredentials]()) { $0.append($1) }
    }
    #expect(Set(first.map(\.accessKeyID)) == ["ASIA1"])
    #expect(await base.calls == 1)
    clock.advance(3000)  // 10 minutes left: still fine
    #expect(try await cache.credentials().accessKeyID == "ASIA1")
    clock.advance(360)  // 4 minutes left: inside the margin
    #expect(try await cache.credentials().accessKeyID == "ASIA2")
    #expect(await base.calls == 2)
  }
}

@Suite struct RegionFromIMDSTests {
  @Test func regionComesFromPlacement() async {
    let transport = ScriptedTransport { request, index in
      if index == 0 { return AWSHTTPResponse(status: 200, body: Data("tok".utf8)) }
      #expect(request.url == "http://169.254.169.254/latest/meta-data/placement/region")
      return AWSHTTPResponse(status: 200, body: Data("eu-central-1\n".utf8))
    }
    #expect(await RegionResolver.resolveFromIMDS(environment: [:], transport: transport) == "eu-central-1")
  }

  @Test func disabledOrSilentIMDSGivesNoRegion() async {
    let silent = ScriptedTransport { _, _ in throw ConnectionLost() }
    #expect(await RegionResolver.resolveFromIMDS(environment: [:], transport: silent) == nil)
    #expect(
      await RegionResolver.resolveFromIMDS(environment: ["AWS_EC2_METADATA_DISABLED": "true"], transport: silent) == nil)
    #expect(silent.requests.count == 1)
  }
}
