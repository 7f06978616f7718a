/// Writes nodes as canonical block-style YAML.
///
/// The output is a pure function of the tree: two-space indentation, sequences under a
/// key at the key's indentation (as kubectl writes them), `{}` and `[]` for empty
/// collections, multi-line strings as literal blocks where that round-trips exactly,
/// and double quotes for every string that is not safe plain for both YAML 1.1 and
/// 1.2 readers. Key order is the tree's order.
public enum YAMLEmitter {
  /// One document, ending with a newline.
  public static func emit(_ node: Node) -> String {
    String(decoding: emitUTF8(node), as: UTF8.self)
  }

  /// One document as UTF-8 bytes: what files are written from, without a round trip
  /// through `String`.
  public static func emitUTF8(_ node: Node) -> [UInt8] {
    var writer = Writer()
    writer.writeDocument(node)
    return writer.output
  }

  /// Several documents separated by `---`.
  public static func emit(documents: [Node]) -> String {
    var writer = Writer()
    for (index, node) in documents.enumerated() {
      if index > 0 { writer.write("---\n") }
      writer.writeDocument(node)
    }
    return String(decoding: writer.output, as: UTF8.self)
  }

  /// A scalar as it appears in flow position (after `key: `): plain, quoted or `null`.
  /// Multi-line strings are double-quoted here.
  public static func inlineScalar(_ scalar: Scalar) -> String {
    switch scalar {
    case .string(let text): PlainScalarSafety.canBePlain(text) ? text : doubleQuoted(text)
    default: scalar.canonicalText
    }
  }

  /// A mapping key: plain when safe, double-quoted otherwise.
  public static func key(_ text: String) -> String {
    PlainScalarSafety.canBePlain(text) ? text : doubleQuoted(text)
  }

  static func doubleQuoted(_ text: String) -> String {
    TextEscaping.escaped(text, quote: "\"") { scalar in
      if let escape = TextEscaping.backslashEscape(scalar) { return escape }
      switch scalar {
      case "\0": return "\\0"
      // Printable in YAML 1.2, but a line break to a YAML 1.1 reader even inside quotes
      // (`"a<NEL>b"` reads back as `a b`): escaped so every reader gets the value back.
      case "\u{85}": return "\\N"
      case "\u{2028}": return "\\L"
      case "\u{2029}": return "\\P"
      case _ where PlainScalarSafety.isPrintable(scalar): return nil
      case _ where scalar.value <= 0xFF: return "\\x" + TextEscaping.hex(scalar.value, digits: 2)
      case _ where scalar.value <= 0xFFFF: return "\\u" + TextEscaping.hex(scalar.value, digits: 4)
      default: return "\\U" + TextEscaping.hex(scalar.value, digits: 8)
      }
    }
  }

  /// The literal block header and lines for `text`, or `nil` when a literal block would
  /// not read back as exactly `text`.
  static func literalBlock(_ text: String) -> (header: String, lines: [Substring])? {
    guard text.containsByte(0x0A /* \n */) else { return nil }
    var trailingNewlines = 0
    var body = Substring(text)
    while body.hasSuffix("\n") {
      body = body.dropLast()
      trailingNewlines += 1
    }
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
    // A reader takes the block's indentation from its first non-empty line: that line
    // must not start with a space (found by fuzzing: "\n  x\n y" read back wrong).
    guard let firstText = lines.first(where: { !$0.isEmpty }), let first = firstText.first,
      first != " ", first != "\t"
    else { return nil }
    for line in lines {
      if let last = line.last, last == " " || last == "\t" { return nil }
      for scalar in line.unicodeScalars
      where !PlainScalarSafety.isPrintable(scalar) || scalar == "\r" || scalar == "\u{85}" {
        return nil
      }
    }
    let chomping = trailingNewlines == 0 ? "-" : trailingNewlines == 1 ? "" : "+"
    return ("|" + chomping, lines + Array(repeating: "", count: max(0, trailingNewlines - 1)))
  }

