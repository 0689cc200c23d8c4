import KubernetesAPI
import ManifestCoding
import Testing

/// A load remembers the Pod specs that passed their rules; a remembered spec is not validated
/// again, and what is reported is what validating everything reports.
@Suite struct ValidPartsTests {
  static func pod(_ yaml: String) throws -> Pod {
    try #require(try ManifestDecoder().decode(Pod.self, yaml: yaml).value)
  }

  @Test func rememberingReportsWhatValidatingEverythingReports() throws {
    let known = ValidParts()
    let good = try Self.pod(ValidationFixture.podResources("{requests: {cpu: 100m}}"))
    let badSpec = try Self.pod(ValidationFixture.podResources("{requests: {cpu: -1}}"))
    let badName = try Self.pod(
      ValidationFixture.pod(ValidationFixture.container, metadata: "{name: Web_1, namespace: shop}"))
    for pod in [good, badSpec, badName, good, badSpec, badName] {
      #expect(pod.validate(known: known) == pod.validate())
    }
    #expect(known.contains(try #require(good.spec)))
    #expect(!known.contains(try #require(badSpec.spec)))
    // The metadata is checked every time, whatever the spec.
    #expect(!badName.validate(known: known).isEmpty)
  }
}
