import AWSClient
import AWSProvider
import ControllerRuntime
import Controllers
import Foundation
import Logging
import Synchronization

/// Upstream's interruption controller's queue side: long-polls the SQS queue of EventBridge
/// messages, turns each into a ``CloudEvent`` for the controllers, and deletes the message once
/// they have handled it (a message that cannot be read is deleted at once, with a log line).
struct InterruptionQueue: Sendable {
  let sqs: SQSClient
  let queue: String
  let logger: Logger
  let state: AWSProviderState

  func run(report: @escaping @Sendable (CloudEvent) -> Void) async {
    var queueURL: String?
    var failures = 0
    while !Task.isCancelled {
      do {
        if queueURL == nil {
          queueURL = queue.hasPrefix("https://") || queue.hasPrefix("http://") ? queue : try await sqs.getQueueURL(name: queue)
        }
        guard let url = queueURL else { continue }
        let messages = try await sqs.receiveMessage(queueURL: url, maxNumberOfMessages: 10, waitTimeSeconds: 20)
        failures = 0
        for message in messages { handle(message, queueURL: url, report: report) }
      } catch {
        failures += 1
        logger.error("receiving interruption messages failed", metadata: ["queue": "\(queue)", "error": "\(error)"])
        // Backs off up to a minute, so that a missing queue or a throttling storm is not hammered.
        let seconds = min(60.0, pow(2.0, Double(min(failures, 6))))
        try? await Task.sleep(for: .seconds(seconds))
      }
    }
  }

  func handle(_ message: SQSMessage, queueURL: String, report: @escaping @Sendable (CloudEvent) -> Void) {
    let sqs = self.sqs
    let logger = self.logger
    let delete: @Sendable () async -> Void = {
      do {
        try await sqs.deleteMessage(queueURL: queueURL, receiptHandle: message.receiptHandle)
      } catch {
        logger.error("deleting interruption message failed", metadata: ["message": "\(message.messageID)", "error": "\(error)"])
      }
    }
    let parsed: InterruptionMessage
    do {
      parsed = try InterruptionMessage(parsing: message.body)
    } catch {
      report(.ignored(reason: "\(error)", handled: delete))
      return
    }
    guard let kind = Self.interruption(parsed), !parsed.instanceIDs.isEmpty else {
      report(.ignored(reason: "\(parsed.kind) needs no action", handled: delete))
      return
    }
    // One message may name several instances (a scheduled change): the message goes once the
    // last of them has been handled.
    let remaining = Countdown(parsed.instanceIDs.count)
    for id in parsed.instanceIDs {
      report(
        .interruption(
          instanceID: id, kind,
          handled: {
            if remaining.finishOne() { await delete() }
          }))
    }
  }

  /// The controllers' kind of interruption for a message, or nil when it asks for nothing.
  static func interruption(_ message: InterruptionMessage) -> Interruption? {
    switch message {
    case .spotInterruption: .spotInterruption
    case .rebalanceRecommendation: .rebalanceRecommendation
    case .scheduledChange: .scheduledChange
    // A reclaimed reservation, like a stopping or terminating instance, loses the node whatever
    // its capacity type.
    case .capacityReservationInterruption, .instanceStopped, .instanceTerminated: .stateChange
    case .noOp: nil
    }
  }
}

/// Counts handled parts of one message.
final class Countdown: Sendable {
  private let left: Mutex<Int>
  init(_ count: Int) { left = Mutex(count) }
  /// True when this was the last part.
  func finishOne() -> Bool { left.withLock { $0 -= 1; return $0 == 0 } }
}
