import KubernetesAPI
import ManifestCoding
import Testing

/// One `effectiveRequests` case: a pod spec in YAML and the requests Kubernetes charges.
struct EffectiveRequestsCase: Sendable, CustomTestStringConvertible {
  var name: String
  var spec: String
  var expected: ResourceList
  var testDescription: String { name }
}

@Suite struct PodResourcesTests {
  static let cases: [EffectiveRequestsCase] = [
    EffectiveRequestsCase(
      name: "init container larger than the sum of containers",
      spec: """
        initContainers:
        - {name: migrate, resources: {requests: {cpu: "1", memory: 50Mi}}}
        containers:
        - {name: a, resources: {requests: {cpu: 100m, memory: 100Mi}}}
        - {name: b, resources: {requests: {cpu: 200m, memory: 100Mi}}}
        """,
      expected: ["cpu": "1", "memory": "200Mi"]),
    EffectiveRequestsCase(
      name: "sidecar init container adds to containers and to later init containers",
      spec: """
        initContainers:
        - {name: mesh, restartPolicy: Always, resources: {requests: {cpu: 200m, memory: 64Mi}}}
        - {name: setup, resources: {requests: {cpu: 600m, memory: 32Mi}}}
        containers:
        - {name: app, resources: {requests: {cpu: 500m, memory: 256Mi}}}
        """,
      // containers + sidecar: 700m, 320Mi; setup while running: 600m + 200m = 800m, 96Mi.
      expected: ["cpu": "800m", "memory": "320Mi"]),
    EffectiveRequestsCase(
      name: "sidecar started after a plain init container does not add to it",
      spec: """
        initContainers:
        - {name: setup, resources: {requests: {cpu: "1"}}}
        - {name: mesh, restartPolicy: Always, resources: {requests: {cpu: 200m}}}
        containers:
        - {name: app, resources: {requests: {cpu: 500m}}}
        """,
      expected: ["cpu": "1"]),
    EffectiveRequestsCase(
      name: "overhead is added",
      spec: """
        runtimeClassName: kata
        overhead: {cpu: 250m, memory: 120Mi}
        containers:
        - {name: app, resources: {requests: {cpu: 250m, memory: 128Mi}}}
        """,
      expected: ["cpu": "500m", "memory": "248Mi"]),
    EffectiveRequestsCase(
      name: "limits without requests are requested",
      spec: """
        containers:
        - name: gpu
          resources:
            limits: {cpu: "2", memory: 1Gi, nvidia.com/gpu: 1}
        - name: sidecar
          resources:
            requests: {cpu: 100m}
            limits: {cpu: 200m}
        """,
      expected: ["cpu": "2100m", "memory": "1Gi", "nvidia.com/gpu": "1"]),
    EffectiveRequestsCase(
      name: "pod-level requests replace cpu and memory",
      spec: """
        resources: {requests: {cpu: "2", memory: 4Gi}}
        containers:
        - {name: app, resources: {requests: {cpu: "1", ephemeral-storage: 1Gi}}}
        """,
      expected: ["cpu": "2", "memory": "4Gi", "ephemeral-storage": "1Gi"]),
    EffectiveRequestsCase(
      name: "best effort pod requests nothing",
      spec: "containers: [{name: app, image: nginx}]",
      expected: [:]),
  ]

  @Test(arguments: cases)
  func effectiveRequests(_ testCase: EffectiveRequestsCase) throws {
    let indented = testCase.spec.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    let pod = try decodeClean(Pod.self, "apiVersion: v1\nkind: Pod\nspec:\n" + indented)
    #expect(pod.effectiveRequests == testCase.expected)
    #expect(pod.effectiveRequests[ResourceName.pods] == nil, "callers add pods: 1")
  }

  @Test func hostPortsDefaultProtocolIPAndHostNetwork() throws {
    let pod = try decodeClean(
      Pod.self,
      """
      spec:
        hostNetwork: true
        initContainers:
        - {name: init, ports: [{containerPort: 7000, hostPort: 7000}]}
        - {name: agent, restartPolicy: Always, ports: [{containerPort: 9000}]}
        containers:
        - name: app
          ports:
          - {containerPort: 53, protocol: UDP}
          - {containerPort: 8080, hostPort: 80, hostIP: 10.0.0.1}
      """)
    #expect(
      pod.hostPorts == [
        HostPort(port: 53, protocol: "UDP"),
        HostPort(port: 80, hostIP: "10.0.0.1"),
        HostPort(port: 9000),
      ])
    let other = Pod(
      spec: PodSpec(containers: [
        Container(name: "c", ports: [ContainerPort(containerPort: 80, hostPort: 80)])
      ]))
    #expect(other.hostPorts == [HostPort(port: 80)])
    #expect(other.hostPorts[0].conflicts(with: pod.hostPorts[1]))
    #expect(!pod.hostPorts[0].conflicts(with: HostPort(port: 53, protocol: "TCP")))
    #expect(!HostPort(port: 80, hostIP: "10.0.0.2").conflicts(with: pod.hostPorts[1]))
  }

  @Test func ownersAndClaims() throws {
    let pod = try decodeClean(
      Pod.self,
      """
      metadata:
        name: node-exporter-x1
        ownerReferences:
        - {apiVersion: v1, kind: Node, name: n1}
        - {apiVersion: apps/v1, kind: DaemonSet, name: node-exporter, controller: true}
      spec:
        containers: [{name: c}]
        volumes:
        - {name: host, hostPath: {path: /proc}}
      """)
    #expect(pod.isDaemonSetPod)
    #expect(pod.controllerOwner?.name == "node-exporter")
    #expect(pod.persistentVolumeClaimNames.isEmpty)

    let custom = Pod(
      metadata: {
        var m = ObjectMeta(name: "p")
        m.ownerReferences = [
          OwnerReference(apiVersion: "apps.kruise.io/v1alpha1", kind: "DaemonSet", name: "d")
        ]
        return m
      }())
    #expect(!custom.isDaemonSetPod)
    #expect(custom.controllerOwner == nil)
    #expect(custom.effectiveRequests.isEmpty)
  }
}
