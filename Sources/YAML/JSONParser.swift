/// A fast parser for JSON documents into `Node`s, for large machine-written JSON such as
/// the bundled Kubernetes schemas: JSON is YAML, but going through libyaml's events
/// costs several times more than reading JSON's simpler grammar directly.
///
/// Strict RFC 8259: one value, no trailing commas, no comments. Numbers type like the
/// YAML core schema (`8080` is an integer, `0.5` a float). Locations are 1-based; columns
/// count bytes, which equals characters for the ASCII text it is meant for.
public struct JSONParser {
  private let bytes: [UInt8]
  private let fileID: UInt32
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private let maxDepth: Int

  private init(_ text: String, fileID: UInt32, maxDepth: Int) {
    self.bytes = Array(text.utf8)
    self.fileID = fileID
    self.maxDepth = maxDepth
  }

  /// Parses `text` as one JSON value; `file` is the path recorded in every location,
  /// numbered in `fileNames`.
  public static func parse(
    _ text: String, file: String, fileNames: SourceFileNames, maxDepth: Int = 200
  ) throws(YAMLParseFailure) -> Node {
    var parser = JSONParser(text, fileID: fileNames.id(of: file), maxDepth: maxDepth)
    do throws(YAMLError) {
      parser.skipWhitespace()
      let value = try parser.value(depth: 0)
      parser.skipWhitespace()
      guard parser.index == parser.bytes.count else {
        throw parser.error("unexpected text after the JSON value")
      }
      return value
    } catch {
      throw YAMLParseFailure(errors: [error])
    }
  }

  private var location: SourceLocation {
    SourceLocation(fileID: fileID, line: line, column: index - lineStart + 1)
  }

  private func error(_ message: String) -> YAMLError {
    YAMLError(message, at: location)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        index += 1
      case UInt8(ascii: "\n"):
        index += 1
        line += 1
        lineStart = index
      default:
        return
      }
    }
  }

  /// Steps over the opening bracket at `index` and the whitespace after it; when
  /// `closing` comes next (`{}`, `[ ]`), over it too, and says the container is empty.
  private mutating func openIsEmpty(closedBy closing: UInt8) -> Bool {
    index += 1
    skipWhitespace()
    guard index < bytes.count, bytes[index] == closing else { return false }
    index += 1
    return true
  }

  private mutating func value(depth: Int) throws(YAMLError) -> Node {
    guard depth < maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
    guard index < bytes.count else { throw error("unexpected end of JSON") }
    let start = location
    switch bytes[index] {
    case UInt8(ascii: "{"):
      var entries: [Node.Entry] = []
      var keys: Set<MappingKey> = []
      if openIsEmpty(closedBy: UInt8(ascii: "}")) { return Node(.mapping(entries), at: start) }
      while true {
        skipWhitespace()
        let keyLocation = location
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
          throw error("expected a string key")
        }
        let key = try string()
        guard keys.insert(MappingKey(key)).inserted else {
          throw YAMLError("duplicate key '\(key)'", at: keyLocation)
        }
        skipWhitespace()
        try expect(UInt8(ascii: ":"))
        skipWhitespace()
        let item = try value(depth: depth + 1)
        entries.append(Node.Entry(key: key, keyLocation: keyLocation, value: item))
        skipWhitespace()
        if try endOfContainer(UInt8(ascii: "}")) { return Node(.mapping(entries), at: start) }
      }
    case UInt8(ascii: "["):
      var items: [Node] = []
      if openIsEmpty(closedBy: UInt8(ascii: "]")) { return Node(.sequence(items), at: start) }
      while true {
        skipWhitespace()
        items.append(try value(depth: depth + 1))
        skipWhitespace()
        if try endOfContainer(UInt8(ascii: "]")) { return Node(.sequence(items), at: start) }
      }
    case UInt8(ascii: "\""):
      return Node(.scalar(.string(try string()), .doubleQuoted), at: start)
    case UInt8(ascii: "t"):
      try literal("true")
      return Node(.scalar(.bool(true), .plain), at: start)
    case UInt8(ascii: "f"):
      try literal("false")
      return Node(.scalar(.bool(false), .plain), at: start)
    case UInt8(ascii: "n"):
      try literal("null")
      return Node(.scalar(.null, .plain), at: start)
    default:
      return Node(.scalar(try number(), .plain), at: start)
    }
  }

  /// After an item: `,` continues (false), the closing bracket ends (true).
  private mutating func endOfContainer(_ close: UInt8) throws(YAMLError) -> Bool {
    guard index < bytes.count else { throw error("unexpected end of JSON") }
    if bytes[index] == UInt8(ascii: ",") {
      index += 1
      return false
    }
    if bytes[index] == close {
      index += 1
      return true
    }
    throw error("expected ',' or '\(Character(Unicode.Scalar(close)))'")
  }

  private mutating func expect(_ byte: UInt8) throws(YAMLError) {
    guard index < bytes.count, bytes[index] == byte else {
      throw error("expected '\(Character(Unicode.Scalar(byte)))'")
    }
    index += 1
  }

  private mutating func literal(_ word: String) throws(YAMLError) {
    for expected in word.utf8 {
      guard index < bytes.count, bytes[index] == expected else {
        throw error("expected '\(word)'")
      }
      index += 1
    }
  }

  private mutating func number() throws(YAMLError) -> Scalar {
    let start = index
    while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard !text.isEmpty, let scalar = CoreSchema.resolvePlain(text) else {
      index = start
      throw error("expected a JSON value")
    }
    switch scalar {
    case .float(let value) where value.isInfinite:
      index = start
      throw error("number '\(text)' is too large for a 64-bit float")
    case .int, .float: return scalar
    default:
      index = start
      throw error("'\(text)' is not a JSON number")
    }
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
      || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
      || byte == UInt8(ascii: "E")
  }

  private mutating func string() throws(YAMLError) -> String {
    index += 1  // the opening quote
    // Most strings have no escapes: take them as one slice.
    var end = index
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"),
      bytes[end] >= 0x20
    {
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      let text = String(decoding: bytes[index..<end], as: UTF8.self)
      index = end + 1
      return text
    }
    var result: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: result, as: UTF8.self)
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { break }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escape)
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "f"): result.append(0x0C)
        case UInt8(ascii: "n"): result.append(0x0A)
        case UInt8(ascii: "r"): result.append(0x0D)
        case UInt8(ascii: "t"): result.append(0x09)
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800...0xDBFF).contains(code) {
            try literal("\\u")
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
          result.append(contentsOf: String(Character(scalar)).utf8)
        default:
          throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
        }
      case 0x00..<0x20:
        throw error("control character in a string")
      default:
        result.append(byte)
        index += 1
      }
    }
    throw error("unterminated string")
  }

  private mutating func hex4() throws(YAMLError) -> UInt32 {
    guard index + 4 <= bytes.count,
      let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { throw error("expected four hex digits") }
    index += 4
    return value
  }
}
