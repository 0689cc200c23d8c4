import Testing

@testable import APIServer

/// An expression and what it evaluates to, with `self` bound to a small object.
struct CELCase: Sendable, CustomTestStringConvertible {
  var expression: String
  var expected: CELValue
  var testDescription: String { expression }
}

/// An expression that compiles but fails to evaluate, and the message it fails with.
struct CELFailure: Sendable, CustomTestStringConvertible {
  var expression: String
  var message: String
  var testDescription: String { expression }
}

let celSelf: JSON = [
  "name": "web", "replicas": 3, "ratio": 0.5, "tags": ["b": "2", "a": "1"], "list": [3, 1, 2],
  "items": [["k": "x", "v": 1], ["k": "y", "v": 2]], "empty": [], "nothing": nil,
]

let celCases: [CELCase] = [
  // Literals.
  CELCase(expression: "42", expected: .int(42)),
  CELCase(expression: "-9223372036854775808", expected: .int(.min)),
  CELCase(expression: "0x1F", expected: .int(31)),
  CELCase(expression: "42u", expected: .uint(42)),
  CELCase(expression: "2.5e1", expected: .double(25)),
  CELCase(expression: "'single'", expected: .string("single")),
  CELCase(expression: #""double \"quoted\"""#, expected: .string(#"double "quoted""#)),
  CELCase(expression: #"'tab\tnew\nline \u00e9 \x41 \101'"#, expected: .string("tab\tnew\nline é A A")),
  CELCase(expression: #"r'raw\n'"#, expected: .string(#"raw\n"#)),
  CELCase(expression: "'''triple ' quoted'''", expected: .string("triple ' quoted")),
  CELCase(expression: "true && !false", expected: .bool(true)),
  CELCase(expression: "null == null", expected: .bool(true)),
  CELCase(expression: "[1, 2, 3,]", expected: .list([.int(1), .int(2), .int(3)])),
  CELCase(expression: "{'a': 1}['a']", expected: .int(1)),
  // Selection, indexing, presence.
  CELCase(expression: "self.name", expected: .string("web")),
  CELCase(expression: "self.list[1]", expected: .int(1)),
  CELCase(expression: "self.tags['a']", expected: .string("1")),
  CELCase(expression: "self.items[1].k", expected: .string("y")),
  CELCase(expression: "has(self.name)", expected: .bool(true)),
  CELCase(expression: "has(self.missing)", expected: .bool(false)),
  CELCase(expression: "has(self.nothing)", expected: .bool(true)),
  CELCase(expression: "self.nothing == null", expected: .bool(true)),
  // Arithmetic and comparison.
  CELCase(expression: "1 + 2 * 3 - 4 / 2 % 3", expected: .int(5)),
  CELCase(expression: "(1 + 2) * 3", expected: .int(9)),
  CELCase(expression: "-self.replicas", expected: .int(-3)),
  CELCase(expression: "7 / 2", expected: .int(3)),
  CELCase(expression: "-7 % 3", expected: .int(-1)),
  CELCase(expression: "1.5 * 2.0", expected: .double(3)),
  CELCase(expression: "'a' + 'b'", expected: .string("ab")),
  CELCase(expression: "[1] + [2]", expected: .list([.int(1), .int(2)])),
  CELCase(expression: "1 == 1.0 && 1u == 1 && 2 > 1.5 && 1u < 2", expected: .bool(true)),
  CELCase(expression: "'abc' < 'abd' && 'B' < 'a'", expected: .bool(true)),
  CELCase(expression: "'a' == 1", expected: .bool(false)),
  CELCase(expression: "[1, 'a'] == [1, 'a'] && {'a': [1]} == {'a': [1]}", expected: .bool(true)),
  CELCase(expression: "self.tags == {'a': '1', 'b': '2'}", expected: .bool(true)),
  CELCase(expression: "2 in [1, 2] && 'a' in self.tags && !('z' in self.tags)", expected: .bool(true)),
  CELCase(expression: "self.replicas > 2 ? 'many' : 'few'", expected: .string("many")),
  CELCase(expression: "false ? 1 : true ? 2 : 3", expected: .int(2)),
  // CEL's commutative logic: an error on one side is absorbed when the other decides.
  CELCase(expression: "self.missing == 1 || true", expected: .bool(true)),
  CELCase(expression: "true || self.missing == 1", expected: .bool(true)),
  CELCase(expression: "self.missing == 1 && false", expected: .bool(false)),
  CELCase(expression: "!!true", expected: .bool(true)),
  // Macros, over lists (elements) and maps (keys).
  CELCase(expression: "self.list.all(x, x > 0)", expected: .bool(true)),
  CELCase(expression: "self.list.exists(x, x == 2)", expected: .bool(true)),
  CELCase(expression: "self.list.exists_one(x, x > 1)", expected: .bool(false)),
  CELCase(expression: "self.list.map(x, x * 2)", expected: .list([.int(6), .int(2), .int(4)])),
  CELCase(expression: "self.list.map(x, x > 1, x * 10)", expected: .list([.int(30), .int(20)])),
  CELCase(expression: "self.list.filter(x, x != 1)", expected: .list([.int(3), .int(2)])),
  CELCase(expression: "self.tags.all(k, k in ['a', 'b'] && self.tags[k] != '')", expected: .bool(true)),
  CELCase(expression: "self.tags.map(k, k)", expected: .list([.string("a"), .string("b")])),
  CELCase(expression: "self.items.exists(i, i.k == 'y' && i.v == 2)", expected: .bool(true)),
  CELCase(expression: "self.list.all(x, self.list.exists(y, y == x))", expected: .bool(true)),
  CELCase(expression: "self.empty.all(x, false)", expected: .bool(true)),
  CELCase(expression: "[1, 0].exists(x, 1 / x == 1)", expected: .bool(true)),
  // Functions and methods.
  CELCase(
    expression: "size(self.list) + self.list.size() + size('héllo') + size(self.tags)", expected: .int(13)),
  CELCase(expression: "self.name.startsWith('we') && self.name.endsWith('eb')", expected: .bool(true)),
  CELCase(expression: "self.name.contains('e') && !self.name.contains('z')", expected: .bool(true)),
  CELCase(expression: "'ab12'.matches('^[a-z]+[0-9]+$') && matches('x', 'x')", expected: .bool(true)),
  CELCase(expression: "'ab12'.matches('[0-9]')", expected: .bool(true)),
  CELCase(expression: "'karpenter.sh/nodepool'.find('^([^/]+)')", expected: .string("karpenter.sh")),
  CELCase(expression: "'abc'.find('[0-9]+')", expected: .string("")),
  CELCase(
    expression: "'a1b22c333'.findAll('[0-9]+')",
    expected: .list([.string("1"), .string("22"), .string("333")])),
  CELCase(expression: "'a1b22c333'.findAll('[0-9]+', 2)", expected: .list([.string("1"), .string("22")])),
  CELCase(expression: "'al2023@latest'.split('@')", expected: .list([.string("al2023"), .string("latest")])),
  CELCase(expression: "'a,b,c'.split(',', 2)", expected: .list([.string("a"), .string("b,c")])),
  CELCase(expression: "'MiXeD'.lowerAscii() + 'MiXeD'.upperAscii()", expected: .string("mixedMIXED")),
  CELCase(expression: "'  padded \\n'.trim()", expected: .string("padded")),
  CELCase(expression: "'hello'.replace('l', 'L') + 'hello'.substring(1, 3)", expected: .string("heLLoel")),
  CELCase(expression: "'hello'.indexOf('l') + 'hello'.lastIndexOf('l')", expected: .int(5)),
  CELCase(expression: "['a', 'b'].join('-')", expected: .string("a-b")),
  CELCase(expression: "int('42') + int(3.9) + int(2u)", expected: .int(47)),
  CELCase(expression: "uint(7) + uint('8')", expected: .uint(15)),
  CELCase(expression: "double('1.5') + double(1)", expected: .double(2.5)),
  CELCase(
    expression: "string(1) + string(1.5) + string(true) + string(1e6)", expected: .string("11.5true1e+06")),
  CELCase(
    expression: "duration('1h30m') == duration('90m') && duration('1s') < duration('1500ms')",
    expected: .bool(true)),
  CELCase(expression: "string(duration('1h30m'))", expected: .string("5400s")),
  CELCase(expression: "duration('2h').getHours()", expected: .int(2)),
  CELCase(expression: "[1, 2, 2, 3].isSorted() && !self.list.isSorted()", expected: .bool(true)),
  CELCase(expression: "self.list.sum() + self.list.min() + self.list.max()", expected: .int(10)),
  CELCase(expression: "self.list.indexOf(2)", expected: .int(2)),
  // Kubernetes' escaping of property names that are not identifiers stays a plain select.
  CELCase(expression: "{'x-y': 1}.x__dash__y", expected: .int(1)),
]

let celFailures: [CELFailure] = [
  CELFailure(expression: "self.missing", message: "no such key: missing"),
  CELFailure(expression: "self.list[5]", message: "index out of bounds: 5"),
  CELFailure(expression: "self.tags['z']", message: "no such key: z"),
  CELFailure(expression: "1 / 0", message: "division by zero"),
  CELFailure(expression: "1 % 0", message: "modulus by zero"),
  CELFailure(expression: "9223372036854775807 + 1", message: "integer overflow"),
  CELFailure(expression: "int('abc')", message: "type conversion error from 'string' to 'int'"),
  CELFailure(expression: "1 + 'a'", message: "no such overload: _+_(int, string)"),
  CELFailure(expression: "self.name < 1", message: "no such overload"),
  CELFailure(expression: "self.missing == 1 || false", message: "no such key: missing"),
  CELFailure(expression: "self.list.all(x, x.foo)", message: "invalid type for field selection"),
  CELFailure(expression: "[1, 0].all(x, 1 / x == 1)", message: "division by zero"),
  CELFailure(expression: "'x'.frobnicate()", message: "no such overload: string.frobnicate()"),
  CELFailure(expression: "unknownVar", message: "no such attribute: unknownVar"),
  CELFailure(expression: "'x'.matches(self.name + '(')", message: "error parsing regexp"),
]

@Suite struct CELTests {
  @Test(arguments: celCases)
  func evaluates(_ c: CELCase) throws {
    let program = try CELProgram(c.expression)
    let result = try program.evaluate(self: celSelf).value
    #expect(CELValue.equal(result, c.expected) && result.typeName == c.expected.typeName, "got \(result)")
  }

  @Test(arguments: celFailures)
  func failsWithAClearMessage(_ c: CELFailure) throws {
    let program = try CELProgram(c.expression)
    do {
      let result = try program.evaluate(self: celSelf)
      Issue.record("expected an error, got \(result.value)")
    } catch {
      #expect(error.message.contains(c.message), "got \(error.message)")
      #expect(!error.costExceeded)
    }
  }

  @Test(arguments: [
    "1 +", "(1", "[1, 2", "'unterminated", "a.", "has(a)", "self.all(1, true)", "1 ? 2", "@", "in", "'\\q'",
    "9223372036854775808", "'x'.matches('(')",
  ])
  func refusesToCompile(_ source: String) {
    #expect(throws: CELCompileError.self) { try CELProgram(source) }
  }

  @Test func transitionRulesAreRecognizedByOldSelf() throws {
    #expect(try CELProgram("self == oldSelf").isTransitionRule)
    #expect(try !CELProgram("self.oldSelfish == 1").isTransitionRule)
  }

  @Test func deepNestingIsRefusedRatherThanOverflowingTheStack() {
    let parens = String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000)
    #expect(throws: CELCompileError.self) { try CELProgram(parens) }
    let nots = String(repeating: "!", count: 100_001) + "true"
    #expect(throws: CELCompileError.self) { try CELProgram(nots) }
    let chain = (0..<2_000).map(String.init).joined(separator: " + ")
    #expect(throws: CELCompileError.self) { try CELProgram(chain) }
    let lists = String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
    #expect(throws: CELCompileError.self) { try CELProgram(lists) }
  }

  @Test func moderateNestingStillCompiles() throws {
    let parens = String(repeating: "(", count: 30) + "1" + String(repeating: ")", count: 30)
    #expect(try CELProgram(parens).evaluate(self: nil).value == .int(1))
    let deepest =
      String(repeating: "(", count: CELParser.maxDepth - 2) + "[1]"
      + String(repeating: ")", count: CELParser.maxDepth - 2)
    #expect(try CELProgram(deepest).evaluate(self: nil).value == .list([.int(1)]))
    let chain = (0..<40).map { _ in "1" }.joined(separator: " + ")
    #expect(try CELProgram(chain).evaluate(self: nil).value == .int(40))
  }

  @Test func runawayEvaluationStopsAtTheCostLimit() throws {
    // 1000 × 1000 × 1000 iterations: far past the limit, stopped long before it finishes.
    let list = "[" + (0..<1_000).map(String.init).joined(separator: ",") + "]"
    let program = try CELProgram("\(list).all(x, \(list).all(y, \(list).all(z, true)))")
    do {
      _ = try program.evaluate(self: nil)
      Issue.record("expected the cost limit to stop the evaluation")
    } catch {
      #expect(error.costExceeded)
      #expect(error.message == "operation cancelled: actual cost limit exceeded")
    }
  }

  @Test func costLimitErrorsAreNotAbsorbedByLogicalOperators() throws {
    let list = "[" + (0..<1_000).map(String.init).joined(separator: ",") + "]"
    let program = try CELProgram("true || \(list).all(x, \(list).all(y, true))")
    // `true ||` decides first, so this one is cheap...
    #expect(try program.evaluate(self: nil, costLimit: 100_000).value == .bool(true))
    let reversed = try CELProgram("\(list).all(x, \(list).all(y, true)) || true")
    // ...but an exhausted budget is never absorbed.
    #expect(throws: CELEvaluationError.self) { try reversed.evaluate(self: nil, costLimit: 100_000) }
  }

  @Test func comparesDeeplyNestedValuesWithoutOverflowingTheStack() throws {
    var deep: JSON = "leaf"
    for _ in 0..<500 { deep = ["a": deep] }
    let program = try CELProgram("self == oldSelf")
    #expect(try program.evaluate(self: deep, oldSelf: deep).value == .bool(true))
  }

  @Test func formatsDoublesAsGo() {
    #expect(CELFunctions.formatDouble(1.5) == "1.5")
    #expect(CELFunctions.formatDouble(100) == "100")
    #expect(CELFunctions.formatDouble(1e6) == "1e+06")
    #expect(CELFunctions.formatDouble(123456789) == "1.23456789e+08")
    #expect(CELFunctions.formatDouble(0.0001) == "0.0001")
    #expect(CELFunctions.formatDouble(0.00001) == "1e-05")
    #expect(CELFunctions.formatDouble(-2.25) == "-2.25")
  }
}
