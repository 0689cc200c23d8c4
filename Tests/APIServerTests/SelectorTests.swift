import Testing

@testable import APIServer

@Suite struct LabelSelectorTests {
  static let labels = ["app": "web", "tier": "front", "env": "prod", "n": "5"]

  @Test(arguments: [
    ("", true),
    ("app=web", true),
    ("app==web", true),
    ("app!=web", false),
    ("app=db", false),
    ("tier in (front,back)", true),
    ("tier in (back)", false),
    ("tier notin (back, middle)", true),
    ("env notin (prod)", false),
    ("missing notin (x)", true),
    ("app", true),
    ("missing", false),
    ("!missing", true),
    ("!app", false),
    ("app=web,tier!=back,env in (prod,staging),!missing", true),
    ("app=web, tier=back", false),
    ("n>3", true),
    ("n<3", false),
    ("example.com/key!=x", true),
  ])
  func matches(selector: String, expected: Bool) throws {
    #expect(try LabelSelector(parsing: selector).matches(Self.labels) == expected)
  }

  @Test(arguments: ["app=", "=web", "app in", "app in (a", "app in a", "a b", "app=web,", "bad key=x", "app=we b", "app=-x", ",", "app!web", "x/=y"])
  func rejectsMalformedSelectorsAsBadRequest(selector: String) {
    let error = apiError { _ = try LabelSelector(parsing: selector) }
    if selector == "app=" {
      #expect(error == nil)  // an empty value is allowed: `app=` selects app=""
    } else {
      #expect(error?.code == 400)
      #expect(error?.message.hasPrefix("unable to parse requirement") == true)
    }
  }

  @Test func buildsFromAMatchExpressionsObject() throws {
    let selector = try LabelSelector(object: [
      "matchLabels": ["app": "web"],
      "matchExpressions": [["key": "tier", "operator": "In", "values": ["front"]], ["key": "gone", "operator": "DoesNotExist"]],
    ])
    #expect(selector.matches(Self.labels))
    #expect(LabelSelector.format(["matchLabels": ["app": "web"], "matchExpressions": [["key": "tier", "operator": "NotIn", "values": ["b", "a"]]]]) == "app=web,tier notin (a,b)")
  }
}

@Suite struct FieldSelectorTests {
  static let object: JSON = [
    "metadata": ["name": "p1", "namespace": "default"],
    "spec": ["nodeName": "node-1", "schedulerName": "default-scheduler"],
    "status": ["phase": "Running"],
  ]

  @Test(arguments: [
    ("metadata.name=p1", true),
    ("metadata.name==p1", true),
    ("metadata.name!=p1", false),
    ("metadata.namespace=default", true),
    ("spec.nodeName=node-1,status.phase=Running", true),
    ("spec.nodeName=", false),
    ("spec.nodeName!=", true),
    ("status.phase!=Succeeded,status.phase!=Failed", true),
  ])
  func matchesPods(selector: String, expected: Bool) throws {
    #expect(try FieldSelector(parsing: selector, for: pods).matches(Self.object) == expected)
  }

  @Test func unscheduledPodsHaveAnEmptyNodeName() throws {
    let selector = try FieldSelector(parsing: "spec.nodeName=", for: pods)
    #expect(selector.matches(["metadata": ["name": "x"], "spec": [:]]))
  }

  @Test(arguments: [
    ("spec.unschedulable=true", nodes, "field label not supported: spec.unschedulable"),
    ("spec.foo=x", pods, "field label not supported: spec.foo"),
    ("metadata.namespace=x", nodes, "field label not supported: metadata.namespace"),
    ("metadata.labels=x", configMaps, "field label not supported: metadata.labels"),
  ])
  func rejectsUnsupportedFields(selector: String, type: ResourceType, message: String) {
    let error = apiError { _ = try FieldSelector(parsing: selector, for: type) }
    if type == nodes, selector.hasPrefix("spec.unschedulable") {
      #expect(error == nil)
    } else {
      #expect(error?.code == 400)
      #expect(error?.message == message)
    }
  }

  @Test func rejectsATermWithoutAnOperator() {
    let error = apiError { _ = try FieldSelector(parsing: "metadata.name", for: pods) }
    #expect(error?.code == 400)
  }

  @Test func selectsEventsByInvolvedObjectAndSecretsByType() throws {
    let event: JSON = ["metadata": ["name": "e"], "involvedObject": ["kind": "Pod", "name": "p1"], "reason": "Scheduled", "source": ["component": "default-scheduler"]]
    #expect(try FieldSelector(parsing: "involvedObject.kind=Pod,involvedObject.name=p1,reason=Scheduled,source=default-scheduler", for: events).matches(event))
    #expect(try FieldSelector(parsing: "type=Opaque", for: secrets).matches(["metadata": ["name": "s"], "type": "Opaque"]))
  }
}
