/// Help lines for YAML syntax errors a template author makes on purpose-looking input:
/// libyaml's message says what the parser expected, not what the author should write.
enum YAMLSyntaxHelp {
  /// The help for `error` in `file`, if it is one render knows.
  ///
  /// - An unquoted `${ }` inside a flow collection (`[...]`, `{...}`): its braces are flow
  ///   indicators there, so `{containerPort: ${ values.port }}` ends the mapping at the
  ///   `{` of `${` and libyaml reports a missing `,` or `}`.
  /// - An unquoted `${ }` holding `: ` (a ternary, a map literal with spaces): YAML reads
  ///   it as a mapping key.
  static func help(for error: YAMLError, in file: SourceFile) -> String? {
    guard let line = file.line(error.location.line), line.contains("${") else { return nil }
    if error.message.contains("while parsing a flow") {
      return """
        an unquoted ${ } cannot sit inside a YAML flow collection ([...] or {...}): its \
        braces end the collection. Write the collection in block style (one `key: value` \
        or `- item` per line), where a plain ${ } keeps the value's type, or quote it \
        ("${ ... }") if a string is wanted
        """
    }
    if error.message.hasPrefix("mapping values are not allowed") {
      return "an unquoted '${ }' cannot hold ': ' (YAML reads it as a key): write "
        + "'if c then a else b' for 'c ? a : b', map literals as {key:value} without the "
        + "space, or quote the scalar when a string is wanted"
    }
    return nil
  }
}
