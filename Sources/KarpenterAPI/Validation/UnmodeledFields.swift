import ManifestCoding

// Status blocks are written by Karpenter's controllers and accepted whole; every spec field of
// the Karpenter kinds is modelled, so a field outside them is reported as unknown.

extension NodePoolStatus: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension NodeClaimStatus: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
extension EC2NodeClassStatus: UnmodeledFields {
  public static let unmodeledFields: Set<String>? = nil
}
extension Condition: UnmodeledFields { public static let unmodeledFields: Set<String>? = nil }
