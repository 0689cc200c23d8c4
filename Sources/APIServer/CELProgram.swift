/// A compiled CEL expression, as a CRD's `x-kubernetes-validations` rule or `messageExpression`.
///
/// Compile once (the schema cache keeps programs per CRD resourceVersion), evaluate on every
/// write. Only the subset of CEL that Kubernetes validation rules use is supported; there is
/// no static type check, so type errors surface when the rule runs, as evaluation errors.
public struct CELProgram: Sendable {
  /// The cost one evaluation may spend, as the apiserver's per-call limit.
  public static let perCallCostLimit = 1_000_000

  public let source: String
  let root: CELExpr
  /// Whether the rule reads `oldSelf`: a transition rule, run only on updates.
  public let isTransitionRule: Bool

  public init(_ source: String) throws(CELCompileError) {
    self.source = source
    root = try CELParser.parse(source)
    isTransitionRule = (try? CELLexer.tokens(source))?.contains { $0.kind == .identifier("oldSelf") } ?? false
  }

  /// Evaluates with `self` (and `oldSelf` for transition rules) bound to JSON values.
  /// - Returns: the value and the cost spent.
  public func evaluate(self value: JSON, oldSelf: JSON? = nil, costLimit: Int = perCallCostLimit)
    throws(CELEvaluationError) -> (value: CELValue, cost: Int)
  {
    var bindings: [(name: String, value: CELValue)] = [("self", CELValue(value))]
    if let oldSelf { bindings.append(("oldSelf", CELValue(oldSelf))) }
    return try evaluate(bindings: bindings, costLimit: costLimit)
  }

  /// Evaluates with any variables bound (tests, `messageExpression`).
  public func evaluate(bindings: [(name: String, value: CELValue)], costLimit: Int = perCallCostLimit)
    throws(CELEvaluationError) -> (value: CELValue, cost: Int)
  {
    var evaluator = CELEvaluator(bindings: bindings, limit: costLimit)
    let value = try evaluator.evaluate(root)
    return (value, evaluator.cost)
  }
}
