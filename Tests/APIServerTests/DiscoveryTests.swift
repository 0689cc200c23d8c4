import Testing

@testable import APIServer

@Suite struct DiscoveryTests {
  @Test func coreResourceListNamesResourcesAndSubresources() throws {
    let list = try #require(registry.apiResourceList(group: "", version: "v1"))
    #expect(list["groupVersion"] == "v1")
    let resources = try #require(list["resources"]?.array)
    let podEntry = try #require(resources.first { $0["name"] == "pods" })
    #expect(podEntry["shortNames"] == ["po"])
    #expect(podEntry["categories"] == ["all"])
    #expect(podEntry["namespaced"] == true)
    #expect(
      podEntry["verbs"] == [
        "create", "delete", "deletecollection", "get", "list", "patch", "update", "watch",
      ])
    let eviction = try #require(resources.first { $0["name"] == "pods/eviction" })
    #expect(eviction["kind"] == "Eviction" && eviction["group"] == "policy" && eviction["version"] == "v1")
    #expect(registry.apiResourceList(group: "apps", version: "v9") == nil)
  }

  @Test func groupListPrefersTheNewestVersion() throws {
    var reg = ResourceRegistry()
    reg.register(
      ResourceType(
        group: "karpenter.sh", version: "v1beta1", kind: "NodePool", plural: "nodepools", namespaced: false))
    let groups = try #require(reg.apiGroupList()["groups"]?.array)
    let karpenter = try #require(groups.first { $0["name"] == "karpenter.sh" })
    #expect(karpenter["versions"]?.array?.map { $0["version"]! } == ["v1", "v1beta1", "v1alpha1"])
    #expect(karpenter[path: ["preferredVersion", "groupVersion"]] == "karpenter.sh/v1")
    #expect(groups.first { $0["name"] == "" } == nil)
  }

  @Test func aggregatedDiscoveryCarriesScopeAndSubresources() throws {
    let apis = registry.aggregatedDiscovery(core: false)
    #expect(apis["kind"] == "APIGroupDiscoveryList")
    let apps = try #require(apis["items"]?.array?.first { $0[path: ["metadata", "name"]] == "apps" })
    let deploymentsEntry = try #require(
      apps["versions"]?.array?.first?["resources"]?.array?.first { $0["resource"] == "deployments" })
    #expect(deploymentsEntry["scope"] == "Namespaced")
    #expect(deploymentsEntry["subresources"]?.array?.map { $0["subresource"]! } == ["scale", "status"])
    let core = registry.aggregatedDiscovery(core: true)
    #expect(core["items"]?.array?.count == 1)
  }
}
