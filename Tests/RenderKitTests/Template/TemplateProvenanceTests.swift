import TestSupport
import Testing

@testable import RenderKit

/// 7. Where output nodes say they came from, and the trace `render explain` reads.
@Suite struct TemplateProvenanceTests {
  typealias F = TemplateFixture

  static let template = """
    metadata:
      labels:
        app: web
        $merge: ${ values.labels }
    spec:
      replicas: ${ values.replicas }
      literal: ${ 5 }
      text: "x-${ values.name }"
      quoted: "${ values.port }"
      image: ghcr.io/acme/checkout
      hosts: ${ values.hosts }
      env:
        - name: A
        - $append: ${ values.extraEnv }
    """

  @Test func substitutedValuesKeepTheLocationThatSetThem() throws {
    let rendered = try F.render(Self.template)
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    let node = try #require(rendered.node)
    func location(_ path: [PathComponent]) -> YAML.SourceLocation? {
      node.value(at: path)?.location
    }

    // `  replicas: 3` in service.yaml.
    #expect(
      location([.key("spec"), .key("replicas")])
        == F.location(line: 2, column: 13, file: F.serviceFile))
    // A substituted list and its items, recursively.
    #expect(
      location([.key("spec"), .key("hosts")])
        == F.location(line: 10, column: 10, file: F.serviceFile))
    #expect(
      location([.key("spec"), .key("hosts"), .index(1)])
        == F.location(line: 10, column: 26, file: F.serviceFile))
    // Merged entries and appended items keep theirs too.
    #expect(
      location([.key("metadata"), .key("labels"), .key("team")])
        == F.location(line: 9, column: 18, file: F.serviceFile))
    #expect(
      node.value(at: [.key("metadata"), .key("labels")])?.entry("team")?.keyLocation
        == F.location(line: 9, column: 12, file: F.serviceFile))
    #expect(
      location([.key("spec"), .key("env"), .index(1), .key("name")])
        == F.location(line: 12, column: 21, file: F.serviceFile))
    // Quotes that turn a number into a string are the template's doing: a finding about
    // the type belongs at the expression, not where the number was set.
    #expect(location([.key("spec"), .key("quoted")]) == F.location(line: 9, column: 12))
  }

  @Test func aQuotedStringValueKeepsItsLocation() throws {
    let rendered = try F.render("plain: ${ values.name }\nquoted: \"${ values.name }\"\n")
    let node = try #require(rendered.node)
    #expect(node["quoted"]?.location == node["plain"]?.location)
    #expect(node["quoted"]?.location.testPath == F.serviceFile)
  }

  @Test func computedValuesAreLocatedAtTheExpression() throws {
    let rendered = try F.render(Self.template)
    let node = try #require(rendered.node)
    func location(_ path: [PathComponent]) -> YAML.SourceLocation? {
      node.value(at: path)?.location
    }
    #expect(location([.key("spec"), .key("literal")]) == F.location(line: 7, column: 12))
    #expect(location([.key("spec"), .key("text")]) == F.location(line: 8, column: 12))
    let filtered = try F.render("a: ${ values.name | upper }\n")
    #expect(filtered.node?["a"]?.location == F.location(line: 1, column: 4))
  }

  @Test func literalTemplateTextKeepsItsLocation() throws {
    let rendered = try F.render(Self.template)
    let node = try #require(rendered.node)
    #expect(
      node.value(at: [.key("spec"), .key("image")])?.location == F.location(line: 10, column: 10))
    #expect(
      node.value(at: [.key("metadata"), .key("labels"), .key("app")])?.location
        == F.location(line: 3, column: 10))
    #expect(
      node.value(at: [.key("spec"), .key("env"), .index(0), .key("name")])?.location
        == F.location(line: 13, column: 13))
  }

  @Test func traceRecordsTheExpressionOfEveryNodeThatCameFromOne() throws {
    let rendered = try F.render(Self.template, trace: true)
    #expect(rendered.diagnostics.isEmpty)
    let merge = F.location(line: 4, column: 13)
    let append = F.location(line: 14, column: 16)
    let hosts = F.location(line: 11, column: 10)
    let expected: [[PathComponent]: YAML.SourceLocation] = [
      [.key("metadata"), .key("labels"), .key("team")]: merge,
      [.key("metadata"), .key("labels"), .key("tier")]: merge,
      [.key("spec"), .key("replicas")]: F.location(line: 6, column: 13),
      [.key("spec"), .key("literal")]: F.location(line: 7, column: 12),
      [.key("spec"), .key("text")]: F.location(line: 8, column: 12),
      [.key("spec"), .key("quoted")]: F.location(line: 9, column: 12),
      [.key("spec"), .key("hosts")]: hosts,
      [.key("spec"), .key("hosts"), .index(0)]: hosts,
      [.key("spec"), .key("hosts"), .index(1)]: hosts,
      [.key("spec"), .key("env"), .index(1)]: append,
      [.key("spec"), .key("env"), .index(1), .key("name")]: append,
      [.key("spec"), .key("env"), .index(1), .key("value")]: append,
    ]
    #expect(rendered.trace == expected)
  }

  @Test func traceUsesOutputIndexesAfterRemovalsAndSplices() throws {
    let rendered = try F.render(
      """
      items:
        - ${ values.nothing }
        - $append: ${ values.hosts }
        - ${ values.name }
      """, trace: true)
    #expect(rendered.yaml == "items:\n- a.example.com\n- b.example.com\n- web\n")
    #expect(rendered.trace[[.key("items"), .index(2)]] == F.location(line: 4, column: 5))
    #expect(rendered.trace[[.key("items"), .index(0)]] == F.location(line: 3, column: 14))
    #expect(rendered.trace.count == 3)
  }

  @Test func traceForgetsWhatAnOverrideReplaced() throws {
    // The merged `inner` (with `inner.deep` inside) is overridden by literal text.
    let rendered = try F.render(
      """
      a:
        $merge: ${ values.nested }
        inner: literal
      """, trace: true)
    #expect(rendered.yaml == "a:\n  inner: literal\n")
    #expect(rendered.trace.isEmpty)
  }

  @Test func renderingWithAndWithoutTraceGivesTheSameOutput() throws {
    let plain = try F.render(Self.template)
    let traced = try F.render(Self.template, trace: true)
    #expect(plain.yaml == traced.yaml)
    #expect(plain.node == traced.node)
  }
}
