/// Walks one template document, evaluating its expressions, and collects every error.
///
/// One instance renders one document: it holds the diagnostics and (when tracing) the
/// trace being built, so the public `TemplateRenderer` stays a stateless value that many
/// threads can share.
struct TemplateDocumentRenderer {
  let scope: TemplateScope
  let tracing: Bool
  /// The document's scalars with `${`, parsed when its file was loaded.
  let templates: ScalarTemplates
  private(set) var diagnostics: [Diagnostic] = []
  private(set) var trace: [[PathComponent]: SourceLocation] = [:]
  /// The output path of the node being rendered; kept only when tracing.
  private var path: [PathComponent] = []
  /// Every substituted value, charged at each use (see `ExpansionBudget`).
  private var budget = ExpansionBudget()
  private var reportedBudget = false

  init(scope: TemplateScope, tracing: Bool, templates: ScalarTemplates) {
    self.scope = scope
    self.tracing = tracing
    self.templates = templates
  }

  /// The rendered document; `nil` when it is null (empty, or an expression gave null).
  mutating func renderDocument(_ document: Node) -> Node? {
    guard let node = render(document), !node.isNull else { return nil }
    return node
  }

  /// The rendered node; `nil` when it is removed: a plain `${ }` that gave null.
  private mutating func render(_ node: Node) -> Node? {
    switch node.content {
    case .scalar(.string(let text), let style):
      // Most scalars have no `$` at all: return them untouched, without scanning further.
      guard text.utf8.contains(UInt8(ascii: "$")) else { return node }
      switch templates.template(for: text) {
      case .success(let template):
        return renderString(node, text: text, style: style, template: template)
      case .failure(let unterminated):
        let position = scalarPosition(node, style: style, text: text)
        report(unterminated.error, at: position.location(ofOffset: unterminated.offset))
        return node
      }
    case .scalar:
      return node
    case .sequence(let items):
      return renderSequence(items, at: node.location)
    case .mapping(let entries):
      return renderMapping(entries, at: node.location)
    }
  }

  // MARK: Scalars

