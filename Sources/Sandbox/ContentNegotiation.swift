/// One entry of an Accept header: `application/json;as=Table;v=v1;g=meta.k8s.io`.
public struct MediaRange: Equatable, Sendable {
  /// `application/json`, lowercased.
  public var type: String
  /// The parameters, names lowercased (`as`, `v`, `g`, `q`).
  public var parameters: [String: String]

  public init(type: String, parameters: [String: String] = [:]) {
    self.type = type
    self.parameters = parameters
  }

  /// Reads every comma-separated entry of an Accept header; an empty header accepts anything.
  public static func parse(accept header: String?) -> [MediaRange] {
    guard let header, !header.isEmpty else { return [MediaRange(type: "*/*")] }
    return header.split(separator: ",").compactMap { entry in
      let parts = entry.split(separator: ";").map { $0.trimmingSpaces }
      guard let first = parts.first, !first.isEmpty else { return nil }
      var parameters: [String: String] = [:]
      for part in parts.dropFirst() {
        let pair = part.split(separator: "=", maxSplits: 1)
        guard pair.count == 2 else { continue }
        parameters[pair[0].trimmingSpaces.lowercased()] = String(pair[1].trimmingSpaces)
      }
      return MediaRange(type: first.lowercased(), parameters: parameters)
    }
  }

  /// Whether a JSON answer satisfies this entry (`application/json`, `application/*`, `*/*`).
  var acceptsJSON: Bool { type == "application/json" || type == "application/*" || type == "*/*" }

  /// The `as=` kind of a meta.k8s.io conversion (Table, PartialObjectMetadata, ...), when the
  /// entry asks for one.
  var conversion: String? { parameters["as"] }
}

/// What shape a GET on a resource answers in, chosen from the Accept header as the real
/// server chooses: the first entry it can serve wins.
public enum ResourceRendering: Equatable, Sendable {
  /// The objects themselves, as JSON.
  case objects
  /// A meta.k8s.io/v1 Table (kubectl get).
  case table
  /// PartialObjectMetadata or PartialObjectMetadataList (metadata-only informers).
  case metadata
  /// Nothing in the Accept header can be served (protobuf only, say): 406.
  case notAcceptable

  public static func choose(accept: [MediaRange]) -> ResourceRendering {
    for range in accept {
      guard range.acceptsJSON else { continue }
      switch range.conversion {
      case nil: return .objects
      case "Table" where range.parameters["g"] == "meta.k8s.io" && ["v1", "v1beta1"].contains(range.parameters["v"]):
        return .table
      case "PartialObjectMetadata", "PartialObjectMetadataList":
        if range.parameters["g"] == "meta.k8s.io" { return .metadata }
      default: continue
      }
    }
    return .notAcceptable
  }
}

/// What a discovery request (`/api`, `/apis`) answers in: the aggregated documents kubectl
/// asks for first, or the legacy lists.
public enum DiscoveryRendering: Equatable, Sendable {
  /// apidiscovery.k8s.io at `v2` or `v2beta1`, the version named.
  case aggregated(version: String)
  case legacy
  case notAcceptable

  public static func choose(accept: [MediaRange]) -> DiscoveryRendering {
    for range in accept {
      guard range.acceptsJSON else { continue }
      guard let conversion = range.conversion else { return .legacy }
      if conversion == "APIGroupDiscoveryList", range.parameters["g"] == "apidiscovery.k8s.io",
        let version = range.parameters["v"], ["v2", "v2beta1"].contains(version)
      {
        return .aggregated(version: version)
      }
    }
    return .notAcceptable
  }
}
