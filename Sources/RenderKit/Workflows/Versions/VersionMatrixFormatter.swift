/// Prints a `VersionMatrix` as a text table, JSON or a Markdown table.
///
/// Table and Markdown mark a cell that differs from the environment it is promoted from
/// with `*` and explain the mark under the table; JSON says
/// `"differsFromPrevious": true`. Digests are shortened to 12 hex digits in the table
/// and Markdown (as `docker` shows image ids) and kept whole in JSON.
public enum VersionMatrixFormatter {
  /// What an absent cell shows: the service is disabled there or has no version.
  public static let absent = "-"

  /// - Parameter colored: highlight pending promotions (the marked cells) in yellow.
  public static func table(_ matrix: VersionMatrix, colored: Bool = false) -> String {
    let header = ["SERVICE"] + matrix.environments
    let rows = matrix.services.map { service in
      [service] + matrix.environments.map { text(matrix.cell(service, $0)) }
    }
    var output = TextTable(rows: [header] + rows).text { row, column, cell in
      guard colored, row > 0, column > 0,
        matrix.cell(matrix.services[row - 1], matrix.environments[column - 1])?
          .differsFromPrevious == true
      else { return cell }
      // Colour the version, not the padding after it.
      let trimmed = cell.reversed().drop { $0 == " " }.reversed()
      return "\u{1B}[1;33m" + String(trimmed) + "\u{1B}[0m"
        + String(repeating: " ", count: cell.count - trimmed.count)
    }
    if let legend = legend(matrix) { output += "\n" + legend + "\n" }
    return output
  }

  public static func markdown(_ matrix: VersionMatrix) -> String {
    var output = "| service | " + matrix.environments.joined(separator: " | ") + " |\n"
    output += "| --- |" + String(repeating: " --- |", count: matrix.environments.count) + "\n"
    for service in matrix.services {
      let cells = matrix.environments.map { environment -> String in
        // `*` alone would start emphasis.
        text(matrix.cell(service, environment)).replacing("*", with: "\\*")
      }
      output += "| \(service) | " + cells.joined(separator: " | ") + " |\n"
    }
    if let legend = legend(matrix) {
      output += "\n" + legend.replacing("*", with: "\\*") + "\n"
    }
    return output
  }

  /// `{"environments": [...], "promotion": [...] | null, "services": [{"name": ...,
  /// "versions": [{"environment", "version", "imageRef", "promotedFrom",
  /// "differsFromPrevious"}]}]}`; an absent cell has `"version": null`.
  public static func json(_ matrix: VersionMatrix) -> String {
    ReportJSON.object([
      ("environments", .array(matrix.environments.map(ReportJSON.string))),
      ("promotion", matrix.promotion.map { .array($0.map(ReportJSON.string)) } ?? .null),
      (
        "services",
        .array(
          matrix.services.map { service in
            .object([
              ("name", .string(service)),
              (
                "versions",
                .array(
                  matrix.environments.map { environment in
                    let cell = matrix.cell(service, environment)
                    return .object([
                      ("environment", .string(environment)),
                      ("version", .string(cell?.version)),
                      ("imageRef", .string(cell?.imageRef)),
                      ("promotedFrom", .string(cell?.promotedFrom)),
                      ("differsFromPrevious", .bool(cell?.differsFromPrevious ?? false)),
                    ])
                  })
              ),
            ])
          })
      ),
    ]).text
  }

  /// The version as a table shows it, marked when it differs from its predecessor.
  static func text(_ cell: VersionMatrix.Cell?) -> String {
    guard let cell else { return absent }
    var version = cell.version
    if version.hasPrefix("sha256:"), version.count > 19 { version = String(version.prefix(19)) }
    return cell.differsFromPrevious ? version + "*" : version
  }

  static func legend(_ matrix: VersionMatrix) -> String? {
    guard let promotion = matrix.promotion, matrix.hasDifferences else { return nil }
    return
      "* differs from the environment it is promoted from (promotion: \(promotion.joined(separator: " -> ")))"
  }
}
