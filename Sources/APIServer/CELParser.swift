/// A recursive-descent parser for CEL, after cel-spec's grammar:
///
///     expr     = or ["?" or ":" expr]
///     or       = and {"||" and}
///     and      = relation {"&&" relation}
///     relation = sum {relop sum}          (relop: < <= >= > == != in)
///     sum      = product {("+" | "-") product}
///     product  = unary {("*" | "/" | "%") unary}
///     unary    = member | "!"+ member | "-"+ member
///     member   = primary {"." IDENT ["(" args ")"] | "[" expr "]"}
///     primary  = ["."] IDENT ["(" args ")"] | "(" expr ")" | "[" list "]" | "{" map "}" | literal
///
/// The macros (`has`, `all`, `exists`, `exists_one`, `map`, `filter`) are expanded while parsing,
/// as cel-go does. Nesting is limited (`maxDepth`) so that a hostile rule cannot exhaust the
/// stack, and so is the tree's height, which bounds the evaluator's recursion too.
struct CELParser {
  /// The deepest tree accepted. cel-go allows 250 levels of parser recursion; the stack of a
  /// Swift task is smaller, and no real validation rule comes near this.
  static let maxDepth = 64

  private var tokens: [CELToken]
  private var position = 0
  private var depth = 0

  private init(tokens: [CELToken]) {
    self.tokens = tokens
  }

  static func parse(_ source: String) throws(CELCompileError) -> CELExpr {
    var parser = CELParser(tokens: try CELLexer.tokens(source))
    let tree = try parser.expression()
    guard case .end = parser.current.kind else {
      throw CELCompileError(
        "mismatched input '\(parser.current.text)' expecting <EOF>", offset: parser.current.offset)
    }
    return tree.expr
  }

  /// An expression with its height, so that chains (`a + b + c + ...`) are limited as nesting is.
  private struct Tree {
    var expr: CELExpr
    var height: Int
  }

  private var current: CELToken { tokens[position] }

  private mutating func advance() -> CELToken {
    let token = tokens[position]
    if position < tokens.count - 1 { position += 1 }
    return token
  }

  private func isSymbol(_ symbol: String) -> Bool {
    if case .symbol(let s) = current.kind { return s == symbol }
    return false
  }

  private mutating func expect(_ symbol: String) throws(CELCompileError) {
    guard isSymbol(symbol) else {
      throw CELCompileError(
        "mismatched input '\(current.text)' expecting '\(symbol)'", offset: current.offset)
    }
    _ = advance()
  }

  private func node(_ expr: CELExpr, _ children: Tree...) throws(CELCompileError) -> Tree {
    let height = (children.map(\.height).max() ?? 0) + 1
    if height > CELParser.maxDepth {
      throw CELCompileError(
        "expression nesting exceeds limit of \(CELParser.maxDepth)", offset: current.offset)
    }
    return Tree(expr: expr, height: height)
  }

  private func node(_ expr: CELExpr, children: [Tree]) throws(CELCompileError) -> Tree {
    let height = (children.map(\.height).max() ?? 0) + 1
    if height > CELParser.maxDepth {
      throw CELCompileError(
        "expression nesting exceeds limit of \(CELParser.maxDepth)", offset: current.offset)
    }
    return Tree(expr: expr, height: height)
  }

  private mutating func expression() throws(CELCompileError) -> Tree {
    depth += 1
    defer { depth -= 1 }
    if depth > CELParser.maxDepth {
      throw CELCompileError(
        "expression recursion exceeds limit of \(CELParser.maxDepth)", offset: current.offset)
    }
    let condition = try logical(or: true)
    guard isSymbol("?") else { return condition }
    _ = advance()
    let then = try logical(or: true)
    try expect(":")
    let otherwise = try expression()
    return try node(.conditional(condition.expr, then.expr, otherwise.expr), condition, then, otherwise)
  }

  /// `||` chains of `&&` chains of relations.
  private mutating func logical(or: Bool) throws(CELCompileError) -> Tree {
    var left = or ? try logical(or: false) : try binary(minimum: 1)
    let symbol = or ? "||" : "&&"
    while isSymbol(symbol) {
      _ = advance()
      let right = or ? try logical(or: false) : try binary(minimum: 1)
      left = try node(or ? .or(left.expr, right.expr) : .and(left.expr, right.expr), left, right)
    }
    return left
  }

