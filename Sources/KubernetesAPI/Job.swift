/// Pods that run to completion (`batch/v1`, `Job`).
public struct Job: KubernetesObject, Hashable {
  public static let apiVersion = "batch/v1"
  public static let kind = "Job"

  public var apiVersion: String?
  public var kind: String?
  public var metadata: ObjectMeta
  public var spec: JobSpec?
  public var status: JobStatus?

  public init(metadata: ObjectMeta = ObjectMeta(), spec: JobSpec? = nil, status: JobStatus? = nil) {
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
    spec = try c.decodeIfPresent(JobSpec.self, forKey: .spec)
    status = try c.decodeIfPresent(JobStatus.self, forKey: .status)
  }
}

/// A Job's `spec`.
public struct JobSpec: Codable, Hashable, Sendable {
  /// Pods running at once; defaults to 1.
  public var parallelism: Int32?
  /// Successful pods needed; unset means any one success completes the Job.
  public var completions: Int32?
  /// Retries before the Job fails; defaults to 6.
  public var backoffLimit: Int32?
  public var activeDeadlineSeconds: Int64?
  public var ttlSecondsAfterFinished: Int32?
  /// `NonIndexed` (the default) or `Indexed`.
  public var completionMode: String?
  public var suspend: Bool?
  public var selector: LabelSelector?
  public var manualSelector: Bool?
  public var template: PodTemplateSpec

  public init(
    parallelism: Int32? = nil, completions: Int32? = nil, backoffLimit: Int32? = nil,
    ttlSecondsAfterFinished: Int32? = nil, template: PodTemplateSpec
  ) {
    self.parallelism = parallelism
    self.completions = completions
    self.backoffLimit = backoffLimit
    self.ttlSecondsAfterFinished = ttlSecondsAfterFinished
    self.template = template
  }
}

/// A Job's `status`.
public struct JobStatus: Codable, Hashable, Sendable {
  public var active: Int32?
  public var succeeded: Int32?
  public var failed: Int32?
  public var ready: Int32?
  public var startTime: String?
  public var completionTime: String?

  public init(active: Int32? = nil, succeeded: Int32? = nil, failed: Int32? = nil) {
    self.active = active
    self.succeeded = succeeded
    self.failed = failed
  }
}
