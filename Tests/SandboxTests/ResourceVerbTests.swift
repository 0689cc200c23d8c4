import APIServer
import Foundation
import Testing

@testable import Sandbox

@Suite("Resource verbs over HTTP")
struct ResourceVerbTests {
  @Test("DELETE on a collection deletes what the selector matches and answers the list of them")
  func deleteCollection() async throws {
    try await withSandbox { sandbox in
      for (name, app) in [("a", "x"), ("b", "x"), ("c", "y")] {
        let body =
          #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"\#(name)","labels":{"app":"\#(app)"}}}"#
        _ = try RawHTTP.request(
          port: sandbox.port, "POST", "/api/v1/namespaces/default/configmaps",
          headers: ["Content-Type": "application/json"], body: body)
      }
      let deleted = try RawHTTP.request(
        port: sandbox.port, "DELETE", "/api/v1/namespaces/default/configmaps?labelSelector=app%3Dx")
      #expect(deleted.status == 200)
      #expect(try JSON(parsing: deleted.body)["items"]?.array?.count == 2)
      let left = try JSON(
        parsing: try RawHTTP.request(port: sandbox.port, "GET", "/api/v1/namespaces/default/configmaps").body)
      #expect(left["items"]?.array?.compactMap { $0[path: ["metadata", "name"]]?.string } == ["c"])
    }
  }

  @Test("a Table of a list over HTTP, with PartialObjectMetadata rows; protobuf alone is 406")
  func tableOverHTTP() async throws {
    try await withSandbox { sandbox in
      let table = try RawHTTP.request(
        port: sandbox.port, "GET", "/api/v1/namespaces",
        headers: ["Accept": "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"])
      let json = try JSON(parsing: table.body)
      #expect(json["kind"] == "Table")
      #expect(json["rows"]?.array?.count == 4)
      #expect(json["rows"]?.array?.first?[path: ["object", "kind"]] == "PartialObjectMetadata")
      #expect(json[path: ["metadata", "resourceVersion"]] != nil)
      let protobuf = try RawHTTP.request(
        port: sandbox.port, "GET", "/api/v1/namespaces",
        headers: ["Accept": "application/vnd.kubernetes.protobuf"])
      #expect(protobuf.status == 406)
      let both = try RawHTTP.request(
        port: sandbox.port, "GET", "/api/v1/namespaces",
        headers: ["Accept": "application/vnd.kubernetes.protobuf, application/json"])
      #expect(both.status == 200)
      #expect(both.headers["content-type"] == "application/json")
    }
  }

  @Test(
    "the deprecated watch of one object sees only that object; a resource version that is not a number is a 400"
  )
  func watchOne() async throws {
    try await withSandbox { sandbox in
      let watch = try RawHTTP(port: sandbox.port)
      watch.send("GET", "/api/v1/namespaces/default/configmaps/mine?watch=true")
      _ = try watch.readHead()
      for name in ["other", "mine"] {
        _ = try RawHTTP.request(
          port: sandbox.port, "POST", "/api/v1/namespaces/default/configmaps",
          headers: ["Content-Type": "application/json"],
          body: configMapJSON.replacingOccurrences(of: "NAME", with: name))
      }
      let event = try JSON(parsing: try #require(watch.nextStreamLine()))
      #expect(event[path: ["object", "metadata", "name"]] == "mine")
      #expect(
        try RawHTTP.request(port: sandbox.port, "GET", "/api/v1/pods?watch=1&resourceVersion=abc").status
          == 400)
    }
  }
  @Test("pods' binding and eviction subresources, PUT of /status and of /scale")
  func subresources() async throws {
    try await withSandbox { sandbox in
      let port = sandbox.port
      let json = ["Content-Type": "application/json"]
      let pod =
        #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"busybox"}]}}"#
      #expect(
        try RawHTTP.request(port: port, "POST", "/api/v1/namespaces/default/pods", headers: json, body: pod)
          .status == 201)
      let binding =
        #"{"apiVersion":"v1","kind":"Binding","metadata":{"name":"p"},"target":{"apiVersion":"v1","kind":"Node","name":"node-a"}}"#
      let bound = try RawHTTP.request(
        port: port, "POST", "/api/v1/namespaces/default/pods/p/binding", headers: json, body: binding)
      #expect(bound.status == 201, "\(bound.text)")
      let read = try JSON(
        parsing: try RawHTTP.request(port: port, "GET", "/api/v1/namespaces/default/pods/p").body)
      #expect(read[path: ["spec", "nodeName"]] == "node-a")

      var withStatus = read
      withStatus["status"] = ["phase": "Running"]
      withStatus[path: ["spec", "nodeName"]] = "elsewhere"
      let status = try RawHTTP.request(
        port: port, "PUT", "/api/v1/namespaces/default/pods/p/status", headers: json,
        body: withStatus.description)
      #expect(status.status == 200, "\(status.text)")
      let afterStatus = try JSON(parsing: status.body)
      #expect(afterStatus[path: ["status", "phase"]] == "Running")
      #expect(afterStatus[path: ["spec", "nodeName"]] == "node-a", "a /status write changes only the status")

      let eviction =
        #"{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"p","namespace":"default"}}"#
      let evicted = try RawHTTP.request(
        port: port, "POST", "/api/v1/namespaces/default/pods/p/eviction", headers: json, body: eviction)
      #expect(evicted.status == 201, "\(evicted.text)")
      #expect(try JSON(parsing: evicted.body)["status"] == "Success")

      let deployment =
        #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":1,"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"x"}]}}}}"#
      #expect(
        try RawHTTP.request(
          port: port, "POST", "/apis/apps/v1/namespaces/default/deployments", headers: json, body: deployment
        ).status == 201)
      let scale =
        #"{"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"d","namespace":"default"},"spec":{"replicas":4}}"#
      let scaled = try RawHTTP.request(
        port: port, "PUT", "/apis/apps/v1/namespaces/default/deployments/d/scale", headers: json, body: scale)
      #expect(scaled.status == 200, "\(scaled.text)")
      #expect(try JSON(parsing: scaled.body)[path: ["spec", "replicas"]] == 4)
      let read2 = try JSON(
        parsing: try RawHTTP.request(
          port: port, "GET", "/apis/apps/v1/namespaces/default/deployments/d/scale"
        ).body)
      #expect(read2["kind"] == "Scale")
      #expect(read2[path: ["spec", "replicas"]] == 4)
      #expect(
        try RawHTTP.request(port: port, "GET", "/api/v1/namespaces/default/configmaps/x/scale").status == 404)
    }
  }
}
