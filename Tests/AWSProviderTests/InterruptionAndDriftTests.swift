import Controllers
import KarpenterAPI
import KubernetesAPI
import Scheduling
import Testing

@testable import AWSProvider

@Suite struct InterruptionTests {
  @Test func spotInterruption() throws {
    let body = """
      {"version":"0","id":"1","detail-type":"EC2 Spot Instance Interruption Warning","source":"aws.ec2",
       "account":"123","time":"2024-01-01T00:00:00Z","region":"us-east-1","resources":[],
       "detail":{"instance-id":"i-0123","instance-action":"terminate"}}
      """
    let message = try InterruptionMessage(parsing: body)
    #expect(message == .spotInterruption(instanceID: "i-0123"))
    #expect(message.action == .cordonAndDrain)
    #expect(message.kind == "spot_interrupted")
    #expect(
      message.offeringToMarkUnavailable(instanceType: "m5.large", zone: "us-east-1a")
        == OfferingKey(instanceType: "m5.large", zone: "us-east-1a", capacityType: "spot"))
  }

  @Test func capacityReservationInterruption() throws {
    let body =
      #"{"detail-type":"EC2 Capacity Reservation Instance Interruption Warning","source":"aws.ec2","detail":{"instance-id":"i-9"}}"#
    let message = try InterruptionMessage(parsing: body)
    #expect(message == .capacityReservationInterruption(instanceID: "i-9"))
    #expect(message.action == .cordonAndDrain)
    #expect(message.reservationToMarkUnavailable(reservationID: "cr-1") == "cr-1")
    #expect(message.offeringToMarkUnavailable(instanceType: "m5.large", zone: "us-east-1a") == nil)
  }

  @Test func rebalanceIsNoAction() throws {
    let body =
      #"{"detail-type":"EC2 Instance Rebalance Recommendation","source":"aws.ec2","detail":{"instance-id":"i-1"}}"#
    let message = try InterruptionMessage(parsing: body)
    #expect(message == .rebalanceRecommendation(instanceID: "i-1"))
    #expect(message.action == .noAction)
    #expect(message.offeringToMarkUnavailable(instanceType: "m5.large", zone: "us-east-1a") == nil)
  }

  @Test(arguments: [
    ("stopping", InterruptionMessage.instanceStopped(instanceID: "i-2")),
    ("terminated", .instanceTerminated(instanceID: "i-2")),
    ("shutting-down", .instanceTerminated(instanceID: "i-2")),
    ("running", .noOp(source: "aws.ec2", detailType: "EC2 Instance State-change Notification")),
  ])
  func stateChanges(state: String, expected: InterruptionMessage) throws {
    let body =
      #"{"detail-type":"EC2 Instance State-change Notification","source":"aws.ec2","detail":{"instance-id":"i-2","state":"\#(state)"}}"#
    #expect(try InterruptionMessage(parsing: body) == expected)
  }

  @Test func scheduledChange() throws {
    let body = """
      {"detail-type":"AWS Health Event","source":"aws.health","detail":{"service":"EC2",
       "eventTypeCategory":"scheduledChange","affectedEntities":[{"entityValue":"i-3"},{"entityValue":"i-4"}]}}
      """
    let message = try InterruptionMessage(parsing: body)
    #expect(message.instanceIDs == ["i-3", "i-4"])
    #expect(message.action == .cordonAndDrain)
    let other =
      #"{"detail-type":"AWS Health Event","source":"aws.health","detail":{"service":"EC2","eventTypeCategory":"issue"}}"#
    #expect(try InterruptionMessage(parsing: other).action == .noAction)
  }

  @Test func malformedMessagesSayTheyWillBeDeleted() {
    do {
      _ = try InterruptionMessage(parsing: "not json")
      Issue.record("expected an error")
    } catch let error as InterruptionParseError {
      #expect(
        error.description
          == "The interruption message could not be parsed because it is not an EventBridge event (the body is not JSON); it will be deleted from the queue: not json"
      )
    } catch {
      Issue.record("unexpected \(error)")
    }
    #expect(throws: InterruptionParseError.self) {
      try InterruptionMessage(
        parsing: #"{"detail-type":"EC2 Spot Instance Interruption Warning","source":"aws.ec2","detail":{}}"#)
    }
    #expect(try! InterruptionMessage(parsing: "") == .noOp(source: "", detailType: ""))
  }
}

