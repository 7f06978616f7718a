/// Columns of text aligned with spaces, as `history`, `versions` and `diff` print them:
/// two spaces between columns, the last column not padded, no spaces at line ends.
struct TextTable {
  enum Alignment {
    case left
    case right
  }

  /// The rows, the header first; every row has the same number of cells.
  var rows: [[String]]
  /// Per column; columns not listed align left.
  var alignments: [Int: Alignment] = [:]

  /// The table, one line per row, each starting with `indent`. `decorate` sees each
  /// cell after padding (row and column indexes, the header being row 0), to colour it
  /// without the escape codes counting towards the widths.
  func text(
    indent: String = "", decorate: (_ row: Int, _ column: Int, _ cell: String) -> String = { $2 }
  ) -> String {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in
      rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    var output = ""
    for (rowIndex, row) in rows.enumerated() {
      var cells: [String] = []
      for (column, cell) in row.enumerated() {
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        let padded: String =
          switch alignments[column] ?? .left {
          case .right: padding + cell
          case .left: column == row.count - 1 ? cell : cell + padding
          }
        cells.append(decorate(rowIndex, column, padded))
      }
      var line = indent + cells.joined(separator: "  ")
      while line.last == " " { line.removeLast() }
      output += line + "\n"
    }
    return output
  }
}
