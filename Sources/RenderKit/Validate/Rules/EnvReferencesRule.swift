/// `env-references`: a `$(VAR)` in a container's env value names a variable defined
/// before it in the same container.
struct EnvReferencesRule: PolicyRule {
  let id: RuleID = .envReferences
  let summary = """
    A `$(VAR)` reference in a container's env value names a variable defined earlier in \
    the same container's env.
    """
  let rationale = """
    Kubernetes expands `$(VAR)` only from variables defined before it in the container's \
    `env` list (and from `envFrom` and service links). A reference to a variable defined \
    later, or not at all, is left in the value as the literal text `$(VAR)`, and the \
    program reads a broken address or URL with no warning. Values list order matters: \
    render keeps the order the layers gave. A container with `envFrom` is only checked \
    for references to later variables, since its sources' keys are not known here; \
    Kubernetes service-link names (`REDIS_SERVICE_HOST`, `REDIS_PORT`) count as defined. \
    `$$(VAR)` is a literal `$(VAR)`.
    """
  let defaultSeverity = RuleSeverity.error

  var examples: [RuleExample] {
    [
      RuleExample(
        "a reference to a variable defined after it", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers:
                - name: app
                  image: ghcr.io/acme/web:1.4.2
                  env:
                  - {name: CONNECTION, value: "$(REDIS_HOST):6379"}
                  - {name: REDIS_HOST, value: redis}
          """),
      RuleExample(
        "a reference to a variable the container does not define", triggers: true,
        manifests: """
          apiVersion: batch/v1
          kind: Job
          metadata: {name: migrate}
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                - name: migrate
                  image: ghcr.io/acme/migrate:1.4.2
                  env:
                  - {name: DATABASE_URL, value: "postgres://$(DB_USER)@db/app"}
          """),
      RuleExample(
        "references to earlier variables, service links and an escaped `$$(VAR)`",
        triggers: false,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers:
                - name: app
                  image: ghcr.io/acme/web:1.4.2
                  env:
                  - {name: REDIS_HOST, value: redis}
                  - {name: CONNECTION, value: "$(REDIS_HOST):6379"}
                  - {name: API, value: "http://$(API_SERVICE_HOST):$(API_SERVICE_PORT)"}
                  - {name: LITERAL, value: "$$(NOT_A_REFERENCE)"}
          """),
      RuleExample(
        "with envFrom, an unknown name may come from the ConfigMap", triggers: false,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers:
                - name: app
                  image: ghcr.io/acme/web:1.4.2
                  envFrom:
                  - configMapRef: {name: web-settings}
                  env:
                  - {name: URL, value: "http://$(HOST)"}
          """),
    ]
  }

  func check(_ context: ValidationContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for workload in Workload.all(in: context) {
      for container in workload.pod.containers {
        guard let env = container.node["env"]?.sequence else { continue }
        let hasEnvFrom = container.node["envFrom"]?.sequence?.isEmpty == false
        var positions: [String: Int] = [:]
        for (index, item) in env.enumerated() {
          if let name = item["name"]?.string, positions[name] == nil { positions[name] = index }
        }
        for (index, item) in env.enumerated() {
          guard let value = item["value"]?.string, value.contains("$(") else { continue }
          for reference in Self.references(in: value) {
            let message: String
            let help: String
            if let defined = positions[reference], defined > index {
              let name = item["name"]?.string ?? "env[\(index)]"
              message =
                "env '\(name)' of \(workload.describe(container)) refers to '$(\(reference))', "
                + "which is defined after it, so Kubernetes leaves '$(\(reference))' unexpanded"
              help =
                "define '\(reference)' before '\(name)': in values, the first layer that sets a "
                + "variable fixes its position"
            } else if positions[reference] == nil, !hasEnvFrom,
              !Self.isServiceLink(reference)
            {
              let name = item["name"]?.string ?? "env[\(index)]"
              message =
                "env '\(name)' of \(workload.describe(container)) refers to '$(\(reference))', "
                + "which the container does not define"
                + Suggestion.didYouMean(reference, in: positions.keys.sorted())
              help =
                "define '\(reference)' before '\(name)', or write '$$(\(reference))' for "
                + "the literal text"
            } else {
              continue
            }
            findings.append(
              context.finding(
                id, message, in: workload.resource,
                at: container.path + [.key("env"), .index(index), .key("value")], help: help))
          }
        }
      }
    }
    return findings
  }

  /// The names of the `$(NAME)` references in `value`, in order; `$$` is an escaped `$`.
  static func references(in value: String) -> [String] {
    var names: [String] = []
    var characters = value[...]
    while let dollar = characters.firstIndex(of: "$") {
      let rest = characters[characters.index(after: dollar)...]
      if rest.first == "$" {
        characters = rest.dropFirst()
        continue
      }
      guard rest.first == "(", let close = rest.firstIndex(of: ")") else {
        characters = rest
        continue
      }
      let name = rest[rest.index(after: rest.startIndex)..<close]
      if !name.isEmpty { names.append(String(name)) }
      characters = rest[rest.index(after: close)...]
    }
    return names
  }

  /// Names Kubernetes defines for the Services of the namespace (`enableServiceLinks`).
  static func isServiceLink(_ name: String) -> Bool {
    name.hasSuffix("_SERVICE_HOST") || name.contains("_SERVICE_PORT") || name.hasSuffix("_PORT")
      || name.contains("_PORT_")
  }
}
