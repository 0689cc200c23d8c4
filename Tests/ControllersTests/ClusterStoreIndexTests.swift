import Controllers
import KubernetesAPI
import Scheduling
import Testing

/// The store's pod indexes follow every write: what the kube-scheduler stand-in and the
/// disruption gate read instead of walking every pod.
@Suite struct ClusterStoreIndexTests {
  private func pod(_ name: String, affinity: Affinity? = nil, node: String? = nil) -> StatePod {
    let spec = PodSpec(containers: [Container(name: "c")], affinity: affinity)
    return StatePod(
      pod: Pod(metadata: ObjectMeta(name: name, namespace: "default"), spec: spec),
      requests: Resources(cpuMilli: 100), volumeRequirements: Requirements(), node: node, isDaemon: false)
  }

  @Test func podsWithTopologyRulesFollowWritesAndRemovals() {
    var store = ClusterStore()
    store[pod: "default/plain"] = pod("plain")
    #expect(store.podsWithTopologyRules.isEmpty)
    #expect(store.unboundPods == ["default/plain"])

    store[pod: "default/spread"] = pod("spread", affinity: Affinity(podAntiAffinity: PodAntiAffinity()))
    #expect(store.podsWithTopologyRules == ["default/spread"])

    // Losing its rule takes the pod out; binding it keeps the rule and leaves the unbound set.
    store[pod: "default/spread"]!.pod.spec?.affinity = nil
    #expect(store.podsWithTopologyRules.isEmpty)
    store[pod: "default/spread"]!.pod.spec?.topologySpreadConstraints = [
      TopologySpreadConstraint(
        maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule")
    ]
    store[pod: "default/spread"]!.node = "node-a"
    #expect(store.podsWithTopologyRules == ["default/spread"])
    #expect(store.unboundPods == ["default/plain"])

    store.remove(pod: "default/spread")
    #expect(store.podsWithTopologyRules.isEmpty)
  }

  @Test func podsWithDoNotDisruptFollowTheAnnotation() {
    var store = ClusterStore()
    var marked = pod("marked", node: "node-a")
    marked.pod.metadata.annotations = ["karpenter.sh/do-not-disrupt": "10m"]
    store[pod: "default/marked"] = marked
    store[pod: "default/plain"] = pod("plain", node: "node-a")
    #expect(store.podsWithDoNotDisrupt == ["default/marked"])
    store[pod: "default/marked"]!.pod.metadata.annotations = [:]
    #expect(store.podsWithDoNotDisrupt.isEmpty)
    store[pod: "default/plain"]!.pod.metadata.annotations = ["karpenter.sh/do-not-disrupt": "true"]
    store.remove(pod: "default/plain")
    #expect(store.podsWithDoNotDisrupt.isEmpty)
  }
}
