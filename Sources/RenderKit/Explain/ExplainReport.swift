/// The text `render explain` prints; locations are shown with the paths in `fileNames`.
public enum ExplainReport {
  /// Every value of a service in an environment, each with its layers; the winning
  /// layer marked with `*`.
  public static func values(_ resolved: ResolvedService, fileNames: SourceFileNames) -> String {
    var text = "\(resolved.name) in \(resolved.environment.name)"
    switch resolved.service.source {
    case .template(let name): text += " (template \(name.value))\n"
    case .manifests(let folder, _): text += " (manifests in \(folder.value))\n"
    }
    if !resolved.isEnabled { text += "disabled in this environment\n" }
    for history in ValueExplainer.histories(for: resolved) {
      text += "\n" + self.history(history, fileNames: fileNames)
    }
    return text
  }

  /// One value and its layers.
  public static func history(
    _ history: ValueHistory, fileNames: SourceFileNames, indent: String = ""
  ) -> String {
    let value = history.value.map { $0.flowText() } ?? "(removed)"
    var text = "\(indent)\(history.path) = \(value)\n"
    let locations = history.settings.map { fileNames.describe($0.location) }
    let width = locations.map(\.count).max() ?? 0
    let values = history.settings.map {
      $0.value.map { $0.flowText(limit: 60) } ?? "(null: removes it)"
    }
    let valueWidth = min(40, values.map(\.count).max() ?? 0)
    for (index, setting) in history.settings.enumerated() {
      let marker = index == history.settings.count - 1 ? "*" : " "
      let location = locations[index].padding(to: width)
      let shown = values[index].padding(to: valueWidth)
      text += "\(indent)  \(marker) \(location)  \(shown)  \(setting.layer)\n"
    }
    return text
  }

  /// One field of a rendered resource.
  public static func field(_ explanation: FieldExplanation, fileNames: SourceFileNames) -> String {
    var text =
      "\(explanation.resource) \(explanation.field.dottedPath) = \(explanation.value.flowText())\n"
    text += "  rendered to \(explanation.renderedPath)\n"
    if explanation.origin.isKnown {
      text += "  value from  \(fileNames.describe(explanation.origin))\n"
    } else {
      text += "  value added by render itself\n"
    }
    if let expression = explanation.expression {
      text += "  template    \(fileNames.describe(expression))\n"
    }
    if let patch = explanation.patch {
      text += "  patched by  \(fileNames.describe(patch))\n"
    }
    if let history = explanation.history {
      text += "\n" + self.history(history, fileNames: fileNames, indent: "  ")
    }
    return text
  }
}

extension String {
  /// The string padded with spaces to `width` characters (never cut).
  func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
