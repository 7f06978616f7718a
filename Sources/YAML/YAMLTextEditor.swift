/// Sets one string value in YAML text without reformatting anything else: the bytes of
/// one scalar are replaced, or one `key: value` entry is written into an existing
/// mapping. Comments, blank lines, indentation, key order, quoting elsewhere, line
/// breaks (CRLF stays CRLF) and the final newline (or its absence) are kept.
///
/// - A replaced value keeps its quoting: single-quoted stays single-quoted,
///   double-quoted stays double-quoted. A plain value stays plain when the emitter
///   would write it plain (`YAMLEmitter.inlineScalar`), or when it is a dotted version
///   every YAML reader takes for a string (`isDottedVersion`): `1.14.2 -> 1.15.0`
///   changes only that token, while `1.15` (a number when plain) is written `"1.15"`.
/// - A missing key is added after the mapping's last entry: on a new line at the
///   entries' indentation for a block mapping, as `, key: value` before the `}` of a flow
///   mapping. Missing mappings on the way are added with it (`defaults:` / `  version:`
///   in block style, `defaults: {version: …}` in flow style). A null mapping value (`checkout:` or `checkout: ~`) becomes a mapping
///   holding the key; an empty document (or one of comments only) gets the entry
///   appended.
/// - Every edit is checked by parsing the result: it must equal the input with exactly
///   that value set, scalar types included. If the preferred form does not, double
///   quotes are tried; if that fails too the edit is refused, never written wrong.
///
/// Refused: text that does not parse, a stream of several documents, a value that is a
/// collection, an alias, a block scalar or carries an anchor or tag, and a path through a
/// value that is not a mapping.
public enum YAMLTextEditor {
  /// Sets the string at `path` (mapping keys from the document's root) to `value`.
  /// - Parameters:
  ///   - file: the path recorded in error and result locations.
  ///   - fileNames: the table `file` is numbered in.
  public static func setString(
    _ value: String, at path: [String], in text: String, file: String,
    fileNames: SourceFileNames
  ) throws(YAMLEditError) -> YAMLTextEdit {
    let fileID = fileNames.id(of: file)
    guard !path.isEmpty else {
      throw YAMLEditError(
        "no key to set: the path is empty", at: SourceLocation(fileID: fileID, line: 1, column: 1))
    }
    let documents: [Node]
    do {
      documents = try YAMLParser.parse(text, file: file, fileNames: fileNames)
    } catch {
      let first = error.errors.first
      throw YAMLEditError(
        "\(file) does not parse: \(first?.message ?? "invalid YAML")",
        at: first?.location ?? SourceLocation(fileID: fileID, line: 1, column: 1))
    }
    if documents.count > 1 {
      throw YAMLEditError(
        "\(file) holds \(documents.count) YAML documents; render edits only single-document files",
        at: documents[1].location)
    }
    let original = documents.first ?? .null(at: SourceLocation(fileID: fileID, line: 1, column: 1))
    let bytes = Array(text.utf8)
    let keyPath = path.map(PathComponent.key)
    if let current = original.value(at: keyPath), current == .string(value),
      current.string != nil
    {
      return YAMLTextEdit(text: text, change: .unchanged, location: current.location)
    }
    let found = try YAMLScalarLocator(path: path, fileID: fileID).locate(in: text)
    let planner = Planner(path: path, file: file, fileID: fileID, bytes: bytes, original: original)
    let splice = try planner.splice(found.nodes)
    let expected = setting(.string(value), at: path[...], in: original)
    for candidate in scalarTexts(value, style: splice.style, inFlow: splice.inFlow) {
      let (edited, valueOffset) = splice.apply(candidate, to: bytes)
      let text = String(decoding: edited, as: UTF8.self)
      guard let result = try? YAMLParser.parse(text, file: file, fileNames: fileNames),
        result.count == 1,
        let document = result.first, sameTree(document, expected)
      else { continue }
      return YAMLTextEdit(
        text: text, change: splice.change,
        location: location(ofByte: valueOffset, in: edited, fileID: fileID))
    }
    throw YAMLEditError(
      "cannot set '\(keyPath.dottedPath)' in \(file) without changing anything else; edit it by hand",
      at: location(ofByte: splice.start, in: bytes, fileID: fileID))
  }

  /// Decides where the bytes go for one path.
  private struct Planner {
    let path: [String]
    let file: String
    let fileID: UInt32
    let bytes: [UInt8]
    let original: Node

    var dotted: String { path.map(PathComponent.key).dottedPath }
    var lineBreak: String {
      guard let newline = bytes.firstIndex(of: 10), newline > 0, bytes[newline - 1] == 13 else {
        return "\n"
      }
      return "\r\n"
    }

