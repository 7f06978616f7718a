import Foundation
import TestSupport
import Testing

@testable import YAML

/// Emit-then-parse round trips for `YAMLEmitter`: every value comes back as the same
/// value from render's YAML 1.2 reader, the emitted text is a fixed point, and no plain
/// scalar in it means something else to a YAML 1.1 reader (kubectl's, PyYAML), which is
/// what SPEC section 5 promises about quoting.
///
/// `RENDER_EMITTER_CORPUS=<folder>` also writes the emitted text and its JSON form there,
/// for `Scripts/check-emitter-yaml11.py` to read back with PyYAML.
@Suite struct YAMLEmitterRoundTripTests {
  /// Strings chosen to need quoting in one YAML version or the other, or to look as if
  /// they might: YAML 1.1 booleans, nulls, numbers in every base and notation, sexagesimal
  /// numbers, timestamps, indicators, and whitespace and line breaks at the edges.
  static let strings: [String] = [
    "", " ", "  leading", "trailing ", "a b", "plain",
    "y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
    "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    "~", "null", "Null", "NULL",
    "0", "-0", "+0", "1", "+1", "-1", "00", "07", "0777", "0o17", "0x1F", "0X1f", "0b101",
    "1_000", "1,000", "1.", ".5", "1.5", "-1.5", "+1.5", "1e3", "1E3", "1e+3", "1.0e-3",
    "1.5e3", ".inf", ".Inf", "-.inf", "+.inf", ".nan", ".NaN", "inf", "nan",
    "1:30", "-1:30", "190:20:30", "1:30.5", "12:00",
    "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
    "=", "<<", "-", "--", "---", "...", "?", ":", "::", "a:b", "a: b", "a:", "a #b", "#b",
    "- a", "? a", "[a]", "{a: b}", "a, b", "!tag", "&anchor", "*alias", "|", ">", "@at",
    "`tick", "%percent", "'single'", "\"double\"", "it's", "say \"hi\"", "back\\slash",
    "tab\there", "\ttab", "line\nbreak", "two\n\nbreaks", "trailing\n", "\nleading",
    "carriage\rreturn", "nul\u{0}byte", "bell\u{7}", "del\u{7F}", "next\u{85}line",
    "line\u{2028}separator", "bom\u{FEFF}", "é", "日本語", "emoji 🙂",
    "ghcr.io/acme/checkout:1.4.2", "sha256:0123456789abcdef", "app.kubernetes.io/name",
    "--port=8080", "*.example.com", "10.0.0.0/8", "100m", "1Gi", "0.5", "8080",
  ]

  static let scalars: [Scalar] =
    strings.map(Scalar.string) + [
      .null, .bool(true), .bool(false), .int(0), .int(-1), .int(Int.max), .int(Int.min),
      .float(0.5), .float(-2.5e-10), .float(1e300), .float(1e16), .float(0.00001),
      .float(-1e-7), .float(.infinity), .float(-.infinity), .float(.nan),
    ]

  /// Every scalar as a value, as a key, and inside a flow-looking list, in one document.
  static var document: Node {
    let at = SourceLocation.generated
    var entries: [Node.Entry] = []
    for (index, scalar) in scalars.enumerated() {
      let value = Node(.scalar(scalar, .plain), at: at)
      entries.append(Node.Entry(key: "value-\(index)", keyLocation: at, value: value))
      if case .string(let text) = scalar, !text.isEmpty {
        entries.append(
          Node.Entry(
            key: "map-\(index)", keyLocation: at,
            value: Node(.mapping([Node.Entry(key: text, keyLocation: at, value: value)]), at: at)))
      }
    }
    let list = Node(.sequence(scalars.map { Node(.scalar($0, .plain), at: at) }), at: at)
    entries.append(Node.Entry(key: "list", keyLocation: at, value: list))
    return Node(.mapping(entries), at: at)
  }

