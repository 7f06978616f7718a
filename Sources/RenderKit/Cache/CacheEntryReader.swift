import YAML

/// Decodes what `CacheEntryWriter` wrote; any byte out of place (a truncated or edited
/// entry) yields `nil`, never a crash. The paths of locations are numbered in
/// `fileNames`, the table of the load the entry answers for.
struct CacheEntryReader {
  let bytes: [UInt8]
  let fileNames: SourceFileNames
  var offset = 0

  init(bytes: [UInt8], fileNames: SourceFileNames) {
    self.bytes = bytes
    self.fileNames = fileNames
  }

  mutating func expect(_ prefix: [UInt8]) -> Bool {
    guard bytes.count - offset >= prefix.count,
      bytes[offset..<offset + prefix.count].elementsEqual(prefix)
    else { return false }
    offset += prefix.count
    return true
  }

  mutating func integer() -> Int? {
    guard bytes.count - offset >= 8 else { return nil }
    var value: UInt64 = 0
    for index in (0..<8).reversed() {
      value = value << 8 | UInt64(bytes[offset + index])
    }
    offset += 8
    return Int(truncatingIfNeeded: Int64(bitPattern: value))
  }

  /// A length that fits in what is left of the entry.
  mutating func length() -> Int? {
    guard let count = integer(), count >= 0, count <= bytes.count - offset else { return nil }
    return count
  }

  mutating func raw() -> [UInt8]? {
    guard let count = length() else { return nil }
    defer { offset += count }
    return Array(bytes[offset..<offset + count])
  }

  mutating func string() -> String? {
    guard let count = length() else { return nil }
    defer { offset += count }
    return String(validating: bytes[offset..<offset + count], as: UTF8.self)
  }

  mutating func strings() -> [String]? {
    guard let count = length() else { return nil }
    var result: [String] = []
    for _ in 0..<count {
      guard let text = string() else { return nil }
      result.append(text)
    }
    return result
  }

  mutating func location() -> SourceLocation? {
    guard let file = string(), let line = integer(), let column = integer() else { return nil }
    return file.isEmpty && line == 0 && column == 0
      ? .generated : fileNames.location(file, line: line, column: column)
  }

  mutating func compilation() -> CachedCompilation? {
    guard let folder = string(), let owned = strings(), let foreign = strings(),
      let files = files()
    else { return nil }
    guard let diagnostics = diagnostics(), let countCount = length() else { return nil }
    var counts: [String: Int] = [:]
    for _ in 0..<countCount {
      guard let environment = string(), let count = integer() else { return nil }
      counts[environment] = count
    }
    guard offset == bytes.count else { return nil }
    return CachedCompilation(
      tree: OutputTree(
        folder: folder, files: files, ownedPrefixes: owned, foreignPrefixes: foreign),
      diagnostics: diagnostics, resourceCounts: counts)
  }

  /// What `CacheEntryWriter.frame` wrote: `.some(nil)` for an entry without one.
  mutating func frame() -> CompilationFrame?? {
    guard let present = integer() else { return nil }
    if present == 0 { return .some(nil) }
    guard present == 1, let key = string(), let services = stringsByKey() else { return nil }
    guard let environments = stringsByKey(), let environmentFiles = stringsByKey(),
      let environmentCount = length()
    else { return nil }
    var selectorKeys: [String: [String]] = [:]
    for _ in 0..<environmentCount {
      guard let name = string(), let keys = strings() else { return nil }
      selectorKeys[name] = keys
    }
    return .some(
      CompilationFrame(
        key: key, services: services, environments: environments,
        environmentFiles: environmentFiles, selectorKeys: selectorKeys))
  }

  /// What `CacheEntryWriter.sortedByKey` wrote of a `[String: String]`.
  mutating func stringsByKey() -> [String: String]? {
    guard let count = length() else { return nil }
    var result: [String: String] = [:]
    for _ in 0..<count {
      guard let key = string(), let value = string() else { return nil }
      result[key] = value
    }
    return result
  }

  mutating func files() -> [OutputFile]? {
    guard let fileCount = length() else { return nil }
    var files: [OutputFile] = []
    files.reserveCapacity(fileCount)
    for _ in 0..<fileCount {
      guard let path = string(), let contents = raw() else { return nil }
      files.append(OutputFile(path: path, contents: contents))
    }
    return files
  }