    func splice(_ nodes: [YAMLNodeSpan?]) throws(YAMLEditError) -> YAMLSplice {
      if let target = nodes[path.count] {
        return try replacing(target)
      }
      // The deepest part of the path that is there; the keys below it that are missing
      // are written with the value, as nested mappings.
      let depth = (0..<path.count).last { nodes[$0] != nil } ?? 0
      let missing = path[depth..<(path.count - 1)]
      let parent = nodes[depth]
      if depth == 0, parent == nil || parent?.isEmptyScalar == true {
        // An empty file, only comments, or a bare `---`: the entry becomes the document.
        let needsBreak = !bytes.isEmpty && bytes.last != 10
        return YAMLSplice(
          start: bytes.count, end: bytes.count,
          prefix: (needsBreak ? lineBreak : "") + blockLead(missing, indent: 0),
          suffix: lineBreak, style: .plain, inFlow: false, change: .inserted)
      }
      guard let parent else {
        throw YAMLEditError(
          "\(file) has no mapping to add '\(dotted)' to",
          at: SourceLocation(fileID: fileID, line: 1, column: 1))
      }
      return try inserting(into: parent, missing: missing)
    }

    /// `a:` / `  b:` / `    key: ` on lines of their own, the first at `indent` (already
    /// written by the caller), each missing key one level deeper.
    private func blockLead(_ missing: ArraySlice<String>, indent: Int) -> String {
      var lead = ""
      for (level, key) in missing.enumerated() {
        lead += YAMLEmitter.key(key) + ":" + lineBreak
        lead += String(repeating: " ", count: indent + 2 * (level + 1))
      }
      return lead + entryLead
    }

    /// `a: {b: {key: ` and the braces that close it.
    private func flowLead(_ missing: ArraySlice<String>) -> (prefix: String, suffix: String) {
      let opening = missing.map { YAMLEmitter.key($0) + ": {" }.joined()
      return (opening + entryLead, String(repeating: "}", count: missing.count))
    }

    private var entryLead: String { YAMLEmitter.key(path[path.count - 1]) + ": " }

    private func location(_ span: YAMLNodeSpan) -> SourceLocation {
      YAMLTextEditor.location(ofByte: span.start, in: bytes, fileID: fileID)
    }

    private func replacing(_ target: YAMLNodeSpan) throws(YAMLEditError) -> YAMLSplice {
      guard case .scalar(_, let style, let hasProperties) = target.kind else {
        throw YAMLEditError(
          "'\(dotted)' in \(file) is \(target.kind.description), not a scalar; edit it by hand",
          at: location(target))
      }
      if hasProperties {
        throw YAMLEditError(
          "'\(dotted)' in \(file) has an anchor or a tag; edit it by hand", at: location(target))
      }
      if style == .literal || style == .folded {
        throw YAMLEditError(
          "'\(dotted)' in \(file) is a block scalar; edit it by hand", at: location(target))
      }
      let previous = original.value(at: path.map(PathComponent.key))?.scalar ?? .null
      if target.isEmptyScalar {
        // `key:` with nothing after it: the value goes after the colon (block) or where
        // the next token starts (flow), after one space.
        return YAMLSplice(
          start: target.start, end: target.end, prefix: needsSpace(before: target.start) ? " " : "",
          style: .plain, inFlow: target.inFlow, change: .replaced(previous: previous))
      }
      return YAMLSplice(
        start: target.start, end: target.end, style: style, inFlow: target.inFlow,
        change: .replaced(previous: previous))
    }

    private func inserting(
      into parent: YAMLNodeSpan, missing: ArraySlice<String>
    ) throws(YAMLEditError) -> YAMLSplice {
      let flow = flowLead(missing)
      switch parent.kind {
      case .mapping(isFlow: false):
        // A new line after the line of the last entry's value, at the keys' indentation.
        return blockInsertion(
          missing, after: parent.contentEnd, indent: parent.entryColumn ?? 0)
      case .mapping(isFlow: true):
        return YAMLSplice(
          start: parent.contentEnd, end: parent.contentEnd,
          prefix: (parent.entryCount > 0 ? ", " : "") + flow.prefix, suffix: flow.suffix,
          style: .plain, inFlow: true, change: .inserted)
      case .scalar where parent.isNull && parent.key != nil:
        if parent.isEmptyScalar && !parent.inFlow, let key = parent.key {
          // `checkout:` alone: the entry goes on the next line, indented under the key.
          return blockInsertion(missing, after: parent.start, indent: key.column + 2)
        }
        // `checkout: ~`, or an empty value in a flow mapping: a flow mapping takes its place.
        let space = parent.isEmptyScalar && needsSpace(before: parent.start)
        return YAMLSplice(
          start: parent.start, end: parent.end, prefix: (space ? " " : "") + "{" + flow.prefix,
          suffix: flow.suffix + "}", style: .plain, inFlow: true, change: .inserted)
      default:
        let parentPath = path[..<(path.count - missing.count - 1)].map(PathComponent.key)
          .dottedPath
        let name = parentPath.isEmpty ? "the document" : "'\(parentPath)'"
        throw YAMLEditError(
          "\(name) in \(file) is \(parent.kind.description), not a mapping; cannot add '\(path[path.count - missing.count - 1])' to it",
          at: location(parent))
      }
    }

