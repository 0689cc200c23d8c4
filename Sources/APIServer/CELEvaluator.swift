/// Evaluates a parsed expression over bound variables, counting cost as the apiserver's
/// budget does: every step costs one, iterations and string work cost their length. Past the
/// limit the evaluation stops with an error no operator absorbs.
struct CELEvaluator {
  private var bindings: [(name: String, value: CELValue)]
  private(set) var cost = 0
  let limit: Int

  init(bindings: [(name: String, value: CELValue)], limit: Int) {
    self.bindings = bindings
    self.limit = limit
  }

  mutating func charge(_ amount: Int) throws(CELEvaluationError) {
    cost += max(amount, 0)
    if cost > limit {
      throw CELEvaluationError("operation cancelled: actual cost limit exceeded", costExceeded: true)
    }
  }

  private func lookup(_ name: String) throws(CELEvaluationError) -> CELValue {
    for binding in bindings.reversed() where binding.name == name { return binding.value }
    throw CELEvaluationError("no such attribute: \(name)")
  }

  mutating func evaluate(_ expr: CELExpr) throws(CELEvaluationError) -> CELValue {
    try charge(1)
    switch expr {
    case .literal(let value): return value
    case .identifier(let name): return try lookup(name)
    case .select(let operand, let field):
      let value = try evaluate(operand)
      switch value {
      case .jsonObject, .map:
        guard let member = value.member(.string(field)) else {
          throw CELEvaluationError("no such key: \(field)")
        }
        return member
      default:
        throw CELEvaluationError(
          "invalid type for field selection: \(value.typeName) has no field '\(field)'")
      }
    case .presence(let operand, let field):
      let value = try evaluate(operand)
      switch value {
      case .jsonObject, .map: return .bool(value.member(.string(field)) != nil)
      default: throw CELEvaluationError("invalid type for field selection: \(value.typeName)")
      }
    case .index(let operand, let index):
      return try CELEvaluator.index(try evaluate(operand), try evaluate(index))
    case .list(let elements):
      var out: [CELValue] = []
      out.reserveCapacity(elements.count)
      for element in elements { out.append(try evaluate(element)) }
      return .list(out)
    case .map(let entries):
      var out: [CELValue: CELValue] = [:]
      for entry in entries {
        let key = try evaluate(entry.key)
        switch key {
        case .string, .int, .uint, .bool: break
        default: throw CELEvaluationError("unsupported key type: \(key.typeName)")
        }
        if out[key] != nil { throw CELEvaluationError("Failed with repeated key") }
        out[key] = try evaluate(entry.value)
      }
      return .map(out)
    case .not(let operand):
      guard case .bool(let b) = try evaluate(operand) else {
        throw CELEvaluationError("no such overload: logical_not")
      }
      return .bool(!b)
    case .negate(let operand):
      switch try evaluate(operand) {
      case .int(let i):
        guard i != .min else { throw CELEvaluationError("integer overflow") }
        return .int(-i)
      case .double(let d): return .double(-d)
      case .duration(let n): return .duration(-n)
      case let other: throw .noOverload("negate", other)
      }
    case .and(let left, let right): return try logical(left, right, absorbing: false)
    case .or(let left, let right): return try logical(left, right, absorbing: true)
    case .conditional(let condition, let then, let otherwise):
      guard case .bool(let b) = try evaluate(condition) else {
        throw CELEvaluationError("no such overload: conditional")
      }
      return try evaluate(b ? then : otherwise)
    case .binary(let op, let left, let right):
      return try binary(op, try evaluate(left), try evaluate(right))
    case .comprehension(let comprehension): return try comprehend(comprehension)
    case .call(let name, let target, let arguments):
      let receiver = try target.map { (e: CELExpr) throws(CELEvaluationError) -> CELValue in try evaluate(e) }
      var values: [CELValue] = []
      for argument in arguments { values.append(try evaluate(argument)) }
      return try CELFunctions.call(name, target: receiver, arguments: values, evaluator: &self)
    case .regexCall(let name, let target, let regex, let arguments):
      let receiver = try evaluate(target)
      var values: [CELValue] = []
      for argument in arguments { values.append(try evaluate(argument)) }
      return try CELFunctions.regex(name, target: receiver, regex: regex, arguments: values, evaluator: &self)
    }
  }

