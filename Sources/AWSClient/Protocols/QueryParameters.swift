/// Form parameters of an AWS Query or EC2 request, in the order they were added.
///
/// EC2 flattens lists as `Name.1`, `Name.2` and structures as `Name.Field`; IAM and SQS add
/// `.member.` between a list's name and its index. The helpers here write both shapes.
public struct QueryParameters: Sendable {
  public private(set) var pairs: [(String, String)] = []

  public init() {}

  public init(_ pairs: [(String, String)]) { self.pairs = pairs }

  /// Adds `name=value`; a nil value adds nothing.
  public mutating func set(_ name: String, _ value: String?) {
    guard let value else { return }
    pairs.append((name, value))
  }

  public mutating func set(_ name: String, _ value: Int?) { set(name, value.map(String.init)) }

  public mutating func set(_ name: String, _ value: Bool?) { set(name, value.map { $0 ? "true" : "false" }) }

  /// `Name.1=a&Name.2=b` (EC2), or `Name.member.1=a` when `member` is true (IAM, SQS).
  public mutating func set(list name: String, _ values: [String], member: Bool = false) {
    for (index, value) in values.enumerated() {
      pairs.append(("\(name)\(member ? ".member" : "").\(index + 1)", value))
    }
  }

  /// EC2 filters: `Filter.1.Name=...&Filter.1.Value.1=...`.
  public mutating func set(filters: [EC2Filter], prefix: String = "Filter") {
    for (index, filter) in filters.enumerated() {
      set("\(prefix).\(index + 1).Name", filter.name)
      set(list: "\(prefix).\(index + 1).Value", filter.values)
    }
  }

  /// EC2 tag specifications: `TagSpecification.1.ResourceType=...&TagSpecification.1.Tag.1.Key=...`.
  public mutating func set(tagSpecifications: [EC2TagSpecification], prefix: String = "TagSpecification") {
    for (index, spec) in tagSpecifications.enumerated() {
      let base = "\(prefix).\(index + 1)"
      set("\(base).ResourceType", spec.resourceType)
      set(tags: spec.tags, prefix: "\(base).Tag")
    }
  }

  /// `Tag.1.Key=...&Tag.1.Value=...`.
  public mutating func set(tags: [AWSTag], prefix: String = "Tag") {
    for (index, tag) in tags.enumerated() {
      set("\(prefix).\(index + 1).Key", tag.key)
      set("\(prefix).\(index + 1).Value", tag.value)
    }
  }

  /// `application/x-www-form-urlencoded` body.
  public var formEncoded: String {
    pairs.map { "\(URIEncoding.encode($0.0))=\(URIEncoding.encode($0.1))" }.joined(separator: "&")
  }
}

/// A key and value, as EC2, IAM and SQS tag resources.
public struct AWSTag: Sendable, Hashable, Codable {
  public var key: String
  public var value: String

  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}

/// An EC2 `Filter`: a name (`vpc-id`, `tag:Name`, `instance-state-name`) and accepted values.
public struct EC2Filter: Sendable, Hashable {
  public var name: String
  public var values: [String]

  public init(name: String, values: [String]) {
    self.name = name
    self.values = values
  }
}

/// Tags to put on resources that a call creates (`instance`, `volume`, `launch-template`, `fleet`).
public struct EC2TagSpecification: Sendable, Hashable {
  public var resourceType: String
  public var tags: [AWSTag]

  public init(resourceType: String, tags: [AWSTag]) {
    self.resourceType = resourceType
    self.tags = tags
  }
}
