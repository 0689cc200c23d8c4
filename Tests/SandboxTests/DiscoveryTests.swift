import APIServer
import Testing

@testable import Sandbox

@Suite("Discovery documents")
struct DiscoveryTests {
  let types = ResourceRegistry().types

  @Test("/api/v1 lists pods with their short name, category and subresources")
  func coreResources() throws {
    let list = try #require(Discovery.resourceList(group: "", version: "v1", types))
    #expect(list["kind"] == "APIResourceList")
    #expect(list["groupVersion"] == "v1")
    let resources = list["resources"]?.array ?? []
    let pods = try #require(resources.first { $0["name"] == "pods" })
    #expect(pods["namespaced"] == true)
    #expect(pods["kind"] == "Pod")
    #expect(pods["shortNames"] == ["po"])
    #expect(pods["categories"] == ["all"])
    #expect(pods["verbs"]?.array?.contains("watch") == true)
    let eviction = try #require(resources.first { $0["name"] == "pods/eviction" })
    #expect(eviction["kind"] == "Eviction")
    #expect(eviction["group"] == "policy")
    #expect(eviction["verbs"] == ["create"])
    #expect(resources.contains { $0["name"] == "pods/status" && $0["kind"] == "Pod" })
  }

  @Test("deployments/scale answers in autoscaling/v1 Scale")
  func scale() throws {
    let list = try #require(Discovery.resourceList(group: "apps", version: "v1", types))
    let scale = try #require(list["resources"]?.array?.first { $0["name"] == "deployments/scale" })
    #expect(scale["kind"] == "Scale")
    #expect(scale["group"] == "autoscaling")
    #expect(scale["verbs"] == ["get", "patch", "update"])
  }

  @Test("an unserved group version has no document")
  func unserved() {
    #expect(Discovery.resourceList(group: "apps", version: "v2", types) == nil)
    #expect(Discovery.group(named: "nothing.example.com", types) == nil)
  }

  @Test("/apis lists Karpenter's groups with a preferred version")
  func groups() throws {
    let list = Discovery.groupList(types)
    let groups = list["groups"]?.array ?? []
    #expect(!groups.contains { $0["name"] == "" })
    let karpenter = try #require(groups.first { $0["name"] == "karpenter.sh" })
    #expect(karpenter[path: ["preferredVersion", "groupVersion"]] == "karpenter.sh/v1")
  }

  @Test("the aggregated document of /apis has every group but the core one, with scopes and subresources")
  func aggregated() throws {
    let document = Discovery.aggregated(core: false, version: "v2", types)
    #expect(document["apiVersion"] == "apidiscovery.k8s.io/v2")
    #expect(document["kind"] == "APIGroupDiscoveryList")
    let items = document["items"]?.array ?? []
    #expect(!items.contains { $0[path: ["metadata", "name"]] == nil })
    let apps = try #require(items.first { $0[path: ["metadata", "name"]] == "apps" })
    let deployments = try #require(apps["versions"]?.array?.first?["resources"]?.array?.first { $0["resource"] == "deployments" })
    #expect(deployments["scope"] == "Namespaced")
    #expect(deployments[path: ["responseKind", "kind"]] == "Deployment")
    #expect(deployments["subresources"]?.array?.contains { $0["subresource"] == "scale" && $0[path: ["responseKind", "kind"]] == "Scale" } == true)
    let core = Discovery.aggregated(core: true, version: "v2beta1", types)
    #expect(core["items"]?.array?.count == 1)
    #expect(core["apiVersion"] == "apidiscovery.k8s.io/v2beta1")
  }

  @Test("versions are ordered GA, beta, alpha, newest first")
  func versionOrder() {
    let versions = ["v1beta1", "v1", "v2", "v1alpha1", "v2beta2", "v2beta1"]
    #expect(versions.sorted(by: KubeVersion.precedes) == ["v2", "v1", "v2beta2", "v2beta1", "v1beta1", "v1alpha1"])
  }
}
