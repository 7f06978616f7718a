import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// Every corpus case gets the API server's verdict from render, and
/// docs/apiserver-corpus.md (the table of what schema-only validation misses) is what
/// the corpus says.
@Suite struct APIServerCorpusTests {
  static let cases = APIServerCorpusCase.all()

  @Test func corpusHasAtLeastAHundredCasesOfBothVerdicts() {
    #expect(Self.cases.count >= 100)
    #expect(Self.cases.filter(\.rejected).count >= 80)
    #expect(Self.cases.filter { !$0.rejected }.count >= 20)
    #expect(Self.cases.filter(\.rejected).allSatisfy { $0.message != nil || $0.note != nil })
  }

  @Test(arguments: cases)
  func renderGivesTheAPIServersVerdict(_ corpusCase: APIServerCorpusCase) throws {
    let (schema, apiserver) = try corpusCase.findings(schema: bundledSchema)
    let all = schema + apiserver
    if corpusCase.rejected {
      #expect(!all.isEmpty, "the API server rejects \(corpusCase.name); render reports nothing")
      if let message = corpusCase.message {
        #expect(
          all.contains { $0.message.contains(message) },
          "expected a finding with \(message), got \(all.map(\.message))")
      }
    } else {
      #expect(
        all.isEmpty,
        "the API server accepts \(corpusCase.name); render reports \(all.map(\.message))")
    }
    // The rule runs after the schema: it does not repeat the schema's findings.
    let schemaFields = Set(schema.flatMap { $0.related.map(\.message) })
    for finding in apiserver {
      #expect(
        !finding.related.contains { schemaFields.contains($0.message) },
        "\(finding.message) repeats a schema finding")
      #expect(finding.location.testPath == corpusCase.name + ".yaml")
      #expect(finding.location.line > 1 && finding.help?.isEmpty == false)
    }
  }

  @Test func committedTableIsUpToDate() throws {
    let generated = try APIServerCorpusReport.markdown(
      Self.cases, schema: bundledSchema)
    // RECORD_SNAPSHOTS=1 swift test --filter APIServerCorpus re-writes it.
    try GoldenFile.expect(generated, matches: "docs/apiserver-corpus.md")
  }

  @Test func schemaAloneMissesMostRejections() throws {
    let schema = bundledSchema
    let rejected = Self.cases.filter(\.rejected)
    let caughtBySchema = try rejected.filter { try !$0.findings(schema: schema).schema.isEmpty }
    #expect(caughtBySchema.count < rejected.count / 4)
  }
}
