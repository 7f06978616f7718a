/// Reads `argocd:` and `flux:` in render.yaml. Every value keeps its location, so a
/// finding about a generated Application or Kustomization points at the line of
/// render.yaml that set it.
enum ReconcilerSettingsParser {
  static func argoCD(_ node: Node) -> (ArgoCDSettings, [Diagnostic]) {
    var fields = FieldReader(node, subject: "'argocd' in render.yaml")
    fields.require("repoURL")
    var locations: [String: SourceLocation] = [:]
    func string(_ key: String) -> String? {
      guard let value = fields.string(key) else { return nil }
      locations[key] = value.location
      return value.value
    }
    let repoURL = string("repoURL") ?? ""
    let revision = string("targetRevision") ?? "HEAD"
    let project = string("project") ?? "default"
    let namespace = string("namespace") ?? "argocd"
    var servers: [String: String] = [:]
    if let clusters = fields.stringMapping("clusters") {
      for entry in clusters.mapping ?? [] {
        servers[entry.key] = entry.value.string
        locations["clusters." + entry.key] = entry.value.location
      }
    }
    var settings = ArgoCDSettings(
      repoURL: repoURL, targetRevision: revision, project: project, namespace: namespace,
      clusterServers: servers)
    settings.location = node.location
    settings.syncPolicy = .standard(at: node.location)
    if let policy = fields.value("syncPolicy"), !policy.isNull {
      let (layer, found) = syncPolicy(policy, subject: "'argocd.syncPolicy' in render.yaml")
      fields.report(found)
      settings.syncPolicy = settings.syncPolicy.applying(layer)
    }
    if let flag = fields.bool("manifestGeneratePaths") {
      settings.manifestGeneratePaths = flag.value
    }
    if let flag = fields.bool("applicationSet") { settings.applicationSet = flag.value }
    settings.environments = environments(in: &fields, of: "argocd") { entry, _, environment in
      var overrides = ArgoCDEnvironmentSettings(name: Located(entry.key, at: entry.keyLocation))
      overrides.project = environment.string("project")
      if let policy = environment.value("syncPolicy"), !policy.isNull {
        let (layer, found) = syncPolicy(
          policy, subject: "'argocd.environments.\(entry.key).syncPolicy' in render.yaml")
        environment.report(found)
        overrides.syncPolicy = layer
      }
      return overrides
    }
    settings.fieldLocations = locations
    return (settings, fields.finish())
  }

  /// One `syncPolicy` mapping: `automated` (true, false, or `{prune, selfHeal,
  /// allowEmpty}`), `syncOptions` (`Name=value` strings Argo CD knows) and `retry`
  /// (`{limit, backoff: {duration, factor, maxDuration}}`).
  static func syncPolicy(
    _ node: Node, subject: String
  ) -> (ArgoCDSyncPolicy.Layer, [Diagnostic]) {
    var fields = FieldReader(node, subject: subject)
    var layer = ArgoCDSyncPolicy.Layer(location: node.location)
    if let automated = fields.value("automated"), !automated.isNull {
      if let flag = automated.bool {
        layer.automated =
          flag
          ? .some(
            ArgoCDSyncPolicy.Automated(
              prune: Located(true, at: automated.location),
              selfHeal: Located(true, at: automated.location), location: automated.location))
          : .some(nil)
      } else {
        var options = FieldReader(automated, subject: "'automated' of \(subject)")
        layer.automated = .some(
          ArgoCDSyncPolicy.Automated(
            prune: options.bool("prune") ?? Located(false, at: automated.location),
            selfHeal: options.bool("selfHeal") ?? Located(false, at: automated.location),
            allowEmpty: options.bool("allowEmpty"), location: automated.location))
        fields.report(options.finish())
      }
    }
    if let options = fields.stringList("syncOptions") {
      for option in options {
        if let problem = syncOptionProblem(option.value) {
          fields.report(
            .input(
              "sync option '\(option.value)' in \(subject) \(problem.message)", at: option.location,
              help: problem.help))
        }
      }
      layer.syncOptions = options
    }
    if let retry = fields.mapping("retry") {
      var limits = FieldReader(retry, subject: "'retry' of \(subject)")
      _ = limits.int("limit")
      _ = limits.bool("refresh")
      if let backoff = limits.mapping("backoff") {
        var timing = FieldReader(backoff, subject: "'retry.backoff' of \(subject)")
        for key in ["duration", "maxDuration"] {
          if let duration = timing.string(key), !isDuration(duration.value) {
            timing.report(
              .input(
                "'retry.backoff.\(key)' of \(subject) must be a duration such as 5s, 3m or 1h30m, not '\(duration.value)'",
                at: duration.location))
          }
        }
        _ = timing.int("factor")
        limits.report(timing.finish())
      }
      fields.report(limits.finish())
      layer.retry = retry
    }
    return (layer, fields.finish())
  }

  /// Why Argo CD would not understand a sync option, or `nil`.
  static func syncOptionProblem(_ option: String) -> (message: String, help: String?)? {
    let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2 else {
      return ("is not of the form Name=value", "for example CreateNamespace=true")
    }
    let name = String(parts[0])
    let value = String(parts[1])
    guard let values = ArgoCDSyncPolicy.knownOptions[name] else {
      return (
        "is not an option Argo CD knows"
          + Suggestion.didYouMean(name, in: ArgoCDSyncPolicy.knownOptions.keys.sorted()),
        nil
      )
    }
    if let values, !values.contains(value) {
      return ("has an unknown value: \(name) takes \(values.joined(separator: " or "))", nil)
    }
    return nil
  }

