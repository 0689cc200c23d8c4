import KubernetesAPI

/// Upstream's CRD defaults, applied the way the API server applies structural defaults: a
/// default fills a field only when it is absent.
extension NodePool {
  public static let defaultExpireAfter = "720h"
  public static let defaultConsolidateAfter = "0s"
  public static let defaultConsolidationPolicy = "WhenEmptyOrUnderutilized"
  public static let defaultBudgetNodes = "10%"

  /// The NodePool with expireAfter 720h, consolidateAfter 0s, consolidationPolicy
  /// WhenEmptyOrUnderutilized and budgets [{nodes: 10%}] filled in where absent.
  public func defaulted() -> NodePool {
    var copy = self
    var spec = copy.spec ?? NodePoolSpec()
    var disruption = spec.disruption ?? Disruption()
    if disruption.consolidateAfter == nil { disruption.consolidateAfter = Self.defaultConsolidateAfter }
    if disruption.consolidationPolicy == nil {
      disruption.consolidationPolicy = Self.defaultConsolidationPolicy
    }
    if disruption.budgets == nil {
      disruption.budgets = [Budget(nodes: Self.defaultBudgetNodes)]
    } else {
      disruption.budgets = disruption.budgets!.map { budget in
        var b = budget
        if b.nodes == nil { b.nodes = Self.defaultBudgetNodes }
        return b
      }
    }
    spec.disruption = disruption
    if var template = spec.template, var templateSpec = template.spec {
      if templateSpec.expireAfter == nil { templateSpec.expireAfter = Self.defaultExpireAfter }
      template.spec = templateSpec
      spec.template = template
    }
    copy.spec = spec
    return copy
  }
}

extension NodeClaim {
  public func defaulted() -> NodeClaim {
    var copy = self
    if copy.spec?.expireAfter == nil { copy.spec?.expireAfter = NodePool.defaultExpireAfter }
    return copy
  }
}

extension EC2NodeClass {
  /// The EC2NodeClass with upstream's metadataOptions defaults (IMDS enabled, IPv6 disabled,
  /// hop limit 1, tokens required) filled in where absent.
  public func defaulted() -> EC2NodeClass {
    var copy = self
    guard var spec = copy.spec else { return copy }
    var options = spec.metadataOptions ?? MetadataOptions()
    let d = MetadataOptions.defaults
    options.httpEndpoint = options.httpEndpoint ?? d.httpEndpoint
    options.httpProtocolIPv6 = options.httpProtocolIPv6 ?? d.httpProtocolIPv6
    options.httpPutResponseHopLimit = options.httpPutResponseHopLimit ?? d.httpPutResponseHopLimit
    options.httpTokens = options.httpTokens ?? d.httpTokens
    spec.metadataOptions = options
    copy.spec = spec
    return copy
  }
}
