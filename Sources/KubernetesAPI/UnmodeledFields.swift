import ManifestCoding

// The Kubernetes fields this project's models leave out, so that `validate` warns only about
// fields the API server would not know either (`unknown field "spec.replica"`). Status blocks
// are written by controllers and accepted whole.

extension ObjectMeta: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = ["selfLink", "managedFields"]
}

extension PodSpec: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = [
    "dnsPolicy", "dnsConfig", "serviceAccount", "automountServiceAccountToken", "hostPID",
    "hostIPC", "shareProcessNamespace", "securityContext", "imagePullSecrets", "hostname",
    "subdomain", "hostAliases", "readinessGates", "enableServiceLinks", "os", "hostUsers",
    "resourceClaims", "ephemeralContainers", "setHostnameAsFQDN",
  ]
}

extension Container: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = [
    "env", "envFrom", "volumeMounts", "volumeDevices", "livenessProbe", "readinessProbe",
    "startupProbe", "lifecycle", "terminationMessagePath", "terminationMessagePolicy",
    "securityContext", "stdin", "stdinOnce", "tty", "resizePolicy", "restartPolicyRules",
  ]
}

extension ResourceRequirements: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = ["claims"]
}

extension Volume: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = [
    "awsElasticBlockStore", "gcePersistentDisk", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd",
    "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc", "azureFile",
    "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected",
    "portworxVolume", "scaleIO", "storageos", "csi", "image",
  ]
}

extension ConfigMapVolumeSource: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = ["items", "defaultMode"]
}

extension SecretVolumeSource: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = ["items", "defaultMode"]
}

extension JobSpec: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = [
    "podFailurePolicy", "successPolicy", "backoffLimitPerIndex", "maxFailedIndexes",
    "podReplacementPolicy", "managedBy",
  ]
}

extension StatefulSetSpec: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = ["ordinals"]
}

extension NodeSpec: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = ["configSource", "externalID"]
}

extension PersistentVolumeSpec: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = [
    "gcePersistentDisk", "nfs", "iscsi", "glusterfs", "rbd", "cinder", "cephfs", "fc",
    "flocker", "flexVolume", "azureFile", "vsphereVolume", "quobyte", "azureDisk",
    "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
    "volumeAttributesClassName",
  ]
}

extension CSIPersistentVolumeSource: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = [
    "controllerPublishSecretRef", "nodeStageSecretRef", "nodePublishSecretRef",
    "controllerExpandSecretRef", "nodeExpandSecretRef",
  ]
}

extension PersistentVolumeClaimSpec: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = [
    "dataSource", "dataSourceRef", "volumeAttributesClassName",
  ]
}

extension Event: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension LeaseSpec: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension PodStatus: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension PodCondition: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension NodeStatus: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension NodeCondition: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension NodeAddress: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension NodeSystemInfo: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension DeploymentStatus: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension ReplicaSetStatus: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension StatefulSetStatus: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension DaemonSetStatus: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension JobStatus: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension PodDisruptionBudgetStatus: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = nil
}
extension PersistentVolumeStatus: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = nil
}
extension PersistentVolumeClaimStatus: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = nil
}