  mutating func environment() -> CompiledEnvironment? {
    guard let name = string(), let resolveDiagnostics = diagnostics(),
      let versionCount = length()
    else { return nil }
    var versions: [String: Located<String>] = [:]
    for _ in 0..<versionCount {
      guard let service = string(), let reference = string(), let place = location()
      else { return nil }
      versions[service] = Located(reference, at: place)
    }
    guard let files = files(), let found = diagnostics(),
      let placementDiagnostics = diagnostics(), let resourceCount = integer(),
      let serviceCount = length()
    else { return nil }
    var services: [ReconcilerEnvironment.Service] = []
    for _ in 0..<serviceCount {
      guard let service = string(), let hasNamespace = integer() else { return nil }
      var namespace: Located<String>?
      if hasNamespace == 1 {
        guard let value = string(), let place = location() else { return nil }
        namespace = Located(value, at: place)
      } else if hasNamespace != 0 {
        return nil
      }
      services.append(ReconcilerEnvironment.Service(name: service, namespace: namespace))
    }
    guard let hasOwnResources = integer(), hasOwnResources == 0 || hasOwnResources == 1,
      let namespaces = strings(), let knowsSelectorKeys = integer(),
      knowsSelectorKeys == 0 || knowsSelectorKeys == 1
    else { return nil }
    var selectorKeys: [String]?
    if knowsSelectorKeys == 1 {
      guard let keys = strings() else { return nil }
      selectorKeys = keys
    }
    guard offset == bytes.count else { return nil }
    return CompiledEnvironment(
      name: name, resolveDiagnostics: resolveDiagnostics, versions: versions, files: files,
      diagnostics: found,
      placementDiagnostics: placementDiagnostics, resourceCount: resourceCount,
      outline: ResourceOutline(
        services: services, hasOwnResources: hasOwnResources == 1,
        createdNamespaces: namespaces), selectorKeys: selectorKeys)
  }

  /// An optional string: a flag, then the string when the flag is 1.
  mutating func optionalString() -> String?? {
    guard let flag = integer(), flag == 0 || flag == 1 else { return nil }
    if flag == 0 { return .some(nil) }
    guard let text = string() else { return nil }
    return .some(text)
  }

  mutating func resolvedVersions() -> ResolvedVersions? {
    guard let environments = strings(), let services = strings(), let hasPromotion = integer()
    else { return nil }
    var promotion: [String]?
    if hasPromotion == 1 {
      guard let names = strings() else { return nil }
      promotion = names
    }
    guard let rowCount = length() else { return nil }
    var cells: [String: [String: VersionMatrix.Cell]] = [:]
    for _ in 0..<rowCount {
      guard let service = string(), let cellCount = length() else { return nil }
      var row: [String: VersionMatrix.Cell] = [:]
      for _ in 0..<cellCount {
        guard let environment = string(), let version = string(),
          let imageRef = optionalString(), let promotedFrom = optionalString(),
          let differs = integer()
        else { return nil }
        row[environment] = VersionMatrix.Cell(
          version: version, imageRef: imageRef, promotedFrom: promotedFrom,
          differsFromPrevious: differs == 1)
      }
      cells[service] = row
    }
    guard let diagnostics = diagnostics(), offset == bytes.count else { return nil }
    return ResolvedVersions(
      matrix: VersionMatrix(
        environments: environments, services: services, cells: cells, promotion: promotion),
      diagnostics: diagnostics)
  }

  mutating func diagnostics() -> [Diagnostic]? {
    guard let diagnosticCount = length() else { return nil }
    var diagnostics: [Diagnostic] = []
    for _ in 0..<diagnosticCount {
      guard let severityName = string(), let severity = Diagnostic.Severity(rawValue: severityName),
        let rule = string(), let message = string(), let location = location(),
        let relatedCount = length()
      else { return nil }
      var related: [Diagnostic.Related] = []
      for _ in 0..<relatedCount {
        guard let text = string(), let hasLocation = integer() else { return nil }
        var place: SourceLocation?
        if hasLocation == 1 {
          guard let found = self.location() else { return nil }
          place = found
        }
        related.append(Diagnostic.Related(text, at: place))
      }
      guard let hasHelp = integer() else { return nil }
      var help: String?
      if hasHelp == 1 {
        guard let text = string() else { return nil }
        help = text
      }
      diagnostics.append(
        Diagnostic(
          severity, rule: RuleID(rawValue: rule), message, at: location, related: related,
          help: help))
    }
    return diagnostics
  }
}