@Suite struct DriftTests {
  static func nodeClass(annotations: [String: String] = [:]) -> EC2NodeClass {
    var nc = EC2NodeClass(
      metadata: ObjectMeta(name: "default", annotations: annotations), spec: EC2NodeClassSpec())
    nc.status = EC2NodeClassStatus(
      subnets: [SubnetStatus(id: "subnet-a", zone: "us-east-1a")],
      securityGroups: [SecurityGroupStatus(id: "sg-1"), SecurityGroupStatus(id: "sg-2")],
      amis: [
        AMIStatus(
          id: "ami-arm",
          requirements: [
            NodeSelectorRequirement(key: "kubernetes.io/arch", operator: "In", values: ["arm64"])
          ]),
        AMIStatus(
          id: "ami-x86",
          requirements: [
            NodeSelectorRequirement(key: "kubernetes.io/arch", operator: "In", values: ["amd64"])
          ]),
      ])
    return nc
  }

  static let type = InstanceType(
    name: "m5.large", labels: [WellKnown.archLabel: "amd64"], offerings: [], capacity: Resources(),
    overhead: Resources())
  static let instance = LaunchedInstance(
    id: "i-1", instanceType: "m5.large", zone: "us-east-1a", capacityType: "on-demand", imageID: "ami-x86",
    subnetID: "subnet-a", securityGroupIDs: ["sg-2", "sg-1"])

  @Test func notDrifted() throws {
    #expect(
      try DriftCheck.drift(
        instance: Self.instance, instanceType: Self.type, nodeClaimAnnotations: [:],
        nodeClass: Self.nodeClass()) == nil)
  }

  @Test func eachDriftReason() throws {
    var i = Self.instance
    i.imageID = "ami-old"
    #expect(
      try DriftCheck.drift(
        instance: i, instanceType: Self.type, nodeClaimAnnotations: [:], nodeClass: Self.nodeClass())
        == .amiDrift)
    i = Self.instance
    i.securityGroupIDs = ["sg-1"]
    #expect(
      try DriftCheck.drift(
        instance: i, instanceType: Self.type, nodeClaimAnnotations: [:], nodeClass: Self.nodeClass())
        == .securityGroupDrift)
    i = Self.instance
    i.subnetID = "subnet-z"
    #expect(
      try DriftCheck.drift(
        instance: i, instanceType: Self.type, nodeClaimAnnotations: [:], nodeClass: Self.nodeClass())
        == .subnetDrift)
    i = Self.instance
    i.capacityReservationID = "cr-1"
    #expect(
      try DriftCheck.drift(
        instance: i, instanceType: Self.type, nodeClaimAnnotations: [:], nodeClass: Self.nodeClass())
        == .capacityReservationDrift)
  }

  @Test func hashDriftNeedsTheSameVersion() throws {
    let spec = EC2NodeClassSpec(role: "NodeRole")
    let classAnnotations = NodeClassHash.annotations(spec)
    var changed = spec
    changed.tags = ["new": "tag"]
    let claimAnnotations = NodeClassHash.annotations(changed)
    let nc = Self.nodeClass(annotations: classAnnotations)
    #expect(
      try DriftCheck.drift(
        instance: Self.instance, instanceType: Self.type, nodeClaimAnnotations: claimAnnotations,
        nodeClass: nc) == .nodeClassDrift)
    var otherVersion = claimAnnotations
    otherVersion[AWSTags.nodeClassHashVersion] = "v6"
    #expect(
      try DriftCheck.drift(
        instance: Self.instance, instanceType: Self.type, nodeClaimAnnotations: otherVersion, nodeClass: nc)
        == nil)
  }

  @Test func hashIgnoresSelectorsButNotUserData() {
    let spec = EC2NodeClassSpec(
      subnetSelectorTerms: [SubnetSelectorTerm(id: "a")],
      amiSelectorTerms: [AMISelectorTerm(alias: "al2023@latest")], role: "R")
    var selectors = spec
    selectors.subnetSelectorTerms = [SubnetSelectorTerm(id: "b")]
    selectors.securityGroupSelectorTerms = [SecurityGroupSelectorTerm(id: "sg")]
    #expect(NodeClassHash.hash(selectors) == NodeClassHash.hash(spec))
    var family = spec
    family.amiSelectorTerms = [AMISelectorTerm(alias: "bottlerocket@latest")]
    #expect(NodeClassHash.hash(family) != NodeClassHash.hash(spec))
    var userData = spec
    userData.userData = "echo"
    #expect(NodeClassHash.hash(userData) != NodeClassHash.hash(spec))
    #expect(NodeClassHash.hash(spec, caBundle: "ca") != NodeClassHash.hash(spec))
  }

  @Test func missingStatusIsAnError() {
    var nc = Self.nodeClass()
    nc.status?.amis = []
    #expect(throws: DriftCheckError.self) {
      try DriftCheck.drift(
        instance: Self.instance, instanceType: Self.type, nodeClaimAnnotations: [:], nodeClass: nc)
    }
  }
}