  private var binaryOperator: CELBinaryOperator? {
    switch current.kind {
    case .symbol(let s): return CELBinaryOperator(rawValue: s)
    case .identifier("in"): return .inside
    default: return nil
    }
  }

  /// Precedence climbing over the left-associative relations, sums and products.
  private mutating func binary(minimum: Int) throws(CELCompileError) -> Tree {
    var left = try unary()
    while let op = binaryOperator, op.precedence >= minimum {
      _ = advance()
      let right = try binary(minimum: op.precedence + 1)
      left = try node(.binary(op, left.expr, right.expr), left, right)
    }
    return left
  }

  private mutating func unary() throws(CELCompileError) -> Tree {
    if isSymbol("!") {
      var count = 0
      while isSymbol("!") {
        _ = advance()
        count += 1
      }
      var operand = try member()
      // `!!x` is `x`, as cel-go folds it; an odd count keeps one negation.
      if count % 2 == 1 { operand = try node(.not(operand.expr), operand) }
      return operand
    }
    if isSymbol("-") {
      var count = 0
      while isSymbol("-") {
        _ = advance()
        count += 1
      }
      // A negative integer literal: `-9223372036854775808` fits only when negated.
      if count % 2 == 1 {
        switch current.kind {
        case .int(let i):
          _ = advance()
          return try postfix(Tree(expr: .literal(.int(-i)), height: 1))
        case .intMagnitude(let m) where m == UInt64(Int64.max) + 1:
          _ = advance()
          return try postfix(Tree(expr: .literal(.int(Int64.min)), height: 1))
        case .double(let d):
          _ = advance()
          return try postfix(Tree(expr: .literal(.double(-d)), height: 1))
        default: break
        }
      }
      var operand = try member()
      if count % 2 == 1 { operand = try node(.negate(operand.expr), operand) }
      return operand
    }
    return try member()
  }

  private mutating func member() throws(CELCompileError) -> Tree {
    try postfix(try primary())
  }

  private mutating func postfix(_ start: Tree) throws(CELCompileError) -> Tree {
    var tree = start
    while true {
      if isSymbol(".") {
        _ = advance()
        guard case .identifier(let name) = current.kind else {
          throw CELCompileError("no viable alternative at input '.\(current.text)'", offset: current.offset)
        }
        _ = advance()
        if isSymbol("(") {
          let arguments = try argumentList()
          tree = try call(name, target: tree, arguments: arguments)
        } else {
          tree = try node(.select(tree.expr, CELParser.unescaped(name)), tree)
        }
      } else if isSymbol("[") {
        _ = advance()
        let index = try expression()
        try expect("]")
        tree = try node(.index(tree.expr, index.expr), tree, index)
      } else {
        return tree
      }
    }
  }

  /// `(a, b, c)`, after the name of the function.
  private mutating func argumentList() throws(CELCompileError) -> [Tree] {
    try expect("(")
    var arguments: [Tree] = []
    if isSymbol(")") {
      _ = advance()
      return arguments
    }
    while true {
      arguments.append(try expression())
      if isSymbol(",") {
        _ = advance()
        continue
      }
      try expect(")")
      return arguments
    }
  }

  private mutating func primary() throws(CELCompileError) -> Tree {
    let token = advance()
    switch token.kind {
    case .int(let i): return Tree(expr: .literal(.int(i)), height: 1)
    case .intMagnitude:
      throw CELCompileError("integer literal out of range", offset: token.offset)
    case .uint(let u): return Tree(expr: .literal(.uint(u)), height: 1)
    case .double(let d): return Tree(expr: .literal(.double(d)), height: 1)
    case .string(let s): return Tree(expr: .literal(.string(s)), height: 1)
    case .bytes(let s): return Tree(expr: .literal(.bytes(Array(s.utf8))), height: 1)
    case .identifier(let name):
      switch name {
      case "true": return Tree(expr: .literal(.bool(true)), height: 1)
      case "false": return Tree(expr: .literal(.bool(false)), height: 1)
      case "null": return Tree(expr: .literal(.null), height: 1)
      case "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while":
        throw CELCompileError("reserved identifier: \(name)", offset: token.offset)
      default: break
      }
      if isSymbol("(") {
        let arguments = try argumentList()
        return try call(name, target: nil, arguments: arguments)
      }
      return Tree(expr: .identifier(name), height: 1)
    case .symbol("."):
      // A leading dot names the root scope: `.self` is `self`.
      guard case .identifier(let name) = current.kind else {
        throw CELCompileError("no viable alternative at input '.'", offset: token.offset)
      }
      _ = advance()
      return Tree(expr: .identifier(name), height: 1)
    case .symbol("("):
      let inner = try expression()
      try expect(")")
      return inner
    case .symbol("["):
      var elements: [Tree] = []
      while !isSymbol("]") {
        elements.append(try expression())
        if isSymbol(",") { _ = advance() } else { break }
      }
      try expect("]")
      return try node(.list(elements.map(\.expr)), children: elements)
    case .symbol("{"):
      var entries: [CELMapEntry] = []
      var children: [Tree] = []
      while !isSymbol("}") {
        let key = try expression()
        try expect(":")
        let value = try expression()
        entries.append(CELMapEntry(key: key.expr, value: value.expr))
        children += [key, value]
        if isSymbol(",") { _ = advance() } else { break }
      }
      try expect("}")
      return try node(.map(entries), children: children)
    case .end:
      throw CELCompileError("mismatched input '<EOF>' expecting an expression", offset: token.offset)
    default:
      throw CELCompileError("mismatched input '\(token.text)' expecting an expression", offset: token.offset)
    }
  }

