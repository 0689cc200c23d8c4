/// A message received from a queue.
public struct SQSMessage: Sendable, Hashable {
  public var messageID: String
  /// Needed to delete the message.
  public var receiptHandle: String
  public var body: String
  public var attributes: [String: String]

  public init(
    messageID: String, receiptHandle: String, body: String, attributes: [String: String] = [:]
  ) {
    self.messageID = messageID
    self.receiptHandle = receiptHandle
    self.body = body
    self.attributes = attributes
  }
}

/// SQS over the JSON 1.0 protocol (`AmazonSQS.*`), which current SDKs use.
public struct SQSClient: Sendable {
  public let json: JSONProtocol

  public init(requester: AWSRequester) {
    self.json = JSONProtocol(requester: requester, targetPrefix: "AmazonSQS", jsonVersion: "1.0")
  }

  /// The URL of a queue by name.
  public func getQueueURL(name: String) async throws -> String {
    let answer = try await json.call("GetQueueUrl", ["QueueName": name])
    return try require(answer.string("QueueUrl"), "GetQueueUrl")
  }

  /// Creates a queue (or returns the URL of the same-named one); tests use it.
  public func createQueue(name: String, attributes: [String: String] = [:]) async throws -> String {
    var input: [String: any Sendable] = ["QueueName": name]
    if !attributes.isEmpty { input["Attributes"] = attributes }
    let answer = try await json.call("CreateQueue", input)
    return try require(answer.string("QueueUrl"), "CreateQueue")
  }

  /// Long-polls for up to `waitTimeSeconds` (0…20) and returns up to `maxNumberOfMessages` (1…10).
  ///
  /// The transport's per-attempt timeout must exceed the wait.
  public func receiveMessage(
    queueURL: String, maxNumberOfMessages: Int = 10, waitTimeSeconds: Int = 20, visibilityTimeout: Int? = nil
  ) async throws -> [SQSMessage] {
    var input: [String: any Sendable] = [
      "QueueUrl": queueURL, "MaxNumberOfMessages": maxNumberOfMessages, "WaitTimeSeconds": waitTimeSeconds,
      "MessageSystemAttributeNames": ["All"],
    ]
    if let visibilityTimeout { input["VisibilityTimeout"] = visibilityTimeout }
    let answer = try await json.call("ReceiveMessage", input)
    return answer.objects("Messages").compactMap { m in
      guard let id = m.string("MessageId"), let handle = m.string("ReceiptHandle") else { return nil }
      return SQSMessage(
        messageID: id, receiptHandle: handle, body: m.string("Body") ?? "",
        attributes: m.stringMap("Attributes"))
    }
  }

  public func deleteMessage(queueURL: String, receiptHandle: String) async throws {
    _ = try await json.call("DeleteMessage", ["QueueUrl": queueURL, "ReceiptHandle": receiptHandle])
  }

  /// Sends a message and returns its id (tests use it).
  @discardableResult
  public func sendMessage(queueURL: String, body: String) async throws -> String {
    let answer = try await json.call("SendMessage", ["QueueUrl": queueURL, "MessageBody": body])
    return try require(answer.string("MessageId"), "SendMessage")
  }

  private func require(_ value: String?, _ operation: String) throws -> String {
    guard let value else {
      throw AWSError(
        kind: .malformedResponse, service: "SQS", operation: operation,
        message: "the answer lacks an expected field")
    }
    return value
  }
}
