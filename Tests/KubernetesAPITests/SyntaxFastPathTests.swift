import Testing

@testable import KubernetesAPI

/// The name rules answer plain ASCII from its bytes; that answer must be the one the
/// character-wise rules (which word the problems) give, on names near every boundary.
@Suite struct SyntaxFastPathTests {
  /// Deterministic pseudo-random names from an alphabet that hits every rule: letters of both
  /// cases, digits, the allowed punctuation, a slash, a space and a carriage return.
  static func names(count: Int) -> [String] {
    let alphabet = Array("abz09AZ-_./ \r")
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var out: [String] = ["", "a", "-", "a/", "/a", "a//b", "example.com/My_Name", "A.b", "a..b", "\r\n"]
    for _ in 0..<count {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      // Lengths up to 260 so that the 63- and 253-character limits are crossed.
      let length = Int(state >> 33) % (state & 1 == 0 ? 8 : 260)
      var name = ""
      for _ in 0..<length {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        // Mostly valid characters, so that long valid names occur.
        let pick = Int(state >> 40) % 100
        name.append(pick < 90 ? alphabet[pick % 3 + (pick / 30) * 3 % 9] : alphabet[pick % alphabet.count])
      }
      out.append(name)
    }
    return out
  }

  @Test func theByteRulesAgreeWithTheCharacterRules() {
    var valid = (qualified: 0, subdomain: 0, label: 0, value: 0)
    for name in Self.names(count: 20_000) {
      let qualified = Syntax.qualifiedNameProblemByCharacter(name) == nil
      #expect((Syntax.qualifiedNameProblem(name) == nil) == qualified, "\(name.debugDescription)")
      let subdomain = Syntax.dnsSubdomainProblemByCharacter(Substring(name)) == nil
      #expect((Syntax.dnsSubdomainProblem(Substring(name)) == nil) == subdomain, "\(name.debugDescription)")
      let label = Syntax.dnsLabelProblemByCharacter(name) == nil
      #expect((Syntax.dnsLabelProblem(name) == nil) == label, "\(name.debugDescription)")
      let value = Syntax.labelValueProblemByCharacter(name) == nil
      #expect((Syntax.labelValueProblem(name) == nil) == value, "\(name.debugDescription)")
      #expect(Syntax.isLabelValueShape(Substring(name)) == Syntax.isLabelValueShapeByCharacter(Substring(name)))
      if qualified { valid.qualified += 1 }
      if subdomain { valid.subdomain += 1 }
      if label { valid.label += 1 }
      if value { valid.value += 1 }
    }
    // Both answers occur often, or the comparison would prove little.
    #expect(valid.qualified > 1_000 && valid.subdomain > 500 && valid.label > 500 && valid.value > 1_000)
    #expect(valid.qualified < 19_000)
  }

  @Test func aProblemIsStillWordedByTheCharacterRules() {
    #expect(Syntax.qualifiedNameProblem(String(repeating: "a", count: 64)) == "name part must be no more than 63 characters")
    #expect(Syntax.labelValueProblem("é") != nil)
    #expect(Syntax.dnsLabelProblem("a\r\nb") != nil)
  }
}
