/// How evenly matching pods must (or should) spread across the domains of `topologyKey`.
public struct TopologySpreadConstraint: Codable, Hashable, Sendable {
  public var maxSkew: Int32
  public var topologyKey: String
  /// `DoNotSchedule` (a hard constraint) or `ScheduleAnyway` (a preference).
  public var whenUnsatisfiable: String
  public var labelSelector: LabelSelector?
  /// With `DoNotSchedule`, the number of domains below which the global minimum counts as 0.
  public var minDomains: Int32?
  /// `Honor` (the default) or `Ignore`: whether nodeAffinity/nodeSelector limit the domains.
  public var nodeAffinityPolicy: String?
  /// `Ignore` (the default) or `Honor`: whether tainted nodes count as domains.
  public var nodeTaintsPolicy: String?
  /// Label keys whose values, taken from the incoming pod, are ANDed into `labelSelector`.
  public var matchLabelKeys: [String]?

  public init(
    maxSkew: Int32, topologyKey: String, whenUnsatisfiable: String,
    labelSelector: LabelSelector? = nil, minDomains: Int32? = nil,
    nodeAffinityPolicy: String? = nil, nodeTaintsPolicy: String? = nil,
    matchLabelKeys: [String]? = nil
  ) {
    self.maxSkew = maxSkew
    self.topologyKey = topologyKey
    self.whenUnsatisfiable = whenUnsatisfiable
    self.labelSelector = labelSelector
    self.minDomains = minDomains
    self.nodeAffinityPolicy = nodeAffinityPolicy
    self.nodeTaintsPolicy = nodeTaintsPolicy
    self.matchLabelKeys = matchLabelKeys
  }

  public static let doNotSchedule = "DoNotSchedule"
  public static let scheduleAnyway = "ScheduleAnyway"

  /// True for a hard constraint (`DoNotSchedule`).
  public var isRequired: Bool { whenUnsatisfiable == Self.doNotSchedule }
}
