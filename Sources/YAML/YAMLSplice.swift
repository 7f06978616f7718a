/// One planned change to YAML text: replace `start..<end` with `prefix + value + suffix`,
/// where `value` is the scalar written in `style` (or a fallback quoting).
struct YAMLSplice: Sendable {
  var start: Int
  var end: Int
  var prefix = ""
  var suffix = ""
  /// The style the value is written in first: the replaced scalar's, or plain for a new
  /// entry.
  var style: ScalarStyle
  /// Whether the value lands inside a flow collection.
  var inFlow: Bool
  var change: YAMLTextEdit.Change

  /// The edited bytes for one written form of the value, and the offset of the value.
  func apply(_ value: String, to bytes: [UInt8]) -> (bytes: [UInt8], valueOffset: Int) {
    var edited = Array(bytes[..<start])
    edited += Array(prefix.utf8)
    let valueOffset = edited.count
    edited += Array(value.utf8)
    edited += Array(suffix.utf8)
    edited += bytes[end...]
    return (edited, valueOffset)
  }
}
