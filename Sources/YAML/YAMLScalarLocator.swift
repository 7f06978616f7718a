import CYAML

/// Finds, through libyaml's events, the byte spans of the nodes along a path of mapping
/// keys: the root, `root[path[0]]`, `root[path[0]][path[1]]`, and so on.
///
/// The tree parser keeps line and column only; comment-preserving edits need the exact
/// bytes a value occupies, which only the events' start and end marks give. The walk
/// uses an explicit stack, so nesting depth costs heap, not thread stack.
struct YAMLScalarLocator {
  /// What the walk found.
  struct Result {
    /// `nodes[d]` is the node at depth `d` of the path (`nodes[0]` the root), or `nil`
    /// when the path stops before it. Has `path.count + 1` entries.
    var nodes: [YAMLNodeSpan?]
    /// How many documents the stream holds.
    var documentCount: Int
  }

  /// A collection being walked.
  private struct Frame {
    var isMapping: Bool
    var isFlow: Bool
    var inFlow: Bool
    /// The path depth of this collection, when it lies on the path.
    var depth: Int?
    var expectsKey: Bool
    /// The pending key when it is the next step of the path.
    var matchedKey: YAMLNodeSpan.Key?
    var contentEnd: Int
    var entryColumn: Int?
    var entryCount = 0
  }

  let path: [String]
  let fileID: UInt32

  /// Walks `text`; throws on a syntax error or a non-scalar key.
  func locate(in text: String) throws(YAMLEditError) -> Result {
    var walk = Walk(path: path, fileID: fileID, offsets: YAMLByteOffsets(text))
    var refusal: YAMLEditError?
    let end = YAMLEventReader.read(text, fileID: fileID) { event in
      do throws(YAMLEditError) {
        try walk.handle(event)
        return true
      } catch {
        refusal = error
        return false
      }
    }
    if case .failed(let error) = end { throw error }
    if let refusal { throw refusal }
    return Result(nodes: walk.nodes, documentCount: walk.documentCount)
  }

  /// The state of one walk over the events.
  private struct Walk {
    let path: [String]
    let fileID: UInt32
    let offsets: YAMLByteOffsets
    var nodes: [YAMLNodeSpan?]
    var documentCount = 0
    private var stack: [Frame] = []

    init(path: [String], fileID: UInt32, offsets: YAMLByteOffsets) {
      self.path = path
      self.fileID = fileID
      self.offsets = offsets
      self.nodes = Array(repeating: nil, count: path.count + 1)
    }

    private func bytes(_ mark: yaml_mark_t) -> Int {
      offsets.byteOffset(ofCharacter: Int(mark.index))
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
      SourceLocation(fileID: fileID, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// The path depth of a value about to be attached to the top frame, and the key that
    /// leads to it.
    private var childPosition: (depth: Int, key: YAMLNodeSpan.Key?)? {
      guard let top = stack.last else { return documentCount == 1 ? (0, nil) : nil }
      guard top.isMapping, let depth = top.depth, let key = top.matchedKey else { return nil }
      return (depth + 1, key)
    }

    private var childInFlow: Bool { stack.last?.inFlow ?? false }

    mutating func handle(_ event: yaml_event_t) throws(YAMLEditError) {
      let start = bytes(event.start_mark)
      let end = bytes(event.end_mark)
      switch event.type {
      case YAML_DOCUMENT_START_EVENT:
        documentCount += 1
      case YAML_SCALAR_EVENT:
        let data = event.data.scalar
        let value: String
        if let pointer = data.value {
          value = String(
            decoding: UnsafeBufferPointer(start: pointer, count: data.length), as: UTF8.self)
        } else {
          value = ""
        }
        if let top = stack.indices.last, stack[top].expectsKey {
          stack[top].expectsKey = false
          stack[top].contentEnd = end
          stack[top].entryCount += 1
          stack[top].entryColumn = Int(event.start_mark.column)
          let key = YAMLNodeSpan.Key(start: start, end: end, column: Int(event.start_mark.column))
          if let depth = stack[top].depth, depth < path.count, path[depth] == value {
            stack[top].matchedKey = key
          } else {
            stack[top].matchedKey = nil
          }
          return
        }
        let style = YAMLEventReader.style(data.style)
        let kind = YAMLNodeSpan.Kind.scalar(
          value: value, style: style, hasProperties: data.anchor != nil || data.tag != nil)
        record(YAMLNodeSpan(kind: kind, start: start, end: end, inFlow: childInFlow))
        attachValue(end: end)
      case YAML_ALIAS_EVENT:
        if stack.last?.expectsKey == true {
          throw YAMLEditError("an alias cannot be a mapping key", at: location(event.start_mark))
        }
        record(YAMLNodeSpan(kind: .alias, start: start, end: end, inFlow: childInFlow))
        attachValue(end: end)
      case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
        if stack.last?.expectsKey == true {
          throw YAMLEditError("mapping keys must be scalars", at: location(event.start_mark))
        }
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let isFlow =
          isMapping
          ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
          : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
        let position = childPosition
        if let position {
          let kind: YAMLNodeSpan.Kind = isMapping ? .mapping(isFlow: isFlow) : .sequence
          nodes[position.depth] = YAMLNodeSpan(
            kind: kind, start: start, end: start, inFlow: childInFlow, key: position.key)
        }
        stack.append(
          Frame(
            isMapping: isMapping, isFlow: isFlow, inFlow: isFlow || childInFlow,
            depth: position?.depth, expectsKey: isMapping, matchedKey: nil,
            contentEnd: isFlow ? start + 1 : start))
      case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
        guard let frame = stack.popLast() else { return }
        let finalEnd = frame.isFlow ? end : frame.contentEnd
        if let depth = frame.depth, var span = nodes[depth] {
          span.end = finalEnd
          span.contentEnd = frame.contentEnd
          span.entryColumn = frame.entryColumn
          span.entryCount = frame.entryCount
          nodes[depth] = span
        }
        attachValue(end: finalEnd)
      default:
        break
      }
    }

    /// Records a scalar or alias when it lies on the path (first occurrence wins).
    private mutating func record(_ span: YAMLNodeSpan) {
      guard let position = childPosition, nodes[position.depth] == nil else { return }
      var span = span
      span.key = position.key
      nodes[position.depth] = span
    }

    /// A value completed inside the top frame.
    private mutating func attachValue(end: Int) {
      guard let top = stack.indices.last else { return }
      stack[top].contentEnd = max(stack[top].contentEnd, end)
      if stack[top].isMapping {
        stack[top].expectsKey = true
        stack[top].matchedKey = nil
      }
    }
  }
}
