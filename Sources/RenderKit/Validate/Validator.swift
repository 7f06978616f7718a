/// The Validate stage: Kubernetes schemas and policy rules over one environment's
/// rendered resources, with the environment's severities and ignores applied.
public struct Validator: Sendable {
  public let schema: KubernetesSchema
  public let rules: [any PolicyRule]
  /// API groups whose resources are not schema-checked (`uncheckedGroups` in
  /// render.yaml).
  public let uncheckedGroups: Set<String>
  /// `--strict`: warnings count as errors.
  public let strict: Bool

  public init(
    schema: KubernetesSchema, rules: [any PolicyRule] = RuleCatalog.all,
    uncheckedGroups: Set<String> = [], strict: Bool = false
  ) {
    self.schema = schema
    self.rules = rules
    self.uncheckedGroups = uncheckedGroups
    self.strict = strict
  }

  public func validate(_ context: ValidationContext) -> [Diagnostic] {
    (0..<partCount).flatMap { validate(context, part: $0) }
  }

  /// Validation splits into independent parts (the schema check, then each rule) so
  /// they can run on different cores; `validate(_:)` runs them all in order.
  public var partCount: Int { 1 + rules.count }

  /// One part: 0 is the schema check, `n` the `n`-th rule.
  public func validate(_ context: ValidationContext, part: Int) -> [Diagnostic] {
    part == 0 ? validateSchemas(context) : check(rules[part - 1], in: context)
  }

  /// Schema findings at `policy.rules.schema`'s severity: `off` skips the check.
  private func validateSchemas(_ context: ValidationContext) -> [Diagnostic] {
    guard var severity = context.policy.schemaSeverity.diagnosticSeverity else { return [] }
    if strict && severity == .warning { severity = .error }
    var diagnostics: [Diagnostic] = []
    let schemaSubjects =
      context.policy.ignoresSome(of: .schema)
      ? context.subjects.filter {
        !context.policy.isIgnored(rule: .schema, resource: context.resources[$0].resource)
      } : context.subjects
    for index in schemaSubjects {
      let rendered = context.resources[index]
      let resource = rendered.resource
      if schema.hasSchema(apiVersion: resource.apiVersion, kind: resource.kind) {
        diagnostics += schema.validate(resource, renderedPath: rendered.path)
      } else if !uncheckedGroups.contains(resource.group) {
        diagnostics.append(
          Diagnostic(
            .error, rule: .schema,
            "no schema for \(resource.kind) in \(resource.apiVersion): render cannot check it",
            at: resource.body["kind"]?.location ?? resource.source,
            related: [.rendered(rendered.path, field: [])],
            help: resource.group.isEmpty || resource.group.hasSuffix(".k8s.io")
              || !resource.group.contains(".")
              ? "check apiVersion and kind against Kubernetes \(schema.kubernetesVersion)"
              : "add the CustomResourceDefinition to crds/, or list '\(resource.group)' under uncheckedGroups in render.yaml"
          ))
      }
    }
    if severity != .error {
      for index in diagnostics.indices where diagnostics[index].severity == .error {
        diagnostics[index].severity = severity
      }
    }
    return diagnostics
  }

  private func check(_ rule: any PolicyRule, in context: ValidationContext) -> [Diagnostic] {
    let severity = context.policy.severity(of: rule)
    guard var mapped = severity.diagnosticSeverity else { return [] }
    if strict && mapped == .warning { mapped = .error }
    var ruleContext = context
    if context.policy.ignoresSome(of: rule.id) {
      ruleContext.subjects = context.subjects.filter {
        !context.policy.isIgnored(rule: rule.id, resource: context.resources[$0].resource)
      }
    }
    return rule.check(ruleContext).map { finding in
      var finding = finding
      finding.severity = mapped
      return finding
    }
  }

}