  /// `&&` and `||` with CEL's commutative semantics: `false && error` is false, `true || error`
  /// is true, in either order; otherwise the error stands.
  private mutating func logical(_ left: CELExpr, _ right: CELExpr, absorbing: Bool) throws(CELEvaluationError)
    -> CELValue
  {
    var firstError: CELEvaluationError?
    for side in [left, right] {
      do {
        let value = try evaluate(side)
        guard case .bool(let b) = value else {
          if firstError == nil { firstError = .noOverload(absorbing ? "logical_or" : "logical_and", value) }
          continue
        }
        if b == absorbing { return .bool(b) }
      } catch {
        if error.costExceeded { throw error }
        if firstError == nil { firstError = error }
      }
    }
    if let firstError { throw firstError }
    return .bool(!absorbing)
  }

  static func index(_ container: CELValue, _ key: CELValue) throws(CELEvaluationError) -> CELValue {
    switch container {
    case .list, .jsonList:
      let position: Int
      switch key {
      case .int(let i): position = Int(i)
      case .uint(let u) where u <= UInt64(Int.max): position = Int(u)
      case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: position = Int(d)
      default: throw .noOverload("_[_]", container, key)
      }
      let count = container.count ?? 0
      guard position >= 0, position < count else {
        throw CELEvaluationError("index out of bounds: \(position)")
      }
      if case .jsonList(let a) = container { return CELValue(a[position]) }
      if case .list(let l) = container { return l[position] }
      throw .noOverload("_[_]", container, key)
    case .map, .jsonObject:
      guard let value = container.member(key) else {
        throw CELEvaluationError("no such key: \(key.keyString)")
      }
      return value
    default: throw .noOverload("_[_]", container, key)
    }
  }

  private mutating func binary(_ op: CELBinaryOperator, _ a: CELValue, _ b: CELValue)
    throws(CELEvaluationError)
    -> CELValue
  {
    switch op {
    case .equal, .notEqual:
      try charge(min(a.count ?? 1, b.count ?? 1) / 8)
      let same = CELValue.equal(a, b)
      return .bool(op == .equal ? same : !same)
    case .less: return .bool(try CELValue.compare(a, b) < 0)
    case .lessOrEqual: return .bool(try CELValue.compare(a, b) <= 0)
    case .greater: return .bool(try CELValue.compare(a, b) > 0)
    case .greaterOrEqual: return .bool(try CELValue.compare(a, b) >= 0)
    case .inside:
      switch b {
      case .list, .jsonList:
        try charge(b.count ?? 0)
        return .bool(b.elements!.contains { CELValue.equal($0, a) })
      case .map, .jsonObject: return .bool(b.member(a) != nil)
      default: throw .noOverload("@in", a, b)
      }
    case .add, .subtract, .multiply, .divide, .remainder:
      return try CELArithmetic.apply(op, a, b, evaluator: &self)
    }
  }

