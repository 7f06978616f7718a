/// Evaluates a parsed expression against a scope.
///
/// Values read from the scope are returned as they are, so they keep the location of
/// the input that set them; values the expression computes (literals, comparisons,
/// filter results) are located at the expression.
struct ExpressionEvaluator {
  let scope: TemplateScope
  /// Where computed values are located: the expression's `${`, or the `when:` condition.
  let location: SourceLocation

  func evaluate(_ expression: TemplateExpression) throws(TemplateError) -> TemplateValue {
    switch expression {
    case .literal(let scalar):
      return .defined(.scalar(scalar, at: location))
    case .name(let name):
      if let value = scope.names[name] { return .defined(value) }
      return .undefined(.name(name, scope: scope))
    case .member(let base, let key):
      return try member(key, of: try evaluate(base), base: base, path: expression)
    case .index(let base, let indexExpression):
      let container = try evaluate(base)
      guard case .defined(let node) = container else { return container }
      let index = try evaluate(indexExpression).required()
      switch (node.content, index.scalar) {
      case (_, .string(let key)?):
        return try member(key, of: container, base: base, path: expression)
      case (.sequence(let items), .int(let position)?):
        guard items.indices.contains(position) else {
          return .undefined(.outOfRange(path: expression, count: items.count))
        }
        return .defined(items[position])
      case (.scalar(.null, _), _):
        return .undefined(.memberOfNull(path: expression, base: base))
      case (.sequence, _):
        throw TemplateError(
          "an index into the list '\(base)' must be an integer, not \(index.valueDescription)")
      case (.mapping, _):
        throw TemplateError(
          "a key of the mapping '\(base)' must be a string, not \(index.valueDescription)")
      case (.scalar, _):
        throw TemplateError(
          "cannot index '\(base)': it is \(node.valueDescription), not a list or a mapping")
      }
    case .not(let operand):
      return .defined(.scalar(.bool(!(try boolean(operand, for: "!"))), at: location))
    case .negate(let operand):
      let value = try evaluate(operand).required()
      switch value.scalar {
      case .int(let number)?:
        let (negated, overflow) = Int(0).subtractingReportingOverflow(number)
        if overflow { throw TemplateError("'-\(operand)' does not fit in 64 bits") }
        return .defined(.scalar(.int(negated), at: location))
      case .float(let number)?:
        return .defined(.scalar(.float(-number), at: location))
      default:
        throw TemplateError("'-' needs a number, not \(value.valueDescription) ('\(operand)')")
      }
    case .binary(let op, let left, let right):
      return try binary(op, left, right)
    case .filter(let input, let name, let argumentExpressions):
      guard let filter = TemplateFilter(rawValue: name) else {
        throw TemplateError(
          "unknown filter '\(name)'\(Suggestion.didYouMean(name, in: TemplateFilter.allNames))",
          help: "filters: \(TemplateFilter.allNames.joined(separator: ", "))")
      }
      guard argumentExpressions.count == filter.parameters.count else {
        throw filter.arityError(given: argumentExpressions.count)
      }
      let value = try evaluate(input)
      var arguments: [TemplateValue] = []
      for argument in argumentExpressions {
        arguments.append(try evaluate(argument))
      }
      return try filter.apply(
        to: value, arguments: arguments,
        context: TemplateFilter.Context(
          input: input, location: location, fileNames: scope.fileNames))
    case .conditional(let condition, let then, let otherwise):
      // Only the branch taken is evaluated: `x != null ? x.host : "none"` is safe.
      if try boolean(condition, for: "?") { return try evaluate(then) }
      guard let otherwise else { return .defined(.null(at: location)) }
      return try evaluate(otherwise)
    case .list(let itemExpressions):
      var items: [Node] = []
      items.reserveCapacity(itemExpressions.count)
      for item in itemExpressions {
        items.append(try evaluate(item).required())
      }
      return .defined(.sequence(items, at: location))
    case .map(let fields):
      var entries: [Node.Entry] = []
      entries.reserveCapacity(fields.count)
      for field in fields {
        entries.append(
          Node.Entry(
            key: field.key, keyLocation: location, value: try evaluate(field.value).required()))
      }
      return .defined(.mapping(entries, at: location))
    }
  }

