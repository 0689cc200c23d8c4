/// Pods with stable names and storage (`apps/v1`, `StatefulSet`).
public struct StatefulSet: KubernetesObject, Hashable {
  public static let apiVersion = "apps/v1"
  public static let kind = "StatefulSet"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var spec: StatefulSetSpec?
  public var status: StatefulSetStatus?

  public init(
    metadata: ObjectMeta = ObjectMeta(), spec: StatefulSetSpec? = nil,
    status: StatefulSetStatus? = nil
  ) {
    self.apiVersion = Self.apiVersion
    self.kind = Self.kind
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion)
    kind = try c.decodeIfPresent(String.self, forKey: .kind)
    metadata = try c.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
    spec = try c.decodeIfPresent(StatefulSetSpec.self, forKey: .spec)
    status = try c.decodeIfPresent(StatefulSetStatus.self, forKey: .status)
  }
}

/// A StatefulSet's `spec`.
public struct StatefulSetSpec: Codable, Hashable, Sendable {
  /// Defaults to 1.
  public var replicas: Int32?
  public var selector: LabelSelector
  public var template: PodTemplateSpec
  /// Claims created per pod, named `<template name>-<statefulset name>-<ordinal>`.
  public var volumeClaimTemplates: [PersistentVolumeClaim]?
  public var serviceName: String?
  /// `OrderedReady` (the default) or `Parallel`.
  public var podManagementPolicy: String?
  public var updateStrategy: StatefulSetUpdateStrategy?
  public var persistentVolumeClaimRetentionPolicy: StatefulSetPersistentVolumeClaimRetentionPolicy?
  public var minReadySeconds: Int32?
  public var revisionHistoryLimit: Int32?

  public init(
    replicas: Int32? = nil, selector: LabelSelector, template: PodTemplateSpec,
    volumeClaimTemplates: [PersistentVolumeClaim]? = nil, serviceName: String? = nil,
    podManagementPolicy: String? = nil
  ) {
    self.replicas = replicas
    self.selector = selector
    self.template = template
    self.volumeClaimTemplates = volumeClaimTemplates
    self.serviceName = serviceName
    self.podManagementPolicy = podManagementPolicy
  }
}

/// `RollingUpdate` (the default) or `OnDelete`.
public struct StatefulSetUpdateStrategy: Codable, Hashable, Sendable {
  public var type: String?
  public var rollingUpdate: RollingUpdateStatefulSetStrategy?

  public init(type: String? = nil, rollingUpdate: RollingUpdateStatefulSetStrategy? = nil) {
    self.type = type
    self.rollingUpdate = rollingUpdate
  }
}

public struct RollingUpdateStatefulSetStrategy: Codable, Hashable, Sendable {
  public var partition: Int32?
  public var maxUnavailable: IntOrString?

  public init(partition: Int32? = nil, maxUnavailable: IntOrString? = nil) {
    self.partition = partition
    self.maxUnavailable = maxUnavailable
  }
}

/// Whether claims from `volumeClaimTemplates` are kept (`Retain`) or deleted (`Delete`).
public struct StatefulSetPersistentVolumeClaimRetentionPolicy: Codable, Hashable, Sendable {
  public var whenDeleted: String?
  public var whenScaled: String?

  public init(whenDeleted: String? = nil, whenScaled: String? = nil) {
    self.whenDeleted = whenDeleted
    self.whenScaled = whenScaled
  }
}

/// A StatefulSet's `status`.
public struct StatefulSetStatus: Codable, Hashable, Sendable {
  public var observedGeneration: Int64?
  public var replicas: Int32?
  public var readyReplicas: Int32?
  public var currentReplicas: Int32?
  public var updatedReplicas: Int32?
  public var availableReplicas: Int32?

  public init(replicas: Int32? = nil, readyReplicas: Int32? = nil) {
    self.replicas = replicas
    self.readyReplicas = readyReplicas
  }
}
