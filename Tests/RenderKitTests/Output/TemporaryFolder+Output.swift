import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// What the output tests ask of a folder beyond what TestSupport gives.
extension TemporaryFolder {
  func type(_ relative: String) -> FileSystem.EntryType? {
    FileSystem.entryType(path + "/" + relative)
  }

  /// Every path below `relative`, sorted, without following links.
  func listing(_ relative: String) throws -> [String] {
    try ExistingTree.scan(path + "/" + relative).entries.keys.sorted()
  }

  func inode(_ relative: String) throws -> UInt64 {
    let attributes = try FileManager.default.attributesOfItem(atPath: path + "/" + relative)
    return try #require((attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
  }

  func modificationDate(_ relative: String) throws -> Date {
    let attributes = try FileManager.default.attributesOfItem(atPath: path + "/" + relative)
    return try #require(attributes[.modificationDate] as? Date)
  }

  func setModificationDate(_ relative: String, _ date: Date) throws {
    try FileManager.default.setAttributes(
      [.modificationDate: date], ofItemAtPath: path + "/" + relative)
  }
}