  /// Reads `key` of a mapping; undefined when it is missing or the container is null or
  /// undefined, so `a.b.c ?? x` works whichever step is missing.
  private func member(
    _ key: String, of container: TemplateValue, base: TemplateExpression, path: TemplateExpression
  ) throws(TemplateError) -> TemplateValue {
    guard case .defined(let node) = container else { return container }
    switch node.content {
    case .mapping(let entries):
      if let entry = entries.first(where: { $0.key == key }) { return .defined(entry.value) }
      return .undefined(.missingKey(path: path, base: base, key: key, container: node))
    case .scalar(.null, _):
      return .undefined(.memberOfNull(path: path, base: base))
    case .sequence:
      throw TemplateError(
        "cannot read '\(key)' of '\(base)': it is a list, not a mapping",
        help: "read an item of a list with an index: \(base)[0]")
    case .scalar:
      throw TemplateError(
        "cannot read '\(key)' of '\(base)': it is \(node.valueDescription), not a mapping")
    }
  }

  private func binary(
    _ op: TemplateExpression.BinaryOperator, _ left: TemplateExpression, _ right: TemplateExpression
  ) throws(TemplateError) -> TemplateValue {
    switch op {
    case .coalesce:
      let value = try evaluate(left)
      if value.present != nil { return value }
      return try evaluate(right)
    case .and:
      guard try boolean(left, for: "&&") else { return bool(false) }
      return bool(try boolean(right, for: "&&"))
    case .or:
      if try boolean(left, for: "||") { return bool(true) }
      return bool(try boolean(right, for: "||"))
    case .equal:
      return bool(try evaluate(left).required() == (try evaluate(right).required()))
    case .notEqual:
      return bool(try evaluate(left).required() != (try evaluate(right).required()))
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      let a = try evaluate(left).required()
      let b = try evaluate(right).required()
      if case .int(let x)? = a.scalar, case .int(let y)? = b.scalar {
        return bool(Self.compare(op, x, y))
      }
      if case .string(let x)? = a.scalar, case .string(let y)? = b.scalar {
        return bool(Self.compare(op, x, y))
      }
      // Mixed integers and floats compare as numbers; NaN compares false every way.
      if let x = a.scalar.flatMap(Self.number), let y = b.scalar.flatMap(Self.number) {
        return bool(Self.compare(op, x, y))
      }
      throw TemplateError(
        "'\(op.rawValue)' compares two numbers or two strings, not \(a.valueDescription) and "
          + "\(b.valueDescription) ('\(TemplateExpression.binary(op, left, right))')")
    }
  }

  private static func compare<T: Comparable>(
    _ op: TemplateExpression.BinaryOperator, _ x: T, _ y: T
  ) -> Bool {
    switch op {
    case .less: x < y
    case .lessOrEqual: x <= y
    case .greater: x > y
    default: x >= y
    }
  }

  /// Evaluates an operand of `!`, `&&` or `||`, which must be a boolean.
  private func boolean(
    _ expression: TemplateExpression, for op: String
  ) throws(TemplateError) -> Bool {
    let value = try evaluate(expression).required()
    guard let flag = value.bool else {
      throw TemplateError(
        "'\(op)' needs true or false, not \(value.valueDescription) ('\(expression)')",
        help: value.isNull || value.isMapping || value.isSequence
          ? "test for a value with '\(expression) != null'" : nil)
    }
    return flag
  }

  private func bool(_ value: Bool) -> TemplateValue {
    .defined(.scalar(.bool(value), at: location))
  }

  private static func number(_ scalar: Scalar) -> Double? {
    switch scalar {
    case .int(let value): Double(value)
    case .float(let value): value
    default: nil
    }
  }

  /// "an integer (8080)", "a mapping", "null": a value's type, with the value when short.

  /// The text a value contributes to an interpolated string: the canonical text of a
  /// scalar. Null, lists and mappings have no obvious text, so they are errors that say
  /// what to write instead.
  static func interpolationText(
    _ value: TemplateValue, of expression: TemplateExpression
  ) throws(TemplateError) -> String {
    let node = try value.required()
    switch node.content {
    case .scalar(.null, _):
      throw TemplateError(
        "'\(expression)' is null and cannot be interpolated into a string; write "
          + "'${ \(expression) ?? \"\" }' for an empty string")
    case .scalar(let scalar, _):
      return scalar.canonicalText
    case .sequence, .mapping:
      throw TemplateError(
        "'\(expression)' is \(node.typeDescription) and cannot be interpolated into a string; "
          + "write '${ \(expression) | toJson }' for its JSON text")
    }
  }
}
