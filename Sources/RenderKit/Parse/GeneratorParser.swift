/// Reads `configMapGenerator` and `secretGenerator` (service.yaml and overrides): each
/// item's data from `literals` and from `files` of the declaring file's folder.
enum GeneratorParser {
  /// The generators `reader`'s mapping declares.
  /// - Parameters:
  ///   - folder: where `files` paths start (the service's or the environment's folder).
  ///   - repository: the files `files` name; `nil` when there are none to read.
  ///   - isOverride: whether `behavior` may be other than `create`.
  static func parse(
    _ reader: inout FieldReader, folder: String, repository: Repository?, isOverride: Bool
  ) -> [ConfigGenerator] {
    var generators: [ConfigGenerator] = []
    for kind in [ConfigGenerator.Kind.configMap, .secret] {
      guard let items = reader.sequence(kind.key) else { continue }
      for item in items {
        var itemReader = FieldReader(item, subject: "a '\(kind.key)' entry in \(reader.subject)")
        if let generator = parseItem(
          &itemReader, kind: kind, folder: folder, repository: repository,
          isOverride: isOverride)
        {
          if let earlier = generators.first(where: {
            $0.kind == kind && $0.name.value == generator.name.value
          }) {
            itemReader.report(
              .input(
                "\(kind.rawValue) '\(generator.name.value)' is generated twice in \(reader.subject)",
                at: generator.name.location,
                related: [.init("the first", at: earlier.name.location)],
                help: "declare it once, with all its literals and files"))
          } else {
            generators.append(generator)
          }
        }
        reader.report(itemReader.finish())
      }
    }
    return generators
  }

  private static func parseItem(
    _ reader: inout FieldReader, kind: ConfigGenerator.Kind, folder: String,
    repository: Repository?, isOverride: Bool
  ) -> ConfigGenerator? {
    reader.require("name", help: "name the \(kind.rawValue): name: app-config")
    let name = reader.string("name")
    var behavior: Located<ConfigGenerator.Behavior>?
    if let written = reader.string("behavior") {
      let names = ConfigGenerator.Behavior.allCases.map(\.rawValue)
      if let value = ConfigGenerator.Behavior(rawValue: written.value) {
        if value != .create && !isOverride {
          reader.report(
            .input(
              "'behavior: \(value.rawValue)' needs an earlier layer: service.yaml's generators can only create",
              at: written.location,
              help:
                "write 'behavior: \(value.rawValue)' in an environment's override of the service"))
        } else {
          behavior = Located(value, at: written.location)
        }
      } else {
        reader.report(
          .input(
            "'behavior' must be one of \(names.joined(separator: ", ")), not '\(written.value)'"
              + Suggestion.didYouMean(written.value, in: names),
            at: written.location))
      }
    }
    let type = kind == .secret ? reader.string("type") : nil
    let disable = reader.bool("disableNameSuffixHash")
    var entries: [ConfigGenerator.Entry] = []
    if let literals = reader.value("literals"), !literals.isNull {
      entries += readLiterals(literals, &reader)
    }
    if let files = reader.stringList("files") {
      for file in files {
        if let entry = readFile(file, folder: folder, repository: repository, &reader) {
          entries.append(entry)
        }
      }
    }
    var seen: [String: SourceLocation] = [:]
    for entry in entries {
      if !isDataKey(entry.key) {
        reader.report(
          .input(
            "'\(entry.key)' is not a valid \(kind.rawValue) key", at: entry.location,
            help: "keys are letters, digits, '-', '_' and '.', at most 253 characters"))
      }
      if let first = seen[entry.key] {
        reader.report(
          .input(
            "key '\(entry.key)' is set twice in \(kind.rawValue) '\(name?.value ?? "")'",
            at: entry.location, related: [.init("the first", at: first)]))
      }
      seen[entry.key] = entry.location
    }
    guard let name else { return nil }
    guard isName(name.value) else {
      reader.report(
        .input(
          "\(kind.rawValue) name '\(name.value)' is not a DNS-1123 subdomain", at: name.location,
          help:
            "use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 242 characters (the hash suffix takes 11)"
        ))
      return nil
    }
    return ConfigGenerator(
      kind: kind, name: name, behavior: behavior, entries: entries, type: type,
      disableNameSuffixHash: disable, location: reader.node.location)
  }

