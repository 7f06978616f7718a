import YAML

/// Encodes a `CachedCompilation` as `CompilationCache` stores it: little-endian 64-bit
/// counts and length-prefixed bytes, read back by `CacheEntryReader`. Locations are
/// stored with their paths (looked up in `fileNames`), never their run-local ids.
struct CacheEntryWriter {
  let fileNames: SourceFileNames
  var bytes: [UInt8] = []

  init(fileNames: SourceFileNames) {
    self.fileNames = fileNames
  }

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
    string(fileNames.path(of: location.fileID))
    integer(location.line)
    integer(location.column)
  }

  mutating func compilation(_ compilation: CachedCompilation) {
    let tree = compilation.tree
    reserve(for: tree.files)
    string(tree.folder)
    strings(tree.ownedPrefixes)
    strings(tree.foreignPrefixes)
    files(tree.files)
    diagnostics(compilation.diagnostics)
    sortedByKey(compilation.resourceCounts) { writer, count in writer.integer(count) }
  }

  /// A whole-platform entry's frame, ahead of its compilation: `0`, or `1` and the frame.
  mutating func frame(_ frame: CompilationFrame?) {
    guard let frame else { return integer(0) }
    integer(1)
    string(frame.key)
    sortedByKey(frame.services) { writer, digest in writer.string(digest) }
    sortedByKey(frame.environments) { writer, digest in writer.string(digest) }
    sortedByKey(frame.environmentFiles) { writer, text in writer.string(text) }
    sortedByKey(frame.selectorKeys) { writer, keys in writer.strings(keys) }
  }

  mutating func environment(_ environment: CompiledEnvironment) {
    reserve(for: environment.files)
    string(environment.name)
    diagnostics(environment.resolveDiagnostics)
    sortedByKey(environment.versions) { writer, reference in
      writer.string(reference.value)
      writer.location(reference.location)
    }
    files(environment.files)
    diagnostics(environment.diagnostics)
    diagnostics(environment.placementDiagnostics)
    integer(environment.resourceCount)
    integer(environment.outline.services.count)
    for service in environment.outline.services {
      string(service.name)
      integer(service.namespace == nil ? 0 : 1)
      if let namespace = service.namespace {
        string(namespace.value)
        location(namespace.location)
      }
    }
    integer(environment.outline.hasOwnResources ? 1 : 0)
    strings(environment.outline.createdNamespaces)
    integer(environment.selectorKeys == nil ? 0 : 1)
    if let keys = environment.selectorKeys { strings(keys) }
  }

  /// The files are nearly all of an entry: one allocation for them and 4 KB of the rest,
  /// not a doubling array's spare half (an entry is written while its files are in memory).
  mutating func reserve(for files: [OutputFile]) {
    bytes.reserveCapacity(
      bytes.count + 4096 + files.reduce(0) { $0 + 16 + $1.path.utf8.count + $1.contents.count })
  }

  /// A dictionary as a count and its entries in key order, each key then its value.
  mutating func sortedByKey<Value>(
    _ dictionary: [String: Value], _ value: (inout CacheEntryWriter, Value) -> Void
  ) {
    let entries = dictionary.sorted { $0.key < $1.key }
    integer(entries.count)
    for (key, entryValue) in entries {
      string(key)
      value(&self, entryValue)
    }
  }

  mutating func files(_ files: [OutputFile]) {
    integer(files.count)
    for file in files {
      string(file.path)
      integer(file.contents.count)
      bytes += file.contents
    }
  }

  mutating func resolvedVersions(_ versions: ResolvedVersions) {
    let matrix = versions.matrix
    strings(matrix.environments)
    strings(matrix.services)
    integer(matrix.promotion == nil ? 0 : 1)
    if let promotion = matrix.promotion { strings(promotion) }
    let rows = matrix.cells.sorted { $0.key < $1.key }
    integer(rows.count)
    for (service, row) in rows {
      string(service)
      let cells = row.sorted { $0.key < $1.key }
      integer(cells.count)
      for (environment, cell) in cells {
        string(environment)
        string(cell.version)
        integer(cell.imageRef == nil ? 0 : 1)
        if let imageRef = cell.imageRef { string(imageRef) }
        integer(cell.promotedFrom == nil ? 0 : 1)
        if let from = cell.promotedFrom { string(from) }
        integer(cell.differsFromPrevious ? 1 : 0)
      }
    }
    diagnostics(versions.diagnostics)
  }

  mutating func diagnostics(_ diagnostics: [Diagnostic]) {
    integer(diagnostics.count)
    for diagnostic in diagnostics {
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
  }
}
