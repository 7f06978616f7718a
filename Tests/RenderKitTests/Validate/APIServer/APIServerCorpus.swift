import Foundation
import TestSupport

@testable import RenderKit

/// The cases of `Tests/Fixtures/apiserver-corpus/`: manifests with the verdict a
/// Kubernetes 1.31 API server gives them (`# verdict: rejected|accepted`) and, for a
/// rejection, a part of its message (`# message: ...`) that render must report too.
struct APIServerCorpusCase: Sendable, CustomStringConvertible {
  var name: String
  var text: String
  var rejected: Bool
  var message: String?
  var note: String?

  var description: String { name }

  static let folder = PackageRoot.path + "/Tests/Fixtures/apiserver-corpus"

  static func all() -> [APIServerCorpusCase] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name in
      guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else {
        return nil
      }
      var header: [String: String] = [:]
      for line in text.split(separator: "\n") {
        guard line.hasPrefix("# "), let colon = line.firstIndex(of: ":") else { break }
        header[String(line.dropFirst(2)[..<colon])] = String(
          line[line.index(after: colon)...].drop(while: { $0 == " " }))
      }
      return APIServerCorpusCase(
        name: String(name.dropLast(".yaml".count)), text: text,
        rejected: header["verdict"] == "rejected", message: header["message"], note: header["note"])
    }
  }

  /// What the schema check and the `apiserver` rule report on the case.
  func findings(schema: KubernetesSchema) throws -> (schema: [Diagnostic], apiserver: [Diagnostic])
  {
    let resources = try RuleTestSupport.resources(text, file: name + ".yaml")
    let schemaFindings = resources.flatMap { rendered in
      schema.validate(rendered.resource, renderedPath: rendered.path)
    }
    let apiserver = APIServerRule().check(RuleTestSupport.context(resources))
    return (schemaFindings, apiserver)
  }

  var kind: String {
    text.split(separator: "\n").first { $0.hasPrefix("kind: ") }.map { String($0.dropFirst(6)) }
      ?? ""
  }
}
