import Foundation
import KarpenterAPI
import KubernetesAPI
import Scheduling

/// An image the EC2NodeClass may launch, with the instance types it serves (upstream's
/// `amifamily.AMI`).
public struct ResolvedAMI: Sendable, Hashable {
  public var id: String
  public var name: String
  public var creationDate: String
  public var deprecated: Bool
  public var requirements: Requirements

  public init(id: String, name: String, creationDate: String, deprecated: Bool, requirements: Requirements) {
    self.id = id
    self.name = name
    self.creationDate = creationDate
    self.deprecated = deprecated
    self.requirements = requirements
  }

  /// The requirements as `status.amis[].requirements` lists them: sorted by key length, then key.
  public var nodeSelectorRequirements: [NodeSelectorRequirement] {
    requirements.all.map {
      NodeSelectorRequirement(
        key: $0.key, operator: $0.operatorName, values: $0.values.isEmpty ? nil : $0.values)
    }.sorted { ($0.key.count, $0.key) < ($1.key.count, $1.key) }
  }
}

/// Upstream's AMI resolution (`amifamily.DefaultProvider.amis` and `MapToInstanceTypes`): for
/// each distinct set of requirements the newest non-deprecated image wins; images are then
/// listed newest first, and each instance type takes the first image whose requirements it meets.
public enum AMIResolver {
  /// The images an EC2NodeClass resolves to.
  ///
  /// - Parameters:
  ///   - images: what DescribeImages returned (unselected images are filtered out here too).
  ///   - aliasImages: for an alias, the image id each SSM parameter of
  ///     ``AMIFamily/ssmParameters(kubernetesVersion:amiVersion:)`` resolved to, with that
  ///     parameter (which says which variants the image serves).
  ///   - ssmImageIDs: for `ssmParameter` terms, the image id each parameter names.
  ///   - now: the time deprecation is judged at.
  public static func resolve(
    _ spec: EC2NodeClassSpec, images: [Image], accountID: String, aliasImages: [String: AMIParameter] = [:],
    ssmImageIDs: [String: String] = [:], now: Date
  ) -> [ResolvedAMI] {
    let terms = spec.amiSelectorTerms ?? []
    let selected: [Image]
    if terms.contains(where: { $0.alias != nil }) {
      selected = images.filter { aliasImages[$0.id] != nil }
    } else {
      selected = SelectorTerms.images(images, matching: terms, accountID: accountID, ssmImageIDs: ssmImageIDs)
    }
    return resolve(selected, known: aliasImages, now: now)
  }

  /// The winners among already-selected images, newest first (ties by id).
  public static func resolve(_ images: [Image], known: [String: AMIParameter] = [:], now: Date)
    -> [ResolvedAMI]
  {
    var best: [Requirements: ResolvedAMI] = [:]
    for image in images {
      guard let arch = Architecture(ec2Name: image.architecture) else { continue }
      let sets =
        known[image.id]?.requirements(architecture: arch)
        ?? [Requirements([.exactly(WellKnown.archLabel, arch.rawValue)])]
      let deprecated = image.deprecationTime.flatMap(parseTime).map { $0 <= now } ?? false
      for requirements in sets {
        let candidate = ResolvedAMI(
          id: image.id, name: image.name, creationDate: image.creationDate, deprecated: deprecated,
          requirements: requirements)
        if let current = best[requirements], !isBetter(candidate, than: current) { continue }
        best[requirements] = candidate
      }
    }
    return sorted(Array(best.values))
  }

  /// Newest first by creation time (unparseable dates last), then by id; for equal images, by
  /// requirements so that the order is total.
  public static func sorted(_ amis: [ResolvedAMI]) -> [ResolvedAMI] {
    amis.sorted { a, b in
      let ta = parseTime(a.creationDate) ?? .distantPast
      let tb = parseTime(b.creationDate) ?? .distantPast
      if ta != tb { return ta > tb }
      if a.id != b.id { return a.id < b.id }
      return a.requirements.description < b.requirements.description
    }
  }

  /// Upstream's `compareAMI`: not deprecated beats deprecated, then newer, then the name that
  /// sorts last.
  static func isBetter(_ a: ResolvedAMI, than b: ResolvedAMI) -> Bool {
    if a.deprecated != b.deprecated { return !a.deprecated }
    let ta = parseTime(a.creationDate) ?? .distantPast
    let tb = parseTime(b.creationDate) ?? .distantPast
    if ta != tb { return ta > tb }
    return a.name > b.name
  }

  /// For each image, the instance types whose first compatible image it is (upstream's
  /// `MapToInstanceTypes`), in the input order of types.
  public static func instanceTypesByImage(_ types: [InstanceType], amis: [ResolvedAMI]) -> [String:
    [InstanceType]]
  {
    var result: [String: [InstanceType]] = [:]
    for type in types {
      if let ami = image(for: type, amis: amis) { result[ami.id, default: []].append(type) }
    }
    return result
  }

  /// The first image whose requirements the instance type meets.
  public static func image(for type: InstanceType, amis: [ResolvedAMI]) -> ResolvedAMI? {
    amis.first { type.requirements.compatibilityProblem($0.requirements) == nil }
  }

  /// RFC 3339 with or without fractional seconds.
  static func parseTime(_ text: String) -> Date? {
    guard !text.isEmpty else { return nil }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }
}
