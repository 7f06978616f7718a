/// The scalars and keys of template documents that hold a `$`, parsed into
/// `ScalarTemplate`s (expressions included) and kept by text.
///
/// A template file is parsed once, when it is loaded, and rendered for every service
/// that uses it in every environment: 3,000 renders of one file at 1,000 services × 3
/// environments. A text not found here (a document built after loading) is parsed when
/// it is rendered, so a lookup is never wrong, only sometimes slower.
public struct ScalarTemplates: Sendable {
  /// By text, with the text as it was parsed: `String` keys compare canonically
  /// equivalent texts (`é` precomposed or not) as equal, but their bytes, offsets and
  /// output differ, so a hit counts only when the bytes match too.
  private var parsed:
    [String: (text: String, template: Result<ScalarTemplate, ScalarTemplate.Unterminated>)] =
      [:]
  /// The indentation of each literal block scalar with a `$`, by the scalar's location,
  /// so errors inside the block point at their own line (see `ScalarPosition`).
  private var blockIndentation: [SourceLocation: Int] = [:]

  /// None: every text is parsed when rendered.
  public init() {}

  /// Every string scalar and key with a `$` in `documents`.
  public init(_ documents: [Node]) {
    for document in documents {
      collect(document)
    }
  }

  /// Every string scalar and key with a `$` in `documents`, and the indentation of their
  /// literal block scalars, read from `source`, the text they were parsed from.
  public init(_ documents: [Node], source: String) {
    self.init(documents)
    var blocks: [SourceLocation] = []
    for document in documents { collectBlocks(document, into: &blocks) }
    guard !blocks.isEmpty else { return }
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    for location in blocks {
      // The first line after the header that is not blank sets the indentation.
      var index = location.line
      while index < lines.count, lines[index].allSatisfy({ $0 == " " || $0 == "\r" }) {
        index += 1
      }
      guard index < lines.count else { continue }
      blockIndentation[location] = lines[index].prefix { $0 == " " }.count
    }
  }

  private func collectBlocks(_ node: Node, into blocks: inout [SourceLocation]) {
    switch node.content {
    case .scalar(.string(let text), .literal):
      if text.containsByte(0x24 /* $ */) { blocks.append(node.location) }
    case .scalar:
      break
    case .sequence(let items):
      for item in items { collectBlocks(item, into: &blocks) }
    case .mapping(let entries):
      for entry in entries { collectBlocks(entry.value, into: &blocks) }
    }
  }

  /// The indentation of the literal block scalar at `location`, when it is known.
  func indentation(ofBlockAt location: SourceLocation) -> Int? {
    blockIndentation[location]
  }

  private mutating func collect(_ node: Node) {
    switch node.content {
    case .scalar(.string(let text), _):
      add(text)
    case .scalar:
      break
    case .sequence(let items):
      for item in items { collect(item) }
    case .mapping(let entries):
      for entry in entries {
        add(entry.key)
        collect(entry.value)
      }
    }
  }

  private mutating func add(_ text: String) {
    guard text.containsByte(0x24 /* $ */), parsed[text] == nil else { return }
    parsed[text] = (text, ScalarTemplate.parse(text))
  }

  /// The parsed text: from the loaded file, or parsed now.
  func template(for text: String) -> Result<ScalarTemplate, ScalarTemplate.Unterminated> {
    if let hit = parsed[text], hit.text.hasSameBytes(as: text) { return hit.template }
    return ScalarTemplate.parse(text)
  }
}