  private mutating func comprehend(_ c: CELComprehension) throws(CELEvaluationError) -> CELValue {
    let range = try evaluate(c.range)
    guard let items = range.iterationRange else {
      throw CELEvaluationError("expression does not evaluate to a list or map: \(range.typeName)")
    }
    bindings.append((c.variable, .null))
    defer { bindings.removeLast() }
    let slot = bindings.count - 1
    var firstError: CELEvaluationError?
    var matched = 0
    var out: [CELValue] = []
    for item in items {
      try charge(1)
      bindings[slot].value = item
      switch c.kind {
      case .all, .exists:
        let absorbing = c.kind == .exists
        do {
          let value = try evaluate(c.predicate!)
          guard case .bool(let b) = value else {
            if firstError == nil { firstError = .noOverload(c.kind.rawValue, value) }
            continue
          }
          if b == absorbing { return .bool(b) }
        } catch {
          if error.costExceeded { throw error }
          if firstError == nil { firstError = error }
        }
      case .existsOne, .filter:
        guard case .bool(let b) = try evaluate(c.predicate!) else {
          throw CELEvaluationError("no such overload: \(c.kind.rawValue) predicate is not a bool")
        }
        if b {
          matched += 1
          out.append(item)
        }
      case .map:
        if let predicate = c.predicate {
          guard case .bool(let b) = try evaluate(predicate) else {
            throw CELEvaluationError("no such overload: map predicate is not a bool")
          }
          if !b { continue }
        }
        out.append(try evaluate(c.transform!))
      }
    }
    switch c.kind {
    case .all, .exists:
      if let firstError { throw firstError }
      return .bool(c.kind == .all)
    case .existsOne: return .bool(matched == 1)
    case .filter, .map: return .list(out)
    }
  }
}

/// `+ - * / %` over CEL's numbers (overflow is an error, not a wrap), strings, lists and durations.
enum CELArithmetic {
  static func apply(_ op: CELBinaryOperator, _ a: CELValue, _ b: CELValue, evaluator: inout CELEvaluator)
    throws(CELEvaluationError) -> CELValue
  {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      let result: (Int64, Bool)
      switch op {
      case .add: result = x.addingReportingOverflow(y)
      case .subtract: result = x.subtractingReportingOverflow(y)
      case .multiply: result = x.multipliedReportingOverflow(by: y)
      case .divide:
        if y == 0 { throw CELEvaluationError("division by zero") }
        result = x.dividedReportingOverflow(by: y)
      default:
        if y == 0 { throw CELEvaluationError("modulus by zero") }
        result = x.remainderReportingOverflow(dividingBy: y)
      }
      if result.1 { throw CELEvaluationError("integer overflow") }
      return .int(result.0)
    case (.uint(let x), .uint(let y)):
      let result: (UInt64, Bool)
      switch op {
      case .add: result = x.addingReportingOverflow(y)
      case .subtract: result = x.subtractingReportingOverflow(y)
      case .multiply: result = x.multipliedReportingOverflow(by: y)
      case .divide:
        if y == 0 { throw CELEvaluationError("division by zero") }
        result = (x / y, false)
      default:
        if y == 0 { throw CELEvaluationError("modulus by zero") }
        result = (x % y, false)
      }
      if result.1 { throw CELEvaluationError("unsigned integer overflow") }
      return .uint(result.0)
    case (.double(let x), .double(let y)):
      switch op {
      case .add: return .double(x + y)
      case .subtract: return .double(x - y)
      case .multiply: return .double(x * y)
      case .divide: return .double(x / y)
      default: throw .noOverload("_%_", a, b)
      }
    case (.string(let x), .string(let y)) where op == .add:
      try evaluator.charge((x.utf8.count + y.utf8.count) / 16)
      return .string(x + y)
    case (.bytes(let x), .bytes(let y)) where op == .add:
      return .bytes(x + y)
    case (.list, .list), (.list, .jsonList), (.jsonList, .list), (.jsonList, .jsonList):
      guard op == .add, let x = a.elements, let y = b.elements else { break }
      try evaluator.charge((x.count + y.count) / 8)
      return .list(x + y)
    case (.duration(let x), .duration(let y)) where op == .add || op == .subtract:
      let result = op == .add ? x.addingReportingOverflow(y) : x.subtractingReportingOverflow(y)
      if result.overflow { throw CELEvaluationError("integer overflow") }
      return .duration(result.partialValue)
    default: break
    }
    throw .noOverload("_\(op.rawValue)_", a, b)
  }
}
