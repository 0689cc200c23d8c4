import Foundation
import Testing

/// Volume topology: a claim bound to a zonal PersistentVolume, and an unbound claim whose
/// StorageClass binds on first consumer within allowed topologies.
@Suite struct VolumeTests {
  /// zone-a is cheapest, so only a volume pulls pods elsewhere.
  static let zones = scenario(types: [
    instanceType(
      "std", cpu: "4", offerings: ["zone-a:on-demand:0.1", "zone-b:on-demand:0.2", "zone-c:on-demand:0.3"])
  ])

  static func persistentVolume(_ name: String, zone: String) -> String {
    """
    apiVersion: v1
    kind: PersistentVolume
    metadata: {name: \(name)}
    spec:
      capacity: {storage: 10Gi}
      accessModes: [ReadWriteOnce]
      csi: {driver: ebs.csi.aws.com, volumeHandle: vol-\(name)}
      nodeAffinity:
        required:
          nodeSelectorTerms:
          - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [\(zone)]}]
    """
  }

  static func claim(_ name: String, volumeName: String? = nil, storageClass: String? = nil) -> String {
    var spec = "  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n"
    if let volumeName { spec += "  volumeName: \(volumeName)\n" }
    if let storageClass { spec += "  storageClassName: \(storageClass)\n" }
    return """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: \(name), namespace: default}
      spec:
      \(spec)
      """
  }

  static let zonalClass = """
    apiVersion: storage.k8s.io/v1
    kind: StorageClass
    metadata: {name: zonal}
    provisioner: ebs.csi.aws.com
    volumeBindingMode: WaitForFirstConsumer
    allowedTopologies:
    - matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [zone-c]}]
    """

  static func volumes(_ claim: String) -> String {
    "volumes: [{name: data, persistentVolumeClaim: {claimName: \(claim)}}]"
  }

  @Test func podWithAClaimBoundToAZonalVolumeLandsInThatZone() throws {
    let r = try simulate(
      Self.zones, nodePool(), Self.persistentVolume("pv-1", zone: "zone-b"),
      Self.claim("data", volumeName: "pv-1"),
      pod("db", spec: Self.volumes("data")))
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    #expect(r.node(of: "db")?.zone == "zone-b")
  }

  @Test func podWithoutVolumesStillTakesTheCheapestZone() throws {
    let r = try simulate(
      Self.zones, nodePool(), Self.persistentVolume("pv-1", zone: "zone-b"), pod("stateless"))
    #expect(r.node(of: "stateless")?.zone == "zone-a")
  }

  @Test func volumeInAZoneTheNodePoolExcludesLeavesThePodPending() throws {
    let r = try simulate(
      Self.zones,
      nodePool(requirements: "[{key: topology.kubernetes.io/zone, operator: In, values: [zone-a]}]"),
      Self.persistentVolume("pv-1", zone: "zone-b"), Self.claim("data", volumeName: "pv-1"),
      pod("db", spec: Self.volumes("data")))
    #expect(r.nodes.isEmpty)
    #expect(r.pending("db")?.reason.contains("topology.kubernetes.io/zone") == true, "\(r.pendingPods)")
  }

  @Test func unboundClaimFollowsTheStorageClassAllowedTopologies() throws {
    let r = try simulate(
      Self.zones, nodePool(), Self.zonalClass, Self.claim("data", storageClass: "zonal"),
      pod("db", spec: Self.volumes("data")))
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    #expect(r.node(of: "db")?.zone == "zone-c")
  }

  @Test func statefulSetClaimTemplatesFollowTheStorageClassAllowedTopologies() throws {
    let set = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db, namespace: default}
      spec:
        replicas: 2
        serviceName: db
        selector: {matchLabels: {app: db}}
        template:
          metadata: {labels: {app: db}}
          spec:
            containers:
            - name: db
              image: registry.example/db
              resources: {requests: {cpu: 100m, memory: 64Mi}}
              volumeMounts: [{name: data, mountPath: /data}]
        volumeClaimTemplates:
        - metadata: {name: data}
          spec:
            accessModes: [ReadWriteOnce]
            storageClassName: zonal
            resources: {requests: {storage: 10Gi}}
      """
    let r = try simulate(Self.zones, nodePool(), Self.zonalClass, set)
    #expect(r.pendingPods.isEmpty, "\(r.pendingPods)")
    #expect(r.node(of: "db-0")?.zone == "zone-c")
    #expect(r.node(of: "db-1")?.zone == "zone-c")
  }

  @Test func volumeZoneAndPodNodeSelectorInConflictLeavesThePodPending() throws {
    let r = try simulate(
      Self.zones, nodePool(), Self.persistentVolume("pv-1", zone: "zone-b"),
      Self.claim("data", volumeName: "pv-1"),
      pod("db", spec: Self.volumes("data") + "\nnodeSelector: {topology.kubernetes.io/zone: zone-a}"))
    #expect(r.nodes.isEmpty)
    #expect(r.pendingNames == ["default/db"])
  }
}