  @Test func everyValueReadsBackTheSame() throws {
    let emitted = YAMLEmitter.emit(Self.document)
    let parsed = try #require(
      try YAMLParser.parse(emitted, file: "emitted.yaml", fileNames: testFiles).first)
    for (original, read) in zip(Self.document.mapping ?? [], parsed.mapping ?? []) {
      #expect(original.key == read.key)
      #expect(
        Self.same(original.value, read.value),
        "\(original.key): \(YAMLEmitter.emit(original.value)) came back as \(YAMLEmitter.emit(read.value))"
      )
    }
    #expect(parsed.mapping?.count == Self.document.mapping?.count)
  }

  @Test func emittedTextIsAFixedPoint() throws {
    let emitted = YAMLEmitter.emit(Self.document)
    let parsed = try YAMLParser.parse(emitted, file: "emitted.yaml", fileNames: testFiles)
    #expect(YAMLEmitter.emit(documents: parsed) == emitted)
  }

  /// A plain scalar in the output is one a YAML 1.1 reader reads as render does.
  @Test func noPlainScalarMeansSomethingElseToYAML11() throws {
    let emitted = YAMLEmitter.emit(Self.document)
    let parsed = try #require(
      try YAMLParser.parse(emitted, file: "emitted.yaml", fileNames: testFiles).first)
    var plainStrings = 0
    func check(_ text: String, style: ScalarStyle, at location: YAML.SourceLocation) {
      guard style == .plain else { return }
      plainStrings += 1
      let reading = YAML11Reading.of(plain: text)
      #expect(reading == nil, "line \(location.line): '\(text)' is \(reading?.message ?? "")")
    }
    // YAML 1.1's float: a dot is required, and a sign in the exponent.
    let yaml11Float = try Regex(#"^[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?$"#)
    func walk(_ node: Node) {
      switch node.content {
      case .scalar(.string(let text), let style): check(text, style: style, at: node.location)
      case .scalar(.float(let value), _) where value.isFinite:
        let text = Scalar.canonicalText(of: value)
        #expect(text.wholeMatch(of: yaml11Float) != nil, "\(text) is no float to YAML 1.1")
      case .scalar: break
      case .sequence(let items): items.forEach(walk)
      case .mapping(let entries):
        for entry in entries {
          // Keys are emitted plain unless they need quotes; the parser keeps no key
          // style, so a key is checked as text written plain when the emitter leaves it so.
          if YAMLEmitter.key(entry.key) == entry.key {
            check(entry.key, style: .plain, at: entry.keyLocation)
          }
          walk(entry.value)
        }
      }
    }
    walk(parsed)
    #expect(plainStrings > Self.strings.count / 2)
  }

  /// Writes the corpus for the PyYAML check when `RENDER_EMITTER_CORPUS` names a folder.
  @Test func writesTheCorpusWhenAsked() throws {
    guard let folder = ProcessInfo.processInfo.environment["RENDER_EMITTER_CORPUS"] else {
      return
    }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try YAMLEmitter.emit(Self.document).write(
      toFile: folder + "/emitted.yaml", atomically: true, encoding: .utf8)
    let json = try JSONSerialization.data(
      withJSONObject: Self.jsonObject(Self.document), options: [.fragmentsAllowed])
    try json.write(to: URL(fileURLWithPath: folder + "/expected.json"))
  }

  /// Same value and type; NaN equals NaN.
  static func same(_ a: Node, _ b: Node) -> Bool {
    switch (a.content, b.content) {
    case (.scalar(.float(let x), _), .scalar(.float(let y), _)) where x.isNaN || y.isNaN:
      return x.isNaN && y.isNaN
    case (.scalar(let x, _), .scalar(let y, _)):
      return x == y
    case (.sequence(let x), .sequence(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
    case (.mapping(let x), .mapping(let y)):
      return x.count == y.count
        && zip(x, y).allSatisfy { $0.key == $1.key && same($0.value, $1.value) }
    default:
      return false
    }
  }

  /// The node as JSON: floats that JSON cannot hold become strings the script knows.
  static func jsonObject(_ node: Node) -> Any {
    switch node.content {
    case .scalar(.null, _): return NSNull()
    case .scalar(.bool(let value), _): return value
    case .scalar(.int(let value), _): return value
    case .scalar(.float(let value), _):
      return value.isFinite ? value : ["float": Scalar.canonicalText(of: value)]
    case .scalar(.string(let value), _): return value
    case .sequence(let items): return items.map(jsonObject)
    case .mapping(let entries):
      // A list of pairs keeps the order and survives keys JSON objects would merge.
      return entries.map { [$0.key, jsonObject($0.value)] as [Any] }
    }
  }
}
