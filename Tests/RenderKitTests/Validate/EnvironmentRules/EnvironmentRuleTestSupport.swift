import TestSupport
import Testing

@testable import RenderKit

/// Environments for the rules that look across resources: several services (the
/// `# service: NAME` headings of `RuleTestSupport`), the environment's own resources,
/// a chosen namespace and subjects.
enum EnvironmentRuleTestSupport {
  /// Resources of the environment's `resources/` folder (no service).
  static func environmentResources(
    _ manifests: String, file: String = "environments/test/resources/shared.yaml"
  ) throws -> [RenderedResource] {
    try YAMLParser.parse(manifests, file: file, fileNames: testFiles).map { body in
      let resource = Resource(body: body, service: nil, environment: "test", source: body.location)
      return RenderedResource(
        resource: resource, path: "rendered/" + ResourcePath.path(for: resource))
    }
  }

  static func context(
    _ resources: [RenderedResource], namespace: String? = "test", external: [String] = [],
    subjects: [Int]? = nil, scope: ResourceScope = ResourceScope()
  ) -> ValidationContext {
    ValidationContext(
      environment: "test", namespace: namespace, resources: resources, subjects: subjects,
      external: external.map(RuleTestSupport.externalObject), scope: scope)
  }

  /// What `rule` reports on `manifests` in an environment with `namespace`.
  static func findings(
    _ rule: any PolicyRule, _ manifests: String, namespace: String? = "test",
    external: [String] = []
  ) throws -> [Diagnostic] {
    rule.check(
      context(try RuleTestSupport.resources(manifests), namespace: namespace, external: external))
  }

  /// `file:line:column` of a location, for expectations on related entries.
  static func position(_ location: YAML.SourceLocation?) -> String {
    guard let location else { return "none" }
    return "\(location.testPath):\(location.line):\(location.column)"
  }
}
