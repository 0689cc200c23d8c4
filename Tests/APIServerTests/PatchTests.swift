import Foundation
import Testing

@testable import APIServer

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite struct JSONPatchTests {
  // RFC 6902 appendix A examples.
  @Test(arguments: [
    (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz","value":"qux"}]"#, #"{"baz":"qux","foo":"bar"}"#),
    (#"{"foo":["bar","baz"]}"#, #"[{"op":"add","path":"/foo/1","value":"qux"}]"#, #"{"foo":["bar","qux","baz"]}"#),
    (#"{"baz":"qux","foo":"bar"}"#, #"[{"op":"remove","path":"/baz"}]"#, #"{"foo":"bar"}"#),
    (#"{"foo":["bar","qux","baz"]}"#, #"[{"op":"remove","path":"/foo/1"}]"#, #"{"foo":["bar","baz"]}"#),
    (#"{"baz":"qux","foo":"bar"}"#, #"[{"op":"replace","path":"/baz","value":"boo"}]"#, #"{"baz":"boo","foo":"bar"}"#),
    (#"{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}"#, #"[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]"#, #"{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}"#),
    (#"{"foo":["all","grass","cows","eat"]}"#, #"[{"op":"move","from":"/foo/1","path":"/foo/3"}]"#, #"{"foo":["all","cows","eat","grass"]}"#),
    (#"{"foo":["bar"]}"#, #"[{"op":"add","path":"/foo/-","value":["abc","def"]}]"#, #"{"foo":["bar",["abc","def"]]}"#),
    (#"{"/":9,"~1":10}"#, #"[{"op":"test","path":"/~01","value":10},{"op":"copy","from":"/~1","path":"/x"}]"#, #"{"/":9,"x":9,"~1":10}"#),
  ])
  func appliesTheRFCExamples(document: String, patch: String, expected: String) throws {
    let result = try JSONPatch.apply(try JSON(parsing: patch), to: try JSON(parsing: document))
    #expect(result == (try JSON(parsing: expected)))
  }

  @Test(arguments: [
    (#"{"baz":"qux"}"#, #"[{"op":"test","path":"/baz","value":"bar"}]"#, 422),
    (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz/bat","value":"qux"}]"#, 422),
    (#"{"foo":[]}"#, #"[{"op":"remove","path":"/foo/0"}]"#, 422),
    (#"{}"#, #"[{"op":"frobnicate","path":"/a"}]"#, 400),
    (#"{}"#, #"{"op":"add"}"#, 400),
  ])
  func failsCleanly(document: String, patch: String, code: Int) throws {
    let doc = try JSON(parsing: document)
    let p = try JSON(parsing: patch)
    #expect(apiError { _ = try JSONPatch.apply(p, to: doc) }?.code == code)
  }
}

@Suite struct MergePatchTests {
  // RFC 7386 appendix A.
  @Test(arguments: [
    (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
    (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
    (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
    (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
    (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
    (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
    (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
    (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
    (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
    (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
    (#"{"e":null}"#, #"{"a":1}"#, #"{"a":1,"e":null}"#),
    (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
    (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
  ])
  func appliesTheRFCExamples(document: String, patch: String, expected: String) throws {
    #expect(MergePatch.apply(try JSON(parsing: patch), to: try JSON(parsing: document)) == (try JSON(parsing: expected)))
  }
}

@Suite struct StrategicMergePatchTests {
  static let podSpec: JSON = [
    "metadata": ["name": "p", "finalizers": ["a"]],
    "spec": [
      "containers": [
        ["name": "app", "image": "app:1", "env": [["name": "A", "value": "1"], ["name": "B", "value": "2"]]],
        ["name": "side", "image": "side:1"],
      ],
      "tolerations": [["key": "x", "operator": "Exists"]],
    ],
  ]

  func patched(_ patch: String) throws -> JSON {
    try StrategicMergePatch.apply(try JSON(parsing: patch), to: Self.podSpec, kind: "Pod")
  }

  @Test func containersMergeByName() throws {
    // The documentation's example: patching one container adds it next to the existing one.
    let result = try patched(#"{"spec":{"containers":[{"name":"app","image":"app:2"},{"name":"new","image":"n"}]}}"#)
    let containers = try #require(result[path: ["spec", "containers"]]?.array)
    #expect(containers.map { $0["name"]! } == ["app", "side", "new"])
    #expect(containers[0]["image"] == "app:2")
    #expect(containers[0]["env"]?.array?.count == 2)
  }

  @Test func nestedEnvMergesByNameAndDeleteDirectiveRemoves() throws {
    let result = try patched(#"{"spec":{"containers":[{"name":"app","env":[{"name":"B","$patch":"delete"},{"name":"C","value":"3"}]},{"name":"side","$patch":"delete"}]}}"#)
    let containers = try #require(result[path: ["spec", "containers"]]?.array)
    #expect(containers.count == 1)
    #expect(containers[0]["env"] == [["name": "A", "value": "1"], ["name": "C", "value": "3"]])
  }

  @Test func tolerationsHaveNoMergeKeyAndAreReplaced() throws {
    // The documentation's example: tolerations (patchStrategy none) are replaced by the patch.
    let result = try patched(#"{"spec":{"tolerations":[{"key":"y","operator":"Exists"}]}}"#)
    #expect(result[path: ["spec", "tolerations"]] == [["key": "y", "operator": "Exists"]])
  }

  @Test func finalizersMergeAsASetAndDeleteFromPrimitiveList() throws {
    #expect(try patched(#"{"metadata":{"finalizers":["b","a"]}}"#)[path: ["metadata", "finalizers"]] == ["a", "b"])
    #expect(try patched(#"{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}"#)[path: ["metadata", "finalizers"]] == [])
  }

  @Test func replaceDirectivesAndRetainKeys() throws {
    let replacedList = try patched(#"{"spec":{"containers":[{"name":"only","image":"o"},{"$patch":"replace"}]}}"#)
    #expect(replacedList[path: ["spec", "containers"]] == [["name": "only", "image": "o"]])
    let replacedMap = try patched(#"{"spec":{"$patch":"replace","containers":[]}}"#)
    #expect(replacedMap["spec"] == ["containers": []])
    let retained = try patched(#"{"spec":{"$retainKeys":["containers"],"containers":[{"name":"app","image":"x"}]}}"#)
    #expect(retained["spec"]?.object?.keys.sorted() == ["containers"])
  }

  @Test func setElementOrderReordersTheMergedList() throws {
    let result = try patched(#"{"spec":{"$setElementOrder/containers":[{"name":"side"},{"name":"app"}],"containers":[{"name":"app","image":"app:3"}]}}"#)
    #expect(result[path: ["spec", "containers"]]?.array?.map { $0["name"]! } == ["side", "app"])
  }

  @Test func nullRemovesAField() throws {
    #expect(try patched(#"{"spec":{"tolerations":null}}"#)[path: ["spec", "tolerations"]] == nil)
  }
}

@Suite struct StorePatchTests {
  @Test func mergePatchThroughTheStoreBumpsVersionAndHonoursResourceVersion() throws {
    var store = APIStore(now: t0)
    let created = try store.create(configMaps, namespace: "default", configMap("a", data: ["x": "1"]), now: t0)
    let patched = try store.patch(configMaps, namespace: "default", name: "a", bytes(#"{"data":{"y":"2"}}"#), as: .merge, now: t0)
    #expect(patched["data"] == ["x": "1", "y": "2"])
    let rv = try #require(created[path: ["metadata", "resourceVersion"]]?.string)
    let stale = #"{"metadata":{"resourceVersion":"\#(rv)"},"data":{"z":"3"}}"#
    #expect(apiError { _ = try store.patch(configMaps, namespace: "default", name: "a", bytes(stale), as: .merge, now: t0) }?.code == 409)
    #expect(apiError { _ = try store.patch(configMaps, namespace: "default", name: "zz", bytes("{}"), as: .merge, now: t0) }?.code == 404)
    #expect(apiError { _ = try store.patch(configMaps, namespace: "default", name: "a", bytes("{"), as: .merge, now: t0) }?.code == 400)
  }

  @Test func strategicPatchOnACustomResourceIsUnsupportedMediaType() throws {
    var store = APIStore(now: t0)
    _ = try store.create(nodePools, namespace: nil, ["apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": ["name": "p"], "spec": [:]], now: t0)
    let error = apiError { _ = try store.patch(nodePools, namespace: nil, name: "p", bytes("{}"), as: .strategic, now: t0) }
    #expect(error?.code == 415)
    #expect(error?.reason == .unsupportedMediaType)
  }

  @Test func statusPatchChangesOnlyStatus() throws {
    var store = APIStore(now: t0)
    _ = try store.create(pods, namespace: "default", pod("p"), now: t0)
    let result = try store.patch(
      pods, namespace: "default", name: "p", bytes(#"{"status":{"phase":"Running"},"spec":{"nodeName":"n"}}"#), as: .merge,
      subresource: .status, now: t0)
    #expect(result[path: ["status", "phase"]] == "Running")
    #expect(result[path: ["spec", "nodeName"]] == nil)
  }

  @Test func contentTypesMapToPatchTypes() {
    #expect(PatchType(contentType: "application/strategic-merge-patch+json; charset=utf-8") == .strategic)
    #expect(PatchType(contentType: "application/apply-patch+yaml") == .apply)
    #expect(PatchType(contentType: "text/plain") == nil)
  }
}

@Suite struct ServerSideApplyTests {
  static let config = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","labels":{"team":"x"}},"data":{"k":"1"}}"#

  @Test func applyCreatesTheObjectAndRecordsTheManager() throws {
    var store = APIStore(now: t0)
    let created = try store.patch(configMaps, namespace: "default", name: "a", bytes(Self.config), as: .apply, fieldManager: "alice", now: t0)
    #expect(created["data"] == ["k": "1"])
    let entry = try #require(created[path: ["metadata", "managedFields"]]?.array?.first)
    #expect(entry["manager"] == "alice")
    #expect(entry["operation"] == "Apply")
    #expect(entry["fieldsType"] == "FieldsV1")
    #expect(entry[path: ["fieldsV1", "f:data", "f:k"]] == [:])
    #expect(entry[path: ["fieldsV1", "f:metadata", "f:labels", "f:team"]] == [:])
  }

  @Test func anotherManagerChangingAnOwnedFieldConflictsUnlessForced() throws {
    var store = APIStore(now: t0)
    _ = try store.patch(configMaps, namespace: "default", name: "a", bytes(Self.config), as: .apply, fieldManager: "alice", now: t0)
    let bob = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"2"}}"#
    let error = apiError { _ = try store.patch(configMaps, namespace: "default", name: "a", bytes(bob), as: .apply, fieldManager: "bob", now: t0) }
    #expect(error?.code == 409)
    #expect(error?.message == #"Apply failed with 1 conflict: conflict with "alice" using v1: .data.k"#)
    #expect(error?.causes.first?.field == ".data.k")
    // The same value is shared ownership, not a conflict.
    let same = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"1"}}"#
    _ = try store.patch(configMaps, namespace: "default", name: "a", bytes(same), as: .apply, fieldManager: "carol", now: t0)
    let forced = try store.patch(configMaps, namespace: "default", name: "a", bytes(bob), as: .apply, fieldManager: "bob", force: true, now: t0)
    #expect(forced["data"] == ["k": "2"])
    let alice = forced[path: ["metadata", "managedFields"]]?.array?.first { $0["manager"] == "alice" }
    #expect(alice?[path: ["fieldsV1", "f:data", "f:k"]] == nil)
  }

  @Test func fieldsAnApplierStopsSettingAreRemoved() throws {
    var store = APIStore(now: t0)
    _ = try store.patch(configMaps, namespace: "default", name: "a", bytes(Self.config), as: .apply, fieldManager: "alice", now: t0)
    let smaller = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"1"}}"#
    let result = try store.patch(configMaps, namespace: "default", name: "a", bytes(smaller), as: .apply, fieldManager: "alice", now: t0)
    #expect(result[path: ["metadata", "labels", "team"]] == nil)
    #expect(result["data"] == ["k": "1"])
  }

  @Test func applyNeedsAFieldManagerAndTypeInformation() {
    var store = APIStore(now: t0)
    #expect(apiError { _ = try store.patch(configMaps, namespace: "default", name: "a", bytes(Self.config), as: .apply, now: t0) }?.code == 400)
    #expect(apiError { _ = try store.patch(configMaps, namespace: "default", name: "a", bytes(#"{"metadata":{"name":"a"}}"#), as: .apply, fieldManager: "m", now: t0) }?.code == 400)
  }

  @Test func updatesAreRecordedAsUpdateOperations() throws {
    var store = APIStore(now: t0)
    _ = try store.patch(configMaps, namespace: "default", name: "a", bytes(Self.config), as: .apply, fieldManager: "alice", now: t0)
    let result = try store.patch(configMaps, namespace: "default", name: "a", bytes(#"{"data":{"k":"9"}}"#), as: .merge, fieldManager: "kubectl-edit", now: t0)
    let entry = result[path: ["metadata", "managedFields"]]?.array?.first { $0["manager"] == "kubectl-edit" }
    #expect(entry?["operation"] == "Update")
    #expect(entry?[path: ["fieldsV1", "f:data", "f:k"]] == [:])
    // alice re-applying her value now conflicts with kubectl-edit.
    let error = apiError { _ = try store.patch(configMaps, namespace: "default", name: "a", bytes(Self.config), as: .apply, fieldManager: "alice", now: t0) }
    #expect(error?.message == #"Apply failed with 1 conflict: conflict with "kubectl-edit" using v1: .data.k"#)
  }
}
