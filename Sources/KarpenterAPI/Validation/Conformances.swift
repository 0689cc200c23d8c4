import ManifestCoding

extension NodePool: SelfValidating {}
extension NodeClaim: SelfValidating {}
extension EC2NodeClass: SelfValidating {}
