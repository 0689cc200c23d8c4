import KubernetesAPI
import PropertyBased
import Testing

@Suite struct QuantityParsingTests {
  /// Input, canonical form, value in milli-units (rounded up).
  static let table: [(String, String, Int64)] = [
    ("0", "0", 0),
    ("1", "1", 1000),
    ("100m", "100m", 100),
    ("1500m", "1500m", 1500),
    ("2000m", "2", 2000),
    ("0.5", "500m", 500),
    (".5", "500m", 500),
    ("5.", "5", 5000),
    ("1.5", "1500m", 1500),
    ("+3", "3", 3000),
    ("-3", "-3", -3000),
    ("1000", "1k", 1_000_000),
    ("1100", "1100", 1_100_000),
    ("1k", "1k", 1_000_000),
    ("1M", "1M", 1_000_000_000),
    ("12e6", "12e6", 12_000_000_000),
    ("1e3", "1e3", 1_000_000),
    ("1E3", "1e3", 1_000_000),
    ("1e-3", "1e-3", 1),
    ("1.5e3", "1500", 1_500_000),
    ("1Ki", "1Ki", 1_024_000),
    ("1024", "1024", 1_024_000),
    ("1536Mi", "1536Mi", 1_610_612_736_000),
    ("1.5Gi", "1536Mi", 1_610_612_736_000),
    ("1Gi", "1Gi", 1_073_741_824_000),
    ("1024Mi", "1Gi", 1_073_741_824_000),
    ("0.5Ki", "512", 512_000),
    ("0.1Ki", "102400m", 102_400),
    ("100Mi", "100Mi", 104_857_600_000),
    ("1n", "1n", 1),
    ("1u", "1u", 1),
    ("1.5n", "2n", 1),
    ("0.1n", "1n", 1),
    ("1500u", "1500u", 2),
    ("1000u", "1m", 1),
    ("1E", "1E", Int64.max),
    ("2Ei", "2Ei", Int64.max),
    ("1T", "1T", 1_000_000_000_000_000),
    ("1Pi", "1Pi", 1_125_899_906_842_624_000),
    ("007", "7", 7000),
    ("0.000", "0", 0),
  ]

  @Test(arguments: table)
  func parsesAndFormatsCanonically(input: String, canonical: String, milli: Int64) throws {
    let q = try Quantity(parsing: input)
    #expect(q.description == canonical)
    #expect(q.milliValue == milli)
  }

  @Test func exaValueIsExact() throws {
    #expect(try Quantity(parsing: "1E").value == 1_000_000_000_000_000_000)
  }

  static let invalid: [String] = [
    "", "abc", "1x", "1.2.3", "--1", "1 Gi", "1gi", "1KiB", "Gi", "1e", "1e+", "1ee3", ".",
    "1,5", " 1", "1e99999", "99999999999999999999999999999999999999Ei",
  ]

  @Test(arguments: invalid)
  func rejectsInvalidText(input: String) {
    #expect(throws: QuantityError.self) { try Quantity(parsing: input) }
  }

  @Test func errorMessageNamesTheTextAndTheGrammar() {
    do {
      _ = try Quantity(parsing: "12 cores")
      Issue.record("expected an error")
    } catch {
      let message = String(describing: error)
      #expect(message.contains("\"12 cores\""))
      #expect(message.contains("regular expression"))
    }
  }

  @Test func arithmeticIsExact() throws {
    let a = try Quantity(parsing: "100m")
    let b = try Quantity(parsing: "0.2")
    #expect((a + b).description == "300m")
    #expect((b - a).milliValue == 100)
    let c = try Quantity(parsing: "0.1")
    var sum = Quantity.zero
    for _ in 0..<10 { sum += c }
    #expect(sum == Quantity(1))
    #expect(try Quantity(parsing: "1Gi") == Quantity(1_073_741_824))
    #expect(try Quantity(parsing: "1Gi") > Quantity(parsing: "1G"))
  }

  @Test func valueRoundsUpLikeKubernetes() throws {
    #expect(try Quantity(parsing: "1500m").value == 2)
    #expect(try Quantity(parsing: "-1500m").value == -1)
    #expect(try Quantity(parsing: "1n").milliValue == 1)
  }

  @Test func formatFollowsTheSuffixFamily() throws {
    #expect(try Quantity(parsing: "2048").description == "2048")
    #expect(try Quantity(parsing: "2Ki").description == "2Ki")
    #expect(try Quantity(parsing: "2e3").description == "2e3")
    #expect(try Quantity(parsing: "1000Mi").description == "1000Mi")
  }
}

@Suite struct QuantityPropertyTests {
  static let formats: [Quantity.Format] = [.decimalSI, .binarySI, .decimalExponent]

  /// Formatting then parsing gives back the same value, and from then on the same text.
  ///
  /// The text itself may change once, exactly as in Kubernetes: a binary-format 2000 prints
  /// as "2000" (not a multiple of 1024), which parses as a decimal quantity and then prints
  /// as "2k". After that first round trip the text is a fixpoint.
  @Test func formatThenParseChangesNothing() async {
    await propertyCheck(
      count: 2000,
      input: Gen.int64(in: -1_000_000_000_000...1_000_000_000_000), Gen.int(in: 0...12),
      Gen.int(in: 0...2)
    ) { mantissa, scale, formatIndex in
      var nanos = Int128(mantissa)
      for _ in 0..<scale { nanos *= 10 }
      let q = Quantity(nanos: nanos, format: Self.formats[formatIndex])
      let text = q.description
      let parsed = try #require(try? Quantity(parsing: text))
      #expect(parsed == q, "\(text) parsed to \(parsed.nanos) nanos, expected \(q.nanos)")
      let settled = parsed.description
      let again = try #require(try? Quantity(parsing: settled))
      #expect(again == q)
      #expect(again.description == settled)
      if q.format != .binarySI { #expect(settled == text) }
    }
  }

  /// Binary multiples format with binary suffixes and come back exactly.
  @Test func binaryMultiplesRoundTrip() async {
    await propertyCheck(count: 1000, input: Gen.int64(in: 1...1_000_000), Gen.int(in: 0...4)) {
      n, power in
      var bytes = Int128(n)
      for _ in 0..<power { bytes *= 1024 }
      let q = Quantity(nanos: bytes * Quantity.nanosPerUnit, format: .binarySI)
      let parsed = try #require(try? Quantity(parsing: q.description))
      #expect(parsed == q)
      if power > 0 { #expect(parsed.description == q.description) }
    }
  }
}
