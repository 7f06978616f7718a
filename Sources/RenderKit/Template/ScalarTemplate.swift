/// The text of one scalar (or mapping key), split into literal text and `${ }`
/// expressions. `$${` is a literal `${`.
///
/// Each expression is parsed here, once: a template file's scalars are parsed when the
/// file is loaded (see `ScalarTemplates`) and rendered for every service and environment.
struct ScalarTemplate: Sendable {
  enum Part: Sendable {
    case text(String)
    /// The text between `${` and `}`, the offset of the `$` in the scalar, in Unicode
    /// scalars (the unit of `SourceLocation.column`), and the parsed expression or why
    /// it does not parse.
    case expression(
      Substring, offset: Int, parsed: Result<TemplateExpression, TemplateError>)
  }

  /// An `${` without its `}`, at `offset`.
  struct Unterminated: Error, Sendable {
    var offset: Int

    var error: TemplateError {
      TemplateError(
        "unterminated '${': close the expression with '}'",
        help: "write '$${' for a literal '${'")
    }
  }

  private(set) var parts: [Part] = []
  private(set) var expressionCount = 0
  /// Whether the text held `$${`, so a scalar without expressions still changes.
  private(set) var hasEscapes = false

  /// The only part, when the text is exactly one expression.
  var soleExpression:
    (source: Substring, offset: Int, parsed: Result<TemplateExpression, TemplateError>)?
  {
    guard parts.count == 1, case .expression(let source, let offset, let parsed) = parts[0]
    else { return nil }
    return (source, offset, parsed)
  }

  /// The whole text with escapes resolved, when there is no expression.
  var literalText: String {
    var text = ""
    for case .text(let piece) in parts { text += piece }
    return text
  }

  static func parse(_ text: String) -> Result<ScalarTemplate, Unterminated> {
    // Every delimiter is ASCII, so the scan walks UTF-8 bytes; `offset` counts Unicode
    // scalars (bytes that do not continue a multi-byte sequence), as columns do.
    var template = ScalarTemplate()
    let utf8 = text.utf8
    let end = utf8.endIndex
    var pending = ""
    var literalStart = utf8.startIndex
    var index = utf8.startIndex
    var offset = 0

    func byte(after index: String.Index, _ distance: Int = 1) -> UInt8? {
      utf8.index(index, offsetBy: distance, limitedBy: end).flatMap { $0 < end ? utf8[$0] : nil }
    }

    while index < end {
      let current = utf8[index]
      guard current == 0x24 /* $ */, let second = byte(after: index) else {
        if current & 0xC0 != 0x80 { offset += 1 }
        index = utf8.index(after: index)
        continue
      }
      if second == 0x24 /* $ */, byte(after: index, 2) == 0x7B /* { */ {
        pending += text[literalStart..<index]
        pending += "${"
        template.hasEscapes = true
        index = utf8.index(index, offsetBy: 3)
        offset += 3
        literalStart = index
        continue
      }
      guard second == 0x7B /* { */ else {
        offset += 1
        index = utf8.index(after: index)
        continue
      }
      // An expression: find the `}` that closes it, skipping string literals, where a
      // `}` is just text.
      pending += text[literalStart..<index]
      if !pending.isEmpty {
        template.parts.append(.text(pending))
        pending = ""
      }
      let start = utf8.index(index, offsetBy: 2)
      var cursor = start
      var length = 2
      var quote: UInt8?
      var escaped = false
      // Braces of map literals nest: `${ {a: 1} }` ends at the second `}`.
      var depth = 0
      while cursor < end {
        let byte = utf8[cursor]
        if let open = quote {
          if escaped {
            escaped = false
          } else if byte == 0x5C /* \\ */ {
            escaped = true
          } else if byte == open {
            quote = nil
          }
        } else if byte == 0x22 /* " */ || byte == 0x27 /* ' */ {
          quote = byte
        } else if byte == 0x7B /* { */ {
          depth += 1
        } else if byte == 0x7D /* } */ {
          if depth == 0 { break }
          depth -= 1
        }
        if byte & 0xC0 != 0x80 { length += 1 }
        cursor = utf8.index(after: cursor)
      }
      guard cursor < end else { return .failure(Unterminated(offset: offset)) }
      let source = text[start..<cursor]
      template.parts.append(
        .expression(source, offset: offset, parsed: Self.parseExpression(source)))
      template.expressionCount += 1
      index = utf8.index(after: cursor)
      offset += length + 1
      literalStart = index
    }
    if template.parts.isEmpty && !template.hasEscapes {
      // No expression and no escape: the text is the only part, without copying.
      template.parts.append(.text(text))
      return .success(template)
    }
    pending += text[literalStart..<end]
    if !pending.isEmpty { template.parts.append(.text(pending)) }
    return .success(template)
  }

  /// The expression between `${` and `}`; a syntax error names the expression as written.
  static func parseExpression(_ source: Substring) -> Result<TemplateExpression, TemplateError> {
    do throws(TemplateError) {
      return .success(try ExpressionParser.parse(source))
    } catch {
      let trimmed = String(source.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
      let shown = trimmed.isEmpty ? "${ }" : "${ \(trimmed) }"
      return .failure(
        TemplateError("invalid expression '\(shown)': \(error.message)", help: error.help))
    }
  }
}