  /// A Go duration (`90s`, `5m`, `1h30m`, `1.5h`), as Argo CD and Flux parse them.
  static func isDuration(_ text: String) -> Bool {
    var rest = Substring(text)
    guard !rest.isEmpty else { return false }
    let units = ["ns", "us", "µs", "ms", "s", "m", "h"]
    while !rest.isEmpty {
      let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      guard !digits.isEmpty, digits.first != ".", digits.last != ".",
        digits.filter({ $0 == "." }).count <= 1
      else { return false }
      rest = rest.dropFirst(digits.count)
      // Longest unit first: "ms" before "m".
      guard let unit = units.sorted(by: { $0.count > $1.count }).first(where: rest.hasPrefix)
      else { return false }
      rest = rest.dropFirst(unit.count)
    }
    return true
  }

  /// `dependsOn` entries must be Kustomization names, or `namespace/name`.
  static func checkDependsOn(_ items: [Located<String>], subject: String) -> [Diagnostic] {
    items.compactMap { item in
      let parts = item.value.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count > 2 || parts.contains(where: { !NameRules.isDNSLabel(String($0)) })
      else { return nil }
      return .input(
        "'dependsOn' in \(subject) names '\(item.value)', which is not a Kustomization name or namespace/name",
        at: item.location, help: "for example infrastructure or flux-system/infrastructure")
    }
  }

  static func flux(_ node: Node) -> (FluxSettings, [Diagnostic]) {
    var fields = FieldReader(node, subject: "'flux' in render.yaml")
    fields.require("sourceRef")
    var locations: [String: SourceLocation] = [:]
    func string(_ key: String, of reader: inout FieldReader, prefix: String = "") -> String? {
      guard let value = reader.string(key) else { return nil }
      locations[prefix + key] = value.location
      return value.value
    }
    var kind = "GitRepository"
    var name = ""
    var sourceNamespace: String?
    if let sourceRef = fields.mapping("sourceRef") {
      var ref = FieldReader(sourceRef, subject: "'flux.sourceRef' in render.yaml")
      ref.require("name")
      kind = string("kind", of: &ref, prefix: "sourceRef.") ?? kind
      name = string("name", of: &ref, prefix: "sourceRef.") ?? ""
      sourceNamespace = string("namespace", of: &ref, prefix: "sourceRef.")
      locations["sourceRef"] = sourceRef.location
      fields.report(ref.finish())
    }
    let namespace = string("namespace", of: &fields) ?? "flux-system"
    let interval = string("interval", of: &fields) ?? "5m"
    var settings = FluxSettings(
      sourceKind: kind, sourceName: name, sourceNamespace: sourceNamespace, namespace: namespace,
      interval: interval)
    settings.location = node.location
    settings.prune = fields.bool("prune") ?? Located(true, at: node.location)
    settings.wait = fields.bool("wait")
    // Durations are checked by the Kustomization CRD's pattern, at their line here.
    settings.timeout = fields.string("timeout")
    settings.retryInterval = fields.string("retryInterval")
    if let dependsOn = fields.stringList("dependsOn") {
      fields.report(checkDependsOn(dependsOn, subject: "'flux' in render.yaml"))
      settings.dependsOn = dependsOn
    }
    settings.environments = environments(in: &fields, of: "flux") {
      entry, subject, environment in
      var overrides = FluxEnvironmentSettings(name: Located(entry.key, at: entry.keyLocation))
      overrides.interval = environment.string("interval")
      overrides.prune = environment.bool("prune")
      overrides.wait = environment.bool("wait")
      overrides.timeout = environment.string("timeout")
      overrides.retryInterval = environment.string("retryInterval")
      if let dependsOn = environment.stringList("dependsOn") {
        environment.report(checkDependsOn(dependsOn, subject: subject))
        overrides.dependsOn = dependsOn
      }
      return overrides
    }
    if let folder = fields.string("bootstrapFolder") {
      if !NameRules.isDNSLabel(folder.value) {
        fields.report(
          .input(
            "'bootstrapFolder' in 'flux' in render.yaml must be one folder name, not '\(folder.value)'",
            at: folder.location))
      } else {
        settings.bootstrapFolder = folder.value
      }
    }
    settings.fieldLocations = locations
    return (settings, fields.finish())
  }

  /// Each entry of `environments` in `section` (`argocd`, `flux`), read by `read` with a
  /// reader of its own (and its subject), whose findings join `fields`.
  static func environments<Overrides>(
    in fields: inout FieldReader, of section: String,
    read: (Node.Entry, String, inout FieldReader) -> Overrides
  ) -> [String: Overrides] {
    var result: [String: Overrides] = [:]
    for entry in fields.mapping("environments")?.mapping ?? [] {
      let subject = "'\(section).environments.\(entry.key)' in render.yaml"
      var environment = FieldReader(entry.value, subject: subject)
      result[entry.key] = read(entry, subject, &environment)
      fields.report(environment.finish())
    }
    return result
  }
}
