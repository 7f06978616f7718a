import Foundation
import TestSupport
import Testing
import YAML

@testable import RenderKit

/// `render explain` must never tell a story the build did not live: for every field of
/// every file the example platform renders, explain's value is the rendered value, and
/// the traced render explain uses renders exactly what the build renders.
@Suite struct ExplainAgreesWithBuildTests {
  static func build() async throws -> (Repository, Compilation) {
    let (repository, loadDiagnostics) = RepositoryLoader(root: PackageRoot.path).load()
    #expect(loadDiagnostics.isEmpty, "\(loadDiagnostics)")
    let compilation = await Compiler.compile(repository, schema: bundledSchema)
    #expect(!compilation.hasErrors, "\(compilation.diagnostics)")
    return (repository, compilation)
  }

  /// Every scalar, empty mapping and empty list of `node`, with its path.
  static func leaves(_ node: Node, path: [PathComponent] = []) -> [([PathComponent], Node)] {
    switch node.content {
    case .mapping(let entries) where !entries.isEmpty:
      entries.flatMap { leaves($0.value, path: path + [.key($0.key)]) }
    case .sequence(let items) where !items.isEmpty:
      items.indices.flatMap { leaves(items[$0], path: path + [.index($0)]) }
    default:
      [(path, node)]
    }
  }

  @Test func everyRenderedFieldIsWhatExplainSays() async throws {
    let (repository, build) = try await Self.build()
    let files = Dictionary(
      build.tree.files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
    var checked = 0
    let schema = bundledSchema
    for (environment, services) in build.services.sorted(by: { $0.key < $1.key }) {
      // As `render explain ENV SERVICE FIELD` compiles: filtered to the environment (a
      // service filter renders the whole environment too).
      let explained = await Compiler.compile(
        repository, options: BuildOptions(environments: [environment]), schema: schema)
      for service in services.keys.sorted() {
        let explainer = try #require(
          FieldExplainer(explained, environment: environment, service: service))
        let resources = explainer.resources
        for resource in resources {
          let path = ResourcePath.path(for: resource)
          let contents = try #require(files[path], "\(path) is not in the build's output")
          let body = try #require(GeneratedHeader.split(contents)?.body)
          let rendered = try #require(
            try YAMLParser.parse(String(body), file: path, fileNames: testFiles).first)
          for (field, value) in Self.leaves(rendered) {
            // Keys FieldPath cannot spell (a quote or a bracket in them) are left out.
            guard
              !field.contains(where: {
                if case .key(let key) = $0 {
                  key.contains("\"") || key.contains("]")
                } else {
                  false
                }
              })
            else { continue }
            let target = "\(resource.kind)/\(resource.name):\(field.dottedPath)"
            let explanation = try explainer.explain(target).get()
            #expect(explanation.field == field, "\(target)")
            #expect(
              YAMLEmitter.emit(explanation.value) == YAMLEmitter.emit(value),
              "\(environment) \(target): explain says \(YAMLEmitter.emit(explanation.value)), rendered/ has \(YAMLEmitter.emit(value))"
            )
            if let expression = explanation.expression {
              #expect(expression.fileID == resource.source.fileID, "\(target)")
            }
            checked += 1
          }
        }
      }
    }
    // The example platform renders hundreds of files: a walk that found nothing is broken.
    #expect(checked > 1_000)
  }

  @Test func theTracedRenderExplainUsesRendersWhatTheBuildRenders() async throws {
    let (_, build) = try await Self.build()
    let renderer = ServiceRenderer(platform: build.platform)
    var traced = 0
    for (_, services) in build.services {
      for resolved in services.values {
        let plain = renderer.render(resolved)
        var trace = ExpressionTrace()
        let explained = renderer.render(resolved, tracing: &trace)
        #expect(explained.resources.map(\.body) == plain.resources.map(\.body))
        #expect(explained.diagnostics == plain.diagnostics)
        traced += trace.documents.count
      }
    }
    #expect(traced > 0)
  }
}
