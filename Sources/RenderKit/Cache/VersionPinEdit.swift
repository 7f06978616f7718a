import YAML

/// Whether an edit of a file in an environment folder only pins versions: what `render
/// set-version` and `promote` write, and what `ChangedServicesCompile` can take as a
/// change of those services alone. Such an edit changes, adds or removes the `version` or
/// `image` of service overrides (`services.<name>` in `environment.yaml`, or the top
/// level of `<name>.yaml`), and creates or deletes an override file that sets nothing
/// else; everything else of the file must read the same (comments, layout and locations
/// aside), to the letter: the same keys in the same order (merged values keep it), the
/// same scalars in the same style (`Node.isIdentical(to:)`). Any other file of the folder
/// (`resources/`, `.yml` and `.json` overrides, anything else) must not change.
enum VersionPinEdit {
  /// The keys of an override a pin may set.
  static let pinKeys: Set<String> = ["version", "image"]

  /// The services whose pins differ between the two texts of `path`
  /// (`environments/<env>/...`; `nil` text: no such file); `nil` when anything else
  /// differs, or a text does not parse.
  static func services(path: String, before: String?, after: String?) -> Set<String>? {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0] == "environments", parts[2].hasSuffix(".yaml"),
      let earlier = document(before, path: path), let later = document(after, path: path)
    else { return nil }
    let file = String(parts[2])
    if file == "environment.yaml" {
      guard let earlier, let later, earlier.isMapping, later.isMapping else { return nil }
      guard without("services", earlier).isIdentical(to: without("services", later)) else {
        return nil
      }
      let before = earlier["services"]
      let after = later["services"]
      if before == nil && after == nil { return [] }
      guard before?.isMapping ?? true, after?.isMapping ?? true else { return nil }
      var names: [String] = []
      for entry in before?.mapping ?? [] { names.append(entry.key) }
      for entry in after?.mapping ?? [] where !names.contains(entry.key) {
        names.append(entry.key)
      }
      var changed: Set<String> = []
      for name in names {
        guard let differs = pinsDiffer(before?[name], after?[name]) else { return nil }
        if differs { changed.insert(name) }
      }
      return changed
    }
    let service = String(file.dropLast(".yaml".count))
    guard let differs = pinsDiffer(earlier, later) else { return nil }
    return differs ? [service] : []
  }

  /// The one document of a text: `.some(nil)` for no text, `nil` when it does not parse
  /// into exactly one document.
  private static func document(_ text: String?, path: String) -> Node?? {
    guard let text else { return .some(nil) }
    guard let documents = try? YAMLParser.parse(text, file: path, fileNames: SourceFileNames()),
      documents.count == 1
    else { return nil }
    return .some(documents[0])
  }

  /// Whether two overrides of one service (`nil`: none) differ, when they differ only in
  /// their pins; `nil` when they differ otherwise.
  private static func pinsDiffer(_ earlier: Node?, _ later: Node?) -> Bool? {
    func rest(_ node: Node?) -> Node?? {
      guard let node else { return .some(nil) }
      guard node.isMapping else { return nil }
      let kept = (node.mapping ?? []).filter { !pinKeys.contains($0.key) }
      return .some(kept.isEmpty ? nil : Node(.mapping(kept), at: node.location))
    }
    guard let before = rest(earlier), let after = rest(later), identical(before, after) else {
      return nil
    }
    return !identical(earlier, later)
  }

  private static func identical(_ earlier: Node?, _ later: Node?) -> Bool {
    switch (earlier, later) {
    case (nil, nil): true
    case (let earlier?, let later?): earlier.isIdentical(to: later)
    default: false
    }
  }

  private static func without(_ key: String, _ node: Node) -> Node {
    Node(.mapping((node.mapping ?? []).filter { $0.key != key }), at: node.location)
  }
}
