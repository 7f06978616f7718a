/// One merge of one patch into one body; collects findings as it goes.
struct StrategicMerger {
  let strategies: any MergeStrategyProvider
  let apiVersion: String
  let kind: String
  var diagnostics: [Diagnostic] = []

  init(strategies: any MergeStrategyProvider, apiVersion: String, kind: String) {
    self.strategies = strategies
    self.apiVersion = apiVersion
    self.kind = kind
  }

  mutating func report(_ message: String, at location: SourceLocation, help: String? = nil) {
    diagnostics.append(.input(message, at: location, help: help))
  }

  func strategy(_ path: [String]) -> ListMergeStrategy {
    strategies.listStrategy(apiVersion: apiVersion, kind: kind, path: path)
  }

  func display(_ path: [String]) -> String {
    path.map(PathComponent.key).dottedPath
  }

  /// The kind, for messages about its list strategies: "Deployment".
  var kindName: String { kind.isEmpty ? "this resource" : kind }

  /// Merges `patch` into `original` (`nil` when the resource has nothing there).
  /// Returns `nil` when the value is to be removed.
  mutating func merge(_ original: Node?, _ patch: Node, path: [String]) -> Node? {
    switch patch.content {
    case .mapping: mergeMap(original, patch, path: path)
    case .sequence: mergeList(original, patch, path: path)
    case .scalar(.null, _): nil
    case .scalar: patch
    }
  }

  mutating func reportBadPatchValue(_ value: Node) {
    let valid = [StrategicMergeDirective.delete, StrategicMergeDirective.replace]
    guard let text = value.string else {
      report(
        "'\(StrategicMergeDirective.patch)' must be 'delete' or 'replace', not \(value.typeDescription)",
        at: value.location)
      return
    }
    let help =
      text == "merge"
      ? "merging is what happens without '\(StrategicMergeDirective.patch)'; remove it"
      : "'\(StrategicMergeDirective.patch)' takes 'delete' or 'replace'"
    report(
      "unknown '\(StrategicMergeDirective.patch)' value '\(text)'\(Suggestion.didYouMean(text, in: valid))",
      at: value.location, help: help)
  }
}
