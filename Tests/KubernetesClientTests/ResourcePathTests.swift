import Foundation
import Testing

@testable import KubernetesClient

@Suite struct ResourcePathTests {
  @Test func coreGroupLivesUnderApiV1() {
    #expect(
      ResourcePath.pods(namespace: "default", name: "web-1").urlPath
        == "/api/v1/namespaces/default/pods/web-1")
    #expect(ResourcePath.pods().urlPath == "/api/v1/pods")
    #expect(ResourcePath.nodes(name: "n1").subresource("status").urlPath == "/api/v1/nodes/n1/status")
  }

  @Test func namedGroupsLiveUnderApisGroupVersion() {
    #expect(ResourcePath.nodeClaims(name: "c1").urlPath == "/apis/karpenter.sh/v1/nodeclaims/c1")
    #expect(
      ResourcePath.leases(namespace: "kube-system", name: "karpenter-leader-election").urlPath
        == "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/karpenter-leader-election")
  }

  @Test func segmentsArePercentEncoded() {
    #expect(ResourcePath.pods(namespace: "a/b", name: "x?y").urlPath == "/api/v1/namespaces/a%2Fb/pods/x%3Fy")
  }

  @Test func descriptionNamesResourceNameAndNamespace() {
    #expect("\(ResourcePath.pods(namespace: "default"))" == #"pods in namespace "default""#)
    #expect(
      "\(ResourcePath.pods(namespace: "default", name: "web"))" == #"pods "web" in namespace "default""#)
    #expect("\(ResourcePath.nodes(name: "n1").subresource("status"))" == #"the status of nodes "n1""#)
  }

  @Test func listOptionsBecomeQueryItems() {
    let items = ListOptions(labelSelector: "app=web", limit: 500, continueToken: "abc", resourceVersion: "0")
      .queryItems
    #expect(items.map(\.name) == ["labelSelector", "limit", "continue", "resourceVersion"])
    #expect(items.map(\.value) == ["app=web", "500", "abc", "0"])
  }

  @Test func queryValuesKeepPlusAmpersandAndEqualsSigns() {
    let query = KubernetesClient.encodeQuery([
      URLQueryItem(name: "labelSelector", value: "a in (x+y),b!=c&d"),
      URLQueryItem(name: "continue", value: "eyJ2/+=="),
    ])
    #expect(query == "labelSelector=a%20in%20%28x%2By%29%2Cb%21%3Dc%26d&continue=eyJ2%2F%2B%3D%3D")
    var components = URLComponents()
    components.percentEncodedQuery = query
    #expect(components.queryItems?.map(\.value) == ["a in (x+y),b!=c&d", "eyJ2/+=="])
  }
}
