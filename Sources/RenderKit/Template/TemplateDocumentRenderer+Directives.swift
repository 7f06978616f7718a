/// The directives: `$if: ${ condition }`, `$merge: ${ map }` and `- $append: ${ list }`.
extension TemplateDocumentRenderer {
  /// The value of a `$if: ${ condition }` entry: true or false; `nil` after an error.
  mutating func evaluateCondition(_ entry: Node.Entry) -> Bool? {
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

  /// `$merge: ${ map }` (or a list of them): spreads the maps' entries into the mapping
  /// being built, later entries winning, as JavaScript's `{...a, ...b}`.
  mutating func spread(_ entry: Node.Entry, into builder: inout MappingBuilder) {
    let operands = entry.value.sequence ?? [entry.value]
    for node in operands {
      guard let (entries, operand) = typedOperand(node, of: "$merge", needs: "a mapping", \.mapping)
      else { continue }
      for spreadEntry in entries {
        if operand.computed {
          trace.replacing(spreadEntry.key, in: builder)
          trace.enter(.key(spreadEntry.key))
          trace.record(spreadEntry.value, at: operand.location)
          trace.leave()
        }
        builder.set(spreadEntry)
      }
    }
  }

  /// `- $append: ${ list }`: the list's items, appended to `output`.
  mutating func append(_ operandNode: Node, to output: inout [Node]) {
    guard
      let (appended, operand) = typedOperand(
        operandNode, of: "$append", needs: "a list", \.sequence)
    else { return }
    for appendedItem in appended {
      if operand.computed {
        trace.enter(.index(output.count))
        trace.record(appendedItem, at: operand.location)
        trace.leave()
      }
      output.append(appendedItem)
    }
  }

  /// The operand of `directive` as what `read` makes of it (its entries, its items);
  /// `nil` when it is null, or after reporting that it is neither that nor null.
  mutating func typedOperand<Value>(
    _ node: Node, of directive: String, needs kind: String, _ read: (Node) -> Value?
  ) -> (Value, TemplateOperand)? {
    guard let operand = evaluateOperand(node), !operand.value.isNull else { return nil }
    guard let value = read(operand.value) else {
      report(
        TemplateError(
          "'\(directive)' needs \(kind) or null, not " + operand.value.valueDescription),
        at: operand.location)
      return nil
    }
    return (value, operand)
  }

  /// The value of a `$merge` or `$append` operand; `nil` when an error was reported or a
  /// literal rendered to nothing.
  mutating func evaluateOperand(_ node: Node) -> TemplateOperand? {
    if case .scalar(.string(let text), .plain) = node.content,
      text.containsByte(0x24 /* $ */),
      case .success(let template) = templates.template(for: text)
    {
      if let sole = template.soleExpression {
        let position = ScalarPosition(start: node.location, style: .plain, text: text)
        let location = position.location(ofOffset: sole.offset)
        return evaluate(sole.parsed, at: location).map {
          TemplateOperand(value: $0, location: location, computed: true)
        }
      }
      return renderString(node, text: text, style: .plain, template: template).map {
        TemplateOperand(value: $0, location: node.location, computed: false)
      }
    }
    return render(node).map {
      TemplateOperand(value: $0, location: node.location, computed: false)
    }
  }
}
