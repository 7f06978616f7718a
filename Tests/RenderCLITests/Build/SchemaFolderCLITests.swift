import Foundation
import TestSupport
import Testing

/// render.yaml's `schemas:` folders are read from disk like crds/.
@Suite struct SchemaFolderCLITests {
  @Test func aCRDInASchemaFolderChecksItsResources() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.write("render.yaml", "schemas: [vendor/crds]\n")
    try repository.write("vendor/crds/backup.yaml", SampleCRD.backups)
    try repository.write(
      "environments/base/resources/backup.yaml",
      """
      apiVersion: example.com/v1
      kind: Backup
      metadata:
        name: nightly
        labels: {app.kubernetes.io/name: nightly}
      spec: {retentionDays: 7}

      """)
    let good = try repository.render("build")
    #expect(good.status == 0, "\(good.transcript)")
    try repository.replace(
      "retentionDays: 7", with: "retentionDays: seven",
      in: "environments/base/resources/backup.yaml")
    let bad = try repository.render("validate")
    #expect(bad.status == 1, "\(bad.transcript)")
    #expect(
      bad.errors.first?.hasPrefix(
        "environments/base/resources/backup.yaml:6:23: error[schema]: 'retentionDays' must be an integer"
      )
        == true, "\(bad.stderr)")
  }
}
