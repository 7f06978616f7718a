import TestSupport
import Testing

@testable import RenderKit

/// A YAML syntax error caused by an unquoted `${ }` in a flow collection says how to
/// write it instead.
@Suite struct YAMLSyntaxHelpTests {
  static func diagnostics(_ text: String) -> [Diagnostic] {
    DocumentReader.documents(
      of: SourceFile(path: "templates/web/deployment.yaml", text: text), in: testFiles
    ).diagnostics
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

  /// The help reads the error's line through `SourceFile.line`.
  @Test func lineIsOneBased() {
    let file = SourceFile(path: "a.yaml", text: "a\nb\nc")
    #expect(file.line(2) == "b")
    #expect(file.line(3) == "c")
    #expect(file.line(4) == nil)
  }
}
