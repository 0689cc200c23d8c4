import KarpenterAPI
import KubernetesAPI
import ManifestCoding
import Yams

/// The kinds the loader knows: for each apiVersion and kind, how to decode a document and wrap
/// it as a ``ManifestObject``.
public struct KindRegistry: Sendable {
  public struct Entry: Sendable {
    public var apiVersion: String
    public var kind: String
    public var namespaced: Bool
    /// Decodes, then validates, a document; returns the object (nil when it could not be
    /// decoded) with every field error. Errors of kind `.unknownField` are warnings.
    /// `memo`: the load's remembered values (see `MemoizedDecodable`).
    public var decode: @Sendable (Yams.Node, DecodingMemo?) -> (ManifestObject?, [FieldError])
    /// Decodes and validates a document read by ``BlockYAML``, when it is clean: nil when it has
    /// any error or unknown field (or this kind has no such decoding), and `decode` reads it.
    public var decodeBlock: (@Sendable (BlockYAML, UnsafeBufferPointer<UInt8>, BlockMemo) -> ManifestObject?)?

    public init(
      apiVersion: String, kind: String, namespaced: Bool,
      decode: @escaping @Sendable (Yams.Node, DecodingMemo?) -> (ManifestObject?, [FieldError]),
      decodeBlock: (@Sendable (BlockYAML, UnsafeBufferPointer<UInt8>, BlockMemo) -> ManifestObject?)? = nil
    ) {
      self.apiVersion = apiVersion
      self.kind = kind
      self.namespaced = namespaced
      self.decode = decode
      self.decodeBlock = decodeBlock
    }
  }

  private var entries: [String: Entry] = [:]

  public init() {}

  static func key(_ apiVersion: String, _ kind: String) -> String { apiVersion + " " + kind }

  public func entry(apiVersion: String, kind: String) -> Entry? {
    entries[Self.key(apiVersion, kind)]
  }

  /// All registered kinds, for messages.
  public var knownKinds: [String] { entries.values.map { "\($0.apiVersion) \($0.kind)" }.sorted() }

  public mutating func register(_ entry: Entry) {
    entries[Self.key(entry.apiVersion, entry.kind)] = entry
  }

  /// Registers a Codable Kubernetes type; `validate` runs when the type is `SelfValidating`,
  /// and `extraChecks` adds rules that need more than the object (conversion, for example).
  public mutating func register<T: KubernetesObject>(
    _ type: T.Type, namespaced: Bool, wrap: @escaping @Sendable (T) -> ManifestObject,
    extraChecks: (@Sendable (T) -> [FieldError])? = nil
  ) {
    register(
      Entry(
        apiVersion: T.apiVersion, kind: T.kind, namespaced: namespaced,
        decode: { node, memo in
          let (value, decodeErrors) = ManifestDecoder(reportsUnknownFields: true, memo: memo).decode(
            T.self, from: node)
          guard let value else { return (nil, decodeErrors) }
          var errors = decodeErrors
          if let validating = value as? SelfValidating {
            errors += memo.map { validating.validate(known: $0.valid) } ?? validating.validate()
          }
          if let extraChecks { errors += extraChecks(value) }
          return (wrap(value), errors)
        },
        decodeBlock: { document, bytes, memo in
          guard let value = BlockDecoder.decode(T.self, from: document, bytes: bytes, memo: memo) else {
            return nil
          }
          if let validating = value as? SelfValidating, !validating.validate(known: memo.valid).isEmpty {
            return nil
          }
          if let extraChecks, !extraChecks(value).isEmpty { return nil }
          return wrap(value)
        }))
  }

  /// Every kind of the Kubernetes and Karpenter APIs this project reads.
  public static let standard: KindRegistry = {
    var r = KindRegistry()
    r.register(NodePool.self, namespaced: false, wrap: { .nodePool($0) })
    r.register(NodeClaim.self, namespaced: false, wrap: { .nodeClaim($0) })
    r.register(EC2NodeClass.self, namespaced: false, wrap: { .ec2NodeClass($0) })
    r.register(NodeOverlay.self, namespaced: false, wrap: { .nodeOverlay($0) })
    r.register(
      Provisioner.self, namespaced: false, wrap: { .provisioner($0) },
      extraChecks: LegacyChecks.provisioner)
    r.register(
      AWSNodeTemplate.self, namespaced: false, wrap: { .awsNodeTemplate($0) },
      extraChecks: LegacyChecks.awsNodeTemplate)
    r.register(
      NodePoolV1Beta1.self, namespaced: false, wrap: { .nodePoolV1Beta1($0) },
      extraChecks: LegacyChecks.nodePoolV1Beta1)
    r.register(
      EC2NodeClassV1Beta1.self, namespaced: false, wrap: { .ec2NodeClassV1Beta1($0) },
      extraChecks: LegacyChecks.ec2NodeClassV1Beta1)
    r.register(Pod.self, namespaced: true, wrap: { .pod($0) })
    r.register(Node.self, namespaced: false, wrap: { .node($0) })
    r.register(Deployment.self, namespaced: true, wrap: { .deployment($0) })
    r.register(ReplicaSet.self, namespaced: true, wrap: { .replicaSet($0) })
    r.register(StatefulSet.self, namespaced: true, wrap: { .statefulSet($0) })
    r.register(Job.self, namespaced: true, wrap: { .job($0) })
    r.register(DaemonSet.self, namespaced: true, wrap: { .daemonSet($0) })
    r.register(PodDisruptionBudget.self, namespaced: true, wrap: { .podDisruptionBudget($0) })
    r.register(PriorityClass.self, namespaced: false, wrap: { .priorityClass($0) })
    r.register(PersistentVolume.self, namespaced: false, wrap: { .persistentVolume($0) })
    r.register(PersistentVolumeClaim.self, namespaced: true, wrap: { .persistentVolumeClaim($0) })
    r.register(StorageClass.self, namespaced: false, wrap: { .storageClass($0) })
    r.register(Lease.self, namespaced: true, wrap: { .lease($0) })
    r.register(Event.self, namespaced: true, wrap: { .event($0) })
    return r
  }()
}
