/// A JSON value for machine-readable reports, written by hand so the output is the same
/// on every platform: objects keep their keys in the order they were built (`version`
/// first, `findings` last) instead of Foundation's hash or sorted order, and the text is
/// pretty-printed with two spaces and ends in a newline.
enum ReportJSON: Sendable {
  case string(String)
  case int(Int)
  case bool(Bool)
  case null
  case array([ReportJSON])
  /// Members in output order; keys are expected to be unique.
  case object([(String, ReportJSON)])

  /// A string, or `null` for `nil`.
  static func string(_ value: String?) -> ReportJSON {
    value.map(ReportJSON.string) ?? .null
  }

  /// The document as text, ending in a newline.
  var text: String {
    var output = ""
    write(to: &output, indent: "")
    output += "\n"
    return output
  }

  private func write(to output: inout String, indent: String) {
    switch self {
    case .string(let string):
      output += JSONString.quoted(string)
    case .int(let number):
      output += String(number)
    case .bool(let flag):
      output += flag ? "true" : "false"
    case .null:
      output += "null"
    case .array(let elements):
      Self.write(elements.map { (nil, $0) }, between: "[", and: "]", to: &output, indent: indent)
    case .object(let members):
      Self.write(members.map { ($0, $1) }, between: "{", and: "}", to: &output, indent: indent)
    }
  }

  /// The elements of an array (no keys) or the members of an object, one a line.
  private static func write(
    _ items: [(key: String?, value: ReportJSON)], between open: String, and close: String,
    to output: inout String, indent: String
  ) {
    guard !items.isEmpty else {
      output += open + close
      return
    }
    let inner = indent + "  "
    output += open + "\n"
    for (index, item) in items.enumerated() {
      output += inner
      if let key = item.key { output += JSONString.quoted(key) + ": " }
      item.value.write(to: &output, indent: inner)
      output += index == items.count - 1 ? "\n" : ",\n"
    }
    output += indent + close
  }
}
