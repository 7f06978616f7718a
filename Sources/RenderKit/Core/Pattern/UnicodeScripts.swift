/// Unicode scripts for `\p{Greek}`, `\p{Han}`: the generated `UnicodeScriptTable`, read
/// into ranges the first time a pattern names a script.
enum UnicodeScripts {
  private static let table: [String: [ClosedRange<UInt32>]] = {
    var table: [String: [ClosedRange<UInt32>]] = [:]
    for entry in UnicodeScriptTable.ranges.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
      let parts = entry.split(separator: ":")
      guard parts.count == 2 else { continue }
      let name = parts[0].trimmingPrefix(while: { $0 == " " })
      table[String(name)] = parts[1].split(separator: ",").compactMap { range in
        let bounds = range.split(separator: "-")
        guard bounds.count == 2, let low = UInt32(bounds[0], radix: 16),
          let high = UInt32(bounds[1], radix: 16), low <= high
        else { return nil }
        return low...high
      }
    }
    return table
  }()

  /// The ranges of the script with this name (`Greek`, `Old_Italic`), as Go spells it.
  static func ranges(named name: String) -> [ClosedRange<UInt32>]? {
    table[name]
  }
}