  private mutating func renderString(
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
      record(value, at: location)
      return value
    }
    guard let interpolation = interpolate(template, position: position) else { return node }
    if tracing { trace[path] = interpolation.first }
    return Node(.scalar(.string(interpolation.text), style), at: interpolation.location)
  }

  /// Joins the parts of a quoted, block or mixed scalar (or a key) into a string.
  ///
  /// Returns the text, the location for the resulting node, and the location of the first
  /// expression. The node is located at that expression, except that a scalar that is
  /// only one expression passes a string value through unchanged and so keeps the location
  /// of the value (`"${ values.name }"` points where the name was set); a number or boolean
  /// it turns into a string is located at the expression (`"${ values.replicas }"`, where
  /// the quotes are the mistake). `nil` after errors.
  private mutating func interpolate(
    _ template: ScalarTemplate, position: ScalarPosition
  ) -> Interpolation? {
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
    return Interpolation(text: text, location: location, first: first)
  }

  /// Evaluates one parsed expression; a defined value, or `nil` after reporting why
  /// there is none (or why it did not parse).
  private mutating func evaluate(
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
  private mutating func reportBudget(at location: SourceLocation) {
    guard !reportedBudget else { return }
    reportedBudget = true
    report(
      TemplateError(
        "the values substituted into this document expand to more than \(budget.description); refusing to render it",
        help:
          "a value used in many places (or made with aliases, or through toJson) is copied at each use; use it fewer times"
      ), at: location)
  }

  // MARK: Mappings

  /// The rendered mapping; `nil` when its `$if` is false, which removes it like a null.
  private mutating func renderMapping(
    _ entries: [Node.Entry], at location: SourceLocation
  )
    -> Node?
  {
    // Fast path: no key starts an expression or a directive, so keys stay as they are,
    // unique (the parser checked), and nothing overrides anything.
    guard entries.contains(where: { $0.key.utf8.contains(UInt8(ascii: "$")) }) else {
      var output: [Node.Entry] = []
      output.reserveCapacity(entries.count)
      for entry in entries {
        if tracing { path.append(.key(entry.key)) }
        let value = render(entry.value)
        if tracing { path.removeLast() }
        if let value {
          output.append(Node.Entry(key: entry.key, keyLocation: entry.keyLocation, value: value))
        }
      }
      return Node(.mapping(output), at: location)
    }

    // `$if` decides first: nothing else in a dropped block is evaluated, so it may read
    // values that exist only when the condition holds.
    if let condition = entries.first(where: { $0.key == "$if" }) {
      guard let keep = evaluateCondition(condition), keep else { return nil }
    }

    var builder = MappingBuilder()
    // Keys the template itself wrote (literal or interpolated), to find duplicates that
    // only appear once keys are rendered. Keys spread by `$merge` may override.
    var written: [MappingKey: SourceLocation] = [:]
    for entry in entries {
      let key: String
      switch entry.key {
      case "$merge":
        spread(entry, into: &builder)
        continue
      case "$if":
        continue
      case "$$if":
        key = "$if"
      case "$append":
        report(
          TemplateError(
            "'$append' only works as the single key of a list item ('- $append: ${ list }')",
            help: "write '$$append' for a literal '$append' key"),
          at: entry.keyLocation)
        continue
      case "$$merge":
        key = "$merge"
      case "$$append":
        key = "$append"
      default:
        guard let rendered = renderKey(entry) else {
          renderForErrors(entry.value, at: entry.key)
          continue
        }
        key = rendered
      }
      if let first = written[MappingKey(key)] {
        diagnostics.append(
          .input(
            "duplicate key '\(key)' after rendering",
            at: entry.keyLocation, related: [.init("the first key that renders to it", at: first)]))
        renderForErrors(entry.value, at: key)
        continue
      }
      written[MappingKey(key)] = entry.keyLocation
      if tracing {
        if builder.contains(key) { forgetTrace(under: path + [.key(key)]) }
        path.append(.key(key))
      }
      let value = render(entry.value)
      if tracing { path.removeLast() }
      if let value {
        builder.set(Node.Entry(key: key, keyLocation: entry.keyLocation, value: value))
      }
    }
    return Node(.mapping(builder.entries), at: location)
  }

  /// A key with `${ }` is interpolated: keys are always strings.
  private mutating func renderKey(_ entry: Node.Entry) -> String? {
    let key = entry.key
    guard key.utf8.contains(UInt8(ascii: "$")) else { return key }
    // Entries do not record how a key was quoted; treat it as plain.
    let position = ScalarPosition(start: entry.keyLocation, style: .plain, text: key)
    switch templates.template(for: key) {
    case .failure(let unterminated):
      report(unterminated.error, at: position.location(ofOffset: unterminated.offset))
      return nil
    case .success(let template):
      if template.expressionCount == 0 { return template.literalText }
      return interpolate(template, position: position)?.text
    }
  }

  /// `$merge: ${ map }` (or a list of them): spreads the maps' entries into the mapping
  /// being built, later entries winning, as JavaScript's `{...a, ...b}`.
  private mutating func spread(_ entry: Node.Entry, into builder: inout MappingBuilder) {
    let operands = entry.value.sequence ?? [entry.value]
    for operand in operands {
      guard let operand = evaluateOperand(operand), !operand.value.isNull else { continue }
      guard let entries = operand.value.mapping else {
        report(
          TemplateError(
            "'$merge' needs a mapping or null, not "
              + operand.value.valueDescription),
          at: operand.location)
        continue
      }
      for spreadEntry in entries {
        if tracing && operand.computed {
          if builder.contains(spreadEntry.key) {
            forgetTrace(under: path + [.key(spreadEntry.key)])
          }
          path.append(.key(spreadEntry.key))
          record(spreadEntry.value, at: operand.location)
          path.removeLast()
        }
        builder.set(spreadEntry)
      }
    }
  }

  /// The value of a `$if: ${ condition }` entry: true or false; `nil` after an error.
  private mutating func evaluateCondition(_ entry: Node.Entry) -> Bool? {
    guard let operand = evaluateOperand(entry.value) else { return nil }
    guard let flag = operand.value.bool else {
      let test = operand.value.isNull || operand.value.isMapping || operand.value.isSequence
      report(
        TemplateError(
          "'$if' needs true or false, not \(operand.value.valueDescription)",
          help: test
            ? "test whether a value is set with '$if: ${ values.x != null }'"
            : "write '$if: ${ condition }'; '$$if' is a literal '$if' key"),
        at: operand.location)
      return nil
    }
    return flag
  }

  // MARK: Sequences

  private mutating func renderSequence(_ items: [Node], at location: SourceLocation) -> Node {
    var output: [Node] = []
    output.reserveCapacity(items.count)
    for item in items {
      // `- $append: ${ list }` splices the list's items in here.
      if case .mapping(let entries) = item.content, entries.count == 1, entries[0].key == "$append"
      {
        guard let operand = evaluateOperand(entries[0].value), !operand.value.isNull else {
          continue
        }
        guard let appended = operand.value.sequence else {
          report(
            TemplateError(
              "'$append' needs a list or null, not "
                + operand.value.valueDescription),
            at: operand.location)
          continue
        }
        for appendedItem in appended {
          if tracing && operand.computed {
            path.append(.index(output.count))
            record(appendedItem, at: operand.location)
            path.removeLast()
          }
          output.append(appendedItem)
        }
        continue
      }
      if tracing { path.append(.index(output.count)) }
      let rendered = render(item)
      if tracing { path.removeLast() }
      if let rendered { output.append(rendered) }
    }
    return Node(.sequence(output), at: location)
  }

  // MARK: Helpers

  private func scalarPosition(_ node: Node, style: ScalarStyle, text: String) -> ScalarPosition {
    ScalarPosition(
      start: node.location, style: style, text: text,
      blockIndentation: style == .literal ? templates.indentation(ofBlockAt: node.location) : nil)
  }

  /// `error`, or, when the expression reads like a shell parameter (`${HOME}`,
  /// `${PORT:-80}`) whose name is not in scope, an error that points at `$${`: a script in
  /// a block scalar meant a literal `${`.
  private func shellHint(for error: TemplateError, source: Substring) -> TemplateError {
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

  /// The value of a `$merge` or `$append` operand; `nil` when an error was reported or a
  /// literal rendered to nothing.
  private mutating func evaluateOperand(_ node: Node) -> Operand? {
    if case .scalar(.string(let text), .plain) = node.content,
      text.utf8.contains(UInt8(ascii: "$")),
      case .success(let template) = templates.template(for: text)
    {
      if let sole = template.soleExpression {
        let position = ScalarPosition(start: node.location, style: .plain, text: text)
        let location = position.location(ofOffset: sole.offset)
        return evaluate(sole.parsed, at: location).map {
          Operand(value: $0, location: location, computed: true)
        }
      }
      return renderString(node, text: text, style: .plain, template: template).map {
        Operand(value: $0, location: node.location, computed: false)
      }
    }
    return render(node).map { Operand(value: $0, location: node.location, computed: false) }
  }

  /// Renders a value that will not be used (its key is in error), so its own errors are
  /// still reported in this run.
  private mutating func renderForErrors(_ node: Node, at key: String) {
    if tracing { path.append(.key(key)) }
    _ = render(node)
    if tracing { path.removeLast() }
  }

  private mutating func report(_ error: TemplateError, at location: SourceLocation) {
    diagnostics.append(error.diagnostic(at: location))
  }

  /// Records that `value`, now at `path`, came from the expression at `location`, and so
  /// did everything inside it.
  private mutating func record(_ value: Node, at location: SourceLocation) {
    guard tracing else { return }
    trace[path] = location
    switch value.content {
    case .scalar:
      break
    case .sequence(let items):
      for (index, item) in items.enumerated() {
        path.append(.index(index))
        record(item, at: location)
        path.removeLast()
      }
    case .mapping(let entries):
      for entry in entries {
        path.append(.key(entry.key))
        record(entry.value, at: location)
        path.removeLast()
      }
    }
  }

  /// Drops what the trace says about a value that is being overridden.
  private mutating func forgetTrace(under prefix: [PathComponent]) {
    trace = trace.filter { !$0.key.starts(with: prefix) }
  }
}

/// A string built from a scalar's parts.
private struct Interpolation {
  var text: String
  /// Where the resulting node is located (see `interpolate`).
  var location: SourceLocation
  /// The first expression, for the trace.
  var first: SourceLocation
}

/// The value of a `$merge` or `$append` operand and where to report about it.
private struct Operand {
  var value: Node
  /// The expression's `${` for `${ expr }`, otherwise the operand node.
  var location: SourceLocation
  /// Whether the value came from an expression (and so belongs in the trace).
  var computed: Bool
}

/// The entries of a mapping being rendered, where setting an existing key replaces its
/// value in place (the first occurrence keeps its position, as in a JavaScript spread).
private struct MappingBuilder {
  private(set) var entries: [Node.Entry] = []
  /// Keys by their bytes (`MappingKey`), as Kubernetes compares them.
  private var positions: [MappingKey: Int] = [:]

  func contains(_ key: String) -> Bool { positions[MappingKey(key)] != nil }

  mutating func set(_ entry: Node.Entry) {
    if let index = positions[MappingKey(entry.key)] {
      entries[index] = entry
    } else {
      positions[MappingKey(entry.key)] = entries.count
      entries.append(entry)
    }
  }
}
