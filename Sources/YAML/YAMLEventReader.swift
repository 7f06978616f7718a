import CYAML

/// Runs libyaml's event parser over a text: the one place that sets libyaml up, walks
/// its events and turns a syntax error into a located `YAMLError`. `YAMLParser` builds
/// node trees from the events; `YAMLScalarLocator` finds byte ranges for set-version.
enum YAMLEventReader {
  enum End {
    /// Every event up to the end of the stream was handled.
    case finished
    /// The handler asked to stop.
    case stopped
    /// libyaml found a syntax error (or could not start).
    case failed(YAMLError)
  }

  /// Hands each event before the end of the stream to `handle`, which returns `false`
  /// to stop. An empty text has no events.
  static func read(_ text: String, file: String, _ handle: (yaml_event_t) -> Bool) -> End {
    var bytes = Array(text.utf8)
    if bytes.isEmpty { return .finished }
    return bytes.withUnsafeMutableBufferPointer { buffer -> End in
      guard let base = buffer.baseAddress else { return .finished }
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else {
        return .failed(YAMLError("libyaml could not start", at: .start(of: file)))
      }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_input_string(&parser, base, buffer.count)
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(&parser, &event) == 1 else {
          return .failed(
            YAMLError(
              syntaxErrorMessage(parser),
              at: SourceLocation(
                file: file, line: Int(parser.problem_mark.line) + 1,
                column: Int(parser.problem_mark.column) + 1)))
        }
        defer { yaml_event_delete(&event) }
        if event.type == YAML_STREAM_END_EVENT { return .finished }
        if !handle(event) { return .stopped }
      }
    }
  }

  /// libyaml's problem, with its context when it gives one.
  static func syntaxErrorMessage(_ parser: yaml_parser_t) -> String {
    var message = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
    if let context = parser.context {
      message +=
        " (\(String(cString: context)) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
    }
    return message
  }

  /// How a scalar event was written.
  static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: .literal
    case YAML_FOLDED_SCALAR_STYLE: .folded
    default: .plain
    }
  }
}
