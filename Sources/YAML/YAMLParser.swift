import CYAML

/// Parses YAML text into `Node` trees through libyaml's event API.
///
/// Scalars are typed with the YAML 1.2 core schema, duplicate keys are errors, aliases
/// are expanded within `ParseLimits.maxNodes`, nesting is bounded by
/// `ParseLimits.maxDepth`, and tags other than the core ones are rejected.
public enum YAMLParser {
  /// Parses every document of `text`. `file` is the path recorded in every location,
  /// numbered in `fileNames`.
  ///
  /// A syntax error stops the parse; other problems (duplicate keys, bad tags) are
  /// collected so one run reports them all. Documents are returned only when there is
  /// no error.
  public static func parse(
    _ text: String, file: String, fileNames: SourceFileNames, limits: ParseLimits = .default
  ) throws(YAMLParseFailure) -> [Node] {
    var builder = TreeBuilder(fileID: fileNames.id(of: file), limits: limits)
    let end = YAMLEventReader.read(text, fileID: builder.fileID) { event in
      builder.handle(event)
      return !builder.stopped
    }
    if case .failed(let error) = end { builder.fail(error) }
    if !builder.errors.isEmpty || builder.stopped {
      throw YAMLParseFailure(errors: builder.errors)
    }
    return builder.documents
  }
}

/// Turns libyaml events into nodes with an explicit stack (no recursion, so depth is
/// bounded by `ParseLimits`, not by the thread's stack).
private struct TreeBuilder {
  /// A collection being built. Frames are mutated in place on the stack, so appending
  /// to a long sequence never copies it.
  private struct Frame {
    var isMapping: Bool
    var location: SourceLocation
    var anchor: String?
    var size = 1
    var bytes = 0
    var items: [Node] = []
    var entries: [Node.Entry] = []
    /// Each key with its location, compared by bytes (`MappingKey`).
    var keys: [MappingKey: SourceLocation] = [:]
    var pendingKey: (key: String, location: SourceLocation)?

    var expectsKey: Bool { isMapping && pendingKey == nil }
  }

  let fileID: UInt32
  let limits: ParseLimits
  var documents: [Node] = []
  var errors: [YAMLError] = []
  var stopped = false
  private var stack: [Frame] = []
  private var anchors: [String: (node: Node, size: Int, bytes: Int)] = [:]
  private var expandedNodes = 0
  private var expandedBytes = 0

  init(fileID: UInt32, limits: ParseLimits) {
    self.fileID = fileID
    self.limits = limits
  }

  mutating func fail(_ error: YAMLError) {
    errors.append(error)
    stopped = true
  }

  private mutating func fail(_ message: String, at location: SourceLocation) {
    fail(YAMLError(message, at: location))
  }

  private func location(_ mark: yaml_mark_t) -> SourceLocation {
    SourceLocation(fileID: fileID, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }

  mutating func handle(_ event: yaml_event_t) {
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      anchors = [:]
      expandedNodes = 0
      expandedBytes = 0
    case YAML_SCALAR_EVENT:
      handleScalar(event)
    case YAML_ALIAS_EVENT:
      let name = Self.string(event.data.alias.anchor) ?? ""
      let at = location(event.start_mark)
      guard let anchored = anchors[name] else {
        return fail(
          "unknown alias '*\(name)': no anchor '&\(name)' before it in this document", at: at)
      }
      if stack.last?.expectsKey == true {
        return fail("an alias cannot be a mapping key", at: at)
      }
      guard count(anchored.size, bytes: anchored.bytes, at: at) else { return }
      attach(anchored.node, size: anchored.size, bytes: anchored.bytes)
    case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
      let isMapping = event.type == YAML_MAPPING_START_EVENT
      let (tag, anchor) =
        isMapping
        ? (event.data.mapping_start.tag, event.data.mapping_start.anchor)
        : (event.data.sequence_start.tag, event.data.sequence_start.anchor)
      let start = location(event.start_mark)
      guard checkCollectionTag(tag, expected: isMapping ? "map" : "seq", at: start) else { return }
      push(Frame(isMapping: isMapping, location: start, anchor: Self.string(anchor)))
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let frame = stack.popLast() else { return }
      let node =
        frame.isMapping
        ? Node(.mapping(frame.entries), at: frame.location)
        : Node(.sequence(frame.items), at: frame.location)
      complete(node, size: frame.size, bytes: frame.bytes, anchor: frame.anchor)
    default:
      break
    }
  }

  private mutating func push(_ frame: Frame) {
    if stack.last?.expectsKey == true {
      return fail("mapping keys must be scalars", at: frame.location)
    }
    guard stack.count < limits.maxDepth else {
      return fail("nesting deeper than \(limits.maxDepth) levels", at: frame.location)
    }
    guard count(1, bytes: 0, at: frame.location) else { return }
    stack.append(frame)
  }

  /// Counts nodes and scalar bytes as they are made, an alias counting as every node and
  /// byte of its anchor: a short alias of a long string is as large as the string.
  private mutating func count(_ nodes: Int, bytes: Int, at location: SourceLocation) -> Bool {
    expandedNodes += nodes
    expandedBytes += bytes
    if expandedNodes > limits.maxNodes {
      fail(
        "document expands to more than \(limits.maxNodes) nodes through aliases; refusing to expand it further",
        at: location)
      return false
    }
    if expandedBytes > limits.maxBytes {
      fail(
        "document expands to more than \(Self.byteCount(limits.maxBytes)) of text through aliases; refusing to expand it further",
        at: location)
      return false
    }
    return true
  }

