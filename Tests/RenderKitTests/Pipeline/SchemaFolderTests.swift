import TestSupport
import Testing

@testable import RenderKit

/// render.yaml's `kubernetesVersion` and `schemas:` folders.
@Suite struct SchemaFolderTests {
  static let backup = """
    apiVersion: example.com/v1
    kind: Backup
    metadata: {name: nightly}
    spec: {retentionDay: 7}
    """

  func schemaFindings(_ files: [String: String?]) async throws -> [String] {
    let compilation = try await CompilerTests.compile(files)
    return RepositoryFixture.lines(
      compilation.diagnostics.filter { ["schema", "input"].contains($0.rule) }, in: testFiles)
  }

  @Test func crdsInASchemaFolderCheckCustomResources() async throws {
    let findings = try await schemaFindings([
      "render.yaml": "schemas: [vendor/schemas]\n",
      "vendor/schemas/backup-crd.yaml": SampleCRD.backups,
      "environments/prod/resources/backup.yaml": Self.backup,
    ])
    #expect(
      findings == [
        "environments/prod/resources/backup.yaml:4:8: unknown field 'retentionDay' in 'spec'; did you mean 'retentionDays'?"
      ])
  }

  @Test func aMissingSchemaFolderIsAnError() async throws {
    let findings = try await schemaFindings(["render.yaml": "schemas: [nowhere]\n"])
    #expect(findings == ["render.yaml:1:11: schema folder 'nowhere' does not exist"])
  }

  @Test func anotherKubernetesVersionNeedsItsSchemas() async throws {
    let findings = try await schemaFindings(["render.yaml": "kubernetesVersion: \"1.30\"\n"])
    #expect(
      findings == [
        "render.yaml:1:20: kubernetesVersion 1.30 needs its schemas: render bundles Kubernetes 1.31.0"
      ])
  }

  @Test func definitionsInASchemaFolderReplaceTheBundle() async throws {
    let findings = try await schemaFindings([
      "render.yaml": "kubernetesVersion: \"1.30\"\nschemas: [k8s]\n",
      "k8s/_definitions.json": KubernetesSchemaBundle.json,
    ])
    #expect(findings == [])
    let broken = try await schemaFindings([
      "render.yaml": "schemas: [k8s]\n",
      "k8s/_definitions.json": "{\"definitions\": ",
    ])
    // The JSON problem at its own line and column.
    #expect(broken == ["k8s/_definitions.json:1:17: unexpected end of JSON"], "\(broken)")
  }
}
