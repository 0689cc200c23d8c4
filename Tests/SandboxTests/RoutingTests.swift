import APIServer
import Testing

@testable import Sandbox

@Suite("Routing of request paths")
struct RoutingTests {
  @Test(
    "non-resource paths",
    arguments: [
      ("/version", APIRoute.version), ("/healthz", .health), ("/readyz", .health), ("/livez/ping", .health),
      ("/api", .coreVersions), ("/api/", .coreVersions), ("/apis", .groupList), ("/apis/apps", .group("apps")),
      ("/api/v1", .resourceList(group: "", version: "v1")),
      ("/apis/karpenter.sh/v1", .resourceList(group: "karpenter.sh", version: "v1")),
      ("/openapi/v2", .openAPIV2), ("/openapi/v3", .openAPIV3Index),
      ("/openapi/v3/api/v1", .openAPIV3(group: "", version: "v1")),
      ("/openapi/v3/apis/apps/v1", .openAPIV3(group: "apps", version: "v1")),
      ("/sandbox/faults", .faults), ("/nothing", .notFound), ("/openapi/v4", .notFound),
    ])
  func nonResource(path: String, route: APIRoute) {
    #expect(APIRoute(path: path) == route)
  }

  @Test("a namespaced pod's eviction")
  func podEviction() {
    #expect(
      APIRoute(path: "/api/v1/namespaces/default/pods/web-1/eviction")
        == .resource(ResourcePath(group: "", version: "v1", namespace: "default", resource: "pods", name: "web-1", subresource: "eviction")))
  }

  @Test("a collection across namespaces and one in a namespace")
  func collections() {
    #expect(APIRoute(path: "/apis/apps/v1/deployments") == .resource(ResourcePath(group: "apps", version: "v1", resource: "deployments")))
    #expect(
      APIRoute(path: "/apis/apps/v1/namespaces/team/deployments")
        == .resource(ResourcePath(group: "apps", version: "v1", namespace: "team", resource: "deployments")))
  }

  @Test("a namespace object and its status are the namespaces resource, not a collection inside it")
  func namespaceObject() {
    #expect(
      APIRoute(path: "/api/v1/namespaces/team") == .resource(ResourcePath(group: "", version: "v1", resource: "namespaces", name: "team")))
    #expect(
      APIRoute(path: "/api/v1/namespaces/team/status")
        == .resource(ResourcePath(group: "", version: "v1", resource: "namespaces", name: "team", subresource: "status")))
  }

  @Test("a cluster-scoped object's status")
  func clusterScoped() {
    #expect(
      APIRoute(path: "/apis/karpenter.sh/v1/nodepools/default/status")
        == .resource(ResourcePath(group: "karpenter.sh", version: "v1", resource: "nodepools", name: "default", subresource: "status")))
  }

  @Test("too many segments lead nowhere")
  func tooDeep() {
    #expect(APIRoute(path: "/api/v1/namespaces/a/pods/b/status/extra") == .notFound)
  }

  @Test("query parameters are decoded and flags read as the API server reads them")
  func query() {
    let request = SandboxRequest(method: .GET, uri: "/api/v1/pods?watch=1&labelSelector=app%3Dweb%2Ctier+in+(a)&dryRun=All&dryRun=All&x")
    #expect(request.path == "/api/v1/pods")
    #expect(request.query["labelSelector"] == "app=web,tier in (a)")
    #expect(request.query.flag("watch"))
    #expect(request.query.flag("x"))
    #expect(!request.query.flag("allowWatchBookmarks"))
    #expect(request.query.all("dryRun") == ["All", "All"])
  }

  @Test("dryRun other than All is refused")
  func dryRun() throws {
    #expect(try ResourceRequest.dryRun(QueryParameters("dryRun=All")))
    #expect(try !ResourceRequest.dryRun(QueryParameters("")))
    #expect(throws: APIError.self) { try ResourceRequest.dryRun(QueryParameters("dryRun=Server")) }
  }
}

@Suite("Content negotiation")
struct ContentNegotiationTests {
  @Test("kubectl get's Accept asks for a Table first")
  func table() {
    let accept = MediaRange.parse(accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json")
    #expect(ResourceRendering.choose(accept: accept) == .table)
  }

  @Test("protobuf alone is not acceptable; protobuf then JSON falls back to JSON")
  func protobuf() {
    #expect(ResourceRendering.choose(accept: MediaRange.parse(accept: "application/vnd.kubernetes.protobuf")) == .notAcceptable)
    #expect(
      ResourceRendering.choose(accept: MediaRange.parse(accept: "application/vnd.kubernetes.protobuf, application/json")) == .objects)
    #expect(ResourceRendering.choose(accept: MediaRange.parse(accept: nil)) == .objects)
  }

  @Test("aggregated discovery at v2, v2beta1, or the legacy documents")
  func discovery() {
    let v2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"
    #expect(DiscoveryRendering.choose(accept: MediaRange.parse(accept: v2)) == .aggregated(version: "v2"))
    let beta = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"
    #expect(DiscoveryRendering.choose(accept: MediaRange.parse(accept: beta)) == .aggregated(version: "v2beta1"))
    let future = "application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList,application/json"
    #expect(DiscoveryRendering.choose(accept: MediaRange.parse(accept: future)) == .legacy)
    #expect(DiscoveryRendering.choose(accept: MediaRange.parse(accept: "application/vnd.kubernetes.protobuf")) == .notAcceptable)
  }
}
