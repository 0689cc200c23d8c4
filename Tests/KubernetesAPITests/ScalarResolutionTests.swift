import Testing

@testable import ManifestCoding

/// Plain YAML scalars are typed as YAML 1.1 (Kubernetes' YAML-to-JSON step) types them.
@Suite struct ScalarResolutionTests {
  static let table: [(String, ScalarKind)] = [
    ("", .null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
    ("true", .bool), ("False", .bool), ("yes", .bool), ("NO", .bool), ("on", .bool), ("Off", .bool),
    ("0", .int), ("12", .int), ("+5", .int), ("-7", .int), ("1_000", .int), ("0x1F", .int), ("0o17", .int),
    ("017", .int), ("0b101", .int), ("1:30", .int),
    ("1.5", .float), ("1e3", .float), ("-2.5E-3", .float), (".5", .float), ("1.", .float), (".inf", .float),
    ("-.inf", .float), (".nan", .float),
    ("abc", .string), ("1.2.3", .string), ("100m", .string), ("1Gi", .string), ("-", .string), ("y", .string),
    ("2024-01-01", .string), ("0x", .string), ("e3", .string), ("1e", .string),
    ("09", .float),  // not octal, but the YAML 1.1 float pattern takes it
  ]

  @Test(arguments: table)
  func typesPlainScalarsAsYAML11(text: String, kind: ScalarKind) {
    #expect(ScalarResolution.kind(ofPlain: text) == kind, "\(text)")
  }
}