  static func byteCount(_ bytes: Int) -> String {
    bytes >= 1_048_576 && bytes % 1_048_576 == 0 ? "\(bytes / 1_048_576) MB" : "\(bytes) bytes"
  }

  private mutating func checkCollectionTag(
    _ pointer: UnsafeMutablePointer<yaml_char_t>?, expected: String, at location: SourceLocation
  ) -> Bool {
    guard let tag = Self.string(pointer), tag != "!" else { return true }
    if tag == "tag:yaml.org,2002:\(expected)" { return true }
    fail(
      "unsupported tag '\(Self.shortTag(tag))': only the YAML 1.2 core tags are allowed",
      at: location)
    return false
  }

  static func shortTag(_ tag: String) -> String {
    tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
  }

  private mutating func handleScalar(_ event: yaml_event_t) {
    let data = event.data.scalar
    let start = location(event.start_mark)
    let text: String
    if let value = data.value {
      text = String(decoding: UnsafeBufferPointer(start: value, count: data.length), as: UTF8.self)
    } else {
      text = ""
    }
    let style = YAMLEventReader.style(data.style)
    let tag = Self.string(data.tag)

    // A key is kept as the text that was written, whatever type it would resolve to.
    if stack.last?.expectsKey == true {
      if style == .plain && text == "<<" && tag == nil {
        errors.append(
          YAMLError(
            "merge keys ('<<') are YAML 1.1 and not supported: write the keys out", at: start))
      }
      return setPendingKey(text, at: start)
    }

    guard let value = resolve(text, style: style, tag: tag, at: start) else { return }
    guard count(1, bytes: data.length, at: start) else { return }
    complete(
      Node(.scalar(value, style), at: start), size: 1, bytes: data.length,
      anchor: Self.string(data.anchor))
  }

  private mutating func resolve(
    _ text: String, style: ScalarStyle, tag: String?, at location: SourceLocation
  ) -> Scalar? {
    let core = "tag:yaml.org,2002:"
    switch tag {
    case nil:
      guard style == .plain else { return .string(text) }
      // YAML 1.1 readers (kubectl among them) read `0644` as octal 420, YAML 1.2 as 644.
      // render reads it as the text it is; where a schema expects a number, the validators
      // report it with both spellings (`YAML11Reading`).
      if CoreSchema.isLeadingZeroInteger(text) { return .string(text) }
      if let value = CoreSchema.resolvePlain(text) {
        if case .float(let number) = value, number.isInfinite, !CoreSchema.isInfinity(text) {
          errors.append(
            YAMLError(
              "number '\(text)' is too large for a 64-bit float; quote it if it is a string",
              at: location))
          return nil
        }
        return value
      }
      errors.append(
        YAMLError(
          "integer '\(text)' does not fit in 64 bits; quote it if it is a string", at: location))
      return nil
    case "!", core + "str":
      return .string(text)
    case core + "null", core + "bool", core + "int", core + "float":
      switch (tag, CoreSchema.resolvePlain(text)) {
      case (core + "null", .null?): return .null
      case (core + "bool", .bool(let value)?): return .bool(value)
      case (core + "int", .int(let value)?): return .int(value)
      case (core + "float", .float(let value)?) where value.isFinite || CoreSchema.isInfinity(text):
        return .float(value)
      case (core + "float", .int(let value)?): return .float(Double(value))
      default:
        errors.append(
          YAMLError("'\(text)' is not a valid \(Self.shortTag(tag ?? ""))", at: location))
        return nil
      }
    default:
      errors.append(
        YAMLError(
          "unsupported tag '\(Self.shortTag(tag ?? ""))': only the YAML 1.2 core tags are allowed",
          at: location))
      return nil
    }
  }

  private mutating func setPendingKey(_ key: String, at location: SourceLocation) {
    let top = stack.count - 1
    if let first = stack[top].keys.updateValue(location, forKey: MappingKey(key)) {
      stack[top].keys[MappingKey(key)] = first
      errors.append(
        YAMLError(
          "duplicate key '\(key)' (first set at line \(first.line), column \(first.column))",
          at: location))
    }
    stack[top].bytes += key.utf8.count
    expandedBytes += key.utf8.count
    stack[top].pendingKey = (key, location)
  }

  /// Adds a finished node to its parent (or as a document), recording its anchor.
  private mutating func complete(_ node: Node, size: Int, bytes: Int, anchor: String?) {
    if let anchor { anchors[anchor] = (node, size, bytes) }
    attach(node, size: size, bytes: bytes)
  }

  private mutating func attach(_ node: Node, size: Int, bytes: Int) {
    guard !stack.isEmpty else {
      documents.append(node)
      return
    }
    let top = stack.count - 1
    stack[top].size += size
    stack[top].bytes += bytes
    if stack[top].isMapping, let pending = stack[top].pendingKey {
      stack[top].entries.append(
        Node.Entry(key: pending.key, keyLocation: pending.location, value: node))
      stack[top].pendingKey = nil
    } else {
      stack[top].items.append(node)
    }
  }
}
