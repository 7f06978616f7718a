/// A position in a source file: 1-based line and column, the column counted in
/// characters (Unicode scalars), as editors show it.
///
/// The file is a path relative to the repository root, so messages stay short and
/// identical on every machine. Every node of every tree carries a location, so the path
/// is stored as a number in the load's `SourceFileNames`: copying a location then costs
/// no reference counting. Turning a location into text needs that table
/// (`SourceFileNames.describe`).
public struct SourceLocation: Hashable, Sendable {
  /// The file's number in its `SourceFileNames`; equal paths have equal ids.
  public let fileID: UInt32
  public var line: Int
  public var column: Int

  /// For parsers that number their file's path once and make many locations.
  public init(fileID: UInt32, line: Int, column: Int) {
    self.fileID = fileID
    self.line = line
    self.column = column
  }

  /// A value render made up itself (a label it adds, for example), which no input set.
  public static let generated = SourceLocation(fileID: SourceFileNames.empty, line: 0, column: 0)

  /// Whether the location points into a real file.
  public var isKnown: Bool { fileID != SourceFileNames.empty && line > 0 }

  /// Source order: by path, then line and column.
  public func precedes(_ other: SourceLocation, in fileNames: SourceFileNames) -> Bool {
    if fileID != other.fileID {
      return fileNames.path(of: fileID) < fileNames.path(of: other.fileID)
    }
    return (line, column) < (other.line, other.column)
  }
}

extension DefaultStringInterpolation {
  /// A location has no text of its own: its path is in the load's `SourceFileNames`.
  /// Interpolating one is a deprecation warning (and the build allows none) instead of a
  /// silent struct dump in a message; write `fileNames.describe(location)`.
  @available(*, deprecated, message: "a location's path is in its SourceFileNames: describe(_:)")
  public mutating func appendInterpolation(_ location: SourceLocation) {
    appendLiteral("#\(location.fileID):\(location.line):\(location.column)")
  }
}
