import AWSClient
import AWSTestSupport
import AsyncHTTPClient
import Foundation
import Testing

/// SSM, Pricing, IAM, SQS, STS and EKS against moto (and the launcher's additions).
@Suite struct MotoServicesTests {
  @Test func ssmPublicParametersComeFromTheLauncherTable() async throws {
    let (moto, aws) = try await SharedMoto.clients()
    let name =
      "/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/\(uniqueName("test"))/image_id"
    try await moto.setSSMParameters([name: "ami-0123456789abcdef0"])
    let parameter = try await aws.ssm.getParameter(name: name)
    #expect(parameter.value == "ami-0123456789abcdef0")
    let both = try await aws.ssm.getParameters(names: [name])
    #expect(both.parameters.map(\.value) == ["ami-0123456789abcdef0"])
    let own = uniqueName("/karpenter/test")
    try await aws.ssm.putParameter(name: own, value: "v1")
    #expect(try await aws.ssm.getParameter(name: own).value == "v1")
    let missing = try await #require(throws: AWSError.self) {
      try await aws.ssm.getParameter(name: "/karpenter/none/\(uniqueName("x"))")
    }
    #expect(missing.code == "ParameterNotFound")
  }

  @Test func pricingGetProductsFiltersAndPages() async throws {
    let (moto, aws) = try await SharedMoto.clients()
    let marker = uniqueName("loc")
    let products = (0..<3).map { i in
      #"{"product":{"attributes":{"instanceType":"m5.\#(i)xlarge","location":"\#(marker)","operatingSystem":"Linux"}},"serviceCode":"AmazonEC2","terms":{"OnDemand":{"x":{"priceDimensions":{"y":{"pricePerUnit":{"USD":"0.\#(i)"}}}}}}}"#
    }
    try await moto.addPricingProducts(products)
    let filters = [
      PricingFilter(field: "location", value: marker),
      PricingFilter(field: "operatingSystem", value: "Linux"),
    ]
    let page = try await aws.pricing.getProductsPage(
      serviceCode: "AmazonEC2", filters: filters, maxResults: 2)
    #expect(page.priceList.count == 2)
    #expect(page.nextToken != nil)
    let all = try await aws.pricing.getProducts(serviceCode: "AmazonEC2", filters: filters, maxResults: 2)
    #expect(all.count == 3)
    let first = try JSONSerialization.jsonObject(with: Data(all[0].utf8)) as? [String: Any]
    #expect(first?["serviceCode"] as? String == "AmazonEC2")
  }

  @Test func iamInstanceProfileLifecycle() async throws {
    let (_, aws) = try await SharedMoto.clients()
    let role = uniqueName("KarpenterNodeRole")
    let profile = uniqueName("karpenter-profile")
    let trust =
      #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
    try await aws.iam.createRole(name: role, assumeRolePolicyDocument: trust)
    #expect(try await aws.iam.getRole(name: role).roleName == role)
    let created = try await aws.iam.createInstanceProfile(
      name: profile, path: "/karpenter/",
      tags: [AWSTag(key: "karpenter.k8s.aws/ec2nodeclass", value: "default")])
    #expect(created.instanceProfileName == profile)
    try await aws.iam.addRoleToInstanceProfile(profileName: profile, roleName: role)
    let read = try await aws.iam.getInstanceProfile(name: profile)
    #expect(read.roles == [role])
    #expect(read.path == "/karpenter/")
    let listed = try await aws.iam.listInstanceProfiles(pathPrefix: "/karpenter/", maxItems: 1)
    #expect(listed.contains { $0.instanceProfileName == profile })
    try await aws.iam.removeRoleFromInstanceProfile(profileName: profile, roleName: role)
    try await aws.iam.deleteInstanceProfile(name: profile)
    let gone = try await #require(throws: AWSError.self) {
      try await aws.iam.getInstanceProfile(name: profile)
    }
    #expect(gone.code == "NoSuchEntity")
    #expect(gone.statusCode == 404)
  }

  @Test func sqsSendReceiveDelete() async throws {
    let (_, aws) = try await SharedMoto.clients()
    let name = uniqueName("interruption")
    let url = try await aws.sqs.createQueue(name: name)
    #expect(try await aws.sqs.getQueueURL(name: name) == url)
    try await aws.sqs.sendMessage(
      queueURL: url, body: #"{"detail-type":"EC2 Spot Instance Interruption Warning"}"#)
    let messages = try await aws.sqs.receiveMessage(
      queueURL: url, maxNumberOfMessages: 10, waitTimeSeconds: 1)
    #expect(messages.count == 1)
    #expect(messages.first?.body.contains("Spot Instance Interruption") == true)
    try await aws.sqs.deleteMessage(queueURL: url, receiptHandle: try #require(messages.first).receiptHandle)
    #expect(try await aws.sqs.receiveMessage(queueURL: url, waitTimeSeconds: 0).isEmpty)
    let missing = try await #require(throws: AWSError.self) {
      try await aws.sqs.getQueueURL(name: uniqueName("none"))
    }
    #expect(missing.code == "AWS.SimpleQueueService.NonExistentQueue")
  }

  @Test func eksDescribeCluster() async throws {
    let (_, aws) = try await SharedMoto.clients()
    let name = uniqueName("cluster")
    let subnets = try await aws.ec2.describeSubnets().prefix(2).map(\.subnetID)
    try await aws.eks.createCluster(
      name: name, roleARN: "arn:aws:iam::123456789012:role/eks", subnetIDs: Array(subnets), version: "1.31")
    let cluster = try await aws.eks.describeCluster(name: name)
    #expect(cluster.name == name)
    #expect(cluster.endpoint?.hasPrefix("https://") == true)
    #expect(cluster.certificateAuthorityData?.isEmpty == false)
    #expect(cluster.version == "1.31")
    let missing = try await #require(throws: AWSError.self) {
      try await aws.eks.describeCluster(name: uniqueName("none"))
    }
    #expect(missing.code == "ResourceNotFoundException")
  }

  @Test func webIdentityCredentialsFromMotoSTS() async throws {
    let moto = try await SharedMoto.unsigned
    let dir = try TemporaryDirectory()
    let tokenFile = try dir.write("token", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln\n")
    let env = [
      "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": moto.endpoint,
      "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/karpenter", "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
      "AWS_ROLE_SESSION_NAME": "karpenter-test",
    ]
    let aws = try AWSClients(environment: env, httpClient: HTTPClient.shared, home: dir.path)
    let creds = try await aws.credentials.credentials()
    #expect(creds.sessionToken?.isEmpty == false)
    #expect(creds.expiration != nil)
    let identity = try await aws.sts.getCallerIdentity()
    #expect(identity.arn.contains("karpenter-test"))
  }
}