    /// New block entries on a line of their own after the line holding `offset`, the
    /// first key at column `indent`.
    private func blockInsertion(
      _ missing: ArraySlice<String>, after offset: Int, indent: Int
    ) -> YAMLSplice {
      let (position, atEnd) = lineStart(after: offset)
      return YAMLSplice(
        start: position, end: position,
        prefix: (atEnd ? lineBreak : "") + String(repeating: " ", count: indent)
          + blockLead(missing, indent: indent),
        suffix: atEnd ? "" : lineBreak, style: .plain, inFlow: false, change: .inserted)
    }

    /// The start of the line after the one holding `offset`, or the end of the text
    /// (`atEnd`) when that line is the last and has no break. An offset just after a
    /// break (where a block scalar ends) is already a line start.
    private func lineStart(after offset: Int) -> (position: Int, atEnd: Bool) {
      if offset > 0, offset <= bytes.count, bytes[offset - 1] == 10 { return (offset, false) }
      if let newline = bytes[min(offset, bytes.count)...].firstIndex(of: 10) {
        return (newline + 1, false)
      }
      return (bytes.count, true)
    }

    private func needsSpace(before offset: Int) -> Bool {
      offset == 0 || (bytes[offset - 1] != 32 && bytes[offset - 1] != 9)
    }
  }

  /// The forms to try for `value`, best first: its style, then double quotes.
  static func scalarTexts(_ value: String, style: ScalarStyle, inFlow: Bool) -> [String] {
    let quoted = YAMLEmitter.doubleQuoted(value)
    switch style {
    case .singleQuoted:
      let printable = value.unicodeScalars.allSatisfy {
        PlainScalarSafety.isPrintable($0) && $0 != "\n" && $0 != "\r" && $0 != "\t"
      }
      guard printable else { return [quoted] }
      var single = "'"
      for scalar in value.unicodeScalars {
        single.unicodeScalars.append(scalar)
        if scalar == "'" { single += "'" }
      }
      return [single + "'", quoted]
    case .doubleQuoted, .literal, .folded:
      return [quoted]
    case .plain:
      let emitted = YAMLEmitter.inlineScalar(.string(value))
      if emitted == value && (!inFlow || PlainScalarSafety.hasPlainSyntax(value, inFlow: true)) {
        return [value, quoted]
      }
      if isDottedVersion(value), PlainScalarSafety.hasPlainSyntax(value, inFlow: inFlow) {
        return [value, quoted]
      }
      return [quoted]
    }
  }

  /// The one relaxation of the emitter's rule: the emitter quotes everything made of
  /// number characters (YAML 1.1's float pattern allows `1.15.0`), but a version with two
  /// or more dots and no `:` is a string to YAML 1.2, to PyYAML, go-yaml and Psych alike,
  /// and is the token users write plain. `1.15`, `0777`, `1_000`, `1:30`, `2024-01-01`,
  /// `yes` stay quoted.
  static func isDottedVersion(_ value: String) -> Bool {
    guard CoreSchema.resolvePlain(value) == .string(value) else { return false }
    let bytes = Array(value.utf8)
    guard let first = bytes.first, first >= 48, first <= 57 else { return false }
    let dots = bytes.filter { $0 == UInt8(ascii: ".") }.count
    return dots >= 2 && !bytes.contains(UInt8(ascii: ":")) && !bytes.contains(UInt8(ascii: "_"))
  }

  /// `node` with the value at `path` set, null values on the way becoming mappings.
  static func setting(_ value: Node, at path: ArraySlice<String>, in node: Node) -> Node {
    guard let key = path.first else { return value }
    var mapping = node.isMapping ? node : Node(.mapping([]), at: node.location)
    let child = mapping[key] ?? .null()
    mapping.set(key, to: setting(value, at: path.dropFirst(), in: child))
    return mapping
  }

  /// Equal values with equal scalar types: `Node` equality takes `1` and `1.0` for one
  /// value, and an edit must not turn a string into a number anywhere.
  static func sameTree(_ a: Node, _ b: Node) -> Bool {
    var pairs = [(a, b)]
    while let (left, right) = pairs.popLast() {
      switch (left.content, right.content) {
      case (.scalar(let x, _), .scalar(let y, _)):
        guard x == y || (x.isSameValue(as: y) && x.typeDescription == y.typeDescription) else {
          return false
        }
      case (.sequence(let x), .sequence(let y)):
        guard x.count == y.count else { return false }
        pairs += zip(x, y).map { ($0, $1) }
      case (.mapping(let x), .mapping(let y)):
        guard x.count == y.count else { return false }
        for entry in x {
          guard let other = y.first(where: { $0.key == entry.key }) else { return false }
          pairs.append((entry.value, other.value))
        }
      default:
        return false
      }
    }
    return true
  }

  /// The 1-based line and character column of a byte offset.
  static func location(ofByte offset: Int, in bytes: [UInt8], fileID: UInt32) -> SourceLocation {
    let prefix = bytes[..<min(offset, bytes.count)]
    let line = prefix.reduce(1) { $1 == 10 ? $0 + 1 : $0 }
    let lineStart = prefix.lastIndex(of: 10).map { $0 + 1 } ?? 0
    let column = String(decoding: bytes[lineStart..<prefix.endIndex], as: UTF8.self)
      .unicodeScalars.count
    return SourceLocation(fileID: fileID, line: line, column: column + 1)
  }
}
