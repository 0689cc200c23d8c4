import Foundation

/// A parsed CEL expression: what the Kubernetes CRD validation rules need of the language.
indirect enum CELExpr: Sendable {
  case literal(CELValue)
  /// A variable: `self`, `oldSelf`, a macro's iteration variable.
  case identifier(String)
  /// `operand.field`.
  case select(CELExpr, String)
  /// `has(operand.field)`.
  case presence(CELExpr, String)
  /// `operand[index]`.
  case index(CELExpr, CELExpr)
  /// A function (`size(x)`) or a method (`x.size()`), by name.
  case call(String, target: CELExpr?, arguments: [CELExpr])
  case list([CELExpr])
  case map([CELMapEntry])
  case not(CELExpr)
  case negate(CELExpr)
  case binary(CELBinaryOperator, CELExpr, CELExpr)
  case and(CELExpr, CELExpr)
  case or(CELExpr, CELExpr)
  case conditional(CELExpr, CELExpr, CELExpr)
  /// The macros that iterate a list (over its elements) or a map (over its keys).
  case comprehension(CELComprehension)
  /// A regular expression call (`matches`, `find`, `findAll`) whose pattern is a literal,
  /// compiled once with the program.
  case regexCall(String, target: CELExpr, pattern: CELRegex, arguments: [CELExpr])
}

struct CELMapEntry: Sendable {
  var key: CELExpr
  var value: CELExpr
}

enum CELBinaryOperator: String, Sendable {
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case inside = "in"
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case remainder = "%"

  /// Binding strength, as in cel-spec's grammar: relations bind looser than sums, sums than products.
  var precedence: Int {
    switch self {
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .inside: return 1
    case .add, .subtract: return 2
    case .multiply, .divide, .remainder: return 3
    }
  }
}

/// `range.all(x, p)`, `exists`, `exists_one`, `map(x, t)`, `map(x, p, t)`, `filter(x, p)`.
struct CELComprehension: Sendable {
  enum Kind: String, Sendable {
    case all
    case exists
    case existsOne = "exists_one"
    case map
    case filter
  }

  var kind: Kind
  var range: CELExpr
  var variable: String
  /// The condition (all, exists, exists_one, filter, the three-argument map).
  var predicate: CELExpr?
  /// The mapped value (map).
  var transform: CELExpr?
}

/// A compiled regular expression, shared by every evaluation of a program.
final class CELRegex: @unchecked Sendable {
  // NSRegularExpression is immutable and documented as safe to use from several threads.
  let pattern: String
  let expression: NSRegularExpression

  init(_ pattern: String) throws(CELEvaluationError) {
    self.pattern = pattern
    do {
      expression = try NSRegularExpression(pattern: CELRegex.translated(pattern))
    } catch {
      throw CELEvaluationError("error parsing regexp: invalid pattern: `\(pattern)`")
    }
  }

  /// RE2's flag group syntax that ICU spells differently; the rest of RE2's syntax ICU shares.
  static func translated(_ pattern: String) -> String {
    pattern.replacingOccurrences(of: "(?P<", with: "(?<")
  }

  func firstMatch(in string: String) -> String? {
    let range = NSRange(string.startIndex..., in: string)
    guard let match = expression.firstMatch(in: string, range: range),
      let swiftRange = Range(match.range, in: string)
    else { return nil }
    return String(string[swiftRange])
  }

  func matches(_ string: String) -> Bool {
    expression.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
  }

  func allMatches(in string: String, limit: Int) -> [String] {
    if limit == 0 { return [] }
    var out: [String] = []
    let range = NSRange(string.startIndex..., in: string)
    for match in expression.matches(in: string, range: range) {
      if limit > 0, out.count == limit { break }
      if let swiftRange = Range(match.range, in: string) { out.append(String(string[swiftRange])) }
    }
    return out
  }
}
