/// Help lines for YAML syntax errors a template author makes on purpose-looking input:
/// libyaml's message says what the parser expected, not what the author should write.
enum YAMLSyntaxHelp {
  /// The help for `error` in a file whose text is `text`, if it is one render knows.
  ///
  /// An unquoted `${ }` inside a flow collection (`[...]`, `{...}`) is the common one:
  /// its braces are flow indicators there, so `{containerPort: ${ values.port }}` ends
  /// the mapping at the `{` of `${` and libyaml reports a missing `,` or `}`.
  static func help(for error: YAMLError, in text: String) -> String? {
    guard error.message.contains("while parsing a flow"),
      let line = line(error.location.line, of: text), line.contains("${")
    else { return nil }
    return """
      an unquoted ${ } cannot sit inside a YAML flow collection ([...] or {...}): its \
      braces end the collection. Write the collection in block style (one `key: value` \
      or `- item` per line), where a plain ${ } keeps the value's type, or quote it \
      ("${ ... }") if a string is wanted
      """
  }

  /// The text of 1-based line `number`, without its line break.
  static func line(_ number: Int, of text: String) -> Substring? {
    guard number >= 1 else { return nil }
    var current = 1
    var start = text.startIndex
    while current < number {
      guard let end = text[start...].firstIndex(of: "\n") else { return nil }
      start = text.index(after: end)
      current += 1
    }
    let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
    return text[start..<end]
  }
}
