/// An SSM parameter's value (Karpenter reads the public `/aws/service/...` AMI aliases).
public struct SSMParameter: Sendable, Hashable {
  public var name: String
  public var value: String
  /// `String`, `StringList`, `SecureString`.
  public var type: String
  public var version: Int?
  /// `text` or `aws:ec2:image`.
  public var dataType: String?

  public init(
    name: String, value: String, type: String, version: Int? = nil, dataType: String? = nil
  ) {
    self.name = name
    self.value = value
    self.type = type
    self.version = version
    self.dataType = dataType
  }
}

/// AWS Systems Manager Parameter Store over JSON 1.1 (`AmazonSSM.*`).
public struct SSMClient: Sendable {
  public let json: JSONProtocol

  public init(requester: AWSRequester) {
    self.json = JSONProtocol(requester: requester, targetPrefix: "AmazonSSM", jsonVersion: "1.1")
  }

  /// One parameter; a missing one throws `ParameterNotFound`.
  public func getParameter(name: String, withDecryption: Bool = false) async throws -> SSMParameter {
    let answer = try await json.call("GetParameter", ["Name": name, "WithDecryption": withDecryption])
    guard let parameter = answer.object("Parameter").flatMap(Self.parse) else {
      throw AWSError(
        kind: .malformedResponse, service: "SSM", operation: "GetParameter",
        message: "the answer has no Parameter")
    }
    return parameter
  }

  /// Up to 10 parameters; names SSM does not know come back in `invalid`.
  public func getParameters(names: [String], withDecryption: Bool = false) async throws -> (
    parameters: [SSMParameter], invalid: [String]
  ) {
    let answer = try await json.call("GetParameters", ["Names": names, "WithDecryption": withDecryption])
    return (answer.objects("Parameters").compactMap(Self.parse), answer.strings("InvalidParameters"))
  }

  /// Creates or overwrites a parameter (tests use it).
  public func putParameter(name: String, value: String, type: String = "String", overwrite: Bool = true)
    async throws
  {
    _ = try await json.call(
      "PutParameter", ["Name": name, "Value": value, "Type": type, "Overwrite": overwrite])
  }

  static func parse(_ o: JSONObject) -> SSMParameter? {
    guard let name = o.string("Name"), let value = o.string("Value") else { return nil }
    return SSMParameter(
      name: name, value: value, type: o.string("Type") ?? "String", version: o.int("Version"),
      dataType: o.string("DataType"))
  }
}