  /// `literals: {KEY: value}`, or kustomize's list form `literals: [KEY=value]`.
  private static func readLiterals(
    _ node: Node, _ reader: inout FieldReader
  ) -> [ConfigGenerator.Entry] {
    var entries: [ConfigGenerator.Entry] = []
    if let mapping = node.mapping {
      for entry in mapping {
        switch entry.value.scalar {
        case .string(let text)?:
          entries.append(.init(key: entry.key, value: text, location: entry.value.location))
        case .int(let number)?:
          entries.append(
            .init(key: entry.key, value: String(number), location: entry.value.location))
        case .bool(let flag)?:
          entries.append(
            .init(key: entry.key, value: flag ? "true" : "false", location: entry.value.location))
        default:
          reader.report(
            .input(
              "literal '\(entry.key)' in \(reader.subject) must be a string, not \(entry.value.valueDescription)",
              at: entry.value.location,
              help: entry.value.isScalar ? "quote the value to keep its text as written" : nil))
        }
      }
    } else if let items = node.sequence {
      for item in items {
        guard let text = item.string, let equals = text.firstIndex(of: "="),
          equals != text.startIndex
        else {
          reader.report(
            .input(
              "a literal in \(reader.subject) must be a string KEY=VALUE, not \(item.valueDescription)",
              at: item.location, help: "or write literals as a mapping: literals: {KEY: value}"))
          continue
        }
        entries.append(
          .init(
            key: String(text[..<equals]), value: String(text[text.index(after: equals)...]),
            location: item.location))
      }
    } else {
      reader.report(
        .input(
          "'literals' in \(reader.subject) must be a mapping or a list of KEY=VALUE, not \(node.valueDescription)",
          at: node.location))
    }
    return entries
  }

  /// `files: [app.properties]` (the key is the file's name) or `[key=path]`.
  private static func readFile(
    _ item: Located<String>, folder: String, repository: Repository?,
    _ reader: inout FieldReader
  ) -> ConfigGenerator.Entry? {
    var key: String?
    var path = item.value
    if let equals = item.value.firstIndex(of: "=") {
      key = String(item.value[..<equals])
      path = String(item.value[item.value.index(after: equals)...])
    }
    guard NameRules.isSafeRelativePath(path), !path.hasSuffix("/") else {
      reader.report(
        .input(
          "'\(path)' must be a file inside \(folder)/", at: item.location,
          help: "write the path relative to \(folder)/, without '..'"))
      return nil
    }
    let full = "\(folder)/\(path)"
    guard let file = repository?.files[full] else {
      if repository?.unreadableFiles.contains(full) ?? false {
        reader.report(
          .input(
            "'\(full)' cannot be read as UTF-8 text of at most 16 MiB; generated data must be text",
            at: item.location))
      } else {
        reader.report(.input("file '\(full)' does not exist", at: item.location))
      }
      return nil
    }
    let name = key ?? String(path.split(separator: "/").last ?? Substring(path))
    return .init(key: name, value: file.text, location: item.location)
  }

  /// A ConfigMap or Secret data key: `[-._a-zA-Z0-9]+`, at most 253 characters.
  static func isDataKey(_ key: String) -> Bool {
    !key.isEmpty && key.utf8.count <= 253 && key != "." && key != ".."
      && key.utf8.allSatisfy { byte in
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
          || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
      }
  }

  /// A DNS-1123 subdomain short enough for the 11-character hash suffix.
  static func isName(_ name: String) -> Bool {
    NameRules.isDNSName(name, maxLength: 242, dots: true)
  }
}
