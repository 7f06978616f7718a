import Testing

@testable import RenderKit

/// A YAML syntax error caused by an unquoted `${ }` in a flow collection says how to
/// write it instead.
@Suite struct YAMLSyntaxHelpTests {
  static func diagnostics(_ text: String) -> [Diagnostic] {
    DocumentReader.documents(of: SourceFile(path: "templates/web/deployment.yaml", text: text))
      .diagnostics
  }

  @Test(arguments: [
    "ports: [{containerPort: ${ values.port }}]",
    "args: [--port, ${ values.port }]",
    "selector: {app: ${service.name}}",
  ])
  func anUnquotedExpressionInAFlowCollectionGetsTheHelp(_ line: String) throws {
    let found = Self.diagnostics("kind: Deployment\n\(line)\n")
    let error = try #require(found.first)
    #expect(found.count == 1)
    #expect(error.location.line == 2)
    #expect(error.message.contains("while parsing a flow"))
    #expect(
      error.help?.hasPrefix("an unquoted ${ } cannot sit inside a YAML flow collection") == true)
    #expect(error.help?.contains("block style") == true)
  }

  @Test func theBlockAndQuotedFormsParse() {
    #expect(
      Self.diagnostics(
        """
        ports:
        - containerPort: ${ values.port }
        selector: {app: "${ service.name }"}
        """
      ).isEmpty)
  }

  @Test func aFlowErrorWithoutAnExpressionGetsNoHelp() throws {
    let error = try #require(Self.diagnostics("ports: [{containerPort: 80]\n").first)
    #expect(error.message.contains("flow"))
    #expect(error.help == nil)
  }

  @Test func lineIsOneBased() {
    #expect(YAMLSyntaxHelp.line(2, of: "a\nb\nc") == "b")
    #expect(YAMLSyntaxHelp.line(3, of: "a\nb\nc") == "c")
    #expect(YAMLSyntaxHelp.line(4, of: "a\nb\nc") == nil)
  }
}
