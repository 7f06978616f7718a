import TestSupport
import Testing

@testable import RenderKit

/// Inline YAML in, inline YAML out: renders a template text against a scope built from
/// YAML texts, each parsed as the file it stands for, so locations are realistic.
enum TemplateFixture {
  static let templateFile = "templates/web/deployment.yaml"
  static let serviceFile = "services/checkout/service.yaml"
  static let environmentFile = "environments/prod/environment.yaml"

  /// The `values` of the default scope, as written in service.yaml (under `values:`, so
  /// `replicas` is at line 2, column 13).
  static let defaultValues = """
    values:
      replicas: 3
      port: 8080
      ratio: 0.5
      enabled: true
      name: web
      empty: ""
      nothing: null
      labels: {team: payments, tier: backend}
      hosts: [a.example.com, b.example.com]
      env: {LOG_LEVEL: info, WORKERS: 4}
      extraEnv: [{name: EXTRA, value: "1"}]
      ingress: null
      my-key: dashed
      nested: {inner: {deep: 42}}
      text: "${ not.evaluated }"
      mixed: [1, true, x, 0.5]
    """

  static func parse(_ text: String, file: String) throws -> Node {
    try #require(try YAMLParser.parse(text, file: file, fileNames: testFiles).first)
  }

  /// A scope with `values` from `values` (a service.yaml text with a `values:` key),
  /// and fixed `service` and `env`.
  static func scope(values: String = defaultValues) throws -> TemplateScope {
    let service = try parse(
      """
      name: checkout
      image: ghcr.io/acme/checkout
      version: 1.4.2
      imageRef: ghcr.io/acme/checkout:1.4.2
      """, file: serviceFile)
    let environment = try parse(
      """
      name: prod
      namespace: shop-prod
      vars: {domain: shop.example.com}
      """, file: environmentFile)
    let valuesNode = try #require(try parse(values, file: serviceFile)["values"])
    return TemplateScope(
      ["service": service, "values": valuesNode, "env": environment], fileNames: testFiles)
  }

  struct Rendered {
    var node: Node?
    var diagnostics: [Diagnostic]
    var trace: [[PathComponent]: YAML.SourceLocation] = [:]

    /// The output as YAML; "(dropped)" when the document rendered to null.
    var yaml: String { node.map(YAMLEmitter.emit) ?? "(dropped)" }

    /// Each diagnostic as `line:column: message`.
    var errors: [String] {
      diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }
  }

  /// Renders as a build does, with the document's `${ }` texts parsed beforehand
  /// (`ScalarTemplates`), and checks that parsing them while rendering gives the same.
  static func render(
    _ template: String, values: String = defaultValues, trace: Bool = false
  ) throws -> Rendered {
    let scope = try scope(values: values)
    let document = try parse(template, file: templateFile)
    let preparsed = render(
      document, with: TemplateRenderer(scope: scope, templates: ScalarTemplates([document])),
      trace: trace)
    let unprepared = render(document, with: TemplateRenderer(scope: scope), trace: trace)
    // Bytes, not String equality: canonically equivalent texts compare equal as Strings.
    #expect(Array(preparsed.yaml.utf8) == Array(unprepared.yaml.utf8))
    #expect(preparsed.errors == unprepared.errors)
    #expect(preparsed.trace == unprepared.trace)
    return preparsed
  }

  private static func render(
    _ document: Node, with renderer: TemplateRenderer, trace: Bool
  )
    -> Rendered
  {
    if trace {
      var paths: [[PathComponent]: YAML.SourceLocation] = [:]
      let result = renderer.render(document, trace: &paths)
      return Rendered(node: result.node, diagnostics: result.diagnostics, trace: paths)
    }
    let result = renderer.render(document)
    return Rendered(node: result.node, diagnostics: result.diagnostics)
  }

  /// The YAML of `result: ${ expression }`, or the errors.
  static func evaluate(_ expression: String) throws -> String {
    let rendered = try render("result: ${ \(expression) }")
    if !rendered.diagnostics.isEmpty { return rendered.errors.joined(separator: "\n") }
    return rendered.yaml
  }

  /// The only error of rendering `result: ${ expression }`, without its location.
  static func error(_ expression: String) throws -> String {
    let rendered = try render("result: ${ \(expression) }")
    #expect(rendered.diagnostics.count == 1, "\(rendered.errors)")
    return rendered.diagnostics.first?.message ?? "(no error)"
  }

  /// The string value of `result: ${ expression }`; `nil` (and a failed expectation) on
  /// errors.
  static func string(_ expression: String) throws -> String? {
    let rendered = try render("result: ${ \(expression) }")
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    return rendered.node?["result"]?.string
  }

  static func location(line: Int, column: Int, file: String = templateFile) -> YAML.SourceLocation {
    testFiles.location(file, line: line, column: column)
  }
}
