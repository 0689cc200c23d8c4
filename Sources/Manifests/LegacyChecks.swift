import KarpenterAPI
import ManifestCoding

/// Legacy kinds are checked the way they will be used: converted to v1, then validated by the
/// v1 rules. A problem is reported at the v1 field path, saying so.
enum LegacyChecks {
  @Sendable static func provisioner(_ p: Provisioner) -> [FieldError] {
    do {
      let (nodePool, nodeClass) = try LegacyConversion.nodePool(from: p)
      return afterConversion(nodePool.validate(), to: "NodePool")
        + afterConversion(nodeClass?.validate() ?? [], to: "EC2NodeClass")
    } catch {
      return [FieldError(.invalid, .root, "cannot be converted to karpenter.sh/v1: \(error)")]
    }
  }

  @Sendable static func awsNodeTemplate(_ t: AWSNodeTemplate) -> [FieldError] {
    do {
      return afterConversion(try LegacyConversion.nodeClass(from: t).validate(), to: "EC2NodeClass")
    } catch {
      return [FieldError(.invalid, .root, "cannot be converted to karpenter.k8s.aws/v1: \(error)")]
    }
  }

  @Sendable static func nodePoolV1Beta1(_ p: NodePoolV1Beta1) -> [FieldError] {
    afterConversion(LegacyConversion.nodePool(from: p).validate(), to: "NodePool")
  }

  @Sendable static func ec2NodeClassV1Beta1(_ c: EC2NodeClassV1Beta1) -> [FieldError] {
    afterConversion(LegacyConversion.nodeClass(from: c).validate(), to: "EC2NodeClass")
  }

  static func afterConversion(_ errors: [FieldError], to kind: String) -> [FieldError] {
    errors.map { error in
      var e = error
      e.detail += e.detail.isEmpty ? "" : " "
      e.detail += "(in the v1 \(kind) this converts to)"
      return e
    }
  }
}
