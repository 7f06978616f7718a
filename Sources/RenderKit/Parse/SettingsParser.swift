/// Reads `render.yaml`.
public enum SettingsParser {
  static let file = "render.yaml"

  /// Why an output folder is refused.
  public struct OutputFolderProblem: Error {
    public var message: String
  }

  /// The output folder without a trailing `/`, if it is a folder inside the repository
  /// that is not one of render's inputs.
  public static func checkedOutputFolder(_ text: String) -> Result<String, OutputFolderProblem> {
    let path = text.hasSuffix("/") ? String(text.dropLast()) : text
    // A newline or an escape sequence in a folder name breaks every tool that lists it.
    if text.unicodeScalars.contains(where: {
      $0.value < 0x20 || (0x7f...0x9f).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}"
    }) {
      return .failure(
        .init(message: "the output folder's name cannot hold control characters (a newline, a tab)")
      )
    }
    let first = path.split(separator: "/").first.map(String.init) ?? ""
    if !NameRules.isSafeRelativePath(path) || path == "." || first == "." {
      return .failure(
        .init(message: "the output folder must be a folder inside the repository, not '\(text)'"))
    }
    if RepositoryLoader.inputFolders.contains(first) || first.hasPrefix(".")
      || path == "render.yaml"
    {
      return .failure(
        .init(
          message: "the output folder cannot be '\(text)': render would write over its own inputs"))
    }
    return .success(path)
  }

  static func parse(_ repository: Repository) -> (ProjectSettings, [Diagnostic]) {
    var settings = ProjectSettings()
    guard let source = repository.files[file] else { return (settings, []) }
    let (document, parseErrors) = DocumentReader.single(of: source, in: repository.fileNames)
    guard let document else { return (settings, parseErrors) }
    var reader = FieldReader(document, subject: "render.yaml")

    if let output = reader.string("output") {
      switch checkedOutputFolder(output.value) {
      case .success(let folder):
        settings.output = folder
        settings.outputLocation = output.location
      case .failure(let problem): reader.report(.input(problem.message, at: output.location))
      }
    }
    if let version = reader.string("kubernetesVersion") {
      settings.kubernetesVersion = version.value
      settings.kubernetesVersionLocation = version.location
    }
    settings.schemas = reader.stringList("schemas") ?? []
    for folder in settings.schemas where !NameRules.isSafeRelativePath(folder.value) {
      reader.report(
        .input("schema folder '\(folder.value)' must be inside the repository", at: folder.location)
      )
    }
    settings.uncheckedGroups = reader.stringList("uncheckedGroups") ?? []
    settings.promotion = reader.stringList("promotion")
    if let argo = reader.mapping("argocd") {
      let (argoCD, found) = ReconcilerSettingsParser.argoCD(argo)
      reader.report(found)
      settings.argoCD = argoCD
    }
    if let flux = reader.mapping("flux") {
      let (fluxSettings, found) = ReconcilerSettingsParser.flux(flux)
      reader.report(found)
      settings.flux = fluxSettings
    }
    return (settings, parseErrors + reader.finish())
  }

  /// Checks `promotion` against the environments: each must exist (with a
  /// did-you-mean), be rendered (not abstract) and appear once. Environments named
  /// under `argocd.environments` and `flux.environments` must exist too.
  static func checkPromotion(
    _ settings: ProjectSettings, environments: [String: Environment]
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let reconcilerEnvironments = [
      ("argocd", settings.argoCD?.environments.values.map(\.name) ?? []),
      ("flux", settings.flux?.environments.values.map(\.name) ?? []),
    ]
    for (key, names) in reconcilerEnvironments {
      for name in names where environments[name.value] == nil {
        diagnostics.append(
          .input(
            "'\(key).environments' in render.yaml names environment '\(name.value)', which does not exist"
              + Suggestion.didYouMean(name.value, in: environments.keys),
            at: name.location))
      }
    }
    var seen: [String: Located<String>] = [:]
    for name in settings.promotion ?? [] {
      guard let environment = environments[name.value] else {
        diagnostics.append(
          .input(
            "'promotion' in render.yaml names environment '\(name.value)', which does not exist"
              + Suggestion.didYouMean(name.value, in: environments.keys),
            at: name.location))
        continue
      }
      if environment.isAbstract {
        diagnostics.append(
          .input(
            "'promotion' in render.yaml names environment '\(name.value)', which is abstract: "
              + "it is never rendered",
            at: name.location))
      }
      if let first = seen[name.value] {
        diagnostics.append(
          .input(
            "'promotion' in render.yaml lists environment '\(name.value)' twice",
            at: name.location, related: [.init("first listed here", at: first.location)]))
      } else {
        seen[name.value] = name
      }
    }
    return diagnostics
  }
}
