import YAML

/// Encodes a `CachedCompilation` as `CompilationCache` stores it: little-endian 64-bit
/// counts and length-prefixed bytes, read back by `CacheEntryReader`.
struct CacheEntryWriter {
  var bytes: [UInt8] = []

  mutating func integer(_ value: Int) {
    var value = UInt64(bitPattern: Int64(value))
    for _ in 0..<8 {
      bytes.append(UInt8(truncatingIfNeeded: value))
      value >>= 8
    }
  }

  mutating func string(_ text: String) {
    integer(text.utf8.count)
    bytes += text.utf8
  }

  mutating func strings(_ texts: [String]) {
    integer(texts.count)
    for text in texts { string(text) }
  }

  mutating func location(_ location: SourceLocation) {
    string(location.file)
    integer(location.line)
    integer(location.column)
  }

  mutating func compilation(_ compilation: CachedCompilation) {
    let tree = compilation.tree
    string(tree.folder)
    strings(tree.ownedPrefixes)
    strings(tree.foreignPrefixes)
    integer(tree.files.count)
    for file in tree.files {
      string(file.path)
      integer(file.contents.count)
      bytes += file.contents
    }
    integer(compilation.diagnostics.count)
    for diagnostic in compilation.diagnostics {
      string(diagnostic.severity.rawValue)
      string(diagnostic.rule.rawValue)
      string(diagnostic.message)
      location(diagnostic.location)
      integer(diagnostic.related.count)
      for related in diagnostic.related {
        string(related.message)
        integer(related.location == nil ? 0 : 1)
        if let place = related.location { location(place) }
      }
      integer(diagnostic.help == nil ? 0 : 1)
      if let help = diagnostic.help { string(help) }
    }
    let counts = compilation.resourceCounts.sorted { $0.key < $1.key }
    integer(counts.count)
    for (environment, count) in counts {
      string(environment)
      integer(count)
    }
  }
}
