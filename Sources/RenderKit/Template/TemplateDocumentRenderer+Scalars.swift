/// Scalars: a sole `${ expr }` takes the value, anything else is string interpolation.
extension TemplateDocumentRenderer {
  mutating func renderString(
    _ node: Node, text: String, style: ScalarStyle, template: ScalarTemplate
  ) -> Node? {
    if template.expressionCount == 0 {
      guard template.hasEscapes else { return node }
      return Node(.scalar(.string(template.literalText), style), at: node.location)
    }
    let position = scalarPosition(node, style: style, text: text)
    // A plain scalar that is exactly one expression takes the value, whatever its type.
    if style == .plain, let sole = template.soleExpression {
      let location = position.location(ofOffset: sole.offset)
      guard let value = evaluate(sole.parsed, at: location) else { return node }
      if value.isNull { return nil }
      trace.record(value, at: location)
      return value
    }
    guard let interpolation = interpolate(template, position: position) else { return node }
    let rendered = Node(.scalar(.string(interpolation.text), style), at: interpolation.location)
    trace.record(rendered, at: interpolation.first)
    return rendered
  }

  /// Joins the parts of a quoted, block or mixed scalar (or a key) into a string.
  ///
  /// Returns the text, the location for the resulting node, and the location of the first
  /// expression. The node is located at that expression, except that a scalar that is
  /// only one expression passes a string value through unchanged and so keeps the location
  /// of the value (`"${ values.name }"` points where the name was set); a number or boolean
  /// it turns into a string is located at the expression (`"${ values.replicas }"`, where
  /// the quotes are the mistake). `nil` after errors.
  mutating func interpolate(
    _ template: ScalarTemplate, position: ScalarPosition
  ) -> TemplateInterpolation? {
    if budget.isExceeded { return nil }
    var text = ""
    var failed = false
    var first: SourceLocation?
    var valueLocation: SourceLocation?
    for part in template.parts {
      switch part {
      case .text(let literal):
        text += literal
      case .expression(let source, let offset, let parsed):
        let location = position.location(ofOffset: offset)
        if first == nil { first = location }
        do throws(TemplateError) {
          let expression = try parsed.get()
          let value = try ExpressionEvaluator(scope: scope, location: location).evaluate(expression)
          text += try ExpressionEvaluator.interpolationText(value, of: expression)
          // A string passes through; a number or boolean the quotes turn into a string was
          // changed here, so a finding about its type belongs to this expression.
          if let present = value.present, case .scalar(.string, _) = present.content {
            valueLocation = present.location
          }
        } catch {
          report(shellHint(for: error, source: source), at: location)
          failed = true
        }
      }
    }
    guard !failed, let first else { return nil }
    guard budget.charge(bytes: text.utf8.count) else {
      reportBudget(at: first)
      return nil
    }
    let location = template.soleExpression != nil ? valueLocation ?? first : first
    return TemplateInterpolation(text: text, location: location, first: first)
  }

  /// Evaluates one parsed expression; a defined value, or `nil` after reporting why
  /// there is none (or why it did not parse).
  mutating func evaluate(
    _ parsed: Result<TemplateExpression, TemplateError>, at location: SourceLocation
  ) -> Node? {
    // Past the budget the document is in error already: evaluating the rest (a `toJson`
    // of a large value each) would only cost time.
    if budget.isExceeded { return nil }
    do throws(TemplateError) {
      let expression = try parsed.get()
      let value = try ExpressionEvaluator(scope: scope, location: location).evaluate(expression)
        .required()
      guard budget.charge(value) else {
        reportBudget(at: location)
        return nil
      }
      return value
    } catch {
      report(error, at: location)
      return nil
    }
  }

  /// Once per document: the substituted values have grown past the budget.
  mutating func reportBudget(at location: SourceLocation) {
    guard !reportedBudget else { return }
    reportedBudget = true
    report(
      TemplateError(
        "the values substituted into this document expand to more than \(budget.description); refusing to render it",
        help:
          "a value used in many places (or made with aliases, or through toJson) is copied at each use; use it fewer times"
      ), at: location)
  }

  /// `error`, or, when the expression reads like a shell parameter (`${HOME}`,
  /// `${PORT:-80}`) whose name is not in scope, an error that points at `$${`: a script in
  /// a block scalar meant a literal `${`.
  func shellHint(for error: TemplateError, source: Substring) -> TemplateError {
    let trimmed = source.drop { $0 == " " }
    let name = trimmed.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    guard let first = name.first, !first.isNumber, scope[String(name)] == nil else {
      return error
    }
    let rest = trimmed.dropFirst(name.count).drop { $0 == " " }
    // After the name: nothing, or a shell operator (`:-`, `:=`, `#`, `%`, `/`), never
    // something that reads on in the template language (`.`, `|`, `??`).
    guard rest.isEmpty || ":-=#%/+?^,@".contains(rest.first ?? " ") && !rest.hasPrefix("??")
    else { return error }
    return TemplateError(
      "'${\(source)}' reads like a shell variable, not a template expression; did you mean "
        + "'$${\(source)}'?",
      help: "'$${' writes a literal '${', as a shell script needs; as an expression: "
        + error.message)
  }
}
