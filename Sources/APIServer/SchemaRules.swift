import Foundation

/// The CEL pass of custom resource validation: every `x-kubernetes-validations` rule at every
/// node the object reaches, with `self` bound to the value there and, for transition rules on
/// an update, `oldSelf` to the correlated old value (a transition rule without one is skipped,
/// as the apiserver skips it).
///
/// The whole pass shares one cost budget, as the apiserver's `RuntimeCELCostBudget`; one rule
/// may spend at most `CELProgram.perCallCostLimit`. Running out stops the pass with the
/// apiserver's message.
struct SchemaRuleValidator {
  /// The apiserver's budget for all the rules of one object.
  static let totalCostBudget = 10_000_000

  private(set) var causes: [FieldCause] = []
  private(set) var remainingBudget = SchemaRuleValidator.totalCostBudget
  private var stopped = false

  mutating func validate(_ value: JSON, _ node: SchemaNode, path: String, old: JSON?, isRoot: Bool = false) {
    guard node.hasRules, !stopped else { return }
    if let old, old == value { return }
    for rule in node.rules {
      check(rule, value: value, node: node, path: path, old: old)
      if stopped { return }
    }
    switch value {
    case .object(let members):
      for key in members.keys.sorted() {
        if isRoot || node.embeddedResource, key == "apiVersion" || key == "kind" || key == "metadata" {
          continue
        }
        guard let child = node.child(key), child.hasRules else { continue }
        let childPath = node.properties[key] != nil ? SchemaDefaulting.join(path, key) : "\(path)[\(key)]"
        validate(members[key]!, child, path: childPath, old: old?[key])
        if stopped { return }
      }
    case .array(let items):
      guard let itemSchema = node.items, itemSchema.hasRules else { return }
      let oldItems = ListCorrelation(old: old, node: node)
      for (i, item) in items.enumerated() {
        validate(item, itemSchema, path: "\(path)[\(i)]", old: oldItems.old(for: item))
        if stopped { return }
      }
    default: break
    }
  }

  private mutating func check(_ rule: SchemaRule, value: JSON, node: SchemaNode, path: String, old: JSON?) {
    // The value the apiserver names in these messages is the schema type, e.g. "object".
    let shown = JSON.string(node.type)
    let program: CELProgram
    switch rule.program {
    case .success(let compiled): program = compiled
    case .failure(let error):
      causes.append(
        FieldMessages.invalid(path, shown, "compilation failed: \(error) for rule: \(rule.errorString)"))
      return
    }
    if program.isTransitionRule, old == nil { return }
    if remainingBudget <= 0 {
      causes.append(
        FieldMessages.invalid(
          path, shown,
          "validation failed due to running out of cost budget, no further validation rules will be run"))
      stopped = true
      return
    }
    let limit = min(CELProgram.perCallCostLimit, remainingBudget)
    let result: CELValue
    do {
      let (value, cost) = try program.evaluate(
        self: value, oldSelf: program.isTransitionRule ? old : nil, costLimit: limit)
      remainingBudget -= cost
      result = value
    } catch {
      if error.costExceeded {
        remainingBudget -= limit
        if limit < CELProgram.perCallCostLimit {
          causes.append(
            FieldMessages.invalid(
              path, shown,
              "validation failed due to running out of cost budget, no further validation rules will be run"))
        } else {
          causes.append(
            FieldMessages.invalid(
              path, shown,
              "'\(error.message)': no further validation rules will be run due to call cost exceeds limit for rule: \(rule.errorString)"
            ))
        }
        stopped = true
      } else if error.message.hasPrefix("no such overload") {
        causes.append(
          FieldMessages.invalid(
            path, shown,
            "'\(error.message)': call arguments did not match a supported operator, function or macro signature for rule: \(rule.errorString)"
          ))
      } else {
        causes.append(
          FieldMessages.invalid(path, shown, "\(error.message) evaluating rule: \(rule.errorString)"))
      }
      return
    }
    if result == .bool(true) { return }
    let detail = message(for: rule, value: value, old: old)
    causes.append(FieldMessages.forReason(rule.reason, Self.path(path, rule.fieldPath), shown, detail))
  }

  /// The message of a failed rule: its `messageExpression` when that yields a usable string,
  /// else its `message`, else `failed rule: <rule>`.
  private mutating func message(for rule: SchemaRule, value: JSON, old: JSON?) -> String {
    if let expression = rule.messageExpression, remainingBudget > 0,
      let (result, cost) = try? expression.evaluate(
        self: value, oldSelf: expression.isTransitionRule ? old : nil,
        costLimit: min(CELProgram.perCallCostLimit, remainingBudget))
    {
      remainingBudget -= cost
      if case .string(let s) = result, !s.trimmingCharacters(in: .whitespaces).isEmpty, !s.contains("\n") {
        return s
      }
    }
    if let message = rule.message { return message.trimmingCharacters(in: .whitespaces) }
    return "failed rule: \(rule.source.trimmingCharacters(in: .whitespaces))"
  }

  /// A rule's `fieldPath` (`.spec.name`, `.tags['key']`, `.list[0]`) under the node's path.
  static func path(_ base: String, _ fieldPath: String?) -> String {
    guard var relative = fieldPath, !relative.isEmpty else { return base }
    relative = relative.replacingOccurrences(of: "['", with: "[").replacingOccurrences(of: "']", with: "]")
    if relative.hasPrefix(".") { relative.removeFirst() }
    if relative.hasPrefix("[") || base.isEmpty { return base + relative }
    return "\(base).\(relative)"
  }
}
