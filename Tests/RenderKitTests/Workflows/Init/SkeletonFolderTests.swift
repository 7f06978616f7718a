import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// The skeleton `render init` writes is the folder `Workflows/Init/Skeleton/`; the
/// binary carries it as `SkeletonFiles.swift`, generated from the folder. These tests keep
/// the two equal (`RECORD_SNAPSHOTS=1 swift test --filter SkeletonFolder` regenerates the
/// Swift file) and check what init writes as a golden tree.
@Suite struct SkeletonFolderTests {
  static let folder = "Sources/RenderKit/Workflows/Init/Skeleton"
  static let generated = "Sources/RenderKit/Workflows/Init/SkeletonFiles.swift"

  /// Every file below the folder, dotfiles included, by path relative to it, sorted.
  static func folderFiles() throws -> [(path: String, contents: String)] {
    let root = PackageRoot.path + "/" + folder
    let enumerator = try #require(FileManager.default.enumerator(atPath: root))
    var files: [(String, String)] = []
    for case let path as String in enumerator {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder),
        !isFolder.boolValue
      else { continue }
      let data = try #require(FileManager.default.contents(atPath: root + "/" + path))
      files.append((path, String(decoding: data, as: UTF8.self)))
    }
    return files.sorted { $0.0 < $1.0 }
  }

  /// The Swift source that embeds `files`.
  static func source(of files: [(path: String, contents: String)]) -> String {
    var text = """
      // Generated from Skeleton/ by SkeletonFolderTests; do not edit. Change the files in
      // Skeleton/, then: RECORD_SNAPSHOTS=1 swift test --filter SkeletonFolder

      /// The files of `Skeleton/`, the folder `render init` copies, embedded so the static
      /// binary needs no resource files. The folder is the source of truth.
      enum SkeletonFiles {
        /// Path relative to the new repository's root, and contents; sorted by path.
        static let all: [(path: String, contents: String)] = [

      """
    for (index, _) in files.enumerated() {
      text += "    (\(quoted(files[index].path)), file\(index)),\n"
    }
    text += "  ]\n"
    for (index, file) in files.enumerated() {
      var hashes = "#"
      while file.contents.contains("\"\"\"" + hashes) || file.contents.contains("\\" + hashes) {
        hashes += "#"
      }
      text += "\n  /// `\(file.path)`\n  private static let file\(index) = \(hashes)\"\"\"\n"
      for line in file.contents.split(separator: "\n", omittingEmptySubsequences: false) {
        text += line.isEmpty ? "\n" : "    \(line)\n"
      }
      text += "    \"\"\"\(hashes)\n"
    }
    return text + "}\n"
  }

  static func quoted(_ text: String) -> String {
    "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\"") + "\""
  }

  @Test func embeddedCopyEqualsTheFolder() throws {
    try GoldenFile.expect(Self.source(of: try Self.folderFiles()), matches: Self.generated)
    let embedded = SkeletonFiles.all.map { "\($0.path)\n\($0.contents)" }
    #expect(embedded == (try Self.folderFiles()).map { "\($0.path)\n\($0.contents)" })
  }

  /// What init writes: the folder's files with render's version filled in, plus the
  /// editor schemas of `editor-schemas/`; nothing else.
  @Test func initWritesTheFolderAndTheEditorSchemas() throws {
    var expected = try Self.folderFiles().map {
      "\($0.path)\n" + $0.contents.replacing("@RENDER_VERSION@", with: RenderVersion.current)
    }
    expected += ProjectSkeleton.editorSchemas.map { "editor-schemas/\($0.name)\n\($0.contents)" }
    #expect(
      ProjectSkeleton.files.map { "\($0.path)\n\($0.contents)" } == expected.sorted())
  }
}
