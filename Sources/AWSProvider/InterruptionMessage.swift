import Controllers
import Foundation
import KarpenterAPI

/// An EventBridge event from the interruption queue, as upstream's parsers read it
/// (`pkg/controllers/interruption/messages`).
public enum InterruptionMessage: Sendable, Hashable {
  /// `aws.ec2` "EC2 Spot Instance Interruption Warning": two minutes' notice.
  case spotInterruption(instanceID: String)
  /// `aws.ec2` "EC2 Capacity Reservation Instance Interruption Warning": an interruptible
  /// reservation is taking its capacity back.
  case capacityReservationInterruption(instanceID: String)
  /// `aws.ec2` "EC2 Instance Rebalance Recommendation": elevated interruption risk.
  case rebalanceRecommendation(instanceID: String)
  /// `aws.ec2` "EC2 Instance State-change Notification" for a stopping or stopped instance.
  case instanceStopped(instanceID: String)
  /// The same for a shutting-down or terminated instance.
  case instanceTerminated(instanceID: String)
  /// `aws.health` "AWS Health Event" of EC2's `scheduledChange` category (maintenance).
  case scheduledChange(instanceIDs: [String])
  /// Anything else (other sources, other states, other health events): no action.
  case noOp(source: String, detailType: String)

  /// The instances the message is about.
  public var instanceIDs: [String] {
    switch self {
    case .spotInterruption(let id), .capacityReservationInterruption(let id),
      .rebalanceRecommendation(let id),
      .instanceStopped(let id), .instanceTerminated(let id):
      [id]
    case .scheduledChange(let ids): ids
    case .noOp: []
    }
  }

  /// Upstream's message kind, as metrics label it.
  public var kind: String {
    switch self {
    case .spotInterruption: "spot_interrupted"
    case .capacityReservationInterruption: "capacity_reservation_interrupted"
    case .rebalanceRecommendation: "rebalance_recommendation"
    case .instanceStopped: "instance_stopped"
    case .instanceTerminated: "instance_terminated"
    case .scheduledChange: "scheduled_change"
    case .noOp: "no_op"
    }
  }

  /// What the handler does with the message's NodeClaims (upstream's `actionForMessage`).
  public var action: InterruptionAction {
    switch self {
    case .spotInterruption, .capacityReservationInterruption, .instanceStopped, .instanceTerminated,
      .scheduledChange:
      .cordonAndDrain
    case .rebalanceRecommendation, .noOp: .noAction
    }
  }

  /// The offering to hold unavailable when the NodeClaim ran on it: a spot interruption says
  /// spot capacity of that type in that zone is being reclaimed.
  public func offeringToMarkUnavailable(instanceType: String?, zone: String?) -> OfferingKey? {
    guard case .spotInterruption = self, let instanceType, !instanceType.isEmpty, let zone, !zone.isEmpty
    else { return nil }
    return OfferingKey(instanceType: instanceType, zone: zone, capacityType: WellKnown.capacityTypeSpot)
  }

  /// The reservation to mark unavailable when the NodeClaim ran in one
  /// (`karpenter.k8s.aws/capacity-reservation-id`): an interruption says it is being reclaimed.
  public func reservationToMarkUnavailable(reservationID: String?) -> String? {
    guard case .capacityReservationInterruption = self, let reservationID, !reservationID.isEmpty else {
      return nil
    }
    return reservationID
  }

  /// Parses an SQS message body. An empty body is a no-op, as upstream; a body that is not an
  /// EventBridge event, or a known event without its instance, throws.
  public init(parsing body: String) throws {
    if body.isEmpty {
      self = .noOp(source: "", detailType: "")
      return
    }
    let event: Event
    do {
      event = try JSONDecoder().decode(Event.self, from: Data(body.utf8))
    } catch {
      throw InterruptionParseError(
        reason: "it is not an EventBridge event (\(Self.summary(error)))", body: body)
    }
    let source = event.source ?? ""
    let detailType = event.detailType ?? ""
    func instance() throws -> String {
      guard let id = event.detail?.instanceID, !id.isEmpty else {
        throw InterruptionParseError(reason: "its \(detailType) detail has no instance-id", body: body)
      }
      return id
    }
    switch (source, detailType) {
    case ("aws.ec2", "EC2 Spot Instance Interruption Warning"):
      self = .spotInterruption(instanceID: try instance())
    case ("aws.ec2", "EC2 Capacity Reservation Instance Interruption Warning"):
      self = .capacityReservationInterruption(instanceID: try instance())
    case ("aws.ec2", "EC2 Instance Rebalance Recommendation"):
      self = .rebalanceRecommendation(instanceID: try instance())
    case ("aws.ec2", "EC2 Instance State-change Notification"):
      switch (event.detail?.state ?? "").lowercased() {
      case "stopping", "stopped": self = .instanceStopped(instanceID: try instance())
      case "shutting-down", "terminated": self = .instanceTerminated(instanceID: try instance())
      default: self = .noOp(source: source, detailType: detailType)
      }
    case ("aws.health", "AWS Health Event"):
      guard event.detail?.service == "EC2", event.detail?.eventTypeCategory == "scheduledChange" else {
        self = .noOp(source: source, detailType: detailType)
        return
      }
      self = .scheduledChange(instanceIDs: (event.detail?.affectedEntities ?? []).compactMap(\.entityValue))
    default:
      self = .noOp(source: source, detailType: detailType)
    }
  }

  static func summary(_ error: any Error) -> String {
    switch error {
    case DecodingError.dataCorrupted: "the body is not JSON"
    case DecodingError.typeMismatch(_, let context):
      "a field has the wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
    default: "the body does not decode"
    }
  }

  /// The fields of an EventBridge event upstream reads.
  struct Event: Decodable {
    var source: String?
    var detailType: String?
    var detail: Detail?

    enum CodingKeys: String, CodingKey {
      case source
      case detailType = "detail-type"
      case detail
    }
  }

  struct Detail: Decodable {
    var instanceID: String?
    var state: String?
    var service: String?
    var eventTypeCategory: String?
    var affectedEntities: [Entity]?

    enum CodingKeys: String, CodingKey {
      case instanceID = "instance-id"
      case state, service, eventTypeCategory, affectedEntities
    }
  }

  struct Entity: Decodable {
    var entityValue: String?
  }
}

/// What to do with the NodeClaims of an interrupted instance (upstream's `Action`).
public enum InterruptionAction: String, Sendable, Hashable {
  /// Delete the NodeClaim: Karpenter cordons and drains the node, then terminates it.
  case cordonAndDrain = "CordonAndDrain"
  /// Only record an Event.
  case noAction = "NoAction"
}

/// A queue message that could not be read; the message is deleted rather than retried.
public struct InterruptionParseError: Error, Hashable, CustomStringConvertible {
  public var reason: String
  /// The first 200 characters of the body.
  public var body: String

  init(reason: String, body: String) {
    self.reason = reason
    self.body = String(body.prefix(200))
  }

  public var description: String {
    "The interruption message could not be parsed because \(reason); it will be deleted from the queue: \(body)"
  }
}
