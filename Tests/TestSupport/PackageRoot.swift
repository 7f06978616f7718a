import Foundation

/// Where the package's files are, found from this file's own path so that tests keep
/// finding them when test files move between folders.
public enum PackageRoot {
  /// The package root: the folder that holds Package.swift.
  public static let path = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent().path

  /// `Tests/Fixtures/<relative>`.
  public static func fixture(_ relative: String) -> String {
    path + "/Tests/Fixtures/" + relative
  }

  /// The text of `Tests/Fixtures/<relative>`.
  public static func fixtureText(_ relative: String) throws -> String {
    let file = fixture(relative)
    guard let data = FileManager.default.contents(atPath: file) else {
      throw TestFailure("cannot read \(file)")
    }
    return String(decoding: data, as: UTF8.self)
  }
}