  /// Appends to a byte buffer: most of what a build writes goes through here, and
  /// appending UTF-8 to `[UInt8]` costs a copy where `String` appends cost a copy plus
  /// bookkeeping.
  private struct Writer {
    var output: [UInt8] = []

    init() {
      output.reserveCapacity(2048)
    }

    mutating func write(_ text: String) {
      output.append(contentsOf: text.utf8)
    }

    mutating func write(_ text: Substring) {
      output.append(contentsOf: text.utf8)
    }

    mutating func writeDocument(_ node: Node) {
      switch node.content {
      case .mapping(let entries) where !entries.isEmpty:
        writeMapping(entries, indent: 0, inline: false)
      case .sequence(let items) where !items.isEmpty:
        writeSequence(items, indent: 0, inline: false)
      default:
        // A literal block at the root needs indented lines: libyaml ends a block scalar
        // at a line in column 1 ("did not find expected <document start>").
        writeScalarValue(node, indent: 2)
      }
    }

    // Index loops below: ranges and iterators are generic, and slow, in debug builds
    // (`swift run`), and every rendered file passes here.

    mutating func spaces(_ count: Int) {
      var left = count
      while left > 0 {
        output.append(0x20 /* space */)
        left -= 1
      }
    }

    /// A key, or a one-line string value: plain when safe, double-quoted otherwise.
    mutating func writePlainOrQuoted(_ text: String) {
      if PlainScalarSafety.canBePlain(text) {
        write(text)
      } else {
        write(YAMLEmitter.doubleQuoted(text))
      }
    }

    /// `inline`: the first line's indentation was already written (after `- `).
    mutating func writeMapping(_ entries: [Node.Entry], indent: Int, inline: Bool) {
      var index = 0
      while index < entries.count {
        let entry = entries[index]
        if index > 0 || !inline { spaces(indent) }
        index += 1
        writePlainOrQuoted(entry.key)
        output.append(0x3A /* : */)
        let value = entry.value
        switch value.content {
        case .mapping(let child) where !child.isEmpty:
          output.append(0x0A /* \n */)
          writeMapping(child, indent: indent + 2, inline: false)
        case .sequence(let items) where !items.isEmpty:
          output.append(0x0A /* \n */)
          writeSequence(items, indent: indent, inline: false)
        default:
          output.append(0x20 /* space */)
          writeScalarValue(value, indent: indent + 2)
        }
      }
    }

    mutating func writeSequence(_ items: [Node], indent: Int, inline: Bool) {
      var index = 0
      while index < items.count {
        let item = items[index]
        if index > 0 || !inline { spaces(indent) }
        index += 1
        output.append(0x2D /* - */)
        output.append(0x20 /* space */)
        switch item.content {
        case .mapping(let entries) where !entries.isEmpty:
          writeMapping(entries, indent: indent + 2, inline: true)
        case .sequence(let children) where !children.isEmpty:
          writeSequence(children, indent: indent + 2, inline: true)
        default:
          writeScalarValue(item, indent: indent + 2)
        }
      }
    }

    /// A scalar or an empty collection, then the line break.
    mutating func writeScalarValue(_ node: Node, indent: Int) {
      switch node.content {
      case .mapping: write("{}\n")
      case .sequence: write("[]\n")
      case .scalar(.string(let text), _):
        if let block = YAMLEmitter.literalBlock(text) {
          write(block.header)
          output.append(0x0A /* \n */)
          for line in block.lines {
            if !line.isEmpty { spaces(indent) }
            write(line)
            output.append(0x0A /* \n */)
          }
        } else {
          writePlainOrQuoted(text)
          output.append(0x0A /* \n */)
        }
      case .scalar(let scalar, _):
        write(scalar.canonicalText)
        output.append(0x0A /* \n */)
      }
    }
  }
}