  /// A call, with the macros expanded and literal regular expressions compiled.
  private mutating func call(_ name: String, target: Tree?, arguments: [Tree]) throws(CELCompileError) -> Tree
  {
    let all = (target.map { [$0] } ?? []) + arguments
    if name == "has", target == nil {
      guard arguments.count == 1, case .select(let operand, let field) = arguments[0].expr else {
        throw CELCompileError("invalid argument to has() macro", offset: current.offset)
      }
      return try node(.presence(operand, field), children: arguments)
    }
    if let target, let kind = CELComprehension.Kind(rawValue: name), arguments.count >= 2 {
      guard case .identifier(let variable) = arguments[0].expr else {
        throw CELCompileError("argument is not an identifier", offset: current.offset)
      }
      var comprehension = CELComprehension(kind: kind, range: target.expr, variable: variable)
      switch (kind, arguments.count) {
      case (.map, 2): comprehension.transform = arguments[1].expr
      case (.map, 3):
        comprehension.predicate = arguments[1].expr
        comprehension.transform = arguments[2].expr
      case (_, 2) where kind != .map: comprehension.predicate = arguments[1].expr
      default:
        throw CELCompileError("found no matching overload for '\(name)' macro", offset: current.offset)
      }
      return try node(.comprehension(comprehension), children: all)
    }
    if let target, ["matches", "find", "findAll"].contains(name), let first = arguments.first,
      case .literal(.string(let pattern)) = first.expr
    {
      let regex: CELRegex
      do {
        regex = try CELRegex(pattern)
      } catch {
        throw CELCompileError(
          "compilation failed: \(error.message)", offset: current.offset)
      }
      return try node(
        .regexCall(name, target: target.expr, pattern: regex, arguments: arguments.dropFirst().map(\.expr)),
        children: all)
    }
    return try node(.call(name, target: target?.expr, arguments: arguments.map(\.expr)), children: all)
  }

  /// Kubernetes escapes property names that are not CEL identifiers: `__dash__` for `-`,
  /// `__dot__` for `.`, `__slash__` for `/`, `__{keyword}__` for reserved words, `__underscores__`
  /// for `__`.
  static func unescaped(_ name: String) -> String {
    guard name.contains("__") else { return name }
    let keywords: Set<String> = [
      "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if",
      "import", "let", "loop", "package", "namespace", "return", "var", "void", "while",
    ]
    if name.hasPrefix("__"), name.hasSuffix("__"), name.count > 4,
      keywords.contains(String(name.dropFirst(2).dropLast(2)))
    {
      return String(name.dropFirst(2).dropLast(2))
    }
    var out = name
    for (escaped, plain) in [
      ("__underscores__", "__"), ("__dot__", "."), ("__dash__", "-"), ("__slash__", "/"),
    ] {
      out = out.replacingOccurrences(of: escaped, with: plain)
    }
    return out
  }
}

extension CELToken {
  /// The token as written, for messages.
  var text: String {
    switch kind {
    case .int(let i): return String(i)
    case .intMagnitude(let m): return String(m)
    case .uint(let u): return "\(u)u"
    case .double(let d): return String(d)
    case .string(let s): return "'\(s)'"
    case .bytes(let s): return "b'\(s)'"
    case .identifier(let name): return name
    case .symbol(let s): return s
    case .end: return "<EOF>"
    }
  }
}
