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

  /// The UTF-8 byte order mark, which YAML and kubectl accept at the start of a file.
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Whether `text` starts with a byte order mark.
  static func startsWithByteOrderMark(_ text: String) -> Bool {
    text.unicodeScalars.first == "\u{FEFF}"
  }

  /// Hands each event before the end of the stream to `handle`, which returns `false`
  /// to stop. An empty text has no events.
  ///
  /// A leading byte order mark is not given to libyaml: with the encoding set up front it
  /// counts the mark as a character of line 1 (every column there one too far) and, before
  /// a mapping, fails with "did not find expected <document start>" on line 2. Marks are
  /// therefore relative to the text after the byte order mark.
  static func read(
    _ text: String, fileID: UInt32, _ handle: (yaml_event_t) -> Bool
  ) -> End {
    var bytes = Array(text.utf8)
    if bytes.starts(with: byteOrderMark) { bytes.removeFirst(byteOrderMark.count) }
    if bytes.isEmpty { return .finished }
    return bytes.withUnsafeMutableBufferPointer { buffer -> End in
      guard let base = buffer.baseAddress else { return .finished }
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else {
        return .failed(
          YAMLError(
            "libyaml could not start", at: SourceLocation(fileID: fileID, line: 1, column: 1)))
      }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_input_string(&parser, base, buffer.count)
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(&parser, &event) == 1 else {
          if parser.error == YAML_READER_ERROR {
            // The reader checks characters ahead of the scanner and reports a byte offset,
            // not a mark: without this every control character was "at 1:1".
            let position = TextPosition.location(
              ofByte: Int(parser.problem_offset), in: UnsafeBufferPointer(buffer))
            return .failed(
              YAMLError(
                readerErrorMessage(parser),
                at: SourceLocation(fileID: fileID, line: position.line, column: position.column)))
          }
          return .failed(
            YAMLError(
              syntaxErrorMessage(parser),
              at: SourceLocation(
                fileID: fileID, line: Int(parser.problem_mark.line) + 1,
                column: Int(parser.problem_mark.column) + 1)))
        }
        defer { yaml_event_delete(&event) }
        if event.type == YAML_STREAM_END_EVENT { return .finished }
        if !handle(event) { return .stopped }
      }
    }
  }

  /// A reader error names the character: "control character U+0001 is not allowed".
  static func readerErrorMessage(_ parser: yaml_parser_t) -> String {
    let problem = parser.problem.map { String(cString: $0) } ?? "invalid character"
    let value = Int(parser.problem_value)
    guard problem == "control characters are not allowed", value >= 0 else { return problem }
    let code = "U+" + TextEscaping.hex(UInt32(value), digits: 4)
    return
      "control character \(code) is not allowed in YAML; write it as an escape in a double-quoted string"
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
