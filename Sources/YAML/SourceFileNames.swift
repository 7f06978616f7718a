import Synchronization

/// The interned file names of `SourceLocation`s: each distinct path gets a number once
/// per process. A repository has thousands of files and millions of located nodes.
public enum SourceFileNames {
  /// The id of the empty name (locations render made up).
  public static let empty: UInt32 = 0

  private struct Table {
    var names: [String] = [""]
    var ids: [String: UInt32] = ["": 0]
  }

  private static let table = Mutex(Table())

  /// The id of `name`, assigning the next one the first time a name is seen.
  public static func id(of name: String) -> UInt32 {
    table.withLock { table in
      if let id = table.ids[name] { return id }
      let id = UInt32(table.names.count)
      table.names.append(name)
      table.ids[name] = id
      return id
    }
  }

  public static func name(of id: UInt32) -> String {
    table.withLock { table in
      Int(id) < table.names.count ? table.names[Int(id)] : ""
    }
  }
}
